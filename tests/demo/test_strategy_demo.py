import datetime
import zoneinfo

import pytest

from inducult.core.models import AuditAction, AuditEntry
from inducult.demo import strategy_records
from inducult.demo.loader import load_demo
from inducult.engagement.enums import EngagementKind
from inducult.engagement.models import Engagement
from inducult.network.enums import OrganisationKind
from inducult.strategy.demo import CountRuleRecord
from inducult.strategy.models import CountRule, DeliverableRule, Milestone, StrategicGoal, Strategy, StrategyVersion

PRAGUE = zoneinfo.ZoneInfo("Europe/Prague")


def _milestone(code):
    return Milestone.objects.get(version__strategy__region__slug="karlovy-vary", code=code)


def _goal_codes(code):
    return sorted(_milestone(code).goals.values_list("code", flat=True))


@pytest.mark.django_db
def test_strategy_demo_has_one_version_with_the_vision_in_czech_english_and_our_german():
    load_demo()

    strategy = Strategy.objects.get(region__slug="karlovy-vary")
    version = strategy.versions.get()
    assert strategy.title == "Živá průmyslová kultura"
    assert version.vision == "Karlovarský kraj využívá plně potenciálu živé průmyslové kultury"
    assert (
        version.localized("vision", "en") == "The Karlovy Vary Region uses the potential of Living Industrial Culture"
    )
    assert (
        version.localized("vision", "de")
        == "Die Region Karlovy Vary nutzt das Potenzial der lebendigen Industriekultur voll aus"
    )
    assert version.translated_by_us() == {"de": "cs"}
    assert version.our_translation_from("vision", "de") == "cs"
    assert version.our_translation_from("vision", "en") == ""
    assert strategy.version_on(datetime.date(2020, 6, 1)) == version
    assert strategy.version_on(datetime.date(2018, 12, 31)) is None


@pytest.mark.django_db
def test_strategy_demo_has_the_seven_strategic_goals():
    load_demo()

    goals = StrategicGoal.objects.all()
    assert [g.code for g in goals] == ["SG1", "SG2", "SG3", "SG4", "SG5", "SG6", "SG7"]
    sg5 = goals.get(code="SG5")
    assert sg5.title == "Udržovat platformu pro výměnu nápadů, znalostí a zkušeností mezi partnery"
    assert sg5.localized("description", "en") == (
        "Maintain the platform for the exchange of ideas, knowledge and experience among the international "
        "partners of InduCult2.0."
    )
    assert all("lines" in g.source for g in goals)


@pytest.mark.django_db
def test_strategy_demo_has_eleven_milestones_in_their_years_and_four_standing_targets():
    load_demo()

    milestones = Milestone.objects.filter(is_standing_target=False)
    assert [m.code for m in milestones] == [f"M{n}" for n in range(1, 12)]
    years = {m.code: (m.first_year, m.last_year) for m in milestones}
    assert {years[f"M{n}"] for n in range(1, 5)} == {(2019, 2019)}
    assert {years[f"M{n}"] for n in range(5, 10)} == {(2020, 2020)}
    assert {years["M10"], years["M11"]} == {(2021, None)}
    targets = Milestone.objects.filter(is_standing_target=True)
    assert [t.code for t in targets] == ["T1", "T2", "T3", "T4"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("code", "goals"),
    [
        # "navázáno na SC 1, SC 3, SC 4 a SC 6" (seed line 727), "SC 1, SC 2, SC 3 a SC 7" (741–743), …
        ("M1", ["SG1", "SG3", "SG4", "SG6"]),
        ("M2", ["SG1", "SG2", "SG3", "SG7"]),
        ("M3", ["SG2"]),
        ("M4", ["SG2"]),
        ("M8", ["SG5"]),
        ("M9", ["SG5"]),
        ("M10", ["SG1", "SG3", "SG4", "SG6"]),
        ("M11", ["SG1", "SG2", "SG3", "SG7"]),
        ("T1", []),
    ],
)
def test_strategy_demo_milestone_goal_links_are_those_of_the_strategy(code, goals):
    load_demo()

    assert _goal_codes(code) == goals


