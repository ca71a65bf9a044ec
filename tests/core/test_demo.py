"""The kernel's demo writing: what differs, and the audited find, create or update of a record."""

from collections import Counter
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from inducult.core.demo import CREATED, UPDATED, differences, ensure_record, tally
from inducult.core.models import AuditEntry
from inducult.tours.models import TourStart
from tests.factories import MilestoneFactory, StrategicGoalFactory

pytestmark = pytest.mark.django_db

START = {"latitude": Decimal("50.230000"), "longitude": Decimal("12.870000"), "source": "Town centre"}


def _entries(instance):
    return AuditEntry.objects.filter(object_type=instance._meta.label_lower, object_id=str(instance.pk))


def test_differences_names_only_the_fields_that_differ(region):
    start = TourStart.objects.create(region=region, name="Centrum", **START)

    assert differences(start, {**START, "source": "Elsewhere"}) == {"source": "Elsewhere"}
    assert differences(start, START) == {}


def test_ensure_record_creates_validates_and_audits_what_it_wrote(region):
    start, outcome = ensure_record(TourStart, lookup={"region": region, "name": "Centrum"}, data=START, region=region)

    assert outcome == CREATED
    assert (start.name, start.latitude, start.source) == ("Centrum", Decimal("50.230000"), "Town centre")
    (entry,) = _entries(start)
    assert (entry.action, entry.region, entry.actor_name) == ("create", region, "")
    # Empty values are left out of a created record's entry.
    assert entry.changes == {
        "latitude": [None, "50.230000"],
        "longitude": [None, "12.870000"],
        "source": [None, "Town centre"],
    }


def test_ensure_record_refuses_an_invalid_record(region):
    with pytest.raises(ValidationError, match="latitude"):
        ensure_record(
            TourStart, lookup={"region": region, "name": "Far"}, data={**START, "latitude": 91}, region=region
        )

    assert not TourStart.objects.exists()


def test_ensure_record_writes_nothing_when_nothing_differs(region):
    ensure_record(TourStart, lookup={"region": region, "name": "Centrum"}, data=START, region=region)
    entries = AuditEntry.objects.count()

    start, outcome = ensure_record(TourStart, lookup={"region": region, "name": "Centrum"}, data=START, region=region)

    assert outcome == ""
    assert AuditEntry.objects.count() == entries
    assert TourStart.objects.get() == start


def test_ensure_record_writes_only_the_field_that_differs_and_audits_before_and_after(region):
    start = TourStart.objects.create(region=region, name="Centrum", **{**START, "source": "Old"})

    _same, outcome = ensure_record(TourStart, lookup={"region": region, "name": "Centrum"}, data=START, region=region)

    assert outcome == UPDATED
    start.refresh_from_db()
    assert start.source == "Town centre"
    (entry,) = _entries(start)
    assert (entry.action, entry.changes) == ("change", {"source": ["Old", "Town centre"]})


def test_ensure_record_sets_and_restores_links_labelled_by_code(region):
    milestone = MilestoneFactory(version__strategy__region=region, code="M1", title="First")
    version = milestone.version
    sg1, sg2 = (StrategicGoalFactory(version=version, code=code) for code in ("SG1", "SG2"))
    data = {"title": "First", "first_year": 2019, "last_year": 2019}

    _m, outcome = ensure_record(
        type(milestone), lookup={"version": version, "code": "M1"}, data=data, links={"goals": [sg1]}, region=region
    )
    assert outcome == UPDATED
    assert list(milestone.goals.all()) == [sg1]
    milestone.goals.add(sg2)

    _m, outcome = ensure_record(
        type(milestone), lookup={"version": version, "code": "M1"}, data=data, links={"goals": [sg1]}, region=region
    )

    assert outcome == UPDATED
    assert list(milestone.goals.all()) == [sg1]
    assert _entries(milestone).first().changes == {"goals": [["SG1", "SG2"], ["SG1"]]}


def test_tally_counts_created_and_updated_under_the_name_and_nothing_else():
    counts = Counter()

    for outcome in (CREATED, UPDATED, UPDATED, ""):
        tally(counts, "sites", outcome)

    assert counts == {"sites_created": 1, "sites_updated": 2}
