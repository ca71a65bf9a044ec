"""How cooperation reads to people: a suggestion's reasons as sentences, and a school year's
activity types as rows of held and planned counts (the back office's and the public summary)."""

from __future__ import annotations

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from inducult.cooperation.domain import pairs
from inducult.cooperation.enums import ActivityType
from inducult.network.enums import Sector

SECTOR_LABELS = dict(Sector.choices)


def reason_text(reason: pairs.Reason) -> str:
    if reason.code == "sector":
        return _("Same sector: %(sectors)s") % {
            "sectors": ", ".join(str(SECTOR_LABELS.get(s, s)) for s in reason.sectors)
        }
    if reason.code == "distance":
        return _("%(km)s km away") % {"km": formats.number_format(reason.km, 1)}
    if reason.code == "same_town":
        return _("In the same town (%(town)s)") % {"town": reason.town}
    if reason.code == "past_with_partner":
        return _("Has cooperated with this partner before")
    if reason.code == "past_with_others":
        return ngettext(
            "Has cooperated with %(count)s other partner", "Has cooperated with %(count)s other partners", reason.count
        ) % {"count": reason.count}
    return _("Distance unknown (no location recorded)")


def summary_rows(summary: pairs.YearSummary) -> list[dict]:
    """Activity types with held and planned counts, in the order of the choices."""
    return [
        {"type": code, "label": label, "held": summary.held.get(code, 0), "planned": summary.planned.get(code, 0)}
        for code, label in ActivityType.choices
        if summary.held.get(code) or summary.planned.get(code)
    ]
