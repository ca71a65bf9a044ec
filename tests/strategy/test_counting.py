"""The database counts what the progress engine would count.

``services.progress`` does not hand the engine every engagement of the year: the database counts
them per rule (``_count_engagements``) and the engine evaluates the counts (``evaluate_tallies``).
These tests build a varied log (year edges at local midnight, planned ones before and after `now`,
deleted ones, other regions, participants of several kinds, topics, samples, public and internal)
and hold the service to the engine's own evaluation of every engagement as a fact.
"""

import datetime
import random

import pytest
from django.utils import timezone

from inducult.engagement.enums import EngagementKind, EngagementStatus, Visibility
from inducult.engagement.models import Engagement
from inducult.network.enums import OrganisationKind
from inducult.strategy.domain import progress as engine
from inducult.strategy.services import progress as service
from tests.factories import (
    CountRuleFactory,
    EngagementFactory,
    EngagementParticipantFactory,
    MilestoneFactory,
    OrganisationFactory,
    TopicFactory,
)
from tests.strategy.conftest import PRAGUE, at

pytestmark = pytest.mark.django_db

KINDS = [EngagementKind.BILATERAL_MEETING.value, EngagementKind.ROUND_TABLE.value, EngagementKind.WORKSHOP.value]
ORG_KINDS = [OrganisationKind.REGIONAL_AUTHORITY.value, OrganisationKind.MUSEUM.value, OrganisationKind.SCHOOL.value]


@pytest.fixture
def rules(region, plan):
    """Beside the plan's M1 and T1: rules with a topic, with a museum participant, over two kinds."""
    topic = TopicFactory(region=region, name="Spa guests")
    m3 = MilestoneFactory(version=plan, code="M3", first_year=2023, last_year=None)
    CountRuleFactory(milestone=m3, kinds=KINDS[1:], minimum=4, first_year=2023, last_year=None, topic=topic)
    CountRuleFactory(
        milestone=m3,
        kinds=KINDS[:2],
        minimum=12,
        first_year=2023,
        last_year=None,
        organisation_kind=OrganisationKind.MUSEUM.value,
    )
    m4 = MilestoneFactory(version=plan, code="M4", first_year=2023, last_year=2025)
    CountRuleFactory(milestone=m4, kinds=KINDS, minimum=30, first_year=2023, last_year=2025)
    return topic


def build_log(region, topic, seed):
    generator = random.Random(seed)
    organisations = [OrganisationFactory(region=region, kind=kind) for kind in ORG_KINDS for _ in range(2)]
    # Moments near the edges of 2024 and 2025 in Prague, and spread over both years.
    edges = [at(2024, 1, 1, 0, 10), at(2024, 12, 31, 23, 30), at(2025, 1, 1, 0, 5), at(2025, 12, 31, 23, 59)]
    elsewhere = EngagementFactory(starts_at=at(2024, 5, 1))  # another region, same kinds
    EngagementParticipantFactory(engagement=elsewhere)
    for _ in range(400):
        if generator.random() < 0.15:
            starts_at = generator.choice(edges)
        else:
            starts_at = at(2024, 1, 1) + datetime.timedelta(minutes=generator.randrange(0, 2 * 365 * 24 * 60))
        engagement = EngagementFactory(
            region=region,
            kind=generator.choice(KINDS),
            status=EngagementStatus.HELD if generator.random() < 0.7 else EngagementStatus.PLANNED,
            starts_at=starts_at,
            visibility=generator.choice([Visibility.PUBLIC, Visibility.INTERNAL]),
            is_sample=generator.random() < 0.5,
        )
        for organisation in generator.sample(organisations, generator.randrange(0, 3)):
            EngagementParticipantFactory(engagement=engagement, organisation=organisation)
        if generator.random() < 0.4:
            engagement.topics.add(topic)
        if generator.random() < 0.05:
            engagement.deleted_at = timezone.now()
            engagement.save(update_fields=["deleted_at"])


def every_fact(region):
    """The whole log of the region as the engine's facts, read the simple way."""
    return [
        engine.EngagementFact(
            id=e.pk,
            kind=e.kind,
            starts_at=e.starts_at,
            held=e.status == EngagementStatus.HELD,
            organisation_kinds=frozenset(p.organisation.kind for p in e.participants.all() if p.organisation),
            topics=frozenset(str(t.pk) for t in e.topics.all()),
        )
        for e in Engagement.objects.filter(region=region).prefetch_related("participants__organisation", "topics")
    ]


