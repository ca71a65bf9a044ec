"""The open-data form of a region's sites (/open/<slug>/sites.geojson and sites.csv): a stable contract
for other tools, and the fingerprint of the data the documents are built from. Field names are part of
the contract: add fields at the end, never rename. The views are ``heritage.views.opendata.sites``.

GeoJSON follows RFC 7946: a FeatureCollection of Points in WGS84 as [longitude, latitude]; a site
without known coordinates is a Feature with a null geometry (allowed by 7946 §3.2), so that no
record is silently dropped. Licence and region are foreign members of the collection. Opening
hours go out twice, as the source states them and, where read, structured (decision 0010).

A large region's documents take seconds to build (20,000 sites: ~2 s and 21 MB of GeoJSON), so they
are built once per version of the data and kept (``core.views.kept``, under ``NAMESPACE`` and
``document``); the ``fingerprint`` that makes the ETag is part of the cache key, so an edit shows at
once. The map's markers (views.public.sites) are kept the same way.
"""

from __future__ import annotations

import datetime
import hashlib
import time
from collections.abc import Callable
from typing import Any

from django.db import connection
from django.db.models import QuerySet
from django.utils import translation
from django.utils.translation import gettext as _

from inducult.core.opendata import LICENCE, LICENCE_URL
from inducult.heritage.enums import SiteKind
from inducult.heritage.models import Site

# The kept documents' namespace, and part of every document's name: bump BODY_FORMAT when the
# documents' form changes (a field added, another licence), so that bodies kept by the previous
# release under the same fingerprint are not sent again.
NAMESPACE = "heritage.opendata"
BODY_FORMAT = 2  # 2: outside_region, outside_region_notes

FIELDS = (
    "id",
    "external_id",
    "name",
    "names",
    "kind",
    "kind_label",
    "sectors",
    "town",
    "address",
    "latitude",
    "longitude",
    "coordinate_precision",
    "website",
    "opening_hours_text",
    "opening_hours",
    "opening_hours_to_check",
    "visit_minutes",
    "tour_languages",
    "price_level",
    "wheelchair",
    "is_visitor_site",
    "is_sample",
    "source",
    "url",
    "updated_at",
    "outside_region",
    "outside_region_notes",
)
CSV_FIELDS = tuple(f for f in FIELDS if f not in ("names", "opening_hours", "outside_region_notes"))


def sites(region) -> QuerySet[Site]:
    return Site.objects.active().filter(region=region).order_by("name", "id")


def _count_and_newest(region) -> tuple[int, datetime.datetime | None]:
    """How many sites the region has (archived ones included) and the newest ``updated_at``.

    This runs on every request, 304s included, so it is hand-written: one statement, so that both facts
    come from one snapshot, of two subqueries, so that each is read from an index alone (the count from
    the region's index, the newest stamp by one seek in (region, updated_at)). For 20,000 sites on
    SQLite: ~0.6 ms; as one aggregate (``Count`` and ``Max``) 4.5 ms, since the database then read
    every site's stamp; the same two subqueries built with the ORM ~1.3 ms, mostly compiling them."""
    table = connection.ops.quote_name(Site._meta.db_table)
    region_column = connection.ops.quote_name(Site._meta.get_field("region").column)
    stamp = Site._meta.get_field("updated_at")
    stamp_column = connection.ops.quote_name(stamp.column)
    sql = (
        f"SELECT (SELECT COUNT(*) FROM {table} WHERE {region_column} = %s), "  # noqa: S608 - quoted names, no input
        f"(SELECT MAX({stamp_column}) FROM {table} WHERE {region_column} = %s)"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [region.pk, region.pk])
        count, newest = cursor.fetchone()
    # What the ORM does to a DateTimeField's value (SQLite hands back text).
    column = stamp.cached_col
    for convert in connection.ops.get_db_converters(column):
        newest = convert(newest, column, connection)
    return count, newest


# The count and newest stamp are kept in this process for a second. Under load the query, not its
# 0.6 ms, is the cost: threads hand the interpreter back and forth around each one (docs/performance.md).
# Writes through this process forget them at once (``forget_counts``: the Site signals, which the back
# office's versioned UPDATE calls too), so an edit shows at once where it was made; another process
# sees it within COUNTS_SECONDS, well inside the max-age that clients and proxies may keep the
# documents anyway.
COUNTS_SECONDS = 1.0
_counts: dict[int, tuple[float, tuple[int, datetime.datetime | None]]] = {}


def forget_counts(region_id: int | None) -> None:
    """Forget the kept count and newest stamp of one region (after a write to its sites)."""
    _counts.pop(region_id, None)


def forget() -> None:
    """Forget every region's kept counts (tests: a rolled-back database gives the next test the same ids)."""
    _counts.clear()


