"""Finding organisations: search, filters and sorting over one region's registry."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from inducult.core.text import fold, search_terms
from inducult.network.models import Organisation

SORTS = {
    "name": ("name_key", "id"),
    "-name": ("-name_key", "-id"),
    "town": ("town", "name_key", "id"),
    "-town": ("-town", "name_key", "id"),
    "kind": ("kind", "name_key", "id"),
    "-updated": ("-updated_at", "-id"),
}


@dataclass(frozen=True)
class OrganisationQuery:
    text: str = ""
    kind: str = ""
    sector: str = ""
    town: str = ""
    tag: str = ""
    archived: str = "no"  # "no" (active only), "yes" (archived only), "all"
    sort: str = "name"


def find_organisations(region, query: OrganisationQuery) -> QuerySet[Organisation]:
    qs = Organisation.objects.filter(region=region)
    for term in search_terms(query.text):
        qs = qs.filter(search_text__contains=term)
    if query.kind:
        qs = qs.filter(kind=query.kind)
    if query.sector:
        qs = qs.filter(sectors__contains=f",{query.sector},")
    if query.town:
        qs = qs.filter(town=query.town)
    if query.tag:
        qs = qs.filter(tags__contains=f",{query.tag.strip()},")
    if query.archived == "no":
        qs = qs.filter(archived_at__isnull=True)
    elif query.archived == "yes":
        qs = qs.filter(archived_at__isnull=False)
    return qs.order_by(*SORTS.get(query.sort, SORTS["name"]))


def towns(region) -> list[str]:
    # .order_by() clears Meta.ordering: with it, DISTINCT would apply to (town, name_key, ...) and
    # return one row per organisation instead of one per town.
    values = (
        Organisation.objects.filter(region=region).exclude(town="").order_by().values_list("town", flat=True).distinct()
    )
    return sorted(values, key=fold)
