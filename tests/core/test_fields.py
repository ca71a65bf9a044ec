"""The fields of a place (core.fields): one definition of town, address, latitude and longitude for
organisations, sites and tour starts, and the rule that a point needs both coordinates or neither."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from inducult.core import fields
from inducult.heritage.models import Site
from inducult.network.models import Organisation
from inducult.tours.models import TourStart
from tests.factories import OrganisationFactory, SiteFactory


@pytest.fixture(autouse=True)
def english():
    """Messages are asserted in English, the source language."""
    with translation.override("en"):
        yield


def definition(model, name):
    """A field as a migration writes it (without its name): equal definitions mean one schema."""
    _name, path, args, kwargs = model._meta.get_field(name).deconstruct()
    return path, args, kwargs


@pytest.mark.parametrize("name", ["town", "address", "latitude", "longitude"])
def test_organisations_and_sites_declare_the_same_place_fields(name):
    assert definition(Organisation, name) == definition(Site, name)


@pytest.mark.parametrize("name", ["latitude", "longitude"])
def test_tour_starts_declare_the_same_coordinates_but_require_them(name):
    optional, required = definition(Site, name), definition(TourStart, name)

    assert (optional[2].pop("null"), optional[2].pop("blank")) == (True, True)
    assert "null" not in required[2] and "blank" not in required[2]
    assert optional == required


def test_coordinates_are_degrees_to_six_decimals_within_their_range():
    latitude, longitude = fields.latitude_field(), fields.longitude_field()

    assert (latitude.max_digits, latitude.decimal_places) == (longitude.max_digits, longitude.decimal_places) == (9, 6)
    latitude.run_validators(Decimal("-90"))
    longitude.run_validators(Decimal("180"))
    with pytest.raises(ValidationError):
        latitude.run_validators(Decimal("90.000001"))
    with pytest.raises(ValidationError):
        longitude.run_validators(Decimal("-180.5"))


def test_optional_place_fields_may_stay_empty():
    assert fields.latitude_field().null and fields.latitude_field().blank
    assert fields.town_field().blank and fields.address_field().blank
    assert (fields.town_field().max_length, fields.address_field().max_length) == (120, 300)


@pytest.mark.parametrize(
    ("latitude", "longitude", "half"),
    [(None, None, False), (Decimal("50.2"), Decimal("12.8"), False), (Decimal("50.2"), None, True), (None, 0, True)],
)
def test_point_error_refuses_one_coordinate_without_the_other(latitude, longitude, half):
    expected = "Give both latitude and longitude, or neither." if half else "None"

    assert str(fields.point_error(latitude, longitude)) == expected


@pytest.mark.django_db
def test_organisation_with_half_a_point_is_refused_as_a_whole(region):
    organisation = OrganisationFactory.build(region=region, latitude=Decimal("50.2"), longitude=None)

    with pytest.raises(ValidationError) as error:
        organisation.clean()

    assert error.value.messages == ["Give both latitude and longitude, or neither."]


@pytest.mark.django_db
def test_site_with_half_a_point_is_refused_at_its_latitude(region):
    site = SiteFactory.build(region=region, latitude=None, longitude=Decimal("12.8"))

    with pytest.raises(ValidationError) as error:
        site.clean()

    assert error.value.message_dict == {"latitude": ["Give both latitude and longitude, or neither."]}


@pytest.mark.django_db
def test_located_and_unlocated_places_are_accepted(region):
    OrganisationFactory.build(region=region, latitude=None, longitude=None).clean()
    SiteFactory.build(region=region, latitude=Decimal("50.2"), longitude=Decimal("12.8")).clean()


@pytest.mark.django_db
def test_tour_start_without_a_coordinate_is_refused(region):
    start = TourStart(region=region, name="Station", latitude=Decimal("50.2"), longitude=None)

    with pytest.raises(ValidationError) as error:
        start.full_clean()

    assert list(error.value.message_dict) == ["longitude"]
