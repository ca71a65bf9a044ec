"""The day planner in Chromium on the demo region: a German spa guest fills in the form from the
Karlovy Vary starting point, gets a plan whose visits lie inside each site's hours that day, sees
the route on the map (tiles unreachable, nothing else fails) and downloads the .ics."""

import datetime
import io

import icalendar
import pytest
from django.core.management import call_command
from django.urls import reverse

from inducult.heritage.models import Site
from inducult.regions.models import Region
from tests.e2e.conftest import watch_for_failures

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.INDUCULT_MAP_TILES = "http://127.0.0.1:9/tiles/{z}/{x}/{y}.png"
    settings.INDUCULT_TOUR_SEARCH_MS = 300
    settings.INDUCULT_ROUTING_ENGINE = ""
    call_command("load_demo", stdout=io.StringIO())
    return Region.objects.get(slug="karlovy-vary")


def saturday_in_july() -> datetime.date:
    july = datetime.date(datetime.date.today().year + 1, 7, 1)
    return july + datetime.timedelta(days=(5 - july.weekday()) % 7)


def test_a_german_spa_guest_plans_a_saturday_in_july(demo, browser, live_server):
    context = browser.new_context(locale="de-DE", accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    failures = watch_for_failures(page)
    day = saturday_in_july()
    try:
        page.goto(live_server.url + reverse("portal:region_home", args=[demo.slug]))
        page.get_by_test_id("plan-link").click()
        assert page.locator("html").get_attribute("lang") == "de"
        page.get_by_label("Ausgangs- und Endpunkt des Tages").select_option(label="Karlovy Vary Zentrum")
        page.get_by_label("Datum").fill(day.isoformat())
        page.get_by_test_id("plan-day").click()
        page.wait_for_selector("#tour-map[data-stops]")

        stops = page.get_by_test_id("stop")
        assert stops.count() >= 1
        assert page.locator("#tour-map").get_attribute("data-stops") == str(stops.count())
        for pk, times in zip(
            stops.evaluate_all("els => els.map(e => e.dataset.site)"),
            page.locator("[data-testid=stop] strong").all_inner_texts(),
            strict=True,
        ):
            begin, end = times.split("–")
            hours = Site.objects.get(pk=int(pk)).hours_on(day)
            assert hours.state == "open"
            assert any(f"{i.opens:%H:%M}" <= begin and end <= f"{i.closes:%H:%M}" for i in hours.intervals)
        assert "Öffnungszeiten prüfen" in page.get_by_test_id("plan-check-hours").inner_text()

        with page.expect_download() as download:
            page.get_by_test_id("plan-ics").click()
        calendar = icalendar.Calendar.from_ical(download.value.path().read_bytes())
        assert len(calendar.walk("VEVENT")) == stops.count()
    finally:
        context.close()
    assert failures and all(f.startswith("http://127.0.0.1:9/") for f in failures), failures
