"""The Karlovy Vary demo's cooperations, loaded through the business actions so the trail shows each.

What the strategy "Living Industrial Culture" states (sections 3.1, 4.3, 6 and their English
summary 10.2, 10.3.3, 10.5) and what is made up:

- Real: schools and industrial enterprises cooperated during InduCult2.0 through trial job
  interviews, excursions to the companies, discussions with employees and workshops; pupils and
  teachers valued them and most pairs meant to continue (4.3). One pupil's account of a trial job
  interview is quoted there. The strategy names no pair, no date and no count, so every
  school–enterprise cooperation below is a sample: the pairs, dates and pupils' counts are made up
  (``is_sample``); the quoted account is real, its attribution to a pair is not.
- Real: the Workshop of Designers joined designers and industry; the designers' proposal for a
  visitor centre in Klášterec nad Ohří on the motif of the film "Holky z porcelánu" is what Thun
  1794 a.s. builds the centre on (4.3, action plan 6: "Tvorba nového návštěvnického centra na
  základě návrhu vytvořeného z projektu InduCult2.0", Thun 1794 a.s., 2019). The designers are not
  named; they are recorded as one creative organisation saying so. The strategy (2019) reports the
  workshop as done, so it is put in school year 2018/2019; the workshop's date is a sample.
- Planned: creative vouchers for firms working with creatives (KARP, 2019–2022, action plan 6). The
  strategy names no pair: the voucher project below is a sample.

Idempotent: cooperations are found by their pair, kind and school year, activities by type and
date, the designers' organisation by name; a second run writes nothing, except that an activity
whose date has passed since becomes held.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import transaction

from inducult.cooperation.enums import ActivityType, CooperationKind
from inducult.cooperation.models import Cooperation, CooperationActivity
from inducult.cooperation.services.cooperations import (
    add_activity,
    create_cooperation,
    update_activity,
    update_cooperation,
)
from inducult.demo.records import STRATEGY
from inducult.demo.writing import differences
from inducult.engagement.enums import EngagementStatus, Visibility
from inducult.network.enums import OrganisationKind
from inducult.network.models import Organisation
from inducult.network.services.organisations import create_organisation
from inducult.strategy.models import StrategicGoal

REAL_SCHOOLS = f"{STRATEGY}, section 4.3 (English summary 10.3.3): schools and enterprises cooperated"
SAMPLE_PAIR = (
    "Sample for demonstration: the strategy (section 4.3, 10.3.3) reports trial job interviews, excursions, "
    "discussions with employees and workshops between schools and enterprises but names no pair, date or count; "
    "this pair, its dates and pupils' counts are made up."
)
SAMPLE_ACTIVITY = (
    "Sample for demonstration: date and pupils' count made up; the type of activity is one the strategy reports (4.3)."
)
QUOTE_SOURCE = (
    f"Pupil's account quoted from {STRATEGY}, section 4.3 (picture 2: informing pupils about a job interview); "
    "the quote is real, its attribution to this sample pair is not."
)
PUPIL_QUOTE = (
    "„Když jsem se poprvé dozvěděl o tom, že si budeme ve firmě zkoušet pracovní pohovory, lekl jsem se. "
    "V minulosti jsme zpracovávali životopisy, ale pracovní pohovory s námi nikdo nezkoušel. Přípravu životopisu "
    "jsem udělal tak, aby se neřeklo a až v praxi jsem zjistil, jak je životopis důležitý. V den D jsem seděl na "
    "židli a panikařil, protože jsem si nezjistil dostatek informací o firmě, ve které jsme zkoušeli pohovory a "
    "zároveň jsem neměl dobře promyšlené své fiktivní vzdělání a kvalifikaci pro danou pozici. Zaměstnavatel mi "
    "dokonce nabídl jinou pozici za méně peněz a já jsem s tím souhlasil. Ihned poté mi vysvětlil, že je důležité, "
    "stát si za svým, ale řekl mi i další tipy, jak být u pohovoru úspěšný. Dnes už vím, co pohovor obnáší a jak "
    "se na něj příště lépe připravit.“"
)

DESIGNERS = {
    "name": "Designéři workshopu designérů InduCult2.0",
    "kind": OrganisationKind.CREATIVE.value,
    "sectors": ["porcelain"],
    "town": "",
    "description": (
        "Designéři, kteří se zúčastnili workshopu designérů projektu InduCult2.0; strategie je jmenovitě neuvádí. "
        "Z jejich spolupráce vznikl návrh návštěvnického centra v Klášterci nad Ohří na motiv filmu „Holky z "
        "porcelánu“."
    ),
    "translations": {"name": {"en": "Designers of the InduCult2.0 Workshop of Designers"}},
    "source": f"{STRATEGY}, section 4.3 and 10.3.3 (Workshop of Designers); the designers are not named there.",
    "is_sample": False,
}
DESIGNERS_KEY = "designers-inducult"

TITLES = {
    ActivityType.EXCURSION: "Exkurze žáků",
    ActivityType.TRIAL_JOB_INTERVIEW: "Pracovní pohovory na zkoušku",
    ActivityType.WORKSHOP: "Dílna pro žáky",
    ActivityType.LECTURE_DISCUSSION: "Beseda se zaměstnanci firmy",
    ActivityType.PRACTICAL_TRAINING: "Praxe žáků",
    ActivityType.DESIGN_WORKSHOP: "Workshop designérů",
    ActivityType.VOUCHER_PROJECT: "Projekt kreativního voucheru",
}


@dataclass(frozen=True)
class ActivityRecord:
    type: str
    date: datetime.date
    pupils: int | None = None
    teacher_feedback: str = ""
    pupil_feedback: str = ""
    source: str = SAMPLE_ACTIVITY
    is_sample: bool = True
    public: bool = False


@dataclass(frozen=True)
class CooperationRecord:
    kind: str
    partner_a: str  # demo key
    partner_b: str
    school_year: int
    activities: tuple[ActivityRecord, ...]
    note: str = ""
    source: str = SAMPLE_PAIR
    is_sample: bool = True
    goal: str = "SG3"


COOPERATIONS = (
    CooperationRecord(
        CooperationKind.SCHOOL_ENTERPRISE.value,
        "isste-sokolov",
        "KV052",
        2018,
        (
            ActivityRecord(ActivityType.LECTURE_DISCUSSION.value, datetime.date(2019, 3, 13), pupils=28),
            ActivityRecord(ActivityType.EXCURSION.value, datetime.date(2019, 4, 10), pupils=24, public=True),
            ActivityRecord(
                ActivityType.TRIAL_JOB_INTERVIEW.value,
                datetime.date(2019, 5, 22),
                pupils=12,
                pupil_feedback=PUPIL_QUOTE,
                source=f"{SAMPLE_ACTIVITY} {QUOTE_SOURCE}",
            ),
        ),
        note=(
            "Ukázkový záznam: škola a podnik se rozhodly ve spolupráci pokračovat (jako většina dvojic, strategie 4.3)."
        ),
    ),
    CooperationRecord(
        CooperationKind.SCHOOL_ENTERPRISE.value,
        "isste-sokolov",
        "KV052",
        2019,
        (ActivityRecord(ActivityType.EXCURSION.value, datetime.date(2019, 10, 16), pupils=22, public=True),),
        note="Ukázkový záznam: pokračování spolupráce z roku 2018/2019.",
    ),
    CooperationRecord(
        CooperationKind.SCHOOL_ENTERPRISE.value,
        "sps-loket",
        "amati-denak",
        2018,
        (
            ActivityRecord(ActivityType.EXCURSION.value, datetime.date(2018, 11, 14), pupils=18, public=True),
            ActivityRecord(ActivityType.WORKSHOP.value, datetime.date(2019, 2, 20), pupils=15),
        ),
    ),
    CooperationRecord(
        CooperationKind.CREATIVE_INDUSTRY.value,
        DESIGNERS_KEY,
        "thun-1794",
        2018,
        (
            ActivityRecord(
                ActivityType.DESIGN_WORKSHOP.value,
                datetime.date(2019, 3, 27),
                source=(
                    "Sample date: the strategy (2019) reports the Workshop of Designers as held during InduCult2.0 "
                    "but gives no date."
                ),
                public=True,
            ),
        ),
        note=(
            "„Velký úspěch měl také workshop designérů. Povedlo se spojit dvě oblasti, které by spolu za normálních "
            "okolností nemusely chtít kooperovat. Ze spolupráce designerů vznikl návrh návštěvnického centra "
            "v Klášterci nad Ohří na motiv českého filmu „Holky z porcelánu“.“ Thun 1794 a.s. podle návrhu tvoří "
            "nové návštěvnické centrum (akční plán, 2019, vlastní zdroje)."
        ),
        source=(
            f"{STRATEGY}, section 4.3 and 10.3.3 (Workshop of Designers, visitor centre in Klášterec nad Ohří) and "
            "action plan 6 / 10.5 (Thun 1794 a.s., 2019: a new visitor centre on the proposal from InduCult2.0). "
            "School year 2018/2019 inferred: the strategy of 2019 reports the workshop as done."
        ),
        is_sample=False,
        goal="SG7",
    ),
    CooperationRecord(
        CooperationKind.CREATIVE_INDUSTRY.value,
        "depo2015",
        "KV022",
        2020,
        (ActivityRecord(ActivityType.VOUCHER_PROJECT.value, datetime.date(2021, 3, 1)),),
        note="Ukázkový záznam: projekt podpořený kreativním voucherem.",
        source=(
            "Sample for demonstration: the strategy plans creative vouchers for firms working with creatives (KARP, "
            "2019–2022, action plan 6 / 10.5) but names no pair; this pair and its date are made up."
        ),
        goal="SG7",
    ),
)


def _designers(*, region, actor, counts) -> Organisation:
    org = Organisation.objects.filter(region=region, name=DESIGNERS["name"]).first()
    if org is None:
        org = create_organisation(region=region, actor=actor, data=DESIGNERS)
        counts["organisations_created"] += 1
    return org


def _goal(region, code: str, year: int):
    """The goal of this code in the region's strategy version valid in that calendar year, if any."""
    return (
        StrategicGoal.objects.filter(
            version__strategy__region=region, version__valid_from__lte=datetime.date(year, 12, 31), code=code
        )
        .order_by("-version__valid_from")
        .first()
    )


