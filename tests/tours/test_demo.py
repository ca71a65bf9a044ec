"""The tour planner's demo loader: starting points found again by name, written once, audited."""

from collections import Counter
from decimal import Decimal

import pytest

from inducult.core.models import AuditEntry
from inducult.demo import site_records
from inducult.tours.demo import TourStartRecord, load_tour_starts
from inducult.tours.models import TourStart

pytestmark = pytest.mark.django_db

CENTRE = TourStartRecord(
    name="Cheb – centrum",
    data={"latitude": Decimal("50.079500"), "longitude": Decimal("12.370000"), "source": "Test"},
)


def test_load_tour_starts_writes_a_start_once_and_brings_a_moved_one_back(region):
    counts = Counter()
    load_tour_starts(region=region, records=[CENTRE], counts=counts)
    load_tour_starts(region=region, records=[CENTRE], counts=counts)
    TourStart.objects.update(latitude=Decimal("50"))

    load_tour_starts(region=region, records=[CENTRE], counts=counts)

    start = TourStart.objects.get()
    assert (start.name, start.latitude) == ("Cheb – centrum", Decimal("50.079500"))
    assert counts == {"tour_starts_created": 1, "tour_starts_updated": 1}
    assert list(AuditEntry.objects.filter(object_type="tours.tourstart").values_list("action", flat=True)) == [
        "change",
        "create",
    ]


def test_demo_tour_start_is_karlovy_vary_town_centre_with_its_source(region):
    load_tour_starts(region=region, records=site_records.tour_starts(), counts=Counter())

    start = TourStart.objects.get()
    assert start.name == "Karlovy Vary – centrum"
    assert start.localized("name", "de") == "Karlovy Vary Zentrum"
    assert start.source.startswith("Town centre as given in Reference list karlovy-vary-sites.csv, row ")
