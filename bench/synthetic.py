"""Synthetic registry records for benchmarks: pure, deterministic, one generator per entity.

Each generator takes its own ``random.Random`` seeded from the run's seed and the entity's name, so
adding a new entity (engagements, sites, events) later does not change the records the existing
ones produce for the same seed. Records are plain dicts of model field values; the writers in
generate.py turn them into rows of the database or of a CSV file.

Names are made up from real town names of the Karlovy Vary region and common Czech words, so
search, sorting and diacritics behave as with real data. Web and e-mail addresses use the reserved
``.example`` domain, so nothing generated points at a real site or mailbox.
"""

from __future__ import annotations

import calendar
import datetime
import random
import re
import unicodedata
from collections.abc import Iterator
from decimal import Decimal

import benchenv  # noqa: F401 - puts src/ on the path for the enums below

from inducult.engagement.enums import EngagementKind
from inducult.network.enums import LawfulBasis, Level, OrganisationKind, Position, Sector

SOURCE = "synthetic benchmark data"

# (town, latitude, longitude, postcode): real towns of the Karlovy Vary region, centres rounded.
TOWNS = [
    ("Karlovy Vary", 50.2310, 12.8710, "360 01"),
    ("Sokolov", 50.1813, 12.6401, "356 01"),
    ("Cheb", 50.0796, 12.3739, "350 02"),
    ("Ostrov", 50.3059, 12.9392, "363 01"),
    ("Chodov", 50.2413, 12.7476, "357 35"),
    ("Mariánské Lázně", 49.9646, 12.7012, "353 01"),
    ("Aš", 50.2239, 12.1950, "352 01"),
    ("Františkovy Lázně", 50.1205, 12.3518, "351 01"),
    ("Nejdek", 50.3224, 12.7294, "362 21"),
    ("Kraslice", 50.3237, 12.5175, "358 01"),
    ("Horní Slavkov", 50.1387, 12.8077, "357 31"),
    ("Loket", 50.1860, 12.7540, "357 33"),
    ("Nová Role", 50.2710, 12.7841, "362 25"),
    ("Habartov", 50.1830, 12.5506, "357 09"),
    ("Jáchymov", 50.3584, 12.9343, "362 51"),
    ("Toužim", 50.0606, 12.9850, "364 01"),
    ("Žlutice", 50.0920, 13.1628, "364 52"),
    ("Bochov", 50.1496, 13.0466, "364 71"),
    ("Hroznětín", 50.3093, 12.8715, "362 33"),
    ("Krásno", 50.1044, 12.7930, "357 31"),
    ("Rotava", 50.2965, 12.5735, "357 01"),
    ("Kynšperk nad Ohří", 50.1190, 12.5301, "357 51"),
    ("Lázně Kynžvart", 50.0106, 12.6247, "354 91"),
    ("Teplá", 49.9660, 12.8633, "364 61"),
    ("Boží Dar", 50.4098, 12.9246, "362 62"),
    ("Abertamy", 50.3687, 12.8182, "362 35"),
    ("Horní Blatná", 50.3897, 12.7706, "362 37"),
    ("Bečov nad Teplou", 50.0835, 12.8380, "364 64"),
    ("Březová", 50.2060, 12.8510, "356 01"),
    ("Oloví", 50.2518, 12.5589, "357 07"),
    ("Královské Poříčí", 50.1890, 12.6310, "356 01"),
    ("Svatava", 50.1926, 12.6246, "357 03"),
    ("Dalovice", 50.2489, 12.8953, "362 63"),
    ("Hranice", 50.3040, 12.1760, "351 24"),
    ("Plesná", 50.2206, 12.3466, "351 35"),
    ("Luby", 50.2522, 12.4058, "351 37"),
    ("Skalná", 50.1710, 12.3610, "351 34"),
    ("Kyselka", 50.2630, 13.0010, "362 72"),
    ("Merklín", 50.3280, 12.8600, "362 34"),
    ("Pernink", 50.3660, 12.7810, "362 36"),
]

