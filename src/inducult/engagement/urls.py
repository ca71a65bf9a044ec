"""URLs of the engagement log: its back office (namespace ``engagement``) and its public calendar
(``engagement_public``; the /open/… path is a stable contract: do not rename it)."""

from django.urls import path

from inducult.engagement.views import backoffice, opendata
from inducult.regions.urls import MANAGE, OPEN

LOG = f"{MANAGE}engagements/"

backoffice_patterns = [
    path(LOG, backoffice.EngagementListView.as_view(), name="list"),
    path(f"{LOG}new/", backoffice.EngagementCreateView.as_view(), name="create"),
    path(f"{LOG}<int:pk>/", backoffice.EngagementDetailView.as_view(), name="detail"),
    path(f"{LOG}<int:pk>/edit/", backoffice.EngagementUpdateView.as_view(), name="edit"),
    path(f"{LOG}<int:pk>/delete/", backoffice.EngagementDeleteView.as_view(), name="delete"),
    # Undo of a deletion: the engagement comes back with everything that hung on it.
    path(f"{LOG}<int:pk>/restore/", backoffice.EngagementRestoreView.as_view(), name="restore"),
    path(f"{LOG}tasks/<int:pk>/done/", backoffice.TaskDoneView.as_view(), name="task_done"),
    path(
        f"{LOG}<int:pk>/attachments/<int:attachment_pk>/",
        backoffice.AttachmentDownloadView.as_view(),
        name="attachment",
    ),
]

public_patterns = [
    path(f"{OPEN}engagements.ics", opendata.EngagementsIcsView.as_view(), name="ics"),
]
