"""The iCalendar scaffold (core.ical) every feed is built on: the header, the region's zone, stable
UIDs and revision stamps, whole-day and open-ended times, sample labels and the HTTP answer."""

import datetime
import zoneinfo
from types import SimpleNamespace

import pytest
from django.utils import translation
from icalendar import Calendar, Event

from inducult.core import ical

PRAGUE = zoneinfo.ZoneInfo("Europe/Prague")
REGION = SimpleNamespace(slug="karlovy-vary", name="Karlovarský kraj", time_zone="Europe/Prague")


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def timed_event(start: datetime.datetime, number: int = 1) -> Event:
    return Event.new(
        uid=ical.uid(f"thing-{number}", REGION),
        stamp=ical.stamp(),
        start=start,
        end=start + datetime.timedelta(hours=1),
        summary="Something",
    )


def record(**values):
    values.setdefault("created_at", datetime.datetime(2025, 1, 2, 9, 0, tzinfo=PRAGUE))
    values.setdefault("updated_at", datetime.datetime(2025, 3, 4, 10, 30, tzinfo=PRAGUE))
    values.setdefault("version", 3)
    return SimpleNamespace(**values)


def test_uid_is_the_local_part_at_the_regions_domain():
    assert ical.uid("engagement-7", REGION) == "engagement-7@karlovy-vary.inducult"


def test_calendar_header_names_product_calendar_description_and_uid():
    cal = ical.calendar(
        "Engagements",
        REGION,
        name="Karlovarský kraj – Engagements",
        description="About it.",
        uid=ical.uid("engagements", REGION),
        events=[],
    )

    cal.validate()
    assert str(cal["PRODID"]) == "-//InduCult Hub//Engagements//EN"
    assert str(cal["VERSION"]) == "2.0"
    assert str(cal["X-WR-CALNAME"]) == str(cal["NAME"]) == "Karlovarský kraj – Engagements"
    assert str(cal["X-WR-CALDESC"]) == str(cal["DESCRIPTION"]) == "About it."
    assert str(cal["UID"]) == "engagements@karlovy-vary.inducult"


def test_calendar_without_uid_or_description_gets_a_random_uid_and_no_description():
    cal = ical.calendar("Tour plan", REGION, name="Day", events=[])

    assert "DESCRIPTION" not in cal
    assert str(cal["UID"]) != str(ical.calendar("Tour plan", REGION, name="Day", events=[])["UID"])


def test_zoned_calendar_carries_the_regions_zone_covering_the_events_years():
    events = [timed_event(datetime.datetime(2024, 5, 1, 10, tzinfo=PRAGUE), 1)]
    events.append(timed_event(datetime.datetime(2026, 11, 1, 10, tzinfo=PRAGUE), 2))

    cal = ical.calendar("Events", REGION, name="Events", events=events)

    assert str(cal["X-WR-TIMEZONE"]) == "Europe/Prague"
    assert [tz.tz_name for tz in cal.timezones] == ["Europe/Prague"]
    assert cal.get_missing_tzids() == set()
    comment = str(cal.timezones[0]["COMMENT"])
    assert "2023-01-01" in comment and "2028-01-01" in comment
    # The zone comes first, then the events in the order given.
    assert [c.name for c in cal.subcomponents] == ["VTIMEZONE", "VEVENT", "VEVENT"]
    assert [str(e["UID"]) for e in cal.events] == ["thing-1@karlovy-vary.inducult", "thing-2@karlovy-vary.inducult"]


def test_empty_zoned_calendar_is_still_a_valid_calendar():
    cal = ical.calendar("Events", REGION, name="Events", events=[])

    cal.validate()
    assert [tz.tz_name for tz in cal.timezones] == ["Europe/Prague"]
    assert Calendar.from_ical(cal.to_ical()).to_ical() == cal.to_ical()


def test_calendar_of_whole_days_has_no_zone():
    day = Event.new(uid="d@x", stamp=ical.stamp(), start=datetime.date(2026, 3, 1), end=datetime.date(2026, 3, 2))

    cal = ical.calendar("Action plan", REGION, name="Plan", events=[day], zoned=False)

    assert "X-WR-TIMEZONE" not in cal
    assert cal.timezones == []
    assert len(cal.events) == 1


