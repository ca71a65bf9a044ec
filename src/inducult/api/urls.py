"""The REST API, version 1 (namespace ``api``): the schema and its documentation page, then each
region's public data under ``/api/v1/<region>/``."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from inducult.api import views
from inducult.regions.urls import MANAGE

V1 = "api/v1/"
REGION = f"{V1}<slug:region_slug>/"

api_patterns = [
    path(f"{V1}schema/", SpectacularAPIView.as_view(), name="schema"),
    path(f"{V1}docs/", views.ApiDocsView.as_view(), name="docs"),
    path(f"{REGION}sites/", views.SiteList.as_view(), name="sites"),
    path(f"{REGION}sites/<int:pk>/", views.SiteDetail.as_view(), name="site"),
    path(f"{REGION}events/", views.EventList.as_view(), name="events"),
    path(f"{REGION}events/<int:pk>/", views.EventDetail.as_view(), name="event"),
    path(f"{REGION}exhibitions/", views.ExhibitionList.as_view(), name="exhibitions"),
    path(f"{REGION}exhibitions/<int:pk>/", views.ExhibitionDetail.as_view(), name="exhibition"),
    path(f"{REGION}progress/", views.Progress.as_view(), name="progress"),
    # With a personal token: the registry and the engagement log
    path(f"{REGION}organisations/", views.OrganisationList.as_view(), name="organisations"),
    path(f"{REGION}organisations/<int:pk>/", views.OrganisationDetail.as_view(), name="organisation"),
    path(f"{REGION}engagements/", views.EngagementList.as_view(), name="engagements"),
    path(f"{REGION}engagements/<int:pk>/", views.EngagementDetail.as_view(), name="engagement"),
    # The back office: a user's personal tokens for the region
    path(f"{MANAGE}api-tokens/", views.TokensView.as_view(), name="tokens"),
]
