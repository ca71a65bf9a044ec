"""Logging and editing an engagement on its one form page."""

import datetime
import zoneinfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from inducult.core.models import AuditEntry
from inducult.engagement.models import Engagement, Topic
from inducult.network.models import Organisation, Person
from inducult.network.services.people import erase_person
from tests.engagement.pages import form_data, url
from tests.factories import (
    PDF,
    EngagementFactory,
    EngagementParticipantFactory,
    FollowUpTaskFactory,
    OrganisationFactory,
    PersonFactory,
    StrategicGoalFactory,
    TopicFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_client")]

PRAGUE = zoneinfo.ZoneInfo("Europe/Prague")


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def shown_messages(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def test_create_with_participants_topics_goals_and_tasks(coordinator_client, coordinator, region, museum):
    person = PersonFactory(region=region)
    owner = PersonFactory(region=region)
    spa = TopicFactory(region=region, name="Lázně")
    goal = StrategicGoalFactory(version__strategy__region=region, code="SG1")
    data = form_data(
        organisations=[museum.pk],
        people=[person.pk],
        topics=[spa.pk],
        new_topics="lazne, Sklo , sklo",
        goals=[goal.pk],
        minutes="Dohodli jsme výstavu.",
        anonymous_head_count="4",
        **{"tasks-0-title": "Poslat zápis", "tasks-0-owner": str(owner.pk), "tasks-0-due_date": "2026-12-10"},
    )

    response = coordinator_client.post(url("create"), data)

    engagement = Engagement.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("detail", engagement.pk)
    assert (engagement.kind, engagement.status, engagement.anonymous_head_count) == ("bilateral_meeting", "held", 4)
    assert sorted(t.name for t in engagement.topics.all()) == ["Lázně", "Sklo"]
    assert Topic.objects.filter(region=region).count() == 2
    assert list(engagement.goals.all()) == [goal]
    assert [(p.organisation, p.person) for p in engagement.participants.all()] == [(museum, None), (None, person)]
    task = engagement.tasks.get()
    assert (task.title, task.owner, task.due_date) == ("Poslat zápis", owner, datetime.date(2026, 12, 10))
    audited = set(AuditEntry.objects.filter(actor=coordinator).values_list("object_type", flat=True))
    assert audited == {
        "engagement.engagement",
        "engagement.topic",
        "engagement.engagementparticipant",
        "engagement.followuptask",
    }


def test_create_date_only_when_no_time_is_given(coordinator_client):
    coordinator_client.post(url("create"), form_data(date="2018-10-04", time=""))
    engagement = Engagement.objects.get()
    assert engagement.date_only
    assert engagement.starts_at == datetime.datetime(2018, 10, 4, tzinfo=PRAGUE)


def test_time_is_read_in_the_regions_time_zone(coordinator_client):
    coordinator_client.post(url("create"), form_data(date="2025-12-31", time="23:30", end_time="23:59"))
    engagement = Engagement.objects.get()
    assert engagement.starts_at == datetime.datetime(2025, 12, 31, 22, 30, tzinfo=datetime.UTC)
    assert engagement.ends_at == datetime.datetime(2025, 12, 31, 22, 59, tzinfo=datetime.UTC)
    assert engagement.year == 2025
    assert not engagement.date_only


def test_edit_form_shows_the_local_date_and_time(coordinator_client, region):
    engagement = EngagementFactory(
        region=region, starts_at=datetime.datetime(2025, 12, 31, 22, 30, tzinfo=datetime.UTC)
    )
    form = coordinator_client.get(url("edit", engagement.pk)).context["form"]
    assert form["date"].value() == datetime.date(2025, 12, 31)
    assert form["time"].value() == datetime.time(23, 30)


def test_end_before_start_is_refused(coordinator_client):
    response = coordinator_client.post(url("create"), form_data(time="10:00", end_time="09:00"))
    assert response.context["form"].errors == {"end_time": ["The end must not be before the start."]}
    assert not Engagement.objects.exists()


def test_held_engagement_in_the_future_is_refused_at_its_status(coordinator_client):
    later = timezone.localdate() + datetime.timedelta(days=30)
    response = coordinator_client.post(url("create"), form_data(date=later.isoformat()))
    assert response.status_code == 200
    assert response.context["form"].errors["status"] == ["An engagement on a later date cannot have been held yet."]
    assert not Engagement.objects.exists()


def test_far_date_is_saved_with_a_warning(coordinator_client):
    far = timezone.localdate() + datetime.timedelta(days=6 * 366)
    response = coordinator_client.post(url("create"), form_data(status="planned", date=far.isoformat()), follow=True)
    assert Engagement.objects.get().local_date == far
    warnings = [m for m in shown_messages(response) if "more than five years from today" in m]
    assert len(warnings) == 1
    assert "It was saved; if it is a typo, edit the engagement and correct it." in warnings[0]


def test_date_within_five_years_has_no_warning(coordinator_client):
    near = timezone.localdate() - datetime.timedelta(days=4 * 365)
    response = coordinator_client.post(url("create"), form_data(date=near.isoformat()), follow=True)
    assert not [m for m in shown_messages(response) if "five years" in m]


def test_participant_of_another_region_is_refused_with_a_specific_message(coordinator_client, other_region, museum):
    foreign = OrganisationFactory(region=other_region, name="Bergbaumuseum")
    response = coordinator_client.post(url("create"), form_data(organisations=[museum.pk, foreign.pk]))
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "organisations": [
            f"Organisation #{foreign.pk} belongs to another region; only this region's records can be chosen."
        ]
    }
    assert "Bergbaumuseum" not in response.content.decode()
    assert not Engagement.objects.exists()


def test_person_and_task_owner_of_another_region_are_refused(coordinator_client, other_region):
    foreign = PersonFactory(region=other_region)
    response = coordinator_client.post(
        url("create"), form_data(people=[foreign.pk], **{"tasks-0-title": "X", "tasks-0-owner": str(foreign.pk)})
    )
    assert response.context["form"].errors["people"] == [
        f"Person #{foreign.pk} belongs to another region; only this region's records can be chosen."
    ]
    assert response.context["formset"].forms[0].errors["owner"] == [
        f"Person #{foreign.pk} belongs to another region; only this region's records can be chosen."
    ]
    assert not Engagement.objects.exists()


def test_new_organisation_on_the_spot_is_created_in_the_registry_and_takes_part(coordinator_client, region):
    response = coordinator_client.post(
        url("create"),
        form_data(new_org_name="Sklárna Nové Sedlo", new_org_kind="enterprise", new_org_town="Nové Sedlo"),
    )
    assert response.status_code == 302
    org = Organisation.objects.get(name="Sklárna Nové Sedlo")
    assert (org.region, org.kind, org.town, org.is_sample) == (region, "enterprise", "Nové Sedlo", False)
    assert Engagement.objects.get().participants.get().organisation == org
    assert AuditEntry.objects.filter(
        object_type="network.organisation", object_id=str(org.pk), action="create"
    ).exists()


def test_new_organisation_that_looks_like_a_duplicate_needs_confirmation(coordinator_client, region):
    OrganisationFactory(region=region, name="Sklárna Nové Sedlo, s.r.o.", town="Nové Sedlo")
    data = form_data(new_org_name="Sklarna Nove Sedlo", new_org_kind="enterprise", new_org_town="Nové Sedlo")
    response = coordinator_client.post(url("create"), data)
    assert response.status_code == 200
    [error] = response.context["form"].errors["new_org_name"]
    assert error.startswith("The registry already has Sklárna Nové Sedlo, s.r.o. (Nové Sedlo)")
    assert 'name="new_org_create_anyway"' in response.content.decode()
    assert not Engagement.objects.exists()
    response = coordinator_client.post(url("create"), {**data, "new_org_create_anyway": "on"})
    assert response.status_code == 302
    assert Organisation.objects.filter(region=region).count() == 2


def test_new_person_on_the_spot_needs_a_lawful_basis(coordinator_client, region):
    data = form_data(new_person_first_name="Petr", new_person_last_name="Novák", new_person_email="petr@example.org")
    response = coordinator_client.post(url("create"), data)
    assert response.context["form"].errors == {
        "new_person_lawful_basis": [
            "Choose the lawful basis for keeping this person's data (e.g. legitimate interests)."
        ]
    }
    response = coordinator_client.post(url("create"), {**data, "new_person_lawful_basis": "legitimate_interests"})
    assert response.status_code == 302
    person = Person.objects.get(last_name="Novák")
    assert (person.region, person.lawful_basis) == (region, "legitimate_interests")
    assert Engagement.objects.get().participants.get().person == person


def test_attachments_are_kept_and_bad_ones_refused_with_reasons(coordinator_client, settings):
    settings.INDUCULT_ATTACHMENT_MAX_BYTES = 1024
    files = [
        SimpleUploadedFile("virus.exe", b"MZ", "application/octet-stream"),
        SimpleUploadedFile("big.pdf", PDF + b"0" * 2000, "application/pdf"),
        SimpleUploadedFile("fake.pdf", b"not a pdf", "application/pdf"),
    ]
    response = coordinator_client.post(url("create"), {**form_data(), "attachments": files})
    assert response.status_code == 200
    assert response.context["form"].errors["attachments"] == [
        "“virus.exe” is not a file type accepted here. Allowed: PDF, DOCX, XLSX, ODT, PNG, JPEG.",
        "“big.pdf” is 2.0\xa0KB; a file may be at most 1.0\xa0KB.",
        "“fake.pdf” is not a PDF file: its content does not match its name.",
    ]
    assert "is not a file type accepted here" in response.content.decode()
    assert not Engagement.objects.exists()
    good = [SimpleUploadedFile("zapis.pdf", PDF, "application/pdf"), SimpleUploadedFile("b.pdf", PDF)]
    response = coordinator_client.post(url("create"), {**form_data(), "attachments": good})
    assert response.status_code == 302
    assert sorted(a.file_name for a in Engagement.objects.get().attachments.all()) == ["b.pdf", "zapis.pdf"]


# --- editing -----------------------------------------------------------------------------------


def test_second_save_from_the_same_version_is_refused_and_the_first_kept(client, coordinator, region):
    engagement = EngagementFactory(region=region, title="Původní")
    client.force_login(coordinator)
    stale = form_data(engagement)
    first = client.post(url("edit", engagement.pk), {**stale, "title": "První úprava"})
    assert first.status_code == 302
    second = client.post(url("edit", engagement.pk), {**stale, "title": "Druhá úprava"})
    assert second.status_code == 409
    html = second.content.decode()
    assert "Someone else saved this engagement after you started editing" in html
    assert "by coordinator" in html
    assert second.context["differing"][0]["stored"] == "První úprava"
    assert Engagement.objects.get().title == "První úprava"
    # Saving the reviewed form again is a deliberate overwrite.
    third = client.post(url("edit", engagement.pk), {**stale, "title": "Druhá úprava", "version": "2"})
    assert third.status_code == 302
    assert Engagement.objects.get().title == "Druhá úprava"


def test_held_engagement_edited_back_to_planned(coordinator_client, region):
    engagement = EngagementFactory(region=region, status="held")
    data = form_data(engagement, status="planned", date="2024-03-12", time="10:00")
    response = coordinator_client.post(url("edit", engagement.pk), data, follow=True)
    engagement.refresh_from_db()
    assert engagement.status == "planned"
    assert (
        "The engagement is planned again: it no longer counts toward the strategy's targets until held."
        in shown_messages(response)
    )
    entry = AuditEntry.objects.filter(object_type="engagement.engagement", action="change").get()
    assert entry.changes["status"] == ["held", "planned"]


def test_edit_changes_participants_and_tasks(coordinator_client, region, museum):
    engagement = EngagementFactory(region=region)
    EngagementParticipantFactory(engagement=engagement, organisation=museum)
    keep = FollowUpTaskFactory(engagement=engagement, title="Keep")
    drop = FollowUpTaskFactory(engagement=engagement, title="Drop")
    school = OrganisationFactory(region=region, name="Gymnázium Sokolov")
    data = form_data(engagement, tasks=[keep, drop], organisations=[school.pk], date="2024-03-12")
    data.update({"tasks-0-title": "Keep, renamed", "tasks-1-remove": "on", "tasks-2-title": "New one"})
    response = coordinator_client.post(url("edit", engagement.pk), data)
    assert response.status_code == 302
    assert [p.organisation for p in engagement.participants.all()] == [school]
    assert sorted(engagement.tasks.values_list("title", flat=True)) == ["Keep, renamed", "New one"]
    removed = AuditEntry.objects.filter(action="delete").values_list("object_type", flat=True)
    assert sorted(removed) == ["engagement.engagementparticipant", "engagement.followuptask"]


def test_edit_gives_participants_their_roles(coordinator_client, region, museum):
    engagement = EngagementFactory(region=region)
    host = EngagementParticipantFactory(engagement=engagement, organisation=museum)
    person = PersonFactory(region=region, first_name="Jana", last_name="Nováková")
    guest = EngagementParticipantFactory(engagement=engagement, organisation=None, person=person)

    page = coordinator_client.get(url("edit", engagement.pk)).content.decode()
    assert 'data-testid="roles"' in page and museum.name in page and "Jana Nováková" in page

    data = form_data(engagement, organisations=[museum.pk], people=[person.pk], date="2024-03-12")
    data.update({f"role_{host.pk}": "  host ", f"role_{guest.pk}": "speaker"})
    response = coordinator_client.post(url("edit", engagement.pk), data)

    assert response.status_code == 302
    assert [(p.pk, p.role) for p in engagement.participants.all()] == [(host.pk, "host"), (guest.pk, "speaker")]
    changes = AuditEntry.objects.filter(object_type="engagement.engagementparticipant", action="change")
    assert sorted(tuple(e.changes["role"]) for e in changes) == [("", "host"), ("", "speaker")]
    detail = coordinator_client.get(url("detail", engagement.pk)).content.decode()
    assert "(host)" in detail and "(speaker)" in detail


def test_a_role_too_long_is_refused_and_nothing_is_written(coordinator_client, region, museum):
    engagement = EngagementFactory(region=region, outcomes="")
    host = EngagementParticipantFactory(engagement=engagement, organisation=museum)
    data = form_data(engagement, organisations=[museum.pk], date="2024-03-12", outcomes="Nové")
    data[f"role_{host.pk}"] = "x" * 151

    response = coordinator_client.post(url("edit", engagement.pk), data)

    assert response.status_code == 200
    assert response.context["form"].errors[f"role_{host.pk}"]
    engagement.refresh_from_db()
    host.refresh_from_db()
    assert (engagement.outcomes, host.role) == ("", "")


def test_edit_keeps_the_date_only_start_when_unchanged(coordinator_client, region):
    engagement = EngagementFactory(
        region=region, date_only=True, starts_at=datetime.datetime(2018, 10, 4, tzinfo=PRAGUE)
    )
    response = coordinator_client.get(url("edit", engagement.pk))
    assert response.context["form"]["time"].value() is None
    data = form_data(engagement, date="2018-10-04", time="", outcomes="Nové")
    coordinator_client.post(url("edit", engagement.pk), data)
    engagement.refresh_from_db()
    assert (engagement.starts_at, engagement.date_only, engagement.outcomes) == (
        datetime.datetime(2018, 10, 4, tzinfo=PRAGUE),
        True,
        "Nové",
    )


def test_edit_keeps_an_erased_person_who_took_part_and_owns_a_task(coordinator_client, coordinator, region):
    engagement = EngagementFactory(region=region)
    person = PersonFactory(region=region)
    EngagementParticipantFactory(engagement=engagement, organisation=None, person=person)
    task = FollowUpTaskFactory(engagement=engagement, owner=person)
    erase_person(person=person, actor=coordinator)
    data = form_data(engagement, tasks=[task], people=[person.pk], date="2024-03-12", outcomes="Nové")
    response = coordinator_client.post(url("edit", engagement.pk), data)
    assert response.status_code == 302
    assert [p.person for p in engagement.participants.all()] == [person]
    task.refresh_from_db()
    assert task.owner == person
    assert person not in coordinator_client.get(url("create")).context["form"].fields["people"].queryset
