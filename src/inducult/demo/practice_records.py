"""The demo's good practices: four of the Karlovy Vary Region, private to it, and one of a partner
region, Saxony, shared with all regions (loaded by practices.demo, through the business actions so
the trail shows each record).

Only what the sources state. The Karlovy Vary practices come from the strategy "Living Industrial
Culture" (Czech text, section 4.3, and its English summary, sections 10.2.1 and 10.3.3) and the
KSMAS KK project web page; they are kept in Czech with the summary's English as their translation,
except the open factory day, which only the English summary tells. The seeds know Saxony only as
the KSMAS KK team saw it: the "Week of Open Companies" they visited there and the Czech–Saxon
programme. That practice is therefore written in English, as the source is, and its region holds
nothing else.

German: the sources have none; ours, translated from each practice's original (Czech or English),
marked as our translation wherever it is shown (docs/decisions/0018-translation-fallback-and-marks.md).
"""

from __future__ import annotations

from inducult.core.translated import TRANSLATED_FROM
from inducult.demo.records import STRATEGY
from inducult.practices.demo import PracticeRecord
from inducult.practices.enums import PracticeTheme

WEB_PAGE = "KSMAS KK web page 'InduCult (English version)'"

PARTNER_REGION = {
    "slug": "saxony",
    "name": "Saxony (Sachsen)",
    "country": "DE",
    "languages": ["de", "en"],
    "default_language": "de",
    "time_zone": "Europe/Berlin",
    "description": (
        "Saxony, Germany: a region of the InduCult2.0 partnership as the Karlovy Vary strategy reports it. "
        "Members of the KSMAS KK team visited the „Week of Open Companies“ there, and two activities of the "
        "Karlovy Vary action plan are to be funded by the Czech–Saxon programme (OP Česko-Sasko)."
    ),
    "source": (
        f"{STRATEGY}, section 4.3 („Týden otevřených společností v Sasku“, among the examples learnt through the "
        "international partnership), section 10.3.3 (English summary) and the action plan tables 6 and 10.5. "
        "The seeds name no Saxon partner organisation."
    ),
}


