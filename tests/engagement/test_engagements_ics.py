import datetime
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from inducult.engagement.enums import EngagementKind, EngagementStatus, Visibility
from inducult.engagement.models import Engagement, FollowUpTask
from tests.factories import EngagementFactory, EngagementParticipantFactory, OrganisationFactory, PersonFactory
from tests.queries import queries_at_two_sizes

PRAGUE = zoneinfo.ZoneInfo("Europe/Prague")


def public(**kwargs):
    kwargs.setdefault("visibility", Visibility.PUBLIC)
    kwargs.setdefault("is_sample", False)
    return EngagementFactory(**kwargs)


def get_ics(client, region, year="2024", **headers):
    """Most tests fix their dates in 2024 and ask for that year, so the feed's window (last year
    onwards) cannot make them depend on today's date."""
    params = {"year": year} if year else {}
    response = client.get(reverse("engagement_public:ics", args=[region.slug]), params, **headers)
    assert response.status_code == 200
    return response, Calendar.from_ical(response.content)


def events_by_summary(cal):
    return {str(e["SUMMARY"]): e for e in cal.events}


@pytest.mark.django_db
def test_ics_url_is_the_stable_contract(region):
    assert reverse("engagement_public:ics", args=[region.slug]) == "/open/karlovy-vary/engagements.ics"


@pytest.mark.django_db
def test_ics_is_a_valid_calendar_with_name_time_zone_and_headers(client, region):
    public(region=region, title="Round table on porcelain")

    response, cal = get_ics(client, region, HTTP_ACCEPT_LANGUAGE="en")

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'inline; filename="engagements-karlovy-vary-2024.ics"'
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Cache-Control"] == "public, max-age=300"
    cal.validate()
    assert str(cal["VERSION"]) == "2.0"
    assert str(cal["PRODID"]) == "-//InduCult Hub//Engagements//EN"
    assert str(cal["X-WR-CALNAME"]) == "Karlovarský kraj – Engagements"
    assert str(cal["X-WR-TIMEZONE"]) == "Europe/Prague"
    assert [tz.tz_name for tz in cal.timezones] == ["Europe/Prague"]
    assert cal.get_missing_tzids() == set()
    assert "CC BY-SA 4.0" in str(cal["DESCRIPTION"])
    # Round trip: what the parser reads back serialises to the same bytes.
    assert Calendar.from_ical(cal.to_ical()).to_ical() == cal.to_ical()


@pytest.mark.django_db
def test_ics_event_has_stable_uid_local_time_and_public_facts(client, region):
    host = OrganisationFactory(region=region, name="Hornické muzeum", town="Krásno")
    engagement = public(
        region=region,
        title="New Year's Eve shift at the mine",
        kind=EngagementKind.WORKSHOP,
        status=EngagementStatus.PLANNED,
        starts_at=datetime.datetime(2025, 12, 31, 23, 30, tzinfo=PRAGUE),
        ends_at=datetime.datetime(2026, 1, 1, 1, 0, tzinfo=PRAGUE),
        place_organisation=host,
        outcomes="A route for the open-factory day.",
    )

    _response, cal = get_ics(client, region, year="2025", HTTP_ACCEPT_LANGUAGE="en")

    [event] = cal.events
    assert str(event["UID"]) == f"engagement-{engagement.pk}@karlovy-vary.inducult"
    assert event.start == datetime.datetime(2025, 12, 31, 23, 30, tzinfo=PRAGUE)
    assert (event.start.tzinfo.key, event.start.date(), event.start.hour, event.start.minute) == (
        "Europe/Prague",
        datetime.date(2025, 12, 31),
        23,
        30,
    )
    assert event.end == datetime.datetime(2026, 1, 1, 1, 0, tzinfo=PRAGUE)
    assert event["DTSTART"].params["TZID"] == "Europe/Prague"
    assert str(event["SUMMARY"]) == "New Year's Eve shift at the mine"
    assert str(event["LOCATION"]) == "Hornické muzeum, Krásno"
    assert str(event["DESCRIPTION"]) == "A route for the open-factory day."
    assert event.categories == ["Workshop"]
    assert str(event["STATUS"]) == "TENTATIVE"
    assert str(event["CLASS"]) == "PUBLIC"
    engagement.refresh_from_db()
    # The last change, to the second (iCalendar has no fractions).
    assert event.stamp == engagement.updated_at.replace(microsecond=0)
    assert "URL" not in event
    assert b"DTSTART;TZID=Europe/Prague:20251231T233000" in cal.to_ical()


@pytest.mark.django_db
def test_ics_held_is_confirmed_and_missing_end_gets_two_hours(client, region):
    public(
        region=region,
        title="Held",
        status=EngagementStatus.HELD,
        starts_at=datetime.datetime(2024, 7, 1, 14, 0, tzinfo=PRAGUE),
        place_text="Náměstí Krále Jiřího, Cheb",
    )

    _response, cal = get_ics(client, region)

    [event] = cal.events
    assert str(event["STATUS"]) == "CONFIRMED"
    assert event.end == datetime.datetime(2024, 7, 1, 16, 0, tzinfo=PRAGUE)
    assert str(event["LOCATION"]) == "Náměstí Krále Jiřího, Cheb"
    assert "DESCRIPTION" not in event


