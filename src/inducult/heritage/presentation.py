"""How the heritage pages read to people: opening hours in the visitor's language (the structure is
in domain.opening_hours), the kinds' and sectors' labels, map markers, the event rows, and the
schema.org JSON-LD document of a site's public page.

The JSON-LD of a site's page (Museum or TouristAttraction with geo and hours) holds only public facts
of the site; the owning organisation appears by name. This module builds the document; the page
embeds it with ``core.presentation.jsonld_script``, which escapes it. The map pages' CSP is
``core.views.maps``.
"""

from __future__ import annotations

import datetime
import re
from functools import cache
from typing import Any

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.dates import WEEKDAYS_ABBR
from django.utils.formats import get_format
from django.utils.translation import gettext as _

from inducult.heritage.domain import opening_hours as oh
from inducult.heritage.domain import stated_hours
from inducult.heritage.enums import PriceLevel, SiteKind, Wheelchair
from inducult.heritage.models import Event
from inducult.network.enums import Sector


def _intervals(intervals) -> str:
    return ", ".join(f"{i.opens:%H:%M}–{i.closes:%H:%M}" for i in intervals)


def day_text(day: oh.DayHours) -> str:
    """One day's hours as a short sentence."""
    if day.state == "open":
        return _("Open %(hours)s") % {"hours": _intervals(day.intervals)}
    if day.state == "open_hours_unknown":
        return _("Open; the hours are not stated")
    if day.state == "closed":
        return _("Closed")
    if day.state == "by_appointment":
        return _("By appointment")
    return _("Opening hours unknown")


def _weekdays(days) -> str:
    days = sorted(days)
    if days == list(range(7)):
        return _("daily")
    # Runs of consecutive days read better as ranges: "Wed–Sun", "Mon, Wed–Fri".
    runs, start, previous = [], None, None
    for day in days:
        if start is None:
            start = previous = day
        elif day == previous + 1:
            previous = day
        else:
            runs.append((start, previous))
            start = previous = day
    if start is not None:
        runs.append((start, previous))
    return ", ".join(str(WEEKDAYS_ABBR[a]) if a == b else f"{WEEKDAYS_ABBR[a]}–{WEEKDAYS_ABBR[b]}" for a, b in runs)


def _day_month(day) -> str:
    """A day of the year as the reader's language writes it: "15 April", "15. April", "15. dubna".

    The locale's month-and-day format with the month as it stands after a day number (Django's "E":
    the genitive in Czech, the plain name elsewhere); a leap year holds 29 February."""
    return formats.date_format(
        datetime.date(2000, day.month, day.day), get_format("MONTH_DAY_FORMAT").replace("F", "E")
    )


def hours_lines(hours: oh.OpeningHours) -> list[str]:
    """The schedule as lines for the site's page."""
    if hours.kind == "unknown":
        return []
    if hours.kind == "by_appointment":
        lines = [_("By appointment")]
    else:
        lines = []
        for season in hours.seasons:
            span = _("%(start)s to %(end)s") % {"start": _day_month(season.start), "end": _day_month(season.end)}
            when = _weekdays(season.weekdays)
            times = _intervals(season.intervals) if season.intervals else _("hours not stated")
            lines.append(f"{span}: {when} {times}")
        if not hours.seasons:
            lines.append(_("Closed"))
    for exception in hours.exceptions:
        span = formats.date_format(exception.start, "SHORT_DATE_FORMAT")
        if exception.end != exception.start:
            span += "–" + formats.date_format(exception.end, "SHORT_DATE_FORMAT")
        what = _("closed") if exception.closed else _intervals(exception.intervals)
        lines.append(f"{span}: {what}")
    if hours.note:
        lines.append(hours.note)
    return lines