def _status(day: datetime.date, today: datetime.date) -> str:
    return (EngagementStatus.HELD if day < today else EngagementStatus.PLANNED).value


def _load_activity(cooperation, record: ActivityRecord, goal_code: str, *, actor, today, counts) -> None:
    status = _status(record.date, today)
    data = {
        "type": record.type,
        "date": record.date,
        "pupils": record.pupils,
        "teacher_feedback": record.teacher_feedback,
        "pupil_feedback": record.pupil_feedback,
        "source": record.source,
        "is_sample": record.is_sample,
    }
    activity = (
        CooperationActivity.objects.filter(cooperation=cooperation, type=record.type, date=record.date)
        .select_related("engagement")
        .first()
    )
    if activity is None:
        goal = _goal(cooperation.region, goal_code, record.date.year)
        add_activity(
            cooperation=cooperation,
            actor=actor,
            data=data,
            status=status,
            title=f"{TITLES[ActivityType(record.type)]}: {cooperation.partner_a.name} – {cooperation.partner_b.name}",
            visibility=(Visibility.PUBLIC if record.public else Visibility.INTERNAL).value,
            goals=[goal] if goal else [],
        )
        counts["activities_created"] += 1
    elif activity.engagement.deleted_at is None:
        changed = differences(activity, data)
        if changed or activity.engagement.status != status:
            update_activity(activity=activity, actor=actor, data=changed, version=activity.version, status=status)
            counts["activities_updated"] += 1
    counts["activities"] += 1


