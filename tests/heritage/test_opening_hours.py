"""Opening hours: the structure's rules, a day's hours, JSON, schema.org and plain English.

Pure functions only: nothing here touches the database.
"""

import json
from datetime import date, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inducult.heritage.domain.opening_hours import (
    DateException,
    DayHours,
    Interval,
    Kind,
    MonthDay,
    OpeningHours,
    OpeningHoursError,
    Season,
    State,
    describe,
    from_dict,
    is_open,
    on,
    schema_org,
    to_dict,
    validate,
)

FEW = settings(deadline=None, max_examples=150)
WED_SUN = frozenset({2, 3, 4, 5, 6})
DAILY = frozenset(range(7))
MORNING = Interval(time(9), time(12))
AFTERNOON = Interval(time(13), time(17))
KRASNO = OpeningHours(
    Kind.REGULAR,
    seasons=(Season(MonthDay(3, 1), MonthDay(11, 30), WED_SUN, (MORNING, AFTERNOON)),),
)
WINTER = Season(MonthDay(11, 1), MonthDay(2, 28), DAILY, (Interval(time(10), time(14)),))


def error_of(hours):
    with pytest.raises(OpeningHoursError) as caught:
        validate(hours)
    return caught.value


def regular(*seasons, exceptions=()):
    return OpeningHours(Kind.REGULAR, seasons=seasons, exceptions=exceptions)


# --- Strategies -----------------------------------------------------------------------------------

LEAP_YEAR_START = date(2000, 1, 1)
NOT_29_FEB = st.integers(0, 365).filter(lambda index: index != 59)


def month_day(index):
    """Day `index` of a leap year (0 = 1 Jan, 59 = 29 Feb) as a MonthDay."""
    day = LEAP_YEAR_START + timedelta(days=index)
    return MonthDay(day.month, day.day)


@st.composite
def interval_lists(draw, min_size=0):
    """Disjoint intervals on whole minutes, in any order."""
    count = draw(st.integers(min_size, 3))
    minutes = sorted(draw(st.sets(st.integers(0, 24 * 60 - 1), min_size=2 * count, max_size=2 * count)))
    intervals = [
        Interval(time(*divmod(minutes[i], 60)), time(*divmod(minutes[i + 1], 60))) for i in range(0, len(minutes), 2)
    ]
    return tuple(draw(st.permutations(intervals)))


WEEKDAY_SETS = st.frozensets(st.integers(0, 6), min_size=1)
NOTES = st.sampled_from(["", "Mine-train rides.", "Last entry 30 min before closing"])


@st.composite
def date_disjoint_seasons(draw):
    """Seasons cut from one circle of the year (so they never share a day), any weekdays, with gaps.

    No cut on 29 Feb: a season ending on 28 Feb covers 29 Feb in leap years, so the next one may not
    start there.
    """
    cuts = sorted(draw(st.sets(NOT_29_FEB, min_size=1, max_size=5)))
    seasons = []
    for number, first in enumerate(cuts):
        last = (cuts[(number + 1) % len(cuts)] - 1) % 366
        if draw(st.booleans()) or len(cuts) == 1:
            seasons.append(
                Season(month_day(first), month_day(last), draw(WEEKDAY_SETS), draw(interval_lists()), draw(NOTES))
            )
    return seasons


@st.composite
def weekday_disjoint_seasons(draw):
    """Seasons with any dates (also wrapping ones) on disjoint weekdays."""
    weekdays = list(draw(st.permutations(range(7))))
    seasons = []
    for _ in range(draw(st.integers(1, 3))):
        share = weekdays[: draw(st.integers(1, max(1, len(weekdays))))]
        weekdays = weekdays[len(share) :]
        if not share:
            break
        start, end = month_day(draw(st.integers(0, 365))), month_day(draw(st.integers(0, 365)))
        seasons.append(Season(start, end, frozenset(share), draw(interval_lists()), draw(NOTES)))
    return seasons


