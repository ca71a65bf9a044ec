"""The annual report's words about the action plan agree with the activities' statuses (issue #14):
the 2019 report of the demo said "14 activities ran" while its table listed them as not started,
and called every one late although nobody had reported on any of them."""

import io

import pytest
from django.core.management import call_command

from inducult.actionplan.models import Activity
from inducult.regions.models import Region
from inducult.reports.services import annual

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("load_demo", stdout=io.StringIO())
    return Region.objects.get(slug="karlovy-vary")


def _summary(report) -> str:
    return report.section("summary").blocks[0].text


def test_2019_report_says_the_activities_were_planned_and_none_reported_running(demo):
    in_2019 = [
        a for a in Activity.objects.filter(region=demo) if a.starts_on and a.starts_on.year <= 2019 <= a.ends_on.year
    ]
    assert in_2019 and all(a.status not in ("running", "done") for a in in_2019)

    report = annual.build_report(demo, 2019, "en")

    n = len(in_2019)
    assert (
        f"{n} activities of the action plan were planned for the year, 0 of them reported running or done"
        in _summary(report)
    )
    assert " ran in the year" not in _summary(report)
    rows = report.table("activities").rows
    assert len(rows) == n
    # Nobody has reported on the demo's activities: "not reported", never "not started on time".
    assert {row[-1] for row in rows} <= {"not reported", "—"}
    assert "not reported" in {row[-1] for row in rows}


def test_the_sentence_counts_what_ran_once_an_activity_is_reported_running(demo):
    activity = Activity.objects.filter(region=demo, starts_on__year__lte=2019, ends_on__year__gte=2019).first()
    Activity.objects.filter(pk=activity.pk).update(status="running")

    summary = _summary(annual.build_report(demo, 2019, "en"))

    assert "1 of them reported running or done" in summary
