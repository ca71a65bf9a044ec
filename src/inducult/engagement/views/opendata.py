"""The engagement log's open data: ``/open/<region-slug>/engagements.ics``, the calendar of a
region's public engagements as iCalendar (RFC 5545). No sign-in, public engagements only, no
personal data.

Only engagements marked public leave through here, planned and held alike, and of each only public
facts: kind, status, title, time, place and outcomes. Never the minutes, the participants (no person,
no e-mail), the follow-up tasks or the attachments. Texts come in the visitor's language where a
translation exists (a calendar app that sends no language gets the region's default).

Decisions a subscriber can rely on:

- ``UID`` is ``engagement-<id>@<region-slug>.inducult``: stable, so an edited engagement updates the
  event in a subscribed calendar instead of adding a second one; ``SEQUENCE`` follows its version.
- ``DTSTAMP`` and ``LAST-MODIFIED`` are the engagement's last change (RFC 5545 3.8.7.2: without a
  ``METHOD``, the stamp is the last revision), so an unchanged log gives an unchanged file.
- Times are in the region's time zone (``TZID`` with a ``VTIMEZONE`` and ``X-WR-TIMEZONE``).
- Date-only engagements are all-day events (``VALUE=DATE``; ``DTEND`` is the day after the last day).
- A timed engagement without an end is shown as lasting ``DEFAULT_DURATION`` (two hours: a meeting's
  usual length), since calendar apps draw an event without an end as a zero-length sliver or not at all.
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

from django.http import HttpResponse, HttpResponseBadRequest
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views import View
from icalendar import Calendar, Event, Timezone

from inducult.core import opendata
from inducult.engagement.enums import EngagementKind, EngagementStatus, Visibility
from inducult.engagement.models import Engagement
from inducult.regions.views import RegionMixin

PRODID = "-//InduCult Hub//Engagements//EN"
DEFAULT_DURATION = datetime.timedelta(hours=2)
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


def _start_of_year(year: int, tz: zoneinfo.ZoneInfo) -> datetime.datetime:
    return datetime.datetime(year, 1, 1, tzinfo=tz)


def public_engagements(region, *, year: int | None = None, now: datetime.datetime | None = None):
    """The region's public engagements, planned and held, earliest first; deleted ones never.

    Without ``year``: from 1 January ``PAST_YEARS`` years back (in the region's time zone) onwards;
    with it: that calendar year. ``Engagement.objects`` already hides soft-deleted engagements; the
    filter says so here too, so a change of the default manager cannot put one into the open data.
    """
    tz = region.tz
    if year is None:
        current = timezone.localtime(now or timezone.now(), tz).year
        span = {"starts_at__gte": _start_of_year(current - PAST_YEARS, tz)}
    else:
        span = {"starts_at__gte": _start_of_year(year, tz), "starts_at__lt": _start_of_year(year + 1, tz)}
    return (
        Engagement.objects.filter(region=region, visibility=Visibility.PUBLIC, deleted_at__isnull=True, **span)
        .select_related("place_organisation")
        .only(*_COLUMNS)
        .order_by("starts_at", "id")
    )


def calendar_name(region) -> str:
    return f"{region.name} – {capfirst(Engagement._meta.verbose_name_plural)}"


def uid(engagement: Engagement, region) -> str:
    return f"engagement-{engagement.pk}@{region.slug}.inducult"


def _sample_label() -> str:
    return f"[{_('Sample')}]"


def summary(engagement: Engagement) -> str:
    title = engagement.localized("title")
    return f"{_sample_label()} {title}" if engagement.is_sample else title


def location(engagement: Engagement) -> str:
    if engagement.place_text:
        return engagement.place_text
    host = engagement.place_organisation
    if host is None:
        return ""
    name = host.display_name
    return f"{name}, {host.town}" if host.town and host.town not in name else name


def description(engagement: Engagement) -> str:
    parts = []
    if engagement.is_sample:
        parts.append(_("Sample record: made up for demonstration."))
    outcomes = engagement.localized("outcomes").strip()
    if outcomes:
        parts.append(outcomes)
    return "\n\n".join(parts)


def kind_label(kind: str) -> str:
    return str(EngagementKind(kind).label) if kind in EngagementKind.values else kind


def _times(engagement: Engagement, tz: zoneinfo.ZoneInfo) -> tuple[datetime.date, datetime.date]:
    start = timezone.localtime(engagement.starts_at, tz)
    end = timezone.localtime(engagement.ends_at, tz) if engagement.ends_at else None
    if engagement.date_only:
        last_day = end.date() if end else start.date()
        return start.date(), max(last_day, start.date()) + datetime.timedelta(days=1)
    return start, end if end else start + DEFAULT_DURATION


def event(engagement: Engagement, region, tz: zoneinfo.ZoneInfo) -> Event:
    start, end = _times(engagement, tz)
    changed = engagement.updated_at.astimezone(datetime.UTC)
    vevent = Event.new(
        uid=uid(engagement, region),
        stamp=changed,
        last_modified=changed,
        created=engagement.created_at.astimezone(datetime.UTC),
        sequence=max(engagement.version - 1, 0),
        start=start,
        end=end,
        summary=summary(engagement),
        categories=[kind_label(engagement.kind)],
        status=STATUS.get(engagement.status),
    )
    vevent.add("CLASS", "PUBLIC")
    if place := location(engagement):
        vevent.add("LOCATION", place)
    if text := description(engagement):
        vevent.add("DESCRIPTION", text)
    return vevent


def calendar(region, engagements) -> Calendar:
    """The whole calendar; ``engagements`` as from ``public_engagements()``."""
    tz = region.tz
    events = [event(e, region, tz) for e in engagements]
    cal = Calendar.new(
        prodid=PRODID,
        name=calendar_name(region),
        description=_("Public engagements of %(region)s. Licence: %(licence)s (%(url)s).")
        % {"region": region.name, "licence": opendata.LICENCE, "url": opendata.LICENCE_URL},
        uid=f"engagements@{region.slug}.inducult",
    )
    cal.add("X-WR-TIMEZONE", region.time_zone)
    # The time zone goes in even for an empty calendar: X-WR-TIMEZONE names it, and a calendar
    # needs at least one component. Its rules cover the years the engagements span.
    years = [e.get("DTSTART").dt.year for e in events] or [timezone.now().year]
    cal.add_component(
        Timezone.from_tzid(
            region.time_zone,
            first_date=datetime.date(min(years) - 1, 1, 1),
            last_date=datetime.date(max(years) + 2, 1, 1),
        )
    )
    for vevent in events:
        cal.add_component(vevent)
    # Every DTSTART/DTEND is in the region's zone, added above; add_missing_timezones() would only
    # confirm that by walking every property (a second per 8,000 events).
    return cal


def ics_bytes(region, *, year: int | None = None) -> bytes:
    cal = calendar(region, public_engagements(region, year=year))
    cal.validate()
    return cal.to_ical()


class EngagementsIcsView(RegionMixin, View):
    """``/open/<region-slug>/engagements.ics``: the region's public engagements as iCalendar.

    Last year onwards by default; ``?year=YYYY`` gives one calendar year (see ``PAST_YEARS``).
    """

    def get(self, request, *args, **kwargs):
        year = request.GET.get("year")
        if year is not None and not re.fullmatch(r"(19|20)\d\d", year):
            return HttpResponseBadRequest(_("The year must be written as four digits, e.g. 2025."))
        year = int(year) if year else None
        body = ics_bytes(self.region, year=year)
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        name = f"engagements-{self.region.slug}" + (f"-{year}" if year else "")
        # inline: a browser hands it to the calendar app; the name is what a download is saved as.
        response["Content-Disposition"] = f'inline; filename="{name}.ics"'
        return opendata.open_data(response)
