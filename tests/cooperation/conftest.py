"""Organisations for the cooperation tests; messages are asserted in English."""

from decimal import Decimal

import pytest

from inducult.network.enums import OrganisationKind
from tests.factories import OrganisationFactory


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
