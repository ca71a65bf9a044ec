"""Business actions on the action plan's activities, with their links and indicators.

Each action validates, writes and audits in one transaction. An activity carries a ``version``: an
edit names the version it started from and is refused (``EditConflict``, nothing written) when
someone saved in between.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from inducult.actionplan.models import Activity, Indicator
from inducult.core import audit
from inducult.core.models import AuditAction
from inducult.core.versioning import update_if_version

INDICATOR_FIELDS = ("name", "unit", "target", "achieved")


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
    audit.record_created(actor=actor, instance=activity, values=after)
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
