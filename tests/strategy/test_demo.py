"""The strategy's demo loader: a strategy with its version, goals, milestones and rules, and sample
deliverables, found again by their keys, written only where something differs, audited."""

import datetime
from collections import Counter

import pytest

from inducult.core.models import AuditEntry
from inducult.demo import strategy_records
from inducult.strategy.demo import (
    CountRuleRecord,
    DeliverableRuleRecord,
    GoalRecord,
    MilestoneRecord,
    SampleDeliverable,
    StrategyRecord,
    load_sample_deliverables,
    load_strategy,
)
from inducult.strategy.models import CountRule, Deliverable, DeliverableRule, Milestone, StrategicGoal

pytestmark = pytest.mark.django_db


def _goal(code):
    return GoalRecord(code, f"Goal {code}", f"The goal {code}.", f"Goal {code} (en)", f"The goal {code} (en).", "Test")


RECORD = StrategyRecord(
    strategy={"title": "Test strategy", "source": "Test"},
    version={"label": "Original", "valid_from": datetime.date(2019, 1, 1), "vision": "A vision"},
    goals=(_goal("SG1"), _goal("SG2")),
    milestones=(
        MilestoneRecord(
            "M1",
            "Meetings",
            "Five meetings a year.",
            "Meetings (en)",
            "Five meetings a year (en).",
            goals=("SG2",),
            first_year=2019,
            last_year=2019,
            rules=(
                CountRuleRecord(("bilateral_meeting",), 5, 2019, 2019),
                DeliverableRuleRecord("plan", "Plán", "Plan", datetime.date(2019, 12, 31)),
            ),
            source="Test",
        ),
        MilestoneRecord(
            "T1",
            "Focus group",
            "A focus group a year.",
            "Focus group (en)",
            "A focus group a year (en).",
            goals=("SG1", "SG2"),
            first_year=2019,
            last_year=None,
            rules=(CountRuleRecord(("focus_group",), 1, 2019, None),),
            source="Test",
            is_standing_target=True,
        ),
    ),
)


def _load(region, record=RECORD):
    counts = Counter()
    return load_strategy(region=region, record=record, counts=counts), counts


def test_load_strategy_writes_the_version_its_goals_in_order_and_milestones_with_rules(region):
    version, counts = _load(region)

    assert (version.strategy.title, version.label, version.valid_from) == (
        "Test strategy",
        "Original",
        datetime.date(2019, 1, 1),
    )
    assert [(g.code, g.order, g.localized("title", "en")) for g in version.goals.all()] == [
        ("SG1", 1, "Goal SG1 (en)"),
        ("SG2", 2, "Goal SG2 (en)"),
    ]
    m1 = Milestone.objects.get(code="M1")
    assert [g.code for g in m1.goals.all()] == ["SG2"]
    assert list(CountRule.objects.filter(milestone=m1).values_list("order", "minimum", "kinds")) == [
        (1, 5, ["bilateral_meeting"])
    ]
    assert list(DeliverableRule.objects.filter(milestone=m1).values_list("key", "order")) == [("plan", 1)]
    assert Milestone.objects.get(code="T1").is_standing_target is True
    assert counts == {"strategy_records_created": 1 + 1 + 2 + 2 + 3, "goals": 2, "milestones": 1, "standing_targets": 1}
    assert AuditEntry.objects.filter(object_type__startswith="strategy.", region=region).count() == 9


def test_load_strategy_a_second_time_writes_nothing(region):
    _load(region)
    entries = AuditEntry.objects.count()

    _version, counts = _load(region)

    assert counts == {"goals": 2, "milestones": 1, "standing_targets": 1}
    assert AuditEntry.objects.count() == entries


def test_load_strategy_restores_a_changed_goal_link_and_audits_it(region):
    # The demo's own strategy: milestone 3 names goal 2 only.
    _load(region, strategy_records.RECORD)
    m3 = Milestone.objects.get(code="M3")
    m3.goals.add(StrategicGoal.objects.get(code="SG7"))

    _version, counts = _load(region, strategy_records.RECORD)

    assert (counts["strategy_records_created"], counts["strategy_records_updated"]) == (0, 1)
    assert sorted(m3.goals.values_list("code", flat=True)) == ["SG2"]
    entry = AuditEntry.objects.filter(object_type="strategy.milestone", object_id=str(m3.pk)).first()
    assert entry.changes == {"goals": [["SG2", "SG7"], ["SG2"]]}
    assert entry.region.slug == "karlovy-vary"


def test_load_sample_deliverables_marks_them_as_samples_once(region):
    version, _ = _load(region)
    deliverable = SampleDeliverable("plan", datetime.date(2019, 6, 1), "Plán (ukázka)", "https://example.org/plan.pdf")
    counts = Counter()

    for _run in range(2):
        load_sample_deliverables(region=region, version=version, records=[deliverable], source="Made up", counts=counts)

    (saved,) = Deliverable.objects.all()
    assert (saved.rule.key, saved.title, saved.source, saved.is_sample) == ("plan", "Plán (ukázka)", "Made up", True)
    assert counts == {"sample_deliverables": 2, "sample_deliverables_created": 1}
    entry = AuditEntry.objects.get(object_type="strategy.deliverable")
    assert (entry.region, entry.changes["is_sample"]) == (region, [None, True])
