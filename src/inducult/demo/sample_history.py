"""A made-up engagement history 2019 → the current year for the Karlovy Vary demo (pure: no database).

Nothing here happened: every record is a sample (``is_sample``, ``SOURCE``), written so that the
strategy tracker shows each status somewhere. The real engagements the strategy reports (the
discussion group of 4 October 2018) live in ``strategy_records.REAL_ENGAGEMENTS`` and stay apart.

The schedule is fixed per year, so loading twice on one day writes nothing. Only the status depends
on the load date: an engagement dated before ``today`` is held, one on or after it planned. Loaded on
a later day, planned samples whose date has passed become held.

What the years show (evaluated at the end of each year; the strategy's rules are in
``strategy_records``):

- 2019, 2022, 2023, 2025: every milestone and standing target achieved.
- 2020: only three bilateral meetings (M6 and T2 missed); the first actualisation of the strategy
  (M8) was never recorded, so it is missed too. The sample deliverables prove M3, M4 and M7.
- 2021: no focus group (M10 and T1 missed).
- 2024: only one meeting with the Karlovy Vary Region (T3 missed).
- 2026 and later use one template (``_regular_year``): focus group, five bilateral meetings and the
  partners' video conference are held, but the Region meets the coordinator only once a year, so
  T3 is missed for each of these years once it is over. Seen from inside such a year, the standing
  targets move as follows (load date; statuses seen on that day before 10:00):

  | target | Jan–Jul | Aug–Nov | 1–3 Dec | 4–17 Dec | 18–31 Dec |
  |---|---|---|---|---|---|
  | T1 focus group (3 Dec) | on_track | on_track | on_track | achieved | achieved |
  | T2 bilaterals (15 Sep, 20 Oct, 10 Nov, 8 & 17 Dec) | on_track | on_track | on_track | on_track | achieved |
  | T3 the Region (20 Oct only) | on_track | on_track | at_risk | at_risk | at_risk |
  | T4 partners' video call (18 Mar) | achieved from 19 Mar | achieved | achieved | achieved | achieved |

  A target stays on track while the planned engagements still ahead cover what is missing (rule (d)
  of docs/decisions/0006-progress-engine.md): from August, when five bilateral meetings no longer fit
  into the months left, T2 is on track because all of them are planned, and in December T1 and T2
  are on track until their planned samples are held. T3 has nothing planned, so it is at risk from
  1 December. So every day of the year up to 17 December shows on_track somewhere, and December
  shows on_track and at_risk side by side: a load on 1 December shows all four statuses across the
  years. Before December no target of this strategy is at risk. A sample planned for the load day
  itself is overdue once its hour has passed (it becomes held with the next day's load), so later
  on such a day T1 or T2 can read at_risk.
"""

from __future__ import annotations

import datetime

from inducult.engagement.demo import SampleEngagement, TaskRecord
from inducult.engagement.enums import EngagementKind as Kind
from inducult.strategy.demo import SampleDeliverable

SOURCE = "Sample engagement for demonstration (not a real event); InduCult Hub demo data."
DELIVERABLE_SOURCE = "Sample deliverable for demonstration (not a real document); InduCult Hub demo data."
FIRST_YEAR = 2019
TEMPLATE_FROM = 2026  # years from here on follow _regular_year

TOPICS = ("porcelán", "cestovní ruch", "školy a firmy", "hornictví", "hudební nástroje", "financování projektů")

# Sample people (by e-mail) who own follow-up tasks.
COORDINATOR = "ukazkova.osoba@example.org"
CURATOR = "ukazkova.kuratorka@example.org"
TEACHER = "ukazkovy.ucitel@example.org"
CONTACT = "sample.contact@example.org"


def _at(year: int, month: int, day: int, hour: int = 10) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour)


REGION_ORG = "karlovarsky-kraj"

# Bilateral partners, taken in turn (a museum, a company, a school, a LAG, a municipality …).
BILATERAL_PARTNERS = (
    ("hornicke-muzeum-krasno", ("hornictví", "cestovní ruch")),
    ("thun-1794", ("porcelán", "cestovní ruch")),
    ("amati-denak", ("hudební nástroje", "školy a firmy")),
    ("sps-loket", ("školy a firmy",)),
    ("mas-sokolovsko", ("financování projektů",)),
    ("muzeum-sokolov", ("hornictví",)),
    ("mikroregion-sokolov-vychod", ("cestovní ruch",)),
    ("isste-sokolov", ("školy a firmy",)),
    ("muzeum-karlovy-vary", ("porcelán", "cestovní ruch")),
    ("mas-21", ("financování projektů",)),
    ("khk", ("školy a firmy",)),
    ("depo2015", ("cestovní ruch",)),
)
FOCUS_GROUP_MEMBERS = ("ksmas-kk", "hornicke-muzeum-krasno", "thun-1794", "amati-denak", "sps-loket", "mas-sokolovsko")


