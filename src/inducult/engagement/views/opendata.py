"""The engagement log's open data: ``/open/<region-slug>/engagements.ics``, the calendar of a
region's public engagements as iCalendar (RFC 5545). No sign-in, public engagements only, no
personal data.

Only engagements marked public leave through here, planned and held alike, and of each only public
facts: kind, status, title, time, place and outcomes. Never the minutes, the participants (no person,
no e-mail), the follow-up tasks or the attachments. Texts come in the visitor's language where a
translation exists (a calendar app that sends no language gets the region's default).

Decisions a subscriber can rely on (the scaffold's, ``core.ical``, as in every feed, and this feed's):

- ``UID`` is ``engagement-<id>@<region-slug>.inducult``; ``SEQUENCE`` follows its version, ``DTSTAMP``
  and ``LAST-MODIFIED`` are the engagement's last change, so an unchanged log gives an unchanged file.
- Times are in the region's time zone (``TZID`` with a ``VTIMEZONE`` and ``X-WR-TIMEZONE``).
- Date-only engagements are all-day events (``VALUE=DATE``; ``DTEND`` is the day after the last day).
- A timed engagement without an end is shown as lasting ``core.ical.DEFAULT_DURATION`` (two hours: a
  meeting's usual length).
- ``STATUS``: planned → ``TENTATIVE``, held → ``CONFIRMED``.
- Sample engagements (made up for demonstration) say so at the start of ``SUMMARY`` ("[Sample] …",
  translated) and in ``DESCRIPTION``: anything made up is labelled in open data.
- The feed covers last year, this year and everything planned ahead (``PAST_YEARS``); older years
  are there one at a time with ``?year=YYYY``. A subscribed calendar wants what is recent and coming,
  and the whole log of a busy region (tens of thousands of public engagements) would take tens of
  seconds to build on every fetch (docs/performance.md).
"""

from __future__ import annotations

import datetime
import re
import zoneinfo

from django.http import HttpResponseBadRequest
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views import View
from icalendar import Calendar, Event

from inducult.core import ical, opendata
from inducult.engagement.enums import EngagementKind, EngagementStatus, Visibility
from inducult.engagement.models import Engagement
from inducult.regions.views import RegionMixin

PAST_YEARS = 1  # the feed starts on 1 January of this many years before the current one
STATUS = {EngagementStatus.PLANNED: "TENTATIVE", EngagementStatus.HELD: "CONFIRMED"}
# Loading only these keeps the minutes and other internal columns out of reach.
_COLUMNS = (
    "id",
    "region_id",
    "kind",
    "status",
    "title",
    "starts_at",
    "ends_at",
    "date_only",
    "place_text",
    "place_organisation__name",
    "place_organisation__town",
    "place_organisation__translations",
    "outcomes",
    "translations",
    "is_sample",
    "version",
    "created_at",
    "updated_at",
)


def public_engagements(region, *, year: int | None = None, now: datetime.datetime | None = None):
    """The region's public engagements, planned and held, earliest first; deleted ones never.

    Without ``year``: from 1 January ``PAST_YEARS`` years back (in the region's time zone) onwards;
    with it: that calendar year. ``Engagement.objects`` already hides soft-deleted engagements; the
    filter says so here too, so a change of the default manager cannot put one into the open data.
    """
    if year is None:
        first, _end = region.year_bounds(region.today(now).year - PAST_YEARS)
        span = {"starts_at__gte": first}
    else:
        start, end = region.year_bounds(year)
        span = {"starts_at__gte": start, "starts_at__lt": end}
    return (
        Engagement.objects.filter(region=region, visibility=Visibility.PUBLIC, deleted_at__isnull=True, **span)
        .select_related("place_organisation")
        .only(*_COLUMNS)
        .order_by("starts_at", "id")
    )


def calendar_name(region) -> str:
    return f"{region.name} – {capfirst(Engagement._meta.verbose_name_plural)}"


def summary(engagement: Engagement) -> str:
    return ical.sample_summary(engagement.localized("title"), is_sample=engagement.is_sample)


def location(engagement: Engagement) -> str:
    if engagement.place_text:
        return engagement.place_text
    host = engagement.place_organisation
    if host is None:
        return ""
    name = host.display_name
    return f"{name}, {host.town}" if host.town and host.town not in name else name


def kind_label(kind: str) -> str:
    return str(EngagementKind(kind).label) if kind in EngagementKind.values else kind


def event(engagement: Engagement, region, tz: zoneinfo.ZoneInfo) -> Event:
    start, end = ical.event_times(engagement.starts_at, engagement.ends_at, all_day=engagement.date_only, tz=tz)
    vevent = ical.record_event(
        engagement,
        uid=ical.uid(f"engagement-{engagement.pk}", region),
        start=start,
        end=end,
        summary=summary(engagement),
        categories=[kind_label(engagement.kind)],
        status=STATUS.get(engagement.status),
    )
    if place := location(engagement):
        vevent.add("LOCATION", place)
    if text := ical.describe(engagement.localized("outcomes").strip(), is_sample=engagement.is_sample):
        vevent.add("DESCRIPTION", text)
    return ical.mark_sample(vevent, is_sample=engagement.is_sample)


def calendar(region, engagements) -> Calendar:
    """The whole calendar; ``engagements`` as from ``public_engagements()``."""
    tz = region.tz
    return ical.calendar(
        "Engagements",
        region,
        name=calendar_name(region),
        description=ical.licensed(_("Public engagements of %(region)s. Licence: %(licence)s (%(url)s)."), region),
        uid=ical.uid("engagements", region),
        events=[event(e, region, tz) for e in engagements],
    )


class EngagementsIcsView(RegionMixin, View):
    """``/open/<region-slug>/engagements.ics``: the region's public engagements as iCalendar.

    Last year onwards by default; ``?year=YYYY`` gives one calendar year (see ``PAST_YEARS``).
    """

    def get(self, request, *args, **kwargs):
        year = request.GET.get("year")
        if year is not None and not re.fullmatch(r"(19|20)\d\d", year):
            return HttpResponseBadRequest(_("The year must be written as four digits, e.g. 2025."))
        year = int(year) if year else None
        name = f"engagements-{self.region.slug}" + (f"-{year}" if year else "")
        cal = calendar(self.region, public_engagements(self.region, year=year))
        return opendata.open_data(ical.response(cal, filename=f"{name}.ics"))
