"""The pace line under a count rule ("At the pace so far you will reach 3.") never contradicts its
status: a rule on track although its pace falls short (meetings planned ahead cover the rest) says
why in its reason sentence, and the pace line is left out (issue #14: M11 and T2 read "on track"
and "you will reach 3" of 5 side by side)."""

import datetime

import pytest
from django.utils import translation

from inducult.strategy import models as sm
from inducult.strategy.domain.progress import Basis, RuleProgress, Status
from inducult.strategy.presentation import rule_sentences
from inducult.strategy.services.progress import RuleResult


def sentences(status: Status, basis: Basis, projected: int) -> list[str]:
    progress = RuleProgress(
        rule=None,
        status=status,
        count=3,
        target=5,
        deadline=datetime.date(2026, 12, 31),
        projected=projected,
        scheduled=2,
        basis=basis,
    )
    with translation.override("en"):
        return rule_sentences(RuleResult(rule=sm.CountRule(), progress=progress), 2026)


@pytest.mark.parametrize(
    "status, basis, projected, pace_line",
    [
        (Status.ON_TRACK, Basis.PLANNED, 3, None),  # on track by the meetings planned ahead: no pace line
        (Status.AT_RISK, Basis.SHORT, 3, "At the pace so far you will reach 3."),
        (Status.ON_TRACK, Basis.PACE, 6, "At the pace so far you will reach 6."),
    ],
)
def test_the_pace_line_appears_only_where_it_agrees_with_the_status(status, basis, projected, pace_line):
    said = sentences(status, basis, projected)

    assert said[0] == "2 more engagements needed by 31 December 2026."
    assert [s for s in said if s.startswith("At the pace")] == ([pace_line] if pace_line else [])
