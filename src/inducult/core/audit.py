"""Recording audit entries. Business actions (``<app>.services``) call ``record`` inside their transaction.

An entry's changes are ``{field: [before, after]}``: for an edit from ``diff``, for a created or
deleted record from ``created`` and ``deleted``. Those two are the one place that decides which of a
record's values the trail shows (``is_empty``) and how a hidden value reads (``HIDDEN``), so that a
new or removed record reads the same in the audit log whichever app, import or demo wrote it.
"""

from __future__ import annotations

import datetime
import decimal
from collections.abc import Collection, Iterable, Mapping
from typing import Any

from django.db import models

from inducult.core.models import AuditAction, AuditEntry
from inducult.core.text import search_key


def _plain(value: Any) -> Any:
    """A JSON-safe form of a field value, readable in the trail."""
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, datetime.datetime) and value.utcoffset() is not None:
        # One instant, one text: a moment read back from the database (UTC) equals the one given.
        return value.astimezone(datetime.UTC).isoformat()
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def snapshot(instance: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    return {name: _plain(getattr(instance, name)) for name in fields}


# A value the entry must not keep (personal data: the trail would otherwise be a second copy of it
# that survives an erasure); the entry says the field was filled, not with what.
HIDDEN = "…"


def is_empty(value: Any) -> bool:
    """Whether a created or deleted record's value says nothing, so its entry leaves it out: None,
    "", an empty list or dict, and False.

    False is empty because a box left unticked is a boolean's default: a new record's "sample: no"
    or a deleted one's "date only: no" tells a reader of the trail nothing the missing row does not
    (the record is re-entered the same from either), while listing every unticked flag buries the
    values someone did set. It is tested by identity, so 0 (no pupils, a zero budget) is a value
    someone entered and stays.
    """
    if value is None or value is False:
        return True
    return isinstance(value, str | list | tuple | dict) and not value


def _filled(values: Mapping[str, Any], hidden: Collection[str]) -> dict[str, Any]:
    return {name: HIDDEN if name in hidden else _plain(value) for name, value in values.items() if not is_empty(value)}


def created(values: Mapping[str, Any], *, hidden: Collection[str] = ()) -> dict[str, list[Any]]:
    """The changes of a record created with ``values``: each one that is not empty as [None, value];
    the fields named in ``hidden`` as [None, HIDDEN]."""
    return {name: [None, value] for name, value in _filled(values, hidden).items()}


def deleted(values: Mapping[str, Any], *, hidden: Collection[str] = ()) -> dict[str, list[Any]]:
    """The changes of a record deleted with ``values``: each one that is not empty as [value, None],
    so the entry keeps what was removed; the fields named in ``hidden`` as [HIDDEN, None]."""
    return {name: [value, None] for name, value in _filled(values, hidden).items()}


def diff(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, list[Any]]:
    return {k: [before.get(k), after.get(k)] for k in after if before.get(k) != after.get(k)}


def object_type(instance: models.Model) -> str:
    return instance._meta.label_lower


def record(
    *,
    actor,
    action: AuditAction,
    instance: models.Model | None = None,
    region=None,
    changes: Mapping[str, Any] | None = None,
    summary: str = "",
    object_type_label: str = "",
) -> AuditEntry:
    user = actor if getattr(actor, "is_authenticated", False) else None
    actor_name = user.get_username() if user else ""
    obj_type = object_type(instance) if instance is not None else object_type_label
    obj_repr = str(instance)[:300] if instance is not None else ""
    entry = AuditEntry(
        region=region if region is not None else getattr(instance, "region", None),
        actor=user,
        actor_name=actor_name,
        action=action,
        object_type=obj_type,
        object_id=str(instance.pk) if instance is not None and instance.pk is not None else "",
        object_repr=obj_repr,
        changes=dict(changes or {}),
        summary=summary[:500],
    )
    entry.search_text = search_key(actor_name, obj_repr, summary, obj_type, " ".join(entry.changes))
    entry.save()
    return entry


def record_created(
    *,
    actor,
    instance: models.Model,
    values: Mapping[str, Any],
    region=None,
    summary: str = "",
    hidden: Collection[str] = (),
) -> AuditEntry:
    """The entry of a record created with ``values`` (see ``created``)."""
    return record(
        actor=actor,
        action=AuditAction.CREATE,
        instance=instance,
        region=region,
        changes=created(values, hidden=hidden),
        summary=summary,
    )


def record_deleted(
    *,
    actor,
    instance: models.Model,
    values: Mapping[str, Any],
    region=None,
    summary: str = "",
    hidden: Collection[str] = (),
) -> AuditEntry:
    """The entry of a record deleted with ``values`` (see ``deleted``). Call it before the row is
    deleted, so that the entry keeps the record's id."""
    return record(
        actor=actor,
        action=AuditAction.DELETE,
        instance=instance,
        region=region,
        changes=deleted(values, hidden=hidden),
        summary=summary,
    )


def history(instance: models.Model):
    """Entries about one record, newest first."""
    return AuditEntry.objects.filter(object_type=object_type(instance), object_id=str(instance.pk)).select_related(
        "actor"
    )
