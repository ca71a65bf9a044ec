"""Private calendar feeds of the action plan: the address's secret, the entries from the database and
their iCalendar form (RFC 5545, all-day events with reminders before deadlines)."""

from __future__ import annotations

import datetime
import hashlib
import secrets

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Alarm, Calendar
from icalendar import Event as VEvent

from inducult.actionplan.domain import calendar
from inducult.actionplan.models import Activity, CalendarFeed, FundingCall
from inducult.core import ical


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def new_feed(*, user, region) -> str:
    """A new secret address for the user's calendar of this region; the previous one stops working."""
    CalendarFeed.objects.filter(user=user, region=region).delete()
    token = secrets.token_urlsafe(32)
    CalendarFeed.objects.create(user=user, region=region, token_hash=token_hash(token))
    return token


def revoke(*, user, region) -> bool:
    return CalendarFeed.objects.filter(user=user, region=region).delete()[0] > 0


def feed_for(token: str) -> CalendarFeed | None:
    if not token or len(token) > 100:
        return None
    return CalendarFeed.objects.select_related("user", "region").filter(token_hash=token_hash(token)).first()


# A calendar program fetches a feed every few minutes; its last use is kept to the hour, not written each time.
USE_STAMP_EVERY = datetime.timedelta(hours=1)


def note_use(feed: CalendarFeed) -> None:
    """Remember when the feed was last fetched (shown to its owner, so an unused address can be revoked)."""
    now = timezone.now()
    if feed.last_used_at is None or now - feed.last_used_at > USE_STAMP_EVERY:
        CalendarFeed.objects.filter(pk=feed.pk).update(last_used_at=now)


def region_entries(region, *, today: datetime.date) -> list[calendar.Entry]:
    calls = [
        calendar.CallFacts(c.pk, str(c.instrument), c.title, c.opens_on, c.closes_on, c.is_sample)
        for c in FundingCall.objects.filter(instrument__region=region).select_related("instrument")
    ]
    activities = [
        calendar.ActivityFacts(a.pk, a.title, a.starts_on, a.ends_on, a.status, a.is_sample)
        for a in Activity.objects.filter(region=region).only("title", "starts_on", "ends_on", "status", "is_sample")
    ]
    return calendar.entries(calls, activities, today=today)


def entry_text(entry: calendar.Entry) -> str:
    texts = {
        "call_closes": _("Deadline: %(subject)s"),
        "call_opens": _("Call opens: %(subject)s"),
        "activity_starts": _("Activity starts: %(subject)s"),
        "activity_ends": _("Activity ends: %(subject)s"),
    }
    return ical.sample_summary(texts[entry.kind] % {"subject": entry.subject}, is_sample=entry.is_sample)


def ics_calendar(region, entries: list[calendar.Entry], *, url_of) -> Calendar:
    """The feed's calendar: whole days only, so without a time zone (a date is the same everywhere)."""
    stamp = ical.stamp()
    items = []
    for entry in entries:
        item = VEvent.new(
            uid=ical.uid(entry.uid, region),
            stamp=stamp,
            start=entry.day,
            end=entry.day + datetime.timedelta(days=1),
            summary=entry_text(entry),
        )
        item.add("URL", url_of(entry))
        item.add("TRANSP", "TRANSPARENT")
        for days in entry.reminders:
            alarm = Alarm()
            alarm.add("ACTION", "DISPLAY")
            alarm.add("DESCRIPTION", entry_text(entry))
            alarm.add("TRIGGER", datetime.timedelta(days=-days))
            item.add_component(alarm)
        items.append(ical.mark_sample(item, is_sample=entry.is_sample))
    return ical.calendar(
        "Action plan",
        region,
        name=_("Action plan of %(region)s") % {"region": region.name},
        uid=ical.uid("actionplan", region),
        events=items,
        zoned=False,
    )
