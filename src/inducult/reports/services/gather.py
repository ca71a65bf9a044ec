"""The database side of the annual report: the facts of one region-year, read with a bounded
number of queries whatever the size of the log (about twenty, see ``gather``).

Texts of records are read in the active language (``Translated.localized``), so call ``gather``
inside ``translation.override(language)``, as ``annual.build_report`` does. The milestone table
comes from ``strategy.services.progress.region_progress`` with ``titles=False``: the very call behind
progress.json, so the report's statuses and counts are progress.json's.
"""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.db.models import Count, Q, Sum
from django.utils import timezone

from inducult.actionplan.domain import lateness as plan_lateness
from inducult.actionplan.models import Activity, FundingCall
from inducult.analytics.domain.network import AnalyticsOptions
from inducult.analytics.services.reports import network_report, year_period
from inducult.engagement.enums import EngagementStatus, Visibility
from inducult.engagement.models import Engagement, EngagementParticipant
from inducult.heritage.models import Event, ExhibitionStop
from inducult.network.models import Organisation
from inducult.reports.domain import facts as f
from inducult.strategy import models as sm
from inducult.strategy.domain.progress import Status, explain, explain_milestone
from inducult.strategy.services import progress as service
from inducult.strategy.services.reasons import reason_sentence
from inducult.strategy.services.versions import rule_description

MOST_ACTIVE_LIMIT = 10
# The report shows activity and partners, not betweenness: estimate it from one pivot instead of a
# shortest-path search per organisation (7.5 s → 0.7 s for 500 organisations; bench/run_report.py).
# The most-active flag ranks by activity alone, so it is the analytics page's.
REPORT_ANALYTICS = AnalyticsOptions(exact_betweenness_limit=0, betweenness_pivots=1)


def _milestones(region, year: int, now: datetime.datetime) -> tuple[f.StrategyFact | None, tuple[f.MilestoneFact, ...]]:
    progress = service.region_progress(region, year, now=now, titles=False)
    version = progress.version
    if version is None:
        return None, ()
    evidence: dict[int, list[f.EvidenceFact]] = defaultdict(list)
    rows = (
        sm.Deliverable.objects.filter(rule__milestone__version=version, dated__lte=datetime.date(year, 12, 31))
        .order_by("dated", "id")
        .values_list("rule_id", "title", "dated", "evidence_url", "evidence_file", "is_sample")
    )
    for rule_id, title, dated, url, file, is_sample in rows:
        evidence[rule_id].append(f.EvidenceFact(title=title, dated=dated, evidence=url or file, is_sample=is_sample))
    milestones = []
    for m in progress.milestones:
        applicable = [r for r in m.rules if r.progress.status != Status.NOT_APPLICABLE]
        milestones.append(
            f.MilestoneFact(
                code=m.milestone.code,
                title=m.milestone.localized("title"),
                status=m.status.value,
                count=m.count,
                target=m.target,
                goal_codes=tuple(m.goal_codes),
                is_standing_target=m.milestone.is_standing_target,
                sample_count=sum(r.sample_count for r in applicable),
                rules=tuple(
                    f.RuleFact(
                        description=rule_description(r.rule),
                        is_count=r.is_count,
                        status=r.progress.status.value,
                        count=r.progress.count,
                        target=r.progress.target,
                        sample_count=r.sample_count,
                        reason=reason_sentence(explain(r.progress)),
                    )
                    for r in m.rules
                ),
                evidence=tuple(e for r in applicable if not r.is_count for e in evidence.get(r.rule.pk, ())),
                reason=reason_sentence(explain_milestone(m.progress)),
                includes_samples=m.includes_samples,
            )
        )
    strategy = f.StrategyFact(
        title=version.strategy.localized("title"),
        version_label=version.localized("label"),
        valid_from=version.valid_from,
        vision=version.localized("vision"),
    )
    return strategy, tuple(milestones)


