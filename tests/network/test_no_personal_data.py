"""The public side must never show a person: their name, e-mail, phone or notes."""

import json

import pytest
from django.urls import reverse

from inducult.network.models import Membership, Person
from tests.factories import OrganisationFactory

SECRETS = ("Zdislava", "Tajemná-Neviditelná", "zdislava.tajemna@private.example", "+420 777 123 456", "ONLY-INTERNAL")


@pytest.fixture
def organisation_with_contact(region):
    org = OrganisationFactory(region=region, name="Hornické muzeum Krásno")
    person = Person.objects.create(
        region=region,
        first_name="Zdislava",
        last_name="Tajemná-Neviditelná",
        email="zdislava.tajemna@private.example",
        phone="+420 777 123 456",
        notes="ONLY-INTERNAL",
        lawful_basis="legitimate_interests",
    )
    Membership.objects.create(person=person, organisation=org, role="director")
    return org


@pytest.mark.django_db
def test_public_pages_and_open_data_never_show_a_person(client, region, organisation_with_contact):
    urls = [
        reverse("portal:region_home", args=[region.slug]),
        reverse("portal:directory", args=[region.slug]),
        reverse("portal:organisation", args=[region.slug, organisation_with_contact.pk]),
        reverse("portal:organisations_csv", args=[region.slug]),
        reverse("portal:organisations_json", args=[region.slug]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode("utf-8")
        if url.endswith(".json"):
            body += json.dumps(json.loads(body), ensure_ascii=True)
        for secret in SECRETS:
            assert secret not in body, (url, secret)


@pytest.mark.django_db
def test_directory_search_does_not_find_organisations_by_their_people(client, region, organisation_with_contact):
    response = client.get(reverse("portal:directory", args=[region.slug]), {"q": "Zdislava"})

    assert response.context["rows"] == []
