"""Back-office URLs of the good-practice library (namespace ``practices``)."""

from django.urls import path

from inducult.practices import views
from inducult.regions.urls import MANAGE

LIBRARY = f"{MANAGE}practices/"

backoffice_patterns = [
    path(LIBRARY, views.PracticeListView.as_view(), name="list"),
    path(f"{LIBRARY}new/", views.PracticeCreateView.as_view(), name="create"),
    path(f"{LIBRARY}<int:pk>/", views.PracticeDetailView.as_view(), name="detail"),
    path(f"{LIBRARY}<int:pk>/edit/", views.PracticeEditView.as_view(), name="edit"),
    path(f"{LIBRARY}<int:pk>/share/", views.PracticeShareView.as_view(), name="share"),
    path(f"{LIBRARY}<int:pk>/unshare/", views.PracticeUnshareView.as_view(), name="unshare"),
    path(f"{LIBRARY}<int:pk>/archive/", views.PracticeArchiveView.as_view(), name="archive"),
    path(f"{LIBRARY}<int:pk>/restore/", views.PracticeRestoreView.as_view(), name="restore"),
    path(
        f"{LIBRARY}<int:pk>/attachments/<int:attachment_pk>/", views.PracticeAttachmentView.as_view(), name="attachment"
    ),
]
