"""The demo, loaded once for the API's tests that read it (in a transaction rolled back after them)."""

from __future__ import annotations

import pytest
from django.db import transaction

from inducult.demo.loader import load_demo
from inducult.regions.models import Region
from tests.contracts.demo_records import DEMO_TODAY


@pytest.fixture(scope="module")
def loaded_demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        load_demo(today=DEMO_TODAY)
        yield Region.objects.get(slug="karlovy-vary")
        transaction.set_rollback(True)


@pytest.fixture
def demo_region(loaded_demo, db):
    """The demo's region, with each test's changes rolled back after it."""
    return loaded_demo
