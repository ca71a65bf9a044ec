import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_front_page_leads_to_the_region_and_switches_language(page, live_server, region):
    page.goto(live_server.url + "/")
    assert page.url.endswith("/r/karlovy-vary/")
    with page.expect_navigation():
        page.select_option("#language-select", "de")
    assert page.locator("html").get_attribute("lang") == "de"
