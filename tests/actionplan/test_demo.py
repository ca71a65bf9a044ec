from collections import Counter

import pytest

from inducult.actionplan.models import Activity, FundingCall, FundingInstrument
from inducult.core.models import AuditEntry
from inducult.demo import actionplan_records, records
from inducult.demo.loader import load_demo
from inducult.network.demo import load_organisations
from inducult.regions.models import Region
from tests.actionplan.conftest import TODAY, demo_organisations, load_action_plan

pytestmark = pytest.mark.django_db


def test_demo_plan_first_load_creates_catalogue_calls_and_fifteen_activities(demo_plan, region):
    assert demo_plan["counts"] == {
        "instruments": 9,
        "instruments_created": 9,
        "instruments_updated": 0,
        "calls": 9,
        "calls_created": 9,
        "calls_updated": 0,
        "activities": 15,
        "activities_created": 15,
        "activities_updated": 0,
    }
    assert Activity.objects.filter(region=region).count() == 15
    assert sorted(Activity.objects.filter(region=region).values_list("work_package", flat=True)) == (
        ["WP2"] * 4 + ["WP3"] * 7 + ["WP4"] * 4
    )
    assert FundingInstrument.objects.filter(region=region).count() == 9
    assert AuditEntry.objects.filter(object_type="actionplan.activity", action="create").count() == 15


def test_demo_plan_second_load_writes_nothing(demo_plan, region):
    audit_count = AuditEntry.objects.count()
    versions = dict(Activity.objects.values_list("pk", "version"))

    counts = load_action_plan(region=region, organisations=demo_plan["organisations"], today=TODAY)

    assert counts["instruments_created"] + counts["calls_created"] + counts["activities_created"] == 0
    assert counts["instruments_updated"] + counts["calls_updated"] + counts["activities_updated"] == 0
    assert Activity.objects.count() == 15
    assert FundingCall.objects.count() == 9
    assert AuditEntry.objects.count() == audit_count
    assert dict(Activity.objects.values_list("pk", "version")) == versions


def test_demo_plan_restores_a_changed_activity_by_its_key_not_its_title(demo_plan, region):
    Activity.objects.filter(external_id="ap-wp4-01").update(title="Renamed", status="running")

    counts = load_action_plan(region=region, organisations=demo_plan["organisations"], today=TODAY)

    assert (counts["activities_created"], counts["activities_updated"]) == (0, 1)
    park = Activity.objects.get(external_id="ap-wp4-01")
    assert (park.title, park.status) == ("Kreativní region – Design park", "planned")


def test_demo_design_park_as_the_strategy_states_it(design_park):
    assert design_park.work_package == "WP4"
    assert [o.name for o in design_park.responsible.all()] == ["PROTEBE live, o.s."]
    assert (design_park.starts_on.year, design_park.ends_on.year) == (2019, 2030)
    assert design_park.funding_form == "Dotace, vlastní zdroje"
    assert design_park.translations["title"] == {
        "en": "Creative Region – Design Park",
        "de": "Kreative Region – Design Park",
    }
    assert design_park.translated_by_us() == {"de": "cs"}
    assert design_park.themes == ["creativity", "business"]
    assert design_park.budget is None
    assert design_park.is_sample is False
    assert "section 6" in design_park.source


def test_demo_reconciles_partners_from_both_tables(demo_plan, region):
    plan = Activity.objects.get(region=region, external_id="ap-wp3-01")
    digital = Activity.objects.get(region=region, external_id="ap-wp3-06")
    kraslice = Activity.objects.get(region=region, external_id="ap-wp3-04")

    assert (plan.title, [o.name for o in plan.responsible.all()]) == ("Krajský akční plán 2", ["Karlovarský kraj"])
    assert sorted(o.name for o in digital.responsible.all()) == ["ISŠTE Sokolov", "Krajská hospodářská komora"]
    assert [o.name for o in kraslice.responsible.all()] == ["Město Kraslice"]


def test_demo_keeps_partners_outside_the_registry_as_text(region):
    organisations = demo_organisations(region, leave_out={"protebe-live"})

    load_action_plan(region=region, organisations=organisations, today=TODAY)

    infocentres = Activity.objects.get(region=region, external_id="ap-wp2-01")
    park = Activity.objects.get(region=region, external_id="ap-wp4-01")
    assert infocentres.responsible_text == "infocentra v Karlovarském kraji"
    assert [o.name for o in infocentres.responsible.all()] == ["Mikroregion Sokolov-východ"]
    assert (park.responsible_text, park.responsible.count()) == ("PROTEBE live, o.s.", 0)


def test_demo_links_instruments_named_as_funding_form(demo_plan, region):
    named = {
        a.external_id: sorted(i.external_id for i in a.instruments.all())
        for a in Activity.objects.filter(region=region).prefetch_related("instruments")
    }

    assert named["ap-wp2-01"] == ["op-cz-sn"]
    assert named["ap-wp3-03"] == ["irop"]
    assert named["ap-wp3-05"] == named["ap-wp3-07"] == ["opz"]
    assert named["ap-wp4-01"] == []


def test_demo_calls_are_samples_dated_from_the_load_day(demo_plan):
    calls = FundingCall.objects.all()

    assert {c.is_sample for c in calls} == {True}
    assert all(c.opens_on <= c.closes_on for c in calls)
    assert any(c.is_open_on(TODAY) for c in calls)


def test_demo_moves_a_closed_sample_call_forward(demo_plan, region):
    later = TODAY.replace(year=TODAY.year + 1)

    counts = load_action_plan(region=region, organisations=demo_plan["organisations"], today=later)

    assert counts["calls_updated"] == 9
    assert all(c.closes_on >= later for c in FundingCall.objects.all())


def test_demo_instruments_state_only_what_the_strategy_says(demo_plan, region):
    instruments = FundingInstrument.objects.filter(region=region)

    assert {(i.co_financing_rate, i.starts_on, i.ends_on, i.url) for i in instruments} == {(None, None, None, "")}
    assert {tuple(i.eligible_kinds) for i in instruments} == {()}
    nppcr = instruments.filter(programme=actionplan_records.NPPCR)
    assert nppcr.count() == 2


def test_demo_plan_over_the_full_demo_links_every_partner_the_registry_has():
    load_demo()
    region = Region.objects.get(slug="karlovy-vary")
    organisations = load_organisations(region=region, records=records.organisation_records(), counts=Counter())

    load_action_plan(region=region, organisations=organisations, today=TODAY)

    with_text = Activity.objects.filter(region=region).exclude(responsible_text="")
    assert list(with_text.values_list("external_id", "responsible_text")) == [
        ("ap-wp2-01", "infocentra v Karlovarském kraji")
    ]
    assert all(a.responsible.exists() for a in Activity.objects.filter(region=region))
