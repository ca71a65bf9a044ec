"""Public events: an editor submits, the coordinator approves before publication; feeds, pages and
open data show approved events only."""

import datetime
import json
import re
import zoneinfo

import icalendar
import pytest
from django.test import Client
from django.urls import reverse

from inducult.core.models import AuditEntry
from inducult.heritage.enums import EventStatus
from inducult.heritage.models import Event
from tests.factories import FestivalFactory, OrganisationFactory, SiteFactory
from tests.submitted import submitted
from tests.testids import elements

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_client")]

PRAGUE = zoneinfo.ZoneInfo("Europe/Prague")


def signed_in(user):
    client = Client(headers={"accept-language": "en"})
    client.force_login(user)
    return client


@pytest.fixture
def festival(region):
    return FestivalFactory(
        region=region,
        slug="industrial-september-2027",
        name="Průmyslové září 2027",
        translations={"name": {"en": "Industrial September 2027"}},
        starts_on=datetime.date(2027, 9, 1),
        ends_on=datetime.date(2027, 9, 30),
        is_sample=True,
    )


@pytest.fixture
def site(region, museum):
    return SiteFactory(region=region, name="Hornické muzeum Krásno", organisation=museum)


def form_data(**overrides):
    data = {"title": "Noc v dole", "date": "2027-09-11", "time": "18:00", "end_time": "22:00", "place_text": ""}
    data.update(overrides)
    return data


def submit(user, region, **overrides):
    return signed_in(user).post(reverse("heritage_events:create", args=[region.slug]), form_data(**overrides))


def feed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def summaries(calendar):
    return [str(component["SUMMARY"]) for component in calendar.walk("VEVENT")]


def test_an_editors_event_appears_only_once_the_coordinator_approves_it(
    client, region, editor, coordinator, site, festival
):
    response = submit(editor, region, site=str(site.pk), festival=str(festival.pk))
    event = Event.objects.get()

    assert response.status_code == 302
    assert (event.status, event.organisation, event.submitted_by) == (EventStatus.SUBMITTED, site.organisation, editor)
    assert event.starts_at == datetime.datetime(2027, 9, 11, 18, tzinfo=PRAGUE)
    events_ics = reverse("heritage_public:events_ics", args=[region.slug])
    festival_ics = reverse("heritage_public:festival_ics", args=[region.slug, festival.slug])
    assert summaries(feed(client, events_ics)) == []
    assert client.get(reverse("heritage_public:event", args=[region.slug, event.pk])).status_code == 404

    waiting = signed_in(coordinator).get(reverse("heritage_events:list", args=[region.slug])).content.decode()
    assert f'data-testid="waiting-event" data-pk="{event.pk}"' in waiting
    signed_in(coordinator).post(
        reverse("heritage_events:review", args=[region.slug, event.pk]), {"decision": "approve"}
    )

    event.refresh_from_db()
    assert (event.status, event.reviewed_by) == (EventStatus.APPROVED, coordinator)
    for url in (events_ics, festival_ics, reverse("heritage_public:site_ics", args=[region.slug, site.pk])):
        calendar = feed(client, url)
        (vevent,) = calendar.walk("VEVENT")
        assert str(vevent["SUMMARY"]) == "Noc v dole"
        assert str(vevent["UID"]) == f"event-{event.pk}@{region.slug}.inducult"
        assert vevent.decoded("DTSTART") == datetime.datetime(2027, 9, 11, 18, tzinfo=PRAGUE)
        assert "Hornické muzeum Krásno" in str(vevent["LOCATION"])
    listed = json.loads(client.get(reverse("heritage_public:events_json", args=[region.slug])).content)
    assert [e["id"] for e in listed["events"]] == [event.pk] and listed["events"][0]["festival"] == festival.slug
    festival_page = client.get(reverse("heritage_public:festival", args=[region.slug, festival.slug])).content.decode()
    assert "Noc v dole" in festival_page and "Industrial September 2027" in festival_page
    actions = list(AuditEntry.objects.filter(object_type="heritage.event").values_list("action", flat=True))
    assert sorted(actions) == ["change", "create"]


