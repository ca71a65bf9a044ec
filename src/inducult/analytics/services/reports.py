"""Network analytics read from the database: the Django side of ``analytics.domain.network``.

``network_report`` turns one region's rows into the engine's facts and returns its
``NetworkReport``. A fixed number of queries whatever the size of the log (four):

1. the region's organisations that are not archived;
2. the participations (engagement id, start, organisation) of the held engagements in the period
   up to ``as_of``;
3. each organisation's latest held engagement up to ``as_of`` (one GROUP BY): the engine needs it
   only for the "quiet" flag and the "last engaged" date, so the older log is not read row by row;
4. the declared relationships between the region's organisations.

Held means ``status == held`` and not deleted (``Engagement.objects`` hides deleted ones); planned
engagements have not happened and never count. Only participations of the region's current
organisations are read: people without an organisation, organisations of another region and
archived organisations do not appear in the graph.
"""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass, replace

from django.core.cache import cache
from django.db.models import Count, Max, Q
from django.utils import timezone

from inducult.analytics.domain.network import (
    AnalyticsOptions,
    EngagementFacts,
    NetworkReport,
    OrganisationFacts,
    Period,
    RelationshipFacts,
    analyse,
    layout,
)
from inducult.engagement.enums import EngagementStatus
from inducult.engagement.models import Engagement, EngagementParticipant
from inducult.network.models import Organisation, OrganisationRelationship

DEFAULT_QUIET_MONTHS = 12


def year_period(region, year: int, *, now: datetime.datetime | None = None) -> tuple[Period, datetime.date]:
    """1 January to 31 December of ``year``, seen as of 31 December or today (in the region's time
    zone), whichever comes first."""
    period = Period(datetime.date(year, 1, 1), datetime.date(year, 12, 31))
    return period, min(period.end, region.today(now))


def network_report(
    region,
    *,
    year: int | None = None,
    start: datetime.date | None = None,
    end: datetime.date | None = None,
    as_of: datetime.date | None = None,
    quiet_months: int = DEFAULT_QUIET_MONTHS,
    options: AnalyticsOptions | None = None,
    now: datetime.datetime | None = None,
) -> NetworkReport:
    """The analytics of ``region``'s network for a ``year`` or from ``start`` to ``end`` (inclusive).

    Without ``as_of`` the report sees the world as of the period's end or today, whichever comes
    first. ``quiet_months`` overrides ``options.quiet_months``. Raises ``AnalyticsError`` (a
    ValueError) for a period that ends before it starts.
    """
    if year is not None:
        if start is not None or end is not None:
            raise ValueError("give either a year or a start and an end, not both")
        period, default_as_of = year_period(region, year, now=now)
    else:
        if start is None or end is None:
            raise ValueError("give a year, or both a start and an end")
        period = Period(start, end)
        default_as_of = min(period.end, region.today(now))
    as_of = as_of or default_as_of
    options = replace(options or AnalyticsOptions(), quiet_months=quiet_months)

    tz = region.tz
    organisations = {
        pk: OrganisationFacts(id=pk, kind=kind, municipality=town, name=name)
        for pk, kind, town, name in Organisation.objects.filter(region=region, archived_at__isnull=True)
        .values_list("id", "kind", "town", "name")
        .order_by()
    }

    window_end = min(period.end, as_of)
    held = Engagement.objects.filter(region=region, status=EngagementStatus.HELD)
    region_organisations = Organisation.objects.filter(region=region, archived_at__isnull=True).values("id")
    participations = EngagementParticipant.objects.filter(
        organisation__in=region_organisations, organisation__isnull=False
    ).order_by()

    members: dict[int, set[int]] = {}
    dates: dict[int, datetime.date] = {}
    if period.start <= window_end:
        start, end = region.start_of_day(period.start), region.start_of_day(window_end + datetime.timedelta(days=1))
        in_period = participations.filter(
            engagement__in=held.filter(starts_at__gte=start, starts_at__lt=end).values("id")
        ).values_list("engagement_id", "engagement__starts_at", "organisation_id")
        for engagement_id, starts_at, organisation_id in in_period:
            if organisation_id not in organisations:
                continue
            members.setdefault(engagement_id, set()).add(organisation_id)
            dates[engagement_id] = timezone.localtime(starts_at, tz).date()
    engagements = [
        EngagementFacts(id=pk, date=dates[pk], organisation_ids=frozenset(ids)) for pk, ids in members.items()
    ]

    # The latest engagement of each organisation up to as_of, inside the period or not. One made-up
    # engagement of that organisation alone on that day (negative ids, which the database never
    # gives) tells the engine as much as the whole older log would: before the period or after its
    # end, an engagement only moves "last engaged", and a single organisation makes no tie.
    held_by_as_of = held.filter(starts_at__lt=region.start_of_day(as_of + datetime.timedelta(days=1)))
    latest = (
        participations.filter(engagement__in=held_by_as_of.values("id"))
        .values("organisation_id")
        .annotate(last=Max("engagement__starts_at"))
        .values_list("organisation_id", "last")
    )
    for organisation_id, last in latest:
        if organisation_id not in organisations:
            continue
        day = timezone.localtime(last, tz).date()
        if day not in period:  # inside it, the rows read above already hold that engagement
            engagements.append(
                EngagementFacts(id=-organisation_id, date=day, organisation_ids=frozenset({organisation_id}))
            )

    relationships = [
        RelationshipFacts(a=a, b=b, type=kind, valid_from=valid_from, valid_to=valid_to)
        for a, b, kind, valid_from, valid_to in OrganisationRelationship.objects.filter(source__region=region)
        .values_list("source_id", "target_id", "kind", "valid_from", "valid_to")
        .order_by()
        # Both ends must be current organisations of the region; the model's checks refuse the rest.
        if a in organisations and b in organisations and a != b
    ]
    return analyse(organisations.values(), engagements, relationships, period=period, as_of=as_of, options=options)


