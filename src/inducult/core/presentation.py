"""How stored and audited values read to people: field labels, choice labels, lists joined, "—"
for empty, an audit entry's changes as rows of (label, before, after); and schema.org JSON-LD
as a page embeds it.

One place for this, because the audit log, every record's history and the edit-conflict page show
the same entries: whatever field name or value shape an entry holds (a reverse relation, a field
since removed, a list of rows) reads the same in all of them and never breaks the page."""

from __future__ import annotations

import json
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db.models import ForeignObjectRel
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from inducult.core import audit


def _field(model, name: str):
    """The field or relation of ``model`` called ``name``, or None. An audit entry may name a
    reverse relation (what hung on a deleted record: an engagement's tasks, an activity's
    indicators), a many-to-many one, or a field the model has since lost; every one must read."""
    if model is None:
        return None
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def field_label(model, name: str) -> str:
    """How a field reads as a label: its verbose name; for a reverse relation the related records'
    name (plural unless one-to-one); for a name the model does not have, the name in words."""
    field = _field(model, name)
    if field is None:
        return capfirst(name.replace("_", " "))
    if isinstance(field, ForeignObjectRel):
        options = field.related_model._meta
        return capfirst(str(options.verbose_name if field.one_to_one else options.verbose_name_plural))
    return capfirst(str(field.verbose_name))


def _is_empty(value) -> bool:
    return value is None or (isinstance(value, str | list | tuple | dict) and not value)


def _item(value, choices: dict) -> str:
    """One value among others: a choice's label, "—" for empty, yes or no, a nested list's items."""
    if _is_empty(value):
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, list | tuple):
        return " · ".join(_item(v, choices) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{key}: {_item(v, choices)}" for key, v in value.items())
    return str(choices.get(value, value))


def display_value(model, name: str, value) -> str:
    """A stored or audited value as people read it: choice labels, lists joined, "—" for empty.

    Values come from entries written over the years, so any JSON shape must read: a list of rows (an
    activity's indicators: name · unit · target · achieved), translations ({field: {language:
    text}}), or a plain mapping; never as Python would print them."""
    if _is_empty(value):
        return "—"
    field = _field(model, name)
    choices = dict(field.flatchoices) if getattr(field, "choices", None) else {}
    if isinstance(value, list | tuple):
        separator = "; " if any(isinstance(v, list | tuple | dict) for v in value) else ", "
        return separator.join(_item(v, choices) for v in value)
    if isinstance(value, dict):
        return "; ".join(
            f"{key}: " + ", ".join(f"{lang}={text}" for lang, text in texts.items())
            if isinstance(texts, dict)
            else f"{key}: {_item(texts, choices)}"
            for key, texts in value.items()
        )
    return _item(value, choices)


def change_rows(entry, model) -> list[dict]:
    """An audit entry's changes as rows of (field label, before, after) for display. ``model`` is
    None when the entry's record type no longer exists: its rows then read by the names kept."""
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
