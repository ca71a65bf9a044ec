"""Business actions on people and memberships, including the data-subject rights (GDPR Art. 15, 17)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from inducult.core import audit
from inducult.core.models import AuditAction
from inducult.core.text import search_key
from inducult.core.versioning import bump_version, update_if_version
from inducult.network.models import Membership, Organisation, Person


@transaction.atomic
def create_person(*, region, actor, data: Mapping[str, Any]) -> Person:
    person = Person(region=region, **data)
    person.full_clean()
    person.save()
    # The trail names which fields were filled, not their values: it must not become a second
    # copy of personal data that survives an erasure.
    audit.record_created(actor=actor, instance=person, values=data, hidden=Person.AUDITED_FIELDS)
    return person


@transaction.atomic
def update_person(*, person: Person, actor, data: Mapping[str, Any], version: int) -> Person:
    """Apply ``data`` if the person is still at ``version`` and not erased; raise ``EditConflict``
    otherwise."""
    before = audit.snapshot(person, Person.AUDITED_FIELDS)
    for field, value in data.items():
        setattr(person, field, value)
    person.full_clean()
    values = {f: getattr(person, f) for f in data}
    values["search_text"] = search_key(person.first_name, person.last_name, person.email)
    update_if_version(person, version=version, values=values, require={"erased_at__isnull": True})
    person.refresh_from_db()
    changed = audit.diff(before, audit.snapshot(person, Person.AUDITED_FIELDS))
    if changed:
        audit.record(
            actor=actor,
            action=AuditAction.CHANGE,
            instance=person,
            changes={k: [audit.HIDDEN, audit.HIDDEN] if k in Person.PERSONAL_FIELDS else v for k, v in changed.items()},
        )
    return person


@transaction.atomic
def add_membership(
    *, person: Person, organisation: Organisation, actor, role: str = "", start_date=None, end_date=None
) -> Membership:
    membership = Membership(
        person=person, organisation=organisation, role=role, start_date=start_date, end_date=end_date
    )
    membership.full_clean()
    membership.save()
    audit.record_created(
        actor=actor,
        instance=membership,
        region=organisation.region,
        values={"role": role, "organisation": organisation, "start_date": start_date},
    )
    return membership


@transaction.atomic
def end_membership(*, membership: Membership, actor, end_date) -> Membership:
    before = membership.end_date
    membership.end_date = end_date
    membership.full_clean()
    membership.save(update_fields=["end_date"])
    audit.record(
        actor=actor,
        action=AuditAction.CHANGE,
        instance=membership,
        region=membership.organisation.region,
        changes={"end_date": [before.isoformat() if before else None, end_date.isoformat()]},
    )
    return membership


def person_data(person: Person) -> dict[str, Any]:
    """Everything the platform keeps about one person, as a JSON-ready dict (GDPR Art. 15)."""
    from inducult.core.models import AuditEntry

    return {
        "person": {
            "id": person.pk,
            "region": person.region.slug,
            **{
                f: getattr(person, f)
                for f in ("title", "first_name", "last_name", "email", "phone", "language", "notes")
            },
            "lawful_basis": person.lawful_basis,
            "consent_date": person.consent_date.isoformat() if person.consent_date else None,
            "created_at": person.created_at.isoformat(),
            "updated_at": person.updated_at.isoformat(),
        },
        "memberships": [
            {
                "organisation": m.organisation.name,
                "organisation_id": m.organisation_id,
                "role": m.role,
                "start_date": m.start_date.isoformat() if m.start_date else None,
                "end_date": m.end_date.isoformat() if m.end_date else None,
            }
            for m in person.memberships.select_related("organisation")
        ],
        "audit_trail": [
            {"when": e.created_at.isoformat(), "action": e.action, "by": e.actor_name, "summary": e.summary}
            for e in AuditEntry.objects.filter(object_type="network.person", object_id=str(person.pk)).order_by(
                "created_at"
            )
        ],
    }


@transaction.atomic
def export_person(*, person: Person, actor) -> dict[str, Any]:
    data = person_data(person)
    audit.record(actor=actor, action=AuditAction.EXPORT, instance=person, summary=_("Personal data exported"))
    return data


@transaction.atomic
def erase_person(*, person: Person, actor) -> Person:
    """Remove the personal fields; memberships stay (the organisation keeps an anonymous contact),
    so later participation records stay counted without naming anyone."""
    if person.erased_at is not None:
        return person
    bump_version(
        person,
        **dict.fromkeys(Person.PERSONAL_FIELDS, ""),
        language="",
        consent_date=None,
        erased_at=timezone.now(),
        search_text="",
    )
    # Earlier trail entries named the person in their description; keep the entries (who did
    # what, when) but replace the name, so the erasure is complete.
    from inducult.core.models import AuditEntry

    anonymous = str(person)
    AuditEntry.objects.filter(object_type="network.person", object_id=str(person.pk)).update(
        object_repr=anonymous, search_text=""
    )
    for membership in person.memberships.select_related("organisation"):
        AuditEntry.objects.filter(object_type="network.membership", object_id=str(membership.pk)).update(
            object_repr=str(membership), search_text=""
        )
    audit.record(actor=actor, action=AuditAction.ERASE, instance=person, summary=_("Personal data erased"))
    return person
