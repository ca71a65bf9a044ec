"""Loading the Karlovy Vary demo region through the domain functions, so the trail shows each record.

Idempotent: existing records are found by a stable key (organisations by region, normalised name and
town; sample people by e-mail), and a record is only written when one of its fields differs. A second
run therefore writes no rows and no audit entries.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from inducult.core import audit
from inducult.core.models import AuditAction
from inducult.core.text import fold, normalised_name
from inducult.demo import records
from inducult.network.domain.organisations import create_organisation, update_organisation
from inducult.network.domain.people import add_membership, create_person, update_person
from inducult.network.models import Membership, Organisation, Person
from inducult.regions.models import Region

REGION_FIELDS = ("name", "country", "languages", "default_language", "time_zone", "description", "source")


@dataclass
class Summary:
    region_created: bool = False
    region_updated: bool = False
    organisations: int = 0
    organisations_created: int = 0
    organisations_updated: int = 0
    people: int = 0
    people_created: int = 0
    people_updated: int = 0
    memberships_created: int = 0

    @property
    def changed(self) -> bool:
        return any(
            (
                self.region_created,
                self.region_updated,
                self.organisations_created,
                self.organisations_updated,
                self.people_created,
                self.people_updated,
                self.memberships_created,
            )
        )

    def line(self) -> str:
        return _(
            "Karlovy Vary demo: %(orgs)d organisations (%(new)d new, %(updated)d updated), "
            "%(people)d sample people (%(people_new)d new), %(memberships)d new memberships"
        ) % {
            "orgs": self.organisations,
            "new": self.organisations_created,
            "updated": self.organisations_updated,
            "people": self.people,
            "people_new": self.people_created,
            "memberships": self.memberships_created,
        }


def _differences(instance, data: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in data.items() if getattr(instance, name) != value}


def ensure_region(*, actor=None) -> tuple[Region, str]:
    """The demo region, created or brought up to date; returns it with "created", "updated" or ""."""
    data = {name: records.REGION[name] for name in REGION_FIELDS}
    region = Region.objects.filter(slug=records.REGION["slug"]).first()
    if region is None:
        region = Region(slug=records.REGION["slug"], **data)
        region.full_clean()
        region.save()
        audit.record(
            actor=actor,
            action=AuditAction.CREATE,
            instance=region,
            region=region,
            changes={name: [None, value] for name, value in audit.snapshot(region, REGION_FIELDS).items()},
        )
        return region, "created"
    changed = _differences(region, data)
    if not changed:
        return region, ""
    before = audit.snapshot(region, REGION_FIELDS)
    for name, value in changed.items():
        setattr(region, name, value)
    region.full_clean()
    region.save(update_fields=list(changed))
    audit.record(
        actor=actor,
        action=AuditAction.CHANGE,
        instance=region,
        region=region,
        changes=audit.diff(before, audit.snapshot(region, REGION_FIELDS)),
    )
    return region, "updated"


def _identity(name: str, town: str) -> tuple[str, str]:
    return normalised_name(name), fold(town or "").strip()


def load_organisations(*, region, actor=None, summary: Summary) -> dict[str, Organisation]:
    """Create or update the demo organisations; returns them by their demo key."""
    existing = {_identity(org.name, org.town): org for org in Organisation.objects.filter(region=region)}
    by_key: dict[str, Organisation] = {}
    for record in records.organisation_records():
        org = existing.get(_identity(record.data["name"], record.data["town"]))
        if org is None:
            org = create_organisation(region=region, actor=actor, data=record.data)
            summary.organisations_created += 1
        else:
            changed = _differences(org, record.data)
            if changed:
                org = update_organisation(organisation=org, actor=actor, data=changed, version=org.version)
                summary.organisations_updated += 1
        by_key[record.key] = org
    summary.organisations = len(by_key)
    return by_key


def load_sample_people(*, region, organisations: dict[str, Organisation], actor=None, summary: Summary) -> None:
    for record in records.sample_people():
        person = Person.objects.filter(region=region, email__iexact=record.data["email"]).first()
        if person is None:
            person = create_person(region=region, actor=actor, data=record.data)
            summary.people_created += 1
        else:
            changed = _differences(person, record.data)
            if changed:
                person = update_person(person=person, actor=actor, data=changed, version=person.version)
                summary.people_updated += 1
        summary.people += 1
        for key, role in record.memberships:
            organisation = organisations[key]
            if not Membership.objects.filter(person=person, organisation=organisation, role=role).exists():
                add_membership(person=person, organisation=organisation, actor=actor, role=role)
                summary.memberships_created += 1


@transaction.atomic
def load_demo(*, actor=None) -> Summary:
    """Everything or nothing: a failure half-way leaves the database as it was."""
    summary = Summary()
    region, outcome = ensure_region(actor=actor)
    summary.region_created = outcome == "created"
    summary.region_updated = outcome == "updated"
    organisations = load_organisations(region=region, actor=actor, summary=summary)
    load_sample_people(region=region, organisations=organisations, actor=actor, summary=summary)
    return summary
