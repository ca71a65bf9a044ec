"""The open-data form of a region's sites and its views (/open/<slug>/sites.geojson and sites.csv): a
stable contract for other tools. Field names are part of it: add fields at the end, never rename.

GeoJSON follows RFC 7946: a FeatureCollection of Points in WGS84 as [longitude, latitude]; a site
without known coordinates is a Feature with a null geometry (allowed by 7946 §3.2), so that no
record is silently dropped. Licence and region are foreign members of the collection. Opening
hours go out twice, as the source states them and, where read, structured (decision 0010).

A large region's documents take seconds to build (20,000 sites: ~2 s and 21 MB of GeoJSON), so they
are built once per version of the data and kept in Django's cache, plain and gzip-compressed
(``cached_body``); the fingerprint that makes the ETag is part of the cache key, so an edit shows at once.
The map's markers (views.public.sites) are served the same way.
"""

from __future__ import annotations

import csv
import datetime
import gzip
import hashlib
import io
import json
import threading
import time
from collections.abc import Callable
from typing import Any, NamedTuple

from django.core.cache import cache
from django.db import connection
from django.db.models import QuerySet
from django.http import HttpResponse
from django.middleware.gzip import re_accepts_gzip
from django.shortcuts import get_object_or_404
from django.urls import get_script_prefix, reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import condition

from inducult.core.opendata import CACHE_SECONDS, CSV_LIST_SEPARATOR, LICENCE, LICENCE_URL, csv_safe, open_data
from inducult.heritage.enums import SiteKind
from inducult.heritage.models import Site
from inducult.regions.models import Region
from inducult.regions.views import RegionMixin

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
)
CSV_FIELDS = tuple(f for f in FIELDS if f not in ("names", "opening_hours"))


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
# Writes through this process forget them at once (``forget_counts``: the Site signals and the back
# office's versioned UPDATE), so an edit shows at once where it was made; another process sees it
# within COUNTS_SECONDS, well inside the max-age that clients and proxies may keep the documents anyway.
COUNTS_SECONDS = 1.0
_counts: dict[int, tuple[float, tuple[int, datetime.datetime | None]]] = {}


