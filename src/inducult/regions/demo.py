"""The demo's regions: a region created or brought up to date from a record, audited.

The demo loads its own region and a partner region (practices' Saxony) this way; the record is keyed
by its slug, and only the fields that differ are written, so a second run writes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from inducult.core import audit
from inducult.core.demo import CREATED, UPDATED, differences
from inducult.core.models import AuditAction
from inducult.regions.models import Region

REGION_FIELDS = (
    "name",
    "country",
    "languages",
    "default_language",
    "time_zone",
    "description",
    "translations",
    "source",
)


def ensure_region(record: Mapping[str, Any], *, actor=None) -> tuple[Region, str]:
    """The region of ``record`` (keyed by its slug), created or brought up to date and audited;
    returns it with ``CREATED``, ``UPDATED`` or "" (see ``core.demo``)."""
    # A region's record may leave out translations (a partner region's has none).
    data = {name: record[name] for name in REGION_FIELDS if name != "translations"}
    data["translations"] = record.get("translations", {})
    region = Region.objects.filter(slug=record["slug"]).first()
    if region is None:
        region = Region(slug=record["slug"], **data)
        region.full_clean()
        region.save()
        audit.record_created(actor=actor, instance=region, region=region, values=audit.snapshot(region, REGION_FIELDS))
        return region, CREATED
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
    return region, UPDATED