@st.composite
def exception_lists(draw):
    starts = draw(st.lists(st.dates(date(2023, 1, 1), date(2029, 12, 31)), max_size=3, unique=True))
    exceptions = []
    for start in starts:
        closed = draw(st.booleans())
        exceptions.append(
            DateException(
                start=start,
                end=start + timedelta(days=draw(st.integers(0, 40))),
                closed=closed,
                intervals=() if closed else draw(interval_lists()),
                note=draw(NOTES),
            )
        )
    return tuple(exceptions)


@st.composite
def opening_hours(draw, with_exceptions=True):
    kind = draw(st.sampled_from([Kind.REGULAR, Kind.REGULAR, Kind.REGULAR, Kind.UNKNOWN, Kind.BY_APPOINTMENT]))
    seasons = draw(st.one_of(date_disjoint_seasons(), weekday_disjoint_seasons())) if kind == Kind.REGULAR else []
    exceptions = draw(exception_lists()) if with_exceptions else ()
    return OpeningHours(kind, tuple(seasons), exceptions, draw(NOTES))


DAYS = st.dates(date(2023, 1, 1), date(2030, 12, 31))
LEAP_DAYS = st.sampled_from([date(2024, 2, 29), date(2028, 2, 29), date(2000, 2, 29)])
ANY_DAY = st.one_of(DAYS, LEAP_DAYS)


def oracle_dates(season, year):
    """The concrete dates a season covers in `year`, worked out with dates rather than month-days."""
    feb_end = date(year, 3, 1) - timedelta(days=1)

    def concrete(md, is_start):
        if (md.month, md.day) == (2, 29) and feb_end.day == 28:
            return date(year, 3, 1) if is_start else feb_end
        if not is_start and (md.month, md.day) == (2, 28):
            return feb_end  # the documented rule: "to 28 Feb" means to the end of February
        return date(year, md.month, md.day)

    first, last = concrete(season.start, True), concrete(season.end, False)
    if (season.start.month, season.start.day) <= (season.end.month, season.end.day):
        spans = [(first, last)]
    else:
        spans = [(date(year, 1, 1), last), (first, date(year, 12, 31))]
    return {start + timedelta(days=n) for start, stop in spans for n in range((stop - start).days + 1)}


def covered_by_oracle(season, day):
    return day.weekday() in season.weekdays and day in oracle_dates(season, day.year)


# --- Properties -----------------------------------------------------------------------------------


@FEW
@given(opening_hours())
def test_validate_accepts_what_the_strategies_build(hours):
    validate(hours)


@FEW
@given(opening_hours(), ANY_DAY)
def test_on_gives_only_intervals_the_schedule_states(hours, day):
    stated = {s.intervals for s in hours.seasons} | {e.intervals for e in hours.exceptions} | {()}
    result = on(hours, day)
    assert result.intervals in stated
    if result.intervals:
        assert result.state == State.OPEN


@FEW
@given(opening_hours(with_exceptions=False), ANY_DAY)
def test_on_agrees_with_the_date_based_oracle(hours, day):
    result = on(hours, day)
    if hours.kind != Kind.REGULAR:
        assert result.state == hours.kind
        return
    covering = [s for s in hours.seasons if covered_by_oracle(s, day)]
    assert len(covering) <= 1  # valid seasons never overlap
    if not covering:
        assert result == DayHours(State.CLOSED)
    else:
        expected = State.OPEN if covering[0].intervals else State.OPEN_HOURS_UNKNOWN
        assert result == DayHours(expected, covering[0].intervals, covering[0].note)


@FEW
@given(opening_hours(), st.data())
def test_exceptions_override_seasons(hours, data):
    if not hours.exceptions:
        return
    exception = data.draw(st.sampled_from(hours.exceptions))
    day = data.draw(st.dates(exception.start, exception.end))
    winner = max((e for e in hours.exceptions if e.start <= day <= e.end), key=lambda e: e.start)
    result = on(hours, day)
    if winner.closed:
        assert result == DayHours(State.CLOSED, note=winner.note)
    else:
        assert result.intervals == winner.intervals
        assert result.state == (State.OPEN if winner.intervals else State.OPEN_HOURS_UNKNOWN)


