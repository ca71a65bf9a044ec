import datetime
import zoneinfo

import pytest
from django.core.exceptions import ValidationError

from inducult.core.models import AuditEntry
from inducult.core.versioning import EditConflict
from inducult.engagement.models import Engagement, EngagementParticipant
from inducult.engagement.services.engagements import (
    add_follow_up_task,
    add_participant,
    create_engagement,
    mark_task_done,
    update_engagement,
)
from tests.factories import OrganisationFactory, PersonFactory, StrategicGoalFactory, TopicFactory

pytestmark = pytest.mark.django_db

PRAGUE = zoneinfo.ZoneInfo("Europe/Prague")


def data(**overrides):
    values = {
        "kind": "focus_group",
        "status": "held",
        "title": "Diskuzní skupina",
        "starts_at": datetime.datetime(2024, 10, 4, 14, 0, tzinfo=PRAGUE),
        "is_sample": True,
    }
    values.update(overrides)
    return values


def test_create_engagement_links_topics_and_goals_and_audits(region, coordinator):
    topic = TopicFactory(region=region, name="Lázeňští hosté")
    goal = StrategicGoalFactory(version__strategy__region=region, code="SG4")

    engagement = create_engagement(region=region, actor=coordinator, data=data(), topics=[topic], goals=[goal])

    assert list(engagement.topics.all()) == [topic]
    assert list(engagement.goals.all()) == [goal]
    entry = AuditEntry.objects.get(object_type="engagement.engagement", object_id=str(engagement.pk))
    assert (entry.action, entry.actor_name, entry.region) == ("create", "coordinator", region)
    assert entry.changes["kind"] == [None, "focus_group"]
    assert entry.changes["topics"] == [None, ["Lázeňští hosté"]]


def test_create_engagement_with_another_regions_topic_writes_nothing(region, other_region, coordinator):
    with pytest.raises(ValidationError) as error:
        create_engagement(
            region=region, actor=coordinator, data=data(), topics=[TopicFactory(region=other_region, name="Bergbau")]
        )

    assert error.value.messages == ["The topic Bergbau belongs to another region."]
    assert not Engagement.objects.exists()
    assert not AuditEntry.objects.exists()


def test_update_engagement_changes_fields_and_bumps_version(region, coordinator):
    engagement = create_engagement(region=region, actor=coordinator, data=data())

    updated = update_engagement(
        engagement=engagement, actor=coordinator, data={"outcomes": "Dva nové projekty"}, version=1
    )

    assert (updated.outcomes, updated.version) == ("Dva nové projekty", 2)
    entry = AuditEntry.objects.filter(object_id=str(engagement.pk)).first()
    assert (entry.action, entry.changes) == ("change", {"outcomes": ["", "Dva nové projekty"]})


def test_update_engagement_from_a_stale_version_is_refused(region, coordinator):
    engagement = create_engagement(region=region, actor=coordinator, data=data())
    update_engagement(engagement=Engagement.objects.get(), actor=coordinator, data={"title": "First"}, version=1)

    with pytest.raises(EditConflict) as conflict:
        update_engagement(engagement=engagement, actor=coordinator, data={"title": "Second"}, version=1)

    assert conflict.value.current.title == "First"
    assert Engagement.objects.get().title == "First"


def test_update_engagement_can_move_the_host_organisation(region, museum, coordinator):
    engagement = create_engagement(region=region, actor=coordinator, data=data())

    update_engagement(engagement=engagement, actor=coordinator, data={"place_organisation": museum}, version=1)

    assert Engagement.objects.get().place_organisation == museum


def test_add_participant_from_another_region_is_refused(region, other_region, coordinator):
    engagement = create_engagement(region=region, actor=coordinator, data=data())

    with pytest.raises(ValidationError) as error:
        add_participant(
            engagement=engagement, actor=coordinator, organisation=OrganisationFactory(region=other_region, name="X")
        )

    assert error.value.message_dict == {"organisation": ["X belongs to another region than this engagement."]}
    assert not EngagementParticipant.objects.exists()


def test_add_participant_audits_a_person_by_id_only(region, coordinator):
    engagement = create_engagement(region=region, actor=coordinator, data=data())
    person = PersonFactory(region=region, first_name="Jana", last_name="Veselá")

    participant = add_participant(engagement=engagement, actor=coordinator, person=person, role="host")

    entry = AuditEntry.objects.get(object_type="engagement.engagementparticipant")
    assert entry.changes["person"] == [None, person.pk]
    assert entry.region == region
    assert "Veselá" not in f"{entry.object_repr} {entry.summary} {entry.changes}"
    assert participant.role == "host"


def test_follow_up_task_is_added_and_marked_done_once(region, coordinator):
    engagement = create_engagement(region=region, actor=coordinator, data=data())
    owner = PersonFactory(region=region)

    task = add_follow_up_task(
        engagement=engagement, actor=coordinator, title="Poslat zápis", owner=owner, due_date=datetime.date(2024, 11, 1)
    )
    mark_task_done(task=task, actor=coordinator)
    mark_task_done(task=task, actor=coordinator)

    assert task.is_done
    actions = list(
        AuditEntry.objects.filter(object_type="engagement.followuptask").order_by("id").values_list("action", flat=True)
    )
    assert actions == ["create", "change"]
