"""The progress service through the database: what counts in which year, which version applies,
and the dashboard's reminders, monthly counts and upcoming list."""

import datetime

import pytest

from inducult.engagement.enums import EngagementKind
from inducult.network.enums import OrganisationKind
from inducult.strategy.domain.progress import Status
from inducult.strategy.services import progress as service
from tests.factories import (
    CountRuleFactory,
    DeliverableFactory,
    EngagementFactory,
    FollowUpTaskFactory,
    MilestoneFactory,
    OrganisationFactory,
    StrategyFactory,
    StrategyVersionFactory,
    TopicFactory,
)
from tests.queries import queries_at_two_sizes
from tests.strategy.conftest import at

pytestmark = pytest.mark.django_db

NOW = at(2024, 7, 1, 12)


def shown_ids(rule_result):
    return [e.id for e in rule_result.shown]


def by_code(progress, code):
    return next(m for m in progress.milestones if m.milestone.code == code)


def test_region_progress_counts_held_meetings_of_the_year(region, plan, meeting):
    meeting(at(2024, 2, 1))
    meeting(at(2024, 3, 1))
    meeting(at(2024, 4, 1), held=False)
    meeting(at(2024, 5, 1), kind=EngagementKind.WORKSHOP.value)
    meeting(at(2023, 5, 1))
    EngagementFactory(starts_at=at(2024, 5, 1))  # another region

    m1 = by_code(service.region_progress(region, 2024, now=NOW), "M1")

    assert (m1.count, m1.target, m1.status) == (2, 3, Status.ON_TRACK)
    assert m1.rules[0].progress.scheduled == 0  # planned ones of a past year are not even read
    assert [e.local_date for e in m1.rules[0].shown] == [datetime.date(2024, 3, 1), datetime.date(2024, 2, 1)]


def test_region_progress_year_starts_at_local_midnight(region, plan, meeting):
    # 23:30 on 31 December in Prague is still 2024 there (22:30 UTC);
    # 00:10 on 1 January in Prague is 2025 there, though still 2024 in UTC.
    late = meeting(at(2024, 12, 31, 23, 30))
    early = meeting(at(2025, 1, 1, 0, 10))

    in_2024 = by_code(service.region_progress(region, 2024, now=at(2026, 1, 5)), "M1")

    assert shown_ids(in_2024.rules[0]) == [late.pk]
    t1_2025 = by_code(service.region_progress(region, 2025, now=at(2026, 1, 5)), "T1")
    assert t1_2025.count == 0  # no regional authority took part
    assert early.pk not in shown_ids(in_2024.rules[0])


def test_region_progress_counts_only_meetings_with_the_rules_organisation_kind(region, plan, meeting, authority):
    museum = OrganisationFactory(region=region, kind=OrganisationKind.MUSEUM.value)
    meeting(at(2024, 2, 1), with_org=authority)
    meeting(at(2024, 3, 1), kind=EngagementKind.ROUND_TABLE.value, with_org=authority)
    meeting(at(2024, 4, 1), with_org=museum)

    t1 = by_code(service.region_progress(region, 2024, now=NOW), "T1")

    assert (t1.count, t1.status) == (2, Status.ACHIEVED)


def test_region_progress_counts_only_meetings_on_the_rules_topic(region, plan, meeting):
    topic = TopicFactory(region=region, name="Spa guests")
    milestone = MilestoneFactory(version=plan, code="M9", first_year=2024, last_year=2024)
    CountRuleFactory(milestone=milestone, kinds=["workshop"], minimum=1, first_year=2024, last_year=2024, topic=topic)
    on_topic = meeting(at(2024, 2, 1), kind="workshop")
    on_topic.topics.add(topic)
    meeting(at(2024, 3, 1), kind="workshop")

    m9 = by_code(service.region_progress(region, 2024, now=NOW), "M9")

    assert (m9.count, shown_ids(m9.rules[0])) == (1, [on_topic.pk])


def test_region_progress_past_year_is_missed_or_achieved(region, plan, meeting):
    meeting(at(2024, 2, 1))
    DeliverableFactory(rule=plan.milestones.get(code="M2").deliverable_rules.get(), dated=datetime.date(2024, 6, 1))

    progress = service.region_progress(region, 2024, now=at(2025, 3, 1))

    assert by_code(progress, "M1").status == Status.MISSED
    assert by_code(progress, "M2").status == Status.ACHIEVED
    assert by_code(progress, "M1").rules[0].progress.projected is None


