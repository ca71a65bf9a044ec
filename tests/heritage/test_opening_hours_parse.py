"""Reading the hours stated in the sites spreadsheet: structure only what the text states.

Runs the parser over every row of karlovy-vary-sites.csv (kept next to the repository, in
../shared/data) and pins what it makes of the rows whose text is clear.
"""

import csv
from collections import Counter
from datetime import date, time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inducult.heritage.domain.opening_hours import (
    DayHours,
    Interval,
    Kind,
    MonthDay,
    OpeningHours,
    Season,
    State,
    describe,
    is_open,
    on,
    validate,
)
from inducult.heritage.domain.stated_hours import CANNOT_READ, NO_DAYS, ParseResult, parse_stated

# The copy the demo loads (src/inducult/demo/data, with its README naming the sources).
SITES_CSV = Path(__file__).resolve().parents[2] / "src" / "inducult" / "demo" / "data" / "karlovy-vary-sites.csv"
WED_SUN = frozenset({2, 3, 4, 5, 6})
DAILY = frozenset(range(7))


def hhmm(opens, closes):
    return Interval(time(*map(int, opens.split(":"))), time(*map(int, closes.split(":"))))


@pytest.fixture(scope="module")
def rows():
    with SITES_CSV.open(encoding="utf-8", newline="") as handle:
        return {row["id"]: row for row in csv.DictReader(handle)}


@pytest.fixture(scope="module")
def parsed(rows):
    return {row_id: parse_stated(row["opening_season_hours"]) for row_id, row in rows.items()}


# --- Every row ------------------------------------------------------------------------------------

# The rows whose text stays text, and why (the reasons are asserted below, in short form).
KEPT_AS_TEXT = {
    "KV004": "reports the site as closed",  # "currently closed", "occasional tours"
    "KV007": "by appointment with other access rules",  # by reservation, May–September only
    "KV008": "example from one year",  # "e.g. 2019 season …"
    "KV009": "outdoor site or trail",
    "KV010": "outdoor site or trail",
    "KV015": "by appointment with other access rules",  # public area + guided visits by appointment
    "KV019": "reports the site as closed",  # building closed per Wikipedia, 2022
    "KV022": "hours not stated",
    "KV025": "hours not stated",
    "KV026": "hours not stated",
    "KV027": "hours but not the days of the week",  # "Year-round 9:00–17:00 …": which days is not stated
    "KV030": "cannot read 'Castle open every day'",  # the castle's days, not the exhibition's hours
    "KV032": "recurring event",
    "KV034": "recurring event",
    "KV040": "recurring event",
    "KV049": "outdoor site or trail",
    "KV050": "recurring event",
}


def test_the_spreadsheet_has_52_rows(rows):
    assert len(rows) == 52


def test_every_row_parses_without_error_and_every_structure_is_valid(parsed):
    for row_id, result in parsed.items():
        if result.hours is not None:
            validate(result.hours)
            assert describe(result.hours), row_id
        assert result.reason.strip(), row_id


def test_exactly_the_unclear_rows_stay_text_each_with_its_reason(parsed):
    kept = {row_id: result.reason for row_id, result in parsed.items() if result.hours is None}
    assert sorted(kept) == sorted(KEPT_AS_TEXT)
    for row_id, fragment in KEPT_AS_TEXT.items():
        assert fragment in kept[row_id], (row_id, kept[row_id])


def test_35_rows_are_structured_and_17_stay_text(parsed):
    kinds = Counter(str(result.hours.kind) if result.hours else "text" for result in parsed.values())
    assert kinds == {"unknown": 26, "regular": 8, "by_appointment": 1, "text": 17}


def test_empty_cells_are_unknown(rows, parsed):
    empty = [row_id for row_id, row in rows.items() if not row["opening_season_hours"].strip()]
    assert len(empty) == 26
    for row_id in empty:
        assert parsed[row_id].hours == OpeningHours.unknown()
        assert parsed[row_id].reason == "no hours stated"
    assert on(parsed["KV011"].hours, date(2026, 7, 1)) == DayHours(State.UNKNOWN)


# --- Concrete rows --------------------------------------------------------------------------------


