"""The audit entries of created and deleted records (core.audit.created, .deleted): one notion of an
empty value, plain values, hidden personal data; and the apps' create and delete entries use them."""

import datetime
import decimal

import pytest
from django.utils import translation

from inducult.core import audit
from inducult.core.models import AuditEntry
from inducult.engagement.services.engagements import add_follow_up_task, delete_follow_up_task
from inducult.network.models import Organisation
from inducult.network.services import organisations, people, relationships
from inducult.network.services.importing import batches
from tests.factories import EngagementFactory, OrganisationFactory, PersonFactory


@pytest.mark.parametrize("value", [None, "", [], (), {}, False])
def test_values_that_say_nothing_are_empty(value):
    assert audit.is_empty(value)


@pytest.mark.parametrize("value", [0, 0.0, "0", decimal.Decimal("0"), True, " ", [None], {"en": ""}])
def test_zero_true_and_filled_containers_are_values(value):
    assert not audit.is_empty(value)


def test_created_records_each_filled_value_as_new_and_leaves_out_the_empty_ones():
    values = {"title": "Den", "note": "", "tags": [], "texts": {}, "owner": None, "sample": False, "pupils": 0}

    assert audit.created(values) == {"title": [None, "Den"], "pupils": [None, 0]}


def test_deleted_keeps_each_filled_value_as_removed():
    values = {"title": "Den", "note": "", "sample": True, "pupils": 0}

    assert audit.deleted(values) == {"title": ["Den", None], "sample": [True, None], "pupils": [0, None]}


def test_created_and_deleted_keep_values_in_their_plain_form(region):
    values = {
        "day": datetime.date(2027, 9, 11),
        "at": datetime.datetime(2027, 9, 11, 18, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=2))),
        "budget": decimal.Decimal("10.50"),
        "region": region,
        "places": ("Krásno", "Loket"),
    }
    plain = {
        "day": "2027-09-11",
        "at": "2027-09-11T16:00:00+00:00",
        "budget": "10.50",
        "region": str(region),
        "places": ["Krásno", "Loket"],
    }

    assert audit.created(values) == {name: [None, value] for name, value in plain.items()}
    assert audit.deleted(values) == {name: [value, None] for name, value in plain.items()}


def test_hidden_fields_say_they_were_filled_but_not_with_what():
    values = {"first_name": "Jana", "email": "", "lawful_basis": "consent"}

    assert audit.created(values, hidden={"first_name", "email"}) == {
        "first_name": [None, audit.HIDDEN],
        "lawful_basis": [None, "consent"],
    }
    assert audit.deleted(values, hidden={"first_name"}) == {
        "first_name": [audit.HIDDEN, None],
        "lawful_basis": ["consent", None],
    }


# --- the apps' entries ---------------------------------------------------------------------------


def entry_of(instance, action):
    return AuditEntry.objects.get(object_type=audit.object_type(instance), object_id=str(instance.pk), action=action)


@pytest.mark.django_db
def test_a_created_organisation_lists_what_was_filled_in(region, coordinator):
    org = organisations.create_organisation(
        region=region, actor=coordinator, data={"name": "Porcelánka", "kind": "museum", "sectors": ["porcelain"]}
    )

    assert entry_of(org, "create").changes == {
        "name": [None, "Porcelánka"],
        "kind": [None, "museum"],
        "sectors": [None, ["porcelain"]],
    }


@pytest.mark.django_db
def test_an_imported_organisation_gets_the_entry_a_created_one_does(region, coordinator, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    with translation.override("en"):
        batch = batches.start_batch(
            region=region, actor=coordinator, file_name="list.csv", data=b"name,kind,sectors\nSklo,museum,glass\n"
        )
        batches.run_import(batch=batch, actor=coordinator)
    imported = Organisation.objects.get(region=region, name="Sklo")

    assert entry_of(imported, "create").changes == {
        "name": [None, "Sklo"],
        "kind": [None, "museum"],
        "sectors": [None, ["glass"]],
    }


@pytest.mark.django_db
def test_a_created_person_names_the_filled_fields_never_their_values(region, coordinator):
    person = people.create_person(
        region=region,
        actor=coordinator,
        data={"first_name": "Jana", "last_name": "Nová", "email": "", "lawful_basis": "legitimate_interests"},
    )

    assert entry_of(person, "create").changes == {
        "first_name": [None, audit.HIDDEN],
        "last_name": [None, audit.HIDDEN],
        "lawful_basis": [None, audit.HIDDEN],
    }


@pytest.mark.django_db
def test_a_relationship_created_then_deleted_is_recorded_both_ways(region, coordinator, museum):
    school = OrganisationFactory(region=region, name="SPŠ Sokolov")
    relationship = relationships.create_relationship(
        actor=coordinator, source=museum, target=school, kind="partnership"
    )
    created = entry_of(relationship, "create").changes

    relationships.delete_relationship(actor=coordinator, relationship=relationship)

    expected = {"source": str(museum), "target": str(school), "kind": "partnership"}
    assert created == {name: [None, value] for name, value in expected.items()}
    assert AuditEntry.objects.get(action="delete").changes == {name: [value, None] for name, value in expected.items()}


@pytest.mark.django_db
def test_a_follow_up_task_added_then_deleted_is_recorded_both_ways(region, coordinator):
    engagement = EngagementFactory(region=region)
    owner = PersonFactory(region=region)
    task = add_follow_up_task(engagement=engagement, actor=coordinator, title="Poslat zápis", owner=owner)
    created = entry_of(task, "create").changes

    delete_follow_up_task(task=task, actor=coordinator)

    assert created == {"title": [None, "Poslat zápis"], "owner": [None, owner.pk]}
    deleted = AuditEntry.objects.get(object_type="engagement.followuptask", action="delete")
    assert deleted.changes == {"title": ["Poslat zápis", None], "owner": [owner.pk, None]}


def test_record_created_writes_a_create_entry_of_the_filled_values(region):
    organisation = OrganisationFactory(region=region, name="Hornické muzeum", town="")

    entry = audit.record_created(actor=None, instance=organisation, values={"name": "Hornické muzeum", "town": ""})

    assert (entry.action, entry.object_id, entry.region) == ("create", str(organisation.pk), region)
    assert entry.changes == {"name": [None, "Hornické muzeum"]}


def test_record_deleted_keeps_what_was_removed_and_hides_what_must_not_stay(region):
    person = PersonFactory(region=region)

    entry = audit.record_deleted(
        actor=None, instance=person, values={"first_name": "Jana", "notes": ""}, hidden={"first_name"}
    )

    assert (entry.action, entry.object_id) == ("delete", str(person.pk))
    assert entry.changes == {"first_name": [audit.HIDDEN, None]}
