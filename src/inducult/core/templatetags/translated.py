"""Content translations in templates: ``{{ goal|localized:"title" }}`` and ``{% translation_mark goal %}``
(docs/decisions/0018-translation-fallback-and-marks.md)."""

from __future__ import annotations

from django import template

from inducult.core.translated import Translated, translation_mark

register = template.Library()


@register.filter
def localized(record, field: str) -> str:
    """The record's ``field`` in the reader's language, falling back to English, then the original."""
    if isinstance(record, Translated):
        return record.localized(field)
    return getattr(record, field, "") if record is not None else ""


@register.inclusion_tag("core/_translation_mark.html")
def translation_mark_for(*records, fields: str = "title description") -> dict:
    """The mark "our translation from Czech" when the reader is shown our translation of a record."""
    return {"translated_from": translation_mark(*records, fields=tuple(fields.split()))}
