"""Factories of the good-practice library and a practice of each kind for the personas."""

import factory
import pytest
from django.utils import timezone

from inducult.practices.enums import PracticeTheme
from inducult.practices.models import GoodPractice
from tests.factories import RegionFactory

PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"


class GoodPracticeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GoodPractice

    region = factory.SubFactory(RegionFactory)
    title = factory.Sequence(lambda n: f"Sample practice {n}")
    theme = PracticeTheme.TOURISM
    language = "cs"
    summary = "Ukázkový popis."
    is_sample = True

    class Params:
        is_shared = factory.Trait(shared=True, shared_at=factory.LazyFunction(timezone.now))


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def own_private(region):
    return GoodPracticeFactory(region=region, title="Den otevřených dveří v porcelánce")


@pytest.fixture
def foreign_shared(other_region):
    return GoodPracticeFactory(
        region=other_region,
        title="Woche der offenen Unternehmen",
        language="de",
        theme=PracticeTheme.EDUCATION,
        is_shared=True,
    )


@pytest.fixture
def foreign_private(other_region):
    return GoodPracticeFactory(region=other_region, title="Interne Liste der Betriebe", language="de")
