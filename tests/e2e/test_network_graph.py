"""The network view in Chromium on the demo: the island draws every organisation of the year from the
server's JSON under the platform's CSP (no inline script or style), with no failed request or script
error, and a filter by kind redraws fewer."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from inducult.analytics.services.reports import network_report
from inducult.regions.models import Region, Role
from tests.e2e.conftest import watch_for_failures
from tests.e2e.test_strategy_dashboard import sign_in
from tests.factories import UserFactory, grant

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("load_demo", stdout=io.StringIO())
    return Region.objects.get(slug="karlovy-vary")


def test_the_network_view_draws_the_demo_network_and_filters_it(browser, live_server, demo):
    user = UserFactory(username="network-coordinator")
    grant(user, demo, Role.COORDINATOR)
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15_000)
    failures = watch_for_failures(page)
    console = []
    page.on("console", lambda message: console.append(message.text) if message.type == "error" else None)
    try:
        sign_in(page, live_server, user)
        report = network_report(demo, year=2019)
        page.goto(live_server.url + reverse("network:analytics", args=[demo.slug]) + "?year=2019")
        page.get_by_test_id("graph-link").click()
        page.wait_for_selector("#network-graph[data-nodes]")
        assert page.locator("#network-graph").get_attribute("data-nodes") == str(len(report.organisations))
        assert page.locator("#network-graph canvas").count() >= 1
        most_active = [o.name for o in report.most_active()]
        assert most_active, "the demo should have active organisations in 2019"
        assert page.locator("[data-testid=most-active] li").all_inner_texts() == most_active

        museums = sum(1 for o in report.organisations if o.kind == "museum")
        page.select_option("#graph-kind", "museum")
        page.get_by_role("button", name="Show").click()
        page.wait_for_selector(f"#network-graph[data-nodes='{museums}']")
    finally:
        context.close()
    assert not failures, failures
    assert not [text for text in console if "Content Security Policy" in text], console