def test_kv001_krasno_one_season_wednesday_to_sunday_with_a_lunch_break(rows, parsed):
    assert rows["KV001"]["opening_season_hours"].startswith("March–November, Wed–Sun 9:00–12:00 and 13:00–17:00;")
    hours = parsed["KV001"].hours
    assert hours.kind == Kind.REGULAR
    assert hours.seasons == (
        Season(MonthDay(3, 1), MonthDay(11, 30), WED_SUN, (hhmm("9:00", "12:00"), hhmm("13:00", "17:00"))),
    )
    assert on(hours, date(2026, 7, 11)).intervals == (hhmm("9:00", "12:00"), hhmm("13:00", "17:00"))  # Saturday
    assert on(hours, date(2026, 1, 14)).state == State.CLOSED  # a Wednesday in January
    assert on(hours, date(2026, 7, 13)).state == State.CLOSED  # a Monday in July
    # The remark about the mine train and the source are kept, not lost.
    assert hours.note == "Mine-train rides in the summer season. Source: omks.cz."


def test_kv002_jeronym_months_with_a_mid_october_end_and_tour_times_as_a_note(rows, parsed):
    assert "(to 15 Oct) Wed–Sun; July–August daily; tours at 10, 11" in rows["KV002"]["opening_season_hours"]
    hours = parsed["KV002"].hours
    assert hours.seasons == (
        Season(MonthDay(5, 1), MonthDay(6, 30), WED_SUN, ()),
        Season(MonthDay(9, 1), MonthDay(10, 15), WED_SUN, ()),
        Season(MonthDay(7, 1), MonthDay(8, 31), DAILY, ()),
    )
    # Tour start times are not opening intervals: the days are known, the hours stay unknown.
    assert on(hours, date(2026, 10, 15)).state == State.OPEN_HOURS_UNKNOWN
    assert on(hours, date(2026, 10, 16)).state == State.CLOSED
    assert on(hours, date(2026, 7, 27)).state == State.OPEN_HOURS_UNKNOWN  # a Monday in July: daily
    assert "Tours at 10, 11 and hourly 13–16." in hours.note


def test_kv003_jachymov_adit_two_wednesday_to_sunday_seasons_and_a_daily_summer(rows, parsed):
    assert rows["KV003"]["opening_season_hours"] == (
        "1 May–30 June and 1 Sept–30 Oct Wed–Sun; 1 July–31 Aug daily (omks.cz)."
    )
    hours = parsed["KV003"].hours
    assert hours.seasons == (
        Season(MonthDay(5, 1), MonthDay(6, 30), WED_SUN, ()),
        Season(MonthDay(9, 1), MonthDay(10, 30), WED_SUN, ()),
        Season(MonthDay(7, 1), MonthDay(8, 31), DAILY, ()),
    )
    assert is_open(hours, date(2026, 10, 30)) is True  # a Friday
    assert is_open(hours, date(2026, 10, 31)) is False  # 30 Oct is the last day, as stated
    assert is_open(hours, date(2026, 5, 4)) is False  # a Monday in May


def test_kv005_royal_mint_three_seasons_with_bare_hours_and_january_closed(parsed):
    hours = parsed["KV005"].hours
    assert hours.seasons == (
        Season(MonthDay(2, 1), MonthDay(4, 30), WED_SUN, (hhmm("10:00", "17:00"),)),
        Season(MonthDay(5, 1), MonthDay(9, 30), frozenset({1, 2, 3, 4, 5, 6}), (hhmm("9:00", "18:00"),)),
        Season(MonthDay(10, 1), MonthDay(12, 31), WED_SUN, (hhmm("10:00", "17:00"),)),
    )
    assert on(hours, date(2026, 1, 17)).state == State.CLOSED
    assert on(hours, date(2026, 5, 5)).intervals == (hhmm("9:00", "18:00"),)  # a Tuesday in May


def test_kv006_red_tower_by_reservation(parsed):
    result = parsed["KV006"]
    assert result.hours == OpeningHours.by_appointment("Guided tours by reservation. Source: vezsmrti.cz.")
    assert is_open(result.hours, date(2026, 7, 1)) is None


def test_kv016_horni_slavkov_mid_april_is_fixed_by_the_summer_season(rows, parsed):
    assert rows["KV016"]["opening_season_hours"].startswith("2024: 15 Apr–31 Oct Wed–Sun")
    hours = parsed["KV016"].hours
    weekend = frozenset({5, 6})
    winter = (hhmm("8:00", "12:00"), hhmm("12:30", "16:00"))
    assert hours.seasons == (
        Season(MonthDay(4, 15), MonthDay(10, 31), WED_SUN, (hhmm("9:00", "12:00"), hhmm("12:30", "17:00"))),
        Season(MonthDay(1, 1), MonthDay(4, 14), weekend, winter),
        Season(MonthDay(11, 1), MonthDay(12, 31), weekend, winter),
    )
    assert on(hours, date(2026, 4, 11)).intervals == winter  # Saturday before 15 April
    assert on(hours, date(2026, 4, 15)).intervals[0] == hhmm("9:00", "12:00")  # Wednesday 15 April
    assert hours.note.startswith("Hours as stated for 2024.")


