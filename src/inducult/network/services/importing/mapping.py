"""Which target field each file column feeds: the choices and the guess from header names (no database)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inducult.core.text import fold

IGNORE = ""


@dataclass(frozen=True)
class Target:
    code: str
    label: str | Promise
    contact: bool = False


TARGETS: dict[str, Target] = {
    t.code: t
    for t in (
        Target("id", gettext_lazy("ID of an existing organisation")),
        Target("name", gettext_lazy("Name")),
        Target("short_name", gettext_lazy("Short name")),
        Target("kind", gettext_lazy("Kind")),
        Target("sectors", gettext_lazy("Sectors")),
        Target("town", gettext_lazy("Town")),
        Target("address", gettext_lazy("Address")),
        Target("latitude", gettext_lazy("Latitude")),
        Target("longitude", gettext_lazy("Longitude")),
        Target("website", gettext_lazy("Website")),
        Target("email", gettext_lazy("General e-mail")),
        Target("phone", gettext_lazy("General phone")),
        Target("description", gettext_lazy("Description")),
        Target("tags", gettext_lazy("Tags")),
        Target("influence", gettext_lazy("Influence")),
        Target("interest", gettext_lazy("Interest")),
        Target("position", gettext_lazy("Position")),
        Target("archived", gettext_lazy("Archived")),
        Target("is_sample", gettext_lazy("Sample")),
        Target("source", gettext_lazy("Source")),
        Target("contact_title", gettext_lazy("Contact: title"), contact=True),
        Target("contact_first_name", gettext_lazy("Contact: first name"), contact=True),
        Target("contact_last_name", gettext_lazy("Contact: last name"), contact=True),
        Target("contact_email", gettext_lazy("Contact: e-mail"), contact=True),
        Target("contact_phone", gettext_lazy("Contact: phone"), contact=True),
        Target("contact_role", gettext_lazy("Contact: role at the organisation"), contact=True),
        Target("lawful_basis", gettext_lazy("Contact: lawful basis"), contact=True),
        Target("consent_date", gettext_lazy("Contact: consent date"), contact=True),
    )
}
REQUIRED = ("name", "kind")

# Header names as people write them, folded (lower case, no diacritics, punctuation as spaces).
# The export's own column names map to themselves, so an export imports back unchanged.
_ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "id organizace", "organisation id", "organization id"),
    "name": (
        "name",
        "nazev",
        "nazev organizace",
        "jmeno organizace",
        "organisation",
        "organization",
        "organisation name",
        "organization name",
        "organizace",
        "instituce",
        "subjekt",
        "name der organisation",
        "organisationsname",
        "einrichtung",
        "institution",
    ),
    "short_name": ("short name", "zkratka", "kratky nazev", "kurzname", "kurzbezeichnung", "abkurzung"),
    "kind": ("kind", "druh", "typ", "type", "art", "typ organizace", "druh organizace", "organisation type"),
    "sectors": ("sectors", "sector", "sektor", "sektory", "obor", "obory", "odvetvi", "branche", "branchen"),
    "town": ("town", "city", "obec", "mesto", "misto", "ort", "stadt", "gemeinde", "place"),
    "address": ("address", "adresa", "adresse", "anschrift", "ulice", "street", "strasse"),
    "latitude": ("latitude", "lat", "zemepisna sirka", "sirka", "breitengrad", "breite", "gps lat"),
    "longitude": ("longitude", "lon", "lng", "long", "zemepisna delka", "delka", "langengrad", "lange", "gps lon"),
    "website": ("website", "web", "webseite", "www", "url", "homepage", "webove stranky", "web stranky", "internet"),
    "email": ("email", "e mail", "mail", "general email", "general e mail", "e mail organizace"),
    "phone": ("phone", "telefon", "tel", "telephone", "telefonni cislo", "general phone", "telefonnummer"),
    "description": ("description", "popis", "beschreibung"),
    "tags": ("tags", "tag", "stitky", "klicova slova", "keywords", "schlagworte", "stichworte"),
    "influence": ("influence", "vliv", "einfluss"),
    "interest": ("interest", "zajem", "interesse"),
    "position": ("position", "postoj", "haltung", "stance"),
    "archived": ("archived", "archivovano", "archiviert"),
    "is_sample": ("is sample", "sample", "ukazka", "vzorek", "beispiel", "musterdaten"),
    "source": ("source", "zdroj", "quelle"),
    "contact_title": ("contact title", "titul", "titel"),
    "contact_first_name": ("contact first name", "first name", "jmeno", "krestni jmeno", "vorname", "given name"),
    "contact_last_name": ("contact last name", "last name", "surname", "prijmeni", "nachname", "family name"),
    "contact_email": ("contact email", "contact e mail", "kontaktni email", "email kontaktu", "kontakt e mail"),
    "contact_phone": ("contact phone", "kontaktni telefon", "telefon kontaktu", "kontakt telefon"),
    "contact_role": ("contact role", "role", "funkce", "funktion", "rolle"),
    "lawful_basis": ("lawful basis", "pravni zaklad", "pravni titul", "rechtsgrundlage"),
    "consent_date": ("consent date", "datum souhlasu", "einwilligungsdatum", "einwilligung am"),
}
_BY_ALIAS = {alias: code for code, aliases in _ALIASES.items() for alias in aliases}
_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)


def header_key(header: str) -> str:
    return _NOT_WORD.sub(" ", fold(header)).strip()


def guess_mapping(header: list[str]) -> list[str]:
    """One target (or IGNORE) per column; a target goes to the first column that names it."""
    taken: set[str] = set()
    mapping = []
    for name in header:
        code = _BY_ALIAS.get(header_key(name), IGNORE)
        if code in taken:
            code = IGNORE
        if code:
            taken.add(code)
        mapping.append(code)
    return mapping


def mapping_problems(mapping: list[str], columns: list[str]) -> list[str]:
    """What stops a mapping from being used, as sentences; empty when it is usable."""
    problems = []
    seen: dict[str, str] = {}
    for code, column in zip(mapping, columns, strict=True):
        if not code:
            continue
        if code not in TARGETS:
            problems.append(_("Column “%(column)s” is mapped to an unknown field.") % {"column": column})
        elif code in seen:
            problems.append(
                _("Columns “%(first)s” and “%(second)s” are both mapped to “%(field)s”; choose one of them.")
                % {"first": seen[code], "second": column, "field": TARGETS[code].label}
            )
        else:
            seen[code] = column
    missing = [str(TARGETS[code].label) for code in REQUIRED if code not in seen]
    if missing:
        problems.append(
            _("These required fields have no column: %(fields)s. Choose the column that holds each of them.")
            % {"fields": ", ".join(missing)}
        )
    return problems


def normalise(mapping, width: int) -> list[str]:
    """A stored or submitted mapping fitted to the file's width (unknown entries become IGNORE)."""
    items = [str(m) if m in TARGETS else IGNORE for m in (mapping or [])][:width]
    return items + [IGNORE] * (width - len(items))
