"""The public front pages: a region's home."""

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import OrganisationFactory
from tests.queries import queries_at_two_sizes


@pytest.mark.django_db
def test_region_home_counts_active_organisations_by_kind(english_client, region):
    OrganisationFactory.create_batch(2, region=region, kind="museum")
    OrganisationFactory(region=region, kind="school")
    OrganisationFactory(region=region, kind="school", archived_at=timezone.now())

    response = english_client.get(reverse("portal:region_home", args=[region.slug]))

    assert response.status_code == 200
    assert response.context["organisation_count"] == 3
    assert [(kind, n) for kind, _label, n in response.context["kind_counts"]] == [("museum", 2), ("school", 1)]
    assert reverse("portal:directory", args=[region.slug]) in response.content.decode()


@pytest.mark.django_db
def test_region_home_unknown_region_is_404(client):
    assert client.get("/r/nowhere/").status_code == 404


@pytest.mark.django_db
def test_region_home_makes_the_same_number_of_queries_for_3_and_30_organisations(client, region):
    measured = queries_at_two_sizes(
        add=lambda n: OrganisationFactory.create_batch(n, region=region, sectors=["glass", "mining"]),
        run=lambda: client.get(reverse("portal:region_home", args=[region.slug])),
        sizes=(3, 30),
        at_most=10,
    )

    assert [response.context["organisation_count"] for response in measured.results] == [3, 30]


@pytest.mark.django_db
def test_region_home_has_no_inline_scripts_or_styles(client, region):
    OrganisationFactory(region=region)
    html = client.get(reverse("portal:region_home", args=[region.slug])).content.decode()
    assert "<script>" not in html and "style=" not in html and "<style" not in html and "onclick" not in html
