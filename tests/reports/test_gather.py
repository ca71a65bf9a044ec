"""Reading the facts of a region-year takes the same number of queries whatever the data's size."""

import datetime
import zoneinfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from inducult.actionplan.models import Activity, Indicator
from inducult.reports.presentation.context import Figures
from inducult.reports.services import annual
from tests.factories import EngagementFactory, EngagementParticipantFactory, OrganisationFactory

pytestmark = pytest.mark.django_db
PRAGUE = zoneinfo.ZoneInfo("Europe/Prague")


def _add(region, n: int) -> None:
    organisations = [OrganisationFactory(region=region) for _ in range(3)]
    for i in range(n):
        engagement = EngagementFactory(region=region, starts_at=datetime.datetime(2024, 1 + i % 12, 5, tzinfo=PRAGUE))
        for organisation in organisations[: 1 + i % 3]:
            EngagementParticipantFactory(engagement=engagement, organisation=organisation)
        activity = Activity.objects.create(
            region=region,
            work_package="WP2",
            title=f"Activity {i}",
            starts_on=datetime.date(2024, 1, 1),
            ends_on=datetime.date(2025, 6, 30),
        )
        Indicator.objects.create(activity=activity, name="Visitors", target=100, achieved=i)


def _queries(region) -> tuple[int, annual.ctx.ReportContext]:
    with CaptureQueriesContext(connection) as captured:
        report = annual.build_report(region, 2024, "en")
    return len(captured), report


def test_report_reads_a_fixed_number_of_queries(region):
    _add(region, 2)
    small, report = _queries(region)
    _add(region, 12)
    large, report = _queries(region)

    assert large == small
    figures = next(b for b in report.section("summary").blocks if isinstance(b, Figures))
    assert figures.rows[0] == ("Held engagements", "14")
    assert len(report.table("activities").rows) == 14
    assert len(report.table("indicators").rows) == 14
    assert len(report.table("next_activities").rows) == 14
