"""The coordinator's calendar: deadlines and activity dates from the action plan, in the back office
and as a private iCalendar feed (a secret address, stored only as a hash, replaceable and revocable,
valid only while its owner may read the region's plan)."""

import datetime
import re

import icalendar
import pytest
from django.test import Client
from django.urls import reverse

from inducult.actionplan.domain import calendar
from inducult.actionplan.models import CalendarFeed
from inducult.regions.models import RegionRole
from tests.factories import ActivityFactory, FundingCallFactory, FundingInstrumentFactory, grant

TODAY = datetime.date(2026, 12, 1)


def test_entries_list_deadlines_with_reminders_openings_ahead_and_open_activities_by_date():
    calls = [
        calendar.CallFacts(
            1, "OPPIK", "Call A", opens_on=datetime.date(2026, 12, 10), closes_on=datetime.date(2027, 2, 1)
        ),
        calendar.CallFacts(2, "IROP", "", opens_on=datetime.date(2026, 1, 1), closes_on=datetime.date(2026, 6, 1)),
    ]
    activities = [
        calendar.ActivityFacts(1, "Design park", datetime.date(2027, 1, 1), datetime.date(2030, 12, 31), "planned"),
        calendar.ActivityFacts(2, "Exhibition", datetime.date(2026, 1, 1), datetime.date(2026, 12, 20), "running"),
        calendar.ActivityFacts(3, "Dropped", datetime.date(2027, 1, 1), datetime.date(2027, 6, 1), "dropped"),
    ]
    found = calendar.entries(calls, activities, today=TODAY)
    assert [(e.day.isoformat(), e.kind, e.subject) for e in found] == [
        ("2026-12-10", "call_opens", "OPPIK: Call A"),
        ("2026-12-20", "activity_ends", "Exhibition"),
        ("2027-01-01", "activity_starts", "Design park"),
        ("2027-02-01", "call_closes", "OPPIK: Call A"),
        ("2030-12-31", "activity_ends", "Design park"),
    ]
    assert next(e for e in found if e.kind == "call_closes").reminders == (7, 1)
    soon = calendar.upcoming(found, today=TODAY, days=31)
    assert [e.kind for e in soon] == ["call_opens", "activity_ends", "activity_starts"]


def client_for(user):
    client = Client(headers={"accept-language": "en"})
    client.force_login(user)
    return client


def feed_url_from(response) -> str:
    return re.search(r"<code>http://testserver([^<]+)</code>", response.content.decode()).group(1)


@pytest.fixture
def plan(region, other_region):
    instrument = FundingInstrumentFactory(region=region, programme="OPPIK")
    FundingCallFactory(instrument=instrument, title="Innovation", opens_on=None, closes_on=datetime.date(2099, 3, 1))
    ActivityFactory(
        region=region, title="Creative Region – Design Park", starts_on=datetime.date(2099, 1, 1), ends_on=None
    )
    foreign = FundingInstrumentFactory(region=other_region, programme="Sächsisches Programm")
    FundingCallFactory(instrument=foreign, title="Elsewhere", opens_on=None, closes_on=datetime.date(2099, 3, 1))


@pytest.mark.django_db
def test_the_private_feed_carries_the_regions_dates_with_reminders(region, coordinator, plan):
    client = client_for(coordinator)
    assert client.get(reverse("actionplan:calendar", args=[region.slug])).status_code == 200
    page = client.post(reverse("actionplan:calendar", args=[region.slug]), {"action": "new"})
    url = feed_url_from(page)
    token = url.rsplit("/", 1)[1].removesuffix(".ics")
    assert not CalendarFeed.objects.filter(token_hash=token).exists()  # only its hash is stored

    # A calendar app: no session (the address is the credential), here one that asks for English.
    response = Client(headers={"accept-language": "en"}).get(url)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    events = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    summaries = sorted(str(e["SUMMARY"]) for e in events)
    # Made by factories, the activity and the call are samples, and say so.
    assert summaries == [
        "[Sample] Activity starts: Creative Region – Design Park",
        "[Sample] Deadline: OPPIK: Innovation",
    ]
    deadline = next(e for e in events if str(e["SUMMARY"]).startswith("[Sample] Deadline"))
    assert deadline.decoded("DTSTART") == datetime.date(2099, 3, 1)
    assert sorted(a.decoded("TRIGGER") for a in deadline.walk("VALARM")) == [
        datetime.timedelta(days=-7),
        datetime.timedelta(days=-1),
    ]
    assert CalendarFeed.objects.get(user=coordinator).last_used_at is not None


@pytest.mark.django_db
def test_a_replaced_or_stopped_address_and_one_whose_owner_left_no_longer_works(region, coordinator, plan):
    client = client_for(coordinator)
    first = feed_url_from(client.post(reverse("actionplan:calendar", args=[region.slug]), {"action": "new"}))
    second = feed_url_from(client.post(reverse("actionplan:calendar", args=[region.slug]), {"action": "new"}))
    assert Client().get(first).status_code == 404 and Client().get(second).status_code == 200

    RegionRole.objects.filter(user=coordinator, region=region).delete()
    assert Client().get(second).status_code == 404
    grant(coordinator, region)
    assert Client().get(second).status_code == 200

    client.post(reverse("actionplan:calendar", args=[region.slug]), {"action": "revoke"})
    assert Client().get(second).status_code == 404
    assert Client().get(reverse("actionplan:feed", args=[region.slug, "guessed-token"])).status_code == 404


@pytest.mark.django_db
def test_the_calendar_page_lists_the_next_90_days_for_readers_of_the_plan(region, viewer, outsider):
    instrument = FundingInstrumentFactory(region=region, programme="IROP")
    soon = datetime.date.today() + datetime.timedelta(days=10)
    FundingCallFactory(instrument=instrument, title="Technical education", opens_on=None, closes_on=soon)
    page = client_for(viewer).get(reverse("actionplan:calendar", args=[region.slug])).content.decode()
    assert "Deadline: IROP: Technical education" in page and "in 10 days" in page
    assert client_for(outsider).get(reverse("actionplan:calendar", args=[region.slug])).status_code == 403
