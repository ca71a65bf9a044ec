import datetime
import zoneinfo

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from inducult.engagement.models import Engagement, EngagementParticipant, FollowUpTask, Topic
from tests.factories import (
    EngagementFactory,
    OrganisationFactory,
    PersonFactory,
    StrategicGoalFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

PRAGUE = zoneinfo.ZoneInfo("Europe/Prague")


def messages(error: ValidationError, field: str = "__all__") -> list[str]:
    return error.value.message_dict[field]


def test_participant_needs_an_organisation_or_a_person(region):
    participant = EngagementParticipant(engagement=EngagementFactory(region=region))

    with pytest.raises(ValidationError) as error:
        participant.full_clean()

    assert messages(error) == ["A participant needs an organisation, a person or both."]


def test_participant_without_organisation_or_person_is_refused_by_the_database(region):
    engagement = EngagementFactory(region=region)

    with pytest.raises(IntegrityError), transaction.atomic():
        EngagementParticipant.objects.create(engagement=engagement)


def test_participant_organisation_from_another_region_is_refused_by_name(region, other_region):
    foreign = OrganisationFactory(region=other_region, name="Bergbaumuseum Oelsnitz")
    participant = EngagementParticipant(engagement=EngagementFactory(region=region), organisation=foreign)

    with pytest.raises(ValidationError) as error:
        participant.full_clean()

    assert messages(error, "organisation") == ["Bergbaumuseum Oelsnitz belongs to another region than this engagement."]


def test_participant_person_from_another_region_is_refused(region, other_region):
    participant = EngagementParticipant(
        engagement=EngagementFactory(region=region), person=PersonFactory(region=other_region)
    )

    with pytest.raises(ValidationError) as error:
        participant.full_clean()

    assert messages(error, "person") == ["This person belongs to another region than this engagement."]


def test_participant_person_of_an_organisation_in_the_same_region_is_accepted(region, museum):
    participant = EngagementParticipant(
        engagement=EngagementFactory(region=region), organisation=museum, person=PersonFactory(region=region)
    )

    participant.full_clean()


def test_participant_organisation_takes_part_once(region, museum):
    engagement = EngagementFactory(region=region)
    EngagementParticipant.objects.create(engagement=engagement, organisation=museum)

    with pytest.raises(ValidationError) as error:
        EngagementParticipant(engagement=engagement, organisation=museum).full_clean()

    assert messages(error) == ["This organisation already takes part in this engagement."]


def test_participant_str_never_names_a_person(region):
    person = PersonFactory(region=region, last_name="Nováková")
    participant = EngagementParticipant.objects.create(engagement=EngagementFactory(region=region), person=person)

    assert str(participant) == f"Person #{person.pk}"


def test_engagement_host_organisation_from_another_region_is_refused(region, other_region):
    foreign = OrganisationFactory(region=other_region, name="Bergbaumuseum Oelsnitz")
    engagement = EngagementFactory.build(region=region, place_organisation=foreign)

    with pytest.raises(ValidationError) as error:
        engagement.full_clean()

    assert messages(error, "place_organisation") == [
        "Bergbaumuseum Oelsnitz belongs to another region than this engagement."
    ]


def test_engagement_end_before_start_is_refused(region):
    start = datetime.datetime(2024, 5, 2, 10, 0, tzinfo=PRAGUE)
    engagement = EngagementFactory.build(region=region, starts_at=start, ends_at=start - datetime.timedelta(hours=1))

    with pytest.raises(ValidationError) as error:
        engagement.full_clean()

    assert messages(error) == ["The end must not be before the start."]


def test_engagement_held_on_a_later_date_is_refused(region):
    engagement = EngagementFactory.build(
        region=region, status="held", starts_at=datetime.datetime(2999, 1, 1, 10, 0, tzinfo=PRAGUE)
    )

    with pytest.raises(ValidationError) as error:
        engagement.full_clean()

    assert messages(error, "status") == ["An engagement on a later date cannot have been held yet."]


def test_engagement_planned_on_a_later_date_is_accepted(region):
    EngagementFactory.build(
        region=region, status="planned", starts_at=datetime.datetime(2999, 1, 1, 10, 0, tzinfo=PRAGUE)
    ).full_clean()


def test_engagement_date_only_starts_at_local_midnight(region):
    engagement = EngagementFactory.build(
        region=region, date_only=True, starts_at=datetime.datetime(2018, 10, 4, 15, 30, tzinfo=PRAGUE)
    )

    engagement.full_clean()

    assert engagement.starts_at == datetime.datetime(2018, 10, 4, 0, 0, tzinfo=PRAGUE)
    assert engagement.local_date == datetime.date(2018, 10, 4)


def test_engagement_year_is_the_regions_calendar_year(region):
    # 23:30 UTC on New Year's Eve is already 2025 in Prague.
    engagement = EngagementFactory(
        region=region, starts_at=datetime.datetime(2024, 12, 31, 23, 30, tzinfo=datetime.UTC)
    )

    assert engagement.year == 2025


def test_engagement_links_to_another_regions_topic_and_goal_are_refused(region, other_region):
    engagement = EngagementFactory(region=region)
    topic = TopicFactory(region=other_region, name="Bergbau")
    goal = StrategicGoalFactory(version__strategy__region=other_region, code="SZ1", title="Bergbau")

    with pytest.raises(ValidationError) as error:
        engagement.check_links(topics=[topic], goals=[goal])

    assert error.value.messages == [
        "The topic Bergbau belongs to another region.",
        "The strategic goal SZ1: Bergbau belongs to another region's strategy.",
    ]


def test_follow_up_owner_from_another_region_is_refused(region, other_region):
    task = FollowUpTask(
        engagement=EngagementFactory(region=region), title="Send photos", owner=PersonFactory(region=other_region)
    )

    with pytest.raises(ValidationError) as error:
        task.full_clean()

    assert messages(error, "owner") == ["The owner belongs to another region than this engagement."]


def test_topic_is_one_per_region_ignoring_case_and_diacritics(region, other_region):
    TopicFactory(region=region, name="Lázně")

    with pytest.raises(ValidationError) as error:
        Topic(region=region, name="lazne").full_clean()

    assert messages(error) == ["This region already has this topic."]
    Topic(region=other_region, name="lazne").full_clean()


def test_engagement_deleting_a_participating_organisation_is_restricted(region, museum):
    engagement = EngagementFactory(region=region)
    EngagementParticipant.objects.create(engagement=engagement, organisation=museum)

    with pytest.raises(Exception, match="restricted"):
        museum.delete()

    assert Engagement.objects.filter(pk=engagement.pk).exists()


def test_engagement_region_deletion_takes_its_log_along(region, museum):
    EngagementParticipant.objects.create(engagement=EngagementFactory(region=region), organisation=museum)

    region.delete()

    assert not Engagement.objects.exists()
