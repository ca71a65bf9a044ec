"""Public pages pass axe-core (run in Chromium) with no serious or critical violation, in Czech,
English and German: the region's home, the sites list and map, a site, the events calendar and a
month, an event and a festival, the exhibition, the embed builder and the day planner with a plan.
axe-core comes from the npm registry (tests/e2e/vendor, fetched by scripts/vendor_npm.sh); the test
context bypasses the pages' CSP only to inject it."""

import datetime
import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from inducult.heritage.models import Event, Exhibition, Festival, Site
from inducult.regions.models import Region
from inducult.tours.models import TourStart

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
# Tiles are not part of what is tested, and must not leave the machine.
UNREACHABLE_TILES = "http://127.0.0.1:9/tiles/{z}/{x}/{y}.png"


@pytest.fixture(scope="module")
def axe_source():
    return AXE.read_text(encoding="utf-8")


@pytest.fixture
def demo(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.INDUCULT_TOUR_SEARCH_MS = 200
    settings.INDUCULT_MAP_TILES = UNREACHABLE_TILES
    call_command("load_demo", stdout=io.StringIO())
    return Region.objects.get(slug="karlovy-vary")


def pages(region) -> list[str]:
    site = Site.objects.get(region=region, external_id="KV001")
    festival = Festival.objects.get(region=region, slug="prumyslove-zari-2026")
    event = Event.objects.published().filter(festival=festival).first()
    slug = region.slug
    return [
        reverse("portal:region_home", args=[slug]),
        reverse("heritage_public:site_list", args=[slug]) + "?sector=porcelain&open_on=2026-07-11",
        reverse("heritage_public:map", args=[slug]) + "?sector=mining",
        reverse("heritage_public:site", args=[slug, site.pk]),
        reverse("heritage_public:event_list", args=[slug]),
        reverse("heritage_public:event_list", args=[slug]) + "?month=2026-09",
        reverse("heritage_public:event", args=[slug, event.pk]),
        reverse("heritage_public:festival", args=[slug, festival.slug]),
        reverse("heritage_public:exhibition", args=[slug, Exhibition.objects.get(region=region).pk]),
        reverse("heritage_embed:builder", args=[slug]),
        reverse("tours:planner", args=[slug]),
        reverse("tours:planner", args=[slug]) + f"?{plan_query(region)}",
    ]


def plan_query(region) -> str:
    """A day from the demo's Karlovy Vary starting point on a Saturday in July next year."""
    july = datetime.date(datetime.date.today().year + 1, 7, 1)
    saturday = july + datetime.timedelta(days=(5 - july.weekday()) % 7)
    start = TourStart.objects.get(region=region)
    return f"start=start-{start.pk}&day={saturday:%Y-%m-%d}&day_from=09:00&day_to=17:30&mode=car"


@pytest.mark.parametrize("locale", ["cs-CZ", "en-GB", "de-DE"])
def test_public_pages_have_no_serious_accessibility_violations(demo, browser, live_server, axe_source, locale):
    context = browser.new_context(locale=locale, bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    found = {}
    try:
        for url in pages(demo):
            page.goto(live_server.url + url)
            page.evaluate(axe_source)
            result = page.evaluate(
                "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
                ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '))"
            )
            if result:
                found[url] = result
    finally:
        context.close()
    assert not found, found
