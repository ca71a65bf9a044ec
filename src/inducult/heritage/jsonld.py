"""schema.org JSON-LD for a site's public page (Museum or TouristAttraction with geo and hours).

Only public facts of the site go in; the owning organisation appears by name. The document is
embedded as a data block (``<script type="application/ld+json">``): browsers never run it, so the
Content-Security-Policy without inline scripts is kept; ``<``, ``>`` and ``&`` are escaped so that
no text from a field can close the element.
"""

from __future__ import annotations

import datetime
import json
from typing import Any

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from inducult.heritage.domain import opening_hours as oh
from inducult.heritage.enums import PriceLevel, SiteKind, Wheelchair

_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def site_document(
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


def script(document: dict[str, Any]) -> SafeString:
    text = json.dumps(document, ensure_ascii=False, indent=1).translate(_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308 - escaped above
