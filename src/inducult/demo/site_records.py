"""The reference list's places as heritage sites (pure: no database).

Every row of ``karlovy-vary-sites.csv`` that describes a place becomes a site: museums, show mines,
factory visitor centres, technical monuments (UNESCO component parts as such), the heritage trail,
and the places that belong to the story without a visitor programme (working producers, former
works), kept under their own kinds so that none is presented as open to visitors. Rows that are
organisations (Local Action Groups, associations) are in the registry; recurring events become events.

The stated opening hours are read into the structure only where ``parse_stated`` can do so without
guessing; otherwise the text is kept and the site is flagged for the coordinator with the reason.
Nothing else is invented: visit length, tour languages, prices and access stay empty, since the
sources do not state them.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from inducult.demo import records
from inducult.heritage.demo import SiteRecord
from inducult.heritage.domain import opening_hours as oh
from inducult.heritage.domain.stated_hours import parse_stated
from inducult.heritage.enums import SiteKind
from inducult.tours.demo import TourStartRecord

SITE_KIND_BY_CSV_KIND = {
    "museum": SiteKind.MUSEUM,
    "show mine": SiteKind.SHOW_MINE,
    "factory visitor centre": SiteKind.FACTORY_VISITOR_CENTRE,
    "technical monument": SiteKind.TECHNICAL_MONUMENT,
    "trail": SiteKind.TRAIL,
    "producer": SiteKind.PRODUCER,
    "former industrial site": SiteKind.FORMER_INDUSTRIAL_SITE,
}
NOT_SITES = frozenset({"organisation", "event"})
# The list files UNESCO World Heritage properties and their component parts as technical monuments;
# its notes say which ones they are ("UNESCO component part", "component part of the UNESCO World
# Heritage property", "UNESCO World Heritage property inscribed in 2023"). Places merely "within" a
# UNESCO landscape or "associated" with it stay technical monuments.
UNESCO_MARK = re.compile(r"UNESCO component part|component part of the UNESCO|UNESCO World Heritage property inscribed")


def _kind(row: dict[str, str]) -> SiteKind:
    kind = SITE_KIND_BY_CSV_KIND[row["kind"]]
    if kind == SiteKind.TECHNICAL_MONUMENT and UNESCO_MARK.search(row["notes"]):
        return SiteKind.UNESCO_COMPONENT
    return kind


# The list notes a place outside the Karlovy Vary Region in its town: "Žatec (Ústí nad Labem Region)",
# "Chodová Planá (Plzeň Region)", "Loučná pod Klínovcem (Háj), near Kovářská (Ústí nad Labem Region)".
OTHER_REGION = re.compile(r"\((?![^()]*Karlovy Vary)[^()]*\bRegion\)")


# Who runs a place, where the reference list names a body other than the place itself: the site is run
# by the organisation of that body's row, or by none when the body is not in the registry. Without this
# a place's page said "Run by Jeroným Mine" under "operated by Muzeum Sokolov" (issue #14).
OPERATOR_ROW = {
    "KV001": "KV017",  # "Branch of Muzeum Sokolov"; KV017: "runs … Hornické muzeum Krásno …"
    "KV002": "KV017",  # "operated by Muzeum Sokolov"; KV017: "runs Důl Jeroným …"
    "KV003": "KV017",  # "operated by Muzeum Sokolov"; KV017: "runs … Štola č. 1 Jáchymov"
    "KV005": "KV018",  # "branch of Muzeum Karlovy Vary"; KV018: "also runs the Royal Mint museum in Jáchymov"
    "KV007": None,  # "operated by the town of Abertamy", which the registry does not hold
    "KV008": None,  # "operated by Služby Boží Dar s.r.o.", which the registry does not hold
    "KV016": None,  # "run by the town cultural centre since 1 June 2012", not in the registry
    "KV037": None,  # "run by Chmelařství, družstvo Žatec", not in the registry
}


def owner_key(row_id: str, owners: dict[str, str]) -> str | None:
    """The key of the organisation that runs the place of a row, as the reference list says."""
    if row_id in OPERATOR_ROW:
        operator = OPERATOR_ROW[row_id]
        return owners[operator] if operator else None
    return owners.get(row_id)


def is_outside_region(row: dict[str, str]) -> bool:
    return bool(OTHER_REGION.search(row["town"]))


def _hours(row: dict[str, str]) -> dict[str, Any]:
    text = row["opening_season_hours"].strip()
    parsed = parse_stated(text)
    if parsed.hours is None:
        return {"opening_hours": None, "opening_hours_text": text, "opening_hours_review": parsed.reason[:300]}
    return {"opening_hours": oh.to_dict(parsed.hours), "opening_hours_text": text, "opening_hours_review": ""}


def site_records() -> list[SiteRecord]:
    owners = records.organisation_keys_by_row()
    result = []
    for row_id, row in records.sites().items():
        if row["kind"] in NOT_SITES:
            continue
        if row["kind"] not in SITE_KIND_BY_CSV_KIND:
            raise records.DemoDataError(f"row {row_id}: unknown kind {row['kind']!r}")
        branch = row["industry_branch"]
        data = {
            "name": row["name_cs"],
            "kind": _kind(row).value,
            "sectors": [records.SECTOR_BY_BRANCH[branch].value] if branch else [],
            "town": records.municipality(row["town"]),
            "address": row["address"],
            "latitude": Decimal(row["lat"]) if row["lat"] else None,
            "longitude": Decimal(row["lon"]) if row["lon"] else None,
            "coordinate_precision": row["precision"] if row["lat"] else "",
            "outside_region": is_outside_region(row),
            "website": row["website"],
            "description": row["notes"],
            "translations": {"name": {"en": row["name_en"]}} if row["name_en"] else {},
            "source": records.csv_source(row),
            "is_sample": False,
            **_hours(row),
        }
        result.append(SiteRecord(external_id=row_id, data=data, owner_key=owner_key(row_id, owners)))
    return result


def town_centres(rows: dict[str, dict[str, str]], *, towns: tuple[str, ...]):
    """(name, row) of the first row per town whose point is that town's centre (precision "town"), in
    the order of ``towns``; a town without such a row is skipped."""
    for town in towns:
        row = next((r for r in rows.values() if r["town"] == town and r["precision"] == "town" and r["lat"]), None)
        if row is not None:
            yield town, row


def tour_starts() -> list[TourStartRecord]:
    """Starting points of the tour planner: the town centres the reference list gives for the spa towns
    (only Karlovy Vary's is there; the coordinator adds others, e.g. Mariánské Lázně, in the admin)."""
    return [
        TourStartRecord(
            name=f"{town} – centrum",
            data={
                "translations": {"name": {"en": f"{town} town centre", "de": f"{town} Zentrum"}},
                "latitude": Decimal(row["lat"]),
                "longitude": Decimal(row["lon"]),
                "source": f"Town centre as given in {records.csv_source(row)}",
            },
        )
        for town, row in town_centres(records.sites(), towns=("Karlovy Vary",))
    ]