KARLOVY_VARY = (
    PracticeRecord(
        key="kv-designers-workshop",
        title="Workshop designérů: návrh návštěvnického centra v Klášterci nad Ohří",
        theme=PracticeTheme.CREATIVITY,
        language="cs",
        summary=(
            "Workshop designérů v projektu InduCult2.0. Povedlo se spojit dvě oblasti, které by spolu za normálních "
            "okolností nemusely chtít kooperovat."
        ),
        results=(
            "Ze spolupráce designerů vznikl návrh návštěvnického centra v Klášterci nad Ohří na motiv českého filmu "
            "„Holky z porcelánu“. Akční plán strategie uvádí navazující aktivitu: Thun 1794 a.s. – tvorba nového "
            "návštěvnického centra na základě návrhu vytvořeného z projektu InduCult2.0 (2019, vlastní zdroje)."
        ),
        contact="ksmas-kk",
        source=f"{STRATEGY}, section 4.3 (Czech) and 10.3.3 (English summary); action plan tables 6 and 10.5",
        translations={
            "title": {
                "en": "Workshop of Designers: a design for the visitor centre in Klášterec nad Ohří",
                "de": "Designer-Workshop: Entwurf eines Besucherzentrums in Klášterec nad Ohří",
            },
            "summary": {
                "en": (
                    "Workshop of Designers within InduCult2.0. We managed to bring together two spheres which would "
                    "under other circumstances not want to cooperate."
                ),
                "de": (
                    "Designer-Workshop im Projekt InduCult2.0. Es ist gelungen, zwei Bereiche zusammenzubringen, die "
                    "unter normalen Umständen nicht unbedingt zusammenarbeiten wollten."
                ),
            },
            "results": {
                "en": (
                    "This cooperation gave birth to a new Visitor's Center in Klášterec nad Ohří, inspired by a Czech "
                    "film „Porcelain Girls“. The action plan names the follow-up: Thun 1794 a.s. will create the new "
                    "Visitors' Centre according to the proposal from InduCult2.0 (2019, own resources)."
                ),
                "de": (
                    "Aus der Zusammenarbeit der Designer entstand der Entwurf eines Besucherzentrums in Klášterec nad "
                    "Ohří nach dem Motiv des tschechischen Films „Holky z porcelánu“ („Porzellanmädchen“). Der "
                    "Aktionsplan der Strategie nennt die Folgeaktivität: Thun 1794 a.s. – Aufbau eines neuen "
                    "Besucherzentrums auf der Grundlage des im Projekt InduCult2.0 erarbeiteten Entwurfs (2019, "
                    "Eigenmittel)."
                ),
            },
            TRANSLATED_FROM: {"de": "cs"},
        },
    ),
    PracticeRecord(
        key="kv-open-factory-day",
        title="Day of open factory at Amati-Denak in Kraslice",
        theme=PracticeTheme.HERITAGE,
        language="en",
        summary=(
            "A day of open factory in the famous Amati-Denak company in Kraslice, producer of musical instruments, "
            "within InduCult2.0. It enabled many former employees and their families to visit their work place "
            "again: „I was working on tube production at this table“, one of the elderly men was telling his "
            "grandson. „In the past there used to be three people working at this table“."
        ),
        results=(
            "Local people are proud of their production, as these instruments are played all around the world by "
            "famous musicians. After the visit to the production halls other citizens and people from outside also "
            "perceive the value of industry here: the factory building is no longer only an ugly monster in the "
            "centre of the town; in the minds of the people it turned into a factory producing beautiful "
            "instruments and useful things. The strategy concludes that it is meaningful to continue planning "
            "activities of similar character."
        ),
        contact="amati-denak",
        source=f"{STRATEGY}, section 10.2.1 (English summary; the Czech text does not describe the day)",
        translations={
            "title": {"de": "Tag der offenen Fabrik bei Amati-Denak in Kraslice"},
            "summary": {
                "de": (
                    "Ein Tag der offenen Fabrik im bekannten Unternehmen Amati-Denak in Kraslice, einem Hersteller von "
                    "Musikinstrumenten, im Projekt InduCult2.0. Viele ehemalige Beschäftigte und ihre Familien konnten "
                    "ihren Arbeitsplatz wieder besuchen: „An diesem Tisch habe ich Rohre gefertigt“, erzählte einer "
                    "der älteren Männer seinem Enkel. „Früher haben an diesem Tisch drei Leute gearbeitet.“"
                )
            },
            "results": {
                "de": (
                    "Die Menschen vor Ort sind stolz auf ihre Produktion, denn diese Instrumente spielen berühmte "
                    "Musiker in aller Welt. Nach dem Besuch der Produktionshallen nehmen auch andere Bürger und "
                    "Menschen von außerhalb den Wert der Industrie hier wahr: Das Fabrikgebäude ist nicht mehr nur ein "
                    "hässliches Ungetüm in der Stadtmitte; in den Köpfen der Menschen wurde es zu einer Fabrik, die "
                    "schöne Instrumente und nützliche Dinge herstellt. Die Strategie folgert, dass es sinnvoll ist, "
                    "weitere Aktivitäten dieser Art zu planen."
                )
            },
            TRANSLATED_FROM: {"de": "en"},
        },
    ),
    PracticeRecord(
        key="kv-touring-exhibition",
        title="Průmyslová putovní výstava",
        theme=PracticeTheme.TOURISM,
        language="cs",
        summary=(
            "První pilotní akce KSMASKK v projektu InduCult2.0: putovní výstava vitrín, které představují výrobní "
            "postupy a výrobky průmyslových podniků regionu. Výstava byla k vidění mimo jiné v rámci Muzejní noci "
            "v Žatci a události „Za poklady Slavkovského lesa“ v Březové u Sokolova."
        ),
        results=(
            "Průmyslová putovní výstava se setkala s velkým zájmem, a to hlavně tehdy, když byla navázaná na "
            "kulturní událost. Nejvíce návštěvníků najednou ji vidělo v rámci Muzejní noci v Žatci a události „Za "
            "poklady Slavkovského lesa“ v Březové u Sokolova. Návštěvníci oceňovali obsah vitrín, nejvíce je zaujal "
            "porcelánový průmysl, výroba hudebních nástrojů a automobilový průmysl. Akční plán počítá s "
            "pokračováním (KSMASKK, Mikroregion Sokolov-východ, 2019–2022): aktualizace anebo doplnění výstavy."
        ),
        contact="ksmas-kk",
        source=(
            f"{STRATEGY}, section 4.3 (Czech) and 10.3.3 (English summary), action plan tables 6 and 10.5; "
            f"{WEB_PAGE} (the first pilot action: mobile show-cases of production processes)"
        ),
        translations={
            "title": {
                "en": "Touring exhibition of industry (Mobile Exhibition)",
                "de": "Industrie-Wanderausstellung",
            },
            "summary": {
                "en": (
                    "KSMASKK's first pilot action in InduCult2.0: a Mobile Exhibition of industrial enterprises and "
                    "products, show-cases presenting production processes connected with regional industry. It was "
                    "shown among others at the „Museum night“ in Žatec and at the event „The Treasures of Slavkovsky "
                    "Forest“ in Březová near Sokolov."
                ),
                "de": (
                    "Die erste Pilotaktion des KSMASKK im Projekt InduCult2.0: eine Wanderausstellung von Vitrinen, "
                    "die Herstellungsverfahren und Erzeugnisse der Industrieunternehmen der Region zeigen. Die "
                    "Ausstellung war unter anderem bei der Museumsnacht in Žatec und bei der Veranstaltung „Za poklady "
                    "Slavkovského lesa“ („Zu den Schätzen des Kaiserwalds“) in Březová bei Sokolov zu sehen."
                ),
            },
            "results": {
                "en": (
                    "The Mobile Exhibition was welcomed by the public, especially when it was accompanied by a "
                    "cultural event. Most visitors in one place could be seen at the „Museum night“ in Žatec and at "
                    "„The Treasures of Slavkovsky Forest“ in Březová near Sokolov. The visitors liked the contents of "
                    "the show-cases and were mostly interested in porcelain, musical instruments and car production. "
                    "The action plan continues it (KSMASKK, Microregion Sokolov – East, 2019–2022): update of "
                    "the Mobile Exhibition."
                ),
                "de": (
                    "Die Industrie-Wanderausstellung stieß auf großes Interesse, vor allem dann, wenn sie mit einer "
                    "Kulturveranstaltung verbunden war. Die meisten Besucher auf einmal sahen sie bei der Museumsnacht "
                    "in Žatec und bei „Za poklady Slavkovského lesa“ in Březová bei Sokolov. Die Besucher schätzten "
                    "den Inhalt der Vitrinen; am meisten interessierten sie die Porzellanindustrie, der "
                    "Musikinstrumentenbau und die Automobilindustrie. Der Aktionsplan sieht eine Fortsetzung vor "
                    "(KSMASKK, Mikroregion Sokolov-východ, 2019–2022): Aktualisierung oder Ergänzung der Ausstellung."
                ),
            },
            TRANSLATED_FROM: {"de": "cs"},
        },
    ),
    PracticeRecord(
        key="kv-trial-job-interviews",
        title="Pracovní pohovory na zkoušku ve firmách",
        theme=PracticeTheme.EDUCATION,
        language="cs",
        summary=(
            "V rámci sítí spolupráce mezi školami a průmyslovými podniky si žáci ve firmách vyzkoušeli pracovní "
            "pohovory. Spolupráce zahrnovala také exkurze ve firmě, besedy se zaměstnanci firmy a dílny."
        ),
        results=(
            "Žáci a učitelé pozitivně hodnotili především pracovní pohovory na zkoušku, exkurze ve firmě, besedy "
            "zaměstnanců firmy a dílny. Většina škol i podniků se rozhodla vztahy spolupráce udržet a rozvíjet i nové "
            "s dalšími firmami. Zkušenost žáka: „Dnes už vím, co pohovor obnáší a jak se na něj příště lépe "
            "připravit.“ Navazuje projekt OP VVV města Kraslice (2019–2022), který připravuje sítě s podniky včetně "
            "exkurzí, dílen, besed se zaměstnanci a pracovních pohovorů."
        ),
        contact="ksmas-kk",
        source=(
            f"{STRATEGY}, section 4.3 (Czech, with a pupil's account) and 10.3.3 (English summary); "
            "action plan tables 6 and 10.5 (Project OPVVV Town Kraslice)"
        ),
        translations={
            "title": {
                "en": "Trial job interviews in companies",
                "de": "Vorstellungsgespräche zur Probe in Unternehmen",
            },
            "summary": {
                "en": (
                    "Within the cooperation of schools and industrial enterprises, pupils tried job interviews in "
                    "companies, alongside excursions in the companies, discussions and lectures with employees of "
                    "factories and workshops."
                ),
                "de": (
                    "Im Rahmen der Kooperationsnetze zwischen Schulen und Industrieunternehmen probierten Schüler in "
                    "Unternehmen Vorstellungsgespräche aus. Zur Zusammenarbeit gehörten auch Betriebsbesichtigungen, "
                    "Gespräche mit Beschäftigten des Unternehmens und Workshops."
                ),
            },
            "results": {
                "en": (
                    "Both teachers and pupils liked the experience with job interviews, excursions in the companies, "
                    "discussions and lectures with employees as well as workshops. Most schools and enterprises "
                    "decided to maintain their newly established cooperation and develop similar partnerships with "
                    "new entities and companies. The Town of Kraslice's OP VVV project (2019–2022) prepares networks "
                    "with enterprises including excursions, workshops, discussions with employees and job interviews."
                ),
                "de": (
                    "Schüler und Lehrer bewerteten vor allem die Vorstellungsgespräche zur Probe, die "
                    "Betriebsbesichtigungen, die Gespräche mit Beschäftigten und die Workshops positiv. Die meisten "
                    "Schulen und Unternehmen beschlossen, die Zusammenarbeit "
                    "fortzusetzen und auszubauen und auch neue "
                    "mit weiteren Firmen aufzunehmen. Die Erfahrung eines Schülers: „Heute weiß ich, was ein "
                    "Vorstellungsgespräch bedeutet und wie ich mich nächstes Mal besser darauf vorbereite.“ Daran "
                    "knüpft das OP-VVV-Projekt der Stadt Kraslice (2019–2022) an, das Netzwerke mit Unternehmen "
                    "vorbereitet, einschließlich Betriebsbesichtigungen, Workshops, Gesprächen mit Beschäftigten und "
                    "Vorstellungsgesprächen."
                ),
            },
            TRANSLATED_FROM: {"de": "cs"},
        },
    ),
)