def test_region_progress_marks_milestones_of_other_years_not_applicable(region, plan):
    progress = service.region_progress(region, 2022, now=NOW)

    assert by_code(progress, "M1").status == Status.NOT_APPLICABLE
    assert (by_code(progress, "M1").count, by_code(progress, "M1").target) == (None, None)
    assert [m.milestone.code for m in progress.standing_targets] == ["T1"]
    assert [m.milestone.code for m in progress.goals[0].milestones] == ["M1", "M2"]


def test_region_progress_uses_the_version_in_force_at_the_end_of_a_past_year(region, plan):
    later = StrategyVersionFactory(strategy=plan.strategy, label="Actualisation", valid_from=datetime.date(2022, 3, 1))

    assert service.region_progress(region, 2021, now=NOW).version == plan
    assert service.region_progress(region, 2022, now=NOW).version == later
    assert service.region_progress(region, 2024, now=NOW).version == later


def test_region_progress_current_year_uses_the_version_in_force_today(region, plan):
    StrategyVersionFactory(strategy=plan.strategy, label="Next", valid_from=datetime.date(2024, 9, 1))

    assert service.region_progress(region, 2024, now=NOW).version == plan


def test_region_progress_without_a_strategy_is_empty(region):
    progress = service.region_progress(region, 2024, now=NOW)

    assert progress.has_strategy is False
    assert progress.milestones == ()


def test_region_progress_before_the_first_version_is_empty(region, plan):
    assert service.region_progress(region, 2018, now=NOW).has_strategy is False


def test_region_progress_of_another_regions_strategy_is_not_used(region, other_region, plan):
    StrategyVersionFactory(strategy=StrategyFactory(region=other_region), valid_from=datetime.date(2018, 1, 1))

    assert service.region_progress(region, 2018, now=NOW).has_strategy is False


def test_region_progress_query_count_does_not_grow_with_the_log(region, plan, meeting, authority):
    topic = TopicFactory(region=region)
    milestone = MilestoneFactory(version=plan, code="M9", first_year=2024, last_year=2024)
    CountRuleFactory(milestone=milestone, kinds=[EngagementKind.BILATERAL_MEETING.value], minimum=1, topic=topic,
                     first_year=2024, last_year=2024)  # fmt: skip
    logged = []

    def add(n):
        for _ in range(n):
            meeting(at(2024, 1, 1) + datetime.timedelta(days=len(logged)), with_org=authority).topics.add(topic)
            logged.append(1)

    measured = queries_at_two_sizes(
        add=add, run=lambda: service.region_progress(region, 2024, now=NOW), sizes=(5, 50), at_most=15
    )

    # The version, its milestones with goals and rules (4), goals, deliverables; the organisations
    # of the kinds rules name, the year's counts, one count per condition (authority, topic); the
    # newest held engagements, their participants and topics, and the titles of those shown.
    assert measured.queries == 15


def test_a_rule_naming_an_organisation_kind_the_region_lacks_counts_nothing(region, plan, meeting, authority):
    milestone = MilestoneFactory(version=plan, code="M9", first_year=2024, last_year=2024)
    CountRuleFactory(milestone=milestone, kinds=[EngagementKind.BILATERAL_MEETING.value], minimum=1,
                     first_year=2024, last_year=2024, organisation_kind=OrganisationKind.MEDIA.value)  # fmt: skip
    meeting(at(2024, 2, 1), with_org=authority)

    progress = service.region_progress(region, 2024, now=NOW)

    assert (by_code(progress, "M9").count, by_code(progress, "M9").rules[0].shown) == (0, ())
    assert by_code(progress, "T1").count == 1


def test_monthly_counts_buckets_by_local_month_and_kind(region, meeting):
    # 31 March 23:30 UTC is 1 April 01:30 in Prague (summer time).
    meeting(datetime.datetime(2024, 3, 31, 23, 30, tzinfo=datetime.UTC))
    meeting(at(2024, 4, 2), kind=EngagementKind.WORKSHOP.value)
    meeting(at(2024, 4, 3), held=False)
    meeting(at(2024, 12, 31, 23, 30))
    meeting(at(2025, 1, 1, 0, 10))
    meeting(at(2024, 1, 1, 0, 10), kind=EngagementKind.WORKSHOP.value)
    # 31 October 23:30 UTC is 1 November 00:30 in Prague (winter time again).
    meeting(datetime.datetime(2024, 10, 31, 23, 30, tzinfo=datetime.UTC))

    counts = service.monthly_counts(region, 2024)

    assert counts[1] == {"workshop": 1}
    assert counts[3] == {}
    assert (counts[10], counts[11]) == ({}, {"bilateral_meeting": 1})
    assert counts[4] == {"bilateral_meeting": 1, "workshop": 1}
    assert counts[12] == {"bilateral_meeting": 1}
    assert sorted(counts) == list(range(1, 13))