@FEW
@given(opening_hours())
def test_json_round_trip_is_exact(hours):
    written = json.dumps(to_dict(hours))
    assert from_dict(json.loads(written)) == hours
    assert from_dict(to_dict(hours)) == hours


@FEW
@given(
    st.integers(0, 365).map(month_day),
    st.integers(0, 365).map(month_day),
    st.integers(1990, 2040),
)
def test_wrapping_seasons_cover_both_ends_of_the_year(start, end, year):
    if not start > end:
        start, end = max(start, end), min(start, end)
    if start == end:
        return
    hours = regular(Season(start, end, DAILY, (MORNING,)))
    assert is_open(hours, date(year, 12, 31))
    assert is_open(hours, date(year, 1, 1))
    assert is_open(hours, date(year, end.month, min(end.day, 28)))
    if start != MonthDay(2, 29):
        assert is_open(hours, date(year, start.month, start.day))


@FEW
@given(opening_hours(), ANY_DAY)
def test_is_open_agrees_with_on(hours, day):
    state = on(hours, day).state
    expected = {
        State.OPEN: True,
        State.OPEN_HOURS_UNKNOWN: True,
        State.CLOSED: False,
        State.UNKNOWN: None,
        State.BY_APPOINTMENT: None,
    }[state]
    assert is_open(hours, day) is expected


@FEW
@given(opening_hours(), st.integers(2020, 2032))
def test_schema_org_specifications_are_well_formed(hours, year):
    for specification in schema_org(hours, year):
        assert specification["@type"] == "OpeningHoursSpecification"
        assert specification["validFrom"] <= specification["validThrough"]
        closed = specification["opens"] == specification["closes"] == "00:00:00"
        assert closed or specification["opens"] < specification["closes"]
        json.dumps(specification)


# --- A day's hours: examples ----------------------------------------------------------------------


def test_krasno_saturday_in_july_and_a_day_in_january():
    assert on(KRASNO, date(2026, 7, 11)) == DayHours(State.OPEN, (MORNING, AFTERNOON))
    assert on(KRASNO, date(2026, 7, 13)) == DayHours(State.CLOSED)  # a Monday
    assert on(KRASNO, date(2026, 1, 10)) == DayHours(State.CLOSED)
    assert is_open(KRASNO, date(2026, 1, 10)) is False


def test_a_season_ending_on_28_february_covers_29_february_in_leap_years():
    hours = regular(WINTER)
    assert is_open(hours, date(2028, 2, 29))
    assert is_open(hours, date(2027, 2, 28))
    assert not is_open(hours, date(2027, 3, 1))


def test_a_season_starting_on_29_february_starts_on_1_march_in_common_years():
    hours = regular(Season(MonthDay(2, 29), MonthDay(3, 31), DAILY, ()))
    assert not is_open(hours, date(2027, 2, 28))
    assert is_open(hours, date(2027, 3, 1))
    assert is_open(hours, date(2028, 2, 29))


def test_1_march_to_28_february_is_the_whole_year():
    hours = regular(Season(MonthDay(3, 1), MonthDay(2, 28), DAILY, ()))
    assert all(is_open(hours, date(2028, 1, 1) + timedelta(days=n)) for n in range(366))


def test_days_without_stated_times_are_open_with_unknown_hours():
    hours = regular(Season(MonthDay(5, 1), MonthDay(6, 30), WED_SUN, ()))
    assert on(hours, date(2026, 5, 2)) == DayHours(State.OPEN_HOURS_UNKNOWN)
    assert is_open(hours, date(2026, 5, 2)) is True


