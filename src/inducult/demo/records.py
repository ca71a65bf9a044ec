"""The Karlovy Vary demo as plain records, read from the files in ``data/`` (pure: no database).

Two sources are combined: the reference list ``karlovy-vary-sites.csv`` (real places and bodies,
one source URL per row) and ``strategy-organisations.json`` (bodies named by the strategy "Living
Industrial Culture"). Where both describe one body they become one organisation.
"""

from __future__ import annotations

import csv
import json
import re
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from inducult.network.demo import OrganisationRecord, PersonRecord
from inducult.network.enums import OrganisationKind, Sector

DATA_DIR = Path(__file__).resolve().parent / "data"
SITES_CSV = DATA_DIR / "karlovy-vary-sites.csv"
STRATEGY_JSON = DATA_DIR / "strategy-organisations.json"
PEOPLE_JSON = DATA_DIR / "sample-people.json"

STRATEGY = "Strategy 'Living Industrial Culture' for the Karlovy Vary Region (InduCult2.0, KSMAS KK)"

REGION = {
    "slug": "karlovy-vary",
    "name": "Karlovarský kraj",
    "country": "CZ",
    "languages": ["cs", "en", "de"],
    "default_language": "cs",
    "time_zone": "Europe/Prague",
    # Quoted and condensed from the strategy's Czech text (3.1, 2) and its English summary (1, 10.1).
    "description": (
        "Karlovarský kraj bývá označován za lázeňský region, lázeňství ale není jedinou obživou místních "
        "obyvatel: je to i tradice spojená s hornictvím, výrobou porcelánu, skla, hudebních nástrojů a dalších "
        "průmyslových odvětví."
    ),
    # The English is the summary's own sentence (1, 10.1), not a translation of the Czech one; German
    # readers get it too (no German text of the strategy exists; decision 0018's fallback).
    "translations": {
        "description": {
            "en": (
                "The Karlovy Vary Region is an area of opposites: beautiful spa towns on one side, developed "
                "industry on the other — mining, musical instruments, porcelain, glassware and other branches."
            )
        }
    },
    "source": f"{STRATEGY}, sections 1, 2, 3.1 and 10.1",
}

# Rows of the reference list that are organisations, or bodies running the place they describe.
# Technical monuments, trails, events and former industrial sites are places, not organisations: a
# later import turns them into sites and events, so they are left out here.
KIND_BY_CSV_KIND = {
    "museum": OrganisationKind.MUSEUM,
    "show mine": OrganisationKind.MUSEUM,
    "factory visitor centre": OrganisationKind.ENTERPRISE,
    "producer": OrganisationKind.ENTERPRISE,
    # "organisation" rows get their kind from the strategy record they are merged with.
    "organisation": None,
}
SKIPPED_CSV_KINDS = frozenset({"technical monument", "trail", "event", "former industrial site"})

SECTOR_BY_BRANCH = {
    "mining": Sector.MINING,
    "glass": Sector.GLASS,
    "porcelain": Sector.PORCELAIN,
    "music instruments": Sector.MUSICAL_INSTRUMENTS,
    "beverages": Sector.FOOD_BEVERAGE,
    "brewing": Sector.FOOD_BEVERAGE,
    "textiles": Sector.TEXTILE,
    "metal": Sector.METAL,
    "automotive": Sector.AUTOMOTIVE,
    "chemical": Sector.CHEMICAL,
    "other": Sector.OTHER,
}

PRECISION = {
    "site": "the place itself",
    "area": "a representative point of the area",
    "town": "the town centre",
    "nearby_town": "the centre of the nearest town",
    "company_seat": "the company's registered seat",
}

# "Žatec (Ústí nad Labem Region)", "Podbořany (office); seat address Valeč", "Skalná / Františkovy
# Lázně area": the town filter needs the municipality alone; the full text stays in the source.
_TOWN_QUALIFIER = re.compile(r"\s*(\(|;|/).*$")


class DemoDataError(ValueError):
    """The demo data files contradict each other (a programming error, caught by the tests)."""


def municipality(town: str) -> str:
    return _TOWN_QUALIFIER.sub("", town).strip()


@cache
def sites() -> dict[str, dict[str, str]]:
    with SITES_CSV.open(encoding="utf-8", newline="") as handle:
        return {row["id"]: row for row in csv.DictReader(handle)}


def _strategy_records() -> list[dict[str, Any]]:
    return json.loads(STRATEGY_JSON.read_text(encoding="utf-8"))["organisations"]


def csv_source(row: dict[str, str]) -> str:
    parts = [f"Reference list karlovy-vary-sites.csv, row {row['id']}: {row['source_url']}"]
    if row["other_source_urls"]:
        parts.append(f"also {row['other_source_urls']}")
    if municipality(row["town"]) != row["town"]:
        parts.append(f"place as given: {row['town']}")
    if row["lat"]:
        where = PRECISION.get(row["precision"], row["precision"])
        parts.append(f"coordinates ({row['precision']}: {where}) from {row['coord_source']}")
    return "; ".join(parts)