@pytest.mark.django_db
def test_strategy_demo_count_rules_follow_the_milestones_wording():
    load_demo()

    def rule(code):
        (only,) = CountRule.objects.filter(milestone=_milestone(code))
        return (only.kinds, only.minimum, only.first_year, only.last_year, only.organisation_kind)

    assert rule("M1") == (["focus_group"], 1, 2019, 2019, "")
    assert rule("M2") == (["bilateral_meeting"], 5, 2019, 2019, "")
    assert rule("M6") == (["bilateral_meeting"], 5, 2020, 2020, "")
    assert rule("M9") == (["partner_meeting", "video_conference"], 1, 2020, 2020, "")
    assert rule("M10") == (["focus_group"], 1, 2021, None, "")
    assert rule("M11") == (["bilateral_meeting"], 5, 2021, None, "")
    assert rule("T3")[1:] == (2, 2019, None, OrganisationKind.REGIONAL_AUTHORITY)
    assert rule("T4") == (["partner_meeting", "video_conference"], 1, 2019, None, "")


@pytest.mark.django_db
def test_strategy_demo_documents_and_decisions_are_deliverable_rules():
    load_demo()

    rules = {r.milestone.code: (r.key, r.due_date) for r in DeliverableRule.objects.select_related("milestone")}
    assert rules == {
        "M3": ("sclld-priorities-proposal", datetime.date(2019, 12, 31)),
        "M4": ("strategy-presented-to-region", datetime.date(2019, 12, 31)),
        "M7": ("sclld-priorities-included", datetime.date(2020, 12, 31)),
        "M8": ("first-actualisation", datetime.date(2020, 12, 31)),
    }
    assert not CountRule.objects.filter(milestone__code__in=rules).exists()


@pytest.mark.django_db
def test_strategy_demo_discussion_group_of_4_october_2018_is_real_and_held():
    load_demo()

    (engagement,) = Engagement.objects.filter(region__slug="karlovy-vary", is_sample=False)
    assert engagement.is_sample is False
    assert (engagement.kind, engagement.status, engagement.date_only) == ("focus_group", "held", True)
    assert engagement.starts_at == datetime.datetime(2018, 10, 4, tzinfo=PRAGUE)
    assert engagement.local_date == datetime.date(2018, 10, 4)
    assert "section 5.1, lines 487–503" in engagement.source
    assert engagement.outcomes.startswith("Dle diskuzní skupiny pořádané 4. 10. 2018")
    assert engagement.localized("title", "en") == "Discussion group"
    # Nothing the strategy does not state: no place, no participants, no time of day.
    assert (engagement.place_text, engagement.place_organisation, engagement.participants.count()) == ("", None, 0)


@pytest.mark.django_db
def test_strategy_demo_second_run_writes_nothing():
    first = load_demo()
    counts = [m.objects.count() for m in (Strategy, StrategyVersion, StrategicGoal, Milestone, CountRule, Engagement)]
    audit_count = AuditEntry.objects.count()

    summary = load_demo()

    assert first.strategy_records_created == 1 + 1 + 7 + 15 + 11 + 4
    assert first.engagements_created == 1
    assert summary.changed is False
    assert (summary.strategy_records_created, summary.strategy_records_updated, summary.engagements_created) == (
        0,
        0,
        0,
    )
    assert [
        m.objects.count() for m in (Strategy, StrategyVersion, StrategicGoal, Milestone, CountRule, Engagement)
    ] == counts
    assert AuditEntry.objects.count() == audit_count


@pytest.mark.django_db
def test_strategy_demo_audits_every_created_record_in_the_region():
    load_demo()

    # Sample deliverables (demo.sample_history) are audited too, but are not strategy records.
    entries = AuditEntry.objects.filter(object_type__startswith="strategy.").exclude(object_type="strategy.deliverable")
    assert entries.filter(action=AuditAction.CREATE).count() == 39
    # The sample history then marks each deliverable rule's record of delivery as its own (made up).
    changed = entries.exclude(action=AuditAction.CREATE)
    assert changed.count() == DeliverableRule.objects.count() == 4
    assert all(set(e.changes) == {"history_is_sample"} for e in changed)
    assert set(entries.values_list("region__slug", flat=True)) == {"karlovy-vary"}


def test_strategy_records_name_only_known_kinds_and_goals():
    goal_codes = {g.code for g in strategy_records.GOALS}
    for record in (*strategy_records.MILESTONES, *strategy_records.STANDING_TARGETS):
        assert set(record.goals) <= goal_codes, record.code
        assert record.rules, record.code
        for rule in record.rules:
            if isinstance(rule, CountRuleRecord):
                assert set(rule.kinds) <= set(EngagementKind.values), record.code
    assert [r.date for r in strategy_records.REAL_ENGAGEMENTS] == [datetime.date(2018, 10, 4)]
