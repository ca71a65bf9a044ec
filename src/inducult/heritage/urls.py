"""URLs of the heritage sites, events and the touring exhibition: the back office's sites
(namespace ``heritage_sites``) and events (``heritage_events``), the public pages and open data
(``heritage_public``; the /open/… paths are stable contracts: do not rename them), and the embeds
for partners' websites (``heritage_embed``; partners paste these paths)."""

from django.urls import path

from inducult.heritage.views.backoffice.events import EventFormView, EventListView, EventReviewView
from inducult.heritage.views.backoffice.photos import SitePhotosView
from inducult.heritage.views.backoffice.sites import SiteAdminListView, SiteEditView
from inducult.heritage.views.opendata.events import EventsIcsView, EventsJsonView, FestivalIcsView, SiteIcsView
from inducult.heritage.views.opendata.exhibitions import ExhibitionsJsonView
from inducult.heritage.views.opendata.sites import SitesCsvView, SitesGeoJsonView
from inducult.heritage.views.public.embeds import (
    EmbedBuilderView,
    EmbedFestivalView,
    EmbedMapView,
    EmbedSiteEventsView,
)
from inducult.heritage.views.public.events import EventCalendarView, EventPageView, FestivalView
from inducult.heritage.views.public.exhibition import ExhibitionView, VoteView
from inducult.heritage.views.public.sites import (
    PhotoFileView,
    SiteDetailView,
    SiteListView,
    SiteMapView,
    SiteMarkersView,
)
from inducult.regions.urls import EMBED, MANAGE, OPEN, PUBLIC

SITES = f"{MANAGE}sites/"
EVENTS = f"{MANAGE}events/"

site_patterns = [
    path(SITES, SiteAdminListView.as_view(), name="list"),
    path(f"{SITES}<int:pk>/edit/", SiteEditView.as_view(), name="edit"),
    path(f"{SITES}<int:pk>/photos/", SitePhotosView.as_view(), name="photos"),
]

event_patterns = [
    path(EVENTS, EventListView.as_view(), name="list"),
    path(f"{EVENTS}new/", EventFormView.as_view(), name="create"),
    path(f"{EVENTS}<int:pk>/edit/", EventFormView.as_view(), name="edit"),
    path(f"{EVENTS}<int:pk>/review/", EventReviewView.as_view(), name="review"),
]

public_patterns = [
    path(f"{PUBLIC}sites/", SiteListView.as_view(), name="site_list"),
    path(f"{PUBLIC}sites/<int:pk>/", SiteDetailView.as_view(), name="site"),
    path(f"{PUBLIC}photos/<int:pk>/", PhotoFileView.as_view(), name="photo"),
    path(f"{PUBLIC}map/", SiteMapView.as_view(), name="map"),
    path(f"{PUBLIC}map/markers.json", SiteMarkersView.as_view(), name="map_markers"),
    path(f"{PUBLIC}events/", EventCalendarView.as_view(), name="event_list"),
    path(f"{PUBLIC}events/<int:pk>/", EventPageView.as_view(), name="event"),
    path(f"{PUBLIC}festivals/<slug:festival_slug>/", FestivalView.as_view(), name="festival"),
    path(f"{OPEN}events.ics", EventsIcsView.as_view(), name="events_ics"),
    path(f"{OPEN}events.json", EventsJsonView.as_view(), name="events_json"),
    path(f"{OPEN}festivals/<slug:festival_slug>.ics", FestivalIcsView.as_view(), name="festival_ics"),
    path(f"{OPEN}sites/<int:pk>/events.ics", SiteIcsView.as_view(), name="site_ics"),
    path(f"{PUBLIC}exhibitions/<int:pk>/", ExhibitionView.as_view(), name="exhibition"),
    path(f"{PUBLIC}exhibitions/stops/<int:pk>/vote/", VoteView.as_view(), name="vote"),
    path(f"{OPEN}exhibitions.json", ExhibitionsJsonView.as_view(), name="exhibitions_json"),
    path(f"{OPEN}sites.geojson", SitesGeoJsonView.as_view(), name="sites_geojson"),
    path(f"{OPEN}sites.csv", SitesCsvView.as_view(), name="sites_csv"),
]

embed_patterns = [
    path(f"{EMBED}map/", EmbedMapView.as_view(), name="map"),
    path(f"{EMBED}festivals/<slug:festival_slug>/", EmbedFestivalView.as_view(), name="festival"),
    path(f"{EMBED}sites/<int:pk>/events/", EmbedSiteEventsView.as_view(), name="site_events"),
    path(f"{PUBLIC}embed/", EmbedBuilderView.as_view(), name="builder"),
]
