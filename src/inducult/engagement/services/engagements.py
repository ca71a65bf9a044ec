"""Business actions on the engagement log: each validates, writes, audits and returns in one transaction.

Records of another region (a participant, the host organisation, a topic, a strategic goal, a
task's owner) are refused with a ValidationError naming them, before anything is written.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone

from inducult.core import audit
from inducult.core.models import AuditAction
from inducult.core.text import fold
from inducult.core.versioning import bump_version, update_if_version
from inducult.engagement.models import Attachment, Engagement, EngagementParticipant, FollowUpTask, Topic


def _labels(objects: Iterable) -> list[str]:
    return sorted(str(obj) for obj in objects)


def _links(engagement: Engagement) -> dict[str, list[str]]:
    return {"topics": _labels(engagement.topics.all()), "goals": _labels(engagement.goals.all())}


def _record_part(engagement: Engagement, actor, action: str, instance, changes: dict) -> None:
    """Audit a change to something hanging on an engagement (a participant, task or file): filed
    under the engagement's region and summarised by the engagement, which is how people look it up."""
    audit.record(
        actor=actor,
        action=action,
        instance=instance,
        region=engagement.region,
        summary=str(engagement)[:200],
        changes=changes,
    )


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
    audit.record_created(actor=actor, instance=engagement, values=after)
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
    ``EditConflict`` otherwise. ``topics`` or ``goals`` left as None are not changed."""
    before = {**audit.snapshot(engagement, Engagement.AUDITED_FIELDS), **_links(engagement)}
    for field, value in data.items():
        setattr(engagement, field, value)
    engagement.full_clean()
    topics = None if topics is None else list(topics)
    goals = None if goals is None else list(goals)
    engagement.check_links(topics=topics or (), goals=goals or ())
    # full_clean() may normalise fields it was not given (a date-only start), so all are written.
    engagement.refresh_derived()
    values = {f: getattr(engagement, f) for f in (*Engagement.AUDITED_FIELDS, "search_text")}
    update_if_version(engagement, version=version, values=values)
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
    _record_part(
        engagement,
        actor,
        AuditAction.CREATE,
        participant,
        audit.created({"organisation": organisation, "person": person.pk if person else None, "role": role}),
    )
    return participant


@transaction.atomic
def add_follow_up_task(*, engagement: Engagement, actor, title: str, owner=None, due_date=None) -> FollowUpTask:
    task = FollowUpTask(engagement=engagement, title=title, owner=owner, due_date=due_date)
    task.full_clean()
    task.save()
    _record_part(
        engagement,
        actor,
        AuditAction.CREATE,
        task,
        audit.created({"title": title, "owner": owner.pk if owner else None, "due_date": due_date}),
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


@transaction.atomic
def remove_participant(*, participant: EngagementParticipant, actor) -> None:
    engagement = participant.engagement
    _record_part(
        engagement,
        actor,
        AuditAction.DELETE,
        participant,
        audit.deleted(
            {
                "organisation": participant.organisation if participant.organisation_id else None,
                "person": participant.person_id,
                "role": participant.role,
            }
        ),
    )
    participant.delete()


@transaction.atomic
def set_participants(*, engagement: Engagement, actor, organisations: Iterable = (), people: Iterable = ()) -> None:
    """Make the engagement's organisations (taking part as such) and people exactly the ones given.

    Rows of a person keep the organisation they came on behalf of; a row is only added or removed,
    never rewritten, so each change has its own audit entry.
    """
    organisations = {org.pk: org for org in organisations}
    people = {person.pk: person for person in people}
    current = list(engagement.participants.all())
    for participant in current:
        if participant.person_id is None:
            kept = participant.organisation_id in organisations
        else:
            kept = participant.person_id in people
        if not kept:
            remove_participant(participant=participant, actor=actor)
    present_orgs = {p.organisation_id for p in current if p.person_id is None}
    present_people = {p.person_id for p in current if p.person_id is not None}
    for pk, org in organisations.items():
        if pk not in present_orgs:
            add_participant(engagement=engagement, actor=actor, organisation=org)
    for pk, person in people.items():
        if pk not in present_people:
            add_participant(engagement=engagement, actor=actor, person=person)


@transaction.atomic
def set_participant_role(*, participant: EngagementParticipant, actor, role: str) -> EngagementParticipant:
    """Say what a participant did ("host", "speaker", "guest"); audited when it changes."""
    role = " ".join(role.split())
    if role == participant.role:
        return participant
    before = participant.role
    participant.role = role
    participant.full_clean()
    participant.save(update_fields=["role"])
    _record_part(participant.engagement, actor, AuditAction.CHANGE, participant, {"role": [before, role]})
    return participant


def topic_key(name: str) -> str:
    return " ".join(fold(name).split())


@transaction.atomic
def ensure_topics(*, region, actor, names: Iterable[str]) -> list[Topic]:
    """The region's topics of these names, created (and audited) where missing. "lazne" finds an
    existing "Lázně": names are compared folded, as the topic's uniqueness is."""
    wanted = {}
    for name in names:
        name = " ".join(name.split())
        if name and topic_key(name) not in wanted:
            wanted[topic_key(name)] = name
    existing = {t.name_key: t for t in Topic.objects.filter(region=region, name_key__in=list(wanted))}
    topics = []
    for key, name in wanted.items():
        topic = existing.get(key)
        if topic is None:
            topic = Topic(region=region, name=name[:150])
            topic.full_clean()
            topic.save()
            audit.record_created(actor=actor, instance=topic, values={"name": topic.name})
        topics.append(topic)
    return topics


