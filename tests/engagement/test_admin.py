import pytest
from django.urls import reverse

from inducult.core.models import AuditEntry
from inducult.engagement.models import Engagement
from tests.factories import (
    EngagementFactory,
    EngagementParticipantFactory,
    FollowUpTaskFactory,
    OrganisationFactory,
    TopicFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

CHANGELISTS = ["engagement_topic", "engagement_engagement"]


@pytest.fixture
def admin_client(english_client):
    english_client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    return english_client


def engagement_form(region, **overrides):
    data = {
        "region": region.pk,
        "kind": "round_table",
        "status": "held",
        "title": "Kulatý stůl",
        "starts_at_0": "2024-05-02",
        "starts_at_1": "10:00:00",
        "visibility": "internal",
        "translations": "{}",
        "participants-TOTAL_FORMS": "0",
        "participants-INITIAL_FORMS": "0",
        "tasks-TOTAL_FORMS": "0",
        "tasks-INITIAL_FORMS": "0",
        "attachments-TOTAL_FORMS": "0",
        "attachments-INITIAL_FORMS": "0",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize("name", CHANGELISTS)
def test_admin_changelists_and_add_pages_open_for_superusers(admin_client, region, name):
    participant = EngagementParticipantFactory(engagement__region=region)
    FollowUpTaskFactory(engagement=participant.engagement)

    assert admin_client.get(reverse(f"admin:{name}_changelist")).status_code == 200
    assert admin_client.get(reverse(f"admin:{name}_add")).status_code == 200


def test_admin_is_closed_to_staff_who_are_not_superusers(client, region):
    client.force_login(UserFactory(username="staff", is_staff=True))

    assert client.get(reverse("admin:engagement_engagement_changelist")).status_code == 403


def test_admin_add_engagement_with_a_participant_is_audited(admin_client, region, museum):
    data = engagement_form(
        region,
        **{"participants-TOTAL_FORMS": "1", "participants-0-organisation": museum.pk, "participants-0-role": "host"},
    )

    response = admin_client.post(reverse("admin:engagement_engagement_add"), data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    engagement = Engagement.objects.get()
    assert [p.organisation for p in engagement.participants.all()] == [museum]
    assert set(AuditEntry.objects.values_list("object_type", "action")) == {
        ("engagement.engagement", "create"),
        ("engagement.engagementparticipant", "create"),
    }
    assert set(AuditEntry.objects.values_list("region", flat=True)) == {region.pk}


def test_admin_change_engagement_bumps_version_and_audits_topics(admin_client, region):
    engagement = EngagementFactory(region=region, kind="round_table", title="Kulatý stůl")
    topic = TopicFactory(region=region, name="Sklo")

    response = admin_client.post(
        reverse("admin:engagement_engagement_change", args=[engagement.pk]),
        engagement_form(region, topics=[topic.pk], starts_at_0="2024-03-12"),
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    engagement.refresh_from_db()
    assert (engagement.version, list(engagement.topics.all())) == (2, [topic])
    entry = AuditEntry.objects.get(object_id=str(engagement.pk))
    assert entry.changes["topics"] == [[], [topic.pk]]


def test_admin_refuses_a_participant_from_another_region(admin_client, region, other_region):
    foreign = OrganisationFactory(region=other_region, name="Bergbaumuseum Oelsnitz")
    data = engagement_form(region, **{"participants-TOTAL_FORMS": "1", "participants-0-organisation": foreign.pk})

    response = admin_client.post(reverse("admin:engagement_engagement_add"), data)

    assert response.status_code == 200
    assert "Bergbaumuseum Oelsnitz belongs to another region than this engagement." in response.content.decode()
    assert not Engagement.objects.exists()


def test_admin_refuses_a_topic_from_another_region(admin_client, region, other_region):
    topic = TopicFactory(region=other_region, name="Bergbau")

    response = admin_client.post(reverse("admin:engagement_engagement_add"), engagement_form(region, topics=[topic.pk]))

    assert response.status_code == 200
    assert "The topic Bergbau belongs to another region." in response.content.decode()
