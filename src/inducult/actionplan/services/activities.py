"""Business actions on the action plan and the funding catalogue, and the facts for the matcher.

Each action validates, writes and audits in one transaction. Activities and instruments carry a
``version``: an edit names the version it started from and is refused (``EditConflict``, nothing
written) when someone saved in between.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.utils.translation import gettext as _

from inducult.actionplan.domain import funding_match as fm
from inducult.actionplan.domain import lateness
from inducult.actionplan.models import Activity, FundingCall, FundingInstrument, Indicator
from inducult.core import audit
from inducult.core.models import AuditAction
from inducult.core.versioning import update_if_version

INDICATOR_FIELDS = ("name", "unit", "target", "achieved")


# --- facts for the matcher -------------------------------------------------------------------


def instrument_facts(instrument: FundingInstrument) -> fm.InstrumentFacts:
    """The instrument as the matcher sees it (``calls`` prefetched saves a query per instrument)."""
    return fm.InstrumentFacts(
        id=instrument.pk,
        name=instrument.display_name,
        themes=frozenset(instrument.themes),
        eligible_kinds=frozenset(instrument.eligible_kinds),
        start=instrument.starts_on,
        end=instrument.ends_on,
        calls=tuple(fm.CallFacts(opens=c.opens_on, closes=c.closes_on) for c in instrument.calls.all()),
    )


def activity_facts(activity: Activity) -> fm.ActivityFacts | None:
    """The activity as the matcher sees it, or None while it has no period (nothing to match by)."""
    if activity.starts_on is None or activity.ends_on is None:
        return None
    return fm.ActivityFacts(
        id=activity.pk,
        title=activity.display_title,
        themes=frozenset(activity.themes),
        applicant_kinds=frozenset(org.kind for org in activity.responsible.all()),
        start=activity.starts_on,
        end=activity.ends_on,
        work_package=activity.work_package,
    )


def instruments_of(region):
    return FundingInstrument.objects.filter(region=region).prefetch_related("calls")


def activities_of(region):
    return Activity.objects.filter(region=region).prefetch_related("responsible")


@dataclass(frozen=True)
class Fit:
    """One ranked pair: the other side's record and the matcher's verdict with its reasons."""

    record: Activity | FundingInstrument
    match: fm.Match


def funding_fits(activity: Activity, *, today: datetime.date, include_excluded: bool = False) -> list[Fit]:
    """The region's instruments ranked by how well they fit ``activity`` (empty without a period)."""
    facts = activity_facts(activity)
    if facts is None:
        return []
    instruments = {i.pk: i for i in instruments_of(activity.region_id)}
    ranked = fm.rank_instruments(
        facts, [instrument_facts(i) for i in instruments.values()], today=today, include_excluded=include_excluded
    )
    return [Fit(instruments[m.instrument_id], m) for m in ranked]


def fitting_activities(
    instrument: FundingInstrument, *, today: datetime.date, include_excluded: bool = False
) -> list[Fit]:
    """The region's activities (with a period, not done or dropped) ``instrument`` could fund."""
    activities = {
        a.pk: a
        for a in activities_of(instrument.region_id)
        .exclude(status__in=lateness.CLOSED_STATUSES)
        .filter(starts_on__isnull=False, ends_on__isnull=False)
    }
    facts = [activity_facts(a) for a in activities.values()]
    ranked = fm.activities_for_instrument(
        instrument_facts(instrument), [f for f in facts if f], today=today, include_excluded=include_excluded
    )
    return [Fit(activities[m.activity_id], m) for m in ranked]


# --- activities --------------------------------------------------------------------------------


# How each linked kind of record reaches its region.
REGION_PATH = {
    "responsible": "region",
    "instruments": "region",
    "goals": "version__strategy__region",
    "engagements": "region",
}


def _related_snapshot(activity: Activity) -> dict[str, list[str]]:
    snapshot = {}
    for name in Activity.AUDITED_RELATIONS:
        records = getattr(activity, name).all()
        if name == "engagements":
            # An engagement's name shows its local date, which reads its region: load them together.
            records = records.select_related("region")
        snapshot[name] = sorted(str(o) for o in records)
    return snapshot


def _indicator_snapshot(activity: Activity) -> dict[str, list]:
    rows = [audit.snapshot(i, INDICATOR_FIELDS) for i in activity.indicators.all()]
    return {"indicators": [[r[f] for f in INDICATOR_FIELDS] for r in rows]}