def test_kv017_sokolov_museum_year_round(parsed):
    hours = parsed["KV017"].hours
    assert hours.seasons == (
        Season(MonthDay(1, 1), MonthDay(12, 31), WED_SUN, (hhmm("9:00", "12:00"), hhmm("13:00", "17:00"))),
    )
    assert is_open(hours, date(2026, 12, 31)) is True  # a Thursday


def test_kv018_karlovy_vary_museum_days_and_hours_without_dates_apply_all_year(parsed):
    hours = parsed["KV018"].hours
    assert hours.seasons == (
        Season(MonthDay(1, 1), MonthDay(12, 31), frozenset({1, 2, 3, 4, 5, 6}), (hhmm("10:00", "18:00"),)),
    )
    assert hours.note == "Source: as reported by Karlovarský deník, May 2020."


def test_kv024_mattoni_daily_except_monday(parsed):
    hours = parsed["KV024"].hours
    assert hours.seasons == (
        Season(MonthDay(4, 1), MonthDay(10, 31), frozenset({1, 2, 3, 4, 5, 6}), (hhmm("9:00", "17:00"),)),
    )


def test_kv027_klasterec_hours_without_days_stay_text_for_the_coordinator(rows, parsed):
    # The source states the hours of the year and of the winter, but not on which days: reading them as
    # "daily" showed the museum open on a Monday in December (issue #14).
    assert rows["KV027"]["opening_season_hours"].startswith("Year-round 9:00–17:00, October–March until 15:00")
    assert parsed["KV027"] == ParseResult(None, "it states hours but not the days of the week they apply to")


@pytest.mark.parametrize(
    "text", ["Year-round 9:00–17:00", "9:00–17:00", "May–September 10:00–16:00 (example.cz)", "all year 9:30–15:00"]
)
def test_hours_without_stated_days_never_become_daily(text):
    assert parse_stated(text) == ParseResult(None, NO_DAYS)


def test_hours_without_minutes_and_without_days_stay_text_too():
    assert parse_stated("Feb–Apr 10–17") == ParseResult(None, CANNOT_READ % {"clause": "Feb–Apr 10–17"})


def test_shorter_hours_for_some_months_apply_to_the_stated_days():
    hours = parse_stated("Year-round, Wed–Sun 9:00–17:00, October–March until 15:00").hours
    assert hours.seasons == (
        Season(MonthDay(4, 1), MonthDay(9, 30), WED_SUN, (hhmm("9:00", "17:00"),)),
        Season(MonthDay(10, 1), MonthDay(3, 31), WED_SUN, (hhmm("9:00", "15:00"),)),
    )
    assert on(hours, date(2028, 3, 1)).intervals == (hhmm("9:00", "15:00"),)  # a Wednesday in March
    assert on(hours, date(2028, 2, 29)).state == State.CLOSED  # a Tuesday: not a stated day


def test_kv004_svornost_stays_text(parsed):
    result = parsed["KV004"]
    assert result.hours is None
    assert result.reason == (
        "it reports the site as closed without saying for how long; it mentions occasional or irregular opening only"
    )


def test_kv007_mauritius_seasonal_reservation_stays_text(parsed):
    assert parsed["KV007"] == parse_stated(
        "May–September, guided tours by reservation; closed the rest of the year because of hibernating bats."
    )
    assert parsed["KV007"].hours is None


# --- The parser on its own ------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   ", "\n"])
def test_empty_text_is_unknown(text):
    assert parse_stated(text) == ParseResult(OpeningHours.unknown(), "no hours stated")


