"""A demo's region: created from its record, brought up to date field by field, audited."""

import pytest

from inducult.core.demo import CREATED, UPDATED
from inducult.core.models import AuditEntry
from inducult.regions.demo import ensure_region
from inducult.regions.models import Region

pytestmark = pytest.mark.django_db

RECORD = {
    "slug": "vogtland",
    "name": "Vogtland",
    "country": "DE",
    "languages": ["de", "en"],
    "default_language": "de",
    "time_zone": "Europe/Berlin",
    "description": "A partner region.",
    "source": "Made up for the test",
}


def _entries(region):
    return AuditEntry.objects.filter(object_type="regions.region", object_id=str(region.pk))


def test_ensure_region_creates_the_region_of_the_record_and_audits_every_field():
    region, outcome = ensure_region(RECORD)

    assert outcome == CREATED
    assert (region.slug, region.name, region.languages, region.time_zone) == (
        "vogtland",
        "Vogtland",
        ["de", "en"],
        "Europe/Berlin",
    )
    (entry,) = _entries(region)
    assert (entry.action, entry.region) == ("create", region)
    assert entry.changes["country"] == [None, "DE"]
    assert set(entry.changes) == {
        "name",
        "country",
        "languages",
        "default_language",
        "time_zone",
        "description",
        "source",
    }


def test_ensure_region_a_second_time_writes_nothing():
    ensure_region(RECORD)
    entries = AuditEntry.objects.count()

    region, outcome = ensure_region(RECORD)

    assert outcome == ""
    assert AuditEntry.objects.count() == entries
    assert Region.objects.filter(slug="vogtland").count() == 1


def test_ensure_region_brings_back_only_the_field_that_differs():
    region, _ = ensure_region(RECORD)
    Region.objects.filter(pk=region.pk).update(name="Renamed")

    region, outcome = ensure_region(RECORD)

    assert outcome == UPDATED
    assert region.name == "Vogtland"
    assert _entries(region).first().changes == {"name": ["Renamed", "Vogtland"]}


def test_ensure_region_keeps_the_slug_and_ignores_fields_it_does_not_write(other_region):
    region, outcome = ensure_region({**RECORD, "slug": other_region.slug, "unknown": "x"})

    assert outcome == UPDATED
    assert region.pk == other_region.pk
    assert region.name == "Vogtland"