# --- Samples behind a report ------------------------------------------------------------------------


@dataclass(frozen=True)
class SampleShare:
    """How many of the held engagements a report reads (those of the region's organisations up to its
    ``as_of``: the period's make the ties, the older ones "last engaged") are made-up samples."""

    samples: int
    total: int

    @property
    def includes_samples(self) -> bool:
        return self.samples > 0


def sample_share(region, *, year: int, now: datetime.datetime | None = None) -> SampleShare:
    """The ``SampleShare`` of the year's report (two counts in one query)."""
    _period, as_of = year_period(region, year, now=now)
    read = Engagement.objects.filter(
        region=region,
        status=EngagementStatus.HELD,
        starts_at__lt=region.start_of_day(as_of + datetime.timedelta(days=1)),
        participants__organisation__region=region,
        participants__organisation__archived_at__isnull=True,
    ).distinct()
    counts = Engagement.objects.filter(pk__in=read.values("pk")).aggregate(
        total=Count("id"), samples=Count("id", filter=Q(is_sample=True))
    )
    return SampleShare(samples=counts["samples"], total=counts["total"])


# --- Kept reports ----------------------------------------------------------------------------------

# A report of a large region takes seconds (docs/performance.md); the analytics page, its SVG and the
# network view ask for the same one. It is kept in Django's cache under a key that changes with the
# data it reads, so an edit shows at the next request; the timeout bounds what the key cannot see
# (an edit to a participant row that changes neither its engagement nor the counts).
REPORT_CACHE_SECONDS = 600


def data_version(region) -> str:
    """What the report reads, summed up in three aggregate queries: counts and newest changes of
    the region's engagements, participations, organisations and relationships."""
    # all_objects: a soft deletion changes updated_at, which only the manager that sees it can read.
    facts = Engagement.all_objects.filter(region=region).aggregate(
        n=Count("id"), changed=Max("updated_at"), participants=Count("participants")
    )
    organisations = Organisation.objects.filter(region=region).aggregate(n=Count("id"), changed=Max("updated_at"))
    relationships = OrganisationRelationship.objects.filter(
        Q(source__region=region) | Q(target__region=region)
    ).aggregate(n=Count("id"), changed=Max("updated_at"))
    return f"{facts}|{organisations}|{relationships}"


def kept_report(region, *, year: int, quiet_months: int = DEFAULT_QUIET_MONTHS):
    """``network_report`` for a year, its drawing positions and its ``SampleShare``, from the cache
    while the data is unchanged."""
    today = region.today()
    key = (
        "network.report:"
        + hashlib.sha256(f"{region.pk}:{year}:{quiet_months}:{today}:{data_version(region)}".encode()).hexdigest()
    )
    kept = cache.get(key)
    if kept is None:
        report = network_report(region, year=year, quiet_months=quiet_months)
        kept = (report, layout(report), sample_share(region, year=year))
        cache.set(key, kept, REPORT_CACHE_SECONDS)
    return kept
