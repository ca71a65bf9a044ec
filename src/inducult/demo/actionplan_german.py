"""Our German translation of the action plan and funding instruments of the strategy "Living Industrial
Culture" (pure: no database).

The strategy has no German text. These are the project's translations of the Czech rows (section 6
and the instruments of section 5.4, the authoritative text), marked as ours wherever they are shown
(docs/decisions/0018-translation-fallback-and-marks.md). Names of programmes, organisations and
products stay as the region uses them, with a German gloss where it helps.
"""

from __future__ import annotations

SUBSIDY_OWN = "Fördermittel, Eigenmittel"
OP_CZ_SN = "OP Tschechien–Sachsen"

ACTIVITIES: dict[str, dict[str, str]] = {
    "ap-wp2-01": {
        "title": "Infozentren arbeiten Hand in Hand",
        "description": (
            "Zusammenarbeit tschechischer und deutscher Infozentren beim Austausch von Informationen über die "
            "Industrie."
        ),
        "funding_form": OP_CZ_SN,
    },
    "ap-wp2-02": {
        "title": "Fortsetzung der Wanderausstellung und des Industrie-Septembers",
        "description": (
            "Aktualisierung oder Ergänzung der Wanderausstellung, Wiederholung des Angebots „Kultureller September "
            "im Sokolover Land“ („Kulturní září na Sokolovsku“)."
        ),
        "funding_form": SUBSIDY_OWN,
    },
    "ap-wp2-03": {
        "title": "Handwerksausstellung auf dem Statek Bernard",
        "description": "Ausstellung von Handwerken, die bei der Entwicklung der Industrie nützlich sein können.",
        "funding_form": SUBSIDY_OWN,
    },
    "ap-wp2-04": {
        "title": "Aufbau eines Besucherzentrums in Klášterec nad Ohří",
        "description": (
            "Aufbau eines neuen Besucherzentrums auf der Grundlage des im Projekt InduCult2.0 erarbeiteten Entwurfs."
        ),
        "funding_form": "Eigenmittel",
    },
    "ap-wp3-01": {
        "title": "Regionaler Aktionsplan 2",
        "description": (
            "Sichert eine gute Zusammenarbeit von Schulen und Unternehmen und einen höheren Anteil des praktischen "
            "Unterrichts am Arbeitsplatz."
        ),
        "funding_form": "OP VVV",
    },
    "ap-wp3-02": {
        "title": "Schüler helfen, Kulturdenkmäler zu erneuern",
        "description": (
            "Organisation von Praktika in der Bauvermessung und der Erstellung von Dokumentationen, aber auch in "
            "echten Bautechniken, und Information darüber, wie sich die Bautechnologien entwickelt haben."
        ),
        "funding_form": (
            "Kulturministerium der Tschechischen Republik, Region Karlovy Vary, Bildungsministerium (MŠMT) und "
            "Eigenmittel"
        ),
    },
    "ap-wp3-03": {
        "title": "Aufbau eines Bildungszentrums",
        "description": (
            "Vorstellung des 3D-Drucks und weiterer moderner Technologien für Schüler von Grund- und Mittelschulen."
        ),
        "funding_form": "IROP – Förderung der technischen Bildung",
    },
    "ap-wp3-04": {
        "title": "OP-VVV-Projekt der Stadt Kraslice",
        "description": "Koordination neuer Kooperationsbeziehungen zwischen Schule und Unternehmen.",
        "funding_form": "OP VVV",
    },
    "ap-wp3-05": {
        "title": "Aus der Schule verantwortungsvoll auf den Arbeitsmarkt II",
        "description": "Ziel des Projekts ist eine höhere Beschäftigung junger Menschen unter 25 Jahren.",
        "funding_form": "OPZ",
    },
    "ap-wp3-06": {
        "title": "Einführung digitalen Lernens in die berufliche Bildung",
        "description": "Einbindung des Themas „Digitalisierung“ in die berufliche Bildung.",
        "funding_form": OP_CZ_SN,
    },
    "ap-wp3-07": {
        "title": "KOMPAS",
        "description": "Es werden Prognosen des künftigen Bedarfs der Arbeitgeber erstellt.",
        "funding_form": "OPZ",
    },
    "ap-wp4-01": {
        "title": "Kreative Region – Design Park",
        "description": "Aufbau eines Design Parks mit FabLab, Co-Working-Zentrum, Ausstattung, Laboren usw.",
        "funding_form": SUBSIDY_OWN,
    },
    "ap-wp4-02": {
        "title": "Interdisziplinäres Treffen auf dem Statek Bernard",
        "description": (
            "Organisation interdisziplinärer Treffen, z. B. zwischen Vertretern des Kunsthandwerks, von "
            "Industrieunternehmen und weiteren Künstlern."
        ),
        "funding_form": SUBSIDY_OWN,
    },
    "ap-wp4-03": {
        "title": "Wissenschafts- und Technologiepark (VTP)",
        "description": "Aufbau eines Wissenschafts- und Technologieparks.",
        "funding_form": SUBSIDY_OWN,
    },
    "ap-wp4-04": {
        "title": "Kreativgutscheine",
        "description": "Zusammenarbeit von Unternehmen und Kreativen.",
        "funding_form": SUBSIDY_OWN,
    },
}