STREETS = [
    "náměstí Míru",
    "Husova",
    "Nádražní",
    "Sokolovská",
    "Karlovarská",
    "Chebská",
    "Palackého",
    "Jiráskova",
    "Žižkova",
    "Tovární",
    "Hornická",
    "Školní",
    "Zámecká",
    "Sklářská",
    "Porcelánová",
    "Lázeňská",
]

# Name patterns per kind; {town} is filled in, a serial number is appended for uniqueness.
NAMES = {
    OrganisationKind.MUSEUM: ["Muzeum {town}", "Hornické muzeum {town}", "Muzeum porcelánu {town}", "Galerie {town}"],
    OrganisationKind.ENTERPRISE: [
        "Porcelánka {town}",
        "Sklárna {town}",
        "Pivovar {town}",
        "Strojírny {town}",
        "Textilka {town}",
        "Výroba hudebních nástrojů {town}",
        "Důl {town}",
    ],
    OrganisationKind.SCHOOL: ["Základní škola {town}", "Střední průmyslová škola {town}", "Gymnázium {town}"],
    OrganisationKind.MUNICIPALITY: ["Město {town}", "Obec {town}", "Mikroregion {town}"],
    OrganisationKind.LOCAL_ACTION_GROUP: ["MAS {town}", "Místní akční skupina {town}"],
    OrganisationKind.REGIONAL_AUTHORITY: ["Krajský úřad – pracoviště {town}"],
    OrganisationKind.TOURIST_INFORMATION: ["Informační centrum {town}", "Turistické infocentrum {town}"],
    OrganisationKind.ASSOCIATION: [
        "Spolek přátel hornictví {town}",
        "Klub sběratelů porcelánu {town}",
        "Spolek pro obnovu památek {town}",
    ],
    OrganisationKind.CREATIVE: ["Ateliér {town}", "Sklářské studio {town}", "Keramická dílna {town}"],
    OrganisationKind.RESEARCH: ["Výzkumné centrum {town}", "Ústav průmyslového dědictví {town}"],
    OrganisationKind.AGENCY: ["Hospodářská komora {town}", "Agentura regionálního rozvoje {town}"],
    OrganisationKind.PROGRAMME_BODY: ["Řídicí orgán programu – kancelář {town}"],
    OrganisationKind.MEDIA: ["Deník {town}", "Rádio {town}", "Zpravodaj {town}"],
}
KIND_WEIGHTS = {
    OrganisationKind.MUSEUM: 8,
    OrganisationKind.ENTERPRISE: 30,
    OrganisationKind.SCHOOL: 10,
    OrganisationKind.MUNICIPALITY: 12,
    OrganisationKind.LOCAL_ACTION_GROUP: 2,
    OrganisationKind.REGIONAL_AUTHORITY: 1,
    OrganisationKind.TOURIST_INFORMATION: 4,
    OrganisationKind.ASSOCIATION: 12,
    OrganisationKind.CREATIVE: 9,
    OrganisationKind.RESEARCH: 3,
    OrganisationKind.AGENCY: 3,
    OrganisationKind.PROGRAMME_BODY: 1,
    OrganisationKind.MEDIA: 5,
}
# A word in the name implies the sector; everything else draws sectors at random.
NAME_SECTORS = {
    "porcelán": Sector.PORCELAIN,
    "sklář": Sector.GLASS,
    "sklárna": Sector.GLASS,
    "pivovar": Sector.FOOD_BEVERAGE,
    "strojírny": Sector.METAL,
    "textilka": Sector.TEXTILE,
    "hudebních": Sector.MUSICAL_INSTRUMENTS,
    "důl": Sector.MINING,
    "hornic": Sector.MINING,
    "keramick": Sector.PORCELAIN,
}
LEGAL_FORMS = ["a.s.", "s.r.o.", "z.s.", "o.p.s.", "", "", ""]
TAGS = [
    "porcelán",
    "sklo",
    "hornictví",
    "UNESCO",
    "Montanregion",
    "lázně",
    "exkurze",
    "řemeslo",
    "průmyslové dědictví",
    "vzdělávání",
    "cestovní ruch",
    "industriální architektura",
]

