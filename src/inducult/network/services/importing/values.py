"""Turning one cell's text into a field value (no database). Each parser raises ``BadValue`` with the reason."""

from __future__ import annotations

import datetime
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.utils import translation
from django.utils.translation import gettext as _

from inducult.network.enums import LawfulBasis, Level, OrganisationKind, Position, Sector
from inducult.network.services.importing.folding import fold

LIST_SEPARATORS = re.compile(r"[;,|]")
_SPACES = re.compile(r"\s+")

# Czech and German words people use in their own lists, beside the codes and the labels in each
# language (the labels come from the catalogues, which may not be compiled yet).
_KIND_WORDS = {
    "museum": ("muzeum", "museum", "muzea", "museen"),
    "enterprise": ("podnik", "firma", "spolecnost", "unternehmen", "betrieb", "company", "business"),
    "school": ("skola", "schule", "school"),
    "municipality": ("obec", "mesto", "mikroregion", "svazek obci", "gemeinde", "stadt", "kommune", "municipality"),
    "lag": ("mas", "lag", "mistni akcni skupina", "lokale aktionsgruppe", "leader"),
    "regional_authority": ("kraj", "krajsky urad", "landkreis", "landratsamt", "regional authority"),
    "tourist_information": (
        "informacni centrum",
        "turisticke informacni centrum",
        "tic",
        "touristinformation",
        "tourist information",
    ),
    "association": ("spolek", "neziskova organizace", "nno", "ngo", "verein", "association", "obecne prospesna"),
    "creative": ("kreativni", "atelier", "studio", "kreativ", "creative"),
    "research": ("vyzkum", "vyzkumna instituce", "univerzita", "forschung", "forschungseinrichtung", "research"),
    "agency": ("komora", "agentura", "kammer", "agentur", "agency", "chamber"),
    "programme_body": ("ministerstvo", "ridici organ", "ministerium", "programme body", "ministry"),
    "media": ("media", "medien", "noviny", "zeitung"),
}
_SECTOR_WORDS = {
    "mining": ("hornictvi", "tezba", "dobyvani", "bergbau", "mining"),
    "glass": ("sklo", "sklarstvi", "glas", "glass"),
    "porcelain": ("porcelan", "keramika", "porzellan", "keramik", "porcelain", "ceramics"),
    "musical_instruments": ("hudebni nastroje", "musikinstrumente", "musikinstrumentenbau", "musical instruments"),
    "automotive": ("automobilovy prumysl", "automotive", "automobilindustrie", "fahrzeugbau"),
    "textile": ("textil", "textile", "textilni prumysl"),
    "food_beverage": ("potraviny", "napoje", "pivovarnictvi", "lebensmittel", "getranke", "brauerei", "brewing"),
    "chemical": ("chemie", "chemicky prumysl", "chemical"),
    "metal": ("kovovyroba", "strojirenstvi", "hutnictvi", "metall", "metallverarbeitung", "metal"),
    "crafts": ("remesla", "remeslo", "handwerk", "crafts"),
    "energy": ("energetika", "energie", "energy"),
    "other": ("jine", "ostatni", "sonstige", "andere", "other"),
}
_LEVEL_WORDS = {
    1: ("1", "low", "nizky", "nizka", "niedrig", "gering"),
    2: ("2", "medium", "stredni", "mittel"),
    3: ("3", "high", "vysoky", "vysoka", "hoch"),
}
_POSITION_WORDS = {
    "champion": ("sampion", "zastance", "vorreiter"),
    "supporter": ("podporovatel", "priznivec", "unterstutzer", "befurworter"),
    "neutral": ("neutralni", "neutral"),
    "sceptic": ("skeptik", "skeptic", "skeptiker", "kritiker"),
}
_BASIS_WORDS = {
    "consent": ("souhlas", "einwilligung"),
    "contract": ("smlouva", "vertrag"),
    "legal_obligation": ("pravni povinnost", "rechtliche verpflichtung"),
    "public_task": ("verejny zajem", "verejny ukol", "offentliche aufgabe", "offentliches interesse"),
    "legitimate_interests": ("opravneny zajem", "opravnene zajmy", "berechtigtes interesse", "berechtigte interessen"),
}
_YES = ("yes", "y", "true", "1", "x", "ano", "a", "ja", "j", "wahr")
_NO = ("no", "n", "false", "0", "ne", "nein", "falsch")


