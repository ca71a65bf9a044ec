import datetime

import pytest

from inducult.actionplan.domain.lateness import LateCode, lateness, years_of

TODAY = datetime.date(2026, 3, 15)
PAST = datetime.date(2026, 3, 1)
FUTURE = datetime.date(2026, 4, 1)


@pytest.mark.parametrize("status", ["idea", "planned", "applied"])
def test_lateness_not_started_when_start_passed(status):
    late = lateness(status=status, starts_on=PAST, ends_on=FUTURE, today=TODAY)

    assert (late.code, late.since, late.days) == (LateCode.NOT_STARTED, PAST, 14)


def test_lateness_none_when_start_is_today_or_later():
    assert lateness(status="planned", starts_on=TODAY, ends_on=FUTURE, today=TODAY) is None
    assert lateness(status="planned", starts_on=FUTURE, ends_on=FUTURE, today=TODAY) is None


def test_lateness_overrunning_when_running_past_end():
    late = lateness(status="running", starts_on=datetime.date(2025, 1, 1), ends_on=PAST, today=TODAY)

    assert (late.code, late.since, late.days) == (LateCode.OVERRUNNING, PAST, 14)


def test_lateness_none_when_running_within_period():
    assert lateness(status="running", starts_on=PAST, ends_on=TODAY, today=TODAY) is None


@pytest.mark.parametrize("status", ["done", "dropped"])
def test_lateness_never_for_closed_activities(status):
    assert lateness(status=status, starts_on=datetime.date(2020, 1, 1), ends_on=PAST, today=TODAY) is None


def test_lateness_none_without_period():
    assert lateness(status="planned", starts_on=None, ends_on=None, today=TODAY) is None
    assert lateness(status="running", starts_on=None, ends_on=None, today=TODAY) is None


def test_years_of_covers_each_calendar_year_touched():
    assert list(years_of(datetime.date(2019, 6, 1), datetime.date(2021, 1, 31))) == [2019, 2020, 2021]
    assert list(years_of(None, None)) == []
    assert list(years_of(datetime.date(2021, 1, 1), datetime.date(2020, 1, 1))) == []