def test_unknown_and_by_appointment_are_neither_open_nor_closed_but_exceptions_still_apply():
    christmas = DateException(date(2026, 12, 24), date(2026, 12, 26), closed=True, note="Christmas")
    for hours in (OpeningHours.unknown(), OpeningHours.by_appointment("Call ahead")):
        hours = OpeningHours(hours.kind, exceptions=(christmas,), note=hours.note)
        assert is_open(hours, date(2026, 7, 1)) is None
        assert on(hours, date(2026, 12, 25)) == DayHours(State.CLOSED, note="Christmas")
    assert on(OpeningHours.by_appointment("Call ahead"), date(2026, 7, 1)) == DayHours(
        State.BY_APPOINTMENT, note="Call ahead"
    )


def test_the_latest_starting_exception_wins():
    long_special = DateException(date(2026, 12, 1), date(2026, 12, 31), closed=False, intervals=(MORNING,))
    closure = DateException(date(2026, 12, 24), date(2026, 12, 26), closed=True)
    hours = regular(WINTER, exceptions=(closure, long_special))
    assert on(hours, date(2026, 12, 23)) == DayHours(State.OPEN, (MORNING,))
    assert on(hours, date(2026, 12, 25)).state == State.CLOSED
    assert on(hours, date(2026, 12, 27)) == DayHours(State.OPEN, (MORNING,))


# --- validate: one example per message --------------------------------------------------------------


def test_an_interval_ending_before_it_starts_is_named():
    hours = regular(Season(MonthDay(3, 1), MonthDay(11, 30), WED_SUN, (Interval(time(17), time(13)),)))
    assert error_of(hours).problems == ["Season 1 (1 Mar–30 Nov): 17:00–13:00 ends before it starts"]


def test_an_interval_ending_when_it_starts_is_named():
    hours = regular(Season(MonthDay(3, 1), MonthDay(11, 30), WED_SUN, (Interval(time(9), time(9)),)))
    assert error_of(hours).problems == ["Season 1 (1 Mar–30 Nov): 09:00–09:00 ends when it starts"]


def test_overlapping_intervals_are_named():
    hours = regular(Season(MonthDay(3, 1), MonthDay(11, 30), WED_SUN, (Interval(time(11), time(14)), MORNING)))
    assert error_of(hours).problems == ["Season 1 (1 Mar–30 Nov): 09:00–12:00 and 11:00–14:00 overlap"]


def test_touching_intervals_are_fine():
    validate(regular(Season(MonthDay(3, 1), MonthDay(11, 30), WED_SUN, (MORNING, Interval(time(12), time(13))))))


def test_times_with_seconds_are_named():
    hours = regular(Season(MonthDay(3, 1), MonthDay(11, 30), WED_SUN, (Interval(time(9, 0, 30), time(12)),)))
    assert error_of(hours).problems == ["Season 1 (1 Mar–30 Nov): 09:00:30 is not a whole minute of local time"]


def test_overlapping_seasons_are_named_with_the_shared_days():
    summer = Season(MonthDay(5, 1), MonthDay(9, 30), frozenset({1, 2, 3}), ())
    autumn = Season(MonthDay(9, 1), MonthDay(10, 31), frozenset({3, 4}), ())
    assert error_of(regular(summer, autumn)).problems == [
        "Season 1 (1 May–30 Sep) and season 2 (1 Sep–31 Oct) overlap: both cover 1 Sep–30 Sep on Thu"
    ]


def test_seasons_sharing_dates_on_other_weekdays_do_not_overlap():
    validate(
        regular(
            Season(MonthDay(1, 1), MonthDay(12, 31), frozenset({5, 6}), (MORNING,)),
            Season(MonthDay(4, 15), MonthDay(10, 31), frozenset({2, 3, 4}), (MORNING,)),
        )
    )


def test_a_season_ending_28_february_overlaps_one_starting_29_february():
    starting_29 = Season(MonthDay(2, 29), MonthDay(3, 31), DAILY, ())
    assert "both cover 29 Feb on daily" in str(error_of(regular(WINTER, starting_29)))


