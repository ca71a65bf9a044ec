"""Declared relationships between organisations: create, end and delete, each validated and audited
in one transaction. Ending one (it held until a day) is the usual change; deleting is for mistakes,
and its audit entry keeps every field so that it can be entered again."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import formats
from django.utils.translation import gettext as _

from inducult.core import audit
from inducult.core.models import AuditAction
from inducult.network.models import Organisation, OrganisationRelationship

FIELDS = ("source", "target", "kind", "valid_from", "valid_to", "note")


@transaction.atomic
def create_relationship(*, actor, source, target, kind: str, valid_from=None, valid_to=None, note: str = ""):
    relationship = OrganisationRelationship(
        source=source, target=target, kind=kind, valid_from=valid_from, valid_to=valid_to, note=(note or "").strip()
    )
    relationship.full_clean()
    relationship.save()
    audit.record_created(
        actor=actor, instance=relationship, region=source.region, values=audit.snapshot(relationship, FIELDS)
    )
    return relationship


@transaction.atomic
def end_relationship(*, actor, relationship: OrganisationRelationship, on: datetime.date):
    if relationship.valid_from and on < relationship.valid_from:
        raise ValidationError(
            _(
                "This relationship starts on %(start)s, so it cannot end on %(day)s; delete it if it will not "
                "happen, or change its dates in the admin."
            )
            % {"start": formats.date_format(relationship.valid_from), "day": formats.date_format(on)}
        )
    before = audit.snapshot(relationship, FIELDS)
    relationship.valid_to = on
    relationship.full_clean()
    relationship.save(update_fields=["valid_to", "updated_at"])
    audit.record(
        actor=actor,
        action=AuditAction.CHANGE,
        instance=relationship,
        region=relationship.source.region,
        changes=audit.diff(before, audit.snapshot(relationship, FIELDS)),
    )
    return relationship


@transaction.atomic
def delete_relationship(*, actor, relationship: OrganisationRelationship) -> None:
    region = relationship.source.region
    audit.record_deleted(actor=actor, instance=relationship, region=region, values=audit.snapshot(relationship, FIELDS))
    relationship.delete()


def relationships_of(organisation: Organisation):
    """Both directions, with the other organisation, for the organisation's page."""
    rows = OrganisationRelationship.objects.filter(Q(source=organisation) | Q(target=organisation)).select_related(
        "source", "target"
    )
    return [
        {
            "relationship": r,
            "other": r.target if r.source_id == organisation.pk else r.source,
            "outgoing": r.source_id == organisation.pk,
        }
        for r in rows
    ]