def _check_relations(region, relations: Mapping[str, Iterable]) -> dict[str, list]:
    unknown = set(relations) - set(Activity.AUDITED_RELATIONS)
    if unknown:
        raise ValueError(f"not a relation of an activity: {sorted(unknown)}")
    checked, errors = {}, {}
    for name, records in relations.items():
        records = list(records)
        if records:
            # One query per kind of record, however many are linked.
            model = type(records[0])
            ids = [r.pk for r in records]
            if model._default_manager.filter(pk__in=ids).exclude(**{REGION_PATH[name]: region}).exists():
                errors[name] = _("Only records of this region can be linked.")
        checked[name] = records
    if errors:
        raise ValidationError(errors)
    return checked


def _set_indicators(activity: Activity, indicators: Sequence[Mapping[str, Any]]) -> None:
    built = []
    errors = []
    for position, data in enumerate(indicators):
        indicator = Indicator(activity=activity, order=position, **{f: data.get(f) for f in INDICATOR_FIELDS})
        indicator.unit = indicator.unit or ""
        try:
            indicator.full_clean(exclude=["activity"])
        except ValidationError as error:
            errors.extend(f"{indicator.name or position + 1}: {m}" for m in error.messages)
        built.append(indicator)
    if errors:
        raise ValidationError({"indicators": errors})
    activity.indicators.all().delete()
    Indicator.objects.bulk_create(built)


@transaction.atomic
def create_activity(
    *,
    region,
    actor,
    data: Mapping[str, Any],
    relations: Mapping[str, Iterable] | None = None,
    indicators: Sequence[Mapping[str, Any]] | None = None,
) -> Activity:
    activity = Activity(region=region, **data)
    activity.full_clean()
    checked = _check_relations(region, relations or {})
    activity.save()
    for name, records in checked.items():
        getattr(activity, name).set(records)
    if indicators:
        _set_indicators(activity, indicators)
    after = {**audit.snapshot(activity, Activity.AUDITED_FIELDS), **_related_snapshot(activity)}
    if indicators:
        after.update(_indicator_snapshot(activity))
    audit.record(
        actor=actor,
        action=AuditAction.CREATE,
        instance=activity,
        changes={k: [None, v] for k, v in after.items() if v not in ("", [], None, {})},
    )
    return activity


@transaction.atomic
def update_activity(
    *,
    activity: Activity,
    actor,
    data: Mapping[str, Any],
    version: int,
    relations: Mapping[str, Iterable] | None = None,
    indicators: Sequence[Mapping[str, Any]] | None = None,
) -> Activity:
    """Apply ``data``, the ``relations`` given and (if given) the full list of ``indicators``, if
    the activity is still at ``version``; raise EditConflict otherwise."""
    before = {**audit.snapshot(activity, Activity.AUDITED_FIELDS), **_related_snapshot(activity)}
    before.update(_indicator_snapshot(activity))
    for name, value in data.items():
        setattr(activity, name, value)
    activity.full_clean()
    checked = _check_relations(activity.region, relations or {})
    update_if_version(
        activity, version=version, values={name: getattr(activity, name) for name in Activity.AUDITED_FIELDS}
    )
    for name, records in checked.items():
        getattr(activity, name).set(records)
    if indicators is not None:
        _set_indicators(activity, indicators)
    activity.refresh_from_db()
    after = {**audit.snapshot(activity, Activity.AUDITED_FIELDS), **_related_snapshot(activity)}
    after.update(_indicator_snapshot(activity))
    changes = audit.diff(before, after)
    if changes:
        audit.record(actor=actor, action=AuditAction.CHANGE, instance=activity, changes=changes)
    return activity


# --- the funding catalogue ----------------------------------------------------------------------


@transaction.atomic
def create_instrument(*, region, actor, data: Mapping[str, Any]) -> FundingInstrument:
    instrument = FundingInstrument(region=region, **data)
    instrument.full_clean()
    instrument.save()
    audit.record(
        actor=actor,
        action=AuditAction.CREATE,
        instance=instrument,
        changes={
            k: [None, v]
            for k, v in audit.snapshot(instrument, FundingInstrument.AUDITED_FIELDS).items()
            if v not in ("", [], None, {}, False)
        },
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
    before = audit.snapshot(call, FundingCall.AUDITED_FIELDS) if call is not None else {}
    if call is None:
        call = FundingCall(instrument=instrument)
    elif call.instrument_id != instrument.pk:
        raise ValueError("the call belongs to another instrument")
    for name, value in data.items():
        setattr(call, name, value)
    call.full_clean()
    call.save()
    after = audit.snapshot(call, FundingCall.AUDITED_FIELDS)
    changes = audit.diff(before, after)
    if changes:
        audit.record(
            actor=actor,
            action=AuditAction.CHANGE if before else AuditAction.CREATE,
            instance=call,
            region=instrument.region,
            changes=changes,
        )
    return call


def calls_prefetch():
    return Prefetch("calls", queryset=FundingCall.objects.order_by("closes_on", "opens_on", "id"))