class BadValue(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def key(text: str) -> str:
    return _SPACES.sub(" ", fold(text).replace("_", " ").replace("-", " ")).strip()


def _lookup(choices, words: dict) -> dict[str, object]:
    table: dict[str, object] = {}
    for value, _label in choices.choices:
        table[key(str(value))] = value
        for language in ("en", "cs", "de"):
            with translation.override(language):
                table.setdefault(key(str(choices(value).label)), value)
    for value, aliases in words.items():
        for alias in aliases:
            table.setdefault(key(alias), choices(value).value)
    return table


class Vocabulary:
    """Accepted spellings of every choice field, built once per import."""

    def __init__(self):
        self.kinds = _lookup(OrganisationKind, _KIND_WORDS)
        self.sectors = _lookup(Sector, _SECTOR_WORDS)
        self.levels = _lookup(Level, _LEVEL_WORDS)
        self.positions = _lookup(Position, _POSITION_WORDS)
        self.bases = _lookup(LawfulBasis, _BASIS_WORDS)


def allowed(choices) -> str:
    return ", ".join(f"{value} ({label})" for value, label in choices.choices)


def choice(text: str, table: dict, choices) -> object:
    try:
        return table[key(text)]
    except KeyError:
        raise BadValue(_("unknown value; use one of: %(allowed)s") % {"allowed": allowed(choices)}) from None


def choice_list(text: str, table: dict, choices) -> list:
    values, unknown = [], []
    for part in split_list(text):
        value = table.get(key(part))
        if value is None:
            unknown.append(part)
        elif value not in values:
            values.append(value)
    if unknown:
        raise BadValue(
            _("unknown value(s) %(unknown)s; use any of: %(allowed)s")
            % {"unknown": ", ".join(f"“{u}”" for u in unknown), "allowed": allowed(choices)}
        )
    return values


def split_list(text: str) -> list[str]:
    return [part.strip() for part in LIST_SEPARATORS.split(text) if part.strip()]


def text(value: str, max_length: int | None) -> str:
    if max_length is not None and len(value) > max_length:
        raise BadValue(
            _("is %(length)s characters long; at most %(max)s fit. Shorten it.")
            % {"length": len(value), "max": max_length}
        )
    return value


def _resolved(lazy_regex) -> re.Pattern:
    return re.compile(lazy_regex.pattern, lazy_regex.flags)


# Django's validators with their lazily compiled patterns compiled up front: the same checks,
# without the lazy proxy that took most of their time over 100,000 rows.
_email = EmailValidator()
_email.user_regex = _resolved(EmailValidator.user_regex)
_email.domain_regex = _resolved(EmailValidator.domain_regex)
_url = URLValidator(schemes=["http", "https"])
_url.regex = _resolved(_url.regex)


def email(value: str, max_length: int) -> str:
    try:
        _email(value)
    except ValidationError:
        raise BadValue(_("not a valid e-mail address")) from None
    return text(value, max_length)


def url(value: str, max_length: int) -> str:
    # Lists often omit the scheme ("www.muzeum.cz"); the registry stores full addresses.
    full = value if "://" in value else f"https://{value}"
    try:
        _url(full)
    except ValidationError:
        raise BadValue(_("not a valid web address (e.g. https://www.example.cz)")) from None
    return text(full, max_length)


def coordinate(value: str, limit: int) -> Decimal:
    cleaned = value.replace(" ", "").replace("\u00a0", "").replace(",", ".")
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        raise BadValue(_("not a number (write e.g. 50.2316 or 50,2316)")) from None
    if not number.is_finite() or not -limit <= number <= limit:
        raise BadValue(_("out of range; it must be between -%(limit)s and %(limit)s") % {"limit": limit})
    return number.quantize(Decimal("0.000001"), rounding=ROUND_HALF_UP)


def boolean(value: str) -> bool:
    folded = key(value)
    if folded in _YES:
        return True
    if folded in _NO:
        return False
    raise BadValue(_("not yes or no (write yes, no, 1 or 0)"))


def archived(value: str) -> bool:
    try:
        return boolean(value)
    except BadValue:
        # The export writes the date a record was archived; any date means "archived".
        try:
            date(value)
        except BadValue:
            raise BadValue(_("not yes, no or a date")) from None
        return True


def date(value: str) -> datetime.date:
    cleaned = value.replace(" ", "")
    for pattern in ("%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y"):
        try:
            return datetime.datetime.strptime(cleaned[:10] if pattern == "%Y-%m-%d" else cleaned, pattern).date()
        except ValueError:
            continue
    raise BadValue(_("not a date (write e.g. 2025-03-31 or 31.3.2025)"))


def whole_number(value: str) -> int:
    if not value.isdigit():
        raise BadValue(_("not a whole number"))
    return int(value)
