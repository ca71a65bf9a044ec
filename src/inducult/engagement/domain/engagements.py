"""Business actions on the engagement log: each validates, writes, audits and returns in one transaction.

Records of another region (a participant, the host organisation, a topic, a strategic goal, a
task's owner) are refused with a ValidationError naming them, before anything is written.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from inducult.core import audit
from inducult.core.models import AuditAction
from inducult.engagement.models import Engagement, EngagementParticipant, FollowUpTask


class EngagementEditConflict(Exception):
    """Someone else saved the engagement after this edit began; nothing was written."""

    def __init__(self, current: Engagement):
        super().__init__(_("This engagement was changed by someone else while you were editing it."))
        self.current = current


def _labels(objects: Iterable) -> list[str]:
    return sorted(str(obj) for obj in objects)


def _links(engagement: Engagement) -> dict[str, list[str]]:
    return {"topics": _labels(engagement.topics.all()), "goals": _labels(engagement.goals.all())}


@transaction.atomic
def create_engagement(
    *, region, actor, data: Mapping[str, Any], topics: Iterable = (), goals: Iterable = ()
) -> Engagement:
    topics, goals = list(topics), list(goals)
    engagement = Engagement(region=region, **data)
    engagement.full_clean()
    engagement.check_links(topics=topics, goals=goals)
    engagement.save()
    engagement.topics.set(topics)
    engagement.goals.set(goals)
    after = {**audit.snapshot(engagement, Engagement.AUDITED_FIELDS), **_links(engagement)}
    audit.record(
        actor=actor,
        action=AuditAction.CREATE,
        instance=engagement,
        changes={k: [None, v] for k, v in after.items() if v not in ("", [], None, {})},
    )
    return engagement


@transaction.atomic
def update_engagement(
    *,
    engagement: Engagement,
    actor,
    data: Mapping[str, Any],
    version: int,
    topics: Iterable | None = None,
    goals: Iterable | None = None,
) -> Engagement:
    """Apply ``data`` (and the links given) if the engagement is still at ``version``; raise
    EngagementEditConflict otherwise. ``topics`` or ``goals`` left as None are not changed."""
    before = {**audit.snapshot(engagement, Engagement.AUDITED_FIELDS), **_links(engagement)}
    for field, value in data.items():
        setattr(engagement, field, value)
    engagement.full_clean()
    topics = None if topics is None else list(topics)
    goals = None if goals is None else list(goals)
    engagement.check_links(topics=topics or (), goals=goals or ())
    # full_clean() may normalise fields it was not given (a date-only start), so all are written.
    values = {f: getattr(engagement, f) for f in Engagement.AUDITED_FIELDS}
    updated = Engagement.objects.filter(pk=engagement.pk, version=version).update(
        **values, version=F("version") + 1, updated_at=timezone.now()
    )
    if updated != 1:
        raise EngagementEditConflict(Engagement.objects.get(pk=engagement.pk))
    if topics is not None:
        engagement.topics.set(topics)
    if goals is not None:
        engagement.goals.set(goals)
    engagement.refresh_from_db()
    changes = audit.diff(before, {**audit.snapshot(engagement, Engagement.AUDITED_FIELDS), **_links(engagement)})
    if changes:
        audit.record(actor=actor, action=AuditAction.CHANGE, instance=engagement, changes=changes)
    return engagement


@transaction.atomic
def add_participant(
    *, engagement: Engagement, actor, organisation=None, person=None, role: str = ""
) -> EngagementParticipant:
    participant = EngagementParticipant(engagement=engagement, organisation=organisation, person=person, role=role)
    participant.full_clean()
    participant.save()
    # A person is named by id only: the trail must not keep a copy of personal data past an erasure.
    audit.record(
        actor=actor,
        action=AuditAction.CREATE,
        instance=participant,
        region=engagement.region,
        summary=str(engagement)[:200],
        changes={
            "organisation": [None, str(organisation) if organisation else None],
            "person": [None, person.pk if person else None],
            "role": [None, role],
        },
    )
    return participant


@transaction.atomic
def add_follow_up_task(*, engagement: Engagement, actor, title: str, owner=None, due_date=None) -> FollowUpTask:
    task = FollowUpTask(engagement=engagement, title=title, owner=owner, due_date=due_date)
    task.full_clean()
    task.save()
    audit.record(
        actor=actor,
        action=AuditAction.CREATE,
        instance=task,
        region=engagement.region,
        summary=str(engagement)[:200],
        changes={
            "title": [None, title],
            "owner": [None, owner.pk if owner else None],
            "due_date": [None, due_date.isoformat() if due_date else None],
        },
    )
    return task


@transaction.atomic
def mark_task_done(*, task: FollowUpTask, actor, done: bool = True) -> FollowUpTask:
    before = task.done_at
    if done == (before is not None):
        return task
    task.done_at = timezone.now() if done else None
    task.save(update_fields=["done_at", "updated_at"])
    audit.record(
        actor=actor,
        action=AuditAction.CHANGE,
        instance=task,
        region=task.engagement.region,
        changes={"done_at": [before.isoformat() if before else None, task.done_at.isoformat() if done else None]},
    )
    return task