PARTNER = PracticeRecord(
    key="sn-week-of-open-companies",
    title="Week of Open Companies in Saxony",
    theme=PracticeTheme.EDUCATION,
    language="en",
    summary=(
        "An activity called „Week of Open Companies“ in Saxony. Members of the realisation team of KSMAS KK, the "
        "InduCult2.0 partner in the Karlovy Vary Region, visited it."
    ),
    results=(
        "The visit helped the Karlovy Vary team realise that pupils need to be brought to industrial factories. "
        "KSMAS KK prepared its own activities with regard to the experience from the partner regions, adapted to "
        "its regional context, among them the cooperation of schools and industrial enterprises."
    ),
    source=(
        f"{STRATEGY}, section 4.3 (Czech: „Týden otevřených společností v Sasku“) and 10.3.3 (English summary). "
        "Told as the Karlovy Vary team saw it: the seeds hold no Saxon description of the week, its organisers or "
        "its figures."
    ),
    shared=True,
    translations={
        "title": {"de": "Woche der offenen Unternehmen in Sachsen"},
        "summary": {
            "de": (
                "Eine Aktion namens „Woche der offenen Unternehmen“ in Sachsen. Mitglieder des Umsetzungsteams des "
                "KSMAS KK, des InduCult2.0-Partners in der Region Karlovy Vary, haben sie besucht."
            )
        },
        "results": {
            "de": (
                "Der Besuch half dem Team aus Karlovy Vary zu erkennen, dass Schüler in Industriebetriebe gebracht "
                "werden müssen. Der KSMAS KK bereitete mit Blick auf die Erfahrungen aus den Partnerregionen eigene, "
                "an den regionalen Kontext angepasste Aktivitäten vor, darunter die Zusammenarbeit von Schulen und "
                "Industrieunternehmen."
            )
        },
        TRANSLATED_FROM: {"de": "en"},
    },
)
