"""Open data of approved public events: iCalendar feeds (RFC 5545), the region's, a festival's and a
site's, and events.json (field names are a contract).

The same promises as every feed, made by the scaffold (``core.ical``): a stable ``UID`` per event
(``event-<id>@<region>.inducult``) so that an edit updates a subscribed calendar, ``SEQUENCE`` from
the event's version, times in the region's zone with its ``VTIMEZONE``, all-day events as
``VALUE=DATE`` with ``DTEND`` the day after the last day, samples labelled in ``SUMMARY`` and
``DESCRIPTION``. Only approved events: one waiting for approval, or rejected, is never in a feed.
"""

from __future__ import annotations

import datetime
import json

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from icalendar import Calendar
from icalendar import Event as VEvent

from inducult.core import ical
from inducult.core.opendata import LICENCE, LICENCE_URL, open_data
from inducult.heritage.models import Event, Festival, Site
from inducult.regions.views import RegionMixin

PAST_DAYS = 400  # a feed keeps a year and a bit of past events, then everything ahead


def feed_events(region, **filters):
    since = timezone.now() - datetime.timedelta(days=PAST_DAYS)
    return (
        Event.objects.published()
        .filter(region=region, starts_at__gte=since, **filters)
        .select_related("site", "festival", "organisation")
        .order_by("starts_at", "id")
    )


def vevent(event: Event, region, tz, *, url: str) -> VEvent:
    start, end = ical.event_times(event.starts_at, event.ends_at, all_day=event.all_day, tz=tz)
    item = ical.record_event(
        event,
        uid=ical.uid(f"event-{event.pk}", region),
        start=start,
        end=end,
        summary=ical.sample_summary(event.localized("title"), is_sample=event.is_sample),
        status="CONFIRMED",
    )
    item.add("URL", url)
    if event.where:
        item.add("LOCATION", event.where)
    if event.site_id and event.site.has_location:
        item.add("GEO", (float(event.site.latitude), float(event.site.longitude)))
    festival = event.festival.localized("name") if event.festival_id else ""
    if text := ical.describe(event.localized("description").strip(), festival, is_sample=event.is_sample):
        item.add("DESCRIPTION", text)
    if festival:
        item.add("CATEGORIES", [festival])
    return ical.mark_sample(item, is_sample=event.is_sample)


def calendar(region, events, *, name: str, url_of) -> Calendar:
    tz = region.tz
    return ical.calendar(
        "Events",
        region,
        name=name,
        description=ical.licensed(_("Public events of %(region)s. Licence: %(licence)s (%(url)s)."), region),
        uid=ical.uid("events", region),
        events=[vevent(e, region, tz, url=url_of(e)) for e in events],
    )


def _event_url(request, region):
    return lambda event: request.build_absolute_uri(reverse("heritage_public:event", args=[region.slug, event.pk]))


def _ics(cal: Calendar, filename: str) -> HttpResponse:
    return open_data(ical.response(cal, filename=filename))


class EventsIcsView(RegionMixin, View):
    def get(self, request, *args, **kwargs):
        events = feed_events(self.region)
        name = f"{self.region.name} – {Event._meta.verbose_name_plural}"
        cal = calendar(self.region, events, name=name, url_of=_event_url(request, self.region))
        return _ics(cal, f"events-{self.region.slug}.ics")


class FestivalIcsView(RegionMixin, View):
    def get(self, request, *args, **kwargs):
        festival = get_object_or_404(Festival, region=self.region, slug=kwargs["festival_slug"])
        events = feed_events(self.region, festival=festival)
        cal = calendar(self.region, events, name=festival.localized("name"), url_of=_event_url(request, self.region))
        return _ics(cal, f"{festival.slug}.ics")


class SiteIcsView(RegionMixin, View):
    def get(self, request, *args, **kwargs):
        site = get_object_or_404(Site.objects.active(), region=self.region, pk=kwargs["pk"])
        events = feed_events(self.region, site=site)
        cal = calendar(self.region, events, name=site.display_name, url_of=_event_url(request, self.region))
        return _ics(cal, f"site-{site.pk}.ics")


class EventsJsonView(RegionMixin, View):
    """Approved events from a year ago onwards, for other tools; field names are a contract."""

    def get(self, request, *args, **kwargs):
        tz = self.region.tz
        url_of = _event_url(request, self.region)
        records = []
        for event in feed_events(self.region):
            start = timezone.localtime(event.starts_at, tz)
            end = timezone.localtime(event.ends_at, tz) if event.ends_at else None
            records.append(
                {
                    "id": event.pk,
                    "title": event.title,
                    "titles": {lang: event.localized("title", lang) for lang in self.region.languages or []},
                    "starts_at": start.isoformat(),
                    "ends_at": end.isoformat() if end else None,
                    "all_day": event.all_day,
                    "site_id": event.site_id,
                    "place": event.where,
                    "organiser": event.organisation.name if event.organisation_id else None,
                    "festival": event.festival.slug if event.festival_id else None,
                    "website": event.website,
                    "is_sample": event.is_sample,
                    "url": url_of(event),
                    "updated_at": event.updated_at.astimezone(datetime.UTC).isoformat(),
                }
            )
        document = {
            "region": {"slug": self.region.slug, "name": self.region.name},
            "licence": LICENCE,
            "licence_url": LICENCE_URL,
            "count": len(records),
            "sample_count": sum(record["is_sample"] for record in records),  # of count, made up
            "events": records,
        }
        body = json.dumps(document, ensure_ascii=False, indent=1)
        return open_data(HttpResponse(body, content_type="application/json; charset=utf-8"))