def forget_counts(region_id: int | None) -> None:
    _counts.pop(region_id, None)


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
    ``updated_at``, and cached bodies are keyed by this fingerprint."""
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


def record(site: Site, *, url: str, languages: list[str]) -> dict[str, Any]:
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
    }


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


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:.6f}"
    if isinstance(value, list):
        return CSV_LIST_SEPARATOR.join(value)
    return csv_safe(str(value))


def csv_text(records: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_FIELDS)
    for rec in records:
        writer.writerow([_cell(rec[name]) for name in CSV_FIELDS])
    return buffer.getvalue()


# --- Serving: each document built once per version of the data ------------------------------------

# Part of every cache key: bump it when the documents' form changes (a field added, another licence),
# so that bodies cached by the previous release under the same fingerprint are not sent again.
BODY_FORMAT = 1
# The key changes with the data, so an edit shows at once. The timeout bounds the rare cases the
# fingerprint cannot tell apart: two edits committed in the other order than their ``updated_at`` (the
# earlier stamp committed last leaves the newest stamp and the count as they were), or a site added
# while a body was being built and deleted for good soon after (the count and the newest stamp are
# back to those the body was stored under). A body is then never older than what clients may keep
# anyway (Cache-Control max-age).
BODY_CACHE_SECONDS = CACHE_SECONDS
GZIP = "gzip"
PLAIN = "plain"
_BUILDING = threading.Lock()


class Body(NamedTuple):
    content: bytes
    encoding: str | None  # "gzip" (the Content-Encoding), or None for the plain bytes


def _pointer_key(kind: str, region, base_url: str) -> str:
    """The key naming the cached version of one document. ``base_url`` (scheme, host and path prefix
    of the site pages) is part of it because the records carry absolute URLs built from the request."""
    digest = hashlib.sha256(f"{BODY_FORMAT}:{kind}:{region.pk}:{base_url}".encode()).hexdigest()[:32]
    return f"heritage.opendata:{digest}"


def _store(pointer: str, version: str, text: str) -> dict[str, Body]:
    plain = text.encode()
    # mtime=0: the same data gives the same bytes. Django's GZipMiddleware adds random bytes against
    # BREACH; open data holds no secrets, and a cached body would repeat the same bytes anyway.
    compressed = gzip.compress(plain, compresslevel=6, mtime=0)
    bodies = {
        PLAIN: Body(plain, None),
        # As GZipMiddleware does: the compressed bytes only when they are shorter.
        GZIP: Body(compressed, GZIP) if len(compressed) < len(plain) else Body(plain, None),
    }
    # One version per document and host: without this, every edit would leave ~25 MB of a large
    # region's bodies in each process's memory (LocMemCache) until they time out.
    previous = cache.get(pointer)
    if previous and previous != version:
        cache.delete_many([f"{previous}:{variant}" for variant in bodies])
    cache.set_many({f"{version}:{variant}": body for variant, body in bodies.items()}, BODY_CACHE_SECONDS)
    cache.set(pointer, version, BODY_CACHE_SECONDS)
    return bodies


def cached_body(kind: str, region, *, etag: str, base_url: str, gzip_ok: bool, build: Callable[[], str]) -> Body:
    """The body of one document (``kind``: "geojson", "csv") as sent: gzip-compressed when the client
    accepts it (``gzip_ok``) and that is shorter, else plain. ``etag`` is this request's ``fingerprint``;
    ``build`` makes the text when this version is not in the cache yet. Only the variant asked for is
    read from the cache (a large region's plain GeoJSON is more than ten times its compressed size)."""
    pointer = _pointer_key(kind, region, base_url)
    version = f"{pointer}:{etag}"
    variant = GZIP if gzip_ok else PLAIN
    body = cache.get(f"{version}:{variant}")
    if body is None:
        # After an edit, every thread asking at once would build the same seconds-long document: one
        # builds, the others of this process wait and read it. (Other processes sharing a Redis cache
        # may still build it once each.)
        with _BUILDING:
            body = cache.get(f"{version}:{variant}") or _store(pointer, version, build())[variant]
    return body


def serve(request, region, *, kind: str, etag: str, content_type: str, build: Callable[[], str]) -> HttpResponse:
    """A response with the cached body of one document, compressed for clients that accept gzip.
    Headers as GZipMiddleware would set them: ``Vary: Accept-Encoding`` always, and on a compressed
    body ``Content-Encoding`` and a weak ETag (RFC 9110 8.8.1; If-None-Match compares weakly)."""
    gzip_ok = bool(re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")))
    base_url = request.build_absolute_uri(get_script_prefix())
    body = cached_body(kind, region, etag=etag, base_url=base_url, gzip_ok=gzip_ok, build=build)
    response = HttpResponse(body.content, content_type=content_type)
    patch_vary_headers(response, ("Accept-Encoding",))
    if body.encoding:
        response["Content-Encoding"] = body.encoding
        response["ETag"] = f'W/"{etag}"'
    return response


# --- The views ------------------------------------------------------------------------------------


def _region_or_404(region_slug: str) -> Region:
    return get_object_or_404(Region, slug=region_slug)


def sites_etag(request, region_slug: str) -> str:
    # condition() asks for the ETag and for Last-Modified separately, and the view keys its cached body
    # on the same fingerprint: one aggregate query per request serves all three. RegionMixin.dispatch
    # has found the region before the decorated get() runs.
    if not hasattr(request, "_sites_fingerprint"):
        region = getattr(request, "region", None) or _region_or_404(region_slug)
        request._sites_fingerprint = fingerprint(region)
    return request._sites_fingerprint[0]


def sites_last_modified(request, region_slug: str):
    sites_etag(request, region_slug)
    return request._sites_fingerprint[1]


def _open_records(request, region) -> list[dict]:
    return [
        record(
            site,
            url=request.build_absolute_uri(reverse("heritage_public:site", args=[region.slug, site.pk])),
            languages=region.languages or [region.default_language],
        )
        for site in sites(region)
    ]


# Revalidation answers 304 from one aggregate query (ETag and Last-Modified). Otherwise the body
# comes from the cache, built and compressed once per version of the data (``serve``): a region
# of 20,000 sites takes ~2 s to build. Open data holds no secrets, so compressing it leaks nothing
# (BREACH). gzip_page leaves the already compressed bodies alone; it only adds Vary to the others.
@method_decorator([gzip_page, condition(etag_func=sites_etag, last_modified_func=sites_last_modified)], name="get")
class SitesGeoJsonView(RegionMixin, View):
    def build(self) -> str:
        document = geojson(self.region, _open_records(self.request, self.region))
        return json.dumps(document, ensure_ascii=False, separators=(",", ":"))

    def get(self, request, *args, **kwargs):
        response = serve(
            request,
            self.region,
            kind="geojson",
            etag=sites_etag(request, self.region.slug),
            content_type="application/geo+json; charset=utf-8",
            build=self.build,
        )
        return open_data(response)


@method_decorator([gzip_page, condition(etag_func=sites_etag, last_modified_func=sites_last_modified)], name="get")
class SitesCsvView(RegionMixin, View):
    def build(self) -> str:
        return csv_text(_open_records(self.request, self.region))

    def get(self, request, *args, **kwargs):
        response = serve(
            request,
            self.region,
            kind="csv",
            etag=sites_etag(request, self.region.slug),
            content_type="text/csv; charset=utf-8",
            build=self.build,
        )
        response["Content-Disposition"] = f'attachment; filename="sites-{self.region.slug}.csv"'
        return open_data(response)
