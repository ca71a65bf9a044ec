"""Factories and organisations for the cooperation tests; messages are asserted in English."""

from decimal import Decimal

import factory
import pytest

from inducult.cooperation.enums import CooperationKind
from inducult.cooperation.models import Cooperation
from inducult.network.enums import OrganisationKind
from tests.factories import OrganisationFactory


class CooperationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cooperation

    region = factory.LazyAttribute(lambda c: c.partner_a.region)
    kind = CooperationKind.SCHOOL_ENTERPRISE
    partner_a = factory.SubFactory(OrganisationFactory, kind=OrganisationKind.SCHOOL)
    partner_b = factory.SubFactory(OrganisationFactory, kind=OrganisationKind.ENTERPRISE)
    school_year = 2019
    is_sample = True


@pytest.fixture(autouse=True)
def _in_english(english):
    """Every test of cooperation asserts its messages in English (the shared ``english``)."""


@pytest.fixture
def school(region):
    return OrganisationFactory(
        region=region, name="ISŠTE Sokolov", kind=OrganisationKind.SCHOOL, sectors=[], town="Sokolov"
    )


@pytest.fixture
def enterprise(region):
    return OrganisationFactory(
        region=region,
        name="Sokolovská uhelná",
        kind=OrganisationKind.ENTERPRISE,
        sectors=["mining"],
        town="Sokolov",
        latitude=Decimal("50.18"),
        longitude=Decimal("12.64"),
    )


@pytest.fixture
def creative(region):
    return OrganisationFactory(region=region, name="Studio Design", kind=OrganisationKind.CREATIVE, sectors=["glass"])
