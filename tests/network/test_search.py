import pytest

from inducult.network.services.search import OrganisationQuery, find_organisations, towns
from tests.factories import OrganisationFactory


@pytest.mark.django_db
def test_search_finds_name_without_diacritics(region):
    OrganisationFactory(region=region, name="Porcelánka Loket", sectors=[])
    OrganisationFactory(region=region, name="Muzeum Sokolov", sectors=["mining"])
    names = [o.name for o in find_organisations(region, OrganisationQuery(text="porcelan"))]
    assert names == ["Porcelánka Loket"]


@pytest.mark.django_db
def test_search_finds_sector_label_in_any_language(region):
    OrganisationFactory(region=region, name="Thun 1794 a.s.", sectors=["porcelain"])
    OrganisationFactory(region=region, name="Amati-Denak", sectors=["musical_instruments"])
    for query in ("porcelan", "porcelain", "porzellan"):
        names = [o.name for o in find_organisations(region, OrganisationQuery(text=query))]
        assert names == ["Thun 1794 a.s."], query


@pytest.mark.django_db
def test_search_terms_must_all_match(region):
    OrganisationFactory(region=region, name="Muzeum Sokolov", town="Sokolov")
    OrganisationFactory(region=region, name="Muzeum Nejdek", town="Nejdek")
    names = [o.name for o in find_organisations(region, OrganisationQuery(text="muzeum nejdek"))]
    assert names == ["Muzeum Nejdek"]


@pytest.mark.django_db
def test_search_never_crosses_regions(region, other_region):
    OrganisationFactory(region=other_region, name="Porzellanwerk")
    assert list(find_organisations(region, OrganisationQuery(text="porzellan"))) == []


@pytest.mark.django_db
def test_towns_lists_each_town_once_in_folded_order(region, other_region):
    for name in ("Muzeum Sokolov", "Důl Sokolov", "Škola Sokolov"):
        OrganisationFactory(region=region, name=name, town="Sokolov")
    OrganisationFactory(region=region, name="Lázně", town="Františkovy Lázně")
    OrganisationFactory(region=region, name="Bez místa", town="")
    OrganisationFactory(region=other_region, name="Elsewhere", town="Zwickau")
    assert towns(region) == ["Františkovy Lázně", "Sokolov"]
