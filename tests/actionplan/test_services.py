import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from inducult.actionplan.models import Activity
from inducult.actionplan.services import activities, matching
from inducult.core.models import AuditEntry
from inducult.core.versioning import EditConflict
from tests.factories import (
    ActivityFactory,
    EngagementFactory,
    FundingCallFactory,
    FundingInstrumentFactory,
    OrganisationFactory,
    StrategicGoalFactory,
)
from tests.queries import queries_at_two_sizes

pytestmark = pytest.mark.django_db


def test_update_activity_with_stale_version_writes_nothing(region, coordinator):
    activity = ActivityFactory(region=region, title="Start")
    activities.update_activity(activity=activity, actor=coordinator, data={"title": "First"}, version=1)

    with pytest.raises(EditConflict) as caught:
        activities.update_activity(
            activity=Activity.objects.get(pk=activity.pk), actor=coordinator, data={"title": "Second"}, version=1
        )

    assert caught.value.current.title == "First"
    assert Activity.objects.get(pk=activity.pk).title == "First"
    assert AuditEntry.objects.filter(object_type="actionplan.activity").count() == 1


def test_relations_to_another_region_are_refused(region, other_region, coordinator):
    foreign = OrganisationFactory(region=other_region)

    with pytest.raises(ValidationError) as caught, translation.override("en"):
        activities.create_activity(
            region=region,
            actor=coordinator,
            data={"work_package": "WP2", "title": "X", "themes": []},
            relations={"responsible": [foreign]},
        )

    assert caught.value.message_dict == {"responsible": ["Only records of this region can be linked."]}
    assert not Activity.objects.exists()


def test_activity_facts_carry_the_kinds_of_responsible_organisations(region):
    activity = ActivityFactory(region=region, themes=["tourism", "heritage"])
    activity.responsible.add(OrganisationFactory(region=region, kind="museum"))
    activity.responsible.add(OrganisationFactory(region=region, kind="school"))

    facts = matching.activity_facts(activity)

    assert facts.applicant_kinds == frozenset({"museum", "school"})
    assert facts.themes == frozenset({"tourism", "heritage"})
    assert (facts.start, facts.end, facts.work_package) == (activity.starts_on, activity.ends_on, "WP2")


def test_activity_without_period_has_no_facts_and_no_fits(region):
    activity = ActivityFactory(region=region, starts_on=None, ends_on=None)
    FundingInstrumentFactory(region=region)

    assert matching.activity_facts(activity) is None
    assert matching.funding_fits(activity, today=datetime.date(2026, 1, 1)) == []


def test_instrument_facts_carry_calls(region):
    instrument = FundingInstrumentFactory(region=region, eligible_kinds=["school"])
    FundingCallFactory(instrument=instrument, opens_on=None, closes_on=datetime.date(2026, 6, 30))

    facts = matching.instrument_facts(instrument)

    assert facts.eligible_kinds == frozenset({"school"})
    assert [(c.opens, c.closes) for c in facts.calls] == [(None, datetime.date(2026, 6, 30))]


def test_fitting_activities_leave_out_done_and_excluded(region):
    instrument = FundingInstrumentFactory(region=region, eligible_kinds=["school"])
    school = OrganisationFactory(region=region, kind="school")
    fits = ActivityFactory(region=region, title="Fits")
    fits.responsible.add(school)
    ActivityFactory(region=region, title="Done", status="done").responsible.add(school)
    ActivityFactory(region=region, title="Museum").responsible.add(OrganisationFactory(region=region, kind="museum"))

    result = matching.fitting_activities(instrument, today=datetime.date(2026, 1, 1))

    assert [f.record.title for f in result] == ["Fits"]


def test_update_activity_replaces_indicators_and_audits_them(region, coordinator):
    activity = ActivityFactory(region=region)

    activities.update_activity(
        activity=activity,
        actor=coordinator,
        data={},
        version=1,
        indicators=[{"name": "Visitors", "unit": "people", "target": 10, "achieved": None}],
    )

    assert [i.name for i in activity.indicators.all()] == ["Visitors"]
    entry = AuditEntry.objects.get(object_type="actionplan.activity", action="change")
    assert entry.changes["indicators"] == [[], [["Visitors", "people", "10.00", None]]]


def test_saving_an_activity_costs_the_same_queries_however_many_records_it_links(region, coordinator):
    version = StrategicGoalFactory(version__strategy__region=region).version
    saves = []

    def add(n):
        # Each measurement saves a new activity linked to the goals and engagements added for it.
        relations = {
            "goals": StrategicGoalFactory.create_batch(n, version=version),
            "engagements": EngagementFactory.create_batch(n, region=region),
        }
        saves.append((ActivityFactory(region=region), relations))

    def save():
        activity, relations = saves[-1]
        return activities.update_activity(
            activity=activity, actor=coordinator, data={"title": "Linked"}, version=1, relations=relations
        )

    measured = queries_at_two_sizes(add=add, run=save, sizes=(1, 6), at_most=30, warm_up=False)

    assert [activity.goals.count() for activity in measured.results] == [1, 5]
