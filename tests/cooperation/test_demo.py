"""The demo's cooperations: loaded through the business actions, labelled, and idempotent."""

import datetime
from collections import Counter
from functools import partial

import pytest

from inducult.cooperation import demo
from inducult.cooperation.models import Cooperation, CooperationActivity
from inducult.core.models import AuditEntry
from inducult.demo import cooperation_records, records
from inducult.engagement.enums import EngagementKind
from inducult.network.demo import load_organisations
from inducult.network.enums import OrganisationKind
from inducult.regions.demo import ensure_region
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2025, 6, 1)


# The cooperation loader with the demo's cooperations, as the demo loads them.
load_cooperation = partial(
    demo.load_cooperation,
    records=cooperation_records.COOPERATIONS,
    partners={cooperation_records.DESIGNERS_KEY: cooperation_records.DESIGNERS},
    titles=cooperation_records.TITLES,
)


@pytest.fixture
def organisations(region):
    def org(name, kind, town=""):
        return OrganisationFactory(region=region, name=name, kind=kind, town=town, is_sample=False)

    return {
        "isste-sokolov": org("ISŠTE Sokolov", OrganisationKind.SCHOOL, "Sokolov"),
        "sps-loket": org("Střední průmyslová škola Loket", OrganisationKind.SCHOOL, "Loket"),
        "KV052": org("Hnědouhelné lomy Jiří a Družba", OrganisationKind.ENTERPRISE),
        "amati-denak": org("Amati-Denak", OrganisationKind.ENTERPRISE, "Kraslice"),
        "thun-1794": org("Thun 1794 a.s.", OrganisationKind.ENTERPRISE),  # no source states its seat
        "depo2015": org("DEPO2015 – kreativní zóna", OrganisationKind.CREATIVE, "Plzeň"),
        "KV022": org("Sklárna a muzeum Moser", OrganisationKind.ENTERPRISE, "Karlovy Vary"),
    }


def test_load_cooperation_writes_the_records_and_is_idempotent(region, organisations):
    first = load_cooperation(region=region, organisations=organisations, today=TODAY)
    assert first["cooperations_created"] == 5
    assert first["activities_created"] == 8
    assert first["organisations_created"] == 1
    entries = AuditEntry.objects.count()
    second = load_cooperation(region=region, organisations=organisations, today=TODAY)
    assert {k: v for k, v in second.items() if k.endswith(("_created", "_updated"))} == dict.fromkeys(
        (
            "organisations_created",
            "cooperations_created",
            "cooperations_updated",
            "activities_created",
            "activities_updated",
        ),
        0,
    )
    assert AuditEntry.objects.count() == entries
    assert Cooperation.objects.count() == 5


def test_demo_records_are_labelled_and_sourced(region, organisations):
    load_cooperation(region=region, organisations=organisations, today=TODAY)
    assert all(c.source for c in Cooperation.objects.all())
    assert all(a.source for a in CooperationActivity.objects.all())
    school = Cooperation.objects.filter(kind="school_enterprise")
    assert school.count() == 3 and all(c.is_sample for c in school)
    design = Cooperation.objects.get(partner_b=organisations["thun-1794"])
    assert design.is_sample is False
    assert "Holky z porcelánu" in design.note
    assert design.partner_a.kind == OrganisationKind.CREATIVE
    workshop = design.activities.get()
    assert workshop.is_sample is True  # the date is made up
    assert workshop.engagement.kind == EngagementKind.WORKSHOP
    assert workshop.engagement.is_sample is True
    assert all(a.engagement.status == "held" for a in CooperationActivity.objects.all())


def test_a_missing_organisation_skips_its_records(region, organisations):
    del organisations["amati-denak"]
    counts = load_cooperation(region=region, organisations=organisations, today=TODAY)
    assert counts["skipped"] == 1
    assert counts["cooperations_created"] == 4


def test_load_cooperation_on_the_demo_region():
    region, _ = ensure_region(records.REGION)
    organisations = load_organisations(region=region, records=records.organisation_records(), counts=Counter())
    counts = load_cooperation(region=region, organisations=organisations, today=TODAY)
    assert counts["skipped"] == 0
    assert counts["cooperations"] == 5
    assert counts["activities"] == 8
