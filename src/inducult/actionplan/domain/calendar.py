"""The coordinator's calendar of the action plan: funding-call deadlines and openings, and the dates
activities should start and end. Pure (no Django): facts in, dated entries out; the feed and the page
render them."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from inducult.actionplan.domain.lateness import CLOSED_STATUSES, NOT_STARTED_STATUSES

# Days before a deadline that a subscribed calendar reminds of it: a week to prepare, a day to submit.
DEADLINE_REMINDERS = (7, 1)


@dataclass(frozen=True)
class CallFacts:
    id: int
    instrument: str
    title: str
    opens_on: datetime.date | None
    closes_on: datetime.date | None
    is_sample: bool = False


@dataclass(frozen=True)
class ActivityFacts:
    id: int
    title: str
    starts_on: datetime.date | None
    ends_on: datetime.date | None
    status: str
    is_sample: bool = False


@dataclass(frozen=True)
class Entry:
    uid: str
    day: datetime.date
    kind: str  # "call_closes", "call_opens", "activity_starts", "activity_ends"
    subject: str  # the instrument and call, or the activity's title
    record_id: int
    is_sample: bool
    reminders: tuple[int, ...] = ()


def entries(
    calls: Iterable[CallFacts], activities: Iterable[ActivityFacts], *, today: datetime.date, past_days: int = 60
) -> list[Entry]:
    """Every dated entry from ``past_days`` ago on, by date. Activities that are done or dropped have
    no dates left to keep; a call's opening is listed only while it is ahead."""
    since = today - datetime.timedelta(days=past_days)
    found = []
    for call in calls:
        subject = f"{call.instrument}: {call.title}" if call.title else call.instrument
        if call.closes_on and call.closes_on >= since:
            found.append(
                Entry(
                    f"call-{call.id}-closes",
                    call.closes_on,
                    "call_closes",
                    subject,
                    call.id,
                    call.is_sample,
                    DEADLINE_REMINDERS,
                )
            )
        if call.opens_on and call.opens_on >= today:
            found.append(Entry(f"call-{call.id}-opens", call.opens_on, "call_opens", subject, call.id, call.is_sample))
    for activity in activities:
        if activity.status in CLOSED_STATUSES:
            continue
        if activity.starts_on and activity.starts_on >= since and activity.status in NOT_STARTED_STATUSES:
            found.append(
                Entry(
                    f"activity-{activity.id}-starts",
                    activity.starts_on,
                    "activity_starts",
                    activity.title,
                    activity.id,
                    activity.is_sample,
                )
            )
        if activity.ends_on and activity.ends_on >= since:
            found.append(
                Entry(
                    f"activity-{activity.id}-ends",
                    activity.ends_on,
                    "activity_ends",
                    activity.title,
                    activity.id,
                    activity.is_sample,
                )
            )
    return sorted(found, key=lambda e: (e.day, e.kind, e.subject, e.uid))


def upcoming(all_entries: Iterable[Entry], *, today: datetime.date, days: int = 90) -> list[Entry]:
    end = today + datetime.timedelta(days=days)
    return [e for e in all_entries if today <= e.day <= end]
