"""A small strategy for the version tests: two goals, a milestone with a count rule and goal links,
a milestone with a deliverable rule (and a deliverable), a standing target on a topic."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from inducult.strategy.models import Milestone, StrategicGoal, StrategyVersion
from tests.factories import (
    CountRuleFactory,
    DeliverableFactory,
    DeliverableRuleFactory,
    MilestoneFactory,
    StrategicGoalFactory,
    StrategyFactory,
    StrategyVersionFactory,
    TopicFactory,
)


@dataclass
class SmallStrategy:
    version: StrategyVersion
    sg1: StrategicGoal
    sg2: StrategicGoal
    m11: Milestone
    m8: Milestone
    t3: Milestone


def small_strategy(region) -> SmallStrategy:
    strategy = StrategyFactory(region=region, title="Živá průmyslová kultura")
    version = StrategyVersionFactory(
        strategy=strategy,
        label="Původní znění",
        valid_from=datetime.date(2019, 1, 1),
        vision="Karlovarský kraj využívá plně potenciálu živé průmyslové kultury",
        notes="Poznámka",
        translations={"label": {"en": "Original"}, "vision": {"en": "The region uses the potential"}},
    )
    sg1 = StrategicGoalFactory(version=version, code="SG1", title="Hledat potenciál", order=1)
    sg2 = StrategicGoalFactory(version=version, code="SG2", title="Organizovat setkání", order=2)
    m11 = MilestoneFactory(
        version=version, code="M11", title="Pět setkání ročně", first_year=2021, last_year=None, order=1
    )
    m11.goals.set([sg1, sg2])
    CountRuleFactory(milestone=m11, order=1, kinds=["bilateral_meeting"], minimum=5, first_year=2021, last_year=None)
    m8 = MilestoneFactory(
        version=version, code="M8", title="První aktualizace", first_year=2020, last_year=2020, order=2
    )
    m8.goals.set([sg2])
    rule = DeliverableRuleFactory(
        milestone=m8, key="first-actualisation", title="První aktualizace", due_date=datetime.date(2020, 12, 31)
    )
    DeliverableFactory(rule=rule)
    t3 = MilestoneFactory(
        version=version,
        code="T3",
        title="Dvě setkání s krajem",
        first_year=2019,
        last_year=None,
        is_standing_target=True,
        order=3,
    )
    CountRuleFactory(
        milestone=t3,
        order=1,
        kinds=["bilateral_meeting", "focus_group"],
        minimum=2,
        first_year=2019,
        last_year=None,
        organisation_kind="regional_authority",
        topic=TopicFactory(region=region, name="porcelán"),
    )
    return SmallStrategy(version, sg1, sg2, m11, m8, t3)
