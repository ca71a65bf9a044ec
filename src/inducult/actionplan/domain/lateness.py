"""Whether an activity is late, from its status, its period and today (pure: no Django imports).

Two ways to be late:
- ``not_started``: still an idea, planned or applied for, but its start date has passed;
- ``overrunning``: running after its last day.
Done and dropped activities are never late, nor is one without a period.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from enum import StrEnum

NOT_STARTED_STATUSES = frozenset({"idea", "planned", "applied"})
# Finished one way or the other: never late, no longer in the calendar or among fundable activities.
CLOSED_STATUSES = frozenset({"done", "dropped"})


class LateCode(StrEnum):
    NOT_STARTED = "not_started"
    OVERRUNNING = "overrunning"


@dataclass(frozen=True)
class Lateness:
    code: LateCode
    since: datetime.date  # the day it should have started, or the last day of the period
    days: int  # days since then, at least 1


def lateness(
    *, status: str, starts_on: datetime.date | None, ends_on: datetime.date | None, today: datetime.date
) -> Lateness | None:
    """How the activity is late on ``today``, or None if it is not."""
    if status in NOT_STARTED_STATUSES and starts_on is not None and starts_on < today:
        return Lateness(LateCode.NOT_STARTED, starts_on, (today - starts_on).days)
    if status == "running" and ends_on is not None and ends_on < today:
        return Lateness(LateCode.OVERRUNNING, ends_on, (today - ends_on).days)
    return None


def years_of(starts_on: datetime.date | None, ends_on: datetime.date | None) -> range:
    """The calendar years a period touches (empty without a period)."""
    if starts_on is None or ends_on is None or ends_on < starts_on:
        return range(0)
    return range(starts_on.year, ends_on.year + 1)
