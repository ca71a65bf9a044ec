"""Personas and shared fixtures: a coordinator, an editor bound to one organisation, a viewer, an
outsider who coordinates another region, and the anonymous public; and English for tests that assert
messages (``english``, ``english_client``). Factories are in ``tests.factories``, the query-count
guard in ``tests.queries``."""

import os

import pytest
from django.utils import translation

from inducult.regions.models import Role
from tests.factories import OrganisationFactory, RegionFactory, UserFactory, grant

# Playwright's sync API runs an event loop in the test thread; the ORM must still be usable there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def _forget_kept_rows():
    """Rows kept for a second per process (regions by slug, open data's counts) and Django's cache
    (kept documents and reports) never outlive a test: a rolled-back or flushed database gives the
    next test the same ids and slugs with other rows."""
    from django.core.cache import cache

    from inducult.heritage.services import opendata
    from inducult.regions import lookup

    cache.clear()
    lookup.forget()
    opendata.forget()
    yield
    lookup.forget()
    opendata.forget()


@pytest.fixture
def region(db):
    return RegionFactory(slug="karlovy-vary", name="Karlovarský kraj")


@pytest.fixture
def other_region(db):
    return RegionFactory(slug="saxony", name="Erzgebirgskreis", country="DE", default_language="de")


@pytest.fixture
def museum(region):
    return OrganisationFactory(region=region, name="Hornické muzeum Krásno", town="Krásno")


@pytest.fixture
def coordinator(region):
    user = UserFactory(username="coordinator")
    grant(user, region, Role.COORDINATOR)
    return user


@pytest.fixture
def editor(region, museum):
    user = UserFactory(username="editor")
    grant(user, region, Role.EDITOR, organisation=museum)
    return user


@pytest.fixture
def viewer(region):
    user = UserFactory(username="viewer")
    grant(user, region, Role.VIEWER)
    return user


@pytest.fixture
def outsider(other_region):
    user = UserFactory(username="outsider")
    grant(user, other_region, Role.COORDINATOR)
    return user


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client


@pytest.fixture
def english(settings):
    """English, the source language, is active: messages are asserted as written, whatever
    catalogues get compiled. ``LANGUAGE_CODE`` too, because the locale middleware deactivates the
    language after each request and Django then falls back to it."""
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def english_client(client, english):
    """The test client asking for English pages, as a browser set to English does. It is the same
    client as ``client`` and ``coordinator_client``: a test may sign it in either way."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client
