"""The strategy "Living Industrial Culture" of the Karlovy Vary Region as plain records (pure: no database).

Texts are the strategy's own words: Czech from its main part (sections 5.1–5.6), English from its
summary (section 10.4), joined where the page broke a line. The Czech is authoritative. Where the
summary has no English for a Czech sentence, or its English says something else than the Czech
(the titles of milestones 1, 4, 6 and 11), the English is ours and the record's source says so; the
summary's slips are corrected and the source says where ("once a years" in milestone 10, the
Czech-English "actualization" for "aktualizace", an update). German has no text in the strategy:
ours, translated from the Czech (``strategy_german``), marked as our translation wherever it is
shown. Line numbers refer to the stored text of the strategy, ``SEED``.

How milestones became rules (a count of engagements per calendar year, or a dated deliverable) is
a reading of their wording; the comment at each milestone gives the reason.
"""

from __future__ import annotations

import dataclasses
import datetime

from inducult.core.translated import TRANSLATED_FROM
from inducult.demo import strategy_german as german
from inducult.demo.records import STRATEGY as STRATEGY_NAME
from inducult.engagement.demo import EngagementRecord
from inducult.engagement.enums import EngagementKind as Kind
from inducult.network.enums import OrganisationKind
from inducult.strategy.demo import (
    CountRuleRecord,
    DeliverableRuleRecord,
    GoalRecord,
    MilestoneRecord,
    StrategyRecord,
)

SEED = "shared/seeds/004_99c77b0787225c14.txt"


def cite(*places: tuple[str, str], note: str = "") -> str:
    """``cite(("5.5", "727–729"), ("10.4.5", "1671–1673"))`` → the strategy, its sections and lines."""
    where = "; ".join(f"section {section}, lines {lines}" for section, lines in places)
    return f"{STRATEGY_NAME}: {where} of {SEED}" + (f". {note}" if note else "")


STRATEGY = {
    "title": "Živá průmyslová kultura",
    "translations": {
        "title": {"en": "Living Industrial Culture", "de": german.STRATEGY["title"]},
        TRANSLATED_FROM: {"de": "cs"},
    },
    "source": cite(
        ("3.1", "114"),
        ("10.4.5", "1744"),
        note="Milestones 4 and 8 of the Czech text call it Strategie „Nová průmyslová kultura“ (lines 761, 800).",
    ),
}

# The strategy names no date of adoption. Its road map begins in 2019, so the original is taken to be
# in force from 1 January 2019; milestone 8 (2020) foresees the first actualisation.
VERSION = {
    "label": "Původní znění",
    "valid_from": datetime.date(2019, 1, 1),
    "vision": "Karlovarský kraj využívá plně potenciálu živé průmyslové kultury",
    "notes": (
        "Dokument neuvádí datum přijetí; platnost od 1. 1. 2019 podle prvního roku cestovní mapy (5.5). "
        "Koordinátor průmyslové kultury bude aktivní v regionálním jednání minimálně do konce roku 2023 (5.2)."
    ),
    "translations": {
        "label": {"en": "Original", "de": german.VERSION["label"]},
        "vision": {
            "en": "The Karlovy Vary Region uses the potential of Living Industrial Culture",
            "de": german.VERSION["vision"],
        },
        "notes": {
            "en": (
                "The document gives no date of adoption; in force from 1 January 2019, the first year of its "
                "road map (5.5). The Coordinator of Industrial Culture will be active in regional negotiations "
                "at least until the end of 2023 (5.2)."
            ),
            "de": german.VERSION["notes"],
        },
        TRANSLATED_FROM: {"de": "cs"},
    },
    "source": cite(("5.5", "693–695"), ("10.4.5", "1645–1649"), ("5.2", "561–563")),
}


