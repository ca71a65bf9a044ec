"""Translations of user content kept beside the original (docs/decisions/0003-content-translation.md,
docs/decisions/0018-translation-fallback-and-marks.md).

A record keeps its text in its original language in the ordinary fields and optional translations
in one JSON field: ``translations = {"title": {"en": "…", "de": "…"}, …}``. One reserved key,
``"_translated_from"``, names the languages whose texts the platform's editors translated
themselves, each with the language they translated from: ``{"_translated_from": {"de": "cs"}}``
says the German texts are our translation of the Czech, not the source's own wording; pages and
feeds show that mark beside them.

A text in a language the record has no version in falls back to English, then to the original.
"""

from __future__ import annotations

from contextvars import ContextVar

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _

# The language the records of the region being served are written in (its default language), set
# for each request by regions.middleware; None outside a region's pages.
ORIGINAL_LANGUAGE: ContextVar[str | None] = ContextVar("original_language", default=None)
# The reserved key of ``translations``: {language of our translation: language it was made from}.
TRANSLATED_FROM = "_translated_from"
# The language a text without a version in the reader's language is shown in, before the original.
FALLBACK_LANGUAGE = "en"


def validate_translations(value) -> None:
    """``{field: {language: text}}`` with languages of the platform and texts as strings; the reserved
    ``_translated_from`` maps languages of the platform to the language they were translated from."""
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


def translated_texts(translations: dict | None) -> list[str]:
    """Every translated text of a ``translations`` map (for search), without the reserved key's codes."""
    return [
        text
        for field, texts in (translations or {}).items()
        if field != TRANSLATED_FROM
        for text in (texts or {}).values()
        if text
    ]


def reader_language(language: str | None = None) -> str:
    """``language`` or the active one, as a two-letter code."""
    return (language or get_language() or settings.LANGUAGE_CODE)[:2]


class Translated:
    """Mixin for models with a ``translations`` JSON field."""

    # The field naming the language a record is written in, for models whose records say so (good
    # practices); other records are written in their region's language.
    ORIGINAL_LANGUAGE_FIELD: str | None = None

    def original_language(self) -> str:
        """The language of the ordinary fields: the record's own (``ORIGINAL_LANGUAGE_FIELD``) where
        it has one, else its region's default language when the region is already loaded, else the
        default language of the region whose page is being served, else the installation's default
        (decision 0018)."""
        own = getattr(self, self.ORIGINAL_LANGUAGE_FIELD, "") if self.ORIGINAL_LANGUAGE_FIELD else ""
        if isinstance(own, str) and own:
            return own
        try:
            field = self._meta.get_field("region")
        except FieldDoesNotExist:
            field = None
        if field is not None and getattr(field, "is_relation", False) and field.is_cached(self):
            region = field.get_cached_value(self)
            if region is not None and region.default_language:
                return region.default_language
        return ORIGINAL_LANGUAGE.get() or settings.LANGUAGE_CODE[:2]

    def text_language(self, field: str, language: str | None = None) -> str:
        """The language ``field`` is shown in to a reader of ``language``: that language when the
        record has a version in it, else English, else the original's."""
        language = reader_language(language)
        texts = (self.translations or {}).get(field) or {}
        if texts.get(language):
            return language
        original = self.original_language()
        if language == original:
            return original
        if texts.get(FALLBACK_LANGUAGE):
            return FALLBACK_LANGUAGE
        return original

    def localized(self, field: str, language: str | None = None) -> str:
        """A text in the reader's language, falling back to English, then to the original."""
        language = reader_language(language)
        texts = (self.translations or {}).get(field) or {}
        shown = self.text_language(field, language)
        return texts.get(shown) or getattr(self, field)

    def translations_of(self, field: str) -> dict[str, str]:
        """``{language: text}`` of ``field`` in the languages other than the original (for feeds)."""
        return dict((self.translations or {}).get(field) or {})

    def translated_by_us(self) -> dict[str, str]:
        """``{language: the language it was translated from}`` for the platform's own translations."""
        marks = (self.translations or {}).get(TRANSLATED_FROM) or {}
        return {language: source for language, source in marks.items() if source}

    def our_translation_from(self, field: str, language: str | None = None) -> str:
        """The language our translation of ``field`` was made from when the reader of ``language``
        is shown our translation (not the source's wording), else ``""``."""
        shown = self.text_language(field, language)
        if shown == self.original_language():
            return ""
        return self.translated_by_us().get(shown, "")


def language_name(code: str) -> str:
    """The language's name in the reader's language ("Czech"), or the code when Django lacks it."""
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code


def translation_mark(*records: Translated, fields: tuple[str, ...] = ("title",), language: str | None = None) -> str:
    """The name of the language our translation was made from when any of ``fields`` of ``records``
    is shown to the reader in our translation (a page shows the mark once), else ``""``."""
    for record in records:
        if record is None:
            continue
        for field in fields:
            if source := record.our_translation_from(field, language):
                return language_name(source)
    return ""