@transaction.atomic
def load_cooperation(
    *, region, organisations: dict[str, Organisation], actor=None, today: datetime.date | None = None
) -> dict[str, int]:
    """Load the demo's cooperations and their activities (see the module's text for what is real).

    ``organisations`` are the demo's organisations by demo key (``load_organisations``); a record
    whose organisation is missing there is skipped. ``today`` (default: today in the region) decides
    which activities are held. Returns counts of what was found and written."""
    if today is None:
        today = region.today()
    counts = dict.fromkeys(
        (
            "organisations_created",
            "cooperations",
            "cooperations_created",
            "cooperations_updated",
            "activities",
            "activities_created",
            "activities_updated",
            "skipped",
        ),
        0,
    )
    orgs = dict(organisations)
    orgs[DESIGNERS_KEY] = _designers(region=region, actor=actor, counts=counts)
    for record in COOPERATIONS:
        a, b = orgs.get(record.partner_a), orgs.get(record.partner_b)
        if a is None or b is None:
            counts["skipped"] += 1
            continue
        data = {"note": record.note, "source": record.source, "is_sample": record.is_sample}
        cooperation = Cooperation.objects.filter(
            region=region, kind=record.kind, partner_a=a, partner_b=b, school_year=record.school_year
        ).first()
        if cooperation is None:
            cooperation = create_cooperation(
                region=region,
                actor=actor,
                data={"kind": record.kind, "partner_a": a, "partner_b": b, "school_year": record.school_year, **data},
            )
            counts["cooperations_created"] += 1
        elif changed := differences(cooperation, data):
            cooperation = update_cooperation(
                cooperation=cooperation, actor=actor, data=changed, version=cooperation.version
            )
            counts["cooperations_updated"] += 1
        counts["cooperations"] += 1
        for activity in record.activities:
            _load_activity(cooperation, activity, record.goal, actor=actor, today=today, counts=counts)
    return counts
