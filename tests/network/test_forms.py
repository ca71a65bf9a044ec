from decimal import Decimal

import pytest

from inducult.network.forms import OrganisationCreateForm, OrganisationFilterForm

pytestmark = pytest.mark.usefixtures("english")


@pytest.mark.django_db
def test_coordinate_accepts_decimal_comma():
    form = OrganisationCreateForm({"name": "X", "kind": "museum", "latitude": "50,2305", "longitude": " 12.6632 "})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["latitude"] == Decimal("50.2305")
    assert form.cleaned_data["longitude"] == Decimal("12.6632")


@pytest.mark.django_db
def test_coordinate_that_is_not_a_number_says_what_to_type():
    form = OrganisationCreateForm({"name": "X", "kind": "museum", "latitude": "north", "longitude": "12"})
    assert form.errors["latitude"] == ["Enter a number in decimal degrees, e.g. 50.2305."]


@pytest.mark.django_db
def test_domain_data_keeps_other_translations_and_drops_emptied_ones():
    from inducult.network.models import Organisation

    instance = Organisation(name="X", kind="museum", translations={"name": {"en": "Old", "pl": "Stary"}})
    form = OrganisationCreateForm({"name": "X", "kind": "museum", "name_en": "", "name_de": "Alt"}, instance=instance)
    assert form.is_valid(), form.errors
    assert form.domain_data()["translations"] == {"name": {"pl": "Stary", "de": "Alt"}}


def test_filter_form_ignores_invalid_values():
    form = OrganisationFilterForm({"kind": "spaceship", "sort": "town", "archived": "maybe"}, towns=["Aš"])
    query = form.query()
    assert (query.kind, query.sort, query.archived) == ("", "town", "no")