@pytest.mark.parametrize(
    "text", ["By appointment only.", "On request", "Visits by prior arrangement", "Guided tours by reservation"]
)
def test_appointment_only_texts_are_by_appointment(text):
    assert parse_stated(text).hours.kind == Kind.BY_APPOINTMENT


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("Currently closed.", "closed without saying for how long"),
        ("Irregular opening.", "occasional or irregular"),
        ("See website for hours.", "refers to a website"),
        ("Hours depend on the operator.", "depend on something"),
        ("Tours at 10 and 14.", "tours at fixed times only"),
        ("Daily 9:00–17:00 except public holidays.", "holidays"),
        ("May–September", "cannot read 'May–September'"),  # months without days or times
        ("May 10–17", "cannot read"),  # could be dates: bare numbers need stated days first
        ("Jan–mid-Apr Sat–Sun 8:00–12:00", "'mid-Apr' without a stated day"),
        ("October (to 15 Nov) Wed–Sun", "limits a different month"),
        ("30 Feb–10 Mar daily 9:00–10:00", "does not exist"),
        ("Daily 9:00–24:00", "24:00"),
        ("Tue–Sun 10:00–18:00; closed Tuesdays", "closed on days for which it also gives opening hours"),
        ("March–November daily 9:00–17:00; closed October", "closed on days"),
        ("Wed–Sun 9:00–12:00, 11:00–17:00", "contradict each other: Season 1 (1 Jan–31 Dec): 09:00–12:00 and"),
        ("Year-round, daily 9:00–17:00. Closed in winter.", "cannot read 'Closed in winter'"),
        ("Mon–Fri 9:00–17:00 (closed 12–13)", "cannot read"),
    ],
)
def test_texts_that_would_need_a_guess_stay_text(text, fragment):
    result = parse_stated(text)
    assert result.hours is None
    assert fragment in result.reason


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mon–Fri 8–16", [Season(MonthDay(1, 1), MonthDay(12, 31), frozenset(range(5)), (hhmm("8:00", "16:00"),))]),
        ("Open daily 9.00–17.00", [Season(MonthDay(1, 1), MonthDay(12, 31), DAILY, (hhmm("9:00", "17:00"),))]),
        (
            "Weekends 10:00–16:00",
            [Season(MonthDay(1, 1), MonthDay(12, 31), frozenset({5, 6}), (hhmm("10:00", "16:00"),))],
        ),
        (
            "Fri–Mon 10–16",
            [Season(MonthDay(1, 1), MonthDay(12, 31), frozenset({4, 5, 6, 0}), (hhmm("10:00", "16:00"),))],
        ),
        (
            "Nov–Feb daily 10:00–14:00; April to October Tue–Sun 9:00–17:00",
            [
                Season(MonthDay(11, 1), MonthDay(2, 28), DAILY, (hhmm("10:00", "14:00"),)),
                Season(MonthDay(4, 1), MonthDay(10, 31), frozenset(range(1, 7)), (hhmm("9:00", "17:00"),)),
            ],
        ),
        (
            "Daily except Mon and Tue, 9:00–17:00; closed the rest of the year",
            [Season(MonthDay(1, 1), MonthDay(12, 31), frozenset(range(2, 7)), (hhmm("9:00", "17:00"),))],
        ),
    ],
)
def test_clear_schedules_are_structured(text, expected):
    assert parse_stated(text).hours == OpeningHours(Kind.REGULAR, tuple(expected))


def test_remarks_and_sources_become_the_note():
    result = parse_stated("2025: Tue–Sun 10:00–18:00 (example.cz). Beer museum in the same building.")
    assert result.hours.note == "Hours as stated for 2025. Beer museum in the same building. Source: example.cz."


def test_a_parenthesis_that_speaks_about_hours_is_not_taken_for_a_source():
    assert parse_stated("Tue–Sun 10:00–18:00 (closed Mondays, omks.cz)").hours is None


# Pieces of stated hours, shuffled into nonsense and near-sense; plus look-alike letters such as "ſ".
PIECES = [
    "May", "Sept", "mid-Apr", "1", "15", "Wed", "Sun", "daily", "except", "Monday", "–", "-", ",", ";", "and",
    "9:00", "12:30", "10", "17", "(to 15 Oct)", "(omks.cz)", "closed", "Year-round", "until", "15:00",
    "tours at", "by appointment", ".", "Feb", "29", "28", "Dec", "ſun", "İ",
]  # fmt: skip


@settings(deadline=None, max_examples=300)
@given(st.one_of(st.text(), st.lists(st.sampled_from(PIECES), max_size=14).map(" ".join)))
def test_the_parser_never_raises_and_only_returns_valid_hours(text):
    result = parse_stated(text)
    assert result.reason
    if result.hours is not None:
        validate(result.hours)
