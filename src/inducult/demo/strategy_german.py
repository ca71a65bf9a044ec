"""Our German translation of the strategy "Living Industrial Culture" (pure: no database).

The strategy has no German text. These are the project's translations of its Czech wording (the
authoritative text; sections 5.2, 5.5 and 5.6 of ``strategy_records.SEED``), made for the platform's
German readers and marked as ours wherever they are shown (docs/decisions/0018-translation-fallback-
and-marks.md). Proper names of places and organisations stay in Czech, with the German name of a
place in brackets where one is usual.
"""

from __future__ import annotations

_TOPICS = (
    "THEMEN: Planung neuer, auf der Industrie beruhender Angebote für die Besucher des Bäderdreiecks, Planung "
    "neuer Projekte, die die Industriekultur nutzen."
)
_BILATERAL = (
    "Bilaterale Treffen mit Vertretern von Akteuren, die sich mit der Industriekultur verbinden lassen (z. B. "
    "Mikroregion Sokolov-východ, lokale Aktionsgruppen, Bürgermeister der Gemeinden, die Leitung der Region "
    "Karlovy Vary, Träger der Lokalen Aktionspläne usw.). THEMA: Austausch von Erfahrungen mit der Umsetzung des "
    "Projekts InduCult2.0, die Bedeutung des Themas Industriekultur, das Potenzial {word} für die Entwicklung "
    "neuer Projekte."
)
_SCLLD = (
    "Zusammenarbeit mit der LAG Sokolovsko bei der Erarbeitung regionaler strategischer Ziele für die SCLLD der "
    "LAG Sokolovsko 2021–2027. Aufnahme des Themas Industriekultur in die Prioritäten, die zur Entwicklung der "
    "Region beitragen können."
)
_REGION_MEETINGS = (
    "Aufbau der Zusammenarbeit zwischen der Region Karlovy Vary und dem KSMASKK – Organisation von mindestens zwei "
    "Treffen pro Jahr mit dem Ziel, die Strategie zur Entwicklung der Wettbewerbsfähigkeit der Region Karlovy Vary "
    "2013–2020 zu aktualisieren und diese Strategie vorzustellen."
)
_COORDINATOR = (
    "Der Koordinator für Industriekultur nimmt mindestens einmal im Jahr an einem Treffen der Projektpartner oder "
    "an einer Videokonferenz der Partner teil und organisiert mindestens fünf Treffen im Jahr mit lokalen "
    "Akteuren, um über die Nutzung der Industriekultur zu beraten."
)

STRATEGY = {"title": "Lebendige Industriekultur"}

VERSION = {
    "label": "Ursprüngliche Fassung",
    "vision": "Die Region Karlovy Vary nutzt das Potenzial der lebendigen Industriekultur voll aus",
    "notes": (
        "Das Dokument nennt kein Datum der Annahme; gültig ab 1. 1. 2019, dem ersten Jahr seines Fahrplans (5.5). "
        "Der Koordinator für Industriekultur wird mindestens bis Ende 2023 in den regionalen Verhandlungen aktiv "
        "sein (5.2)."
    ),
}

GOALS: dict[str, dict[str, str]] = {
    "SG1": {
        "title": (
            "Das Potenzial der Industriekultur in der Region Karlovy Vary suchen und die Anwendung der "
            "Industriekultur nach dem Ende des Projekts erproben"
        ),
        "description": (
            "Das Potenzial der Industriekultur in der Region Karlovy Vary suchen und die Anwendung der "
            "Industriekultur nach dem Ende des Projekts erproben (Planung neuer, auf der Industrie beruhender "
            "Angebote für die Besucher des Bäderdreiecks, neue Projekte oder Aktivitäten)."
        ),
    },
    "SG2": {
        "title": "Treffen mit Akteuren organisieren, die sich mit der Industriekultur verbinden lassen",
        "description": (
            "Treffen mit Akteuren organisieren, die sich mit der Industriekultur verbinden lassen (Mikroregion "
            "Sokolov-východ, lokale Aktionsgruppen, die Leitung der Region Karlovy Vary usw.) – Weitergabe von "
            "Informationen, Austausch von Erfahrungen aus der Umsetzung des Projekts, Entwicklung neuer Projekte und "
            "Anpassung regionaler Strategien, z. B. der SCLLD der LAG Sokolovsko."
        ),
    },
    "SG3": {
        "title": (
            "Kommunikation mit Bildungseinrichtungen über neue Projekte und Aufbau eines neuen "
            "Kooperationsnetzes zwischen Schulen, Unternehmen und Museen"
        ),
        "description": (
            "Kommunikation mit Bildungseinrichtungen über neue Projekte und Aufbau eines neuen Kooperationsnetzes "
            "zwischen Schulen, Unternehmen und Museen (auch mit den Trägern der Lokalen Aktionspläne – MAP – und der "
            "Regionalen Aktionspläne – KAP)."
        ),
    },
    "SG4": {
        "title": "Erneute Organisation von Diskussionsgruppen der mit der Industrie verbundenen Akteure",
        "description": (
            "Erneute Organisation von Diskussionsgruppen der mit der Industrie verbundenen Akteure – im Projekt "
            "InduCult2.0 haben wir eine Plattform der Akteure gebildet, die sich für das Thema interessieren."
        ),
    },
    "SG5": {
        "title": "Eine Plattform für den Austausch von Ideen, Wissen und Erfahrungen zwischen den Partnern pflegen",
        "description": (
            "Eine Plattform für den Austausch von Ideen, Wissen und Erfahrungen zwischen den Partnern pflegen."
        ),
    },
    "SG6": {
        "title": (
            "Suche nach neuen Möglichkeiten, Projekte zu finanzieren, die auf die Nutzung der Industriekultur "
            "ausgerichtet sind"
        ),
        "description": (
            "Suche nach neuen Möglichkeiten, Projekte zu finanzieren, die auf die Nutzung der Industriekultur "
            "ausgerichtet sind."
        ),
    },
    "SG7": {
        "title": (
            "Kreatives Denken, Kreativzentren, Räume für den Erfahrungsaustausch und interdisziplinäre "
            "Zusammenarbeit entwickeln"
        ),
        "description": (
            "Kreatives Denken, Kreativzentren, Räume für den Erfahrungsaustausch und interdisziplinäre "
            "Zusammenarbeit entwickeln."
        ),
    },
}