GOALS: tuple[GoalRecord, ...] = (
    GoalRecord(
        "SG1",
        "Hledat potenciál průmyslové kultury v Karlovarském kraji a testovat aplikaci průmyslové kultury po "
        "ukončení projektu",
        "Hledat potenciál průmyslové kultury v Karlovarském kraji a testovat aplikaci průmyslové kultury po "
        "ukončení projektu (plánování nových na průmyslu založených produktů pro návštěvníky lázeňského "
        "trojúhelníku, nové projekty anebo aktivity).",
        "Research the potential of Industrial Culture in Karlovy Vary Region and test how Industrial Culture is "
        "being applied beyond InduCult2.0",
        "Research the potential of Industrial Culture in Karlovy Vary Region (planning of new products based on "
        "industry, for the visitors of the spa triangle) and test how Industrial Culture is being applied beyond "
        "InduCult2.0 (create new projects or activities).",
        cite(("5.2", "512–516"), ("10.4.2", "1516–1522")),
    ),
    GoalRecord(
        "SG2",
        "Organizovat setkání se subjekty, které lze spojit s průmyslovou kulturou",
        "Organizovat setkání se subjekty, které lze spojit s průmyslovou kulturou (Mikroregion Sokolov-východ, "
        "MAS, vedení Karlovarského kraje apod.) - přenos informací, sdílení zkušeností z realizace projektu, "
        "tvorba nových projektů a úprava regionálních strategií např. SCLLD MAS Sokolovsko.",
        "Arrange meetings with entities that could be a part of Industrial Culture",
        "Arrange meetings with entities that could be a part of Industrial Culture (Microregion Sokolov – East, "
        "LAGs, representatives of Karlovy Vary Region and so on) – sharing information and experience from the "
        "realization phase of InduCult2.0, creation of new projects and update of regional strategies.",
        cite(
            ("5.2", "518–524"),
            ("10.4.2", "1524–1530"),
            note="The summary's “actualization” (Czech “úprava”) is corrected to “update”.",
        ),
    ),
    GoalRecord(
        "SG3",
        "Komunikaci se vzdělávacími institucemi o nových projektech a organizaci nové sítě spolupráce mezi "
        "školami, podniky a muzei",
        "Komunikaci se vzdělávacími institucemi o nových projektech a organizaci nové sítě spolupráce mezi "
        "školami, podniky a muzei (i s realizátory Místních akčních plánů - MAP a Krajských akčních plánů - KAP).",
        "Communicate with educational institutes about new cooperation networks between schools, enterprises "
        "and museums",
        "Communicate with educational institutes about new cooperation networks between schools, enterprises and "
        "museums (included organizers of Local Action Plans and Regional Action Plans for Education).",
        cite(("5.2", "526–530"), ("10.4.2", "1531–1535")),
    ),
    GoalRecord(
        "SG4",
        "Opětovná organizace diskuzních skupin subjektů spojených s průmyslem",
        "Opětovná organizace diskuzních skupin subjektů spojených s průmyslem - v rámci projektu InduCult2.0 jsme "
        "utvořili platformu subjektů, které se o téma zajímají.",
        "Re-arrange discussion groups of stakeholders connected to industry",
        "Re-arrange discussion groups of stakeholders connected to industry – within InduCult2.0 project we "
        "created a platform of stakeholders involved - scheme below.",
        cite(("5.2", "532–534"), ("10.4.2", "1537–1539")),
    ),
    GoalRecord(
        "SG5",
        "Udržovat platformu pro výměnu nápadů, znalostí a zkušeností mezi partnery",
        "Udržovat platformu pro výměnu nápadů, znalostí a zkušeností mezi partnery.",
        "Maintain the platform for the exchange of ideas, knowledge and experience among the international "
        "partners of InduCult2.0",
        "Maintain the platform for the exchange of ideas, knowledge and experience among the international "
        "partners of InduCult2.0.",
        cite(("5.2", "536"), ("10.4.2", "1541–1543")),
    ),
    GoalRecord(
        "SG6",
        "Vyhledávání nových možností pro financování projektů zaměřených na využití průmyslové kultury",
        "Vyhledávání nových možností pro financování projektů zaměřených na využití průmyslové kultury.",
        "Search of new financial options to support projects connected to the use of Industrial Culture",
        "Search of new financial options to support projects connected to the use of Industrial Culture.",
        cite(("5.2", "538–540"), ("10.4.2", "1545–1547")),
    ),
    GoalRecord(
        "SG7",
        "Rozvíjet kreativní myšlení, kreativní centra, prostor pro výměnu zkušeností a mezioborovou spolupráce",
        "Rozvíjet kreativní myšlení, kreativní centra, prostor pro výměnu zkušeností a mezioborovou spolupráce.",
        "Development of creative thinking, creative centers, spaces for exchange of experience and "
        "interdisciplinary cooperation",
        "Development of creative thinking, creative centers, spaces for exchange of experience and "
        "interdisciplinary cooperation.",
        cite(("5.2", "542–544"), ("10.4.2", "1549–1551")),
    ),
)


