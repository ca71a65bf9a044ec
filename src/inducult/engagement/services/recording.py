"""Logging a whole meeting in one action: the engagement and everything that hangs on it.

The form page gives the engagement's fields, topics (chosen or typed), goals, participants (from the
registry or new on the spot), follow-up tasks and files; ``save_engagement`` writes them in one
transaction through the single-purpose business actions of ``engagements``, so each change is
audited and a refusal anywhere (another region's record, an edit conflict, a bad file) leaves
nothing written.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from inducult.engagement.enums import EngagementStatus
from inducult.engagement.models import Engagement
from inducult.engagement.services import engagements
from inducult.network.services.organisations import create_organisation
from inducult.network.services.people import create_person


@dataclass(frozen=True)
class SaveResult:
    engagement: Engagement
    new_organisation: Any = None
    new_person: Any = None
    no_longer_held: bool = False


def _check_region(engagement: Engagement, records: Iterable, what: str) -> None:
    foreign = [r for r in records if r.region_id != engagement.region_id]
    message = _("%(record)s belongs to another region than this engagement.")
    if foreign:
        raise ValidationError({what: [ValidationError(message, params={"record": r}) for r in foreign]})


@transaction.atomic
def save_engagement(
    *,
    region,
    actor,
    data: Mapping[str, Any],
    engagement: Engagement | None = None,
    version: int | None = None,
    topics: Iterable = (),
    new_topic_names: Sequence[str] = (),
    goals: Iterable = (),
    organisations: Iterable = (),
    people: Iterable | None = (),
    new_organisation: Mapping[str, Any] | None = None,
    new_person: Mapping[str, Any] | None = None,
    tasks: Sequence = (),
    attachments: Sequence = (),
    remove_attachments: Iterable = (),
    roles: Mapping[int, str] | None = None,
) -> SaveResult:
    """Create (``engagement`` None) or update the engagement and set its links to exactly those given.

    ``people`` None leaves the people taking part as they are (a user who may not see them).
    ``tasks`` are ``forms.TaskChange``-like objects: ``task`` None adds one, ``remove`` deletes one.
    ``roles`` maps participant ids to their roles; a participant removed in the same save is skipped.
    Raises ValidationError or ``EditConflict``; then nothing is written.
    """
    organisations, goals = list(organisations), list(goals)
    topics = list(topics) + engagements.ensure_topics(region=region, actor=actor, names=new_topic_names)
    topics = list({t.pk: t for t in topics}.values())
    was_held = engagement is not None and engagement.status == EngagementStatus.HELD
    if engagement is None:
        engagement = engagements.create_engagement(region=region, actor=actor, data=data, topics=topics, goals=goals)
    else:
        engagement = engagements.update_engagement(
            engagement=engagement, actor=actor, data=data, version=version, topics=topics, goals=goals
        )
    org = person = None
    if new_organisation:
        # Checked again under the registry's lock: the form's check alone lets two saves at once
        # both add the same organisation.
        data = dict(new_organisation)
        anyway = data.pop("create_anyway", False)
        org = create_organisation(region=region, actor=actor, data=data, refuse_duplicates=not anyway)
        organisations.append(org)
    if people is not None:
        people = list(people)
        if new_person:
            person = create_person(region=region, actor=actor, data=dict(new_person))
            people.append(person)
        _check_region(engagement, people, "people")
    _check_region(engagement, organisations, "organisations")
    engagements.set_participants(
        engagement=engagement,
        actor=actor,
        organisations=organisations,
        people=people if people is not None else [p.person for p in engagement.participants.exclude(person=None)],
    )
    if roles:
        for participant in engagement.participants.filter(pk__in=list(roles)).select_related("engagement"):
            engagements.set_participant_role(participant=participant, actor=actor, role=roles[participant.pk])
    for change in tasks:
        if change.task is None:
            engagements.add_follow_up_task(
                engagement=engagement, actor=actor, title=change.title, owner=change.owner, due_date=change.due_date
            )
        elif change.remove:
            engagements.delete_follow_up_task(task=change.task, actor=actor)
        else:
            engagements.update_follow_up_task(
                task=change.task, actor=actor, title=change.title, owner=change.owner, due_date=change.due_date
            )
    for attachment in remove_attachments:
        if attachment.engagement_id == engagement.pk:
            engagements.delete_attachment(attachment=attachment, actor=actor)
    for upload in attachments:
        engagements.add_attachment(engagement=engagement, actor=actor, file=upload)
    return SaveResult(
        engagement=engagement,
        new_organisation=org,
        new_person=person,
        no_longer_held=was_held and engagement.status != EngagementStatus.HELD,
    )