def _recent_count_and_newest(region) -> tuple[int, datetime.datetime | None]:
    now = time.monotonic()
    kept = _counts.get(region.pk)
    if kept is not None and kept[0] > now:
        return kept[1]
    value = _count_and_newest(region)
    # Only outside a transaction: rows this transaction wrote and may still roll back are never kept.
    if connection.get_autocommit():
        _counts[region.pk] = (now + COUNTS_SECONDS, value)
    return value


def fingerprint(region) -> tuple[str, datetime.datetime | None]:
    """An ETag and the Last-Modified time of the region's open site data, from one query: any edit
    (archiving included) moves the newest ``updated_at``; a site deleted for good changes the count.
    The region's own fields that the documents carry are part of it too: a region has no
    ``updated_at``, and kept bodies are keyed by this fingerprint.

    Two versions it cannot tell apart (their bodies are kept at most ``core.views.kept``'s timeout):
    two edits committed in the other order than their ``updated_at`` (the earlier stamp committed
    last leaves the newest stamp and the count as they were), or a site added while a body was being
    built and deleted for good soon after (the count and the newest stamp are back to those the body
    was stored under)."""
    count, newest = _recent_count_and_newest(region)
    key = ":".join(
        str(part)
        for part in (
            region.pk,
            count,
            newest.isoformat() if newest else "-",
            region.languages,
            region.default_language,
            region.slug,
            region.name,
            region.country,
        )
    )
    return hashlib.sha256(key.encode()).hexdigest()[:32], newest


def _kind_label(kind: str) -> str:
    with translation.override("en"):
        return str(SiteKind(kind).label) if kind in SiteKind.values else kind


def _outside_region_notes(region_name: str, languages: list[str]) -> dict[str, str]:
    notes = {}
    for language in languages:
        with translation.override(language):
            notes[language] = _(
                "Outside the region (%(region)s): listed because it belongs to the same industrial story."
            ) % {"region": region_name}
    return notes


def record(site: Site, *, url: str, languages: list[str], region_name: str = "") -> dict[str, Any]:
    """``region_name``: the region's name, for the note of a site outside it (default: the site's region)."""
    names = {
        language: site.localized("name", language) if language != languages[0] else site.name for language in languages
    }
    return {
        "id": site.pk,
        "external_id": site.external_id,
        "name": site.name,
        "names": names,
        "kind": site.kind,
        "kind_label": _kind_label(site.kind),
        "sectors": list(site.sectors),
        "town": site.town,
        "address": site.address,
        "latitude": float(site.latitude) if site.latitude is not None else None,
        "longitude": float(site.longitude) if site.longitude is not None else None,
        "coordinate_precision": site.coordinate_precision,
        "website": site.website,
        "opening_hours_text": site.opening_hours_text,
        "opening_hours": site.opening_hours,
        "opening_hours_to_check": bool(site.opening_hours_review),
        "visit_minutes": site.visit_minutes,
        "tour_languages": list(site.tour_languages),
        "price_level": site.price_level,
        "wheelchair": site.wheelchair,
        "is_visitor_site": site.is_visitor_site,
        "is_sample": site.is_sample,
        "source": site.source,
        "url": url,
        "updated_at": site.updated_at.astimezone(datetime.UTC).isoformat(),
        # A place beyond the region's borders, and what its pages say of it in each of the region's languages.
        "outside_region": site.outside_region,
        "outside_region_notes": (
            _outside_region_notes(region_name or site.region.name, languages) if site.outside_region else {}
        ),
    }


def open_records(region, *, site_url: Callable[[Site], str]) -> list[dict[str, Any]]:
    """The open records of the region's active sites, each with its page's absolute ``site_url``."""
    languages = region.languages or [region.default_language]
    return [record(site, url=site_url(site), languages=languages, region_name=region.name) for site in sites(region)]


def geojson(region, records: list[dict[str, Any]]) -> dict[str, Any]:
    features = []
    for properties in records:
        has_point = properties["latitude"] is not None and properties["longitude"] is not None
        geometry = (
            {"type": "Point", "coordinates": [properties["longitude"], properties["latitude"]]} if has_point else None
        )
        features.append({"type": "Feature", "id": properties["id"], "geometry": geometry, "properties": properties})
    return {
        "type": "FeatureCollection",
        "region": {"slug": region.slug, "name": region.name, "country": region.country},
        "licence": LICENCE,
        "licence_url": LICENCE_URL,
        "features": features,
    }


def document(kind: str, region) -> str:
    """The kept document's name (``core.views.kept``) for one kind of document of a region."""
    return f"{BODY_FORMAT}:{kind}:{region.pk}"