FIRST_NAMES = ["Jan", "Petr", "Josef", "Pavel", "Martin", "Tomáš", "Jiří", "Lukáš", "Václav", "Ondřej"]
FIRST_NAMES_F = ["Jana", "Marie", "Eva", "Hana", "Lenka", "Kateřina", "Lucie", "Věra", "Alena", "Zuzana"]
LAST_NAMES = [
    ("Novák", "Nováková"),
    ("Svoboda", "Svobodová"),
    ("Dvořák", "Dvořáková"),
    ("Černý", "Černá"),
    ("Procházka", "Procházková"),
    ("Kučera", "Kučerová"),
    ("Veselý", "Veselá"),
    ("Horák", "Horáková"),
    ("Němec", "Němcová"),
    ("Pospíšil", "Pospíšilová"),
    ("Hájek", "Hájková"),
    ("Jelínek", "Jelínková"),
    ("Růžička", "Růžičková"),
    ("Beneš", "Benešová"),
    ("Doležal", "Doležalová"),
    ("Kolář", "Kolářová"),
    ("Čermák", "Čermáková"),
    ("Kříž", "Křížová"),
    ("Müller", "Müllerová"),
    ("Schmidt", "Schmidtová"),
]
TITLES = ["", "", "", "Ing.", "Mgr.", "PhDr.", "Bc."]
ROLES = ["ředitel", "kurátor", "starosta", "učitel", "projektový manažer", "předseda spolku", "jednatel"]


def rng_for(seed: int, entity: str) -> random.Random:
    return random.Random(f"{seed}-{entity}")


