"""The facts for the funding matcher (``actionplan.domain.funding_match``), read from the activities
and the catalogue, and the ranked fits an activity's and an instrument's page show."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from inducult.actionplan.domain import funding_match as fm
from inducult.actionplan.domain import lateness
from inducult.actionplan.models import Activity, FundingInstrument


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
