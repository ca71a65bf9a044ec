"""Opening hours in the visitor's language (the structure is in domain.opening_hours)."""

from __future__ import annotations

from django.utils import formats
from django.utils.dates import MONTHS, WEEKDAYS_ABBR
from django.utils.translation import gettext as _

from inducult.heritage.domain import opening_hours as oh


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


def hours_lines(hours: oh.OpeningHours) -> list[str]:
    """The schedule as lines for the site's page."""
    if hours.kind == "unknown":
        return []
    if hours.kind == "by_appointment":
        lines = [_("By appointment")]
    else:
        lines = []
        for season in hours.seasons:
            span = _("%(start)s to %(end)s") % {
                "start": f"{season.start.day} {MONTHS[season.start.month]}",
                "end": f"{season.end.day} {MONTHS[season.end.month]}",
            }
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
