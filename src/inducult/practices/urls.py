"""URLs of the good-practice library: the back office under /manage/<region>/practices/."""

from django.urls import path

from inducult.practices import views

app_name = "practices"
PREFIX = "manage/<slug:region_slug>/practices/"
urlpatterns = [
    path(PREFIX, views.PracticeListView.as_view(), name="list"),
    path(f"{PREFIX}new/", views.PracticeCreateView.as_view(), name="create"),
    path(f"{PREFIX}<int:pk>/", views.PracticeDetailView.as_view(), name="detail"),
    path(f"{PREFIX}<int:pk>/edit/", views.PracticeEditView.as_view(), name="edit"),
    path(f"{PREFIX}<int:pk>/share/", views.PracticeShareView.as_view(), name="share"),
    path(f"{PREFIX}<int:pk>/unshare/", views.PracticeUnshareView.as_view(), name="unshare"),
    path(f"{PREFIX}<int:pk>/archive/", views.PracticeArchiveView.as_view(), name="archive"),
    path(f"{PREFIX}<int:pk>/restore/", views.PracticeRestoreView.as_view(), name="restore"),
    path(
        f"{PREFIX}<int:pk>/attachments/<int:attachment_pk>/",
        views.PracticeAttachmentView.as_view(),
        name="attachment",
    ),
]