SCENARIOS = [
    (2024, at(2024, 12, 31, 23, 45)),  # the current year's last minutes
    (2025, at(2025, 6, 15, 12)),  # mid-year: pace, planned ones ahead and behind
    (2025, at(2025, 1, 1, 0, 1)),  # the year has just begun
    (2025, at(2025, 12, 31, 23, 59)),  # planned ones at this very minute are still ahead
    (2024, at(2025, 3, 1)),  # a finished year
    (2026, at(2025, 3, 1)),  # a year ahead
]


@pytest.mark.parametrize(
    ("seed", "batch"),
    [
        (1, service.LATEST_BATCH),  # the newest of the year, as many as the counts suggest
        (2, service.LATEST_BATCH),
        (1, 7),  # too few: most rules need their own query for their latest
        (2, 25),
    ],
)
def test_the_database_counts_what_the_engine_counts(region, rules, seed, batch, monkeypatch):
    monkeypatch.setattr(service, "LATEST_BATCH", batch)
    build_log(region, rules, seed)
    facts = every_fact(region)
    by_pk = {e.pk: e for e in Engagement.objects.filter(region=region)}
    for year, now in SCENARIOS:
        compare(service.region_progress(region, year, now=now), facts, by_pk)


def compare(progress, facts, by_pk):
    cut_short = 0
    for milestone in progress.milestones:
        reference = engine.evaluate(
            [service._engine_rule(r) for r in milestone.milestone.rules],
            facts,
            [],
            year=progress.year,
            tz=PRAGUE,
            now=progress.now,
        )
        for result, expected in zip(milestone.rules, reference.rules, strict=True):
            if not result.is_count:
                continue
            got = result.progress
            where = (progress.year, progress.now, milestone.milestone.code, result.rule)
            assert (got.status, got.count, got.scheduled, got.projected) == (
                expected.status,
                expected.count,
                expected.scheduled,
                expected.projected,
            ), where
            newest = sorted(expected.counted_ids, key=lambda pk: (by_pk[pk].starts_at, pk), reverse=True)
            assert [e.id for e in result.shown] == newest[: service.SHOWN_PER_RULE], where
            public = [pk for pk in newest if by_pk[pk].visibility == Visibility.PUBLIC]
            assert [e.id for e in result.shown_public] == public[: service.SHOWN_PER_RULE], where
            assert result.sample_count == sum(1 for pk in expected.counted_ids if by_pk[pk].is_sample), where
            cut_short += (len(newest) > service.SHOWN_PER_RULE) + (len(public) > service.SHOWN_PER_RULE)
        assert milestone.status == reference.status
    if progress.year != 2026:
        # Lists cut short, the topic and museum rules' among them: the case where picking the
        # latest per group must still find the rule's latest.
        assert cut_short >= 4, (progress.year, progress.now, cut_short)


def test_a_deleted_engagement_does_not_count(region, plan, meeting, authority):
    kept = meeting(at(2024, 2, 1), with_org=authority)
    gone = meeting(at(2024, 3, 1), with_org=authority)
    gone.deleted_at = timezone.now()
    gone.save(update_fields=["deleted_at"])

    t1 = next(
        m for m in service.region_progress(region, 2024, now=at(2024, 7, 1)).milestones if m.milestone.code == "T1"
    )

    assert (t1.count, [e.id for e in t1.rules[0].shown]) == (1, [kept.pk])


def test_the_batch_reads_deep_enough_for_the_rarest_list_within_the_cap():
    # 10 of 20 engagements in the year: reading 10 × 20 / 10 × 1.5 = 30 is more than there are.
    assert service._batch_size(20, [10]) == 20
    # A list with 50 of 6,000: 10 of them take ~1,200 of the newest, half as many again = 1,800,
    # capped at LATEST_BATCH; the list then gets its own query if it still finds too few.
    assert service._batch_size(6000, [50, 3000]) == service.LATEST_BATCH
    assert service._batch_size(6000, [600, 3000]) == 150
    assert service._batch_size(6000, [0, 5]) == service.LATEST_BATCH  # five in the whole year: capped
    assert service._batch_size(6000, [0]) == service.SHOWN_PER_RULE
    assert service._batch_size(0, []) == 0
