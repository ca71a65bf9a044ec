"""Business actions on the funding catalogue: instruments and their calls.

Each action validates, writes and audits in one transaction. An instrument carries a ``version``:
an edit names the version it started from and is refused (``EditConflict``, nothing written) when
someone saved in between.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.db.models import Prefetch

from inducult.actionplan.models import FundingCall, FundingInstrument
from inducult.core import audit
from inducult.core.models import AuditAction
from inducult.core.versioning import update_if_version


@transaction.atomic
def create_instrument(*, region, actor, data: Mapping[str, Any]) -> FundingInstrument:
    instrument = FundingInstrument(region=region, **data)
    instrument.full_clean()
    instrument.save()
    audit.record_created(
        actor=actor, instance=instrument, values=audit.snapshot(instrument, FundingInstrument.AUDITED_FIELDS)
    )
    return instrument


@transaction.atomic
def update_instrument(
    *, instrument: FundingInstrument, actor, data: Mapping[str, Any], version: int
) -> FundingInstrument:
    before = audit.snapshot(instrument, FundingInstrument.AUDITED_FIELDS)
    for name, value in data.items():
        setattr(instrument, name, value)
    instrument.full_clean()
    update_if_version(
        instrument,
        version=version,
        values={name: getattr(instrument, name) for name in FundingInstrument.AUDITED_FIELDS},
    )
    instrument.refresh_from_db()
    changes = audit.diff(before, audit.snapshot(instrument, FundingInstrument.AUDITED_FIELDS))
    if changes:
        audit.record(actor=actor, action=AuditAction.CHANGE, instance=instrument, changes=changes)
    return instrument


@transaction.atomic
def save_call(*, instrument: FundingInstrument, actor, data: Mapping[str, Any], call: FundingCall | None = None):
    """Create a call of ``instrument`` (``call`` None) or change ``call``; audited either way."""
    creating = call is None
    if creating:
        call = FundingCall(instrument=instrument)
    elif call.instrument_id != instrument.pk:
        raise ValueError("the call belongs to another instrument")
    before = {} if creating else audit.snapshot(call, FundingCall.AUDITED_FIELDS)
    for name, value in data.items():
        setattr(call, name, value)
    call.full_clean()
    call.save()
    after = audit.snapshot(call, FundingCall.AUDITED_FIELDS)
    changes = audit.created(after) if creating else audit.diff(before, after)
    if changes or creating:
        audit.record(
            actor=actor,
            action=AuditAction.CREATE if creating else AuditAction.CHANGE,
            instance=call,
            region=instrument.region,
            changes=changes,
        )
    return call


def calls_prefetch():
    return Prefetch("calls", queryset=FundingCall.objects.order_by("closes_on", "opens_on", "id"))