@cache
def _reason_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each reason the stated-hours reader gives, as a pattern that finds its quoted parts again."""
    patterns = []
    for reason in stated_hours.REASONS:
        parts = re.split(r"%\((\w+)\)s", reason)  # text, name, text, name, …, text
        regex = "".join(re.escape(part) if i % 2 == 0 else f"(?P<{part}>.+)" for i, part in enumerate(parts))
        patterns.append((reason, re.compile(regex, re.DOTALL)))
    return tuple(patterns)


def _one_reason(text: str) -> str | None:
    for reason, pattern in _reason_patterns():
        if match := pattern.fullmatch(text):
            return _(reason) % match.groupdict() if match.groupdict() else _(reason)
    return None


def hours_review(text: str) -> str:
    """Why a site's stated hours are to be checked, in the reader's language: the reason is stored
    in English as the reader gave it (several joined by "; "); parts quoted from the stated text stay
    as stated. A reason written by hand is shown as written."""
    if not text:
        return ""
    whole = _one_reason(text)
    if whole is not None:
        return whole
    parts = [_one_reason(part) for part in text.split("; ")]
    return "; ".join(parts) if all(p is not None for p in parts) else text


def outside_region_note(region_name: str) -> str:
    """What a place outside the region's borders says on its pages, in the active language. Why it is
    listed is what the reference list says of its rows outside the region."""
    return _("Outside the region (%(region)s): listed because it belongs to the same industrial story.") % {
        "region": region_name
    }


KIND_LABELS = dict(SiteKind.choices)
SECTOR_LABELS = dict(Sector.choices)


def site_marker(site, region, day: oh.DayHours | None = None) -> dict:
    """What the map script needs of one site of ``region`` (sites without coordinates have no marker)."""
    return {
        "id": site.pk,
        "name": site.display_name,
        "lat": float(site.latitude),
        "lon": float(site.longitude),
        "kind": KIND_LABELS.get(site.kind, site.kind),
        "day": day_text(day) if day else "",
        "sample": site.is_sample,
        "outside_region": outside_region_note(region.name) if site.outside_region else "",
        "url": reverse("heritage_public:site", args=[region.slug, site.pk]),
    }


def event_row(event: Event, tz) -> dict:
    start = timezone.localtime(event.starts_at, tz)
    end = timezone.localtime(event.ends_at, tz) if event.ends_at else None
    return {
        "pk": event.pk,
        "title": event.localized("title"),
        "start": start,
        "end": end,
        "all_day": event.all_day,
        "where": event.where,
        "site_pk": event.site_id,
        "festival": event.festival,
        "is_sample": event.is_sample,
    }


def site_jsonld(
    site, *, url: str, language: str, today: datetime.date, photos: list[tuple[str, Any]] = ()
) -> dict[str, Any]:
    """``photos``: (absolute URL, SitePhoto) pairs in the order the site shows them."""
    document: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Museum" if site.kind == SiteKind.MUSEUM else "TouristAttraction",
        "@id": url,
        "url": url,
        "name": site.localized("name", language),
        "inLanguage": language,
    }
    description = site.localized("description", language)
    if description:
        document["description"] = description
    if site.name != document["name"]:
        document["alternateName"] = site.name
    address = {"@type": "PostalAddress", "addressCountry": site.region.country}
    if site.town:
        address["addressLocality"] = site.town
    if site.address:
        address["streetAddress"] = site.address
    document["address"] = address
    if site.has_location:
        document["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(site.latitude),
            "longitude": float(site.longitude),
        }
    if site.website:
        document["sameAs"] = [site.website]
    hours = site.hours()
    specification = oh.schema_org(hours, today.year)
    if specification:
        document["openingHoursSpecification"] = specification
    if site.price_level == PriceLevel.FREE:
        document["isAccessibleForFree"] = True
    if site.wheelchair:
        document["amenityFeature"] = [
            {
                "@type": "LocationFeatureSpecification",
                "name": "wheelchair accessible",
                "value": site.wheelchair == Wheelchair.YES,
            }
        ]
    if site.tour_languages:
        document["availableLanguage"] = [code for code in site.tour_languages if code != "other"]
    if photos:
        document["image"] = [_image(address, photo, language) for address, photo in photos]
    if site.organisation_id:
        document["maintainer"] = {"@type": "Organization", "name": site.organisation.name}
    if site.outside_region:
        document["additionalProperty"] = [
            {
                "@type": "PropertyValue",
                "propertyID": "outside_region",
                "name": outside_region_note(site.region.name),
                "value": True,
            }
        ]
    return document


def _image(url: str, photo, language: str) -> dict[str, Any]:
    image = {
        "@type": "ImageObject",
        "contentUrl": url,
        "width": photo.width,
        "height": photo.height,
        "description": photo.localized("alt_text", language),
    }
    if photo.credit:
        image["creditText"] = photo.credit
    return image