def ascii_slug(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


def _weighted(rng: random.Random, weights: dict) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _coordinate(value: float, rng: random.Random) -> Decimal:
    return Decimal(f"{value + rng.uniform(-0.02, 0.02):.6f}")


def organisations(seed: int, count: int) -> Iterator[dict]:
    """``count`` organisations as field dicts; ``archived`` (bool) stands in for archived_at."""
    rng = rng_for(seed, "organisations")
    for number in range(1, count + 1):
        kind = _weighted(rng, KIND_WEIGHTS)
        town, lat, lon, postcode = rng.choice(TOWNS)
        base = rng.choice(NAMES[kind]).format(town=town)
        legal_form = rng.choice(LEGAL_FORMS) if kind == OrganisationKind.ENTERPRISE else ""
        name = f"{base} {number}" + (f" {legal_form}" if legal_form else "")
        folded = base.casefold()
        sectors = [code for word, code in NAME_SECTORS.items() if word in folded]
        if not sectors or rng.random() < 0.3:
            sectors += rng.sample([s.value for s in Sector], k=rng.randint(1, 2))
        slug = ascii_slug(f"{base} {number}")
        has_place = rng.random() < 0.6
        yield {
            "name": name,
            "short_name": "".join(word[0] for word in base.split() if word[0].isalpha()).upper()[:10]
            if rng.random() < 0.2
            else "",
            "kind": str(kind),
            "sectors": list(dict.fromkeys(str(s) for s in sectors)),
            "town": town,
            "address": f"{rng.choice(STREETS)} {rng.randint(1, 999)}, {postcode} {town}" if has_place else "",
            "latitude": _coordinate(lat, rng) if has_place else None,
            "longitude": _coordinate(lon, rng) if has_place else None,
            "website": f"https://www.{slug}.example/" if rng.random() < 0.7 else "",
            "email": f"info@{slug}.example" if rng.random() < 0.6 else "",
            "phone": f"+420 3{rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(100, 999)}"
            if rng.random() < 0.5
            else "",
            "tags": rng.sample(TAGS, k=rng.choice([0, 0, 1, 1, 2, 3])),
            "influence": rng.choice([None, *Level.values]),
            "interest": rng.choice([None, *Level.values]),
            "position": rng.choice(["", *Position.values]),
            "archived": rng.random() < 0.03,
            "is_sample": True,
            "source": SOURCE,
        }


def people(seed: int, count: int) -> Iterator[dict]:
    rng = rng_for(seed, "people")
    for number in range(1, count + 1):
        female = rng.random() < 0.5
        first = rng.choice(FIRST_NAMES_F if female else FIRST_NAMES)
        last = rng.choice(LAST_NAMES)[1 if female else 0]
        basis = _weighted(
            rng,
            {
                LawfulBasis.LEGITIMATE_INTERESTS: 6,
                LawfulBasis.CONSENT: 2,
                LawfulBasis.PUBLIC_TASK: 2,
                LawfulBasis.CONTRACT: 1,
                LawfulBasis.LEGAL_OBLIGATION: 1,
            },
        )
        yield {
            "first_name": first,
            "last_name": last,
            "title": rng.choice(TITLES),
            "email": f"{ascii_slug(first)}.{ascii_slug(last)}.{number}@example.org" if rng.random() < 0.8 else "",
            "phone": f"+420 7{rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(100, 999)}"
            if rng.random() < 0.4
            else "",
            "language": rng.choice(["cs", "cs", "cs", "de", "en"]),
            "lawful_basis": str(basis),
            "consent_date": datetime.date(2020, 1, 1) + datetime.timedelta(days=rng.randint(0, 1800))
            if basis == LawfulBasis.CONSENT
            else None,
            "is_sample": True,
        }


def memberships(seed: int, person_count: int, organisation_count: int) -> Iterator[dict]:
    """Roles linking people to organisations by their 0-based position in the generated order."""
    rng = rng_for(seed, "memberships")
    if not organisation_count:
        return
    for person_index in range(person_count):
        for _ in range(1 if rng.random() < 0.8 else 2):
            start = datetime.date(2005, 1, 1) + datetime.timedelta(days=rng.randint(0, 7000))
            ended = rng.random() < 0.15
            yield {
                "person_index": person_index,
                "organisation_index": rng.randrange(organisation_count),
                "role": rng.choice(ROLES),
                "start_date": start,
                "end_date": start + datetime.timedelta(days=rng.randint(30, 2000)) if ended else None,
            }


# --- engagement log -------------------------------------------------------------------------------

# How often each kind occurs; the demo strategy's count rules ask for bilateral meetings, round tables,
# focus groups, partner meetings, excursions and festival events, so those are common.
ENGAGEMENT_KIND_WEIGHTS = {
    EngagementKind.BILATERAL_MEETING: 30,
    EngagementKind.PARTNER_MEETING: 12,
    EngagementKind.ROUND_TABLE: 8,
    EngagementKind.FOCUS_GROUP: 6,
    EngagementKind.VIDEO_CONFERENCE: 10,
    EngagementKind.WORKSHOP: 8,
    EngagementKind.EXCURSION: 6,
    EngagementKind.TRIAL_JOB_INTERVIEW: 3,
    EngagementKind.LECTURE_DISCUSSION: 6,
    EngagementKind.OPEN_FACTORY_DAY: 3,
    EngagementKind.EXHIBITION_STOP: 2,
    EngagementKind.FESTIVAL_EVENT: 3,
    EngagementKind.OTHER: 3,
}
ENGAGEMENT_TITLES = {
    EngagementKind.BILATERAL_MEETING: "Schůzka",
    EngagementKind.PARTNER_MEETING: "Setkání partnerů",
    EngagementKind.ROUND_TABLE: "Kulatý stůl",
    EngagementKind.FOCUS_GROUP: "Diskusní skupina",
    EngagementKind.VIDEO_CONFERENCE: "Videokonference",
    EngagementKind.WORKSHOP: "Workshop",
    EngagementKind.EXCURSION: "Exkurze",
    EngagementKind.TRIAL_JOB_INTERVIEW: "Zkušební pohovor",
    EngagementKind.LECTURE_DISCUSSION: "Přednáška",
    EngagementKind.OPEN_FACTORY_DAY: "Den otevřených dveří",
    EngagementKind.EXHIBITION_STOP: "Zastávka výstavy",
    EngagementKind.FESTIVAL_EVENT: "Festival",
    EngagementKind.OTHER: "Akce",
}
ENGAGEMENT_TOPICS = [
    "Porcelán a turismus",
    "Sklářská tradice",
    "Hornické dědictví",
    "UNESCO Montanregion",
    "Lázeňství",
    "Exkurze do podniků",
    "Řemeslné dílny",
    "Vzdělávání a školy",
    "Pracovní síla",
    "Industriální architektura",
    "Festivaly",
    "Muzejní sbírky",
]
OUTCOMES = [
    "Dohodnuta společná exkurze pro školy.",
    "Partneři připraví návrh trasy.",
    "Zájem o účast na festivalu průmyslové kultury.",
    "Navázána spolupráce s muzeem.",
    "Podklady pro žádost o dotaci.",
]


def _engagement_moment(rng: random.Random, year: int, month: int, tz) -> datetime.datetime:
    days = calendar.monthrange(year, month)[1]
    day = datetime.date(year, month, 1 + rng.randrange(days))
    hour = rng.choice([8, 9, 9, 10, 10, 10, 11, 13, 13, 14, 14, 15, 16, 17, 18])
    minute = rng.choice([0, 0, 0, 15, 30, 30, 45])
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz)