def test_event_page_has_schema_org_event_json_ld(client, region, coordinator, site, festival):
    submit(coordinator, region, site=str(site.pk), festival=str(festival.pk), description="</script>x")
    event = Event.objects.get()
    assert event.status == EventStatus.APPROVED  # the coordinator's own are approved as saved

    html = client.get(reverse("heritage_public:event", args=[region.slug, event.pk])).content.decode()

    (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    document = json.loads(block)
    assert document["@type"] == "Event"
    assert document["startDate"] == "2027-09-11T18:00:00+02:00"
    assert document["endDate"] == "2027-09-11T22:00:00+02:00"
    assert document["location"]["geo"]["latitude"] == 50.23
    assert document["superEvent"]["name"] == "Industrial September 2027"


def test_an_editors_change_to_a_published_event_waits_for_approval_again(region, editor, coordinator, site):
    submit(coordinator, region, site=str(site.pk))
    event = Event.objects.get()
    event.organisation = site.organisation
    event.save()

    response = signed_in(editor).post(
        reverse("heritage_events:edit", args=[region.slug, event.pk]),
        form_data(site=str(site.pk), title="Noc v dole 2", version=str(event.version)),
    )

    event.refresh_from_db()
    assert response.status_code == 302
    assert (event.title, event.status) == ("Noc v dole 2", EventStatus.SUBMITTED)


def test_an_edit_begun_before_another_save_is_refused_and_writes_nothing(region, coordinator, site):
    submit(coordinator, region, site=str(site.pk))
    event = Event.objects.get()
    edit = reverse("heritage_events:edit", args=[region.slug, event.pk])
    opened = str(event.version)
    signed_in(coordinator).post(edit, form_data(site=str(site.pk), title="Noc v dole 2", version=opened))

    response = signed_in(coordinator).post(edit, form_data(site=str(site.pk), title="Noc v dole 3", version=opened))

    assert response.status_code == 409
    (conflict,) = elements(response.content, "conflict")
    assert conflict.text.startswith("Someone else saved this after you started editing")
    labels = [e.text for e in elements(response.content, "conflict-label")]
    stored = [e.text for e in elements(response.content, "conflict-stored")]
    mine = [e.text for e in elements(response.content, "conflict-mine")]
    assert (stored[labels.index("Title")], mine[labels.index("Title")]) == ("Noc v dole 2", "Noc v dole 3")
    assert submitted(response.content.decode(), "event-form")["version"] == ["2"]
    event.refresh_from_db()
    assert (event.title, event.version) == ("Noc v dole 2", 2)


def test_an_edit_without_the_version_it_began_from_is_refused_and_writes_nothing(region, coordinator, site):
    submit(coordinator, region, site=str(site.pk))
    event = Event.objects.get()
    edit = reverse("heritage_events:edit", args=[region.slug, event.pk])

    response = signed_in(coordinator).post(edit, form_data(site=str(site.pk), title="Noc v dole 2"))

    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "This change does not say which version of the event it was made to, so it could overwrite someone "
        "else's newer one; nothing was saved. Open the event again and redo the change."
    ]
    event.refresh_from_db()
    assert (event.title, event.version) == ("Noc v dole", 1)
    assert list(AuditEntry.objects.filter(object_type="heritage.event").values_list("action", flat=True)) == ["create"]


def test_the_edit_page_carries_the_version_and_a_new_event_needs_none(region, coordinator, site):
    client = signed_in(coordinator)
    create = client.get(reverse("heritage_events:create", args=[region.slug]))
    assert "version" not in create.context["form"].fields

    response = client.post(reverse("heritage_events:create", args=[region.slug]), form_data(site=str(site.pk)))

    event = Event.objects.get()
    assert response.status_code == 302
    assert (event.title, event.version) == ("Noc v dole", 1)
    edit = client.get(reverse("heritage_events:edit", args=[region.slug, event.pk]))
    assert edit.context["form"]["version"].value() == 1


