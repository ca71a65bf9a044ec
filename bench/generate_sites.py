"""Fill a benchmark region with heritage sites at scale (issue #4: 20,000 sites for sites.geojson and the map).

    python bench/generate_sites.py                       # 20,000 sites in region "bench-sites"
    python bench/generate_sites.py --sites 2000 --replace

Names are built like the other synthetic records ("Muzeum porcelánu Loket 123", "Důl Jáchymov 4567")
from real towns of the Karlovy Vary region; points are spread evenly over the region's bounding box
(lat 49.9–50.5, lon 12.1–13.3), each site named after the nearest of those towns. About 5 % have no
coordinates (a null geometry in the GeoJSON), 55 % structured opening hours (written with
``domain.opening_hours.to_dict``), 10 % "by appointment", the rest none (``None``), half of those flagged
for checking, as the reference list's unreadable hours are. A third carry English and German names.

Rows are written with bulk_create in batches inside one transaction: a failed run leaves nothing
behind. bulk_create skips save(), so ``search_text`` is computed here the way save() computes it. Every
record is a sample (is_sample=True) with the source "synthetic benchmark data". See bench/README.md.
"""

from __future__ import annotations

import argparse
import datetime
import math
import sys
import time
from collections.abc import Iterator
from decimal import Decimal

import benchenv
import synthetic

from inducult.heritage.domain import opening_hours as oh
from inducult.heritage.enums import CoordinatePrecision, PriceLevel, SiteKind, TourLanguage, Wheelchair
from inducult.network.enums import Sector

REGION = "bench-sites"
BATCH = 2000
# The Karlovy Vary region's bounding box, roughly.
LATITUDES = (49.9, 50.5)
LONGITUDES = (12.1, 13.3)

# Name patterns per kind; {town} is filled in, a serial number is appended for uniqueness.
SITE_NAMES = {
    SiteKind.MUSEUM: ["Muzeum {town}", "Muzeum porcelánu {town}", "Hornické muzeum {town}", "Sklářské muzeum {town}"],
    SiteKind.SHOW_MINE: ["Důl {town}", "Štola {town}", "Prohlídková štola {town}"],
    SiteKind.FACTORY_VISITOR_CENTRE: ["Porcelánka {town} – návštěvnické centrum", "Sklárna {town} – exkurze"],
    SiteKind.TECHNICAL_MONUMENT: ["Hamr {town}", "Vápenka {town}", "Důlní věž {town}", "Pivovar {town}"],
    SiteKind.UNESCO_COMPONENT: ["Hornická kulturní krajina {town}"],
    SiteKind.CREATIVE_HUB: ["Kreativní centrum {town}", "Keramická dílna {town}"],
    SiteKind.VENUE: ["Kulturní dům {town}", "Stará tovární hala {town}"],
    SiteKind.TRAIL: ["Naučná stezka {town}", "Hornická stezka {town}"],
    SiteKind.PRODUCER: ["Sklárna {town}", "Porcelánka {town}", "Výroba hudebních nástrojů {town}"],
    SiteKind.FORMER_INDUSTRIAL_SITE: ["Bývalá textilka {town}", "Bývalé strojírny {town}", "Bývalý důl {town}"],
}
KIND_WEIGHTS = {
    SiteKind.MUSEUM: 20,
    SiteKind.SHOW_MINE: 6,
    SiteKind.FACTORY_VISITOR_CENTRE: 6,
    SiteKind.TECHNICAL_MONUMENT: 25,
    SiteKind.UNESCO_COMPONENT: 3,
    SiteKind.CREATIVE_HUB: 5,
    SiteKind.VENUE: 5,
    SiteKind.TRAIL: 5,
    SiteKind.PRODUCER: 10,
    SiteKind.FORMER_INDUSTRIAL_SITE: 15,
}
# Sectors implied by words of the name (adds to synthetic.NAME_SECTORS, which covers most of them).
EXTRA_NAME_SECTORS = {"štola": Sector.MINING, "hornick": Sector.MINING, "hamr": Sector.METAL, "textil": Sector.TEXTILE}

