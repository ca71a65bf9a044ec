"""Public side of events: the calendar (list and month), event pages with schema.org Event JSON-LD,
and festival pages with their programme and map. Approved events only (the feeds are in
views.opendata.events)."""

from __future__ import annotations

import calendar as month_calendar
import datetime

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.translation import get_language
from django.views.generic import TemplateView

from inducult.core.presentation import jsonld_script
from inducult.core.views.maps import allow_tiles
from inducult.heritage.models import Event, Festival, Site
from inducult.heritage.presentation import event_row, site_marker
from inducult.heritage.services.events import published_events
from inducult.regions.views import RegionMixin


def _parse_month(value: str | None) -> tuple[datetime.date | None, str]:
    if not value:
        return None, ""
    try:
        year, month = (int(part) for part in value.split("-"))
        return datetime.date(year, month, 1), ""
    except ValueError:
        return None, f"“{value[:20]}”"


class EventCalendarView(RegionMixin, TemplateView):
    """Upcoming events as a list, or one month as a table of weeks (``?month=YYYY-MM``)."""

    template_name = "heritage/event_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        tz = self.region.tz
        today = self.region.today()
        month, bad_month = _parse_month(self.request.GET.get("month"))
        events = published_events(self.region)
        if month is None:
            start = self.region.start_of_day(today)
            rows = [event_row(e, tz) for e in events.filter(starts_at__gte=start)[:200]]
            context.update(rows=rows, month=None, bad_month=bad_month, this_month=today.replace(day=1))
            return context
        following = (month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
        first, last = self.region.start_of_day(month), self.region.start_of_day(following)
        rows = [event_row(e, tz) for e in events.filter(starts_at__gte=first, starts_at__lt=last)]
        by_day: dict[datetime.date, list] = {}
        for row in rows:
            by_day.setdefault(row["start"].date(), []).append(row)
        weeks = [
            [{"day": day, "in_month": day.month == month.month, "events": by_day.get(day, [])} for day in week]
            for week in month_calendar.Calendar(firstweekday=0).monthdatescalendar(month.year, month.month)
        ]
        previous = (month - datetime.timedelta(days=1)).replace(day=1)
        context.update(
            rows=rows,
            month=month,
            month_name=f"{MONTHS[month.month]} {month.year}",
            weeks=weeks,
            previous=previous,
            following=following,
            bad_month="",
        )
        return context


def event_document(event: Event, *, url: str, site_url: str | None, language: str, tz) -> dict:
    start = timezone.localtime(event.starts_at, tz)
    end = timezone.localtime(event.ends_at, tz) if event.ends_at else None
    document = {
        "@context": "https://schema.org",
        "@type": "Event",
        "@id": url,
        "url": url,
        "name": event.localized("title", language),
        "startDate": start.date().isoformat() if event.all_day else start.isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "inLanguage": language,
    }
    if end:
        document["endDate"] = end.date().isoformat() if event.all_day else end.isoformat()
    if text := event.localized("description", language):
        document["description"] = text
    location = {"@type": "Place", "name": event.where or event.region.name}
    if event.site_id:
        if site_url:
            location["url"] = site_url
        if event.site.has_location:
            location["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(event.site.latitude),
                "longitude": float(event.site.longitude),
            }
        address = {"@type": "PostalAddress", "addressCountry": event.region.country}
        if event.site.town:
            address["addressLocality"] = event.site.town
        location["address"] = address
    document["location"] = location
    if event.organisation_id:
        document["organizer"] = {"@type": "Organization", "name": event.organisation.name}
    if event.festival_id:
        document["superEvent"] = {"@type": "Festival", "name": event.festival.localized("name", language)}
    if event.price_note:
        document["offers"] = {"@type": "Offer", "description": event.price_note}
    return document


class EventPageView(RegionMixin, TemplateView):
    template_name = "heritage/event_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        event = get_object_or_404(published_events(self.region), pk=kwargs["pk"])
        tz = self.region.tz
        language = (get_language() or self.region.default_language)[:2]
        site_url = (
            self.request.build_absolute_uri(reverse("heritage_public:site", args=[self.region.slug, event.site_id]))
            if event.site_id
            else None
        )
        document = event_document(
            event, url=self.request.build_absolute_uri(), site_url=site_url, language=language, tz=tz
        )
        context.update(
            event=event,
            row=event_row(event, tz),
            title=event.localized("title"),
            description=event.localized("description"),
            jsonld=jsonld_script(document),
        )
        return context


class FestivalView(RegionMixin, TemplateView):
    """A festival's page: its programme across organisers, and a map of where it happens."""

    template_name = "heritage/festival.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        festival = get_object_or_404(Festival, region=self.region, slug=kwargs["festival_slug"])
        tz = self.region.tz
        events = list(published_events(self.region).filter(festival=festival))
        sites = Site.objects.filter(pk__in={e.site_id for e in events if e.site_id})
        context.update(
            festival=festival,
            name=festival.localized("name"),
            description=festival.localized("description"),
            programme=[event_row(e, tz) for e in events],
            markers=[site_marker(site, self.region) for site in sites if site.has_location],
            tiles=settings.INDUCULT_MAP_TILES,
            attribution=settings.INDUCULT_MAP_ATTRIBUTION,
        )
        return context

    def render_to_response(self, context, **response_kwargs):
        return allow_tiles(super().render_to_response(context, **response_kwargs))
