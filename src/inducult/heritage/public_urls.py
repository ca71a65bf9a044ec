"""Public URLs of the region's sites."""

from django.urls import path

from inducult.heritage import event_public_views as events
from inducult.heritage import exhibition_views, photo_views, public_views

app_name = "heritage_public"
urlpatterns = [
    path("r/<slug:region_slug>/sites/", public_views.SiteListView.as_view(), name="site_list"),
    path("r/<slug:region_slug>/sites/<int:pk>/", public_views.SiteDetailView.as_view(), name="site"),
    path("r/<slug:region_slug>/photos/<int:pk>/", photo_views.PhotoFileView.as_view(), name="photo"),
    path("r/<slug:region_slug>/map/", public_views.SiteMapView.as_view(), name="map"),
    path("r/<slug:region_slug>/map/markers.json", public_views.SiteMarkersView.as_view(), name="map_markers"),
    path("r/<slug:region_slug>/events/", events.EventCalendarView.as_view(), name="event_list"),
    path("r/<slug:region_slug>/events/<int:pk>/", events.EventPageView.as_view(), name="event"),
    path("r/<slug:region_slug>/festivals/<slug:festival_slug>/", events.FestivalView.as_view(), name="festival"),
    path("open/<slug:region_slug>/events.ics", events.EventsIcsView.as_view(), name="events_ics"),
    path("open/<slug:region_slug>/events.json", events.EventsJsonView.as_view(), name="events_json"),
    path(
        "open/<slug:region_slug>/festivals/<slug:festival_slug>.ics",
        events.FestivalIcsView.as_view(),
        name="festival_ics",
    ),
    path("open/<slug:region_slug>/sites/<int:pk>/events.ics", events.SiteIcsView.as_view(), name="site_ics"),
    path("r/<slug:region_slug>/exhibitions/<int:pk>/", exhibition_views.ExhibitionView.as_view(), name="exhibition"),
    path("r/<slug:region_slug>/exhibitions/stops/<int:pk>/vote/", exhibition_views.VoteView.as_view(), name="vote"),
    path(
        "open/<slug:region_slug>/exhibitions.json",
        exhibition_views.ExhibitionsJsonView.as_view(),
        name="exhibitions_json",
    ),
    # Stable open-data URLs (issue #4): other tools depend on them.
    path("open/<slug:region_slug>/sites.geojson", public_views.SitesGeoJsonView.as_view(), name="sites_geojson"),
    path("open/<slug:region_slug>/sites.csv", public_views.SitesCsvView.as_view(), name="sites_csv"),
]