def _engagements(region, year: int) -> f.EngagementStats:
    start, end = region.year_bounds(year)
    in_year = Engagement.objects.filter(region=region, starts_at__gte=start, starts_at__lt=end)
    held = planned = public = samples = anonymous = 0
    by_kind: dict[str, int] = defaultdict(int)
    groups = (
        in_year.values("kind", "status", "is_sample", "visibility")
        .annotate(n=Count("id"), anonymous=Sum("anonymous_head_count"))
        .order_by()
    )
    for g in groups:
        if g["status"] == EngagementStatus.PLANNED:
            planned += g["n"]
            continue
        held += g["n"]
        by_kind[g["kind"]] += g["n"]
        public += g["n"] if g["visibility"] == Visibility.PUBLIC else 0
        samples += g["n"] if g["is_sample"] else 0
        anonymous += g["anonymous"] or 0
    organisations = (
        EngagementParticipant.objects.filter(
            engagement__in=in_year.filter(status=EngagementStatus.HELD).values("id"), organisation__isnull=False
        )
        .values("organisation_id")
        .order_by()
        .distinct()
        .count()
    )
    return f.EngagementStats(
        held=held,
        planned=planned,
        public=public,
        samples=samples,
        organisations=organisations,
        anonymous_people=anonymous,
        by_kind=dict(by_kind),
        by_month=service.monthly_counts(region, year) if held else {},
    )


def _organisations(region, year: int, now: datetime.datetime) -> tuple[f.OrganisationFact, ...]:
    report = network_report(region, year=year, now=now, options=REPORT_ANALYTICS)
    active = report.most_active()[:MOST_ACTIVE_LIMIT]
    samples = set(
        Organisation.objects.filter(pk__in=[o.id for o in active], is_sample=True).values_list("id", flat=True)
    )
    # The engagements each counted that are samples (the same held ones of the year the report reads).
    period, as_of = year_period(region, year, now=now)
    start = region.start_of_day(period.start)
    end = region.start_of_day(min(period.end, as_of) + datetime.timedelta(days=1))
    sample_engagements = dict(
        EngagementParticipant.objects.filter(
            organisation__in=[o.id for o in active],
            engagement__in=Engagement.objects.filter(
                region=region, status=EngagementStatus.HELD, is_sample=True, starts_at__gte=start, starts_at__lt=end
            ).values("id"),
        )
        .values("organisation_id")
        .annotate(n=Count("engagement_id", distinct=True))
        .values_list("organisation_id", "n")
        .order_by()
    )
    return tuple(
        f.OrganisationFact(
            name=o.name,
            kind=o.kind,
            town=o.municipality,
            engagements=o.engagements,
            partners=o.partners,
            is_sample=o.id in samples,
            sample_engagements=sample_engagements.get(o.id, 0),
        )
        for o in active
    )


def _activity(a: Activity, *, as_of: datetime.date | None) -> f.ActivityFact:
    late = None
    if as_of is not None:
        late = a.lateness(as_of)
    return f.ActivityFact(
        title=a.localized("title"),
        work_package=a.work_package,
        status=a.status,
        starts_on=a.starts_on,
        ends_on=a.ends_on,
        late=late.code.value if late else "",
        indicators=tuple(
            f.IndicatorFact(
                name=i.name,
                unit=i.unit,
                target=float(i.target) if i.target is not None else None,
                achieved=float(i.achieved) if i.achieved is not None else None,
            )
            for i in a.indicators.all()
        ),
        is_sample=a.is_sample,
    )


def _touching(queryset, year: int):
    return queryset.filter(starts_on__lte=datetime.date(year, 12, 31), ends_on__gte=datetime.date(year, 1, 1))


def _activities(region, year: int, today: datetime.date):
    activities = Activity.objects.filter(region=region).prefetch_related("indicators")
    as_of = min(datetime.date(year, 12, 31), today)
    in_year = tuple(_activity(a, as_of=as_of) for a in _touching(activities, year))
    without_period = activities.filter(starts_on__isnull=True).count()
    upcoming = _touching(activities, year + 1).exclude(status__in=plan_lateness.CLOSED_STATUSES)
    next_year = tuple(_activity(a, as_of=None) for a in upcoming)
    return in_year, without_period, next_year


