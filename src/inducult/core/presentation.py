"""How stored and audited values read to people: field labels, choice labels, lists joined, "—"
for empty, and an audit entry's changes as rows of (label, before, after)."""

from __future__ import annotations

from django.core.exceptions import FieldDoesNotExist
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