NPPCR = "Nationales Programm zur Förderung des Tourismus"

INSTRUMENTS: dict[str, dict[str, str]] = {
    "nppcr-infrastructure": {
        "programme": NPPCR,
        "name": "Entwicklung der grundlegenden und begleitenden touristischen Infrastruktur",
        "supports": (
            "Förderung der Ausstattung touristischer Routen (Wandern, Radfahren, Skilanglauf, Wassertourismus und "
            "weitere nachhaltige Formen des Tourismus), Entwicklung von Leit- und Informationssystemen in den "
            "Destinationen, Förderung umweltschonender Besucherverkehre usw."
        ),
    },
    "nppcr-marketing": {
        "programme": NPPCR,
        "name": "Marketingaktivitäten im Tourismus",
        "supports": (
            "Steigerung der Bekanntheit des touristischen Angebots in den Destinationen, um die Besucherzahlen zu "
            "erhöhen, Verbesserung und Erweiterung des Produktangebots, Kommunikationskampagnen, bessere "
            "strategische Entscheidungen und eine bessere Abstimmung des Angebots in den Destinationen."
        ),
    },
    "oppik": {
        "programme": "Operationelles Programm Unternehmen und Innovationen für Wettbewerbsfähigkeit (OPPIK)",
        "supports": (
            "Entwicklung von Forschung und Entwicklung; Förderung kleiner und mittlerer Unternehmen; effizienterer "
            "Umgang mit Energie; Entwicklung der Informations- und Kommunikationstechnologien."
        ),
    },
    "tacr": {
        "programme": "Technologieagentur der Tschechischen Republik (TAČR)",
        "provider": "Technologieagentur der Tschechischen Republik",
        "supports": (
            "Förderung der angewandten Forschung und experimentellen Entwicklung; Überprüfung ihrer Ergebnisse; "
            "internationale Zusammenarbeit in der angewandten Forschung und experimentellen Entwicklung; "
            "Zusammenarbeit von Hochschulen und Unternehmen (Einbeziehung von Studentinnen und Studenten in "
            "Forschungs- und Entwicklungsarbeiten, deren Ergebnisse in der Praxis genutzt werden sollen); "
            "Einbeziehung der Sozial- und Geisteswissenschaften in Projekte der angewandten Forschung; internationale "
            "Zusammenarbeit tschechischer Einrichtungen mit Partnern aus Norwegen, Island und Liechtenstein in der "
            "angewandten Forschung."
        ),
    },
    "mpo-brownfields": {
        "programme": "Regenerierung und unternehmerische Nutzung von Brachflächen (Brownfields)",
        "provider": "Ministerium für Industrie und Handel und CzechInvest",
        "supports": "Regenerierung und unternehmerische Nutzung von Brachflächen (Brownfields).",
    },
    "op-cz-sn": {"programme": OP_CZ_SN},
    "op-vvv": {"programme": "Operationelles Programm Forschung, Entwicklung und Bildung (OP VVV)"},
    "opz": {"programme": "Operationelles Programm Beschäftigung (OPZ)"},
    "irop": {
        "programme": "Integriertes regionales operationelles Programm (IROP)",
        "name": "Förderung der technischen Bildung",
        "supports": "Förderung der technischen Bildung.",
    },
}
