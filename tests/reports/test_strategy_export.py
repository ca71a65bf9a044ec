"""The strategy version in force as a document: vision, goals, milestones with their rules in words."""

import datetime
import io

import pytest
from docx import Document

from inducult.reports.services import annual, strategy_export
from tests.factories import (
    CountRuleFactory,
    DeliverableRuleFactory,
    MilestoneFactory,
    StrategicGoalFactory,
    StrategyFactory,
    StrategyVersionFactory,
)

pytestmark = pytest.mark.django_db


def test_export_of_an_actualisation_names_what_it_actualises_and_describes_rules(region):
    strategy = StrategyFactory(region=region, title="Živá průmyslová kultura")
    original = StrategyVersionFactory(strategy=strategy, label="Original", valid_from=datetime.date(2019, 1, 1))
    current = StrategyVersionFactory(
        strategy=strategy,
        label="2022 actualisation",
        valid_from=datetime.date(2022, 1, 1),
        based_on=original,
        vision="The region lives its industrial culture",
    )
    goal = StrategicGoalFactory(version=current, code="SG1", title="Find the potential", order=1)
    milestone = MilestoneFactory(
        version=current, code="M8", title="Second actualisation", first_year=2025, last_year=None
    )
    milestone.goals.add(goal)
    CountRuleFactory(milestone=milestone, minimum=5, first_year=2025, last_year=None)
    DeliverableRuleFactory(
        milestone=milestone, key="update", title="Updated strategy", due_date=datetime.date(2025, 6, 30)
    )
    StrategyVersionFactory(strategy=strategy, label="Future", valid_from=datetime.date(2099, 1, 1))

    version = strategy_export.version_in_force(region)
    document = strategy_export.build_export(region, version, language="en")
    docx = Document(io.BytesIO(annual.render(document, "docx")))

    assert version == current
    text = "\n".join(p.text for p in docx.paragraphs)
    assert "This version is an actualisation of version Original" in text
    assert "Version 2022 actualisation, in force from" in text
    assert "The region lives its industrial culture" in text
    goals = document.table("goals")
    assert goals.rows == (("SG1", "Find the potential", "—"),)
    milestones = document.table("milestones")
    assert milestones.rows[0][:4] == ("M8", "Second actualisation", "SG1", "2025 and later")
    assert milestones.rows[0][4] == (
        "≥ 5 × Bilateral meeting a year, 2025 and later\nDeliverable “Updated strategy” (update) due 2025-06-30"
    )
    cells = [c.text for t in docx.tables for r in t.rows for c in r.cells]
    assert "M8" in cells and "SG1" in cells
