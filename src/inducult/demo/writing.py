"""Writing demo records idempotently, shared by the demo loader and the apps' own demo functions
(actionplan, practices): what differs from the record, and a region created or brought up to date."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from inducult.core import audit
from inducult.core.models import AuditAction
from inducult.regions.models import Region

REGION_FIELDS = ("name", "country", "languages", "default_language", "time_zone", "description", "source")


def differences(instance, data: Mapping[str, Any]) -> dict[str, Any]:
    """The fields of ``data`` whose values differ from the instance's."""
    return {name: value for name, value in data.items() if getattr(instance, name) != value}


def ensure_region(record: Mapping[str, Any], *, actor=None) -> tuple[Region, str]:
    """The region of ``record`` (keyed by its slug), created or brought up to date and audited;
    returns it with "created", "updated" or ""."""
    data = {name: record[name] for name in REGION_FIELDS}
    region = Region.objects.filter(slug=record["slug"]).first()
    if region is None:
        region = Region(slug=record["slug"], **data)
        region.full_clean()
        region.save()
        audit.record(
            actor=actor,
            action=AuditAction.CREATE,
            instance=region,
            region=region,
            changes=audit.created(audit.snapshot(region, REGION_FIELDS)),
        )
        return region, "created"
    changed = differences(region, data)
    if not changed:
        return region, ""
    before = audit.snapshot(region, REGION_FIELDS)
    for name, value in changed.items():
        setattr(region, name, value)
    region.full_clean()
    region.save(update_fields=list(changed))
    audit.record(
        actor=actor,
        action=AuditAction.CHANGE,
        instance=region,
        region=region,
        changes=audit.diff(before, audit.snapshot(region, REGION_FIELDS)),
    )
    return region, "updated"
