"""Fixtures for the strategy tracker's service, dashboard and public pages: a small plan in the
test region (one version from 2019, goal SG1 with milestone M1 and a deliverable milestone M2,
standing target T1 "two meetings a year with the regional authority")."""

import datetime
import zoneinfo

import pytest

from inducult.engagement.enums import EngagementKind, EngagementStatus, Visibility
from inducult.network.enums import OrganisationKind
from tests.factories import (
    CountRuleFactory,
    DeliverableRuleFactory,
    EngagementFactory,
    EngagementParticipantFactory,
    MilestoneFactory,
    OrganisationFactory,
    StrategicGoalFactory,
    StrategyFactory,
    StrategyVersionFactory,
)

PRAGUE = zoneinfo.ZoneInfo("Europe/Prague")
BILATERAL = EngagementKind.BILATERAL_MEETING.value


def at(year, month, day, hour=10, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=PRAGUE)


@pytest.fixture
def plan(region):
    """The plan; M1 wants 3 bilateral meetings in 2024, T1 2 meetings with the Region every year."""
    strategy = StrategyFactory(region=region, title="Živá průmyslová kultura")
    version = StrategyVersionFactory(strategy=strategy, label="Original", valid_from=datetime.date(2019, 1, 1))
    goal = StrategicGoalFactory(version=version, code="SG1", title="Find the potential", order=1)
    m1 = MilestoneFactory(version=version, code="M1", title="Three bilateral meetings", first_year=2024, last_year=2024)
    m1.goals.add(goal)
    CountRuleFactory(milestone=m1, kinds=[BILATERAL], minimum=3, first_year=2024, last_year=2024)
    m2 = MilestoneFactory(version=version, code="M2", title="New priorities", first_year=2024, last_year=2024)
    m2.goals.add(goal)
    DeliverableRuleFactory(milestone=m2, key="priorities", title="Priorities", due_date=datetime.date(2024, 6, 30))
    t1 = MilestoneFactory(
        version=version,
        code="T1",
        title="Two meetings a year with the Region",
        first_year=2019,
        last_year=None,
        is_standing_target=True,
    )
    CountRuleFactory(
        milestone=t1,
        kinds=[BILATERAL, EngagementKind.ROUND_TABLE.value],
        minimum=2,
        first_year=2019,
        last_year=None,
        organisation_kind=OrganisationKind.REGIONAL_AUTHORITY.value,
    )
    return version


@pytest.fixture
def authority(region):
    return OrganisationFactory(
        region=region, name="Krajský úřad", kind=OrganisationKind.REGIONAL_AUTHORITY.value, town="Karlovy Vary"
    )


@pytest.fixture
def meeting(region):
    """A factory of engagements in the test region (held bilateral meetings unless told otherwise)."""

    def make(starts_at, *, kind=BILATERAL, held=True, public=False, with_org=None, **kwargs):
        engagement = EngagementFactory(
            region=region,
            kind=kind,
            status=EngagementStatus.HELD if held else EngagementStatus.PLANNED,
            starts_at=starts_at,
            visibility=Visibility.PUBLIC if public else Visibility.INTERNAL,
            **kwargs,
        )
        if with_org is not None:
            EngagementParticipantFactory(engagement=engagement, organisation=with_org)
        return engagement

    return make
