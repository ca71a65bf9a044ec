"""The engagement log's pages: permissions, list, detail, delete and undo, tasks, files."""

import datetime
import zoneinfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from inducult.core.models import AuditEntry
from inducult.engagement.models import Engagement
from inducult.engagement.services.engagements import add_attachment, delete_engagement
from inducult.strategy.services.progress import region_progress
from tests.engagement.pages import form_data, url
from tests.factories import (
    PDF,
    CountRuleFactory,
    EngagementFactory,
    EngagementParticipantFactory,
    FollowUpTaskFactory,
    OrganisationFactory,
    PersonFactory,
    StrategicGoalFactory,
    TopicFactory,
)
from tests.queries import queries_at_two_sizes

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_client")]

PRAGUE = zoneinfo.ZoneInfo("Europe/Prague")


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def meeting(region, museum):
    engagement = EngagementFactory(region=region, title="Setkání v muzeu", minutes="Probrali jsme lázeňské hosty")
    EngagementParticipantFactory(engagement=engagement, organisation=museum)
    return engagement


def titles(response) -> list[str]:
    return [e.title for e in response.context["engagements"]]


# --- permissions -------------------------------------------------------------------------------


def pages(engagement, task):
    return [
        ("get", "list", ()),
        ("get", "create", ()),
        ("post", "create", ()),
        ("get", "detail", (engagement.pk,)),
        ("get", "edit", (engagement.pk,)),
        ("post", "edit", (engagement.pk,)),
        ("get", "delete", (engagement.pk,)),
        ("post", "delete", (engagement.pk,)),
        ("post", "restore", (engagement.pk,)),
        ("post", "task_done", (task.pk,)),
    ]


READ_ONLY = {("get", "list"), ("get", "detail")}


@pytest.mark.parametrize("persona", ["editor", "viewer"])
def test_editor_and_viewer_read_the_log_but_change_nothing(client, request, persona, meeting):
    client.force_login(request.getfixturevalue(persona))
    task = FollowUpTaskFactory(engagement=meeting)
    statuses = {
        (method, name): getattr(client, method)(url(name, *args)).status_code
        for method, name, args in pages(meeting, task)
    }
    assert {k: v for k, v in statuses.items() if k in READ_ONLY} == dict.fromkeys(READ_ONLY, 200)
    assert {k: v for k, v in statuses.items() if k not in READ_ONLY} == {k: 403 for k in statuses if k not in READ_ONLY}
    task.refresh_from_db()
    assert Engagement.objects.get().pk == meeting.pk and not task.is_done


def test_coordinator_reaches_every_page(coordinator_client, meeting):
    for name, args in [("list", ()), ("create", ()), ("detail", (meeting.pk,)), ("edit", (meeting.pk,))]:
        assert coordinator_client.get(url(name, *args)).status_code == 200, name
    assert coordinator_client.get(url("delete", meeting.pk)).status_code == 200
    assert Engagement.objects.filter(pk=meeting.pk).exists()  # GET only asks


def test_outsider_gets_403_everywhere_and_learns_nothing(client, outsider, meeting):
    client.force_login(outsider)
    task = FollowUpTaskFactory(engagement=meeting)
    refused = [
        (method, name, getattr(client, method)(url(name, *args)).status_code)
        for method, name, args in pages(meeting, task)
    ]
    assert [r for r in refused if r[2] != 403] == []
    assert client.get(url("detail", 999999)).status_code == 403
    assert Engagement.objects.filter(pk=meeting.pk).exists()


def test_records_of_another_region_are_404_through_own_region(coordinator_client, other_region):
    foreign = EngagementFactory(region=other_region)
    task = FollowUpTaskFactory(engagement=foreign)
    leaked = [
        (method, name, getattr(coordinator_client, method)(url(name, *args)).status_code)
        for method, name, args in pages(foreign, task)
        if args
    ]
    assert [r for r in leaked if r[2] != 404] == []


