"""The iCalendar scaffold (RFC 5545) every calendar of the platform is built on: the engagements' and
the public events' open data, the action plan's private feed and the tour planner's plan.

There is one so that every calendar makes the same promises, and a fix to one (a time zone, a stamp)
reaches all of them. An app says only what its events say; this module gives:

- the header: ``PRODID`` ``-//InduCult Hub//<product>//EN``, the calendar's name (``NAME`` and
  ``X-WR-CALNAME``), a description, and ``UID``;
- every ``UID`` is ``<local>@<region-slug>.inducult``: stable, so an edited record updates the event in a
  subscribed calendar instead of adding a second one;
- an event of a stored record (``record_event``): ``DTSTAMP`` and ``LAST-MODIFIED`` are its last
  change (RFC 5545 3.8.7.2: without a ``METHOD`` the stamp is the last revision), so an unchanged record
  gives an unchanged event, ``CREATED``, ``SEQUENCE`` from its version, ``CLASS:PUBLIC``; an event
  made for the moment (a reminder, a plan) is stamped now (``stamp``);
- times in the region's zone (``event_times``): whole days as ``VALUE=DATE`` with ``DTEND`` the day
  after the last day, and a timed event without an end lasting ``DEFAULT_DURATION``, since calendar
  apps draw an event without an end as a zero-length sliver or not at all;
- the zone itself: ``X-WR-TIMEZONE`` and a ``VTIMEZONE`` whose rules cover the events' years (a year
  before the first to two after the last). It goes in even when there are no events, so that a
  calendar always has the component RFC 5545 requires. A calendar of whole days only (the action
  plan) has no zone: its dates are the same everywhere;
- sample records labelled in ``SUMMARY`` ("[Sample] …") and ``DESCRIPTION`` (``sample_summary``,
  ``describe``), and for programs in ``X-INDUCULT-SAMPLE:TRUE`` (``mark_sample``);
- the bytes and the HTTP answer (``response``).

Nothing here calls ``Calendar.validate()`` at run time: the header always has ``PRODID`` and
``VERSION`` and a zoned calendar always has its ``VTIMEZONE``, so it could not fail, except for an
empty action plan, which is answered as before (tests/core/test_ical.py validates every shape).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, Timezone

from inducult.core.opendata import LICENCE, LICENCE_URL

CONTENT_TYPE = "text/calendar; charset=utf-8"
DEFAULT_DURATION = datetime.timedelta(hours=2)


def uid(local: str, region) -> str:
    """A calendar's or an event's ``UID``: ``local`` made unique among installations by the region."""
    return f"{local}@{region.slug}.inducult"


def stamp(moment: datetime.datetime | None = None) -> datetime.datetime:
    """A ``DTSTAMP``-ready moment in UTC; now when none is given (an event made for this answer)."""
    return (moment or timezone.now()).astimezone(datetime.UTC)


def licensed(sentence: str, region) -> str:
    """An open-data calendar's description: a translated ``sentence`` with ``%(region)s``,
    ``%(licence)s`` and ``%(url)s`` filled in with the region and the terms of all open data."""
    return sentence % {"region": region.name, "licence": LICENCE, "url": LICENCE_URL}


def sample_summary(text: str, *, is_sample: bool) -> str:
    """A ``SUMMARY`` that says so at its start when the record is made up: "[Sample] …"."""
    return f"[{_('Sample')}] {text}" if is_sample else text


def describe(*texts: str, is_sample: bool = False) -> str:
    """A ``DESCRIPTION`` of the given texts, paragraph by paragraph, the empty ones left out; a made-up
    record's starts by saying so."""
    parts = [_("Sample record: made up for demonstration.")] if is_sample else []
    return "\n\n".join(parts + [text for text in texts if text])


SAMPLE_PROPERTY = "X-INDUCULT-SAMPLE"


def mark_sample(event: Event, *, is_sample: bool) -> Event:
    """Say in a property a program can read that a made-up record's event is a sample."""
    if is_sample:
        event.add(SAMPLE_PROPERTY, "TRUE")
    return event


def event_times(
    starts_at: datetime.datetime, ends_at: datetime.datetime | None, *, all_day: bool, tz: datetime.tzinfo
) -> tuple[datetime.date, datetime.date] | tuple[datetime.datetime, datetime.datetime]:
    """``DTSTART`` and ``DTEND`` in the zone ``tz``: dates for a whole-day event (``DTEND`` the day
    after the last day), times otherwise (without an end, ``DEFAULT_DURATION`` after the start)."""
    start = timezone.localtime(starts_at, tz)
    end = timezone.localtime(ends_at, tz) if ends_at else None
    if all_day:
        last_day = end.date() if end else start.date()
        return start.date(), max(last_day, start.date()) + datetime.timedelta(days=1)
    return start, end if end else start + DEFAULT_DURATION


def record_event(record, *, uid: str, start, end, summary: str, **properties) -> Event:
    """The public event of a stored record (one with ``created_at``, ``updated_at`` and ``version``):
    stamped with its last change and numbered by its version, so a subscribed calendar sees an edit
    as a new revision of the same event. ``properties`` are further arguments of ``Event.new``."""
    changed = stamp(record.updated_at)
    event = Event.new(
        uid=uid,
        stamp=changed,
        last_modified=changed,
        created=stamp(record.created_at),
        sequence=max(record.version - 1, 0),
        start=start,
        end=end,
        summary=summary,
        **properties,
    )
    event.add("CLASS", "PUBLIC")
    return event


def calendar(
    product: str,
    region,
    *,
    name: str,
    events: Iterable[Event],
    uid: str | None = None,
    description: str | None = None,
    zoned: bool = True,
) -> Calendar:
    """A calendar of the region: the header, then (``zoned``) the region's time zone, then ``events``.

    ``product`` names the calendar in ``PRODID`` ("Engagements"); ``uid`` is a ``UID`` made with
    ``uid()`` (without one, icalendar gives a random one, as for a plan made for one answer).
    ``zoned=False`` for a calendar of whole days only.
    """
    events = list(events)
    cal = Calendar.new(prodid=f"-//InduCult Hub//{product}//EN", name=name, description=description, uid=uid)
    if zoned:
        cal.add("X-WR-TIMEZONE", region.time_zone)
        years = [event.get("DTSTART").dt.year for event in events] or [timezone.now().year]
        cal.add_component(
            Timezone.from_tzid(
                region.time_zone,
                first_date=datetime.date(min(years) - 1, 1, 1),
                last_date=datetime.date(max(years) + 2, 1, 1),
            )
        )
    for event in events:
        cal.add_component(event)
    # Every DTSTART/DTEND is in the region's zone, added above; add_missing_timezones() would only
    # confirm that by walking every property (a second per 8,000 events).
    return cal


def response(cal: Calendar, *, filename: str, as_attachment: bool = False) -> HttpResponse:
    """The calendar as an HTTP answer. Inline by default: a browser hands a feed to the calendar app,
    and ``filename`` is what a download is saved as; ``as_attachment`` for a file to keep (a plan)."""
    answer = HttpResponse(cal.to_ical(), content_type=CONTENT_TYPE)
    answer["Content-Disposition"] = f'{"attachment" if as_attachment else "inline"}; filename="{filename}"'
    return answer
