"""Recording cooperations and activities: each refusal, plausible pupils, the engagement behind an
activity (kind, status, participants) and that the strategy counts it."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from inducult.cooperation.enums import CooperationKind
from inducult.cooperation.services import cooperations
from inducult.core.models import AuditEntry
from inducult.core.versioning import EditConflict
from inducult.engagement.enums import EngagementKind, EngagementStatus
from inducult.network.enums import OrganisationKind
from inducult.strategy.services.progress import region_progress
from tests.factories import (
    CooperationFactory,
    CountRuleFactory,
    EngagementFactory,
    OrganisationFactory,
    StrategyVersionFactory,
)

pytestmark = pytest.mark.django_db


def create(region, actor=None, **data):
    data = {"kind": CooperationKind.SCHOOL_ENTERPRISE, "school_year": 2019, **data}
    return cooperations.create_cooperation(region=region, actor=actor, data=data)


def messages_of(excinfo) -> list[str]:
    error = excinfo.value
    return error.messages


def test_create_cooperation_writes_and_audits(region, coordinator, school, enterprise):
    cooperation = create(region, coordinator, partner_a=school, partner_b=enterprise, source="Seed")
    assert cooperation.school_year_label == "2019/2020"
    entry = AuditEntry.objects.get(object_type="cooperation.cooperation", object_id=str(cooperation.pk))
    assert entry.changes["school_year"] == [None, 2019]
    assert entry.actor == coordinator


def test_two_schools_are_refused_with_a_reason(region, school):
    other = OrganisationFactory(region=region, kind=OrganisationKind.SCHOOL)
    with pytest.raises(ValidationError) as excinfo:
        create(region, partner_a=school, partner_b=other)
    assert messages_of(excinfo) == [
        "A school–enterprise cooperation joins a school and an enterprise; both are schools."
    ]


def test_two_enterprises_are_refused_with_a_reason(region, enterprise):
    other = OrganisationFactory(region=region, kind=OrganisationKind.ENTERPRISE)
    with pytest.raises(ValidationError) as excinfo:
        create(region, partner_a=other, partner_b=enterprise)
    assert messages_of(excinfo) == [
        "A school–enterprise cooperation joins a school and an enterprise; both are enterprises."
    ]


def test_two_creatives_are_refused_with_a_reason(region, creative):
    other = OrganisationFactory(region=region, kind=OrganisationKind.CREATIVE)
    with pytest.raises(ValidationError) as excinfo:
        create(region, kind=CooperationKind.CREATIVE_INDUSTRY, partner_a=creative, partner_b=other)
    assert messages_of(excinfo) == [
        "A creative–industry cooperation joins a creative and an enterprise; both are creatives."
    ]


def test_a_museum_instead_of_a_school_is_refused(region, museum, enterprise):
    with pytest.raises(ValidationError) as excinfo:
        create(region, partner_a=museum, partner_b=enterprise)
    assert excinfo.value.message_dict == {
        "partner_a": [
            "Hornické muzeum Krásno is not a school; a school–enterprise cooperation needs a school on this side."
        ]
    }


def test_a_school_in_a_creative_cooperation_is_refused(region, school, enterprise):
    with pytest.raises(ValidationError) as excinfo:
        create(region, kind=CooperationKind.CREATIVE_INDUSTRY, partner_a=school, partner_b=enterprise)
    assert "partner_a" in excinfo.value.message_dict


def test_the_same_organisation_twice_is_refused(region, school):
    with pytest.raises(ValidationError) as excinfo:
        create(region, partner_a=school, partner_b=school)
    assert messages_of(excinfo) == ["An organisation cannot cooperate with itself; choose two different organisations."]


def test_an_organisation_of_another_region_is_refused(region, other_region, school):
    foreign = OrganisationFactory(region=other_region, name="Erzgebirge GmbH", kind=OrganisationKind.ENTERPRISE)
    with pytest.raises(ValidationError) as excinfo:
        create(region, partner_a=school, partner_b=foreign)
    assert excinfo.value.message_dict == {
        "partner_b": ["Erzgebirge GmbH belongs to another region than this cooperation."]
    }


def test_the_same_pair_twice_in_a_school_year_is_refused(region, school, enterprise):
    create(region, partner_a=school, partner_b=enterprise)
    with pytest.raises(ValidationError) as excinfo:
        create(region, partner_a=school, partner_b=enterprise)
    assert messages_of(excinfo) == ["These two organisations already have this cooperation in this school year."]
    create(region, partner_a=school, partner_b=enterprise, school_year=2020)  # the next year is another


def test_a_pair_given_the_other_way_round_is_put_in_order(region, school, enterprise):
    cooperation = create(region, partner_a=enterprise, partner_b=school)
    assert (cooperation.partner_a, cooperation.partner_b) == (school, enterprise)


# --- activities --------------------------------------------------------------------------------


@pytest.fixture
def cooperation(region, school, enterprise):
    return CooperationFactory(region=region, partner_a=school, partner_b=enterprise, school_year=2019)


def add(cooperation, actor=None, status=EngagementStatus.HELD, **data):
    data = {"type": "excursion", "date": datetime.date(2019, 10, 16), **data}
    return cooperations.add_activity(cooperation=cooperation, actor=actor, data=data, status=status)


def test_an_activity_is_an_engagement_with_both_organisations(cooperation, coordinator, school, enterprise):
    activity = add(cooperation, coordinator, pupils=22, type="trial_job_interview")
    engagement = activity.engagement
    assert engagement.kind == EngagementKind.TRIAL_JOB_INTERVIEW
    assert engagement.status == EngagementStatus.HELD
    assert engagement.local_date == datetime.date(2019, 10, 16)
    assert engagement.date_only is True
    assert engagement.anonymous_head_count == 22
    assert engagement.title == "Trial job interview: ISŠTE Sokolov – Sokolovská uhelná"
    assert {(p.organisation, p.role) for p in engagement.participants.all()} == {
        (school, "school"),
        (enterprise, "enterprise"),
    }
    assert AuditEntry.objects.filter(object_type="cooperation.cooperationactivity").count() == 1
    assert AuditEntry.objects.filter(object_type="engagement.engagement", object_id=str(engagement.pk)).count() == 1


def test_a_held_activity_counts_toward_the_strategy(region, cooperation):
    version = StrategyVersionFactory(strategy__region=region)
    rule = CountRuleFactory(
        milestone__version=version, kinds=[EngagementKind.EXCURSION.value], minimum=2, first_year=2019, last_year=2019
    )
    add(cooperation, date=datetime.date(2019, 10, 16))
    add(cooperation, date=datetime.date(2019, 11, 6))
    now = datetime.datetime(2020, 1, 10, tzinfo=datetime.UTC)
    results = [r for m in region_progress(region, 2019, now=now).milestones for r in m.rules if r.rule.pk == rule.pk]
    assert results[0].progress.count == 2


def test_negative_pupils_are_refused(cooperation):
    with pytest.raises(ValidationError) as excinfo:
        add(cooperation, pupils=-3)
    assert excinfo.value.message_dict == {"pupils": ["The number of pupils cannot be negative."]}


def test_implausibly_many_pupils_are_refused(cooperation):
    with pytest.raises(ValidationError) as excinfo:
        add(cooperation, pupils=501)
    assert excinfo.value.message_dict == {
        "pupils": ["More than 500 pupils in one activity is not plausible; check the number."]
    }
    assert add(cooperation, pupils=500).pupils == 500


def test_nothing_is_written_when_an_activity_is_refused(cooperation):
    from inducult.engagement.models import Engagement

    with pytest.raises(ValidationError):
        add(cooperation, pupils=9999)
    assert not Engagement.objects.exists()


def test_a_date_outside_the_school_year_is_refused(cooperation):
    with pytest.raises(ValidationError) as excinfo:
        add(cooperation, date=datetime.date(2020, 9, 1))
    assert excinfo.value.message_dict == {
        "date": ["2020-09-01 is outside the school year 2019/2020 (2019-09-01 to 2020-08-31)."]
    }


def test_a_creative_cooperation_refuses_school_activities_and_pupils(region, creative, enterprise):
    cooperation = CooperationFactory(
        region=region, kind=CooperationKind.CREATIVE_INDUSTRY, partner_a=creative, partner_b=enterprise
    )
    with pytest.raises(ValidationError) as excinfo:
        add(cooperation, type="trial_job_interview", pupils=10)
    errors = excinfo.value.message_dict
    assert errors["pupils"] == ["Pupils are counted only in school–enterprise cooperation."]
    assert errors["type"][0] == (
        "“Trial job interview” is not an activity of a creative–industry cooperation; choose one of: "
        "Design workshop, Workshop, Lecture or discussion, Creative voucher project."
    )
    activity = add(cooperation, type="design_workshop")
    assert activity.engagement.kind == EngagementKind.WORKSHOP
    assert activity.engagement.participants.get(organisation=creative).role == "creative"


def test_a_future_activity_cannot_be_held(region, school, enterprise):
    cooperation = CooperationFactory(region=region, partner_a=school, partner_b=enterprise, school_year=2098)
    with pytest.raises(ValidationError) as excinfo:
        add(cooperation, date=datetime.date(2098, 10, 1))
    assert excinfo.value.message_dict == {"status": ["An engagement on a later date cannot have been held yet."]}
    assert add(cooperation, date=datetime.date(2098, 10, 1), status=EngagementStatus.PLANNED).engagement.status == (
        EngagementStatus.PLANNED
    )


def test_an_existing_engagement_can_be_linked(region, cooperation, school):
    engagement = EngagementFactory(
        region=region, kind=EngagementKind.EXCURSION, starts_at=datetime.datetime(2019, 10, 16, 9, tzinfo=datetime.UTC)
    )
    activity = cooperations.add_activity(
        cooperation=cooperation,
        actor=None,
        data={"type": "excursion", "date": datetime.date(2019, 10, 16)},
        engagement=engagement,
    )
    assert activity.engagement == engagement
    assert engagement.participants.count() == 2
    with pytest.raises(ValidationError) as excinfo:
        cooperations.add_activity(
            cooperation=cooperation,
            actor=None,
            data={"type": "workshop", "date": datetime.date(2019, 10, 16)},
            engagement=engagement,
        )
    assert excinfo.value.message_dict["engagement"] == [
        "The engagement is already an activity of a cooperation.",
        "The engagement is a “Excursion”; this activity needs a “Workshop”.",
    ]


def test_update_activity_brings_the_engagement_along_and_checks_the_version(cooperation, coordinator):
    activity = add(cooperation, coordinator, status=EngagementStatus.PLANNED, pupils=10)
    activity = cooperations.update_activity(
        activity=activity,
        actor=coordinator,
        data={"pupils": 12, "teacher_feedback": "Výborné"},
        version=1,
        status=EngagementStatus.HELD,
    )
    assert activity.version == 2
    assert activity.engagement.status == EngagementStatus.HELD
    assert activity.engagement.anonymous_head_count == 12
    with pytest.raises(EditConflict):
        cooperations.update_activity(activity=activity, actor=coordinator, data={"pupils": 1}, version=1)
    activity.refresh_from_db()
    assert activity.pupils == 12


def test_update_cooperation_checks_the_version(cooperation, coordinator):
    cooperations.update_cooperation(cooperation=cooperation, actor=coordinator, data={"note": "A"}, version=1)
    with pytest.raises(EditConflict) as excinfo:
        cooperations.update_cooperation(cooperation=cooperation, actor=coordinator, data={"note": "B"}, version=1)
    assert excinfo.value.current.note == "A"


def test_year_summary_skips_deleted_engagements(region, cooperation, coordinator):
    from inducult.engagement.services.engagements import delete_engagement

    kept = add(cooperation, pupils=20)
    gone = add(cooperation, pupils=30, date=datetime.date(2019, 11, 1))
    delete_engagement(engagement=gone.engagement, actor=coordinator)
    summary = cooperations.year_summary(region, 2019)
    assert summary.held == {"excursion": 1}
    assert summary.pupils == kept.pupils
