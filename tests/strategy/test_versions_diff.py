"""diff_versions is pure: these tests build snapshots by hand, without a database."""

import datetime

from django.utils import translation

from inducult.strategy.services.versions import (
    CountRuleSnapshot,
    DeliverableRuleSnapshot,
    FieldChange,
    GoalSnapshot,
    MilestoneSnapshot,
    VersionSnapshot,
    describe_rule,
    diff_versions,
)

BILATERAL_5 = CountRuleSnapshot(("bilateral_meeting",), 5, 2021, None)
FOCUS_1 = CountRuleSnapshot(("focus_group",), 1, 2021, None)


def _version(goals=(), milestones=(), vision="Vision", label="A"):
    return VersionSnapshot(label, datetime.date(2019, 1, 1), vision, tuple(goals), tuple(milestones))


def _m11(**changes):
    values = {
        "code": "M11",
        "title": "Five bilateral meetings a year",
        "first_year": 2021,
        "goals": ("SG1", "SG2"),
        "rules": (BILATERAL_5,),
    }
    return MilestoneSnapshot(**{**values, **changes})


def test_diff_versions_identical_snapshots_are_empty():
    a = _version([GoalSnapshot("SG1", "Goal")], [_m11()])

    diff = diff_versions(a, a)

    assert diff.is_empty
    assert diff.counts() == {"added": 0, "removed": 0, "changed": 0}


def test_diff_versions_goal_added_removed_and_changed():
    a = _version([GoalSnapshot("SG1", "Research"), GoalSnapshot("SG2", "Meetings")])
    b = _version([GoalSnapshot("SG1", "Research the potential"), GoalSnapshot("SG8", "Tourism")])

    diff = diff_versions(a, b)

    assert [(g.code, g.change) for g in diff.goals] == [("SG1", "changed"), ("SG8", "added"), ("SG2", "removed")]
    assert diff.goals[0].fields == (FieldChange("title", "Research", "Research the potential"),)
    assert diff.goals[1].fields == (FieldChange("title", None, "Tourism"), FieldChange("description", None, ""))
    assert diff.goals[2].fields[0] == FieldChange("title", "Meetings", None)


def test_diff_versions_milestone_title_and_goal_links_changed():
    a = _version(milestones=[_m11()])
    b = _version(milestones=[_m11(title="Six bilateral meetings a year", goals=("SG2", "SG7"))])

    (change,) = diff_versions(a, b).milestones

    assert (change.code, change.change, change.title) == ("M11", "changed", "Six bilateral meetings a year")
    assert change.fields == (
        FieldChange("title", "Five bilateral meetings a year", "Six bilateral meetings a year"),
        FieldChange("goals", ("SG1", "SG2"), ("SG2", "SG7")),
    )


def test_diff_versions_rule_changed_is_reported_with_both_rule_lists():
    six = CountRuleSnapshot(("bilateral_meeting",), 6, 2022, None)
    a = _version(milestones=[_m11()])
    b = _version(milestones=[_m11(rules=(six,))])

    (change,) = diff_versions(a, b).milestones

    assert change.fields == (FieldChange("rules", (BILATERAL_5,), (six,)),)


def test_diff_versions_deliverable_rule_added_to_a_milestone():
    due = DeliverableRuleSnapshot("second-actualisation", "Second actualisation", datetime.date(2024, 12, 31))
    a = _version(milestones=[_m11()])
    b = _version(milestones=[_m11(rules=(BILATERAL_5, due))])

    (change,) = diff_versions(a, b).milestones

    assert change.fields == (FieldChange("rules", (BILATERAL_5,), (BILATERAL_5, due)),)


def test_diff_versions_milestones_added_and_removed_by_code():
    m10 = MilestoneSnapshot("M10", "Focus group", first_year=2021, rules=(FOCUS_1,))
    m12 = MilestoneSnapshot("M12", "Open-factory days", first_year=2022, last_year=2022)
    a = _version(milestones=[m10, _m11()])
    b = _version(milestones=[_m11(), m12])

    diff = diff_versions(a, b)

    assert [(m.code, m.change) for m in diff.milestones] == [("M12", "added"), ("M10", "removed")]
    removed = {f.field: f for f in diff.milestones[1].fields}
    assert removed["rules"] == FieldChange("rules", (FOCUS_1,), None)
    assert diff.counts() == {"added": 1, "removed": 1, "changed": 0}


def test_diff_versions_vision_change_is_a_version_field():
    diff = diff_versions(_version(vision="Old"), _version(vision="New"))

    assert diff.version_fields == (FieldChange("vision", "Old", "New"),)
    assert not diff.is_empty


def test_describe_rule_reads_like_the_strategy():
    t3 = CountRuleSnapshot(("bilateral_meeting", "focus_group"), 2, 2019, None, "regional_authority", "porcelán")
    with translation.override("en"):
        assert describe_rule(BILATERAL_5) == "≥ 5 × Bilateral meeting a year, 2021 and later"
        assert describe_rule(CountRuleSnapshot(("focus_group",), 1, 2019, 2019)) == (
            "≥ 1 × Focus group (discussion group) a year, in 2019"
        )
        assert describe_rule(t3) == (
            "≥ 2 × Bilateral meeting or Focus group (discussion group) a year, 2019 and later; "
            "with a participant of kind Regional authority; on topic “porcelán”"
        )
        due = DeliverableRuleSnapshot("first-actualisation", "First actualisation", datetime.date(2020, 12, 31))
        assert describe_rule(due) == "Deliverable “First actualisation” (first-actualisation) due 2020-12-31"
