"""Refreshing a loaded demo (``manage.py load_demo --refresh``) without overwriting anyone's change
(decision 0021).

The demo's loader finds its records again by a stable key and writes what differs, which on its own
would revert a person's edit of a demo record and re-create a demo record someone deleted or renamed
as a duplicate. A refresh therefore runs the loader between two pictures of every table and keeps
only the writes it may make:

- updates of demo records nobody changed since the demo wrote them, and records new to the demo;
- a record a person changed is left as it was — changed means an audit entry with an actor, or an
  ``updated_at`` later than the demo's last audit entry for it (a change made without the trail);
- a record the demo created before (its create entry in the trail names it) and that is now gone or
  named otherwise is not created again, nor what the loader hung on the copy.

Everything happens in one transaction; the refresh's own audit entries for what it gave back are
removed with it, so the trail tells only what stayed.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.apps import apps
from django.core import serializers
from django.db import models, transaction
from django.db.models import Max, Q

from inducult.core.models import AuditAction, AuditEntry
from inducult.demo.loader import load_demo

Key = tuple[str, str]  # (model label "network.organisation", primary key as text): how the trail names a row


@dataclass
class Refresh:
    """What a refresh did: the records it created and updated (per the trail), the records it left
    alone because a person changed them, and the demo records it did not re-create."""

    created: int = 0
    updated: int = 0
    left_alone: list[str] = field(default_factory=list)
    not_recreated: list[str] = field(default_factory=list)


def _models() -> list[type[models.Model]]:
    return [
        model
        for model in apps.get_models()
        if model.__module__.startswith("inducult.") and model is not AuditEntry and not model._meta.proxy
    ]


def _picture() -> dict[Key, dict]:
    """Every row of the project's tables (the trail aside), serialised with its many-to-many links."""
    rows = {}
    for model in _models():
        for item in serializers.serialize("python", model._default_manager.all()):
            rows[model._meta.label_lower, str(item["pk"])] = item
    return rows


def _changed_by_people() -> set[Key]:
    """Rows a person changed: named by an audit entry with an actor, or saved after the demo's last
    entry for them."""
    with_actor = AuditEntry.objects.filter(Q(actor__isnull=False) | ~Q(actor_name=""))
    touched = set(with_actor.values_list("object_type", "object_id"))
    last_demo_write = {
        (row["object_type"], row["object_id"]): row["last"]
        for row in AuditEntry.objects.filter(actor__isnull=True, actor_name="")
        .values("object_type", "object_id")
        .annotate(last=Max("created_at"))
    }
    for model in _models():
        if "updated_at" not in {f.name for f in model._meta.concrete_fields}:
            continue
        label = model._meta.label_lower
        for pk, updated_at in model._default_manager.values_list("pk", "updated_at"):
            last = last_demo_write.get((label, str(pk)))
            if last is not None and updated_at is not None and updated_at > last + datetime.timedelta(seconds=1):
                touched.add((label, str(pk)))
    return touched


def _label(row: dict) -> str:
    """A serialised row as the reader knows it: its kind and its name."""
    obj = next(serializers.deserialize("python", [row])).object
    return f"{obj._meta.verbose_name}: {obj}"


def _gone_or_renamed(object_type: str, pk: str, name: str) -> bool:
    """Whether the row the demo created as ``name`` is gone or now called otherwise."""
    obj = apps.get_model(object_type)._default_manager.filter(pk=pk).first()
    return obj is None or str(obj) != name


def _references(row: dict, targets: set[Key]) -> bool:
    """Whether a serialised row points at one of ``targets`` by a foreign key or a many-to-many link."""
    model = apps.get_model(row["model"])
    for f in model._meta.concrete_fields:
        value = row["fields"].get(f.name) if f.is_relation else None
        if value is not None and (f.related_model._meta.label_lower, str(value)) in targets:
            return True
    for f in model._meta.many_to_many:
        label = f.related_model._meta.label_lower
        if any((label, str(pk)) in targets for pk in row["fields"].get(f.name, [])):
            return True
    return False


@transaction.atomic
def refresh_demo(*, today: datetime.date | None = None) -> Refresh:
    """Bring the demo records nobody changed up to date with the demo's data; see the module."""
    first_new_entry = (AuditEntry.objects.aggregate(last=Max("id"))["last"] or 0) + 1
    people = _changed_by_people()
    demo_created: dict[tuple[str, str], set[str]] = defaultdict(set)
    for object_type, object_id, object_repr in AuditEntry.objects.filter(
        action=AuditAction.CREATE, actor__isnull=True, actor_name=""
    ).values_list("object_type", "object_id", "object_repr"):
        demo_created[object_type, object_repr].add(object_id)
    before = _picture()
    load_demo(actor=None, today=today)
    entries = AuditEntry.objects.filter(id__gte=first_new_entry)

    # Demo records created again although the demo created them once: someone deleted or renamed them.
    recreated: dict[Key, str] = {}
    for object_type, object_id, object_repr in entries.filter(action=AuditAction.CREATE).values_list(
        "object_type", "object_id", "object_repr"
    ):
        key = (object_type, object_id)
        earlier = demo_created.get((object_type, object_repr), set()) - {object_id}
        if key not in before and any(_gone_or_renamed(object_type, pk, object_repr) for pk in earlier):
            recreated[key] = f"{apps.get_model(object_type)._meta.verbose_name}: {object_repr}"
    after = _picture()
    # And the new rows tied to those copies either way (a copy's participants, the engagement a copied
    # activity reports), though they bear a name that still exists.
    growing = True
    while growing:
        copies = set(recreated)
        hung = {
            key: _label(row)
            for key, row in after.items()
            if key not in before
            and key not in recreated
            and (_references(row, copies) or any(_references(after[copy], {key}) for copy in copies if copy in after))
        }
        recreated.update(hung)
        growing = bool(hung)
    give_back = {
        key
        for key, row in before.items()
        if after.get(key) != row and (key in people or (key in after and _references(after[key], set(recreated))))
    }
    for object_type, object_id in recreated:
        apps.get_model(object_type)._default_manager.filter(pk=object_id).delete()
    now = _picture()
    # What deleting the copies took with it, and what a person changed, goes back as it was.
    give_back |= {key for key, row in before.items() if key not in now}
    for key in sorted(give_back):
        next(serializers.deserialize("python", [before[key]])).save()
    gone = {key for key in now.keys() | after.keys() if key not in before and key not in now}
    for object_type, object_id in give_back | gone | set(recreated):
        entries.filter(object_type=object_type, object_id=object_id).delete()
    created = set(entries.filter(action=AuditAction.CREATE).values_list("object_type", "object_id"))
    updated = set(entries.values_list("object_type", "object_id")) - created
    return Refresh(
        created=len(created),
        updated=len(updated),
        left_alone=sorted(_label(before[key]) for key in give_back if key in people),
        not_recreated=sorted(recreated.values()),
    )
