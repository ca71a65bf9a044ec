"""Reading the facts of a region-year takes the same number of queries whatever the data's size."""

import datetime
import zoneinfo

import pytest

from inducult.reports.presentation.context import Figures
from inducult.reports.services import annual
from tests.factories import EngagementFactory, EngagementParticipantFactory, IndicatorFactory, OrganisationFactory
from tests.queries import queries_at_two_sizes

pytestmark = pytest.mark.django_db
PRAGUE = zoneinfo.ZoneInfo("Europe/Prague")


def _add(region, n: int) -> None:
    organisations = [OrganisationFactory(region=region) for _ in range(3)]
    for i in range(n):
        engagement = EngagementFactory(region=region, starts_at=datetime.datetime(2024, 1 + i % 12, 5, tzinfo=PRAGUE))
        for organisation in organisations[: 1 + i % 3]:
            EngagementParticipantFactory(engagement=engagement, organisation=organisation)
        IndicatorFactory(
            activity__region=region,
            activity__starts_on=datetime.date(2024, 1, 1),
            activity__ends_on=datetime.date(2025, 6, 30),
            name="Visitors",
            target=100,
            achieved=i,
        )


def test_report_reads_a_fixed_number_of_queries(region):
    measured = queries_at_two_sizes(
        add=lambda n: _add(region, n),
        run=lambda: annual.build_report(region, 2024, "en"),
        sizes=(2, 14),
        at_most=20,
    )

    report = measured.results[1]
    figures = next(b for b in report.section("summary").blocks if isinstance(b, Figures))
    assert figures.rows[0] == ("Held engagements", "14")
    assert len(report.table("activities").rows) == 14
    assert len(report.table("indicators").rows) == 14
    assert len(report.table("next_activities").rows) == 14
