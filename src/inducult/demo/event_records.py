"""Festivals and public events of the Karlovy Vary demo (pure: no database).

One festival is real: the strategy reports that "Kulturní září na Sokolovsku" ("Industrial September
in the Region of Sokolov") promoted events connected to industry in September 2018; it names no
single event, so none is invented for it. The action plan repeats the product (2019–2022); for the
demo the 2026 edition and its programme are made up, at real sites of the reference list, and are
labelled as samples everywhere.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from inducult.demo.strategy_records import cite
from inducult.heritage.demo import EventRecord

SEPTEMBER_2018 = {
    "slug": "kulturni-zari-2018",
    "name": "Kulturní září na Sokolovsku 2018",
    "translations": {
        "name": {"en": "Industrial September in the Region of Sokolov 2018"},
        # The summary's own sentence (10.3.3), not a translation of the Czech one.
        "description": {"en": "A product that promoted cultural events connected to industry."},
    },
    "description": "Produkt, který propagoval události spojené s průmyslem, jež se konaly v září roku 2018.",
    "starts_on": datetime.date(2018, 9, 1),
    "ends_on": datetime.date(2018, 9, 30),
    # The product and its September 2018 are in 4.3 (experience), 5.5 (milestones' preamble) and the
    # English summary's 10.3.3; the strategy has no section 8.
    "source": cite(("4.3", "465–467"), ("5.5", "703–705"), ("10.3.3", "1472–1473")),
    "is_sample": False,
}

SAMPLE_FESTIVAL = {
    "slug": "prumyslove-zari-2026",
    "name": "Průmyslové září 2026",
    "translations": {
        "name": {"en": "Industrial September 2026", "de": "Industrieller September 2026"},
        "description": {
            "en": "A sample edition made up for demonstration.",
            "de": "Eine für die Vorführung erfundene Beispielausgabe.",
        },
    },
    "description": "Ukázkový ročník pro demonstraci platformy.",
    "starts_on": datetime.date(2026, 9, 1),
    "ends_on": datetime.date(2026, 9, 30),
    "source": "Sample made up for demonstration (the strategy's action plan repeats the 2018 product)",
    "is_sample": True,
}


@dataclass(frozen=True)
class SampleEvent:
    site_row: str  # the reference list's row of the site
    title: str
    title_en: str
    day: datetime.date
    start: datetime.time
    end: datetime.time


SAMPLE_EVENTS = (
    SampleEvent("KV001", "Den otevřených dveří v dole", "Open day at the mine", datetime.date(2026, 9, 5),
                datetime.time(10), datetime.time(16)),
    SampleEvent("KV017", "Večer hornických příběhů", "An evening of miners' stories", datetime.date(2026, 9, 12),
                datetime.time(18), datetime.time(20)),
    SampleEvent("KV027", "Porcelán v rukou malířek", "Porcelain in the painters' hands", datetime.date(2026, 9, 19),
                datetime.time(10), datetime.time(15)),
    SampleEvent("KV022", "Sklářská noc", "Glassmakers' night", datetime.date(2026, 9, 26),
                datetime.time(19), datetime.time(23)),
)  # fmt: skip


def event_data(sample: SampleEvent, tz) -> dict[str, Any]:
    return {
        "title": sample.title,
        "translations": {"title": {"en": sample.title_en}},
        "description": "",
        "starts_at": datetime.datetime.combine(sample.day, sample.start, tzinfo=tz),
        "ends_at": datetime.datetime.combine(sample.day, sample.end, tzinfo=tz),
        "all_day": False,
        "place_text": "",
        "source": "Sample made up for demonstration",
        "is_sample": True,
        "status": "approved",
    }


def sample_events(tz) -> list[EventRecord]:
    """The sample events as the heritage loader takes them, at the sample festival."""
    return [
        EventRecord(festival=SAMPLE_FESTIVAL["slug"], site=sample.site_row, data=event_data(sample, tz))
        for sample in SAMPLE_EVENTS
    ]
