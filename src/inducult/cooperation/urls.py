"""URLs of the cooperation app: the back office under manage/<region>/cooperation/, the public
summary under r/<region>/cooperation/ (included at the site root)."""

from django.urls import path

from inducult.cooperation import views

app_name = "cooperation"

BACK = "manage/<slug:region_slug>/cooperation/"
PUBLIC = "r/<slug:region_slug>/cooperation/"

urlpatterns = [
    path(BACK, views.CooperationListView.as_view(), name="list"),
    path(f"{BACK}new/", views.CooperationCreateView.as_view(), name="create"),
    path(f"{BACK}suggestions/", views.SuggestionsView.as_view(), name="suggestions"),
    path(f"{BACK}summary/", views.SummaryView.as_view(), name="summary"),
    path(f"{BACK}<int:pk>/", views.CooperationDetailView.as_view(), name="detail"),
    path(f"{BACK}<int:pk>/edit/", views.CooperationEditView.as_view(), name="edit"),
    path(f"{BACK}<int:pk>/activities/new/", views.ActivityCreateView.as_view(), name="activity_create"),
    path(f"{BACK}<int:pk>/activities/<int:activity_pk>/edit/", views.ActivityEditView.as_view(), name="activity_edit"),
    path(PUBLIC, views.PublicIndexView.as_view(), name="public_index"),
    path(f"{PUBLIC}<int:year>/", views.PublicYearView.as_view(), name="public_year"),
]
