"""Helpers shared by the public views of sites, events, the exhibition and the embeds: labels,
map markers and the map pages' CSP, the event rows and the open-data headers."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from inducult.heritage.domain import opening_hours as oh
from inducult.heritage.enums import SiteKind
from inducult.heritage.models import Event
from inducult.heritage.presentation import day_text
from inducult.network.enums import Sector

KIND_LABELS = dict(SiteKind.choices)
SECTOR_LABELS = dict(Sector.choices)


def tile_origin(template: str) -> str:
    """The origin a tile URL template loads images from, for the map page's CSP img-src; a
    ``{s}`` subdomain placeholder becomes a wildcard ("https://*.tile.example.org")."""
    parts = urlsplit(template.replace("{s}", "*"))
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def site_marker(site, region_slug: str, day: oh.DayHours | None = None) -> dict:
    """What the map script needs of one site (sites without coordinates have no marker)."""
    return {
        "id": site.pk,
        "name": site.display_name,
        "lat": float(site.latitude),
        "lon": float(site.longitude),
        "kind": KIND_LABELS.get(site.kind, site.kind),
        "day": day_text(day) if day else "",
        "sample": site.is_sample,
        "url": reverse("heritage_public:site", args=[region_slug, site.pk]),
    }


def allow_tiles(response):
    """A map page's CSP: images from the tile server too (every other page keeps the strict one)."""
    origin = tile_origin(settings.INDUCULT_MAP_TILES)
    if origin:
        response._csp_config = {**settings.SECURE_CSP, "img-src": [*settings.SECURE_CSP["img-src"], origin]}
    return response


def published_events(region):
    return Event.objects.published().filter(region=region).select_related("site", "festival", "organisation")


def event_row(event: Event, tz) -> dict:
    start = timezone.localtime(event.starts_at, tz)
    end = timezone.localtime(event.ends_at, tz) if event.ends_at else None
    return {
        "pk": event.pk,
        "title": event.localized("title"),
        "start": start,
        "end": end,
        "all_day": event.all_day,
        "where": event.where,
        "site_pk": event.site_id,
        "festival": event.festival,
        "is_sample": event.is_sample,
    }
