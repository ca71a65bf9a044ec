"""The demo's action plan and funding catalogue as plain records (pure: no database).

Facts from the strategy "Living Industrial Culture": the action-plan table of section 6 (Czech; its
last six rows are printed after section 7) and of section 10.5 (English summary), and the funding
instruments of section 5.4 with their English summary in 10.4.4.

Reconciling the two tables: they list the same fifteen activities in the same order. The Czech row
is the record (the region's language) and the English row its translation. Where they differ:
- "Krajský akční plán 2" (WP3): the Czech row runs title and partner together ("Krajský akční plán 2
  Karlovarský kraj"); the English row separates them ("Regional Action Plan 2 for Education",
  "Karlovy Vary Region"), so the partner is the Karlovy Vary Region.
- "Projekt OPVVV Města Kraslice": the English row has no partner column ("Project OPVVV Town
  Kraslice"); the Czech row names Město Kraslice.
- "Implementace digitálního vzdělávání…": the Czech row names ISŠTE Sokolov and the regional chamber
  of commerce, the English row only the chamber; both are kept.
- Descriptions differ in detail (e.g. "Creative incubator." for the Design Park); both are kept, one
  as the translation of the other. Where the English says something else than the Czech, the English
  is ours and the row's source says so: the science park (the summary repeats "Creative incubator.")
  and "Actualisation" (Czech "Aktualizace", an update) of the touring exhibition.

German: the strategy has none; ours, translated from the Czech rows (``actionplan_german``), marked
as our translation wherever it is shown.

Not in the sources, so left empty: budgets, indicators, links to strategic goals (the strategy ties
milestones to goals, never activities), instruments' providers (except where named), eligible
applicant kinds, co-financing rates and periods. The status is "planned": the strategy lists these
as activities planned after the InduCult2.0 project. Themes are our classification of each row's
"Téma"/description and each instrument's stated purpose into the catalogue's theme codes.

Calls: the sources name no call, so every call here is a sample (``is_sample``), dated relative to
the day the demo is loaded.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from inducult.actionplan.demo import ActionPlanRecord, ActivityRecord, CallRecord, InstrumentRecord
from inducult.core.translated import TRANSLATED_FROM
from inducult.demo import actionplan_german as german
from inducult.demo.records import STRATEGY

ACTIVITY_SOURCE = f"{STRATEGY}, section 6 (action plan table) and section 10.5 (Strategic Fields of Action)"
INSTRUMENT_SOURCE = (
    f"{STRATEGY}, section 5.4 (Možné čerpání dotačních prostředků) and 10.4.4 (Possible funding instruments)"
)
NAMED_INSTRUMENT_SOURCE = f"{STRATEGY}: named as the funding form of activities in the action plan tables (6, 10.5)"
SAMPLE_CALL_SOURCE = "Sample: made up for the demonstration; the strategy names no calls."


@dataclass(frozen=True)
class ActivityRow:
    """An activity as the two tables give it."""

    key: str
    work_package: str
    title: str
    title_en: str
    # (demo organisation key, name as the plan gives it): linked when the registry has it.
    responsible: tuple[tuple[str, str], ...]
    responsible_text: str
    years: tuple[int, int]
    funding_form: str
    funding_form_en: str
    description: str
    description_en: str
    themes: tuple[str, ...]
    instruments: tuple[str, ...] = ()


def _instrument(
    key, *, programme, name="", provider="", country="CZ", supports="", themes, source, en
) -> InstrumentRecord:
    return InstrumentRecord(
        key=key,
        data={
            "programme": programme,
            "name": name,
            "provider": provider,
            "country": country,
            "supports": supports,
            "themes": list(themes),
            "source": source,
            "is_sample": False,
        },
        en=en,
        de=german.INSTRUMENTS.get(key, {}),
        original_language="cs",
    )


NPPCR = "Národní program podpory cestovního ruchu"
NPPCR_EN = "National Programme for Tourism Support"

INSTRUMENTS: tuple[InstrumentRecord, ...] = (
    _instrument(
        "nppcr-infrastructure",
        programme=NPPCR,
        name="Rozvoj základní a doprovodné infrastruktury cestovního ruchu",
        supports=(
            "Podpora vybavenosti turistických tras (pěší, cyklo, lyžařská, vodní turistika a další udržitelné formy "
            "CR), rozvoj navigačních a informačních systémů v destinacích, podpora ekologicky šetrné dopravy "
            "návštěvníků apod."
        ),
        themes=("tourism",),
        source=INSTRUMENT_SOURCE,
        en={
            "programme": NPPCR_EN,
            "name": "Development of basic and accompanying infrastructure of tourism",
        },
    ),
    _instrument(
        "nppcr-marketing",
        programme=NPPCR,
        name="Marketingové aktivity v cestovním ruchu",
        supports=(
            "Zvýšení povědomí o nabídce cestovního ruchu v destinacích za účelem zvýšení návštěvnosti, zkvalitnění "
            "a rozšíření produktové nabídky, komunikační kampaně, zkvalitnění strategického rozhodování a zlepšení "
            "koordinace nabídky v destinacích."
        ),
        themes=("tourism",),
        source=INSTRUMENT_SOURCE,
        en={"programme": NPPCR_EN, "name": "Marketing activities in tourism"},
    ),
    _instrument(
        "oppik",
        programme="Operační program Podnikání a inovace pro konkurenceschopnost (OPPIK)",
        supports=(
            "Rozvoj výzkumu a vývoje; podpora podnikání malých a středních firem; efektivnější nakládání energií; "
            "rozvoj informačních a komunikačních technologií."
        ),
        themes=("research", "business", "digital"),
        source=INSTRUMENT_SOURCE,
        en={
            "programme": "Operational Programme Enterprise and Innovation for Competitiveness (OPPIK)",
            "supports": (
                "Development of research and development; support of small and medium-sized companies; more "
                "efficient use of energy; development of information and communication technologies."
            ),
        },
    ),
    _instrument(
        "tacr",
        programme="Technologická agentura ČR (TAČR)",
        provider="Technologická agentura ČR",
        supports=(
            "Podpora aplikovaného výzkumu a experimentálního vývoje; ověření jeho výsledků; mezinárodní spolupráce "
            "v aplikovaném výzkumu a experimentálním vývoji; spolupráce akademické sféry a podniků (zapojení "
            "studentek a studentů do výzkumné a vývojové činnosti směřující k využití výsledků v praxi); zapojení "
            "společenských a humanitních věd do projektů aplikovaného výzkumu; mezinárodní spolupráce subjektů z ČR "
            "s partnery z Norska, Islandu a Lichtenštejnska v aplikovaném výzkumu."
        ),
        themes=("research", "cross_border"),
        source=INSTRUMENT_SOURCE,
        en={
            "programme": "Technology Agency of the Czech Republic (TAČR)",
            "supports": (
                "Support of applied research and experimental development (and the further aims listed in Czech)."
            ),
        },
    ),
    _instrument(
        "mpo-brownfields",
        programme="Regenerace a podnikatelské využití brownfieldů",
        provider="Ministerstvo průmyslu a obchodu a CzechInvest",
        supports="Regenerace a podnikatelské využití brownfieldů.",
        themes=("brownfields", "business"),
        source=INSTRUMENT_SOURCE,
        en={
            "programme": "Regeneration and commercial use of brownfields",
            "provider": "Ministry of Industry and Trade and CzechInvest",
            "supports": "Regeneration and commercial use of brownfields.",
        },
    ),
    _instrument(
        "op-cz-sn",
        programme="OP Česko-Sasko",
        country="",
        themes=("cross_border",),
        source=NAMED_INSTRUMENT_SOURCE,
        en={"programme": "Czech–Saxony Programme"},
    ),
    _instrument(
        "op-vvv",
        programme="OP VVV",
        themes=("research", "education"),
        source=NAMED_INSTRUMENT_SOURCE,
        en={"programme": "Operational Programme Research, Development and Education (OP VVV)"},
    ),
    _instrument(
        "opz",
        programme="OPZ",
        themes=("employment",),
        source=NAMED_INSTRUMENT_SOURCE,
        en={"programme": "Operational Programme Employment (OPZ)"},
    ),
    _instrument(
        "irop",
        programme="IROP",
        name="Podpora technického vzdělávání",
        supports="Podpora technického vzdělávání.",
        themes=("education",),
        source=NAMED_INSTRUMENT_SOURCE,
        en={
            "programme": "Integrated Regional Operational Programme (IROP)",
            "name": "Support of technical education",
            "supports": "Support of technical education.",
        },
    ),
)

SUBSIDY_OWN = ("Dotace, vlastní zdroje", "Subsidy, own resources")
SECTION_CONTINUED = " (row printed after section 7 in the Czech text)"

ACTIVITIES: tuple[ActivityRow, ...] = (
    ActivityRow(
        key="ap-wp2-01",
        work_package="WP2",
        title="Infocentra spolupracují ruku v ruce",
        title_en="Inquiry Offices Working Hand in Hand",
        responsible=(("mikroregion-sokolov-vychod", "Mikroregion Sokolov-východ"),),
        responsible_text="infocentra v Karlovarském kraji",
        years=(2019, 2020),
        funding_form="OP Česko-Sasko",
        funding_form_en="Czech-Saxony Program",
        description="Spolupráce českých a německých infocenter na sdílení informací o průmyslu.",
        description_en=(
            "Support of cooperation of these tourist centres in Germany and the Czech Republic and promoting their "
            "Industrial Culture."
        ),
        themes=("tourism", "cross_border"),
        instruments=("op-cz-sn",),
    ),
    ActivityRow(
        key="ap-wp2-02",
        work_package="WP2",
        title="Pokračování v organizaci putovní výstavy a průmyslového září",
        title_en="Follow-ups to the touring exhibition and September of Industry",
        responsible=(
            ("ksmas-kk", "Krajské sdružení MAS Karlovarského kraje, z.s."),
            ("mikroregion-sokolov-vychod", "Mikroregion Sokolov-východ"),
        ),
        responsible_text="",
        years=(2019, 2022),
        funding_form=SUBSIDY_OWN[0],
        funding_form_en=SUBSIDY_OWN[1],
        description=("Aktualizace anebo doplnění putovní výstavy, opakování produktu „Kulturní září na Sokolovsku“."),
        description_en=(
            "Update of the mobile exhibition and repetition of the organisation of “Cultural September in "
            "Sokolov Region”."
        ),
        themes=("tourism", "heritage"),
    ),
    ActivityRow(
        key="ap-wp2-03",
        work_package="WP2",
        title="Výstava řemesel na Statku Bernard",
        title_en="Crafts Exhibition in Grange Bernard",
        responsible=(("ctr-kralovske-porici", "Centrum tradičních řemesel Královské Poříčí, o.p.s."),),
        responsible_text="",
        years=(2019, 2019),
        funding_form=SUBSIDY_OWN[0],
        funding_form_en=SUBSIDY_OWN[1],
        description="Výstava řemesel, která mohou být užitečná při rozvoji průmyslu.",
        description_en="The exhibition of crafts: it will show crafts useful for the development of industry.",
        themes=("tourism", "heritage"),
    ),
    ActivityRow(
        key="ap-wp2-04",
        work_package="WP2",
        title="Tvorba návštěvnického centra v Klášterci nad Ohří",
        title_en="Creation of a new Visitors' Centre in Klášterec nad Ohří",
        responsible=(("thun-1794", "Thun 1794 a.s."),),
        responsible_text="",
        years=(2019, 2019),
        funding_form="Vlastní zdroje",
        funding_form_en="Own resources",
        description="Tvorba nového návštěvnického centra na základě návrhu vytvořeného z projektu InduCult2.0.",
        description_en="The company will create the new visitors' centre according to the proposal from InduCult2.0.",
        themes=("tourism",),
    ),
    ActivityRow(
        key="ap-wp3-01",
        work_package="WP3",
        title="Krajský akční plán 2",
        title_en="Regional Action Plan 2 for Education",
        responsible=(("karlovarsky-kraj", "Karlovarský kraj"),),
        responsible_text="",
        years=(2019, 2020),
        funding_form="OP VVV",
        funding_form_en="Operational program Research, development and education",
        description=(
            "Zajišťuje kvalitní spolupráci škol a firem a zvýšení podílu praktického vyučování na pracovištích."
        ),
        description_en="New cooperation networks between schools and enterprises and practical trainings.",
        themes=("education",),
        instruments=("op-vvv",),
    ),
    ActivityRow(
        key="ap-wp3-02",
        work_package="WP3",
        title="Studenti pomáhají obnovovat kulturní památky",
        title_en="Students Help Restore Cultural Monuments",
        responsible=(
            ("sps-loket", "Střední průmyslová škola Loket"),
            ("hartenberg", "Hartenberg, z.s."),
        ),
        responsible_text="",
        years=(2019, 2021),
        funding_form="Ministerstvo kultury ČR, Karlovarský kraj, MŠMT ČR a vlastní zdroje financování",
        funding_form_en="Ministry of Culture CZ, Karlovy Vary Region, Ministry of Education and own resources",
        description=(
            "Organizace praxe na zaměření stavby, tvorbu dokumentace ale i reálné stavební dovednosti a informování "
            "o tom, jak se vyvíjely technologie pro stavbu."
        ),
        description_en=(
            "Practical training at the renovation of the castle and other heritage (industrial buildings included)."
        ),
        themes=("education", "heritage"),
    ),
    ActivityRow(
        key="ap-wp3-03",
        work_package="WP3",
        title="Tvorba vzdělávacího střediska",
        title_en="Creation of an Education Centre",
        responsible=(
            ("ksmas-kk", "Krajské sdružení MAS Karlovarského kraje, z.s."),
            ("karlovarsky-kraj", "Karlovarský kraj"),
        ),
        responsible_text="",
        years=(2019, 2030),
        funding_form="IROP – podpora technického vzdělávání",
        funding_form_en="Integrated Regional Operational Program",
        description="Představení 3D tisku a dalších moderních technologií žákům základních a středních škol.",
        description_en="Presentation of the technology of 3D printing and other modern technologies to students.",
        themes=("education",),
        instruments=("irop",),
    ),
    ActivityRow(
        key="ap-wp3-04",
        work_package="WP3",
        title="Projekt OPVVV Města Kraslice",
        title_en="Project OP VVV of the Town of Kraslice",
        responsible=(("mesto-kraslice", "Město Kraslice"),),
        responsible_text="",
        years=(2019, 2022),
        funding_form="OP VVV",
        funding_form_en="Operational program Research, development and education",
        description="Koordinace nových vazeb spolupráce škola – podnik.",
        description_en=(
            "Preparing networks with enterprises, including excursions, workshops, discussions with employees and "
            "trial job interviews."
        ),
        themes=("education",),
        instruments=("op-vvv",),
    ),
    ActivityRow(
        key="ap-wp3-05",
        work_package="WP3",
        title="Ze školy odpovědně na trh práce II.",
        title_en="Pupils Go to the Labour Market",
        responsible=(("institut-zamestnanost", "Institut pro zaměstnanost a rozvoj Karlovarského kraje, z.ú."),),
        responsible_text="",
        years=(2018, 2020),
        funding_form="OPZ",
        funding_form_en="Operation Program for Employment",
        description="Cílem projektu je zvýšení zaměstnanosti mladých lidí do 25 let.",
        description_en="Increasing the employment of young people under the age of 25.",
        themes=("employment", "education"),
        instruments=("opz",),
    ),
    ActivityRow(
        key="ap-wp3-06",
        work_package="WP3",
        title="Implementace digitálního vzdělávání do profesního vzdělávání",
        title_en="Implementation of Digital Education",
        responsible=(
            ("isste-sokolov", "ISŠTE Sokolov"),
            ("khk", "Krajská hospodářská komora"),
        ),
        responsible_text="",
        years=(2020, 2020),
        funding_form="OP Česko-Sasko",
        funding_form_en="Czech-Saxony Program",
        description="Integrace tématu „digitalizace“ do profesního vzdělávání.",
        description_en="Integration of digitalisation in professional education.",
        themes=("education", "digital"),
        instruments=("op-cz-sn",),
    ),
    ActivityRow(
        key="ap-wp3-07",
        work_package="WP3",
        title="KOMPAS",
        title_en="KOMPAS",
        responsible=(("mpsv", "Ministerstvo práce a sociálních věcí ČR"),),
        responsible_text="",
        years=(2019, 2020),
        funding_form="OPZ",
        funding_form_en="Operation Program for Employment",
        description="Budou zpracovány prognózy budoucích potřeb zaměstnavatelů.",
        description_en="Prognoses for future needs of employers.",
        themes=("employment",),
        instruments=("opz",),
    ),
    ActivityRow(
        key="ap-wp4-01",
        work_package="WP4",
        title="Kreativní region – Design park",
        title_en="Creative Region – Design Park",
        responsible=(("protebe-live", "PROTEBE live, o.s."),),
        responsible_text="",
        years=(2019, 2030),
        funding_form=SUBSIDY_OWN[0],
        funding_form_en=SUBSIDY_OWN[1],
        description="Tvorba Design parku obsahující FabLab, co-working centrum, vybavení, laboratoře apod.",
        description_en="Creative incubator.",
        themes=("creativity", "business"),
    ),
    ActivityRow(
        key="ap-wp4-02",
        work_package="WP4",
        title="Mezioborové setkání na Statku Bernard",
        title_en="Interdisciplinary Meetings in Statek Bernard",
        responsible=(("ctr-kralovske-porici", "Centrum tradičních řemesel Královské Poříčí, o.p.s."),),
        responsible_text="",
        years=(2019, 2025),
        funding_form=SUBSIDY_OWN[0],
        funding_form_en=SUBSIDY_OWN[1],
        description=(
            "Organizace mezioborových setkání např. mezi zástupci uměleckých řemesel, průmyslových podniků a "
            "dalších umělců."
        ),
        description_en="Arranging interdisciplinary meetings.",
        themes=("creativity", "heritage"),
    ),
    ActivityRow(
        key="ap-wp4-03",
        work_package="WP4",
        title="Vědeckotechnický park (VTP)",
        title_en="Scientific-Technological Park",
        responsible=(("karp", "Krajská agentura rozvoje podnikání"),),
        responsible_text="",
        years=(2019, 2025),
        funding_form=SUBSIDY_OWN[0],
        funding_form_en=SUBSIDY_OWN[1],
        description="Vybudování vědeckotechnického parku.",
        description_en="Building a science and technology park.",
        themes=("research", "business"),
    ),
    ActivityRow(
        key="ap-wp4-04",
        work_package="WP4",
        title="Kreativní vouchery",
        title_en="Creative Voucher",
        responsible=(("karp", "Krajská agentura rozvoje podnikání"),),
        responsible_text="",
        years=(2019, 2022),
        funding_form=SUBSIDY_OWN[0],
        funding_form_en=SUBSIDY_OWN[1],
        description="Spolupráce firmy a kreativce.",
        description_en="Cooperation of enterprises and creatives.",
        themes=("creativity", "business"),
    ),
)

# The Czech table prints these rows after section 7.
CONTINUED_AFTER_SECTION_7 = frozenset({"ap-wp3-06", "ap-wp3-07", "ap-wp4-01", "ap-wp4-02", "ap-wp4-03", "ap-wp4-04"})


# Where our English departs from the summary's, and why.
ENGLISH_NOTES = {
    "ap-wp2-02": "The summary's “Actualisation” (Czech “Aktualizace”) is corrected to “Update”.",
    "ap-wp4-03": (
        "The English description is ours, translated from the Czech: the summary repeats the Design Park's "
        "“Creative incubator.” for the science park."
    ),
}


def activity_source(record: ActivityRow) -> str:
    source = ACTIVITY_SOURCE + (SECTION_CONTINUED if record.key in CONTINUED_AFTER_SECTION_7 else "")
    return source + (f". {ENGLISH_NOTES[record.key]}" if record.key in ENGLISH_NOTES else "")


def activity_data(record: ActivityRow) -> dict:
    """The fields of the activity (without relations), as the loader writes them."""
    first, last = record.years
    translations = {"title": {"en": record.title_en}}
    if record.description_en:
        translations["description"] = {"en": record.description_en}
    if record.funding_form_en:
        translations["funding_form"] = {"en": record.funding_form_en}
    for name, text in german.ACTIVITIES[record.key].items():
        translations.setdefault(name, {})["de"] = text
    translations[TRANSLATED_FROM] = {"de": "cs"}
    return {
        "work_package": record.work_package,
        "title": record.title,
        "description": record.description,
        "responsible_text": record.responsible_text,
        "starts_on": datetime.date(first, 1, 1),
        "ends_on": datetime.date(last, 12, 31),
        "funding_form": record.funding_form,
        "themes": list(record.themes),
        "status": "planned",
        "translations": translations,
        "source": activity_source(record),
        "is_sample": False,
    }


@dataclass(frozen=True)
class SampleCall:
    key: str
    instrument: str
    opens_in_days: int  # relative to the day the demo is loaded
    open_days: int


# Staggered so that the demo shows a call open now, one opening soon and one closing soon.
SAMPLE_CALLS: tuple[SampleCall, ...] = tuple(
    SampleCall(key="sample-1", instrument=record.key, opens_in_days=-45 + 15 * (n % 6), open_days=90)
    for n, record in enumerate(INSTRUMENTS)
)


def sample_call_data(call: SampleCall, *, today: datetime.date) -> dict:
    opens = today + datetime.timedelta(days=call.opens_in_days)
    return {
        "title": "Ukázková výzva (smyšlená) – Sample call (made up)",
        "opens_on": opens,
        "closes_on": opens + datetime.timedelta(days=call.open_days),
        "budget": None,
        "currency": "CZK",
        "url": "",
        "source": SAMPLE_CALL_SOURCE,
        "is_sample": True,
    }


def plan(today: datetime.date) -> ActionPlanRecord:
    """The action plan as its loader takes it, the sample calls dated from ``today``."""
    return ActionPlanRecord(
        instruments=INSTRUMENTS,
        calls=tuple(
            CallRecord(key=call.key, instrument=call.instrument, data=sample_call_data(call, today=today))
            for call in SAMPLE_CALLS
        ),
        activities=tuple(
            ActivityRecord(
                key=row.key, data=activity_data(row), responsible=row.responsible, instruments=row.instruments
            )
            for row in ACTIVITIES
        ),
    )
