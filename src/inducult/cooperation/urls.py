"""URLs of the cooperation app (namespace ``cooperation``): the back office and the public
counts-only summary."""

from django.urls import path

from inducult.cooperation.views import backoffice, public
from inducult.regions.urls import MANAGE, PUBLIC

BACK = f"{MANAGE}cooperation/"
FRONT = f"{PUBLIC}cooperation/"

backoffice_patterns = [
    path(BACK, backoffice.CooperationListView.as_view(), name="list"),
    path(f"{BACK}new/", backoffice.CooperationCreateView.as_view(), name="create"),
    path(f"{BACK}suggestions/", backoffice.SuggestionsView.as_view(), name="suggestions"),
    path(f"{BACK}summary/", backoffice.SummaryView.as_view(), name="summary"),
    path(f"{BACK}<int:pk>/", backoffice.CooperationDetailView.as_view(), name="detail"),
    path(f"{BACK}<int:pk>/edit/", backoffice.CooperationEditView.as_view(), name="edit"),
    path(f"{BACK}<int:pk>/activities/new/", backoffice.ActivityCreateView.as_view(), name="activity_create"),
    path(
        f"{BACK}<int:pk>/activities/<int:activity_pk>/edit/",
        backoffice.ActivityEditView.as_view(),
        name="activity_edit",
    ),
]

public_patterns = [
    path(FRONT, public.PublicIndexView.as_view(), name="public_index"),
    path(f"{FRONT}<int:year>/", public.PublicYearView.as_view(), name="public_year"),
]