@pytest.mark.django_db
def test_ics_date_only_engagements_are_all_day_events(client, region):
    public(region=region, title="One day", date_only=True, starts_at=datetime.datetime(2024, 3, 12, tzinfo=PRAGUE))
    public(
        region=region,
        title="Three days",
        date_only=True,
        starts_at=datetime.datetime(2024, 9, 6, tzinfo=PRAGUE),
        ends_at=datetime.datetime(2024, 9, 8, tzinfo=PRAGUE),
    )

    response, cal = get_ics(client, region)

    events = events_by_summary(cal)
    assert (events["One day"].start, events["One day"].end) == (datetime.date(2024, 3, 12), datetime.date(2024, 3, 13))
    assert (events["Three days"].start, events["Three days"].end) == (
        datetime.date(2024, 9, 6),
        datetime.date(2024, 9, 9),
    )
    assert b"DTSTART;VALUE=DATE:20240312" in response.content


@pytest.mark.django_db
def test_ics_leaves_out_internal_engagements_and_other_regions(client, region, other_region):
    public(region=region, title="Open to all")
    public(region=region, title="Behind closed doors", visibility=Visibility.INTERNAL)
    public(region=other_region, title="Elsewhere")

    response, cal = get_ics(client, region)

    assert list(events_by_summary(cal)) == ["Open to all"]
    assert b"Behind closed doors" not in response.content


@pytest.mark.django_db
def test_ics_leaves_out_deleted_engagements(client, region):
    public(region=region, title="Still on")
    gone = public(region=region, title="Deleted")
    Engagement.all_objects.filter(pk=gone.pk).update(deleted_at=timezone.now())

    response, cal = get_ics(client, region)

    assert list(events_by_summary(cal)) == ["Still on"]
    assert b"Deleted" not in response.content


@pytest.mark.django_db
def test_ics_shows_no_person_minutes_or_e_mail(client, region):
    engagement = public(region=region, title="Partner meeting", minutes="ONLY-INTERNAL minutes")
    person = PersonFactory(region=region, first_name="Zdislava", last_name="Tajemná", email="zdislava@private.example")
    EngagementParticipantFactory(engagement=engagement, person=person, organisation=None)
    FollowUpTask.objects.create(engagement=engagement, title="ONLY-INTERNAL task", owner=person)

    response, _cal = get_ics(client, region)

    body = response.content.decode("utf-8")
    for secret in ("Zdislava", "Tajemná", "zdislava@private.example", "ONLY-INTERNAL"):
        assert secret not in body


@pytest.mark.django_db
def test_ics_labels_sample_engagements_in_the_visitors_language(client, region):
    public(region=region, title="Made up", is_sample=True, kind=EngagementKind.ROUND_TABLE)

    _response, english = get_ics(client, region, HTTP_ACCEPT_LANGUAGE="en")
    _response, czech = get_ics(client, region, HTTP_ACCEPT_LANGUAGE="cs")

    [event] = english.events
    assert str(event["SUMMARY"]) == "[Sample] Made up"
    assert str(event["DESCRIPTION"]).startswith("Sample record: made up for demonstration.")
    [udalost] = czech.events
    assert str(udalost["SUMMARY"]) == "[Ukázka] Made up"
    assert (event.categories, udalost.categories) == (["Round table"], ["Kulatý stůl"])
    assert str(czech["X-WR-CALNAME"]) == "Karlovarský kraj – Aktivity"


@pytest.mark.django_db
def test_ics_uses_translated_title_and_outcomes(client, region):
    public(
        region=region,
        title="Kulatý stůl",
        outcomes="Dohoda o trase.",
        translations={"title": {"en": "Round table"}, "outcomes": {"en": "Agreed on a route."}},
    )

    _response, cal = get_ics(client, region, HTTP_ACCEPT_LANGUAGE="en")

    [event] = cal.events
    assert (str(event["SUMMARY"]), str(event["DESCRIPTION"])) == ("Round table", "Agreed on a route.")


@pytest.mark.django_db
def test_ics_of_a_region_without_public_engagements_is_still_valid(client, region):
    _response, cal = get_ics(client, region)

    assert list(cal.events) == []
    cal.validate()


@pytest.mark.django_db
def test_ics_unknown_region_is_404(client):
    assert client.get(reverse("engagement_public:ics", args=["nowhere"])).status_code == 404


@pytest.mark.django_db
def test_ics_query_count_does_not_grow_with_engagements(client, region):
    def add(n):
        for _ in range(n):
            public(region=region, place_organisation=OrganisationFactory(region=region))

    measured = queries_at_two_sizes(
        add=add,
        run=lambda: client.get(reverse("engagement_public:ics", args=[region.slug])),
        sizes=(1, 6),
        at_most=5,
    )

    assert [response.status_code for response in measured.results] == [200, 200]


@pytest.mark.django_db
def test_ics_feed_covers_last_year_onwards(client, region):
    this_year = timezone.localdate(timezone=PRAGUE).year
    public(
        region=region, title="Two years ago", starts_at=datetime.datetime(this_year - 2, 12, 31, 23, 0, tzinfo=PRAGUE)
    )
    public(region=region, title="Last year", starts_at=datetime.datetime(this_year - 1, 1, 1, 0, 30, tzinfo=PRAGUE))
    public(
        region=region,
        title="Next year",
        status=EngagementStatus.PLANNED,
        starts_at=datetime.datetime(this_year + 1, 6, 1, 10, 0, tzinfo=PRAGUE),
    )

    response, cal = get_ics(client, region, year=None)

    assert sorted(events_by_summary(cal)) == ["Last year", "Next year"]
    assert response["Content-Disposition"] == 'inline; filename="engagements-karlovy-vary.ics"'
    _response, archive = get_ics(client, region, year=str(this_year - 2))
    assert list(events_by_summary(archive)) == ["Two years ago"]


@pytest.mark.django_db
@pytest.mark.parametrize("year", ["", "25", "2025x", "3025"])
def test_ics_refuses_a_malformed_year(client, region, year):
    response = client.get(reverse("engagement_public:ics", args=[region.slug]), {"year": year})

    assert response.status_code == 400