def _from_csv(row: dict[str, str]) -> dict[str, Any]:
    translations = {"name": {"en": row["name_en"]}} if row["name_en"] else {}
    kind = KIND_BY_CSV_KIND[row["kind"]]
    return {
        "name": row["name_cs"],
        "short_name": "",
        "kind": kind.value if kind else "",
        "sectors": [SECTOR_BY_BRANCH[row["industry_branch"]].value] if row["industry_branch"] else [],
        "town": municipality(row["town"]),
        "address": row["address"],
        "latitude": Decimal(row["lat"]) if row["lat"] else None,
        "longitude": Decimal(row["lon"]) if row["lon"] else None,
        "website": row["website"],
        "description": row["notes"],
        "translations": translations,
        "source": csv_source(row),
        "is_sample": False,
    }


def _name_translations(strategy: dict[str, Any], from_csv: dict[str, Any]) -> dict[str, Any]:
    if strategy["name_en"]:
        return {"name": {"en": strategy["name_en"]}}
    # The reference list's English name belongs to the name it translates: when the strategy renames
    # the body ("Thun 1794 a.s." for a row about one of its factories) that translation no longer fits.
    return {} if strategy["name"] else from_csv


def _merge(strategy: dict[str, Any], rows: list[dict[str, str]]) -> dict[str, Any]:
    """One organisation from a strategy record and the reference rows about the same body.

    Where the rows describe places the body runs rather than the body itself ("rows_are_places": the
    plants of a company), the organisation takes none of their facts: a plant's town is not the
    company's seat, nor does one plant's history describe the company. The places stay sites, run by
    the organisation."""
    if strategy.get("rows_are_places"):
        rows = []
    merged = _from_csv(rows[0]) if rows else {"address": "", "latitude": None, "longitude": None, "website": ""}
    for row in rows[1:]:
        extra = _from_csv(row)
        for name in ("address", "website"):
            merged[name] = merged[name] or extra[name]
        if merged["latitude"] is None:
            merged["latitude"], merged["longitude"] = extra["latitude"], extra["longitude"]
        merged["sectors"] += [s for s in extra["sectors"] if s not in merged["sectors"]]
        merged["description"] = f"{merged['description']} {extra['description']}".strip()
        merged["source"] = f"{merged['source']} | {extra['source']}"
    sectors = merged.get("sectors", [])
    merged.update(
        name=strategy["name"] or merged.get("name", ""),
        short_name=strategy["short_name"],
        kind=OrganisationKind(strategy["kind"]).value,
        sectors=[Sector(s).value for s in strategy["sectors"]] + [s for s in sectors if s not in strategy["sectors"]],
        town=strategy["town"] or merged.get("town", ""),
        description=" ".join(p for p in (merged.get("description", ""), strategy["description"]) if p),
        translations=_name_translations(strategy, merged.get("translations", {})),
        source=" | ".join(p for p in (f"{strategy['source']}", merged.get("source", "")) if p),
        is_sample=False,
    )
    return merged


def _organisations() -> list[tuple[OrganisationRecord, list[str]]]:
    """Each organisation with the reference list's rows it was made from."""
    rows = sites()
    records: list[tuple[OrganisationRecord, list[str]]] = []
    merged_ids: set[str] = set()
    for strategy in _strategy_records():
        missing = [row_id for row_id in strategy["csv_rows"] if row_id not in rows]
        if missing:
            raise DemoDataError(f"{strategy['key']} names unknown rows {missing}")
        records.append(
            (
                OrganisationRecord(
                    key=strategy["key"],
                    data=_merge(strategy, [rows[row_id] for row_id in strategy["csv_rows"]]),
                ),
                list(strategy["csv_rows"]),
            )
        )
        merged_ids.update(strategy["csv_rows"])
    for row_id, row in rows.items():
        if row_id in merged_ids or row["kind"] in SKIPPED_CSV_KINDS:
            continue
        if row["kind"] not in KIND_BY_CSV_KIND:
            raise DemoDataError(f"{row_id}: unknown kind {row['kind']!r}")
        if KIND_BY_CSV_KIND[row["kind"]] is None:
            raise DemoDataError(f"{row_id}: organisation row without a strategy record giving its kind")
        records.append((OrganisationRecord(key=row_id, data=_from_csv(row)), [row_id]))
    return records


def organisation_records() -> list[OrganisationRecord]:
    return [record for record, _rows in _organisations()]


def organisation_keys_by_row() -> dict[str, str]:
    """The key of the organisation each of the reference list's rows went into, by row id."""
    return {row_id: record.key for record, rows in _organisations() for row_id in rows}


def sample_people() -> list[PersonRecord]:
    people = json.loads(PEOPLE_JSON.read_text(encoding="utf-8"))["people"]
    return [
        PersonRecord(
            data={
                "first_name": p["first_name"],
                "last_name": p["last_name"],
                "email": p["email"],
                "language": p["language"],
                "lawful_basis": "legitimate_interests",
                "notes": "Sample contact made up for the demonstration; not a real person.",
                "is_sample": True,
            },
            memberships=[(m["organisation"], m["role"]) for m in p["memberships"]],
        )
        for p in people
    ]
