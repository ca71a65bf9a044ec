"""URLs of the heritage sites, events and the touring exhibition: the back office's sites
(namespace ``heritage_sites``) and events (``heritage_events``), the public pages and open data
(``heritage_public``; the /open/… paths are stable contracts: do not rename them), and the embeds
for partners' websites (``heritage_embed``; partners paste these paths)."""

from django.urls import path

from inducult.heritage import (
    embed_views,
    event_public_views,
    event_views,
    exhibition_views,
    photo_views,
    public_views,
    site_views,
)
from inducult.regions.urls import EMBED, MANAGE, OPEN, PUBLIC

SITES = f"{MANAGE}sites/"
EVENTS = f"{MANAGE}events/"

site_patterns = [
    path(SITES, site_views.SiteAdminListView.as_view(), name="list"),
    path(f"{SITES}<int:pk>/edit/", site_views.SiteEditView.as_view(), name="edit"),
    path(f"{SITES}<int:pk>/photos/", photo_views.SitePhotosView.as_view(), name="photos"),
]

event_patterns = [
    path(EVENTS, event_views.EventListView.as_view(), name="list"),
    path(f"{EVENTS}new/", event_views.EventFormView.as_view(), name="create"),
    path(f"{EVENTS}<int:pk>/edit/", event_views.EventFormView.as_view(), name="edit"),
    path(f"{EVENTS}<int:pk>/review/", event_views.EventReviewView.as_view(), name="review"),
]

public_patterns = [
    path(f"{PUBLIC}sites/", public_views.SiteListView.as_view(), name="site_list"),
    path(f"{PUBLIC}sites/<int:pk>/", public_views.SiteDetailView.as_view(), name="site"),
    path(f"{PUBLIC}photos/<int:pk>/", photo_views.PhotoFileView.as_view(), name="photo"),
    path(f"{PUBLIC}map/", public_views.SiteMapView.as_view(), name="map"),
    path(f"{PUBLIC}map/markers.json", public_views.SiteMarkersView.as_view(), name="map_markers"),
    path(f"{PUBLIC}events/", event_public_views.EventCalendarView.as_view(), name="event_list"),
    path(f"{PUBLIC}events/<int:pk>/", event_public_views.EventPageView.as_view(), name="event"),
    path(f"{PUBLIC}festivals/<slug:festival_slug>/", event_public_views.FestivalView.as_view(), name="festival"),
    path(f"{OPEN}events.ics", event_public_views.EventsIcsView.as_view(), name="events_ics"),
    path(f"{OPEN}events.json", event_public_views.EventsJsonView.as_view(), name="events_json"),
    path(
        f"{OPEN}festivals/<slug:festival_slug>.ics", event_public_views.FestivalIcsView.as_view(), name="festival_ics"
    ),
    path(f"{OPEN}sites/<int:pk>/events.ics", event_public_views.SiteIcsView.as_view(), name="site_ics"),
    path(f"{PUBLIC}exhibitions/<int:pk>/", exhibition_views.ExhibitionView.as_view(), name="exhibition"),
    path(f"{PUBLIC}exhibitions/stops/<int:pk>/vote/", exhibition_views.VoteView.as_view(), name="vote"),
    path(f"{OPEN}exhibitions.json", exhibition_views.ExhibitionsJsonView.as_view(), name="exhibitions_json"),
    path(f"{OPEN}sites.geojson", public_views.SitesGeoJsonView.as_view(), name="sites_geojson"),
    path(f"{OPEN}sites.csv", public_views.SitesCsvView.as_view(), name="sites_csv"),
]

embed_patterns = [
    path(f"{EMBED}map/", embed_views.EmbedMapView.as_view(), name="map"),
    path(f"{EMBED}festivals/<slug:festival_slug>/", embed_views.EmbedFestivalView.as_view(), name="festival"),
    path(f"{EMBED}sites/<int:pk>/events/", embed_views.EmbedSiteEventsView.as_view(), name="site_events"),
    path(f"{PUBLIC}embed/", embed_views.EmbedBuilderView.as_view(), name="builder"),
]