def engagements(
    seed: int, plan: list[tuple[int, int, int, int]], *, tz, today: datetime.date, organisation_count: int
) -> Iterator[dict]:
    """Engagements for ``plan`` = [(region_index, year, month, count), …], in that order.

    Each record is a dict of Engagement field values (``region_index`` stands in for the region)
    plus ``participants``: 0-based indexes into the region's organisations, no index twice, and
    ``topics``: 0-based indexes into ENGAGEMENT_TOPICS. About 2 participants per engagement;
    ``regional_authority`` marks that a regional-authority organisation takes part (the writer picks
    one, since only the writer knows which of the region's organisations are of that kind).
    """
    rng = rng_for(seed, "engagements")
    kinds = list(ENGAGEMENT_KIND_WEIGHTS)
    weights = list(ENGAGEMENT_KIND_WEIGHTS.values())
    one_day = datetime.timedelta(days=1)
    numbers: dict[tuple[int, int], int] = {}
    for region_index, year, month, count in plan:
        for _ in range(count):
            number = numbers[region_index, year] = numbers.get((region_index, year), 0) + 1
            kind = rng.choices(kinds, weights=weights)[0]
            local = _engagement_moment(rng, year, month, tz)
            date_only = rng.random() < 0.2
            if date_only:
                local = local.replace(hour=0, minute=0)
                ends = local + one_day * rng.choice([0, 0, 0, 1, 2]) if rng.random() < 0.3 else None
            else:
                ends = (
                    local + datetime.timedelta(minutes=rng.choice([60, 90, 120, 180])) if rng.random() < 0.6 else None
                )
            past = local.date() <= today
            held = past and rng.random() < 0.9
            town = rng.choice(TOWNS)[0]
            place = rng.random()
            n_participants = rng.choice([0, 1, 1, 2, 2, 2, 3, 3, 4]) if organisation_count else 0
            yield {
                "region_index": region_index,
                "kind": str(kind),
                "status": "held" if held else "planned",
                "title": f"{ENGAGEMENT_TITLES[kind]} {town} {year}-{number}",
                "starts_at": local,
                "ends_at": ends,
                "date_only": date_only,
                "place_text": town if place < 0.5 else "",
                "place_organisation_index": rng.randrange(organisation_count)
                if 0.5 <= place < 0.8 and organisation_count
                else None,
                "outcomes": rng.choice(OUTCOMES) if held and rng.random() < 0.5 else "",
                "visibility": "public" if rng.random() < 0.4 else "internal",
                "is_sample": True,
                "source": SOURCE,
                "participants": rng.sample(range(organisation_count), k=min(n_participants, organisation_count)),
                "regional_authority": rng.random() < 0.08,
                "topics": rng.sample(range(len(ENGAGEMENT_TOPICS)), k=rng.choice([0, 1, 1, 2])),
            }
