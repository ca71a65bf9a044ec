"""Back-office URLs of the good-practice library (namespace ``practices``)."""

from django.urls import path

from inducult.practices.views import backoffice
from inducult.regions.urls import MANAGE

LIBRARY = f"{MANAGE}practices/"

backoffice_patterns = [
    path(LIBRARY, backoffice.PracticeListView.as_view(), name="list"),
    path(f"{LIBRARY}new/", backoffice.PracticeCreateView.as_view(), name="create"),
    path(f"{LIBRARY}<int:pk>/", backoffice.PracticeDetailView.as_view(), name="detail"),
    path(f"{LIBRARY}<int:pk>/edit/", backoffice.PracticeEditView.as_view(), name="edit"),
    path(f"{LIBRARY}<int:pk>/share/", backoffice.PracticeShareView.as_view(), name="share"),
    path(f"{LIBRARY}<int:pk>/unshare/", backoffice.PracticeUnshareView.as_view(), name="unshare"),
    path(f"{LIBRARY}<int:pk>/archive/", backoffice.PracticeArchiveView.as_view(), name="archive"),
    path(f"{LIBRARY}<int:pk>/restore/", backoffice.PracticeRestoreView.as_view(), name="restore"),
    path(
        f"{LIBRARY}<int:pk>/attachments/<int:attachment_pk>/",
        backoffice.PracticeAttachmentView.as_view(),
        name="attachment",
    ),
]
