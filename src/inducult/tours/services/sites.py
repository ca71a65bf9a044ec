"""The tour planner's data from the database: the region's visitor sites as they are on one day, and
the starting points. The planning itself is pure (``tours.domain.day_plan``)."""

from __future__ import annotations

import datetime

from django.db.models import Q

from inducult.heritage.enums import VISITOR_KINDS
from inducult.heritage.models import Event, Site
from inducult.tours.domain.day_plan import SiteOption


def _minutes(moment: datetime.time) -> int:
    return moment.hour * 60 + moment.minute


def sites_with_events(region, day: datetime.date) -> set[int]:
    """Sites with an approved public event on ``day`` (the region's local day)."""
    start = region.start_of_day(day)
    end = start + datetime.timedelta(days=1)
    events = Event.objects.published().filter(region=region, site__isnull=False, starts_at__lt=end)
    events = events.filter(Q(ends_at__gte=start) | Q(ends_at__isnull=True, starts_at__gte=start))
    return set(events.values_list("site_id", flat=True))


def site_options(region, day: datetime.date) -> list[SiteOption]:
    """Every visitor site of the region as the planner sees it on ``day``."""
    with_events = sites_with_events(region, day)
    options = []
    sites = Site.objects.active().filter(region=region, kind__in=VISITOR_KINDS).order_by("name", "id")
    for site in sites:
        hours = site.hours_on(day)
        options.append(
            SiteOption(
                id=site.pk,
                name=site.display_name,
                kind=site.kind,
                point=(float(site.latitude), float(site.longitude)) if site.has_location else None,
                sectors=tuple(site.sectors),
                state=str(hours.state),
                intervals=tuple((_minutes(i.opens), _minutes(i.closes)) for i in hours.intervals),
                visit_minutes=site.visit_minutes,
                attractiveness=site.attractiveness,
                tour_languages=tuple(site.tour_languages),
                wheelchair=site.wheelchair,
                event_today=site.pk in with_events,
            )
        )
    return options
