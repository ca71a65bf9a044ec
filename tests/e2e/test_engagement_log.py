"""The coordinator logs a bilateral meeting right after it, finds it in the log, deletes it and undoes
that, in Chromium, through the pages as a person uses them."""

import time

import pytest
from django.urls import reverse
from django.utils import timezone

from inducult.engagement.models import Engagement
from tests.conftest import PASSWORD
from tests.factories import OrganisationFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_coordinator_logs_a_meeting_in_under_a_minute_then_deletes_and_undoes(page, live_server, region, coordinator):
    museum = OrganisationFactory(region=region, name="Hornické muzeum Krásno", town="Krásno")
    for i in range(30):
        OrganisationFactory(region=region, name=f"Sklárna {i:02d}")
    slug = region.slug

    page.goto(live_server.url + reverse("login") + "?next=" + reverse("engagement:list", args=[slug]))
    page.fill("#id_username", "coordinator")
    page.fill("#id_password", PASSWORD)
    page.click("#main button[type=submit]")
    page.wait_for_url("**" + reverse("engagement:list", args=[slug]))

    started = time.monotonic()
    page.click("text=Log an engagement >> nth=0")
    page.wait_for_url("**/engagements/new/")
    page.select_option("#id_kind", "bilateral_meeting")
    page.fill("#id_title", "Schůzka s muzeem o výstavě")
    page.fill("#id_time", "10:00")
    # The search box narrows the long list of organisations, ignoring accents.
    page.fill("[data-testid=filter-organisations]", "hornicke")
    visible = page.locator("#id_organisations option:not([hidden])").all_inner_texts()
    assert visible == ["Hornické muzeum Krásno"]
    page.select_option("#id_organisations", str(museum.pk))
    page.fill("#id_minutes", "Domluvili jsme společnou výstavu.")
    page.fill("#id_tasks-0-title", "Poslat návrh smlouvy")
    page.click("[data-testid=save-engagement]")
    page.wait_for_url("**/engagements/*/")
    elapsed = time.monotonic() - started
    assert elapsed < 60

    engagement = Engagement.objects.get(title="Schůzka s muzeem o výstavě")
    assert engagement.local_date == timezone.localdate()
    assert [p.organisation for p in engagement.participants.all()] == [museum]
    assert "Hornické muzeum Krásno" in page.locator("[data-testid=participants]").inner_text()
    assert page.locator("[data-testid=task-row]").count() == 1

    page.goto(live_server.url + reverse("engagement:list", args=[slug]))
    assert page.locator("[data-testid=engagement-title]").all_inner_texts() == ["Schůzka s muzeem o výstavě"]

    page.click("[data-testid=engagement-title]")
    page.click("#main a:text-is('Delete')")
    page.click("[data-testid=confirm-delete]")
    page.wait_for_selector("[data-testid=undo-delete]")
    assert page.locator("[data-testid=engagement-title]").count() == 0
    assert not Engagement.objects.filter(pk=engagement.pk).exists()

    page.click("[data-testid=undo-delete] button")
    page.wait_for_url(f"**/engagements/{engagement.pk}/")
    assert "restored" in page.locator(".messages").inner_text()
    assert Engagement.objects.get(pk=engagement.pk).participants.count() == 1
