"""Known answers for the progress engine, mostly in terms of the Karlovy Vary strategy's milestones."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from inducult.strategy.domain.progress import (
    CountRule,
    DeliverableFact,
    DeliverableRule,
    EngagementFact,
    Status,
    evaluate,
    local_year,
    rank,
    validate_rule,
    worst,
)

PRAGUE = ZoneInfo("Europe/Prague")
BILATERAL = frozenset({"bilateral_meeting"})

# Milestone 11: at least five bilateral meetings a year, 2021 and later.
FIVE_BILATERAL = CountRule(kinds=BILATERAL, minimum=5, first_year=2021, last_year=None)
# Milestones 1/5/10: a focus group at least once a year.
FOCUS_GROUP = CountRule(kinds=frozenset({"focus_group"}), minimum=1, first_year=2021, last_year=None)
# Milestone 8: first actualisation of the strategy, in 2020.
ACTUALISATION = DeliverableRule(key="actualisation-1", due=date(2020, 12, 31))


def at(year, month, day, hour=12, minute=0):
    return datetime(year, month, day, hour, minute, tzinfo=PRAGUE)


def meeting(id, when, *, held=True, kind="bilateral_meeting", orgs=(), topics=()):
    return EngagementFact(
        id=id, kind=kind, starts_at=when, held=held, organisation_kinds=frozenset(orgs), topics=frozenset(topics)
    )


def meetings(count, *, year=2025, first_id=1, **kwargs):
    return [meeting(first_id + i, at(year, 1 + i % 12, 10), **kwargs) for i in range(count)]


def progress(rules, engagements=(), deliverables=(), *, year=2025, now):
    return evaluate(rules, engagements, deliverables, year=year, tz=PRAGUE, now=now)


def only(result):
    (rule_progress,) = result.rules
    return rule_progress


# Count rules: the year is over


def test_count_rule_achieved_when_past_year_reached_minimum():
    result = progress([FIVE_BILATERAL], meetings(5), now=at(2026, 3, 1))
    assert result.status == Status.ACHIEVED
    assert only(result).count == 5
    assert only(result).counted_ids == (1, 2, 3, 4, 5)
    assert only(result).remaining == 0
    assert only(result).projected is None


def test_count_rule_missed_when_past_year_fell_short():
    result = progress([FIVE_BILATERAL], meetings(4), now=at(2026, 1, 1, 0, 5))
    assert result.status == Status.MISSED
    assert only(result).remaining == 1
    assert only(result).deadline == date(2025, 12, 31)


def test_count_rule_year_is_over_at_local_midnight_not_utc_midnight():
    # 2026-01-01 00:10 in Prague is still 2025-12-31 23:10 UTC, but the region's year is over.
    now = datetime(2025, 12, 31, 23, 10, tzinfo=UTC)
    assert progress([FIVE_BILATERAL], meetings(4), now=now).status == Status.MISSED
    # Twenty minutes earlier in Prague (22:50 UTC) the year still runs: not missed, but at risk.
    assert progress([FIVE_BILATERAL], meetings(4), now=at(2025, 12, 31, 23, 50)).status == Status.AT_RISK


# Count rules: the current year


def test_count_rule_achieved_mid_year_once_minimum_reached():
    result = progress([FIVE_BILATERAL], meetings(5), now=at(2025, 6, 1))
    assert result.status == Status.ACHIEVED


def test_count_rule_on_track_on_3_january_with_nothing_held():
    result = progress([FIVE_BILATERAL], [], now=at(2025, 1, 3))
    assert result.status == Status.ON_TRACK
    assert only(result).projected == 0
    assert only(result).remaining == 5


def test_count_rule_dashboard_numbers_two_more_by_31_december_pace_reaches_four():
    # 15 September 2025 noon: 257.5 days (less the DST hour) of 365 have passed; 3 / 0.7054 = 4.25.
    result = progress([FIVE_BILATERAL], meetings(3), now=at(2025, 9, 15))
    rule = only(result)
    assert (rule.remaining, rule.deadline, rule.projected) == (2, date(2025, 12, 31), 4)
    # 2 needed in the 3 whole months left (October to December): still on track.
    assert rule.status == Status.ON_TRACK


def test_count_rule_projection_is_exact_at_half_year():
    # Half of 2025 in Prague: 182.5 days after local midnight, i.e. 2 July 12:00 CET = 13:00 CEST.
    result = progress([FIVE_BILATERAL], meetings(2), now=at(2025, 7, 2, 13))
    assert only(result).projected == 4
    result = progress([FIVE_BILATERAL], meetings(2), now=at(2025, 7, 2, 13, 1))
    assert only(result).projected == 3


def test_count_rule_at_risk_when_remaining_exceeds_whole_months_left():
    # 15 August: September to December are 4 whole months; 5 meetings still needed.
    result = progress([FIVE_BILATERAL], [], now=at(2025, 8, 15))
    assert result.status == Status.AT_RISK
    # One meeting held leaves 4 for 4 months: on track again.
    assert progress([FIVE_BILATERAL], meetings(1), now=at(2025, 8, 15)).status == Status.ON_TRACK


def test_focus_group_at_risk_from_1_december():
    assert progress([FOCUS_GROUP], [], now=at(2025, 11, 30, 23, 59)).status == Status.ON_TRACK
    assert progress([FOCUS_GROUP], [], now=at(2025, 12, 1, 0, 0)).status == Status.AT_RISK


def test_count_rule_on_track_by_pace_alone():
    # 24 a year: on 1 July 14 held project to 28, although 10 more do not fit into 5 whole months.
    rule = CountRule(kinds=BILATERAL, minimum=24, first_year=2025, last_year=2025)
    result = progress([rule], meetings(14), now=at(2025, 7, 1))
    assert only(result).projected == 28
    assert result.status == Status.ON_TRACK
    result = progress([rule], meetings(10), now=at(2025, 7, 1))
    assert only(result).projected == 20
    assert result.status == Status.AT_RISK


def test_count_rule_with_large_target_on_track_through_january_only():
    rule = CountRule(kinds=BILATERAL, minimum=24, first_year=2025, last_year=2025)
    assert progress([rule], [], now=at(2025, 1, 31, 23, 59)).status == Status.ON_TRACK
    assert progress([rule], [], now=at(2025, 2, 1, 0, 0)).status == Status.AT_RISK


# Rule (d): planned engagements still ahead that cover the rest


def test_count_rule_on_track_on_1_december_when_the_missing_meeting_is_planned():
    engagements = [*meetings(4), meeting(10, at(2025, 12, 10), held=False)]
    rule = only(progress([FIVE_BILATERAL], engagements, now=at(2025, 12, 1, 9)))
    assert rule.status == Status.ON_TRACK
    assert (rule.count, rule.counted_ids, rule.planned_ids) == (4, (1, 2, 3, 4), (10,))
    assert (rule.remaining, rule.scheduled) == (1, 1)
    # Without the planned meeting, the same log is at risk (neither pace nor months left suffice).
    assert only(progress([FIVE_BILATERAL], meetings(4), now=at(2025, 12, 1, 9))).status == Status.AT_RISK


def test_planned_meeting_dated_before_now_does_not_help():
    # Planned for 30 November and never marked held: overdue, so no sign that the target will be met.
    engagements = [*meetings(4), meeting(10, at(2025, 11, 30), held=False)]
    rule = only(progress([FIVE_BILATERAL], engagements, now=at(2025, 12, 1, 9)))
    assert (rule.status, rule.scheduled, rule.planned_ids) == (Status.AT_RISK, 0, (10,))


def test_planned_meeting_at_exactly_now_still_helps():
    engagements = [*meetings(4), meeting(10, at(2025, 12, 1, 9), held=False)]
    rule = only(progress([FIVE_BILATERAL], engagements, now=at(2025, 12, 1, 9)))
    assert (rule.status, rule.scheduled) == (Status.ON_TRACK, 1)


def test_planned_meeting_in_the_next_year_does_not_help():
    # 1 January 2026 00:10 in Prague is 2025-12-31 23:10 UTC: still ahead, but in the region's next year.
    engagements = [*meetings(4), meeting(10, datetime(2025, 12, 31, 23, 10, tzinfo=UTC), held=False)]
    rule = only(progress([FIVE_BILATERAL], engagements, now=at(2025, 12, 1, 9)))
    assert (rule.status, rule.scheduled, rule.planned_ids) == (Status.AT_RISK, 0, ())


def test_planned_meetings_must_cover_all_that_is_missing():
    planned = [meeting(10, at(2025, 12, 10), held=False), meeting(11, at(2025, 12, 17), held=False)]
    assert progress([FIVE_BILATERAL], [*meetings(3), planned[0]], now=at(2025, 12, 1)).status == Status.AT_RISK
    assert progress([FIVE_BILATERAL], [*meetings(3), *planned], now=at(2025, 12, 1)).status == Status.ON_TRACK


def test_planned_meeting_of_another_sort_does_not_help():
    regional = CountRule(
        kinds=BILATERAL, minimum=2, first_year=2021, last_year=None, organisation_kind="regional_authority"
    )
    engagements = [
        meeting(1, at(2025, 10, 20), orgs={"regional_authority"}),
        meeting(10, at(2025, 12, 10), held=False, orgs={"museum"}),
        meeting(11, at(2025, 12, 11), held=False, kind="focus_group", orgs={"regional_authority"}),
    ]
    rule = only(progress([regional], engagements, now=at(2025, 12, 1)))
    assert (rule.status, rule.scheduled) == (Status.AT_RISK, 0)


def test_planned_meetings_do_not_change_past_or_future_years():
    planned_2025 = meeting(10, at(2025, 12, 10), held=False)
    assert progress([FIVE_BILATERAL], [*meetings(4), planned_2025], now=at(2026, 1, 2)).status == Status.MISSED
    assert progress([FIVE_BILATERAL], [planned_2025], now=at(2024, 12, 1)).status == Status.NOT_STARTED


# What counts


def test_planned_engagements_are_listed_but_never_counted():
    engagements = [*meetings(2), meeting(10, at(2025, 11, 5), held=False), meeting(11, at(2025, 3, 1), held=False)]
    rule = only(progress([FIVE_BILATERAL], engagements, now=at(2025, 10, 1)))
    assert rule.count == 2
    assert rule.counted_ids == (1, 2)
    assert rule.planned_ids == (10, 11)


def test_held_engagement_dated_after_now_counts():
    # The log is the truth: a meeting marked held counts even if its date lies ahead.
    rule = only(progress([FOCUS_GROUP], [meeting(1, at(2025, 11, 1), kind="focus_group")], now=at(2025, 3, 1)))
    assert (rule.status, rule.counted_ids) == (Status.ACHIEVED, (1,))


def test_engagements_of_other_kinds_are_not_counted():
    engagements = [meeting(1, at(2025, 2, 1), kind="focus_group"), meeting(2, at(2025, 2, 2))]
    assert only(progress([FIVE_BILATERAL], engagements, now=at(2025, 3, 1))).counted_ids == (2,)


def test_count_rule_with_several_kinds_counts_each():
    rule = CountRule(
        kinds=frozenset({"partner_meeting", "video_conference"}), minimum=1, first_year=2020, last_year=2020
    )
    engagements = [
        meeting(1, at(2020, 5, 1), kind="partner_meeting"),
        meeting(2, at(2020, 6, 1), kind="video_conference"),
        meeting(3, at(2020, 7, 1), kind="focus_group"),
    ]
    assert only(progress([rule], engagements, year=2020, now=at(2021, 1, 2))).counted_ids == (1, 2)


def test_organisation_kind_filter_counts_only_meetings_with_the_regional_authority():
    # Milestone 4: at least two meetings a year with the Karlovy Vary Region.
    rule = CountRule(
        kinds=BILATERAL, minimum=2, first_year=2019, last_year=2019, organisation_kind="regional_authority"
    )
    engagements = [
        meeting(1, at(2019, 3, 1), orgs={"regional_authority", "museum"}),
        meeting(2, at(2019, 4, 1), orgs={"municipality"}),
        meeting(3, at(2019, 5, 1)),
    ]
    result = progress([rule], engagements, year=2019, now=at(2020, 2, 1))
    assert (result.status, only(result).counted_ids) == (Status.MISSED, (1,))


def test_topic_filter_counts_only_meetings_on_the_topic():
    rule = CountRule(kinds=BILATERAL, minimum=1, first_year=2019, last_year=2019, topic="leader_strategy")
    engagements = [
        meeting(1, at(2019, 3, 1), topics={"tourism"}),
        meeting(2, at(2019, 4, 1), topics={"leader_strategy"}),
    ]
    assert only(progress([rule], engagements, year=2019, now=at(2019, 6, 1))).counted_ids == (2,)


def test_engagement_just_before_local_midnight_counts_for_the_old_year():
    late_2025 = meeting(1, at(2025, 12, 31, 23, 30), kind="focus_group")  # 22:30 UTC
    early_2026 = meeting(2, datetime(2025, 12, 31, 23, 10, tzinfo=UTC), kind="focus_group")  # 00:10 in Prague
    now = at(2026, 6, 1)
    assert only(progress([FOCUS_GROUP], [late_2025, early_2026], year=2025, now=now)).counted_ids == (1,)
    assert only(progress([FOCUS_GROUP], [late_2025, early_2026], year=2026, now=now)).counted_ids == (2,)


def test_local_year_uses_the_regions_time_zone():
    assert local_year(datetime(2025, 12, 31, 23, 10, tzinfo=UTC), PRAGUE) == 2026
    assert local_year(datetime(2025, 12, 31, 23, 10, tzinfo=UTC), UTC) == 2025


def test_result_ignores_order_and_repetition_of_facts():
    engagements = meetings(3)
    forwards = progress([FIVE_BILATERAL], engagements, now=at(2025, 6, 1))
    backwards = progress([FIVE_BILATERAL], [*reversed(engagements), engagements[0]], now=at(2025, 6, 1))
    assert forwards == backwards


# Span rules and years without the rule


def test_span_rule_does_not_apply_before_its_first_year():
    result = progress([FIVE_BILATERAL], meetings(5, year=2020), year=2020, now=at(2025, 6, 1))
    assert result.status == Status.NOT_APPLICABLE
    assert only(result).status == Status.NOT_APPLICABLE
    assert only(result).counted_ids == ()


def test_span_rule_applies_to_later_years():
    result = progress([FIVE_BILATERAL], meetings(5, year=2024), year=2024, now=at(2025, 6, 1))
    assert result.status == Status.ACHIEVED


def test_one_year_rule_does_not_apply_to_other_years():
    rule = CountRule(kinds=BILATERAL, minimum=5, first_year=2019, last_year=2019)
    assert progress([rule], [], year=2022, now=at(2025, 6, 1)).status == Status.NOT_APPLICABLE
    assert progress([rule], [], year=2019, now=at(2025, 6, 1)).status == Status.MISSED


def test_milestone_without_rules_is_not_applicable():
    assert progress([], meetings(3), now=at(2025, 6, 1)).status == Status.NOT_APPLICABLE


def test_future_year_is_not_started():
    result = progress([FIVE_BILATERAL], [meeting(1, at(2026, 2, 1))], year=2026, now=at(2025, 6, 1))
    assert result.status == Status.NOT_STARTED
    assert (only(result).count, only(result).projected) == (1, None)


def test_future_year_already_achieved_by_held_log():
    result = progress([FOCUS_GROUP], [meeting(1, at(2026, 2, 1), kind="focus_group")], year=2026, now=at(2025, 6, 1))
    assert result.status == Status.ACHIEVED


# Several rules: all must hold


def test_milestone_is_the_worst_of_its_rules():
    regional = CountRule(
        kinds=BILATERAL, minimum=2, first_year=2021, last_year=None, organisation_kind="regional_authority"
    )
    engagements = meetings(5)  # five bilateral meetings, none with the regional authority
    result = progress([FIVE_BILATERAL, regional], engagements, now=at(2026, 1, 15))
    assert [r.status for r in result.rules] == [Status.ACHIEVED, Status.MISSED]
    assert result.status == Status.MISSED


def test_milestone_achieved_only_when_every_rule_is():
    engagements = [*meetings(5), meeting(6, at(2025, 9, 1), kind="focus_group")]
    assert progress([FIVE_BILATERAL, FOCUS_GROUP], engagements, now=at(2025, 10, 1)).status == Status.ACHIEVED
    assert progress([FIVE_BILATERAL, FOCUS_GROUP], engagements[:5], now=at(2025, 10, 1)).status == Status.ON_TRACK


def test_not_applicable_rules_are_left_out_of_the_milestone_status():
    only_2019 = CountRule(kinds=BILATERAL, minimum=5, first_year=2019, last_year=2019)
    result = progress([only_2019, FOCUS_GROUP], [meeting(1, at(2025, 2, 1), kind="focus_group")], now=at(2025, 6, 1))
    assert result.status == Status.ACHIEVED


# Deliverables


def actualisation(id, dated, evidence="https://example.org/strategy-2020.pdf", key="actualisation-1"):
    return DeliverableFact(id=id, rule_key=key, dated=dated, evidence=evidence)


def test_deliverable_achieved_on_time():
    rule = only(progress([ACTUALISATION], [], [actualisation(7, date(2020, 11, 1))], year=2020, now=at(2021, 3, 1)))
    assert (rule.status, rule.late, rule.deliverable_ids, rule.count, rule.target) == (
        Status.ACHIEVED,
        False,
        (7,),
        1,
        1,
    )
    assert rule.deadline == date(2020, 12, 31)


def test_deliverable_dated_after_due_is_achieved_late():
    rule = only(progress([ACTUALISATION], [], [actualisation(7, date(2021, 2, 1))], year=2020, now=at(2021, 3, 1)))
    assert (rule.status, rule.late) == (Status.ACHIEVED, True)


def test_deliverable_with_an_on_time_fact_is_not_late():
    facts = [actualisation(7, date(2021, 2, 1)), actualisation(3, date(2020, 12, 31))]
    rule = only(progress([ACTUALISATION], [], facts, year=2020, now=at(2021, 3, 1)))
    assert (rule.late, rule.deliverable_ids) == (False, (3, 7))


def test_deliverable_without_evidence_does_not_count():
    facts = [actualisation(7, date(2020, 6, 1), evidence="  "), actualisation(8, date(2020, 6, 1), key="other")]
    rule = only(progress([ACTUALISATION], [], facts, year=2020, now=at(2021, 1, 1, 0, 0)))
    assert (rule.status, rule.deliverable_ids, rule.count) == (Status.MISSED, (), 0)


def test_deliverable_missed_only_after_the_due_day_in_the_region():
    assert progress([ACTUALISATION], year=2020, now=at(2020, 12, 31, 23, 59)).status == Status.AT_RISK
    assert progress([ACTUALISATION], year=2020, now=at(2021, 1, 1, 0, 0)).status == Status.MISSED


def test_deliverable_at_risk_within_60_days_of_due():
    assert progress([ACTUALISATION], year=2020, now=at(2020, 11, 1)).status == Status.AT_RISK  # 60 days
    assert progress([ACTUALISATION], year=2020, now=at(2020, 10, 31)).status == Status.ON_TRACK  # 61 days


def test_deliverable_in_a_future_year_not_started_until_60_days_before():
    rule = DeliverableRule(key="decision", due=date(2026, 2, 15))
    assert progress([rule], year=2026, now=at(2025, 6, 1)).status == Status.NOT_STARTED
    assert progress([rule], year=2026, now=at(2025, 12, 20)).status == Status.AT_RISK


def test_deliverable_applies_only_to_the_year_of_its_due_date():
    result = progress([ACTUALISATION], [], [actualisation(7, date(2020, 6, 1))], year=2021, now=at(2021, 6, 1))
    assert result.status == Status.NOT_APPLICABLE


def test_milestone_with_count_and_deliverable_rules():
    meeting_rule = CountRule(kinds=frozenset({"partner_meeting"}), minimum=1, first_year=2020, last_year=2020)
    facts = [actualisation(7, date(2020, 9, 1))]
    result = progress([ACTUALISATION, meeting_rule], [], facts, year=2020, now=at(2020, 12, 15))
    assert [r.status for r in result.rules] == [Status.ACHIEVED, Status.AT_RISK]
    assert result.status == Status.AT_RISK


# Ranking and validation


def test_worst_orders_statuses_and_ignores_not_applicable():
    assert worst(["achieved", "on_track", "not_started"]) == Status.NOT_STARTED
    assert worst(["on_track", "at_risk", "not_applicable"]) == Status.AT_RISK
    assert worst(["at_risk", "missed"]) == Status.MISSED
    assert worst(["not_applicable"]) == Status.NOT_APPLICABLE
    assert [rank(s) for s in ("missed", "at_risk", "not_started", "on_track", "achieved")] == [0, 1, 2, 3, 4]


def test_unknown_status_is_rejected():
    with pytest.raises(ValueError, match="unknown status 'done'; expected one of: achieved, on_track"):
        worst(["achieved", "done"])
    with pytest.raises(ValueError, match="not_applicable has no rank"):
        rank("not_applicable")


def test_rule_with_minimum_below_one_is_rejected():
    with pytest.raises(ValueError, match="minimum must be at least 1, got 0"):
        CountRule(kinds=BILATERAL, minimum=0, first_year=2021, last_year=None)


def test_rule_ending_before_it_starts_is_rejected():
    with pytest.raises(ValueError, match="last_year 2020 is before first_year 2021"):
        CountRule(kinds=BILATERAL, minimum=1, first_year=2021, last_year=2020)


def test_rule_without_kinds_is_rejected():
    with pytest.raises(ValueError, match="at least one engagement kind"):
        CountRule(kinds=frozenset(), minimum=1, first_year=2021, last_year=None)
    with pytest.raises(ValueError, match="not the string 'focus_group'"):
        CountRule(kinds="focus_group", minimum=1, first_year=2021, last_year=None)


def test_deliverable_rule_without_key_is_rejected():
    with pytest.raises(ValueError, match="non-empty key"):
        DeliverableRule(key=" ", due=date(2020, 12, 31))


def test_naive_engagement_time_is_rejected():
    with pytest.raises(ValueError, match="starts_at of engagement 4 must be timezone-aware"):
        EngagementFact(id=4, kind="focus_group", starts_at=datetime(2025, 3, 1, 10), held=True)


def test_naive_now_is_rejected():
    with pytest.raises(ValueError, match="now must be timezone-aware"):
        evaluate([FOCUS_GROUP], [], [], year=2025, tz=PRAGUE, now=datetime(2025, 3, 1))


def test_same_engagement_id_with_different_data_is_rejected():
    engagements = [meeting(1, at(2025, 3, 1)), meeting(1, at(2025, 3, 1), held=False)]
    with pytest.raises(ValueError, match="engagement 1 is given twice with different data"):
        progress([FIVE_BILATERAL], engagements, now=at(2025, 6, 1))


def test_validate_rule_lists_allowed_kinds():
    allowed = ["focus_group", "bilateral_meeting"]
    validate_rule(FIVE_BILATERAL, allowed_kinds=allowed)
    validate_rule(ACTUALISATION, allowed_kinds=allowed)
    rule = CountRule(kinds=frozenset({"bilateral_meeting", "coffee"}), minimum=1, first_year=2021, last_year=None)
    with pytest.raises(
        ValueError, match=r"unknown engagement kind\(s\): coffee; allowed: bilateral_meeting, focus_group"
    ):
        validate_rule(rule, allowed_kinds=allowed)