_NINE_TO_FIVE = (oh.Interval(datetime.time(9), datetime.time(17)),)
_WITH_LUNCH = (oh.Interval(datetime.time(9), datetime.time(12)), oh.Interval(datetime.time(13), datetime.time(17)))
# (structured hours, the text a source would state): the patterns real sites publish.
HOURS = [
    (
        oh.OpeningHours(
            kind=oh.Kind.REGULAR,
            seasons=(oh.Season(oh.MonthDay(1, 1), oh.MonthDay(12, 31), {1, 2, 3, 4, 5, 6}, _NINE_TO_FIVE),),
        ),
        "Út–Ne 9:00–17:00",
    ),
    (
        oh.OpeningHours(
            kind=oh.Kind.REGULAR,
            seasons=(oh.Season(oh.MonthDay(5, 1), oh.MonthDay(10, 31), {2, 3, 4, 5, 6}, _WITH_LUNCH),),
        ),
        "květen–říjen St–Ne 9:00–12:00, 13:00–17:00",
    ),
    (
        oh.OpeningHours(
            kind=oh.Kind.REGULAR,
            seasons=(
                oh.Season(oh.MonthDay(4, 1), oh.MonthDay(10, 31), oh.ALL_WEEKDAYS, _NINE_TO_FIVE),
                oh.Season(
                    oh.MonthDay(11, 1), oh.MonthDay(3, 31), {5, 6}, (oh.Interval(datetime.time(10), datetime.time(15)),)
                ),
            ),
            exceptions=(oh.DateException(datetime.date(2026, 12, 24), datetime.date(2026, 12, 26), closed=True),),
        ),
        "duben–říjen denně 9–17, listopad–březen So–Ne 10–15, o Vánocích zavřeno",
    ),
    (
        oh.OpeningHours(kind=oh.Kind.REGULAR, seasons=(oh.Season(oh.MonthDay(6, 1), oh.MonthDay(9, 30), {5, 6}, ()),)),
        "červen–září o víkendech",
    ),
]
BY_APPOINTMENT = oh.OpeningHours.by_appointment("po domluvě")
UNREAD_TEXTS = ["dle aktuální situace", "viz web", "v sezóně denně kromě svátků", "otevřeno při akcích"]


def _nearest_town(lat: float, lon: float) -> tuple[str, str]:
    """(town, postcode) of the nearest town centre; longitude degrees are shorter at this latitude."""
    scale = math.cos(math.radians(50.2))
    town = min(synthetic.TOWNS, key=lambda t: (t[1] - lat) ** 2 + ((t[2] - lon) * scale) ** 2)
    return town[0], town[3]


def _sectors(rng, base: str) -> list[str]:
    folded = base.casefold()
    words = {**synthetic.NAME_SECTORS, **EXTRA_NAME_SECTORS}
    sectors = [str(code) for word, code in words.items() if word in folded]
    if not sectors or rng.random() < 0.2:
        sectors += rng.sample([s.value for s in Sector], k=rng.randint(1, 2))
    return list(dict.fromkeys(sectors))


def _hours(rng) -> dict:
    """opening_hours, opening_hours_text and opening_hours_review of one site."""
    draw = rng.random()
    if draw < 0.55:
        hours, text = rng.choice(HOURS)
        return {"opening_hours": oh.to_dict(hours), "opening_hours_text": text, "opening_hours_review": ""}
    if draw < 0.65:
        return {
            "opening_hours": oh.to_dict(BY_APPOINTMENT),
            "opening_hours_text": "po domluvě",
            "opening_hours_review": "",
        }
    if draw < 0.82:
        text = rng.choice(UNREAD_TEXTS)
        return {"opening_hours": None, "opening_hours_text": text, "opening_hours_review": f"Not read: {text!r}"}
    return {"opening_hours": None, "opening_hours_text": "", "opening_hours_review": ""}


