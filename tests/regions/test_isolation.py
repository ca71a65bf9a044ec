"""Regions are isolated: nobody reads or changes another region's records through any back-office page."""

import pytest
from django.urls import reverse

from inducult.network.models import Organisation, Person
from tests.factories import MembershipFactory, OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(region, museum):
    person = PersonFactory(region=region, last_name="Místní")
    membership = MembershipFactory(person=person, organisation=museum)
    return {"org": museum.pk, "person": person.pk, "membership": membership.pk}


def pages(records):
    """Every back-office URL of the region, with the method it accepts."""
    org, person, membership = records["org"], records["person"], records["membership"]
    return [
        ("get", "dashboard", ()),
        ("get", "organisation_list", ()),
        ("get", "organisation_create", ()),
        ("post", "organisation_create", ()),
        ("get", "organisation_export", ("csv",)),
        ("get", "organisation_export", ("xlsx",)),
        ("get", "organisation_detail", (org,)),
        ("get", "organisation_edit", (org,)),
        ("post", "organisation_edit", (org,)),
        ("post", "organisation_archive", (org,)),
        ("post", "organisation_restore", (org,)),
        ("get", "person_list", ()),
        ("get", "person_create", ()),
        ("post", "person_create", ()),
        ("get", "people_vcard", ()),
        ("get", "person_detail", (person,)),
        ("get", "person_edit", (person,)),
        ("post", "person_edit", (person,)),
        ("get", "person_vcard", (person,)),
        ("post", "person_export", (person,)),
        ("get", "person_erase", (person,)),
        ("post", "person_erase", (person,)),
        ("post", "membership_create", (person,)),
        ("post", "membership_end", (membership,)),
        ("get", "audit_log", ()),
        ("get", "import_upload", ()),
    ]


def test_outsider_gets_403_on_every_page_of_another_region(client, outsider, records):
    client.force_login(outsider)
    refused = []
    for method, name, args in pages(records):
        response = getattr(client, method)(reverse(f"network:{name}", args=["karlovy-vary", *args]))
        if response.status_code != 403:
            refused.append((method, name, response.status_code))
    assert refused == []
    assert Organisation.objects.get(pk=records["org"]).archived_at is None
    assert Person.objects.get(pk=records["person"]).last_name == "Místní"


def test_outsider_cannot_tell_whether_a_record_exists(client, outsider, records):
    client.force_login(outsider)
    missing = reverse("network:organisation_edit", args=["karlovy-vary", 999999])
    assert client.get(missing).status_code == 403


def test_anonymous_visitor_is_sent_to_sign_in_from_every_page(client, records):
    for method, name, args in pages(records):
        response = getattr(client, method)(reverse(f"network:{name}", args=["karlovy-vary", *args]))
        assert response.status_code == 302, name
        assert response["Location"].startswith(reverse("login")), name


def test_coordinator_gets_404_for_records_of_another_region_through_own_region(
    coordinator_client, other_region, records
):
    foreign_org = OrganisationFactory(region=other_region)
    foreign_person = PersonFactory(region=other_region)
    foreign_membership = MembershipFactory(person=foreign_person, organisation=foreign_org)
    foreign = {"org": foreign_org.pk, "person": foreign_person.pk, "membership": foreign_membership.pk}
    leaked = []
    for method, name, args in pages(foreign):
        if not args or not isinstance(args[0], int):
            continue
        response = getattr(coordinator_client, method)(reverse(f"network:{name}", args=["karlovy-vary", *args]))
        if response.status_code != 404:
            leaked.append((method, name, response.status_code))
    assert leaked == []
    foreign_org.refresh_from_db()
    assert foreign_org.archived_at is None
