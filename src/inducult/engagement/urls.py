"""Back-office URLs of the engagement log, under /manage/<region-slug>/engagements/."""

from django.urls import path

from inducult.engagement import views, views_edit

app_name = "engagement"
urlpatterns = [
    path("", views.EngagementListView.as_view(), name="list"),
    path("new/", views_edit.EngagementCreateView.as_view(), name="create"),
    path("<int:pk>/", views.EngagementDetailView.as_view(), name="detail"),
    path("<int:pk>/edit/", views_edit.EngagementUpdateView.as_view(), name="edit"),
    path("<int:pk>/delete/", views.EngagementDeleteView.as_view(), name="delete"),
    # Undo of a deletion: the engagement comes back with everything that hung on it.
    path("<int:pk>/restore/", views.EngagementRestoreView.as_view(), name="restore"),
    path("tasks/<int:pk>/done/", views.TaskDoneView.as_view(), name="task_done"),
    path(
        "<int:pk>/attachments/<int:attachment_pk>/",
        views.AttachmentDownloadView.as_view(),
        name="attachment",
    ),
]
