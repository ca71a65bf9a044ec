"""The demo's practices: Karlovy Vary's own, private; a partner region sharing exactly one."""

from functools import partial

import pytest

from inducult.core.models import AuditEntry
from inducult.demo import practice_records
from inducult.demo.practice_records import KARLOVY_VARY, PARTNER
from inducult.practices import demo
from inducult.practices.models import GoodPractice
from inducult.practices.services import library
from inducult.regions.models import Region
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


# The practices' loader with the demo's practices and partner region, as the demo loads them.
load_practices = partial(
    demo.load_practices,
    records=KARLOVY_VARY,
    partner_region=practice_records.PARTNER_REGION,
    partner_records=(PARTNER,),
)


@pytest.fixture
def organisations(region):
    return {
        "ksmas-kk": OrganisationFactory(region=region, name="Krajské sdružení MAS Karlovarského kraje, z.s."),
        "amati-denak": OrganisationFactory(region=region, name="Amati-Denak", town="Kraslice"),
    }


def test_load_practices_creates_the_karlovy_vary_practices_private(region, organisations):
    counts = load_practices(region=region, organisations=organisations)

    own = GoodPractice.objects.filter(region=region)
    assert counts == {
        "practices": 5,
        "created": 5,
        "updated": 0,
        "partner_region_created": 1,
        "partner_region_updated": 0,
    }
    assert sorted(own.values_list("external_id", flat=True)) == sorted(r.key for r in KARLOVY_VARY)
    assert not own.filter(shared=True).exists()
    assert all(p.source and not p.is_sample for p in own)
    factory_day = own.get(external_id="kv-open-factory-day")
    assert factory_day.contact_organisation == organisations["amati-denak"]
    assert factory_day.language == "en"
    workshop = own.get(external_id="kv-designers-workshop")
    assert "Klášterci nad Ohří" in workshop.results
    assert workshop.translated_languages == ["en", "de"]
    assert workshop.translated_by_us() == {"de": "cs"}
    assert factory_day.translated_by_us() == {"de": "en"}


def test_load_practices_partner_region_shares_exactly_one(region, organisations):
    load_practices(region=region, organisations=organisations)

    partner = Region.objects.get(slug="saxony")
    assert partner.country == "DE"
    practices = GoodPractice.objects.filter(region=partner)
    assert practices.count() == 1
    assert practices.filter(shared=True).count() == 1
    assert practices.get().external_id == PARTNER.key
    assert GoodPractice.objects.filter(shared=True).count() == 1


def test_load_practices_shared_practice_appears_in_the_karlovy_vary_library(region, organisations, coordinator):
    load_practices(region=region, organisations=organisations)

    visible = library.visible_practices(coordinator, region)
    assert visible.count() == 5
    assert visible.exclude(region=region).get().title == "Week of Open Companies in Saxony"


def test_load_practices_is_idempotent(region, organisations):
    load_practices(region=region, organisations=organisations)
    entries = AuditEntry.objects.count()

    counts = load_practices(region=region, organisations=organisations)

    assert counts["created"] == 0
    assert counts["updated"] == 0
    assert counts["partner_region_created"] == 0
    assert AuditEntry.objects.count() == entries
    assert GoodPractice.objects.count() == 5
    assert Region.objects.filter(slug="saxony").count() == 1


def test_load_practices_brings_a_changed_record_back(region, organisations):
    load_practices(region=region, organisations=organisations)
    partner_practice = GoodPractice.objects.get(external_id=PARTNER.key)
    library.set_shared(practice=partner_practice, actor=None, shared=False)
    GoodPractice.objects.filter(external_id="kv-touring-exhibition").update(title="Edited")

    counts = load_practices(region=region, organisations=organisations)

    assert counts["updated"] == 2
    assert GoodPractice.objects.get(external_id=PARTNER.key).shared is True
    assert GoodPractice.objects.get(external_id="kv-touring-exhibition").title == "Průmyslová putovní výstava"


def test_load_practices_without_the_organisations_leaves_contacts_empty(region):
    load_practices(region=region, organisations={})

    assert not GoodPractice.objects.filter(contact_organisation__isnull=False).exists()
