"""Issue #4's events "done when", in Chromium on the demo region: a museum's editor adds an event
to the festival, the coordinator approves it, and it appears in the festival's .ics, read back by an
independent parser (vobject; the feed is written with icalendar)."""

import io

import pytest
import vobject
from django.core.management import call_command
from django.urls import reverse

from inducult.heritage.models import Festival, Site
from inducult.regions.models import Region, Role
from tests.e2e.conftest import watch_for_failures
from tests.factories import UserFactory, grant

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "events-pass-2026"
TITLE = "Noční fárání do štoly"


@pytest.fixture
def demo(settings, tmp_path, monkeypatch):
    settings.MEDIA_ROOT = tmp_path / "media"
    monkeypatch.setenv("INDUCULT_DEMO_PASSWORD", PASSWORD)
    call_command("load_demo", stdout=io.StringIO())
    call_command("ensure_demo_coordinator", stdout=io.StringIO())
    region = Region.objects.get(slug="karlovy-vary")
    site = Site.objects.get(region=region, external_id="KV001")
    editor = UserFactory(username="muzeum-krasno")
    editor.set_password(PASSWORD)
    editor.save()
    grant(editor, region, Role.EDITOR, organisation=site.organisation)
    return region, site, Festival.objects.get(region=region, slug="prumyslove-zari-2026")


@pytest.fixture
def browser_page(browser, live_server):
    contexts = []

    def open_page():
        context = browser.new_context(locale="cs-CZ")
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        return page, watch_for_failures(page)

    yield open_page
    for context in contexts:
        context.close()


def sign_in(page, live_server, username, next_url):
    page.goto(live_server.url + reverse("login") + "?next=" + next_url)
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("#main button[type=submit]")
    page.wait_for_url("**" + next_url)


def festival_titles(page, live_server, region, festival) -> list[str]:
    response = page.request.get(
        live_server.url + reverse("heritage_public:festival_ics", args=[region.slug, festival.slug])
    )
    assert response.ok
    calendar = vobject.readOne(response.text())
    return [str(event.summary.value) for event in getattr(calendar, "vevent_list", [])]


def test_editor_adds_an_event_the_coordinator_approves_it_and_the_festival_feed_has_it(demo, browser_page, live_server):
    region, site, festival = demo
    editor_page, editor_failures = browser_page()
    sign_in(editor_page, live_server, "muzeum-krasno", reverse("heritage_events:create", args=[region.slug]))

    editor_page.fill("#id_title", TITLE)
    editor_page.fill("#id_date", "2026-09-19")
    editor_page.fill("#id_time", "20:00")
    editor_page.fill("#id_end_time", "23:00")
    editor_page.select_option("#id_site", str(site.pk))
    editor_page.select_option("#id_festival", str(festival.pk))
    editor_page.click("#main button[type=submit]")
    editor_page.wait_for_url("**" + reverse("heritage_events:list", args=[region.slug]))

    assert editor_page.locator("[data-testid=waiting-event]").count() == 1
    assert TITLE not in festival_titles(editor_page, live_server, region, festival)

    coordinator_page, coordinator_failures = browser_page()
    sign_in(coordinator_page, live_server, "coordinator", reverse("heritage_events:list", args=[region.slug]))
    waiting = coordinator_page.locator("[data-testid=waiting-event]", has_text=TITLE)
    waiting.locator("button[value=approve]").click()
    coordinator_page.wait_for_url("**" + reverse("heritage_events:list", args=[region.slug]))
    assert coordinator_page.locator("[data-testid=waiting-event]").count() == 0

    titles = festival_titles(coordinator_page, live_server, region, festival)
    assert TITLE in titles
    # The sample programme is labelled as such in the feed; the editor's real event is not.
    assert all(title.startswith("[Ukázka]") or title == TITLE for title in titles), titles
    assert not editor_failures and not coordinator_failures, editor_failures + coordinator_failures
