"""A season's first and last day as each language writes a day after its number: "15 April",
"15. April", "15. dubna" (the Czech once read "15 duben až 31 říjen", nominative and no full stop)."""

import datetime

import pytest
from django.utils import translation

from inducult.heritage.domain import opening_hours as oh
from inducult.heritage.presentation import hours_lines

SEASON = oh.OpeningHours(
    kind="weekly",
    seasons=(
        oh.Season(
            start=oh.MonthDay(4, 15),
            end=oh.MonthDay(10, 31),
            weekdays=frozenset({1, 2, 3, 4, 5, 6}),
            intervals=(oh.Interval(datetime.time(9), datetime.time(17)),),
        ),
    ),
)


@pytest.mark.parametrize(
    "language, start, end",
    [("cs", "15. dubna", "31. října"), ("de", "15. April", "31. Oktober"), ("en", "15 April", "31 October")],
)
def test_a_seasons_days_read_as_the_language_writes_them(language, start, end):
    with translation.override(language):
        (line,) = hours_lines(SEASON)

    assert line.startswith(start) and f"{end}:" in line
