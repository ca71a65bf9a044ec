"""Public URLs. The /open/… paths are stable contracts for other tools: do not rename them."""

from django.urls import path

from inducult.portal import views

app_name = "portal"
urlpatterns = [
    path("r/<slug:region_slug>/", views.RegionHomeView.as_view(), name="region_home"),
    path("r/<slug:region_slug>/organisations/", views.DirectoryView.as_view(), name="directory"),
    path("r/<slug:region_slug>/organisations/<int:pk>/", views.PublicOrganisationView.as_view(), name="organisation"),
    path("open/<slug:region_slug>/organisations.csv", views.OrganisationsCsvView.as_view(), name="organisations_csv"),
    path(
        "open/<slug:region_slug>/organisations.json", views.OrganisationsJsonView.as_view(), name="organisations_json"
    ),
]
