"""Helpers shared by the back-office views: pagination, readable audit changes, edit conflicts."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.core.exceptions import FieldDoesNotExist
from django.core.paginator import Paginator
from django.utils import formats
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from inducult.core import audit

PAGE_SIZE = 50


def paginate(request, queryset, per_page: int = PAGE_SIZE):
    paginator = Paginator(queryset, per_page)
    return paginator.get_page(request.GET.get("page"))


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


def conflict_details(form, current, fields, message: str) -> tuple[str, list[dict]]:
    """The message for an edit refused by the optimistic check, and the fields whose stored value
    now differs from what the user submitted (with the stored value shown next to theirs)."""
    model = type(current)
    latest = audit.history(current).first()
    when = formats.date_format(latest.created_at, "DATETIME_FORMAT") if latest else _("an unknown time")
    who = latest.actor_name if latest and latest.actor_name else _("an unknown user")
    message = message % {"when": when, "who": who}
    submitted = form.domain_data() if form.is_valid() else {}
    differing = []
    for name in fields:
        if name not in submitted:
            continue
        stored, mine = getattr(current, name), submitted[name]
        if not _same(stored, mine):
            differing.append(
                {
                    "name": name,
                    "label": field_label(model, name),
                    "stored": display_value(model, name, audit.snapshot(current, [name])[name]),
                    "mine": display_value(model, name, mine),
                }
            )
    return message, differing


def _same(a, b) -> bool:
    # 50.23 and the stored 50.230000 are the same coordinate; "" and None are both "not given".
    if a in (None, "") and b in (None, ""):
        return True
    if isinstance(a, Decimal) or isinstance(b, Decimal):
        try:
            return Decimal(str(a)) == Decimal(str(b))
        except (InvalidOperation, TypeError):
            return False
    return a == b
