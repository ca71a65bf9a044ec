"""How stored and audited values read to people: field labels, choice labels, lists joined, "—"
for empty, an audit entry's changes as rows of (label, before, after); and schema.org JSON-LD
as a page embeds it."""

from __future__ import annotations

import json
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from inducult.core import audit


def field_label(model, name: str) -> str:
    try:
        return capfirst(str(model._meta.get_field(name).verbose_name))
    except FieldDoesNotExist:
        return name


def display_value(model, name: str, value) -> str:
    """A stored or audited value as people read it: choice labels, lists joined, "—" for empty."""
    if value in (None, "", [], {}):
        return "—"
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        field = None
    choices = dict(field.flatchoices) if field is not None and field.choices else {}
    if isinstance(value, list | tuple):
        return ", ".join(str(choices.get(v, v)) for v in value)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, dict):
        return "; ".join(
            f"{key}: " + ", ".join(f"{lang}={text}" for lang, text in (texts or {}).items())
            for key, texts in value.items()
        )
    return str(choices.get(value, value))


def change_rows(entry, model) -> list[dict]:
    """An audit entry's changes as rows of (field label, before, after) for display."""
    rows = []
    for name, pair in (entry.changes or {}).items():
        before, after = (list(pair) + [None, None])[:2] if isinstance(pair, list | tuple) else (None, pair)
        rows.append(
            {
                "label": field_label(model, name),
                "before": display_value(model, name, before),
                "after": display_value(model, name, after),
            }
        )
    return rows


def history_rows(instance) -> list[dict]:
    model = type(instance)
    return [{"entry": entry, "changes": change_rows(entry, model)} for entry in audit.history(instance)]


# A JSON-LD document inside <script> must not close the element or open another: escape <, > and &.
_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def jsonld_script(document: dict[str, Any]) -> SafeString:
    """A schema.org document as the page's ``<script type="application/ld+json">``."""
    text = json.dumps(document, ensure_ascii=False, indent=1).translate(_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308 - escaped above