def sites(seed: int, count: int) -> Iterator[dict]:
    """``count`` sites as field dicts (without region), deterministic for a seed."""
    rng = synthetic.rng_for(seed, "sites")
    for number in range(1, count + 1):
        kind = synthetic._weighted(rng, KIND_WEIGHTS)
        lat, lon = rng.uniform(*LATITUDES), rng.uniform(*LONGITUDES)
        town, postcode = _nearest_town(lat, lon)
        base = rng.choice(SITE_NAMES[kind]).format(town=town)
        name = f"{base} {number}"
        slug = synthetic.ascii_slug(name)
        located = rng.random() >= 0.05
        translated = rng.random() < 0.33
        yield {
            "external_id": f"BENCH{number:06d}",
            "name": name,
            "kind": str(kind),
            "sectors": _sectors(rng, base),
            "town": town,
            "address": f"{rng.choice(synthetic.STREETS)} {rng.randint(1, 999)}, {postcode} {town}",
            "latitude": Decimal(f"{lat:.6f}") if located else None,
            "longitude": Decimal(f"{lon:.6f}") if located else None,
            "coordinate_precision": str(rng.choice(list(CoordinatePrecision))) if located else "",
            "website": f"https://www.{slug}.example/" if rng.random() < 0.6 else "",
            **_hours(rng),
            "visit_minutes": rng.choice([None, 30, 45, 60, 90, 120]),
            "tour_languages": rng.sample(TourLanguage.values, k=rng.choice([0, 1, 1, 2, 3])),
            "price_level": rng.choice(["", *PriceLevel.values]),
            "wheelchair": rng.choice(["", *Wheelchair.values]),
            "translations": {"name": {"en": f"{kind.label} {town} {number}", "de": f"{town} {number}"}}
            if translated
            else {},
            "is_sample": True,
            "source": synthetic.SOURCE,
        }


def _model(region, record: dict):
    from inducult.core.text import search_key
    from inducult.heritage.models import Site

    site = Site(region=region, **record)
    # What Site.save() would store: bulk_create does not call it.
    translated = (text for texts in site.translations.values() for text in texts.values())
    site.search_text = search_key(site.name, site.town, *translated)
    return site


def write_database(*, slug: str, seed: int, count: int, replace: bool) -> dict[str, object]:
    import generate
    from django.db import transaction
    from django.utils import translation

    from inducult.core import audit
    from inducult.core.models import AuditAction
    from inducult.heritage.models import Site

    started = time.perf_counter()
    with transaction.atomic():
        region = generate.ensure_region(slug)
        existing = Site.objects.filter(region=region).count()
        if existing == count and not replace:
            return {"sites": existing, "generated": False, "total_s": round(time.perf_counter() - started, 1)}
        if existing and not replace:
            raise SystemExit(
                f"Region {slug!r} already holds {existing:,} sites, not {count:,}. "
                "Pass --replace to delete them first, or choose another --region."
            )
        deleted = Site.objects.filter(region=region).delete()[0] if existing else 0
        batch: list = []
        # Kind labels in the English names of the translations, whatever the shell's language.
        with translation.override("en"):
            for record in sites(seed, count):
                batch.append(_model(region, record))
                if len(batch) == BATCH:
                    Site.objects.bulk_create(batch)
                    batch = []
        Site.objects.bulk_create(batch)
        audit.record(
            actor=None,
            action=AuditAction.IMPORT,
            region=region,
            object_type_label="heritage.site",
            summary=f"Generated {synthetic.SOURCE} (seed {seed}): {count:,} sites for the open-data benchmark",
        )
    return {
        "sites": Site.objects.filter(region=region).count(),
        "deleted": deleted,
        "generated": True,
        "total_s": round(time.perf_counter() - started, 1),
    }


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--region", default=REGION, help="slug of the region (created when missing)")
    parser.add_argument("--sites", type=int, default=20_000, help="sites in the region")
    parser.add_argument("--seed", type=int, default=1, help="same seed, same records")
    parser.add_argument("--replace", action="store_true", help="delete the region's sites first")
    args = parser.parse_args(argv)
    if args.sites < 0:
        parser.error("--sites must be zero or more")
    return args


def generate_from_args(args: argparse.Namespace) -> dict[str, object]:
    return write_database(slug=args.region, seed=args.seed, count=args.sites, replace=args.replace)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    benchenv.setup()
    result = generate_from_args(args)
    print(f"{benchenv.database_version()}: " + ", ".join(f"{key}={value}" for key, value in result.items()))


if __name__ == "__main__":
    sys.exit(main())
