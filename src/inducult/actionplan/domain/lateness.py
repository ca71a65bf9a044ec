"""Whether an activity is late, or nobody has said, from its status, its period, the day its state
was last reported and today (pure: no Django imports).

An activity's status says something only as of the day someone reported it (saved it through its
form: ``Activity.reported_on``). Records loaded from a document (the strategy's action-plan tables)
were never reported on: they say what was planned, not what happened.

Once an activity's status says it should have moved on (still an idea, planned or applied for after
its start date; running after its last day):
- ``not_reported``: nobody has reported its state since that date (or ever): it may well have
  started or ended, we do not know, so it is not called late;
- ``not_started``: a report after its start date still says idea, planned or applied for;
- ``overrunning``: a report after its last day still says running.
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
    NOT_REPORTED = "not_reported"


@dataclass(frozen=True)
class Span:
    """A duration in whole years, months and days (calendar months, as people count them)."""

    years: int
    months: int
    days: int


def span(start: datetime.date, end: datetime.date) -> Span:
    """From ``start`` to ``end`` (not before it) in whole years and months, and the days left over;
    a month from 31 January is reached on the last day of February."""
    if end < start:
        raise ValueError(f"end {end} is before start {start}")
    months = (end.year - start.year) * 12 + end.month - start.month
    if _add_months(start, months) > end:
        months -= 1
    days = (end - _add_months(start, months)).days
    return Span(months // 12, months % 12, days)


def _add_months(day: datetime.date, months: int) -> datetime.date:
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return datetime.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


@dataclass(frozen=True)
class Lateness:
    code: LateCode
    since: datetime.date  # the day it should have started, or the last day of the period
    days: int  # days since then, at least 1
    reported_on: datetime.date | None = None  # the last report (None: never reported)
    since_start: bool = True  # `since` is the start date (else the period's last day)

    @property
    def duration(self) -> Span:
        """How long since ``since``, in years and months."""
        return span(self.since, self.since + datetime.timedelta(days=self.days))


def lateness(
    *,
    status: str,
    starts_on: datetime.date | None,
    ends_on: datetime.date | None,
    reported_on: datetime.date | None,
    today: datetime.date,
) -> Lateness | None:
    """How the activity is late (or unreported) on ``today``, or None if its status is not overdue.

    ``reported_on`` is the day its state was last reported, None if never: it must be passed, since
    an activity nobody reported on is never called late.
    """
    if status in NOT_STARTED_STATUSES and starts_on is not None and starts_on < today:
        code, since, since_start = LateCode.NOT_STARTED, starts_on, True
    elif status == "running" and ends_on is not None and ends_on < today:
        code, since, since_start = LateCode.OVERRUNNING, ends_on, False
    else:
        return None
    # A report on the day itself says what was true before it moved on: it confirms nothing.
    if reported_on is None or reported_on <= since:
        code = LateCode.NOT_REPORTED
    return Lateness(code, since, (today - since).days, reported_on=reported_on, since_start=since_start)


def years_of(starts_on: datetime.date | None, ends_on: datetime.date | None) -> range:
    """The calendar years a period touches (empty without a period)."""
    if starts_on is None or ends_on is None or ends_on < starts_on:
        return range(0)
    return range(starts_on.year, ends_on.year + 1)
