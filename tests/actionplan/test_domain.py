import datetime

import pytest

from inducult.actionplan.domain.lateness import LateCode, Span, lateness, span, years_of

TODAY = datetime.date(2026, 3, 15)
PAST = datetime.date(2026, 3, 1)
FUTURE = datetime.date(2026, 4, 1)


@pytest.mark.parametrize("status", ["idea", "planned", "applied"])
def test_lateness_not_started_when_start_passed(status):
    late = lateness(status=status, starts_on=PAST, ends_on=FUTURE, reported_on=TODAY, today=TODAY)

    assert (late.code, late.since, late.days) == (LateCode.NOT_STARTED, PAST, 14)


def test_lateness_none_when_start_is_today_or_later():
    assert lateness(status="planned", starts_on=TODAY, ends_on=FUTURE, reported_on=TODAY, today=TODAY) is None
    assert lateness(status="planned", starts_on=FUTURE, ends_on=FUTURE, reported_on=TODAY, today=TODAY) is None


def test_lateness_overrunning_when_running_past_end():
    late = lateness(status="running", starts_on=datetime.date(2025, 1, 1), ends_on=PAST, reported_on=TODAY, today=TODAY)

    assert (late.code, late.since, late.days) == (LateCode.OVERRUNNING, PAST, 14)


def test_lateness_none_when_running_within_period():
    assert lateness(status="running", starts_on=PAST, ends_on=TODAY, reported_on=TODAY, today=TODAY) is None


@pytest.mark.parametrize("status", ["done", "dropped"])
def test_lateness_never_for_closed_activities(status):
    assert (
        lateness(status=status, starts_on=datetime.date(2020, 1, 1), ends_on=PAST, reported_on=TODAY, today=TODAY)
        is None
    )


def test_lateness_none_without_period():
    assert lateness(status="planned", starts_on=None, ends_on=None, reported_on=TODAY, today=TODAY) is None
    assert lateness(status="running", starts_on=None, ends_on=None, reported_on=TODAY, today=TODAY) is None


def test_years_of_covers_each_calendar_year_touched():
    assert list(years_of(datetime.date(2019, 6, 1), datetime.date(2021, 1, 31))) == [2019, 2020, 2021]
    assert list(years_of(None, None)) == []
    assert list(years_of(datetime.date(2021, 1, 1), datetime.date(2020, 1, 1))) == []


# --- nobody reported: "not reported", never "late" (issue #14) ----------------------------------


def test_an_activity_nobody_ever_reported_on_is_not_reported_not_late():
    # The strategy's table lists it as planned from 2019; nobody has said what happened since.
    late = lateness(
        status="planned",
        starts_on=datetime.date(2019, 1, 1),
        ends_on=datetime.date(2027, 12, 31),
        reported_on=None,
        today=datetime.date(2026, 12, 7),
    )

    assert (late.code, late.since, late.reported_on) == (LateCode.NOT_REPORTED, datetime.date(2019, 1, 1), None)
    assert late.duration == Span(years=7, months=11, days=6)


def test_a_report_before_or_on_the_due_day_says_nothing_about_what_happened_after():
    for reported in (datetime.date(2026, 2, 1), PAST):
        late = lateness(status="planned", starts_on=PAST, ends_on=FUTURE, reported_on=reported, today=TODAY)
        assert (late.code, late.reported_on) == (LateCode.NOT_REPORTED, reported)
    running = lateness(
        status="running", starts_on=datetime.date(2025, 1, 1), ends_on=PAST, reported_on=None, today=TODAY
    )
    assert (running.code, running.since_start) == (LateCode.NOT_REPORTED, False)


def test_a_report_after_the_due_day_that_still_says_planned_is_late():
    late = lateness(
        status="planned", starts_on=PAST, ends_on=FUTURE, reported_on=datetime.date(2026, 3, 2), today=TODAY
    )
    assert late.code == LateCode.NOT_STARTED


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (datetime.date(2019, 1, 1), datetime.date(2026, 12, 7), Span(7, 11, 6)),
        (datetime.date(2026, 1, 31), datetime.date(2026, 2, 28), Span(0, 1, 0)),  # a month from 31 January
        (datetime.date(2026, 3, 1), datetime.date(2026, 3, 15), Span(0, 0, 14)),
        (datetime.date(2024, 2, 29), datetime.date(2025, 2, 28), Span(1, 0, 0)),
    ],
)
def test_span_counts_calendar_years_and_months(start, end, expected):
    assert span(start, end) == expected
