"""Which sites match a visitor's filters. The database narrows by kind, sector, access and tour
language; "open on a day" is read from each remaining site's structured hours (domain.opening_hours).

A site whose hours are unknown or by appointment is never counted as open: it is returned apart, as
"check the opening hours", so that the visitor can decide with the site's own words.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from inducult.heritage.domain import opening_hours as oh
from inducult.heritage.enums import Wheelchair
from inducult.heritage.models import Site


@dataclass(frozen=True)
class Found:
    site: Site
    day: oh.DayHours | None = None  # the hours on the day asked for, if one was


@dataclass(frozen=True)
class Results:
    matches: list[Found] = field(default_factory=list)
    check_hours: list[Found] = field(default_factory=list)  # hours unknown or by appointment that day
    day: datetime.date | None = None


def filtered_sites(region, *, sector="", kind="", wheelchair=False, language=""):
    """The region's sites narrowed by the filters the database can apply (all but "open on")."""
    sites = Site.objects.active().filter(region=region).select_related("organisation")
    if sector:
        sites = sites.filter(sectors__contains=f",{sector},")
    if kind:
        sites = sites.filter(kind=kind)
    if wheelchair:
        sites = sites.filter(wheelchair=Wheelchair.YES)
    if language:
        sites = sites.filter(tour_languages__contains=f",{language},")
    return sites


def find_sites(region, *, sector="", kind="", open_on=None, wheelchair=False, language="") -> Results:
    sites = filtered_sites(region, sector=sector, kind=kind, wheelchair=wheelchair, language=language)
    if open_on is None:
        return Results(matches=[Found(site) for site in sites])
    matches, check = [], []
    for site in sites:
        day = site.hours_on(open_on)
        if day.state in ("open", "open_hours_unknown"):
            matches.append(Found(site, day))
        elif day.state in ("unknown", "by_appointment"):
            check.append(Found(site, day))
    return Results(matches=matches, check_hours=check, day=open_on)
