"""iCalendar feeds of approved public events (RFC 5545): the region's, a festival's and a site's.

The same promises as the engagements feed (engagement.views.opendata): a stable ``UID`` per event
(``event-<id>@<region>.inducult``) so that an edit updates a subscribed calendar, ``SEQUENCE`` from
the event's version, times in the region's zone with its ``VTIMEZONE``, all-day events as
``VALUE=DATE`` with ``DTEND`` the day after the last day, samples labelled in ``SUMMARY`` and
``DESCRIPTION``. Only approved events: one waiting for approval, or rejected, is never in a feed.
"""

from __future__ import annotations

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Timezone
from icalendar import Event as VEvent

from inducult.core import opendata
from inducult.heritage.models import Event

PRODID = "-//InduCult Hub//Events//EN"
DEFAULT_DURATION = datetime.timedelta(hours=2)
PAST_DAYS = 400  # a feed keeps a year and a bit of past events, then everything ahead


def feed_events(region, **filters):
    since = timezone.now() - datetime.timedelta(days=PAST_DAYS)
    return (
        Event.objects.published()
        .filter(region=region, starts_at__gte=since, **filters)
        .select_related("site", "festival", "organisation")
        .order_by("starts_at", "id")
    )


def _times(event: Event, tz) -> tuple:
    start = timezone.localtime(event.starts_at, tz)
    end = timezone.localtime(event.ends_at, tz) if event.ends_at else None
    if event.all_day:
        last = end.date() if end else start.date()
        return start.date(), max(last, start.date()) + datetime.timedelta(days=1)
    return start, end if end else start + DEFAULT_DURATION


def vevent(event: Event, region, tz, *, url: str) -> VEvent:
    start, end = _times(event, tz)
    changed = event.updated_at.astimezone(datetime.UTC)
    title = event.localized("title")
    item = VEvent.new(
        uid=f"event-{event.pk}@{region.slug}.inducult",
        stamp=changed,
        last_modified=changed,
        created=event.created_at.astimezone(datetime.UTC),
        sequence=max(event.version - 1, 0),
        start=start,
        end=end,
        summary=f"[{_('Sample')}] {title}" if event.is_sample else title,
        status="CONFIRMED",
    )
    item.add("CLASS", "PUBLIC")
    item.add("URL", url)
    if event.where:
        item.add("LOCATION", event.where)
    if event.site_id and event.site.has_location:
        item.add("GEO", (float(event.site.latitude), float(event.site.longitude)))
    parts = []
    if event.is_sample:
        parts.append(_("Sample record: made up for demonstration."))
    if text := event.localized("description").strip():
        parts.append(text)
    if event.festival_id:
        parts.append(event.festival.localized("name"))
    if parts:
        item.add("DESCRIPTION", "\n\n".join(parts))
    if event.festival_id:
        item.add("CATEGORIES", [event.festival.localized("name")])
    return item


def ics_bytes(region, events, *, name: str, url_of) -> bytes:
    tz = region.tz
    items = [vevent(e, region, tz, url=url_of(e)) for e in events]
    cal = Calendar.new(
        prodid=PRODID,
        name=name,
        description=_("Public events of %(region)s. Licence: %(licence)s (%(url)s).")
        % {"region": region.name, "licence": opendata.LICENCE, "url": opendata.LICENCE_URL},
        uid=f"events@{region.slug}.inducult",
    )
    cal.add("X-WR-TIMEZONE", region.time_zone)
    years = [i.get("DTSTART").dt.year for i in items] or [timezone.now().year]
    cal.add_component(
        Timezone.from_tzid(
            region.time_zone,
            first_date=datetime.date(min(years) - 1, 1, 1),
            last_date=datetime.date(max(years) + 2, 1, 1),
        )
    )
    for item in items:
        cal.add_component(item)
    cal.validate()
    return cal.to_ical()
