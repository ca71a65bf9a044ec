"""Every status states its reason (issue #14): the domain names the clause that decided it and the
facts behind it (held, needed, days left, planned), and one sentence words them in cs, en and de.

The case of the issue: on 7 December, M11 and T2 at 3 of 5 read "on track" while T3 at 1 of 2 read
"at risk", with nothing saying why. The rule is (d) of the engine: planned meetings never count, but
when those still ahead cover what is missing the rule stays on track. The reason now says so.
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from inducult.strategy.domain.progress import (
    Basis,
    CountRule,
    DeliverableFact,
    DeliverableRule,
    EngagementFact,
    Status,
    evaluate,
    explain,
    explain_milestone,
)
from inducult.strategy.services.reasons import reason_sentence, reason_translations

PRAGUE = ZoneInfo("Europe/Prague")
FIVE_BILATERAL = CountRule(kinds=frozenset({"bilateral_meeting"}), minimum=5, first_year=2021, last_year=None)
TWO_WITH_REGION = CountRule(
    kinds=frozenset({"bilateral_meeting", "round_table"}),
    minimum=2,
    first_year=2019,
    last_year=None,
    organisation_kind="regional_authority",
)
SEVENTH_DECEMBER = datetime(2026, 12, 7, 10, 0, tzinfo=PRAGUE)


def held(id, month, day=10, **kwargs):
    return EngagementFact(
        id=id, kind="bilateral_meeting", starts_at=datetime(2026, month, day, 10, tzinfo=PRAGUE), held=True, **kwargs
    )


def planned(id, month, day, **kwargs):
    return EngagementFact(
        id=id, kind="bilateral_meeting", starts_at=datetime(2026, month, day, 10, tzinfo=PRAGUE), held=False, **kwargs
    )


def rule_of(rules, engagements, *, now=SEVENTH_DECEMBER, year=2026, deliverables=()):
    (rule,) = evaluate(rules, engagements, deliverables, year=year, tz=PRAGUE, now=now).rules
    return rule


def english(reason):
    with translation.override("en"):
        return reason_sentence(reason)


# --- the domain: which clause decided, and the facts ------------------------------------------


def test_7_december_three_of_five_with_two_planned_in_december_is_on_track_because_of_the_planned():
    log = [held(1, 2), held(2, 5), held(3, 9), planned(4, 12, 10), planned(5, 12, 15)]
    rule = rule_of([FIVE_BILATERAL], log)

    reason = explain(rule)
    assert (reason.status, reason.basis) == (Status.ON_TRACK, Basis.PLANNED)
    # Planned ones never count: 3 held, 2 needed, 24 days to 31 December, 2 planned still ahead.
    assert (reason.held, reason.target, reason.needed, reason.days_left, reason.planned) == (3, 5, 2, 24, 2)
    assert reason.projected == 3  # the pace so far alone would not do
    assert english(reason) == "3 of 5 held; 2 more needed in 24 days; 2 planned: on track"


def test_7_december_one_planned_for_two_missing_is_at_risk_and_says_so():
    log = [held(1, 2), held(2, 5), held(3, 9), planned(4, 12, 10)]
    reason = explain(rule_of([FIVE_BILATERAL], log))

    assert (reason.status, reason.basis, reason.planned) == (Status.AT_RISK, Basis.SHORT, 1)
    assert english(reason) == "3 of 5 held; 2 more needed in 24 days; 1 planned: at risk"


def test_7_december_one_of_two_with_the_region_and_nothing_planned_is_at_risk():
    region = frozenset({"regional_authority"})
    log = [held(1, 3, organisation_kinds=region), planned(9, 12, 10)]  # planned, but not with the Region
    reason = explain(rule_of([TWO_WITH_REGION], log))

    assert (reason.status, reason.basis, reason.held, reason.needed, reason.planned) == (
        Status.AT_RISK,
        Basis.SHORT,
        1,
        1,
        0,
    )
    assert english(reason) == "1 of 2 held; 1 more needed in 24 days; none planned: at risk"


def test_a_planned_meeting_already_past_on_7_december_neither_counts_nor_helps():
    log = [held(1, 2), held(2, 5), held(3, 9), planned(4, 12, 1), planned(5, 12, 3)]
    reason = explain(rule_of([FIVE_BILATERAL], log))

    assert (reason.status, reason.held, reason.planned) == (Status.AT_RISK, 3, 0)


@pytest.mark.parametrize(
    ("now", "held_count", "basis"),
    [
        (datetime(2026, 7, 1, 12, tzinfo=PRAGUE), 3, Basis.PACE),  # 3 by July projects to 6
        (datetime(2026, 8, 15, 12, tzinfo=PRAGUE), 1, Basis.MONTHS_LEFT),  # 4 missing, 4 whole months left
        (datetime(2026, 1, 20, 12, tzinfo=PRAGUE), 0, Basis.JANUARY),  # 15 missing: only January saves it
    ],
)
def test_on_track_names_the_first_clause_that_holds(now, held_count, basis):
    rule = (
        FIVE_BILATERAL
        if basis != Basis.JANUARY
        else CountRule(kinds=FIVE_BILATERAL.kinds, minimum=15, first_year=2021, last_year=None)
    )
    log = [held(i + 1, 1, 2 + i) for i in range(held_count)]
    reason = explain(rule_of([rule], log, now=now))
    assert (reason.status, reason.basis) == (Status.ON_TRACK, basis)


def test_reasons_of_the_other_statuses():
    over = explain(rule_of([FIVE_BILATERAL], [held(1, 3)], now=datetime(2027, 1, 2, tzinfo=PRAGUE)))
    assert (over.status, over.basis, over.days_left) == (Status.MISSED, Basis.YEAR_OVER, None)
    assert english(over) == "1 of 5 held by 31 December 2026: missed"

    reached = explain(rule_of([FIVE_BILATERAL], [held(i, 2, i) for i in range(1, 6)]))
    assert (reached.basis, english(reached)) == (Basis.REACHED, "5 of 5 held: achieved")

    ahead = explain(rule_of([FIVE_BILATERAL], [], year=2027))
    assert (ahead.status, english(ahead)) == (Status.NOT_STARTED, "Counting starts on 1 January 2027: not started")


def test_reasons_of_a_deliverable():
    rule = DeliverableRule(key="plan", due=date(2026, 12, 31))
    due_soon = explain(rule_of([rule], []))
    assert (due_soon.status, due_soon.basis, due_soon.days_left) == (Status.AT_RISK, Basis.DUE_SOON, 24)
    assert english(due_soon) == "Not delivered yet, due in 24 days: at risk"

    late = DeliverableFact(id=1, rule_key="plan", dated=date(2027, 1, 5), evidence="https://example.org/plan.pdf")
    delivered = explain(rule_of([rule], [], now=datetime(2027, 2, 1, tzinfo=PRAGUE), deliverables=[late]))
    assert english(delivered) == "Delivered after the due date 31 December 2026: achieved"


def test_a_milestone_s_reason_is_its_deciding_rule_s():
    region = frozenset({"regional_authority"})
    log = [held(1, 2, organisation_kinds=region), held(2, 5), held(3, 9), planned(4, 12, 10), planned(5, 12, 15)]
    milestone = evaluate([FIVE_BILATERAL, TWO_WITH_REGION], log, (), year=2026, tz=PRAGUE, now=SEVENTH_DECEMBER)

    assert milestone.status == Status.AT_RISK
    assert explain_milestone(milestone) == explain(milestone.rules[1])


def test_the_sentence_is_in_czech_and_german_too():
    log = [held(1, 2), held(2, 5), held(3, 9), planned(4, 12, 10)]
    sentences = reason_translations(explain(rule_of([FIVE_BILATERAL], log)))

    assert set(sentences) == {"cs", "en", "de"}
    assert sentences["en"] == "3 of 5 held; 2 more needed in 24 days; 1 planned: at risk"
    assert sentences["cs"] != sentences["en"] and sentences["de"] != sentences["en"]
    for language in ("cs", "de"):
        assert "24" in sentences[language] and "3" in sentences[language]
