"""Writing demo records idempotently: what every app's ``demo.py`` shares.

An app's demo loader finds each record again by a stable key and writes only what differs, so a
second run writes no rows and no audit entries. Two pieces of that are the same in every app, so they
are here once: which of a record's fields differ from the stored instance (``differences``), and the
audited find, create or update of a record that has no business action of its own (``ensure_record``:
a strategy's goals, a site, a tour start …). Records that do have business actions are written
through them by the app's loader, which uses ``differences`` to decide whether to call them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from django.db import models

from inducult.core import audit
from inducult.core.models import AuditAction

CREATED = "created"
UPDATED = "updated"


def differences(instance, data: Mapping[str, Any]) -> dict[str, Any]:
    """The fields of ``data`` whose values differ from the instance's."""
    return {name: value for name, value in data.items() if getattr(instance, name) != value}


def tally(counts: Counter[str], name: str, outcome: str) -> None:
    """Count what ``ensure_record`` did as ``<name>_created`` or ``<name>_updated`` (nothing when it
    wrote nothing)."""
    if outcome:
        counts[f"{name}_{outcome}"] += 1


def _labels(related: Iterable[models.Model]) -> list[str]:
    """Linked records in the trail: goals by their code."""
    return sorted(getattr(obj, "code", None) or str(obj) for obj in related)


def ensure_record(
    model: type[models.Model],
    *,
    lookup: Mapping[str, Any],
    data: Mapping[str, Any],
    region,
    actor=None,
    links: Mapping[str, list] | None = None,
) -> tuple[models.Model, str]:
    """The record found by ``lookup``, created or brought up to date with ``data`` and the
    many-to-many ``links``; each write is validated and audited in ``region``'s trail. Returns the
    record with ``CREATED``, ``UPDATED`` or "" (nothing differed, nothing written)."""
    links = links or {}
    instance = model.objects.filter(**lookup).first()
    if instance is None:
        instance = model(**lookup, **data)
        instance.full_clean()
        instance.save()
        for name, related in links.items():
            getattr(instance, name).set(related)
        values = {**audit.snapshot(instance, data), **{n: _labels(r) for n, r in links.items()}}
        audit.record_created(actor=actor, instance=instance, region=region, values=values)
        return instance, CREATED
    changed = differences(instance, data)
    changed_links = {
        name: related for name, related in links.items() if set(getattr(instance, name).all()) != set(related)
    }
    if not changed and not changed_links:
        return instance, ""
    before = {
        **audit.snapshot(instance, changed),
        **{n: _labels(list(getattr(instance, n).all())) for n in changed_links},
    }
    for name, value in changed.items():
        setattr(instance, name, value)
    instance.full_clean()
    instance.save()
    for name, related in changed_links.items():
        getattr(instance, name).set(related)
    after = {**audit.snapshot(instance, changed), **{n: _labels(r) for n, r in changed_links.items()}}
    audit.record(
        actor=actor, action=AuditAction.CHANGE, instance=instance, region=region, changes=audit.diff(before, after)
    )
    return instance, UPDATED