def test_seasons_without_or_with_wrong_weekdays_are_named():
    hours = regular(
        Season(MonthDay(3, 1), MonthDay(3, 31), frozenset(), ()),
        Season(MonthDay(4, 1), MonthDay(4, 30), frozenset({7, -1}), ()),
    )
    assert error_of(hours).problems == [
        "Season 1 (1 Mar–31 Mar): has no weekdays",
        "Season 2 (1 Apr–30 Apr): weekday -1 is not 0 (Monday) to 6 (Sunday)",
        "Season 2 (1 Apr–30 Apr): weekday 7 is not 0 (Monday) to 6 (Sunday)",
    ]


def test_an_exception_ending_before_it_starts_is_named():
    hours = regular(exceptions=(DateException(date(2026, 12, 26), date(2026, 12, 24), closed=True),))
    assert error_of(hours).problems == ["Exception 1 (26 Dec 2026–24 Dec 2026): ends before it starts"]


def test_a_closed_exception_with_intervals_is_named():
    hours = regular(exceptions=(DateException(date(2026, 12, 24), date(2026, 12, 26), True, (MORNING,)),))
    assert error_of(hours).problems == ["Exception 1 (24–26 Dec 2026): is closed but lists opening intervals"]


def test_exception_intervals_are_checked_like_season_intervals():
    bad = DateException(date(2026, 12, 31), date(2026, 12, 31), False, (Interval(time(14), time(10)),))
    assert error_of(regular(exceptions=(bad,))).problems == [
        "Exception 1 (31 Dec 2026): 14:00–10:00 ends before it starts"
    ]


def test_exceptions_starting_on_the_same_day_are_ambiguous():
    first = DateException(date(2026, 12, 24), date(2026, 12, 24), closed=True)
    second = DateException(date(2026, 12, 24), date(2026, 12, 26), closed=False, intervals=(MORNING,))
    assert error_of(regular(exceptions=(first, second))).problems == [
        "Exception 1 (24 Dec 2026) and exception 2 (24–26 Dec 2026) start on the same day, "
        "so which one applies is ambiguous"
    ]


@pytest.mark.parametrize("kind", [Kind.UNKNOWN, Kind.BY_APPOINTMENT])
def test_unknown_and_by_appointment_take_no_seasons_but_exceptions(kind):
    closure = DateException(date(2026, 12, 24), date(2026, 12, 26), closed=True)
    validate(OpeningHours(kind, exceptions=(closure,)))
    assert error_of(OpeningHours(kind, seasons=KRASNO.seasons)).problems == [
        f"Kind '{kind}' cannot have seasons (1 given): seasons belong to kind 'regular'"
    ]


def test_an_unknown_kind_is_named():
    assert error_of(OpeningHours("sometimes")).problems == [
        "Kind 'sometimes' is not one of: regular, by_appointment, unknown"
    ]


def test_all_problems_are_reported_together():
    hours = regular(
        Season(MonthDay(3, 1), MonthDay(11, 30), frozenset(), (Interval(time(17), time(13)),)),
        exceptions=(DateException(date(2026, 12, 26), date(2026, 12, 24), closed=True, intervals=(MORNING,)),),
    )
    error = error_of(hours)
    assert len(error.problems) == 4
    assert str(error).startswith("4 problems: Season 1 (1 Mar–30 Nov): has no weekdays; ")


@pytest.mark.parametrize(("month", "day"), [(2, 30), (4, 31), (13, 1), (0, 5), (1, 0)])
def test_month_days_must_exist(month, day):
    with pytest.raises(OpeningHoursError):
        MonthDay(month, day)


def test_29_february_is_a_month_day():
    assert str(MonthDay(2, 29)) == "29 Feb"


# --- JSON -----------------------------------------------------------------------------------------


