"""Business actions on public events: each validates, writes and audits in one transaction; and the
region's published events, which the public pages and embeds list.

Who does what: an organisation's editor submits and edits the events of their organisation; the
coordinator approves or rejects them (with a reason the editor sees), and may create and edit any
event. Only approved events are public. An editor's change to an approved event sends it back for
approval, so nothing reaches the public pages unapproved; the coordinator's own events and edits
are approved as they are saved (the coordinator is the one who approves).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from inducult.core import audit
from inducult.core.models import AuditAction
from inducult.core.versioning import bump_version, update_if_version
from inducult.heritage.enums import EventStatus
from inducult.heritage.models import Event


def _snapshot(event: Event) -> dict[str, Any]:
    return {**audit.snapshot(event, Event.AUDITED_FIELDS), "status": event.status}


@transaction.atomic
def submit_event(*, region, actor, data: Mapping[str, Any], approve: bool) -> Event:
    """A new event; ``approve`` (the coordinator's own) publishes it at once, otherwise it waits."""
    event = Event(region=region, submitted_by=actor, **data)
    if approve:
        event.status, event.reviewed_by, event.reviewed_at = EventStatus.APPROVED, actor, timezone.now()
    event.full_clean()
    event.save()
    after = _snapshot(event)
    audit.record_created(actor=actor, instance=event, region=region, values=after)
    return event


@transaction.atomic
def update_event(*, event: Event, actor, data: Mapping[str, Any], version: int, approve: bool) -> Event:
    """Apply ``data`` if the event is still at ``version`` (else ``EditConflict``). Without
    ``approve`` (an editor's change) the event goes back to waiting for approval."""
    before = _snapshot(event)
    for name, value in data.items():
        setattr(event, name, value)
    if approve:
        if event.status != EventStatus.APPROVED:
            event.status, event.reviewed_by, event.reviewed_at = EventStatus.APPROVED, actor, timezone.now()
    else:
        event.status, event.rejection_reason = EventStatus.SUBMITTED, ""
    event.full_clean()
    fields = [*data, "status", "rejection_reason", "reviewed_by", "reviewed_at"]
    update_if_version(event, version=version, values={name: getattr(event, name) for name in fields})
    event.refresh_from_db()
    changes = audit.diff(before, _snapshot(event))
    if changes:
        audit.record(actor=actor, action=AuditAction.CHANGE, instance=event, region=event.region, changes=changes)
    return event


@transaction.atomic
def review_event(*, event: Event, actor, approve: bool, reason: str = "") -> Event:
    """Approve (publish) or reject a submitted event; a rejection needs a reason for the editor."""
    reason = " ".join(reason.split())
    if not approve and not reason:
        raise ValidationError({"reason": _("Say why the event is rejected: the organiser reads it.")})
    before = event.status
    event.status = EventStatus.APPROVED if approve else EventStatus.REJECTED
    event.rejection_reason = "" if approve else reason[:500]
    event.reviewed_by, event.reviewed_at = actor, timezone.now()
    bump_version(
        event,
        status=event.status,
        rejection_reason=event.rejection_reason,
        reviewed_by=actor,
        reviewed_at=event.reviewed_at,
    )
    changes = {"status": [before, event.status]}
    if reason:
        changes["rejection_reason"] = ["", event.rejection_reason]
    audit.record(actor=actor, action=AuditAction.CHANGE, instance=event, region=event.region, changes=changes)
    return event


def published_events(region):
    return Event.objects.published().filter(region=region).select_related("site", "festival", "organisation")
