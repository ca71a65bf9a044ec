"""The registry's demo loader: organisations found again by name and town, people by e-mail, written
through the registry's actions and only where something differs."""

from collections import Counter

import pytest

from inducult.core.models import AuditEntry
from inducult.demo import records
from inducult.network.demo import OrganisationRecord, PersonRecord, load_organisations, load_people
from inducult.network.models import Membership, Organisation, Person
from inducult.network.services.organisations import update_organisation

pytestmark = pytest.mark.django_db

MUSEUM = OrganisationRecord(
    key="museum", data={"name": "Hornické muzeum Krásno", "kind": "museum", "town": "Krásno", "website": ""}
)
SCHOOL = OrganisationRecord(key="school", data={"name": "SPŠ Loket", "kind": "school", "town": "Loket"})
TEACHER = PersonRecord(
    data={
        "first_name": "Jana",
        "last_name": "Ukázková",
        "email": "jana@example.org",
        "lawful_basis": "legitimate_interests",
        "is_sample": True,
    },
    memberships=[("school", "teacher"), ("museum", "guide")],
)


def _load(region, organisations=(MUSEUM, SCHOOL)):
    counts = Counter()
    return load_organisations(region=region, records=organisations, counts=counts), counts


def test_load_organisations_creates_them_through_the_registry_and_returns_them_by_key(region):
    by_key, counts = _load(region)

    assert {key: org.name for key, org in by_key.items()} == {"museum": "Hornické muzeum Krásno", "school": "SPŠ Loket"}
    assert counts == {"organisations": 2, "organisations_created": 2}
    assert AuditEntry.objects.filter(object_type="network.organisation", action="create").count() == 2


def test_load_organisations_finds_one_again_by_its_name_and_town_whatever_the_spelling(region):
    existing = Organisation.objects.create(region=region, name="HORNICKE  MUZEUM KRASNO", kind="museum", town="krasno")

    by_key, counts = _load(region, [MUSEUM])

    assert by_key["museum"].pk == existing.pk
    assert counts == {"organisations": 1, "organisations_updated": 1}  # the name is written as the record has it
    assert Organisation.objects.count() == 1


def test_load_organisations_a_second_time_writes_nothing(region):
    _load(region)
    entries = AuditEntry.objects.count()

    _by_key, counts = _load(region)

    assert counts == {"organisations": 2}
    assert AuditEntry.objects.count() == entries


def test_load_organisations_restores_only_the_field_that_differs(region):
    # The demo's own records: Krásno's website comes from the reference list.
    _load(region, records.organisation_records())
    krasno = Organisation.objects.get(region=region, name="Hornické muzeum Krásno")
    update_organisation(organisation=krasno, actor=None, data={"website": "https://example.org/"}, version=1)

    _by_key, counts = _load(region, records.organisation_records())

    assert (counts["organisations_created"], counts["organisations_updated"]) == (0, 1)
    krasno.refresh_from_db()
    assert krasno.website == "http://www.omks.cz"
    last = AuditEntry.objects.filter(object_type="network.organisation", object_id=str(krasno.pk)).first()
    assert last.changes == {"website": ["https://example.org/", "http://www.omks.cz"]}


def test_load_people_creates_a_person_once_with_each_membership_once(region):
    organisations, _ = _load(region)
    counts = Counter()

    load_people(region=region, records=[TEACHER], organisations=organisations, counts=counts)
    load_people(region=region, records=[TEACHER], organisations=organisations, counts=counts)

    person = Person.objects.get()
    assert person.email == "jana@example.org"
    assert sorted(Membership.objects.filter(person=person).values_list("organisation__name", "role")) == [
        ("Hornické muzeum Krásno", "guide"),
        ("SPŠ Loket", "teacher"),
    ]
    assert counts == {"people": 2, "people_created": 1, "memberships_created": 2}


def test_load_people_finds_a_person_by_e_mail_and_writes_what_differs(region):
    organisations, _ = _load(region)
    load_people(region=region, records=[TEACHER], organisations=organisations, counts=Counter())
    Person.objects.filter(email="jana@example.org").update(email="JANA@example.org", last_name="Changed")
    counts = Counter()

    load_people(region=region, records=[TEACHER], organisations=organisations, counts=counts)

    person = Person.objects.get()
    assert (person.email, person.last_name) == ("jana@example.org", "Ukázková")
    assert counts == {"people": 1, "people_updated": 1}
