"""URLs of the engagement log: its back office (namespace ``engagement``) and its public calendar
(``engagement_public``; the /open/… path is a stable contract: do not rename it)."""

from django.urls import path

from inducult.engagement import public_views, views, views_edit
from inducult.regions.urls import MANAGE, OPEN

LOG = f"{MANAGE}engagements/"

backoffice_patterns = [
    path(LOG, views.EngagementListView.as_view(), name="list"),
    path(f"{LOG}new/", views_edit.EngagementCreateView.as_view(), name="create"),
    path(f"{LOG}<int:pk>/", views.EngagementDetailView.as_view(), name="detail"),
    path(f"{LOG}<int:pk>/edit/", views_edit.EngagementUpdateView.as_view(), name="edit"),
    path(f"{LOG}<int:pk>/delete/", views.EngagementDeleteView.as_view(), name="delete"),
    # Undo of a deletion: the engagement comes back with everything that hung on it.
    path(f"{LOG}<int:pk>/restore/", views.EngagementRestoreView.as_view(), name="restore"),
    path(f"{LOG}tasks/<int:pk>/done/", views.TaskDoneView.as_view(), name="task_done"),
    path(f"{LOG}<int:pk>/attachments/<int:attachment_pk>/", views.AttachmentDownloadView.as_view(), name="attachment"),
]

public_patterns = [
    path(f"{OPEN}engagements.ics", public_views.EngagementsIcsView.as_view(), name="ics"),
]