def _bilateral(when: datetime.datetime, index: int, *, with_region: bool = False) -> SampleEngagement:
    if with_region:
        return SampleEngagement(
            Kind.BILATERAL_MEETING.value,
            when,
            "Jednání s Karlovarským krajem o průmyslové kultuře v regionálním rozvoji",
            organisations=(REGION_ORG,),
            topics=("cestovní ruch",),
            goals=("SG2",),
            place="Krajský úřad Karlovarského kraje, Karlovy Vary",
            outcomes="Ukázkový záznam: dohodnuto další setkání a výměna podkladů.",
        )
    key, topics = BILATERAL_PARTNERS[index % len(BILATERAL_PARTNERS)]
    return SampleEngagement(
        Kind.BILATERAL_MEETING.value,
        when,
        "Dvoustranné setkání o využití průmyslové kultury",
        organisations=(key,),
        topics=topics,
        goals=("SG2", "SG3") if "školy a firmy" in topics else ("SG2",),
        outcomes="Ukázkový záznam: sdílení zkušeností z projektu InduCult2.0 a náměty na společné aktivity.",
    )


def _focus_group(when: datetime.datetime, *, tasks: tuple[TaskRecord, ...] = ()) -> SampleEngagement:
    return SampleEngagement(
        Kind.FOCUS_GROUP.value,
        when,
        "Diskuzní skupina: nové produkty průmyslové kultury pro lázeňský trojúhelník",
        organisations=FOCUS_GROUP_MEMBERS,
        topics=("cestovní ruch", "porcelán"),
        goals=("SG1", "SG4"),
        place="Sokolov",
        outcomes="Ukázkový záznam: náměty na nabídku pro návštěvníky lázní a na nové projekty.",
        public=True,
        tasks=tasks,
    )


def _partners(when: datetime.datetime, *, video: bool, tasks: tuple[TaskRecord, ...] = ()) -> SampleEngagement:
    return SampleEngagement(
        Kind.VIDEO_CONFERENCE.value if video else Kind.PARTNER_MEETING.value,
        when,
        "Videokonference partnerů sítě průmyslové kultury" if video else "Setkání partnerů sítě průmyslové kultury",
        organisations=("ksmas-kk",),
        goals=("SG5",),
        outcomes="Ukázkový záznam: výměna zkušeností mezi partnery.",
        tasks=tasks,
    )


def _round_table(when: datetime.datetime, *, with_region: bool = True) -> SampleEngagement:
    return SampleEngagement(
        Kind.ROUND_TABLE.value,
        when,
        "Kulatý stůl s Karlovarským krajem a místními akčními skupinami"
        if with_region
        else "Kulatý stůl místních akčních skupin k financování projektů",
        organisations=((REGION_ORG,) if with_region else ()) + ("ksmas-kk", "mas-sokolovsko", "mas-21"),
        topics=("financování projektů",),
        goals=("SG2", "SG6"),
        place="Karlovy Vary",
    )


def _excursion(when: datetime.datetime, school: str, company: str) -> SampleEngagement:
    return SampleEngagement(
        Kind.EXCURSION.value,
        when,
        "Exkurze žáků do výroby",
        organisations=(school, company),
        topics=("školy a firmy",),
        goals=("SG3",),
        public=True,
    )


def _trial_interviews(when: datetime.datetime) -> SampleEngagement:
    return SampleEngagement(
        Kind.TRIAL_JOB_INTERVIEW.value,
        when,
        "Pracovní pohovory nanečisto pro žáky",
        organisations=("isste-sokolov", "amati-denak"),
        topics=("školy a firmy",),
        goals=("SG3",),
    )


def _workshop(when: datetime.datetime) -> SampleEngagement:
    return SampleEngagement(
        Kind.WORKSHOP.value,
        when,
        "Tvůrčí dílna: průmyslové dědictví a kreativní průmysl",
        organisations=("depo2015", "sps-loket"),
        topics=("školy a firmy",),
        goals=("SG7",),
        public=True,
    )


def _bilaterals(year: int, dates: tuple[tuple[int, int], ...], *, region_on: tuple[int, ...] = ()) -> list:
    return [
        _bilateral(_at(year, month, day), year + index, with_region=index in region_on)
        for index, (month, day) in enumerate(dates)
    ]


