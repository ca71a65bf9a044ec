"""Loading a demo's tour starts (the planner's starting points), validated and audited so the trail
shows each record.

The demo app holds the data and passes it in as the records below. Idempotent: a start is found again
by its region and name, and only written when one of its fields differs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from inducult.core.demo import ensure_record, tally
from inducult.tours.models import TourStart


@dataclass(frozen=True)
class TourStartRecord:
    name: str  # the key it is found again by in the region
    data: dict[str, Any]  # its other fields


def load_tour_starts(*, region, records: Iterable[TourStartRecord], actor=None, counts: Counter[str]) -> None:
    """Counts ``tour_starts_created`` and ``tour_starts_updated``."""
    for record in records:
        _start, outcome = ensure_record(
            TourStart, lookup={"region": region, "name": record.name}, data=record.data, region=region, actor=actor
        )
        tally(counts, "tour_starts", outcome)
