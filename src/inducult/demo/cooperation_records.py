"""The Karlovy Vary demo's cooperations (loaded by cooperation.demo, through the business actions so
the trail shows each).

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
"""

from __future__ import annotations

import datetime
from functools import partial

from inducult.cooperation import demo as cooperation
from inducult.cooperation.enums import ActivityType, CooperationKind
from inducult.demo.records import STRATEGY
from inducult.network.enums import OrganisationKind

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


# Unless a record says otherwise it is a sample with the sample's source, and a pair's activities serve
# the strategic goal SG3 (cooperation networks between schools, enterprises and museums).
ActivityRecord = partial(cooperation.ActivityRecord, source=SAMPLE_ACTIVITY, is_sample=True)
CooperationRecord = partial(cooperation.CooperationRecord, source=SAMPLE_PAIR, is_sample=True, goal="SG3")


COOPERATIONS: tuple[cooperation.CooperationRecord, ...] = (
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
