"""The demo plan loaded over the demo's own organisations."""

import datetime

import pytest

from inducult.actionplan import demo
from inducult.actionplan.models import Activity
from inducult.demo import actionplan_records, records
from inducult.network.models import Organisation

# A fixed "today" for the matcher and the lateness checks.
TODAY = datetime.date(2026, 3, 15)


def demo_organisations(region, *, leave_out=()) -> dict[str, Organisation]:
    """The demo's organisations the action plan names, created as the demo loader would."""
    wanted = {key for record in actionplan_records.ACTIVITIES for key, _name in record.responsible} - set(leave_out)
    return {
        record.key: Organisation.objects.create(region=region, **record.data)
        for record in records.organisation_records()
        if record.key in wanted
    }


def load_action_plan(*, region, organisations, today) -> dict[str, int]:
    """The action plan's loader with the demo's plan (sample calls dated from ``today``)."""
    plan = actionplan_records.plan(today)
    return demo.load_action_plan(region=region, organisations=organisations, record=plan, today=today)


@pytest.fixture
def demo_plan(region):
    organisations = demo_organisations(region)
    counts = load_action_plan(region=region, organisations=organisations, today=TODAY)
    return {"organisations": organisations, "counts": counts}


@pytest.fixture
def design_park(demo_plan, region):
    return Activity.objects.get(region=region, external_id="ap-wp4-01")
