"""Business actions on organisations: each writes, audits and returns in one transaction.

Views, the admin, imports and management commands all call these keyword-only functions, so a
change is audited however it is made.
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
from inducult.core.text import normalised_name
from inducult.core.versioning import bump_version, update_if_version
from inducult.network.models import Organisation
from inducult.regions.models import Region


class PossibleDuplicates(ValidationError):
    """Refused: the region already has an organisation of this name in this town (``duplicates``)."""

    def __init__(self, duplicates: list[Organisation]):
        names = ", ".join(f"{d.name} ({d.town})" if d.town else d.name for d in duplicates)
        super().__init__(
            {
                "name": _("The registry already has %(names)s. If this is a different organisation, create it anyway.")
                % {"names": names}
            }
        )
        self.duplicates = duplicates


def possible_duplicates(*, region, name: str, town: str, exclude_pk: int | None = None):
    """Organisations in the region with the same normalised name in the same town (folded)."""
    from inducult.core.text import fold

    qs = Organisation.objects.filter(region=region, name_key=normalised_name(name))
    if exclude_pk:
        qs = qs.exclude(pk=exclude_pk)
    town_key = fold(town or "").strip()
    return [org for org in qs if fold(org.town or "").strip() == town_key]


def lock_registry(region) -> None:
    """Hold the region's registry until the transaction ends, so that a check for duplicates and the
    creation it allows are one step: two people adding the same organisation at once cannot both pass
    the check. PostgreSQL: a lock on the region's row (the second waits, then sees the first's
    organisation). SQLite: the transaction itself (``transaction_mode`` IMMEDIATE takes the database's
    one write lock when it begins), so the row lock is not needed there."""
    Region.objects.select_for_update().filter(pk=region.pk).exists()


@transaction.atomic
def create_organisation(*, region, actor, data: Mapping[str, Any], refuse_duplicates: bool = False) -> Organisation:
    """Create an organisation. With ``refuse_duplicates`` (a person who has not said "this is a
    different organisation"), `PossibleDuplicates` is raised when the region has one of this name in
    this town, checked under the registry's lock (``lock_registry``)."""
    if refuse_duplicates:
        lock_registry(region)
        duplicates = possible_duplicates(region=region, name=data.get("name", ""), town=data.get("town", ""))
        if duplicates:
            raise PossibleDuplicates(duplicates)
    org = Organisation(region=region, **data)
    org.full_clean()
    org.save()
    audit.record_created(actor=actor, instance=org, values=audit.snapshot(org, Organisation.AUDITED_FIELDS))
    return org


@transaction.atomic
def update_organisation(*, organisation: Organisation, actor, data: Mapping[str, Any], version: int) -> Organisation:
    """Apply ``data`` if the record is still at ``version``; raise ``EditConflict`` otherwise
    (``core.versioning``: of two people saving the same version at once exactly one wins)."""
    before = audit.snapshot(organisation, Organisation.AUDITED_FIELDS)
    for field, value in data.items():
        setattr(organisation, field, value)
    organisation.full_clean()
    organisation.refresh_derived()
    values = {f: getattr(organisation, f) for f in (*data.keys(), "search_text", "name_key")}
    update_if_version(organisation, version=version, values=values)
    organisation.refresh_from_db()
    changes = audit.diff(before, audit.snapshot(organisation, Organisation.AUDITED_FIELDS))
    if changes:
        audit.record(actor=actor, action=AuditAction.CHANGE, instance=organisation, changes=changes)
    return organisation


@transaction.atomic
def archive_organisation(*, organisation: Organisation, actor) -> Organisation:
    if organisation.archived_at is None:
        bump_version(organisation, archived_at=timezone.now())
        audit.record(
            actor=actor,
            action=AuditAction.ARCHIVE,
            instance=organisation,
            changes={"archived_at": [None, organisation.archived_at.isoformat()]},
        )
    return organisation


@transaction.atomic
def restore_organisation(*, organisation: Organisation, actor) -> Organisation:
    if organisation.archived_at is not None:
        before = organisation.archived_at.isoformat()
        bump_version(organisation, archived_at=None)
        audit.record(
            actor=actor, action=AuditAction.RESTORE, instance=organisation, changes={"archived_at": [before, None]}
        )
    return organisation
