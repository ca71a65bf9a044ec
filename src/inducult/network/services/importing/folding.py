"""Fast equivalents of core.text's fold, search_key and normalised_name for large imports.

core.text.fold decomposes the whole string and filters it character by character in Python,
which dominated the time of a 100,000-row import. Decomposing and filtering per character gives
the same result (canonical reordering only moves combining marks, and those are dropped), so each
character's folded form is computed once and applied by ``str.translate`` in C. Tests check the
results equal core.text's on arbitrary text.
"""

from __future__ import annotations

import unicodedata

from inducult.core import text as core_text


class _FoldTable(dict):
    def __missing__(self, code: int) -> str:
        decomposed = unicodedata.normalize("NFKD", chr(code))
        folded = self[code] = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        return folded


_TABLE = _FoldTable()


def fold(text: str) -> str:
    return text.casefold().translate(_TABLE)


def search_part(text: str) -> str:
    """core.text.search_key of a single part."""
    return core_text._SPACES.sub(" ", fold(text)).strip()


def normalised_name(name: str) -> str:
    folded = core_text._SPACES.sub(" ", core_text._PUNCT.sub(" ", fold(name)))
    folded = core_text._LEGAL_FORMS.sub(" ", folded)
    return core_text._SPACES.sub(" ", folded).strip()
