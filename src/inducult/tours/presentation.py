"""Words and times of a day plan for people: clock times, reasons, the travel times' source."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import ngettext


def clock(minutes: float) -> str:
    """Minutes after midnight as a clock time; a visit is never shown to start before it may."""
    total = int(round(minutes))
    return f"{total // 60:02d}:{total % 60:02d}"


def duration(minutes: float) -> str:
    total = int(round(minutes))
    hours, rest = divmod(total, 60)
    if hours and rest:
        return _("%(hours)d h %(minutes)d min") % {"hours": hours, "minutes": rest}
    if hours:
        return _("%(hours)d h") % {"hours": hours}
    return ngettext("%(minutes)d minute", "%(minutes)d minutes", rest) % {"minutes": rest}


def intervals(pairs) -> str:
    return ", ".join(f"{clock(a)}–{clock(b)}" for a, b in pairs)


def reason_text(item) -> str:
    detail = item.detail
    texts = {
        "closed": _("Closed on that day."),
        "outside_your_day": _("Open only outside your day (%(hours)s).")
        % {"hours": intervals(detail.get("intervals", ()))},
        "too_short_open": _("Not open long enough for a visit of %(minutes)d minutes.")
        % {"minutes": detail.get("visit_minutes", 0)},
        "no_location": _("Its location is not known."),
        "wheelchair": _("Not stated to be wheelchair accessible."),
        "not_your_interest": _("Not among your interests."),
        "no_time": _("No time left beside the places chosen."),
    }
    if item.reason == "must_see_unreachable" and detail.get("because") == "conflict":
        return _("You marked it as a must-see; it fits the day alone, but not together with %(others)s.") % {
            "others": ", ".join(detail.get("with", ()))
        }
    if item.reason == "must_see_unreachable":
        because = texts.get(detail.get("because", ""), "")
        return (_("You marked it as a must-see, but it does not fit into the day.") + " " + because).strip()
    return texts.get(item.reason, item.reason)


def travel_note(source: str, mode: str) -> str:
    if source == "routing":
        return _("Travel times from the road network.")
    if mode == "public_transport":
        return _(
            "Public transport times are estimated from the distance (no timetable is consulted): check the "
            "connections before you go."
        )
    if source == "mixed":
        return _("Travel times from the road network; where it found no route, estimated from the distance.")
    return _("Travel times are estimated from the distance as the crow flies, with a margin for the road.")