def _calls(region, year: int) -> tuple[f.CallFact, ...]:
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    calls = (
        FundingCall.objects.filter(instrument__region=region)
        .filter(Q(opens_on__isnull=True) | Q(opens_on__lte=last))
        .filter(Q(closes_on__isnull=True) | Q(closes_on__gte=first))
        .select_related("instrument")
        .order_by("closes_on", "opens_on", "id")
    )
    return tuple(
        f.CallFact(
            title=c.title,
            instrument=c.instrument.display_name,
            opens_on=c.opens_on,
            closes_on=c.closes_on,
            budget=float(c.budget) if c.budget is not None else None,
            currency=c.currency,
            is_sample=c.is_sample or c.instrument.is_sample,
        )
        for c in calls
    )


def _events(region, year: int) -> tuple[f.EventFact, ...]:
    start, end = region.year_bounds(year)
    tz = region.tz
    events = (
        Event.objects.published()
        .filter(region=region, starts_at__gte=start, starts_at__lt=end)
        .select_related("site", "festival")
        .order_by("starts_at", "id")
    )
    return tuple(
        f.EventFact(
            title=e.localized("title"),
            starts_at=timezone.localtime(e.starts_at, tz),
            where=e.where,
            festival=e.festival.display_name if e.festival_id else "",
            is_sample=e.is_sample,
        )
        for e in events
    )


def _stops(region, year: int) -> tuple[f.ExhibitionStopFact, ...]:
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    dated = Q(starts_on__lte=last) & (Q(ends_on__gte=first) | Q(ends_on__isnull=True, starts_on__gte=first))
    undated = Q(starts_on__isnull=True, period__contains=str(year))
    stops = ExhibitionStop.objects.filter(dated | undated, exhibition__region=region).select_related("exhibition")
    facts = []
    for s in stops:
        if s.starts_on:
            when = s.starts_on.isoformat() + (f" – {s.ends_on.isoformat()}" if s.ends_on else "")
        else:
            when = s.period
        facts.append(
            f.ExhibitionStopFact(
                exhibition=s.exhibition.localized_title,
                venue=s.venue + (f" ({s.occasion})" if s.occasion else ""),
                when=when,
                visitors=s.visitors,
                visitors_is_sample=s.visitors_is_sample,
                is_sample=s.is_sample or s.exhibition.is_sample,
            )
        )
    return tuple(facts)


def gather(region, year: int, *, language: str, requested: str, now: datetime.datetime | None = None) -> f.ReportFacts:
    """Every fact of ``region``'s report for ``year``."""
    now = now or timezone.now()
    today = region.today(now)
    strategy, milestones = _milestones(region, year, now)
    activities, without_period, next_activities = _activities(region, year, today)
    return f.ReportFacts(
        region_name=region.name,
        region_slug=region.slug,
        year=year,
        language=language,
        requested_language=requested,
        generated_at=region.localtime(now),
        strategy=strategy,
        milestones=milestones,
        engagements=_engagements(region, year),
        organisations=_organisations(region, year, now),
        activities=activities,
        activities_without_period=without_period,
        events=_events(region, year),
        stops=_stops(region, year),
        next_activities=next_activities,
        next_calls=_calls(region, year + 1),
    )


def years_with_data(region, *, now: datetime.datetime | None = None) -> list[int]:
    """Years worth a report, newest first: those of the engagement log and every year from the
    first strategy version to this one."""
    tz = region.tz
    years = {
        moment.year for moment in Engagement.objects.filter(region=region).datetimes("starts_at", "year", tzinfo=tz)
    }
    this_year = region.today(now).year
    first = sm.StrategyVersion.objects.filter(strategy__region=region).order_by("valid_from").first()
    if first is not None:
        years.update(range(first.valid_from.year, this_year + 1))
    return sorted((y for y in years if y <= this_year + 1), reverse=True)