MILESTONES: dict[str, dict[str, str]] = {
    "M1": {
        "title": "Organisation mindestens einer Diskussionsgruppe",
        "description": (
            "Organisation mindestens einer Diskussionsgruppe für Akteure, die sich für die Industrie interessieren. "
            "THEMEN: Planung neuer, auf der Industrie beruhender Angebote für die Besucher des Bäderdreiecks (zum "
            "Bäderdreieck gehören die Städte Karlovy Vary, Františkovy Lázně und Mariánské Lázně), Planung neuer "
            "Projekte, die die Industriekultur nutzen."
        ),
    },
    "M2": {
        "title": "Organisation von mindestens fünf Treffen mit Vertretern der mit der Industrie verbundenen Akteure",
        "description": _BILATERAL.format(word="des Themas"),
    },
    "M3": {
        "title": "Entwurf neuer Prioritäten zum Thema Industriekultur für die SCLLD",
        "description": _SCLLD,
    },
    "M4": {
        "title": (
            "Vorstellung der tschechischen Strategie „Neue Industriekultur“ (InduCult2.0) vor der Leitung der Region "
            "Karlovy Vary"
        ),
        "description": _REGION_MEETINGS,
    },
    "M5": {
        "title": "Organisation mindestens einer Diskussionsgruppe",
        "description": (
            "Organisation mindestens einer Diskussionsgruppe für Akteure, die sich für die Industrie interessieren. "
            + _TOPICS
        ),
    },
    "M6": {
        "title": "Mindestens 5 Treffen mit Vertretern der mit der Industriekultur verbundenen Akteure veranstalten",
        "description": _BILATERAL.format(word="des Konzepts"),
    },
    "M7": {
        "title": "Aufnahme der neu entstandenen Prioritäten in die neue SCLLD",
        "description": _SCLLD,
    },
    "M8": {
        "title": "Erste Aktualisierung dieses Dokuments",
        "description": (
            "Erste Aktualisierung der tschechischen Strategie „Neue Industriekultur“, die im Projekt InduCult2.0 "
            "entstanden ist."
        ),
    },
    "M9": {
        "title": "Treffen der Partner, die bei der Verbreitung der Industriekultur zusammenarbeiten",
        "description": (
            "Treffen mit dem Netzwerk der Partner in Europa über die Fortschritte bei der Verbreitung der Idee, "
            "Industriekultur und Kreativwirtschaft zu nutzen."
        ),
    },
    "M10": {
        "title": "Organisation mindestens einer Diskussionsgruppe pro Jahr",
        "description": (
            "Organisation einer Diskussionsgruppe pro Jahr für Akteure, die sich für die Industrie interessieren. "
            + _TOPICS
        ),
    },
    "M11": {
        "title": (
            "Mindestens 5 Treffen pro Jahr mit Vertretern der mit der Industriekultur verbundenen Akteure veranstalten"
        ),
        "description": _BILATERAL.format(word="des Themas"),
    },
    "T1": {
        "title": "Diskussionsgruppen (1× jährlich)",
        "description": (
            "Die Erfüllung aller oben genannten Meilensteine liegt in den Händen des Koordinators für "
            "Industriekultur, der Diskussionsgruppen (1× jährlich) und bilaterale Treffen (5× jährlich) organisiert, "
            "andere Koordinatoren wegen Fördermöglichkeiten für Folgeprojekte anspricht, sich um die Aktualisierung "
            "der regionalen Strategien bemüht und die Leitung der Region Karlovy Vary über die Projektaktivitäten "
            "und die mögliche weitere Nutzung der Industriekultur in der Zukunft informiert."
        ),
    },
    "T2": {"title": "Bilaterale Treffen (5× jährlich)", "description": _COORDINATOR},
    "T3": {"title": "Mindestens zwei Treffen pro Jahr mit der Region Karlovy Vary", "description": _REGION_MEETINGS},
    "T4": {
        "title": "Treffen der Projektpartner oder Videokonferenz der Partner (mindestens einmal im Jahr)",
        "description": _COORDINATOR,
    },
}

# Deliverable rules, by key (their Czech titles are the project's wording of the milestone).
DELIVERABLE_RULES: dict[str, str] = {
    "sclld-priorities-proposal": (
        "Entwurf neuer Prioritäten zur Industriekultur für die SCLLD der LAG Sokolovsko 2021–2027"
    ),
    "strategy-presented-to-region": "Strategie der Leitung der Region Karlovy Vary vorgestellt",
    "sclld-priorities-included": (
        "Prioritäten der Industriekultur in die SCLLD der LAG Sokolovsko 2021–2027 aufgenommen"
    ),
    "first-actualisation": "Erste Aktualisierung der Strategie",
}
