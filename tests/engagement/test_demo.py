"""The log's demo loader: engagements that took place, and a sample history whose samples are held or
planned by the load day, written through the log's actions and only where something differs."""

import datetime
import zoneinfo
from collections import Counter

import pytest

from inducult.core.models import AuditEntry
from inducult.engagement.demo import (
    EngagementRecord,
    SampleEngagement,
    TaskRecord,
    load_real_engagements,
    load_sample_engagements,
)
from inducult.engagement.models import Engagement
from inducult.engagement.services.engagements import delete_engagement
from tests.factories import OrganisationFactory, PersonFactory, StrategicGoalFactory

pytestmark = pytest.mark.django_db

PRAGUE = zoneinfo.ZoneInfo("Europe/Prague")
SOURCE = "Sample for the test"
REAL = EngagementRecord(
    "focus_group", datetime.date(2018, 10, 4), "Diskuzní skupina", "Discussion group", "Závěry", "Outcomes", "Minutes"
)
MEETING = SampleEngagement(
    "bilateral_meeting",
    datetime.datetime(2026, 3, 10, 10),
    "Setkání",
    organisations=("museum",),
    topics=("hornictví",),
    goals=("SG1", "SG9"),
    outcomes="Dohodnuto",
    public=True,
    tasks=(TaskRecord("Poslat zápis", "owner@example.org", 7),),
)


@pytest.fixture
def world(region):
    return {
        "organisations": {"museum": OrganisationFactory(region=region, name="Muzeum")},
        "goals": {"SG1": StrategicGoalFactory(version__strategy__region=region, code="SG1")},
        "owner": PersonFactory(region=region, email="owner@example.org", is_sample=True),
    }


def _load_samples(region, world, *, today, records=(MEETING,)):
    counts = Counter()
    load_sample_engagements(
        region=region,
        records=records,
        source=SOURCE,
        topics=("hornictví", "porcelán"),
        goals=world["goals"],
        organisations=world["organisations"],
        counts=counts,
        today=today,
    )
    return counts


def test_load_real_engagements_writes_a_held_public_engagement_on_its_day_once(region):
    counts = Counter()

    for _run in range(2):
        load_real_engagements(region=region, records=[REAL], counts=counts)

    (engagement,) = Engagement.objects.all()
    assert (engagement.status, engagement.visibility, engagement.date_only, engagement.is_sample) == (
        "held",
        "public",
        True,
        False,
    )
    assert engagement.starts_at == datetime.datetime(2018, 10, 4, tzinfo=PRAGUE)
    assert (engagement.source, engagement.localized("outcomes", "en")) == ("Minutes", "Outcomes")
    assert counts == {"engagements": 2, "engagements_created": 1}


def test_load_sample_engagements_before_its_day_plans_it_without_outcomes_or_tasks(region, world):
    counts = _load_samples(region, world, today=datetime.date(2026, 3, 10))

    (engagement,) = Engagement.objects.all()
    assert (engagement.status, engagement.outcomes, engagement.is_sample, engagement.source) == (
        "planned",
        "",
        True,
        SOURCE,
    )
    assert engagement.starts_at == datetime.datetime(2026, 3, 10, 10, tzinfo=PRAGUE)
    assert [p.organisation.name for p in engagement.participants.all()] == ["Muzeum"]
    assert [t.name for t in engagement.topics.all()] == ["hornictví"]
    assert [g.code for g in engagement.goals.all()] == ["SG1"]  # a goal the strategy lacks is left out
    assert not engagement.tasks.exists()
    assert counts == {"samples": 1, "samples_created": 1}


def test_load_sample_engagements_a_later_day_holds_it_and_adds_its_tasks(region, world):
    _load_samples(region, world, today=datetime.date(2026, 3, 10))

    counts = _load_samples(region, world, today=datetime.date(2026, 3, 11))

    engagement = Engagement.objects.get()
    assert (engagement.status, engagement.outcomes) == ("held", "Dohodnuto")
    (task,) = engagement.tasks.all()
    assert (task.title, task.owner, task.due_date) == ("Poslat zápis", world["owner"], datetime.date(2026, 3, 17))
    assert counts == {"samples": 1, "samples_updated": 1}


def test_load_sample_engagements_the_same_day_again_writes_nothing(region, world):
    _load_samples(region, world, today=datetime.date(2026, 3, 11))
    entries = AuditEntry.objects.count()

    counts = _load_samples(region, world, today=datetime.date(2026, 3, 11))

    assert counts == {"samples": 1}
    assert AuditEntry.objects.count() == entries


def test_load_sample_engagements_leaves_a_sample_deleted_by_hand_deleted(region, world):
    _load_samples(region, world, today=datetime.date(2026, 3, 11))
    delete_engagement(engagement=Engagement.objects.get(), actor=None)

    counts = _load_samples(region, world, today=datetime.date(2026, 3, 12))

    assert not Engagement.objects.exists()
    assert Engagement.all_objects.count() == 1
    assert counts == {"samples": 1}
