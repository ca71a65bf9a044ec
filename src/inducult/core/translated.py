"""Translations of user content kept beside the original (docs/decisions/0003-content-translation.md).

A record keeps its text in the region's own language in the ordinary fields and optional
translations in one JSON field: ``translations = {"title": {"en": "…", "de": "…"}, …}``.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


def validate_translations(value) -> None:
    """``{field: {language: text}}`` with languages of the platform and texts as strings."""
    known = {code for code, _name in settings.LANGUAGES}
    if not isinstance(value, dict):
        raise ValidationError(_('Translations must be a mapping such as {"title": {"en": "…"}}.'))
    for field, texts in value.items():
        if not isinstance(field, str) or not isinstance(texts, dict):
            raise ValidationError(_('Translations must be a mapping such as {"title": {"en": "…"}}.'))
        for language, text in texts.items():
            if language not in known or not isinstance(text, str):
                raise ValidationError(
                    _("Translations of %(field)s must map a language (%(known)s) to a text."),
                    params={"field": field, "known": ", ".join(sorted(known))},
                )


class Translated:
    """Mixin for models with a ``translations`` JSON field."""

    def localized(self, field: str, language: str | None = None) -> str:
        """A text in the visitor's language, falling back to the original."""
        language = language or get_language() or ""
        return ((self.translations or {}).get(field) or {}).get(language[:2]) or getattr(self, field)