def test_a_rejection_needs_a_reason_which_the_editor_then_reads(region, editor, coordinator, site):
    submit(editor, region, site=str(site.pk))
    event = Event.objects.get()
    review = reverse("heritage_events:review", args=[region.slug, event.pk])

    signed_in(coordinator).post(review, {"decision": "reject", "reason": "  "})
    event.refresh_from_db()
    assert event.status == EventStatus.SUBMITTED
    signed_in(coordinator).post(review, {"decision": "reject", "reason": "Datum koliduje s Dočesnou."})
    event.refresh_from_db()
    assert (event.status, event.rejection_reason) == (EventStatus.REJECTED, "Datum koliduje s Dočesnou.")

    page = signed_in(editor).get(reverse("heritage_events:edit", args=[region.slug, event.pk])).content.decode()
    assert "Rejected: Datum koliduje s Dočesnou." in page


def test_editors_keep_only_their_organisations_events_and_viewers_none(region, editor, viewer, coordinator, site):
    other = OrganisationFactory(region=region, name="Jiné muzeum")
    submit(coordinator, region, site=str(site.pk), organisation=str(other.pk))
    theirs = Event.objects.get()

    assert signed_in(editor).get(reverse("heritage_events:edit", args=[region.slug, theirs.pk])).status_code == 404
    assert signed_in(viewer).get(reverse("heritage_events:create", args=[region.slug])).status_code == 403
    review = reverse("heritage_events:review", args=[region.slug, theirs.pk])
    assert signed_in(editor).post(review, {"decision": "approve"}).status_code == 403


def test_an_event_ending_before_it_starts_or_without_a_place_is_refused(region, coordinator):
    response = submit(coordinator, region, time="18:00", end_time="17:00", place_text="Sokolov")
    assert response.status_code == 200
    assert "The end must not be before the start." in response.content.decode()

    response = submit(coordinator, region, place_text="")
    assert "Choose the site or say where the event takes place." in response.content.decode()
    assert not Event.objects.exists()


def test_text_with_markup_is_shown_as_text(client, region, coordinator):
    submit(coordinator, region, title="<script>alert(1)</script>", place_text="<b>Sokolov</b>")
    event = Event.objects.get()

    html = client.get(reverse("heritage_public:event", args=[region.slug, event.pk])).content.decode()

    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>Sokolov</b>" not in html


def test_month_view_puts_events_on_their_local_day(client, region, coordinator):
    submit(coordinator, region, date="2027-09-30", time="23:30", end_time="23:45", place_text="Sokolov")

    html = client.get(reverse("heritage_public:event_list", args=[region.slug]) + "?month=2027-09").content.decode()
    october = client.get(reverse("heritage_public:event_list", args=[region.slug]) + "?month=2027-10").content.decode()

    assert 'data-testid="month-event"' in html and "Noc v dole" in html
    assert 'data-testid="month-event"' not in october
    bad = client.get(reverse("heritage_public:event_list", args=[region.slug]) + "?month=září").content.decode()
    assert "is not a month such as 2026-09" in bad


def test_a_held_public_engagement_linked_to_its_event_counts_once(region, coordinator, site):
    from inducult.engagement.models import Engagement
    from tests.factories import EngagementFactory

    held = EngagementFactory(
        region=region,
        kind="exhibition_stop",
        title="Výstava v muzeu",
        visibility="public",
        starts_at=datetime.datetime(2026, 9, 11, 18, tzinfo=PRAGUE),
    )
    EngagementFactory(region=region, visibility="internal", title="Interní schůzka")
    form_page = signed_in(coordinator).get(reverse("heritage_events:create", args=[region.slug]))
    offered = list(form_page.context["form"].fields["engagement"].queryset)
    assert offered == [held]  # only public engagements can stand for a public event

    submit(coordinator, region, site=str(site.pk), engagement=str(held.pk), date="2026-09-11")
    event = Event.objects.get()

    assert event.engagement == held and held.public_event == event
    assert Engagement.objects.filter(region=region).count() == 2  # nothing logged twice
    again = submit(coordinator, region, site=str(site.pk), engagement=str(held.pk), title="Druhá")
    assert again.status_code == 200 and Event.objects.count() == 1  # one engagement, one event