FOCUS_GROUP = (Kind.FOCUS_GROUP.value,)
BILATERAL = (Kind.BILATERAL_MEETING.value,)
PARTNERS = (Kind.PARTNER_MEETING.value, Kind.VIDEO_CONFERENCE.value)
# Meeting formats in which the regional authority can be met ("setkání" with the Region).
MEETINGS = (
    Kind.BILATERAL_MEETING.value,
    Kind.ROUND_TABLE.value,
    Kind.FOCUS_GROUP.value,
    Kind.VIDEO_CONFERENCE.value,
)

_FOCUS_GROUP_TOPICS_CS = (
    "TÉMATA: plánování nových na průmyslu založených produktů pro návštěvníky lázeňského trojúhelníku, "
    "plánování nových projektů využívajících průmyslové kultury."
)
_BILATERAL_CS = (
    "Dvojstranná setkání se zástupci subjektů, které lze spojit s průmyslovou kulturou (Např. Mikroregion "
    "Sokolov-východ, Místní akční skupiny, starostové obcí, vedení Karlovarského kraje, realizátoři Místních "
    "akčních plánů apod.). TÉMA: sdílení zkušeností s realizací projektu InduCult2.0, důležitost tématu "
    "průmyslová kultura, potenciál {word} pro tvorbu nových projektů."
)
_BILATERAL_EN = (
    "Bilateral meetings with regional stakeholders (For example: Microregion Sokolov-East, Local Action Plan, "
    "mayors of town and cities, leadership of Karlovy Vary Region, Local Action Groups etc.). TOPIC: sharing of "
    "experience with {the}InduCult2.0 project realization, the importance of the topic of Industrial Culture, the "
    "potential of the topic for the creation of new projects."
)
_SCLLD_CS = (
    "Spolupráce s MAS Sokolovsko na tvorbě regionálních strategických cílů pro SCLLD MAS Sokolovsko 2021 - 2027. "
    "Zařazení tématu průmyslové kultury do priorit, které mohou napomoci rozvoji regionu."
)

