import pytest


@pytest.fixture(autouse=True)
def _in_english(english):
    """Every test of the engagement log asserts its messages in English (the shared ``english``)."""
