"""A practice of each kind for the personas."""

import pytest

from inducult.practices.enums import PracticeTheme
from tests.factories import GoodPracticeFactory


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
