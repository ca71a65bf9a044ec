"""Years asked for in a page's ``?year=``, a command's ``--year`` or a form: one range, one reading,
one message."""

from __future__ import annotations

from django.utils.translation import gettext as _

MIN_YEAR, MAX_YEAR = 1990, 2100


def parse_year(value: str | None, default: int, *, maximum: int = MAX_YEAR) -> tuple[int, str]:
    """The year asked for (from MIN_YEAR to ``maximum``), or ``default`` and a message saying why
    it was not used."""
    if value is None or value == "":
        return default, ""
    try:
        year = int(value.strip())
    except ValueError:
        year = None
    if year is None or not MIN_YEAR <= year <= maximum:
        message = _("“%(value)s” is not a year between %(min)s and %(max)s; showing %(year)s instead.") % {
            "value": value[:20],
            "min": MIN_YEAR,
            "max": maximum,
            "year": default,
        }
        return default, message
    return year, ""
