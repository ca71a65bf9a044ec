"""The region's clock: moments read on the region's clock, its date, the start of its days and its
years. Every app counts days and years with these, so a region in another zone counts its own."""

import datetime

import pytest

from inducult.regions.models import Region

UTC = datetime.UTC


def prague() -> Region:
    return Region(slug="karlovy-vary", time_zone="Europe/Prague")


def test_localtime_and_today_read_a_moment_on_the_regions_clock():
    moment = datetime.datetime(2026, 12, 31, 23, 30, tzinfo=UTC)

    assert prague().localtime(moment) == moment
    assert prague().localtime(moment).utcoffset() == datetime.timedelta(hours=1)
    assert prague().today(moment) == datetime.date(2027, 1, 1)
    assert Region(time_zone="America/New_York").today(moment) == datetime.date(2026, 12, 31)


def test_start_of_day_is_local_midnight():
    start = prague().start_of_day(datetime.date(2026, 7, 1))

    assert start == datetime.datetime(2026, 6, 30, 22, 0, tzinfo=UTC)  # summer time: UTC+2
    assert start.tzinfo == prague().tz
    assert prague().start_of_day(datetime.date(2026, 1, 15)) == datetime.datetime(2026, 1, 14, 23, 0, tzinfo=UTC)


def test_start_of_day_on_the_days_the_clocks_change():
    region = prague()
    # 29 March 2026 has 23 hours, 25 October 2026 has 25: the days run from midnight to midnight.
    spring = [region.start_of_day(datetime.date(2026, 3, day)).astimezone(UTC) for day in (29, 30)]
    autumn = [region.start_of_day(datetime.date(2026, 10, day)).astimezone(UTC) for day in (25, 26)]

    assert spring[1] - spring[0] == datetime.timedelta(hours=23)
    assert autumn[1] - autumn[0] == datetime.timedelta(hours=25)


def test_start_of_day_refuses_a_moment():
    # A datetime is a date too; its own clock would decide which day it is.
    with pytest.raises(TypeError):
        prague().start_of_day(datetime.datetime(2026, 7, 1, 1, 0, tzinfo=UTC))


def test_year_bounds_are_local_midnights_of_new_years_day():
    start, end = prague().year_bounds(2026)

    assert start == datetime.datetime(2025, 12, 31, 23, 0, tzinfo=UTC)
    assert end == datetime.datetime(2026, 12, 31, 23, 0, tzinfo=UTC)
    assert (start.tzinfo, end.tzinfo) == (prague().tz, prague().tz)


def test_year_bounds_follow_the_regions_zone():
    start, end = Region(time_zone="Pacific/Auckland").year_bounds(2026)

    assert start == datetime.datetime(2025, 12, 31, 11, 0, tzinfo=UTC)  # New Zealand summer: UTC+13
    assert end == datetime.datetime(2026, 12, 31, 11, 0, tzinfo=UTC)


@pytest.mark.parametrize("time_zone", ["Europe/Prague", "America/New_York", "Pacific/Auckland", "UTC"])
def test_every_moment_of_the_year_bounds_is_in_that_local_year(time_zone):
    region = Region(time_zone=time_zone)
    start, end = region.year_bounds(2026)
    just_before = end - datetime.timedelta(microseconds=1)

    assert region.localtime(start).year == region.localtime(just_before).year == 2026
    assert region.localtime(start - datetime.timedelta(microseconds=1)).year == 2025
    assert region.localtime(end).year == 2027
    assert region.today(start) == datetime.date(2026, 1, 1)
    assert region.today(just_before) == datetime.date(2026, 12, 31)
