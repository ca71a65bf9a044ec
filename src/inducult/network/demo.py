"""Loading a demo's organisations, people and memberships through the registry's business actions, so
the trail shows each record.

The demo app holds the data and passes it in as the records below. Idempotent: organisations are found
again by region, normalised name and town, people by e-mail, memberships by person, organisation and
role; a record is only written when one of its fields differs, so a second run writes nothing.
Records the coordinator added beside the demo's are left alone.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from inducult.core.demo import differences
from inducult.core.text import fold, normalised_name
from inducult.network.models import Membership, Organisation, Person
from inducult.network.services.organisations import create_organisation, update_organisation
from inducult.network.services.people import add_membership, create_person, update_person


@dataclass
class OrganisationRecord:
    key: str  # the demo's name for the organisation, by which other records point at it
    data: dict[str, Any]  # its fields, as create_organisation takes them


@dataclass
class PersonRecord:
    data: dict[str, Any]  # the person's fields, as create_person takes them
    memberships: list[tuple[str, str]]  # (organisation key, role)


def _identity(name: str, town: str) -> tuple[str, str]:
    return normalised_name(name), fold(town or "").strip()


def load_organisations(
    *, region, records: Iterable[OrganisationRecord], actor=None, counts: Counter[str]
) -> dict[str, Organisation]:
    """Create or update the organisations; returns them by their record's key. Counts
    ``organisations``, ``organisations_created`` and ``organisations_updated``."""
    existing = {_identity(org.name, org.town): org for org in Organisation.objects.filter(region=region)}
    by_key: dict[str, Organisation] = {}
    for record in records:
        org = existing.get(_identity(record.data["name"], record.data["town"]))
        if org is None:
            org = create_organisation(region=region, actor=actor, data=record.data)
            counts["organisations_created"] += 1
        else:
            changed = differences(org, record.data)
            if changed:
                org = update_organisation(organisation=org, actor=actor, data=changed, version=org.version)
                counts["organisations_updated"] += 1
        by_key[record.key] = org
    counts["organisations"] += len(by_key)
    return by_key


def load_people(
    *,
    region,
    records: Iterable[PersonRecord],
    organisations: Mapping[str, Organisation],
    actor=None,
    counts: Counter[str],
) -> None:
    """Create or update the people and add their memberships in ``organisations`` (by key). Counts
    ``people``, ``people_created``, ``people_updated`` and ``memberships_created``."""
    for record in records:
        person = Person.objects.filter(region=region, email__iexact=record.data["email"]).first()
        if person is None:
            person = create_person(region=region, actor=actor, data=record.data)
            counts["people_created"] += 1
        else:
            changed = differences(person, record.data)
            if changed:
                person = update_person(person=person, actor=actor, data=changed, version=person.version)
                counts["people_updated"] += 1
        counts["people"] += 1
        for key, role in record.memberships:
            organisation = organisations[key]
            if not Membership.objects.filter(person=person, organisation=organisation, role=role).exists():
                add_membership(person=person, organisation=organisation, actor=actor, role=role)
                counts["memberships_created"] += 1