def _task_values(task: FollowUpTask) -> dict[str, Any]:
    return {
        "title": task.title,
        "owner": task.owner_id,
        "due_date": task.due_date.isoformat() if task.due_date else None,
    }


@transaction.atomic
def update_follow_up_task(*, task: FollowUpTask, actor, title: str, owner=None, due_date=None) -> FollowUpTask:
    before = _task_values(task)
    task.title, task.owner, task.due_date = title, owner, due_date
    task.full_clean()
    changes = audit.diff(before, _task_values(task))
    if changes:
        task.save()
        audit.record(
            actor=actor,
            action=AuditAction.CHANGE,
            instance=task,
            region=task.engagement.region,
            summary=str(task.engagement)[:200],
            changes=changes,
        )
    return task


@transaction.atomic
def delete_follow_up_task(*, task: FollowUpTask, actor) -> None:
    audit.record_deleted(
        actor=actor,
        instance=task,
        region=task.engagement.region,
        summary=str(task.engagement)[:200],
        values=_task_values(task),
    )
    task.delete()


@transaction.atomic
def add_attachment(*, engagement: Engagement, actor, file, description: str = "") -> Attachment:
    """Keep an uploaded file with the engagement; its type (by name and content) and size are checked."""
    attachment = Attachment(engagement=engagement, file=file, description=description)
    attachment.full_clean()
    attachment.save()
    _record_part(
        engagement,
        actor,
        AuditAction.CREATE,
        attachment,
        audit.created(
            {"file_name": attachment.file_name, "content_type": attachment.content_type, "size": attachment.size}
        ),
    )
    return attachment


@transaction.atomic
def delete_attachment(*, attachment: Attachment, actor) -> None:
    engagement = attachment.engagement
    _record_part(
        engagement,
        actor,
        AuditAction.DELETE,
        attachment,
        audit.deleted({"file_name": attachment.file_name, "size": attachment.size}),
    )
    attachment.delete()  # the stored file goes once the deletion is committed (models.delete_attachment_file)


def _contents(engagement: Engagement) -> dict[str, Any]:
    """What hangs on an engagement, for the trail of a deletion (people by id only)."""
    return {
        "participants": [str(p) for p in engagement.participants.all()],
        "tasks": [t.title for t in engagement.tasks.all()],
        "attachments": [str(a) for a in engagement.attachments.all()],
    }


@transaction.atomic
def delete_engagement(*, engagement: Engagement, actor) -> Engagement:
    """Delete softly: the engagement disappears from lists and stops counting toward the strategy at
    once, while the row and everything linked to it stay, so ``restore_engagement`` undoes it fully.
    The trail keeps a snapshot of what was deleted."""
    if engagement.deleted_at is not None:
        return engagement
    snapshot = {
        **audit.snapshot(engagement, Engagement.AUDITED_FIELDS),
        **_links(engagement),
        **_contents(engagement),
    }
    bump_version(engagement, deleted_at=timezone.now())
    audit.record(
        actor=actor,
        action=AuditAction.DELETE,
        instance=engagement,
        changes={
            **audit.deleted(snapshot),
            "deleted_at": [None, engagement.deleted_at.isoformat()],
        },
    )
    return engagement


@transaction.atomic
def restore_engagement(*, engagement: Engagement, actor) -> Engagement:
    """Undo a deletion: the engagement is back with the same id and everything that hung on it."""
    if engagement.deleted_at is None:
        return engagement
    before = engagement.deleted_at.isoformat()
    bump_version(engagement, deleted_at=None)
    audit.record(actor=actor, action=AuditAction.RESTORE, instance=engagement, changes={"deleted_at": [before, None]})
    return engagement
