"""Issue #3's "done when", in Chromium on the demo region: logging a bilateral meeting with the
Karlovy Vary Region dated today raises this year's count of both the bilateral-meetings milestone
(M11) and the meetings-with-the-Region target (T3), on the dashboard and in progress.json, and
deleting it lowers them again."""

import io
import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from inducult.network.enums import OrganisationKind
from inducult.network.models import Organisation
from inducult.regions.models import Region

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "done-when-pass-2026"


@pytest.fixture
def demo(settings, tmp_path, monkeypatch):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.VAR_DIR = tmp_path / "var"
    monkeypatch.setenv("INDUCULT_DEMO_PASSWORD", PASSWORD)
    call_command("load_demo", stdout=io.StringIO())
    call_command("ensure_demo_coordinator", stdout=io.StringIO())
    return Region.objects.get(slug="karlovy-vary")


def dashboard_count(page, live_server, slug, code) -> int:
    page.goto(live_server.url + reverse("strategy:dashboard", args=[slug]))
    # A milestone serving several goals appears under each of them; every copy says the same.
    counts = page.locator(f"[data-testid=milestone][data-code={code}] [data-testid=rule-count]").all_inner_texts()
    assert counts, f"{code} is not on the dashboard"
    numbers = {int(re.match(r"\d+", text).group()) for text in counts}
    assert len(numbers) == 1, counts
    return numbers.pop()


def json_counts(page, live_server, slug, year) -> dict[str, int]:
    response = page.request.get(live_server.url + reverse("progress:json", args=[slug]) + f"?year={year}")
    assert response.ok
    return {m["code"]: m["count"] for m in response.json()["milestones"]}


def test_logging_a_meeting_with_the_region_counts_twice_and_deleting_it_uncounts(page, live_server, demo):
    slug, year = demo.slug, timezone.localdate().year
    authority = Organisation.objects.get(region=demo, kind=OrganisationKind.REGIONAL_AUTHORITY)

    page.goto(live_server.url + reverse("login") + "?next=" + reverse("strategy:dashboard", args=[slug]))
    page.fill("#id_username", "coordinator")
    page.fill("#id_password", PASSWORD)
    page.click("#main button[type=submit]")
    page.wait_for_url("**" + reverse("strategy:dashboard", args=[slug]))

    before = {code: dashboard_count(page, live_server, slug, code) for code in ("M11", "T3")}
    before_json = json_counts(page, live_server, slug, year)
    assert {code: before_json[code] for code in before} == before

    # Log it as held, today (the form's default date), at midnight so it is never in the future.
    page.goto(live_server.url + reverse("engagement:create", args=[slug]))
    page.select_option("#id_kind", "bilateral_meeting")
    page.fill("#id_title", "Schůzka s vedením kraje o průmyslové kultuře")
    page.fill("#id_time", "00:00")
    page.select_option("#id_organisations", str(authority.pk))
    page.click("[data-testid=save-engagement]")
    page.wait_for_url("**/engagements/*/")

    raised = {code: dashboard_count(page, live_server, slug, code) for code in before}
    assert raised == {code: n + 1 for code, n in before.items()}
    raised_json = json_counts(page, live_server, slug, year)
    assert {code: raised_json[code] for code in before} == raised

    page.goto(live_server.url + reverse("engagement:list", args=[slug]))
    page.click("[data-testid=engagement-title]:text-is('Schůzka s vedením kraje o průmyslové kultuře')")
    page.click("#main a:text-is('Delete')")
    page.click("[data-testid=confirm-delete]")
    page.wait_for_selector("[data-testid=undo-delete]")

    assert {code: dashboard_count(page, live_server, slug, code) for code in before} == before
    after_json = json_counts(page, live_server, slug, year)
    assert {code: after_json[code] for code in before} == before