MILESTONES: tuple[MilestoneRecord, ...] = (
    # 2019 ------------------------------------------------------------------------------------
    # "At least one discussion group" in 2019: the strategy uses "diskuzní skupina" and "focus group"
    # for the same thing (4.2, line 327). Its topics describe the meeting; they are not a filter.
    MilestoneRecord(
        "M1",
        "Organizace minimálně jedné diskuzní skupiny",
        "Organizace minimálně jedné diskuzní skupiny pro subjekty, které se zajímají o průmysl. TÉMATA: plánování "
        "nových na průmyslu založených produktů pro návštěvníky lázeňského trojúhelníku (lázeňský trojúhelník "
        "obsahuje tyto města Karlovy Vary, Františkovy Lázně a Mariánské Lázně), plánování nových projektů "
        "využívajících průmyslové kultury.",
        "Organisation of at least one discussion group",
        "Arranging one discussion group for stakeholders involved in industry. TOPICS: plans of new industry-based "
        "products for the visitors of the spa triangle (Karlovy Vary, Mariánské Lázně and Františkovy Lázně), plans "
        "of new projects using Industrial Culture.",
        ("SG1", "SG3", "SG4", "SG6"),
        2019,
        2019,
        (CountRuleRecord(FOCUS_GROUP, 1, 2019, 2019),),
        cite(
            ("5.5", "717–729"),
            ("10.4.5", "1663–1673"),
            note=(
                "The English title is ours, translated from the Czech: the summary's “Arranging a Focus Group at "
                "least once a year” departs from it (milestone 1 is one discussion group, in 2019)."
            ),
        ),
    ),
    # "At least five meetings" with stakeholders; the activity is "bilateral meetings" (line 731).
    MilestoneRecord(
        "M2",
        "Organizace alespoň pěti setkání se zástupci subjektů spojených s průmyslem",
        _BILATERAL_CS.format(word="tématu"),
        "Organization of at least five bilateral meetings with the representatives linked to industry",
        _BILATERAL_EN.format(the="the "),
        ("SG1", "SG2", "SG3", "SG7"),
        2019,
        2019,
        (CountRuleRecord(BILATERAL, 5, 2019, 2019),),
        cite(("5.5", "731–743"), ("10.4.5", "1675–1687")),
    ),
    # A proposal (a document) by the end of 2019.
    MilestoneRecord(
        "M3",
        "Vytvoření návrhu nových priorit do SCLLD na téma průmyslové kultury",
        _SCLLD_CS,
        "Proposal of new priorities focused on the topic Industrial Culture in LEADER Strategy",
        "Cooperation of LAG Sokolovsko and KSMASKK - creation of new strategic priorities in LEADER Strategy "
        "2021 - 2027. The topic of Industrial Culture will be involved in the strategy.",
        ("SG2",),
        2019,
        2019,
        (
            DeliverableRuleRecord(
                "sclld-priorities-proposal",
                "Návrh nových priorit do SCLLD MAS Sokolovsko 2021–2027 na téma průmyslové kultury",
                "Proposal of new Industrial Culture priorities for the LEADER Strategy of LAG Sokolovsko 2021–2027",
                datetime.date(2019, 12, 31),
            ),
        ),
        cite(("5.5", "745–753"), ("10.4.5", "1689–1695")),
    ),
    # The presentation to the Region's leadership is one dated act, proven by minutes or a
    # presentation: a deliverable. The "two meetings a year" of the activity text is standing target T3.
    MilestoneRecord(
        "M4",
        "Představení české Strategie „Nová průmyslová kultura“ (InduCult2.0) vedení Karlovarského kraje",
        "Nastavení spolupráce Karlovarského kraje a KSMASKK - organizace minimálně dvou setkání ročně s cílem "
        "aktualizace Strategie rozvoje konkurenceschopnosti Karlovarského kraje 2013 - 2020 a představení této "
        "strategie.",
        "Presentation of the Czech strategy “New Industrial Culture” (InduCult2.0) to the leadership of the "
        "Karlovy Vary Region",
        "Setting of the cooperation with Karlovy Vary Region - organization at least two meetings per year. TOPIC - "
        "presentation of Strategy for Living Industrial Culture from InduCult2.0, update of Strategy for "
        "Development of Competitiveness in the Karlovy Vary Region and discussion about the role of Karlovy Vary "
        "Region which will be the umbrella institution for the use of Industrial Culture for the development of "
        "region.",
        ("SG2",),
        2019,
        2019,
        (
            DeliverableRuleRecord(
                "strategy-presented-to-region",
                "Strategie představena vedení Karlovarského kraje",
                "Strategy presented to the leadership of the Karlovy Vary Region",
                datetime.date(2019, 12, 31),
            ),
        ),
        cite(
            ("5.5", "755–763"),
            ("10.4.5", "1697–1711"),
            note=(
                "The English title is ours, translated from the Czech: the summary's “Discussion with Karlovy Vary "
                "Region about its leadership in the use of the topic Living Industrial Culture in the regional "
                "development” departs from it (milestone 4 is presenting the strategy to the Region's leadership). "
                "The summary's “actualization” is corrected to “update”."
            ),
        ),
    ),
    # 2020 ------------------------------------------------------------------------------------
    MilestoneRecord(
        "M5",
        "Organizace minimálně jedné diskuzní skupiny",
        "Organizace minimálně jedné diskuzní skupiny pro subjekty, které se zajímají o průmysl. "
        + _FOCUS_GROUP_TOPICS_CS,
        "Organization one Focus Group once a year",
        "Organization of at least one discussion group a year for entities involved in industry. TOPICS: plans of "
        "new industry-based products for the visitors of spa triangle, new projects plans of the use of Industrial "
        "Culture.",
        ("SG1", "SG3", "SG4", "SG6"),
        2020,
        2020,
        (CountRuleRecord(FOCUS_GROUP, 1, 2020, 2020),),
        cite(("5.5", "767–776"), ("10.4.5", "1715–1722")),
    ),
    MilestoneRecord(
        "M6",
        "Uspořádat nejméně 5 setkání se zástupci subjektů spojených s průmyslovou kulturou",
        _BILATERAL_CS.format(word="konceptu"),
        "Arranging at least 5 meetings with representatives of stakeholders connected to Industrial Culture",
        _BILATERAL_EN.format(the=""),
        ("SG1", "SG2", "SG3", "SG7"),
        2020,
        2020,
        (CountRuleRecord(BILATERAL, 5, 2020, 2020),),
        cite(
            ("5.5", "778–790"),
            ("10.4.5", "1724–1736"),
            note=(
                "The English title is ours, translated from the Czech: the summary's “At least 5 bilateral meetings "
                "will be arranged between the stakeholders involved in industry and Industrial Culture” departs "
                "from it (the meetings are with the stakeholders' representatives)."
            ),
        ),
    ),
    # The priorities included in the new SCLLD: a decision, by the end of 2020.
    MilestoneRecord(
        "M7",
        "Zařazení nově vzniklých priorit do nové strategie SCLLD",
        _SCLLD_CS,
        "Inclusion of new priorities to the LEADER Strategy",
        "Cooperation of LAG Sokolovsko and KSMASKK - they will update strategic priorities of LEADER Strategy "
        "2021 - 2027.",
        ("SG2",),
        2020,
        2020,
        (
            DeliverableRuleRecord(
                "sclld-priorities-included",
                "Priority průmyslové kultury zařazeny do SCLLD MAS Sokolovsko 2021–2027",
                "Industrial Culture priorities included in the LEADER Strategy of LAG Sokolovsko 2021–2027",
                datetime.date(2020, 12, 31),
            ),
        ),
        cite(("5.5", "792–798"), ("10.4.5", "1738–1742")),
    ),
    # The actualised document itself, by the end of 2020 (in the platform: a new strategy version).
    MilestoneRecord(
        "M8",
        "První aktualizace tohoto dokumentu",
        "První aktualizace české Strategie „Nová průmyslová kultura“, která vznikla v rámci projektu InduCult2.0.",
        "First update of this document",
        "First update of this Strategy “Living Industrial Culture”.",
        ("SG5",),
        2020,
        2020,
        (
            DeliverableRuleRecord(
                "first-actualisation",
                "První aktualizace strategie",
                "First update of the strategy",
                datetime.date(2020, 12, 31),
            ),
        ),
        cite(
            ("5.5", "800–804"),
            ("10.4.5", "1744–1746"),
            note="The summary's “1st actualization” (Czech “První aktualizace”) is corrected to “First update”.",
        ),
    ),
    # A meeting of the partner network in 2020. A partners' video conference counts as such a meeting,
    # as the strategy itself puts the two side by side (5.2, lines 552–554).
    MilestoneRecord(
        "M9",
        "Setkání partnerů spolupracujících na šíření průmyslové kultury",
        "Setkání se sítí partnerů v Evropě ohledně pokroků při šíření myšlenky využití průmyslové kultury a "
        "kreativního průmyslu.",
        "Meeting with European networks",
        "The meeting with the networks of partners about progress in the field of dissemination the idea of "
        "Industrial Culture.",
        ("SG5",),
        2020,
        2020,
        (CountRuleRecord(PARTNERS, 1, 2020, 2020),),
        cite(("5.5", "806–810"), ("10.4.5", "1748–1752")),
    ),
    # 2021 + ----------------------------------------------------------------------------------
    MilestoneRecord(
        "M10",
        "Organizace nejméně jedné diskuzní skupiny ročně",
        "Organizace jedné diskuzní skupiny ročně pro subjekty, které se zajímají o průmysl. " + _FOCUS_GROUP_TOPICS_CS,
        "Organization of one Focus Group once a year",
        "Organization of at least one discussion group once a year for entities involved in industry. TOPICS: plans "
        "of new industry-based products for the visitors of spa triangle, new project plans of the use of Industrial "
        "Culture.",
        ("SG1", "SG3", "SG4", "SG6"),
        2021,
        None,
        (CountRuleRecord(FOCUS_GROUP, 1, 2021, None),),
        cite(
            ("5.5", "812–824"),
            ("10.4.5", "1754–1764"),
            note="The summary's slip “once a years” is corrected to “once a year”.",
        ),
    ),
    MilestoneRecord(
        "M11",
        "Uspořádat nejméně 5 setkání se zástupci subjektů spojených s průmyslovou kulturou ročně",
        _BILATERAL_CS.format(word="tématu"),
        "Arranging at least 5 meetings a year with representatives of stakeholders connected to Industrial Culture",
        _BILATERAL_EN.format(the=""),
        ("SG1", "SG2", "SG3", "SG7"),
        2021,
        None,
        (CountRuleRecord(BILATERAL, 5, 2021, None),),
        cite(
            ("5.5", "826–838"),
            ("10.4.5", "1766–1780"),
            note=(
                "The English title is ours, translated from the Czech: the summary's “At least 5 bilateral meetings "
                "in one year will be arranged between the stakeholders involved in industry and Industrial Culture” "
                "departs from it (the meetings are with the stakeholders' representatives)."
            ),
        ),
    ),
)