def test_record_event_is_stamped_with_the_last_change_and_numbered_by_version():
    item = ical.record_event(
        record(),
        uid="e-1@karlovy-vary.inducult",
        start=datetime.date(2025, 5, 1),
        end=datetime.date(2025, 5, 2),
        summary="Open day",
        status="CONFIRMED",
    )

    changed = datetime.datetime(2025, 3, 4, 9, 30, tzinfo=datetime.UTC)
    assert item.decoded("DTSTAMP") == item.decoded("LAST-MODIFIED") == changed
    assert item.decoded("CREATED") == datetime.datetime(2025, 1, 2, 8, 0, tzinfo=datetime.UTC)
    assert item["SEQUENCE"] == 2
    assert str(item["CLASS"]) == "PUBLIC"
    assert str(item["STATUS"]) == "CONFIRMED"
    assert str(item["SUMMARY"]) == "Open day"


def test_record_event_of_a_first_version_has_sequence_zero():
    item = ical.record_event(record(version=1), uid="u", start=datetime.date(2025, 5, 1), end=None, summary="x")

    assert item["SEQUENCE"] == 0


def test_stamp_is_in_utc_and_now_by_default():
    moment = datetime.datetime(2026, 7, 1, 12, 0, tzinfo=PRAGUE)

    assert ical.stamp(moment) == datetime.datetime(2026, 7, 1, 10, 0, tzinfo=datetime.UTC)
    assert ical.stamp().tzinfo == datetime.UTC


def test_event_times_of_a_timed_event_are_local_and_an_open_end_lasts_the_default():
    starts = datetime.datetime(2025, 12, 31, 22, 30, tzinfo=datetime.UTC)

    start, end = ical.event_times(starts, None, all_day=False, tz=PRAGUE)

    assert start == datetime.datetime(2025, 12, 31, 23, 30, tzinfo=PRAGUE) and start.tzinfo == PRAGUE
    assert end - start == ical.DEFAULT_DURATION == datetime.timedelta(hours=2)


def test_event_times_of_a_whole_day_event_end_the_day_after_the_last_day():
    starts = datetime.datetime(2026, 9, 11, 0, 0, tzinfo=PRAGUE)
    ends = datetime.datetime(2026, 9, 13, 0, 0, tzinfo=PRAGUE)

    assert ical.event_times(starts, ends, all_day=True, tz=PRAGUE) == (
        datetime.date(2026, 9, 11),
        datetime.date(2026, 9, 14),
    )
    assert ical.event_times(starts, None, all_day=True, tz=PRAGUE) == (
        datetime.date(2026, 9, 11),
        datetime.date(2026, 9, 12),
    )


def test_event_times_of_a_whole_day_event_ending_before_it_starts_last_one_day():
    starts = datetime.datetime(2026, 9, 11, 0, 0, tzinfo=PRAGUE)

    assert ical.event_times(starts, starts - datetime.timedelta(days=3), all_day=True, tz=PRAGUE) == (
        datetime.date(2026, 9, 11),
        datetime.date(2026, 9, 12),
    )


def test_sample_summary_labels_made_up_records_only():
    assert ical.sample_summary("Open day", is_sample=True) == "[Sample] Open day"
    assert ical.sample_summary("Open day", is_sample=False) == "Open day"


def test_sample_summary_is_translated():
    with translation.override("cs"):
        assert ical.sample_summary("Den", is_sample=True) == "[Ukázka] Den"


def test_describe_joins_paragraphs_leaving_out_empty_ones_and_labels_samples():
    assert ical.describe("Outcomes.", "", "Festival") == "Outcomes.\n\nFestival"
    assert ical.describe("", is_sample=False) == ""
    assert ical.describe("Outcomes.", is_sample=True) == "Sample record: made up for demonstration.\n\nOutcomes."


def test_licensed_fills_in_the_region_and_the_open_data_terms():
    sentence = "Public events of %(region)s. Licence: %(licence)s (%(url)s)."

    assert ical.licensed(sentence, REGION) == (
        "Public events of Karlovarský kraj. Licence: CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/)."
    )


def test_response_is_an_inline_calendar_by_default():
    cal = ical.calendar("Events", REGION, name="Events", events=[])

    response = ical.response(cal, filename="events-karlovy-vary.ics")

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'inline; filename="events-karlovy-vary.ics"'
    assert response.content == cal.to_ical()


def test_response_as_attachment_is_a_file_to_keep():
    cal = ical.calendar("Tour plan", REGION, name="Day", events=[])

    response = ical.response(cal, filename="tour.ics", as_attachment=True)

    assert response["Content-Disposition"] == 'attachment; filename="tour.ics"'
