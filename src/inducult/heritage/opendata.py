"""The open-data form of a region's sites (/open/<slug>/sites.geojson and sites.csv): a stable
contract for other tools. Field names are part of it: add fields at the end, never rename.

GeoJSON follows RFC 7946: a FeatureCollection of Points in WGS84 as [longitude, latitude]; a site
without known coordinates is a Feature with a null geometry (allowed by 7946 §3.2), so that no
record is silently dropped. Licence and region are foreign members of the collection. Opening
hours go out twice, as the source states them and, where read, structured (decision 0010).
"""

from __future__ import annotations

import csv
import datetime
import hashlib
import io
from typing import Any

from django.db.models import Count, Max, QuerySet
from django.utils import translation

from inducult.heritage.enums import SiteKind
from inducult.heritage.models import Site
from inducult.portal.opendata import CSV_LIST_SEPARATOR, LICENCE, LICENCE_URL, csv_safe

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


def fingerprint(region) -> tuple[str, datetime.datetime | None]:
    """An ETag and the Last-Modified time of the region's open site data, from one aggregate query:
    any edit moves the newest ``updated_at``; a site deleted for good changes the count."""
    summary = Site.objects.filter(region=region).aggregate(n=Count("id"), newest=Max("updated_at"))
    newest = summary["newest"]
    key = f"{region.pk}:{summary['n']}:{newest.isoformat() if newest else '-'}:{region.languages}"
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
