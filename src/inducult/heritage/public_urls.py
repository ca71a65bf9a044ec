"""Public URLs of the region's sites."""

from django.urls import path

from inducult.heritage import public_views

app_name = "heritage_public"
urlpatterns = [
    path("r/<slug:region_slug>/sites/", public_views.SiteListView.as_view(), name="site_list"),
    path("r/<slug:region_slug>/sites/<int:pk>/", public_views.SiteDetailView.as_view(), name="site"),
    path("r/<slug:region_slug>/map/", public_views.SiteMapView.as_view(), name="map"),
    # Stable open-data URLs (issue #4): other tools depend on them.
    path("open/<slug:region_slug>/sites.geojson", public_views.SitesGeoJsonView.as_view(), name="sites_geojson"),
    path("open/<slug:region_slug>/sites.csv", public_views.SitesCsvView.as_view(), name="sites_csv"),
]
