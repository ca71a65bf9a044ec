"""Loading a demo's engagements through the log's business actions, so the trail shows each record:
engagements that took place (real ones, from a source) and a made-up history of samples with their
participants and follow-up tasks.

The demo app holds the data and passes it in as the records below. Idempotent: real engagements are
found again by kind and start, samples by their sample source, kind and start; a record is only
written when one of its fields differs, so a second run on the same day writes nothing. A sample
deleted by hand stays deleted.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from inducult.core.demo import differences
from inducult.engagement.enums import EngagementStatus, Visibility
from inducult.engagement.models import Engagement
from inducult.engagement.services.engagements import (
    add_follow_up_task,
    add_participant,
    create_engagement,
    ensure_topics,
    update_engagement,
)
from inducult.network.models import Organisation, Person


@dataclass(frozen=True)
class EngagementRecord:
    """An engagement the strategy reports as having happened. Only what it states: no time of day,
    place or participants where it names none."""

    kind: str
    date: datetime.date
    title: str
    title_en: str
    outcomes: str
    outcomes_en: str
    source: str


@dataclass(frozen=True)
class TaskRecord:
    title: str
    owner: str  # e-mail of a sample person
    due_after_days: int  # counted from the engagement's date


@dataclass(frozen=True)
class SampleEngagement:
    kind: str
    when: datetime.datetime  # naive local time in the region's zone
    title: str
    organisations: tuple[str, ...] = ()  # demo organisation keys
    topics: tuple[str, ...] = ()
    goals: tuple[str, ...] = ()  # strategic goal codes
    place: str = ""
    outcomes: str = ""
    public: bool = False
    tasks: tuple[TaskRecord, ...] = ()

    def held_on(self, today: datetime.date) -> bool:
        return self.when.date() < today


def load_real_engagements(*, region, records: Iterable[EngagementRecord], actor=None, counts: Counter[str]) -> None:
    """Engagements reported as held: real facts with their source, public, dated to the day. Counts
    ``engagements``, ``engagements_created`` and ``engagements_updated``."""
    for record in records:
        starts_at = region.start_of_day(record.date)
        data = {
            "kind": record.kind,
            "status": EngagementStatus.HELD.value,
            "title": record.title,
            "starts_at": starts_at,
            "date_only": True,
            "outcomes": record.outcomes,
            "visibility": Visibility.PUBLIC.value,
            "translations": {"title": {"en": record.title_en}, "outcomes": {"en": record.outcomes_en}},
            "source": record.source,
            "is_sample": False,
        }
        engagement = Engagement.objects.filter(
            region=region, is_sample=False, kind=record.kind, starts_at=starts_at
        ).first()
        if engagement is None:
            create_engagement(region=region, actor=actor, data=data)
            counts["engagements_created"] += 1
        else:
            changed = differences(engagement, data)
            if changed:
                update_engagement(engagement=engagement, actor=actor, data=changed, version=engagement.version)
                counts["engagements_updated"] += 1
        counts["engagements"] += 1


def _sample_data(record: SampleEngagement, *, source: str, tz, today: datetime.date) -> dict[str, Any]:
    held = record.held_on(today)
    return {
        "kind": record.kind,
        "status": (EngagementStatus.HELD if held else EngagementStatus.PLANNED).value,
        "title": record.title,
        "starts_at": record.when.replace(tzinfo=tz),
        "date_only": False,
        "place_text": record.place,
        "outcomes": record.outcomes if held else "",
        "visibility": (Visibility.PUBLIC if record.public else Visibility.INTERNAL).value,
        "source": source,
        "is_sample": True,
    }


def _add_sample_details(engagement, record, *, organisations, people, actor) -> None:
    """Participants always; follow-up tasks once the engagement has been held."""
    if not engagement.participants.exists():
        for key in record.organisations:
            add_participant(engagement=engagement, actor=actor, organisation=organisations[key])
    if engagement.status == EngagementStatus.HELD and record.tasks and not engagement.tasks.exists():
        for task in record.tasks:
            add_follow_up_task(
                engagement=engagement,
                actor=actor,
                title=task.title,
                owner=people[task.owner],
                due_date=record.when.date() + datetime.timedelta(days=task.due_after_days),
            )


def load_sample_engagements(
    *,
    region,
    records: Iterable[SampleEngagement],
    source: str,
    topics: Sequence[str],
    goals: Mapping[str, Any],
    organisations: Mapping[str, Organisation],
    actor=None,
    counts: Counter[str],
    today: datetime.date,
) -> None:
    """Made-up engagements, marked as samples with ``source``, through the business actions so the
    trail shows each. Held or planned follows ``today``: loaded on a later day, a planned sample whose
    date has passed becomes held. ``topics`` are the region's topics the samples use (made when the
    first sample is); ``goals`` the strategic goals by code (the log's relation, reached without
    importing strategy, which sits above it); ``organisations`` the participants by key, and the
    tasks' owners are the region's sample people by e-mail. Counts ``samples``, ``samples_created``
    and ``samples_updated``."""
    tz = region.tz
    manager = getattr(Engagement, "all_objects", Engagement.objects)  # a sample deleted by hand stays deleted
    existing = {(e.kind, e.starts_at): e for e in manager.filter(region=region, is_sample=True, source=source)}
    people = {p.email.lower(): p for p in Person.objects.filter(region=region, is_sample=True)}
    region_topics: dict[str, Any] | None = None
    for record in records:
        data = _sample_data(record, source=source, tz=tz, today=today)
        engagement = existing.get((record.kind, data["starts_at"]))
        if engagement is None:
            if region_topics is None:
                region_topics = {t.name: t for t in ensure_topics(region=region, actor=actor, names=topics)}
            engagement = create_engagement(
                region=region,
                actor=actor,
                data=data,
                topics=[region_topics[name] for name in record.topics],
                goals=[goals[code] for code in record.goals if code in goals],
            )
            counts["samples_created"] += 1
            _add_sample_details(engagement, record, organisations=organisations, people=people, actor=actor)
        elif getattr(engagement, "deleted_at", None) is None:
            changed = differences(engagement, data)
            if changed:
                engagement = update_engagement(
                    engagement=engagement, actor=actor, data=changed, version=engagement.version
                )
                counts["samples_updated"] += 1
                _add_sample_details(engagement, record, organisations=organisations, people=people, actor=actor)
        counts["samples"] += 1
