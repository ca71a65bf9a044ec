"""URLs of the cooperation app (namespace ``cooperation``): the back office and the public
counts-only summary."""

from django.urls import path

from inducult.cooperation import views
from inducult.regions.urls import MANAGE, PUBLIC

BACK = f"{MANAGE}cooperation/"
FRONT = f"{PUBLIC}cooperation/"

backoffice_patterns = [
    path(BACK, views.CooperationListView.as_view(), name="list"),
    path(f"{BACK}new/", views.CooperationCreateView.as_view(), name="create"),
    path(f"{BACK}suggestions/", views.SuggestionsView.as_view(), name="suggestions"),
    path(f"{BACK}summary/", views.SummaryView.as_view(), name="summary"),
    path(f"{BACK}<int:pk>/", views.CooperationDetailView.as_view(), name="detail"),
    path(f"{BACK}<int:pk>/edit/", views.CooperationEditView.as_view(), name="edit"),
    path(f"{BACK}<int:pk>/activities/new/", views.ActivityCreateView.as_view(), name="activity_create"),
    path(f"{BACK}<int:pk>/activities/<int:activity_pk>/edit/", views.ActivityEditView.as_view(), name="activity_edit"),
]

public_patterns = [
    path(FRONT, views.PublicIndexView.as_view(), name="public_index"),
    path(f"{FRONT}<int:year>/", views.PublicYearView.as_view(), name="public_year"),
]