def test_to_dict_writes_the_documented_format():
    hours = regular(
        KRASNO.seasons[0],
        exceptions=(DateException(date(2026, 12, 24), date(2026, 12, 26), closed=True, note="Christmas"),),
    )
    assert to_dict(hours) == {
        "version": 1,
        "kind": "regular",
        "seasons": [
            {
                "start": "03-01",
                "end": "11-30",
                "weekdays": [2, 3, 4, 5, 6],
                "intervals": [{"opens": "09:00", "closes": "12:00"}, {"opens": "13:00", "closes": "17:00"}],
                "note": "",
            }
        ],
        "exceptions": [
            {"start": "2026-12-24", "end": "2026-12-26", "closed": True, "intervals": [], "note": "Christmas"}
        ],
        "note": "",
    }


def test_to_dict_refuses_times_it_cannot_write_exactly():
    hours = regular(Season(MonthDay(3, 1), MonthDay(11, 30), WED_SUN, (Interval(time(9, 0, 30), time(12)),)))
    with pytest.raises(OpeningHoursError, match="09:00:30 is not a whole minute"):
        to_dict(hours)


def test_from_dict_accepts_minimal_input():
    assert from_dict({"version": 1, "kind": "unknown"}) == OpeningHours.unknown()


def krasno_dict(**changes):
    data = to_dict(KRASNO)
    data.update(changes)
    return data


def season_dict(**changes):
    season = to_dict(KRASNO)["seasons"][0]
    season.update(changes)
    return krasno_dict(seasons=[season])


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "opening hours: expected a JSON object, got list"),
        ({"kind": "regular"}, "opening hours: missing key 'version'"),
        (krasno_dict(version=2), "version 2 is not supported"),
        (krasno_dict(version="1"), "version '1' is not supported"),
        (krasno_dict(kind="sometimes"), "kind 'sometimes' is not one of: regular, by_appointment, unknown"),
        (krasno_dict(colour="red"), "opening hours: unexpected key 'colour'"),
        (krasno_dict(seasons={}), "'seasons' must be a list, got dict"),
        (krasno_dict(note=None), "'note' must be a string, got NoneType"),
        (krasno_dict(seasons=["x"]), "season 1: expected a JSON object, got str"),
        (season_dict(start="3-1"), "season 1, start: '3-1' is not a month-day written MM-DD"),
        (season_dict(end="02-30"), "season 1, end: 30 Feb is not a calendar day"),
        (season_dict(weekdays=[1, 7]), "season 1: weekday 7 is not a whole number 0 (Monday) to 6 (Sunday)"),
        (season_dict(weekdays=[True]), "season 1: weekday True is not a whole number"),
        (season_dict(weekdays=[1, 1]), "season 1: a weekday is listed twice"),
        (season_dict(intervals=[{"opens": "9:00", "closes": "12:00"}]), "season 1, interval 1, opens: '9:00'"),
        (season_dict(intervals=[{"opens": "09:00", "closes": "24:00"}]), "'24:00' is not a time written HH:MM"),
        (season_dict(intervals=[{"opens": "09:00"}]), "season 1, interval 1: missing key 'closes'"),
        (season_dict(intervals=[["09:00", "12:00"]]), "season 1, interval 1: expected a JSON object, got list"),
        (
            krasno_dict(exceptions=[{"start": "2026-12-24", "end": "2026-12-26", "closed": "yes"}]),
            "exception 1: 'closed' must be true or false, got 'yes'",
        ),
        (
            krasno_dict(exceptions=[{"start": "24.12.2026", "end": "2026-12-26", "closed": True}]),
            "exception 1, start: '24.12.2026' is not a date written YYYY-MM-DD",
        ),
        (
            krasno_dict(exceptions=[{"start": "2026-02-30", "end": "2026-12-26", "closed": True}]),
            "exception 1, start: '2026-02-30' is not a calendar date",
        ),
        (
            season_dict(intervals=[{"opens": "17:00", "closes": "13:00"}]),
            "Season 1 (1 Mar–30 Nov): 17:00–13:00 ends before it starts",
        ),
    ],
)
def test_from_dict_names_what_is_malformed(data, message):
    with pytest.raises(OpeningHoursError) as caught:
        from_dict(data)
    assert message in str(caught.value)