# The coordinator's standing targets, every year from the road map's first year. The strategy links
# them to no goal, so none is linked here.
STANDING_TARGETS: tuple[MilestoneRecord, ...] = (
    MilestoneRecord(
        "T1",
        "Diskuzní skupiny (1x ročně)",
        "Splnění všech výše zmíněných milníků bude v rukou koordinátora průmyslové kultury, který bude organizovat "
        "diskuzní skupiny (1x ročně), dvoustranná setkání (5x ročně), bude kontaktovat ostatní koordinátory "
        "ohledně dotačních možností návazných projektů a bude usilovat o aktualizaci regionálních strategií a "
        "informovanost vedení Karlovarského kraje o projektových aktivitách a možném dalším využití průmyslové "
        "kultury v budoucnosti.",
        "Focus groups (once a year)",
        "Meeting the demands and goals of all the milestones will be in the hands of the Coordinator of Industrial "
        "Culture, who will arrange Focus groups (once a year), bilateral meetings, get in touch with other "
        "coordinators about funding options of follow-up activities and communicate about the update of "
        "regional strategies for development with the topic Industrial Culture.",
        (),
        2019,
        None,
        (CountRuleRecord(FOCUS_GROUP, 1, 2019, None),),
        cite(
            ("5.6", "855–863"),
            ("10.4.6", "1795–1801"),
            note="The summary's “actualization” is corrected to “update”.",
        ),
        is_standing_target=True,
    ),
    MilestoneRecord(
        "T2",
        "Dvoustranná setkání (5x ročně)",
        "Koordinátor průmyslové kultury se účastní nejméně jednou ročně setkání partnerů projektu anebo video "
        "konference partnerů a zorganizuje nejméně pět schůzek ročně s místními zúčastněnými stranami pro jednání "
        "o využití průmyslové kultury.",
        "Bilateral meetings (5 a year)",
        "The Coordinator of Industrial Culture takes part in a meeting or a video conference of the project "
        "partners at least once a year and arranges at least five meetings a year with local stakeholders about "
        "the use of Industrial Culture.",
        (),
        2019,
        None,
        (CountRuleRecord(BILATERAL, 5, 2019, None),),
        cite(
            ("5.2", "552–556"),
            ("5.6", "857"),
            note="The English summary has no such sentence; the English text here is a translation of the Czech.",
        ),
        is_standing_target=True,
    ),
    MilestoneRecord(
        "T3",
        "Minimálně dvě setkání ročně s Karlovarským krajem",
        "Nastavení spolupráce Karlovarského kraje a KSMASKK - organizace minimálně dvou setkání ročně s cílem "
        "aktualizace Strategie rozvoje konkurenceschopnosti Karlovarského kraje 2013 - 2020 a představení této "
        "strategie.",
        "At least two meetings a year with the Karlovy Vary Region",
        "Setting of the cooperation with Karlovy Vary Region - organization at least two meetings per year.",
        (),
        2019,
        None,
        (CountRuleRecord(MEETINGS, 2, 2019, None, OrganisationKind.REGIONAL_AUTHORITY.value),),
        cite(("5.5", "755–759"), ("10.4.5", "1697–1699")),
        is_standing_target=True,
    ),
    MilestoneRecord(
        "T4",
        "Setkání partnerů projektu anebo video konference partnerů (nejméně jednou ročně)",
        "Koordinátor průmyslové kultury se účastní nejméně jednou ročně setkání partnerů projektu anebo video "
        "konference partnerů a zorganizuje nejméně pět schůzek ročně s místními zúčastněnými stranami pro jednání "
        "o využití průmyslové kultury.",
        "A partner meeting or partners' video conference (at least once a year)",
        "The Coordinator of Industrial Culture takes part in a meeting or a video conference of the project "
        "partners at least once a year and arranges at least five meetings a year with local stakeholders about "
        "the use of Industrial Culture.",
        (),
        2019,
        None,
        (CountRuleRecord(PARTNERS, 1, 2019, None),),
        cite(
            ("5.2", "552–554"),
            note="The English summary has no such sentence; the English text here is a translation of the Czech.",
        ),
        is_standing_target=True,
    ),
)