def test_anonymous_is_sent_to_sign_in(client, meeting):
    response = client.get(url("list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


# --- list --------------------------------------------------------------------------------------


def test_list_is_newest_first_with_sample_badge(coordinator_client, region):
    EngagementFactory(region=region, title="Old", starts_at=datetime.datetime(2023, 1, 5, 9, tzinfo=PRAGUE))
    EngagementFactory(region=region, title="New", starts_at=datetime.datetime(2025, 1, 5, 9, tzinfo=PRAGUE))
    response = coordinator_client.get(url("list"))
    assert titles(response) == ["New", "Old"]
    assert '<span class="badge sample" data-testid="sample-mark">Sample</span>' in response.content.decode()


def test_list_filters_by_year_in_the_regions_time_zone(coordinator_client, region):
    # 1 January 2025, 00:30 in Prague is still 2024 in UTC: it counts in 2025.
    EngagementFactory(region=region, title="New year", starts_at=datetime.datetime(2025, 1, 1, 0, 30, tzinfo=PRAGUE))
    EngagementFactory(region=region, title="Eve", starts_at=datetime.datetime(2024, 12, 31, 23, 0, tzinfo=PRAGUE))
    assert titles(coordinator_client.get(url("list"), {"year": "2025"})) == ["New year"]
    assert titles(coordinator_client.get(url("list"), {"year": "2024"})) == ["Eve"]


def test_list_filters_by_kind_status_visibility_and_organisation(coordinator_client, region, museum):
    match = EngagementFactory(region=region, title="Match", kind="workshop", status="planned", visibility="public")
    EngagementParticipantFactory(engagement=match, organisation=museum)
    other = EngagementFactory(region=region, title="Other org", kind="workshop", status="planned", visibility="public")
    EngagementParticipantFactory(engagement=other)
    EngagementFactory(region=region, title="Held", kind="workshop", status="held", visibility="public")
    EngagementFactory(region=region, title="Internal", kind="workshop", status="planned", visibility="internal")
    EngagementFactory(region=region, title="Kind", kind="excursion", status="planned", visibility="public")
    response = coordinator_client.get(
        url("list"), {"kind": "workshop", "status": "planned", "visibility": "public", "organisation": museum.pk}
    )
    assert titles(response) == ["Match"]


def test_list_search_ignores_case_and_diacritics_in_title_and_minutes(coordinator_client, region, meeting):
    EngagementFactory(region=region, title="Workshop", minutes="nothing")
    assert titles(coordinator_client.get(url("list"), {"q": "LAZENSKE hosty"})) == ["Setkání v muzeu"]
    assert titles(coordinator_client.get(url("list"), {"q": "setkani"})) == ["Setkání v muzeu"]


def test_list_paginates_and_keeps_filters(coordinator_client, region):
    for _i in range(52):
        EngagementFactory(region=region, kind="workshop", starts_at=datetime.datetime(2024, 1, 1, tzinfo=PRAGUE))
    response = coordinator_client.get(url("list"), {"kind": "workshop"})
    assert len(response.context["engagements"]) == 50
    assert "?kind=workshop&amp;page=2" in response.content.decode()


def test_list_query_count_does_not_grow_with_rows(coordinator_client, region):
    def add(n):
        for _i in range(n):
            engagement = EngagementFactory(region=region, place_organisation=OrganisationFactory(region=region))
            EngagementParticipantFactory(engagement=engagement)

    measured = queries_at_two_sizes(add=add, run=lambda: coordinator_client.get(url("list")), sizes=(3, 30), at_most=10)

    assert [len(response.context["engagements"]) for response in measured.results] == [3, 30]


# --- detail ------------------------------------------------------------------------------------


def test_detail_shows_names_of_people_only_to_who_may_see_them(client, coordinator, viewer, region, meeting):
    person = PersonFactory(region=region, first_name="Jana", last_name="Veselá")
    EngagementParticipantFactory(engagement=meeting, organisation=None, person=person)
    FollowUpTaskFactory(engagement=meeting, title="Poslat fotky", owner=person)
    client.force_login(coordinator)
    assert "Jana Veselá" in client.get(url("detail", meeting.pk)).content.decode()
    client.force_login(viewer)
    html = client.get(url("detail", meeting.pk)).content.decode()
    assert "Veselá" not in html
    assert "1 person" in html
    assert "Hornické muzeum Krásno" in html
    assert "Poslat fotky" in html


def test_detail_shows_topics_goals_and_history(coordinator_client, region, meeting):
    meeting.topics.add(TopicFactory(region=region, name="Lázně"))
    meeting.goals.add(StrategicGoalFactory(version__strategy__region=region, code="SG2", title="Cestovní ruch"))
    html = coordinator_client.get(url("detail", meeting.pk)).content.decode()
    assert "Lázně" in html
    assert "SG2: Cestovní ruch" in html
    assert "History" in html


def test_detail_of_a_date_only_engagement_shows_no_time(coordinator_client, region):
    engagement = EngagementFactory(
        region=region, date_only=True, starts_at=datetime.datetime(2018, 10, 4, tzinfo=PRAGUE)
    )
    response = coordinator_client.get(url("detail", engagement.pk))
    when = response.content.decode().split('data-testid="engagement-when">')[1].split("</dd>")[0]
    assert when.startswith("4 October 2018 ")
    assert "midnight" not in when and "0:00" not in when


# --- tasks -------------------------------------------------------------------------------------


def test_task_done_toggles_and_is_audited(coordinator_client, meeting):
    task = FollowUpTaskFactory(engagement=meeting)
    response = coordinator_client.post(url("task_done", task.pk))
    assert response.status_code == 302
    assert response["Location"] == url("detail", meeting.pk) + "#tasks"
    task.refresh_from_db()
    assert task.is_done
    coordinator_client.post(url("task_done", task.pk), {"done": "0"})
    task.refresh_from_db()
    assert not task.is_done
    actions = AuditEntry.objects.filter(object_type="engagement.followuptask", object_id=str(task.pk))
    assert actions.count() == 2


def test_task_done_goes_back_to_a_safe_next_page_only(coordinator_client, meeting):
    task = FollowUpTaskFactory(engagement=meeting)
    response = coordinator_client.post(url("task_done", task.pk), {"next": "/manage/karlovy-vary/strategy/"})
    assert response["Location"] == "/manage/karlovy-vary/strategy/"
    response = coordinator_client.post(url("task_done", task.pk), {"next": "https://evil.example/"})
    assert response["Location"] == url("detail", meeting.pk) + "#tasks"


# --- delete and undo ---------------------------------------------------------------------------


def test_delete_and_undo_restore_everything_and_both_are_audited(coordinator_client, region, meeting, coordinator):
    topic = TopicFactory(region=region)
    goal = StrategicGoalFactory(version__strategy__region=region)
    meeting.topics.add(topic)
    meeting.goals.add(goal)
    task = FollowUpTaskFactory(engagement=meeting)
    attachment = add_attachment(
        engagement=meeting, actor=coordinator, file=SimpleUploadedFile("zapis.pdf", PDF, "application/pdf")
    )
    participants = list(meeting.participants.values_list("pk", flat=True))

    response = coordinator_client.post(url("delete", meeting.pk))
    assert response.status_code == 302
    assert response["Location"] == url("list") + f"?undo={meeting.pk}"
    assert not Engagement.objects.filter(pk=meeting.pk).exists()  # gone from every count
    assert not topic.engagements.exists() and not goal.engagements.exists()
    assert coordinator_client.get(url("detail", meeting.pk)).status_code == 404
    listing = coordinator_client.get(response["Location"])
    assert titles(listing) == []
    assert url("restore", meeting.pk) in listing.content.decode()

    response = coordinator_client.post(url("restore", meeting.pk))
    assert response["Location"] == url("detail", meeting.pk)
    html = coordinator_client.get(response["Location"]).content.decode()
    assert "<strong>Participants</strong>: Hornické muzeum Krásno → —" in html
    restored = Engagement.objects.get(pk=meeting.pk)
    assert list(restored.participants.values_list("pk", flat=True)) == participants
    assert list(restored.topics.all()) == [topic]
    assert list(restored.goals.all()) == [goal]
    assert list(restored.tasks.all()) == [task]
    assert list(restored.attachments.all()) == [attachment]
    actions = list(
        AuditEntry.objects.filter(object_type="engagement.engagement", object_id=str(meeting.pk))
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == ["delete", "restore"]
    deletion = AuditEntry.objects.get(action="delete", object_id=str(meeting.pk))
    assert deletion.changes["title"] == ["Setkání v muzeu", None]
    assert deletion.changes["participants"] == [["Hornické muzeum Krásno"], None]


def test_deleted_engagements_page_lists_them_for_undo(coordinator_client, coordinator, meeting):
    delete_engagement(engagement=meeting, actor=coordinator)
    response = coordinator_client.get(url("list"), {"deleted": "1"})
    assert titles(response) == ["Setkání v muzeu"]
    assert url("restore", meeting.pk) in response.content.decode()


def test_restore_of_an_engagement_not_deleted_is_404(coordinator_client, meeting):
    assert coordinator_client.post(url("restore", meeting.pk)).status_code == 404


# --- attachments -------------------------------------------------------------------------------


def test_attachment_is_downloaded_through_the_view_with_its_name(client, viewer, coordinator, meeting):
    attachment = add_attachment(
        engagement=meeting, actor=coordinator, file=SimpleUploadedFile("zápis.pdf", PDF, "application/pdf")
    )
    client.force_login(viewer)
    response = client.get(url("attachment", meeting.pk, attachment.pk))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert "attachment;" in response["Content-Disposition"]
    assert "zápis.pdf" not in attachment.file.name  # stored under a random name


def test_attachment_of_a_deleted_engagement_is_404(coordinator_client, coordinator, meeting):
    attachment = add_attachment(
        engagement=meeting, actor=coordinator, file=SimpleUploadedFile("a.pdf", PDF, "application/pdf")
    )
    delete_engagement(engagement=meeting, actor=coordinator)
    assert coordinator_client.get(url("attachment", meeting.pk, attachment.pk)).status_code == 404


def test_attachment_is_refused_to_an_outsider(client, outsider, coordinator, meeting):
    attachment = add_attachment(
        engagement=meeting, actor=coordinator, file=SimpleUploadedFile("a.pdf", PDF, "application/pdf")
    )
    client.force_login(outsider)
    assert client.get(url("attachment", meeting.pk, attachment.pk)).status_code == 403


def test_progress_is_recomputed_after_delete_undo_and_held_to_planned(coordinator_client, region, meeting):
    CountRuleFactory(
        milestone__version__strategy__region=region,
        milestone__first_year=2024,
        milestone__last_year=2024,
        first_year=2024,
        last_year=2024,
        minimum=1,
    )

    def counted() -> int:
        return region_progress(region, 2024).milestones[0].count

    assert counted() == 1
    coordinator_client.post(url("delete", meeting.pk))
    assert counted() == 0
    coordinator_client.post(url("restore", meeting.pk))
    assert counted() == 1
    meeting.refresh_from_db()
    data = form_data(meeting, status="planned", date="2024-03-12")
    assert coordinator_client.post(url("edit", meeting.pk), data).status_code == 302
    assert counted() == 0
