"""The touring exhibition of the Karlovy Vary demo (pure: no database).

From the strategy: the "Průmyslová putovní výstava" (Mobile Exhibition of industrial enterprises
and products) drew most visitors at the Museum Night in Žatec and at "Za poklady Slavkovského lesa"
in Březová near Sokolov; visitors were most interested in the showcases on porcelain, musical
instruments and car production. The strategy gives no dates and no visitor numbers. Issue #4 also
names a glass showcase and a stop at Statek Bernard, which the strategy does not describe: they,
every visitor count and every vote are made up for demonstration and labelled as samples.
"""

from __future__ import annotations

from inducult.demo.strategy_records import cite
from inducult.heritage.demo import ExhibitionRecord, ShowcaseRecord, StopRecord

# The exhibition, its two stops and the showcases visitors liked most: 4.3 and the English summary's 10.3.3.
SOURCE = cite(("4.3", "467–475"), ("10.3.3", "1474–1484"))

EXHIBITION = {
    "title": "Průmyslová putovní výstava",
    "translations": {
        "title": {
            "en": "Mobile Exhibition of industrial enterprises and products",
            "de": "Industrielle Wanderausstellung",
        },
        "description": {"en": "Showcases of the region's industrial products toured cultural events."},
    },
    "description": "Vitríny s výrobky průmyslových podniků kraje putovaly po kulturních akcích.",
    "source": SOURCE,
    "is_sample": False,
}

# (title, English, sector, sample)
SHOWCASES = (
    ("Porcelán", "Porcelain", "porcelain", False),
    ("Hudební nástroje", "Musical instruments", "musical_instruments", False),
    ("Automobilový průmysl", "Car production", "automotive", False),
    ("Sklo", "Glass", "glass", True),
)

# (venue, occasion, period, sample, voting open, sample visitors)
STOPS = (
    ("Žatec", "Muzejní noc (Museum Night)", "InduCult2.0", False, False, 420),
    ("Březová u Sokolova", "Za poklady Slavkovského lesa", "InduCult2.0", False, False, 350),
    ("Statek Bernard, Královské Poříčí", "", "sample", True, True, 120),
)

# Sample votes per stop, in the showcases' order; the ranking follows what the strategy reports.
SAMPLE_VOTES = ((41, 33, 27, 12), (36, 30, 22, 10), (11, 9, 8, 5))


def exhibition() -> ExhibitionRecord:
    """The exhibition as the heritage loader takes it. Every visitor count is a sample; a stop the
    strategy does not describe has no period and is a sample itself; the stop at Statek Bernard is at
    that site."""
    return ExhibitionRecord(
        data=EXHIBITION,
        showcases=tuple(ShowcaseRecord(*showcase) for showcase in SHOWCASES),
        stops=tuple(
            StopRecord(
                venue=venue,
                occasion=occasion,
                period="" if period == "sample" else period,
                site_name="Bernard" if "Bernard" in venue else "",
                visitors=visitors,
                visitors_is_sample=True,
                voting_open=voting,
                source="Sample made up for demonstration" if sample else SOURCE,
                is_sample=sample,
                sample_votes=votes,
            )
            for (venue, occasion, period, sample, voting, visitors), votes in zip(STOPS, SAMPLE_VOTES, strict=True)
        ),
    )
