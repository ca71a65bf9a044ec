"""The strategy dashboard in Chromium: the demo's milestones with progress bars, and the year selector."""

import io

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from inducult.regions.models import Region, Role
from tests.factories import UserFactory, grant

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("load_demo", stdout=io.StringIO())
    return Region.objects.get(slug="karlovy-vary")


def sign_in(page, live_server, user):
    # A session made on the server side: this test is about the dashboard, not the sign-in form.
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


def test_dashboard_shows_progress_bars_and_switches_the_year(page, live_server, demo):
    user = UserFactory(username="strategy-coordinator")
    grant(user, demo, Role.COORDINATOR)
    sign_in(page, live_server, user)
    this_year = demo.today().year

    page.goto(live_server.url + reverse("strategy:dashboard", args=[demo.slug]))

    assert str(this_year) in page.locator("h1").inner_text()
    m11 = page.locator("[data-testid=milestone][data-code=M11]").first
    assert m11.locator("progress").first.is_visible()
    assert m11.locator("progress").first.get_attribute("max") == "5"
    assert page.locator("[data-testid=monthly-chart]").is_visible()

    # The selector submits itself (app.js); the page then shows 2019's milestones.
    page.select_option("#year-select", "2019")
    page.wait_for_url("**year=2019")
    assert "2019" in page.locator("h1").inner_text()
    m1 = page.locator("[data-testid=milestone][data-code=M1]").first
    assert m1.get_attribute("data-status") in {"achieved", "missed"}
    assert m1.locator("progress").first.is_visible()
    assert page.locator("[data-testid=milestone][data-code=M11]").count() == 0  # M11 begins in 2021
