"""Text normalisation shared by search, duplicate detection, tag lists and input validation (pure)."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_PUNCT = re.compile(r"[^\w\s]", re.UNICODE)
# Legal-form suffixes that do not distinguish two organisations ("Thun 1794 a.s." is "Thun 1794").
_LEGAL_FORMS = re.compile(
    r"\b(a ?s|s ?r ?o|spol s r ?o|z ?s|z ?u|o ?p ?s|o ?s|v ?o ?s|k ?s|p ?o|gmbh|ag|e ?v|ltd|inc)\b"
)


def fold(text: str) -> str:
    """Lower-case and strip diacritics, so "Porcelán" and "porcelan" compare equal.

    NFKD splits "á" into "a" plus a combining accent, which is then dropped. Czech "ř", "ů", German
    "ö" fold the same way; "ß" becomes "ss" through casefold().
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def search_key(*parts: str | None) -> str:
    """One searchable string for a record: folded, single-spaced parts joined by a separator."""
    return " | ".join(_SPACES.sub(" ", fold(p)).strip() for p in parts if p)


def normalised_name(name: str) -> str:
    """The identity of an organisation's name for duplicate warnings: folded, no punctuation,
    no legal form, single spaces."""
    folded = _SPACES.sub(" ", _PUNCT.sub(" ", fold(name)))
    folded = _LEGAL_FORMS.sub(" ", folded)
    return _SPACES.sub(" ", folded).strip()


def search_terms(query: str) -> list[str]:
    """Split a user's query into folded terms; every term must match (AND)."""
    return [t for t in _SPACES.split(fold(query).strip()) if t][:8]


def split_tags(value: str) -> list[str]:
    """ "a, b ,a" -> ["a", "b"]: trimmed, empty ones dropped, repeats (ignoring case and accents) removed."""
    seen: set[str] = set()
    tags = []
    for raw in (value or "").split(","):
        tag = " ".join(raw.split())
        if tag and fold(tag) not in seen:
            seen.add(fold(tag))
            tags.append(tag)
    return tags


def has_nul(value: str | None) -> bool:
    return value is not None and "\x00" in value
