"""The demo, loaded once for the crawl's tests (in a transaction rolled back after them), and the
personas who crawl it: the anonymous public, a coordinator, an editor bound to the organisation
that runs a demo site, and a viewer."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.db import transaction
from django.test import Client

from inducult.demo.loader import load_demo
from inducult.heritage.models import Site
from inducult.regions.models import Region, Role
from tests.contracts.demo_records import DEMO_TODAY
from tests.factories import UserFactory, grant

PERSONAS = ("anonymous", "coordinator", "editor", "viewer")
LANGUAGES = ("cs", "en", "de")


@dataclass
class Demo:
    region: Region
    users: dict

    def client(self, persona: str) -> Client:
        client = Client()
        if persona != "anonymous":
            client.force_login(self.users[persona])
        return client


@pytest.fixture(scope="package")
def loaded_demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        load_demo(today=DEMO_TODAY)
        region = Region.objects.get(slug="karlovy-vary")
        organisation = Site.objects.filter(region=region, organisation__isnull=False).order_by("pk")[0].organisation
        users = {}
        for persona, role, bound in (
            ("coordinator", Role.COORDINATOR, None),
            ("editor", Role.EDITOR, organisation),
            ("viewer", Role.VIEWER, None),
        ):
            users[persona] = UserFactory(username=f"crawl-{persona}")
            grant(users[persona], region, role, organisation=bound)
        yield Demo(region=region, users=users)
        transaction.set_rollback(True)


@pytest.fixture
def demo(loaded_demo, db):
    """The demo, with each test's changes rolled back after it."""
    return loaded_demo
