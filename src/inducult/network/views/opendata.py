"""The open data of a region's organisations, /open/<region>/organisations.csv and .json: a stable
contract for other tools. This module holds the two files' views and how their records are built.

Only public facts about organisations leave through here: no people, no e-mail or phone (not even
the organisation's general ones), no notes, and none of the stakeholder assessment (influence,
interest, position), which is the coordinator's internal view. Archived organisations are left out.
Field names and their order are part of the contract: add fields at the end, never rename.
"""

from __future__ import annotations

import datetime
import json
from typing import Any

from django.db.models import QuerySet
from django.http import HttpResponse
from django.utils import timezone, translation
from django.views import View

from inducult.core.opendata import LICENCE, LICENCE_URL, csv_text, open_data
from inducult.network.enums import OrganisationKind, Sector
from inducult.network.models import Organisation
from inducult.regions.views import RegionMixin

FIELDS = (
    "id",
    "name",
    "short_name",
    "kind",
    "kind_label",
    "sectors",
    "town",
    "latitude",
    "longitude",
    "website",
    "is_sample",
    "source",
    "updated_at",
)
# Loading only these keeps the internal columns (e-mail, phone, the stakeholder assessment) out of reach.
_COLUMNS = (
    "id",
    "name",
    "short_name",
    "kind",
    "sectors",
    "town",
    "latitude",
    "longitude",
    "website",
    "is_sample",
    "source",
    "updated_at",
)


def organisations(region) -> QuerySet[Organisation]:
    return (
        Organisation.objects.filter(region=region, archived_at__isnull=True).only(*_COLUMNS).order_by("name_key", "id")
    )


def _kind_label(kind: str) -> str:
    # Open data reads the same whatever language the visitor's browser prefers.
    with translation.override("en"):
        return str(OrganisationKind(kind).label) if kind in OrganisationKind.values else kind


def record(org: Organisation) -> dict[str, Any]:
    return {
        "id": org.pk,
        "name": org.name,
        "short_name": org.short_name,
        "kind": org.kind,
        "kind_label": _kind_label(org.kind),
        "sectors": [s for s in org.sectors if s in Sector.values],
        "town": org.town,
        "latitude": float(org.latitude) if org.latitude is not None else None,
        "longitude": float(org.longitude) if org.longitude is not None else None,
        "website": org.website,
        "is_sample": org.is_sample,
        "source": org.source,
        "updated_at": org.updated_at.astimezone(datetime.UTC).isoformat(),
    }


def json_document(region, records: list[dict[str, Any]], generated_at: datetime.datetime) -> dict[str, Any]:
    return {
        "region": {"slug": region.slug, "name": region.name, "country": region.country},
        "licence": LICENCE,
        "licence_url": LICENCE_URL,
        "generated_at": generated_at.astimezone(datetime.UTC).isoformat(),
        "count": len(records),
        "sample_count": sum(record["is_sample"] for record in records),  # of count, made up
        "organisations": records,
    }


class OrganisationsCsvView(RegionMixin, View):
    def get(self, request, *args, **kwargs):
        records = [record(org) for org in organisations(self.region)]
        response = HttpResponse(csv_text(FIELDS, records), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="organisations-{self.region.slug}.csv"'
        return open_data(response)


class OrganisationsJsonView(RegionMixin, View):
    def get(self, request, *args, **kwargs):
        records = [record(org) for org in organisations(self.region)]
        document = json_document(self.region, records, timezone.now())
        response = HttpResponse(
            json.dumps(document, ensure_ascii=False, indent=1), content_type="application/json; charset=utf-8"
        )
        return open_data(response)
