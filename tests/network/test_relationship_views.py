"""The coordinator declares, ends and deletes relationships between organisations from an
organisation's page; each is audited; bad input is refused with its reason; the analytics count them."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from inducult.core.models import AuditEntry
from inducult.network.models import OrganisationRelationship
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def client_for(user):
    client = Client(headers={"accept-language": "en"})
    client.force_login(user)
    return client


@pytest.fixture
def pair(region):
    return OrganisationFactory(region=region, name="Muzeum Sokolov"), OrganisationFactory(
        region=region, name="Sokolovská uhelná"
    )


def create(client, region, source, **data):
    return client.post(reverse("network:relationship_create", args=[region.slug, source.pk]), data, follow=True)


def test_coordinator_declares_ends_and_deletes_a_relationship(region, coordinator, pair):
    museum, mine = pair
    client = client_for(coordinator)
    page = create(
        client, region, museum, kind="partnership", target=mine.pk, valid_from="2019-01-01", note="Exhibition"
    )
    assert "Relationship with “Sokolovská uhelná” recorded." in page.content.decode()
    relationship = OrganisationRelationship.objects.get()
    assert (relationship.source, relationship.target, relationship.kind) == (museum, mine, "partnership")
    # Shown on both organisations' pages.
    other = client.get(reverse("network:organisation_detail", args=[region.slug, mine.pk])).content.decode()
    assert "declared by the other organisation" in other and "Muzeum Sokolov" in other

    client.post(reverse("network:relationship_change", args=[region.slug, relationship.pk]), {"action": "end"})
    relationship.refresh_from_db()
    assert relationship.valid_to is not None
    client.post(reverse("network:relationship_change", args=[region.slug, relationship.pk]), {"action": "delete"})
    assert not OrganisationRelationship.objects.exists()
    actions = list(
        AuditEntry.objects.filter(object_type="network.organisationrelationship")
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == ["create", "change", "delete"]
    deleted = AuditEntry.objects.filter(action="delete").get()
    assert deleted.changes["kind"] == ["partnership", None] and deleted.changes["note"] == ["Exhibition", None]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"kind": "partnership", "valid_from": "2020-01-01", "valid_to": "2019-01-01"},
            "The end must not be before the start.",
        ),
        ({"kind": "partnership", "self": True}, "an organisation cannot have a relationship with itself"),
        ({"kind": "friendship"}, "Select a valid choice"),
    ],
)
def test_bad_relationships_are_refused_with_the_reason(region, coordinator, pair, data, message):
    museum, mine = pair
    target = museum if data.pop("self", False) else mine
    page = create(client_for(coordinator), region, museum, target=target.pk, **data).content.decode()
    assert message in page.replace("&#x27;", "'")
    assert not OrganisationRelationship.objects.exists()


def test_another_regions_organisation_cannot_be_related(region, other_region, coordinator, pair):
    museum, _mine = pair
    foreign = OrganisationFactory(region=other_region, name="Zeche Zollern")
    page = create(client_for(coordinator), region, museum, kind="partnership", target=foreign.pk).content.decode()
    assert "nor one of another region or archived" in page
    assert not OrganisationRelationship.objects.exists()


def test_only_the_coordinator_declares_relationships(region, editor, viewer, pair):
    museum, mine = pair
    for user in (editor, viewer):
        client = client_for(user)
        page = client.get(reverse("network:organisation_detail", args=[region.slug, museum.pk])).content.decode()
        assert 'data-testid="relationship-form"' not in page
        response = client.post(
            reverse("network:relationship_create", args=[region.slug, museum.pk]),
            {"kind": "partnership", "target": mine.pk},
        )
        assert response.status_code == 403
    assert not OrganisationRelationship.objects.exists()


def test_a_declared_relationship_is_a_tie_in_the_analytics(region, coordinator, pair):
    from inducult.analytics.services.reports import network_report

    museum, mine = pair
    create(client_for(coordinator), region, museum, kind="supplier", target=mine.pk, valid_from="2024-01-01")
    report = network_report(region, year=2024, now=datetime.datetime(2024, 12, 31, 12, tzinfo=datetime.UTC))
    assert [(t.a, t.b, t.relationship_types) for t in report.ties] == [
        (min(museum.pk, mine.pk), max(museum.pk, mine.pk), ("supplier",))
    ]


def test_ending_a_relationship_that_has_not_started_says_what_to_do(region, coordinator, pair):
    museum, mine = pair
    client = client_for(coordinator)
    starts = datetime.date.today() + datetime.timedelta(days=60)
    create(client, region, museum, kind="partnership", target=mine.pk, valid_from=starts.isoformat())
    relationship = OrganisationRelationship.objects.get()

    page = client.post(
        reverse("network:relationship_change", args=[region.slug, relationship.pk]), {"action": "end"}, follow=True
    ).content.decode()

    assert "so it cannot end on" in page and "delete it if it will not happen" in page
    relationship.refresh_from_db()
    assert relationship.valid_to is None