# --- schema.org -----------------------------------------------------------------------------------

WED_SUN_URLS = [f"https://schema.org/{d}" for d in ("Wednesday", "Thursday", "Friday", "Saturday", "Sunday")]


def test_schema_org_gives_one_specification_per_interval():
    assert schema_org(KRASNO, 2026) == [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": WED_SUN_URLS,
            "opens": "09:00:00",
            "closes": "12:00:00",
            "validFrom": "2026-03-01",
            "validThrough": "2026-11-30",
        },
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": WED_SUN_URLS,
            "opens": "13:00:00",
            "closes": "17:00:00",
            "validFrom": "2026-03-01",
            "validThrough": "2026-11-30",
        },
    ]


def test_schema_org_splits_a_wrapping_season_and_ends_february_on_its_last_day():
    specifications = schema_org(regular(WINTER), 2028)
    assert [(s["validFrom"], s["validThrough"]) for s in specifications] == [
        ("2028-01-01", "2028-02-29"),
        ("2028-11-01", "2028-12-31"),
    ]
    assert specifications[0]["dayOfWeek"][0] == "https://schema.org/Monday"
    assert {(s["opens"], s["closes"]) for s in specifications} == {("10:00:00", "14:00:00")}


def test_schema_org_marks_closed_exceptions_with_midnight_and_leaves_out_unstated_times():
    closure = DateException(date(2026, 12, 24), date(2026, 12, 26), closed=True)
    special = DateException(date(2026, 12, 31), date(2026, 12, 31), closed=False, intervals=(MORNING,))
    other_year = DateException(date(2027, 1, 1), date(2027, 1, 1), closed=True)
    unstated = Season(MonthDay(5, 1), MonthDay(6, 30), WED_SUN, ())
    assert schema_org(regular(unstated, exceptions=(closure, special, other_year)), 2026) == [
        {
            "@type": "OpeningHoursSpecification",
            "opens": "00:00:00",
            "closes": "00:00:00",
            "validFrom": "2026-12-24",
            "validThrough": "2026-12-26",
        },
        {
            "@type": "OpeningHoursSpecification",
            "opens": "09:00:00",
            "closes": "12:00:00",
            "validFrom": "2026-12-31",
            "validThrough": "2026-12-31",
        },
    ]


def test_schema_org_says_nothing_for_unknown_or_by_appointment():
    assert schema_org(OpeningHours.unknown(), 2026) == []
    assert schema_org(OpeningHours.by_appointment(), 2026) == []


# --- Plain English --------------------------------------------------------------------------------


def test_describe_speaks_plainly():
    hours = regular(
        KRASNO.seasons[0],
        Season(MonthDay(12, 1), MonthDay(2, 28), frozenset({5, 6}), (), "winter"),
        exceptions=(DateException(date(2026, 12, 24), date(2026, 12, 26), closed=True, note="Christmas"),),
    )
    assert describe(hours) == [
        "1 Mar–30 Nov: Wed–Sun 09:00–12:00, 13:00–17:00",
        "1 Dec–28 Feb: Sat–Sun, hours not stated (winter)",
        "24–26 Dec 2026: closed (Christmas)",
    ]
    assert describe(regular(Season(MonthDay(1, 1), MonthDay(12, 31), frozenset({0, 2, 4}), (MORNING,)))) == [
        "All year: Mon, Wed, Fri 09:00–12:00"
    ]
    assert describe(regular(Season(MonthDay(1, 1), MonthDay(12, 31), frozenset({4, 5, 6, 0}), (MORNING,)))) == [
        "All year: Fri–Mon 09:00–12:00"
    ]
    assert describe(OpeningHours.unknown()) == ["Opening hours not known"]
    assert describe(OpeningHours.by_appointment("Call the town hall.")) == ["By appointment", "Call the town hall."]
    assert describe(regular()) == ["Closed"]