def test_upcoming_lists_planned_engagements_from_now_soonest_first(region, meeting):
    later = meeting(at(2024, 9, 1), held=False)
    sooner = meeting(at(2024, 8, 1), held=False)
    meeting(at(2024, 6, 1), held=False)  # planned but past
    meeting(at(2024, 8, 15))  # held

    assert service.upcoming(region, NOW) == [sooner, later]
    assert service.upcoming(region, NOW, limit=1) == [sooner]


def test_reminders_list_overdue_follow_ups_only(region, plan, meeting):
    engagement = meeting(at(2024, 5, 1))
    overdue = FollowUpTaskFactory(engagement=engagement, due_date=datetime.date(2024, 6, 30))
    FollowUpTaskFactory(engagement=engagement, due_date=datetime.date(2024, 7, 1))  # due today
    FollowUpTaskFactory(engagement=engagement, due_date=datetime.date(2024, 6, 1), done_at=NOW)
    FollowUpTaskFactory(engagement=EngagementFactory(), due_date=datetime.date(2024, 1, 1))  # another region

    found = service.reminders(region, now=NOW)

    assert found.overdue_tasks == (overdue,)
    assert found.overdue_total == 1


def test_reminders_name_kinds_and_towns_not_met_in_twelve_months(region, plan, meeting):
    museum = OrganisationFactory(region=region, kind=OrganisationKind.MUSEUM.value, town="Krásno")
    OrganisationFactory(region=region, kind=OrganisationKind.SCHOOL.value, town="Cheb")
    OrganisationFactory(region=region, kind=OrganisationKind.MEDIA.value, town="Aš", archived_at=NOW)
    long_ago = OrganisationFactory(region=region, kind=OrganisationKind.ENTERPRISE.value, town="Sokolov")
    meeting(at(2024, 1, 10), with_org=museum)
    meeting(at(2023, 6, 30), with_org=long_ago)
    meeting(at(2024, 7, 20), held=False, with_org=OrganisationFactory(region=region, kind="lag", town="Loket"))

    found = service.reminders(region, now=NOW)

    assert found.quiet_kinds == ("enterprise", "lag", "school")
    assert found.quiet_towns == ("Cheb", "Loket", "Sokolov")
    assert found.since == datetime.date(2023, 7, 1)


def test_reminders_list_milestones_at_risk_this_year(region, plan):
    # 1 November 2024 with nothing held: three meetings (M1) and two with the Region (T1) no longer
    # fit one a month; the priorities (M2) were due in June, so they are missed, not at risk.
    found = service.reminders(region, now=at(2024, 11, 1))

    assert [m.milestone.code for m in found.at_risk] == ["M1", "T1"]


def test_deleted_engagements_neither_count_nor_remind(region, plan, meeting, authority):
    from inducult.engagement.models import Engagement

    gone = meeting(at(2024, 2, 1), with_org=authority)
    FollowUpTaskFactory(engagement=gone, due_date=datetime.date(2024, 3, 1))
    Engagement.all_objects.filter(pk=gone.pk).update(deleted_at=NOW)

    assert by_code(service.region_progress(region, 2024, now=NOW), "T1").count == 0
    found = service.reminders(region, now=NOW)
    assert found.overdue_total == 0
    assert found.quiet_kinds == ("regional_authority",)
    assert service.monthly_counts(region, 2024)[2] == {}


def test_reminders_can_skip_evaluating_this_year(region, plan):
    found = service.reminders(region, now=at(2024, 11, 1), at_risk=False)

    assert found.at_risk is None


def test_region_progress_without_titles_loads_no_engagement(region, plan, meeting):
    meeting(at(2024, 2, 1))

    m1 = by_code(service.region_progress(region, 2024, now=NOW, titles=False), "M1")

    assert (m1.count, m1.rules[0].shown) == (1, ())
