"""Loading a demo's good practices through the library's business actions, so the trail shows each
record: a region's own practices, and a partner region with the practices it shares.

The demo app holds the data and passes it in as the records below. Idempotent: the partner region is
found by its slug and practices by their ``external_id``; a record is only written when one of its
fields differs, so a second run writes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from inducult.core.demo import CREATED, UPDATED, differences
from inducult.network.models import Organisation
from inducult.practices.models import GoodPractice
from inducult.practices.services import library
from inducult.regions.demo import ensure_region


@dataclass(frozen=True)
class PracticeRecord:
    key: str
    title: str
    theme: str
    language: str
    summary: str
    results: str
    source: str
    contact: str | None = None  # demo key of the contact organisation
    shared: bool = False
    translations: dict[str, dict[str, str]] = field(default_factory=dict)
    is_sample: bool = False

    def data(self, organisations) -> dict[str, Any]:
        return {
            "title": self.title,
            "theme": self.theme,
            "language": self.language,
            "summary": self.summary,
            "results": self.results,
            "source": self.source,
            "contact_organisation": organisations.get(self.contact) if self.contact else None,
            "translations": self.translations,
            "is_sample": self.is_sample,
        }


def _load(record: PracticeRecord, *, region, organisations, actor, counts) -> GoodPractice:
    data = record.data(organisations)
    practice = GoodPractice.objects.filter(region=region, external_id=record.key).first()
    created = practice is None
    changed = {}
    if created:
        practice = library.create_practice(region=region, actor=actor, data={"external_id": record.key, **data})
    else:
        changed = differences(practice, data)
        if changed:
            practice = library.update_practice(practice=practice, actor=actor, data=changed, version=practice.version)
    shared_changed = practice.shared != record.shared
    if shared_changed:
        practice = library.set_shared(practice=practice, actor=actor, shared=record.shared)
    if created:
        counts["created"] += 1
    elif changed or shared_changed:
        counts["updated"] += 1
    counts["practices"] += 1
    return practice


@transaction.atomic
def load_practices(
    *,
    region,
    organisations: Mapping[str, Organisation],
    records: Iterable[PracticeRecord],
    partner_region: Mapping[str, Any],
    partner_records: Iterable[PracticeRecord],
    actor=None,
) -> dict[str, int]:
    """Load ``records`` into ``region``, and the partner region (created or brought up to date from its
    record, ``regions.demo.ensure_region``) with its ``partner_records``. ``organisations`` are the
    demo's organisations by demo key (``network.demo.load_organisations``); a contact missing there is
    left empty, and the partner's practices have none. Returns counts of what was found and written."""
    counts = {"practices": 0, "created": 0, "updated": 0, "partner_region_created": 0, "partner_region_updated": 0}
    for record in records:
        _load(record, region=region, organisations=organisations, actor=actor, counts=counts)
    partner, outcome = ensure_region(partner_region, actor=actor)
    counts["partner_region_created"] = int(outcome == CREATED)
    counts["partner_region_updated"] = int(outcome == UPDATED)
    for record in partner_records:
        _load(record, region=partner, organisations={}, actor=actor, counts=counts)
    return counts