def _hand_made_years() -> dict[int, list[SampleEngagement]]:
    return {
        2019: [
            _partners(_at(2019, 3, 12), video=False),
            *_bilaterals(2019, ((2, 14), (4, 9), (5, 21), (6, 18), (9, 10), (11, 5)), region_on=(1, 4)),
            _focus_group(_at(2019, 10, 3, 14)),
            _excursion(_at(2019, 5, 15, 9), "sps-loket", "thun-1794"),
            _trial_interviews(_at(2019, 11, 20, 9)),
        ],
        2020: [
            # A year of cancelled meetings: three bilateral meetings only.
            _bilaterals(2020, ((2, 11),), region_on=(0,))[0],
            *_bilaterals(2020, ((6, 23), (9, 15)))[0:2],
            _round_table(_at(2020, 10, 6)),
            _partners(_at(2020, 5, 20, 15), video=True),
            _focus_group(_at(2020, 9, 24, 14)),
        ],
        2021: [
            # No focus group this year.
            *_bilaterals(2021, ((3, 16), (5, 11), (6, 8), (9, 21), (11, 16)), region_on=(1, 3)),
            _partners(_at(2021, 4, 14, 15), video=True),
            _workshop(_at(2021, 10, 12, 13)),
        ],
        2022: [
            *_bilaterals(2022, ((2, 22), (4, 12), (5, 24), (9, 13), (10, 25)), region_on=(0, 3)),
            _focus_group(_at(2022, 10, 6, 14)),
            _partners(_at(2022, 6, 9), video=False),
            _excursion(_at(2022, 5, 11, 9), "isste-sokolov", "amati-denak"),
        ],
        2023: [
            *_bilaterals(2023, ((1, 24), (3, 21), (5, 16), (6, 20), (9, 19), (11, 14)), region_on=(1, 4)),
            _focus_group(_at(2023, 10, 5, 14)),
            _partners(_at(2023, 3, 29, 15), video=True),
            _trial_interviews(_at(2023, 11, 22, 9)),
            _workshop(_at(2023, 4, 18, 13)),
        ],
        2024: [
            # One meeting with the Region only.
            *_bilaterals(2024, ((2, 20), (4, 16), (6, 11), (9, 17), (10, 22)), region_on=(2,)),
            _focus_group(_at(2024, 10, 3, 14)),
            _partners(_at(2024, 5, 15, 15), video=True),
            _excursion(_at(2024, 4, 24, 9), "sps-loket", "thun-1794"),
        ],
        2025: [
            *_bilaterals(2025, ((2, 18), (4, 15), (6, 17), (9, 16), (10, 21)), region_on=(1, 4)),
            _focus_group(
                _at(2025, 11, 6, 14),
                tasks=(
                    TaskRecord("Rozeslat zápis z diskuzní skupiny účastníkům", COORDINATOR, 14),
                    TaskRecord("Připravit návrh prohlídkové trasy porcelánkou pro lázeňské hosty", CONTACT, 90),
                    TaskRecord("Oslovit školy s nabídkou exkurzí na jaro", TEACHER, 120),
                ),
            ),
            _partners(_at(2025, 3, 26, 15), video=True),
            _workshop(_at(2025, 5, 20, 13)),
        ],
    }


def _regular_year(year: int) -> list[SampleEngagement]:
    """The template for 2026 and later; see the module docstring for the statuses it gives."""
    return [
        _partners(
            _at(year, 3, 18, 15),
            video=True,
            tasks=(TaskRecord("Poslat partnerům přehled akcí průmyslové kultury v kraji", COORDINATOR, 280),),
        ),
        _excursion(_at(year, 5, 13, 9), "sps-loket", "thun-1794"),
        _bilateral(_at(year, 9, 15), year),
        _bilateral(
            _at(year, 10, 20),
            year + 1,
            with_region=True,
        ),
        _bilateral(_at(year, 11, 10), year + 2),
        _focus_group(_at(year, 12, 3, 14)),
        _bilateral(_at(year, 12, 8), year + 3),
        _round_table(_at(year, 12, 10), with_region=False),
        _workshop(_at(year, 12, 14, 13)),
        _bilateral(_at(year, 12, 17), year + 4),
    ]


def sample_engagements(today: datetime.date) -> list[SampleEngagement]:
    """Every sample engagement from 2019 to the year of ``today``, in date order."""
    years = _hand_made_years()
    for year in range(TEMPLATE_FROM, today.year + 1):
        years[year] = _regular_year(year)
    chosen = [e for year, items in years.items() if year <= today.year for e in items]
    return sorted(chosen, key=lambda e: (e.when, e.kind))


# Proof for the deliverable rules of 2019 and 2020, except the first actualisation (M8), which the
# sample history leaves missing. example.org links: no real document is claimed.
DELIVERABLES: tuple[SampleDeliverable, ...] = (
    SampleDeliverable(
        "strategy-presented-to-region",
        datetime.date(2019, 6, 25),
        "Prezentace strategie pro vedení Karlovarského kraje (ukázka)",
        "https://example.org/inducult-demo/prezentace-strategie-2019.pdf",
    ),
    SampleDeliverable(
        "sclld-priorities-proposal",
        datetime.date(2019, 11, 28),
        "Návrh priorit průmyslové kultury do SCLLD MAS Sokolovsko (ukázka)",
        "https://example.org/inducult-demo/navrh-priorit-sclld-2019.pdf",
    ),
    SampleDeliverable(
        "sclld-priorities-included",
        datetime.date(2020, 10, 30),
        "Schválená SCLLD MAS Sokolovsko 2021–2027 s prioritami průmyslové kultury (ukázka)",
        "https://example.org/inducult-demo/sclld-2021-2027.pdf",
    ),
)
