"""The registry's public side: the directory of a region's organisations and an organisation's page."""

import pytest
from django.urls import reverse
from django.utils import timezone

from inducult.demo.loader import load_demo
from tests.factories import OrganisationFactory
from tests.queries import queries_at_two_sizes


def directory(region, **params):
    return reverse("portal:directory", args=[region.slug]), params


def names(response):
    return [row["name"] for row in response.context["rows"]]


@pytest.mark.django_db
def test_directory_lists_active_organisations_of_the_region_only(client, region, other_region):
    OrganisationFactory(region=region, name="Muzeum Sokolov")
    OrganisationFactory(region=region, name="Zavřené muzeum", archived_at=timezone.now())
    OrganisationFactory(region=other_region, name="Bergbaumuseum Oelsnitz")

    response = client.get(*directory(region))

    assert response.status_code == 200
    assert names(response) == ["Muzeum Sokolov"]
    assert "Bergbaumuseum" not in response.content.decode()
    assert "Zavřené" not in response.content.decode()


@pytest.mark.django_db
def test_directory_search_porcelan_finds_porcelain_organisations(client):
    load_demo()
    from inducult.regions.models import Region

    region = Region.objects.get(slug="karlovy-vary")
    response = client.get(*directory(region, q="porcelan"))

    found = names(response)
    assert "Muzeum porcelánu – zámek Klášterec nad Ohří" in found
    assert "Expozice porcelánu na hradě Loket" in found
    assert "Hornické muzeum Krásno" not in found


@pytest.mark.django_db
def test_directory_search_ignores_case_and_diacritics(client, region):
    OrganisationFactory(region=region, name="Hornické muzeum Krásno")
    OrganisationFactory(region=region, name="Sklárna Moser")

    assert names(client.get(*directory(region, q="HORNICKE krasno"))) == ["Hornické muzeum Krásno"]


@pytest.mark.django_db
def test_directory_filters_by_kind_sector_and_town(client, region):
    OrganisationFactory(region=region, name="A museum", kind="museum", sectors=["glass"], town="Loket")
    OrganisationFactory(region=region, name="B school", kind="school", sectors=["glass"], town="Loket")
    OrganisationFactory(region=region, name="C museum", kind="museum", sectors=["mining"], town="Loket")
    OrganisationFactory(region=region, name="D museum", kind="museum", sectors=["glass"], town="Sokolov")

    response = client.get(*directory(region, kind="museum", sector="glass", town="Loket"))

    assert names(response) == ["A museum"]


@pytest.mark.django_db
def test_directory_unknown_filter_value_is_explained_and_ignored(english_client, region):
    OrganisationFactory(region=region, name="A museum", kind="museum")

    response = english_client.get(*directory(region, kind="castle"))

    assert names(response) == ["A museum"]
    # The messages are lazy: they are read in the test's language, English (the english fixture).
    assert response.context["form"].errors["kind"] == ["Choose a kind from the list; “castle” is not one of them."]
    assert "Choose a kind from the list" in response.content.decode()


@pytest.mark.django_db
def test_directory_paginates_25_a_page_keeping_filters(client, region):
    for i in range(30):
        OrganisationFactory(region=region, name=f"Museum {i:02d}", kind="museum")

    first = client.get(*directory(region, kind="museum"))
    second = client.get(*directory(region, kind="museum", page=2))

    assert len(first.context["rows"]) == 25
    assert names(second) == [f"Museum {i:02d}" for i in range(25, 30)]
    assert "?kind=museum&amp;page=2" in first.content.decode()


@pytest.mark.django_db
def test_directory_labels_samples(client, region):
    OrganisationFactory(region=region, name="Made up", is_sample=True)
    OrganisationFactory(region=region, name="Real", is_sample=False)

    response = client.get(*directory(region))

    assert response.content.decode().count('class="badge sample"') == 1
    assert [row["is_sample"] for row in response.context["rows"]] == [True, False]


@pytest.mark.django_db
def test_directory_shows_names_in_the_visitors_language(english_client, region):
    OrganisationFactory(region=region, name="Hornické muzeum Krásno", translations={"name": {"en": "Mining Museum"}})

    assert names(english_client.get(*directory(region))) == ["Mining Museum"]
    assert names(english_client.get(*directory(region), HTTP_ACCEPT_LANGUAGE="cs")) == ["Hornické muzeum Krásno"]


@pytest.mark.django_db
def test_directory_makes_the_same_number_of_queries_for_3_and_30_rows(client, region):
    measured = queries_at_two_sizes(
        add=lambda n: OrganisationFactory.create_batch(n, region=region, sectors=["glass", "mining"]),
        run=lambda: client.get(reverse("portal:directory", args=[region.slug])),
        sizes=(3, 30),
        at_most=5,
    )

    assert [len(names(response)) for response in measured.results] == [3, 25]  # 25 a page


@pytest.mark.django_db
def test_public_organisation_page_shows_public_facts(english_client, region):
    org = OrganisationFactory(
        region=region,
        name="Hornické muzeum Krásno",
        short_name="HMK",
        kind="museum",
        sectors=["mining"],
        town="Krásno",
        website="http://www.omks.cz",
        latitude="50.116282",
        longitude="12.796434",
        description="Branch of Muzeum Sokolov.",
        source="Reference list, row KV001",
        is_sample=False,
    )

    response = english_client.get(reverse("portal:organisation", args=[region.slug, org.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    for text in ("Hornické muzeum Krásno", "HMK", "Museum", "Mining", "Krásno", 'href="http://www.omks.cz"'):
        assert text in html
    assert "50.116282, 12.796434" in html
    assert "Branch of Muzeum Sokolov." in html
    assert "Reference list, row KV001" in html
    assert 'class="badge sample"' not in html


@pytest.mark.django_db
def test_public_organisation_page_is_404_for_archived_or_other_region(client, region, other_region):
    archived = OrganisationFactory(region=region, archived_at=timezone.now())
    foreign = OrganisationFactory(region=other_region)

    assert client.get(reverse("portal:organisation", args=[region.slug, archived.pk])).status_code == 404
    assert client.get(reverse("portal:organisation", args=[region.slug, foreign.pk])).status_code == 404
    assert client.get(reverse("portal:organisation", args=[other_region.slug, foreign.pk])).status_code == 200


@pytest.mark.django_db
def test_directory_pages_have_no_inline_scripts_or_styles(client, region):
    org = OrganisationFactory(region=region)
    for url in (
        reverse("portal:directory", args=[region.slug]),
        reverse("portal:organisation", args=[region.slug, org.pk]),
    ):
        html = client.get(url).content.decode()
        assert "<script>" not in html and "style=" not in html and "<style" not in html and "onclick" not in html