REAL_ENGAGEMENTS: tuple[EngagementRecord, ...] = (
    EngagementRecord(
        Kind.FOCUS_GROUP.value,
        datetime.date(2018, 10, 4),
        "Diskuzní skupina",
        "Discussion group",
        "Dle diskuzní skupiny pořádané 4. 10. 2018 je jednou z velkých potřeb účastníků právě spolupráce při "
        "koordinaci aktivit v oblasti podpory průmyslu, kreativity a technického vzdělání. Nejdůležitější roli má "
        "Karlovarský kraj, který bude zastřešující organizací pro budování kreativních center, výzkumných kapacit "
        "apod. Účastníci diskuzní skupiny také měli zájem o společné informační schůzky k tématu průmyslové kultury "
        "Karlovarského kraje. Jeden s účastníků diskuze podotkl „návštěvníci si stěžují na jednotvárnost a "
        "opakující se nabídky výletů a přivítali by něco nového“.",
        "According to the results of the discussion group held on October 4th, 2018, one of the key needs of the "
        "participants is the cooperation of activities in the field of industry support, creativity and technical "
        "education. Regional Office of Karlovy Vary Region plays the most important role. It will be the umbrella "
        "institution for the creation of creative centres, research capacities etc. Participants of the discussion "
        "group were also interested in an informational meeting. One of the participants complained that touristic "
        "offer are monotonous and purchasing very similar or the same products and that something new would be "
        "welcome.",
        cite(("5.1", "487–503"), ("10.4.1", "1490–1506")),
    ),
)


def _in_german(record):
    """The record with our German translation (``strategy_german``), its deliverable rules' too."""
    if isinstance(record, GoalRecord):
        return dataclasses.replace(record, de=german.GOALS[record.code])
    rules = tuple(
        dataclasses.replace(rule, title_de=german.DELIVERABLE_RULES[rule.key])
        if isinstance(rule, DeliverableRuleRecord)
        else rule
        for rule in record.rules
    )
    return dataclasses.replace(record, de=german.MILESTONES[record.code], rules=rules)


# The strategy as its loader takes it (strategy.demo): milestones first, then the standing targets.
RECORD = StrategyRecord(
    strategy=STRATEGY,
    version=VERSION,
    goals=tuple(_in_german(goal) for goal in GOALS),
    milestones=tuple(_in_german(milestone) for milestone in (*MILESTONES, *STANDING_TARGETS)),
    original_language="cs",
)
