"""Validators of the good-practice library (leaves: they know the settings, never the models)."""

from __future__ import annotations

import re

from django.conf.locale import LANG_INFO
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_ISO_639_1 = re.compile(r"^[a-z]{2}$")


def validate_language(value: str) -> None:
    """A two-letter ISO 639-1 code of a language (``cs``, ``de``, ``pl``…)."""
    if not isinstance(value, str) or not _ISO_639_1.match(value) or value not in LANG_INFO:
        raise ValidationError(
            _("“%(value)s” is not a language code; give a two-letter ISO 639-1 code such as cs, de or pl."),
            code="language",
            params={"value": value},
        )
