"""The foundation's "done when", exactly as a coordinator does it, in Chromium.

The demo region is loaded by the same commands `make run` uses; the coordinator signs in through the
form, searches "porcelan", uploads a CSV with a bad row, reads which row is wrong, fixes the file and
imports it. The browser speaks Czech, the demo region's language.
"""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from inducult.network.models import Organisation
from inducult.regions.models import Region
from tests.e2e.conftest import watch_for_failures

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "journey-pass-2026"


@pytest.fixture
def demo(settings, tmp_path, monkeypatch):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.VAR_DIR = tmp_path / "var"
    monkeypatch.setenv("INDUCULT_DEMO_PASSWORD", PASSWORD)
    call_command("load_demo", stdout=io.StringIO())
    call_command("ensure_demo_coordinator", stdout=io.StringIO())
    return Region.objects.get(slug="karlovy-vary")


@pytest.fixture
def czech_page(browser, live_server):
    context = browser.new_context(locale="cs-CZ")
    page = context.new_page()
    failures = watch_for_failures(page)
    page.set_default_timeout(15_000)
    yield page
    context.close()
    assert not failures, failures


def test_coordinator_signs_in_searches_and_imports_after_fixing_a_row(czech_page, live_server, demo, tmp_path):
    page = czech_page
    page.goto(live_server.url + "/")
    # The demo installation hosts Karlovy Vary and Saxony (the partner region sharing a practice).
    page.get_by_role("link", name="Karlovarský kraj").click()
    assert page.url.endswith("/r/karlovy-vary/")
    assert page.locator("html").get_attribute("lang") == "cs"
    assert "Karlov" in page.locator("h1").inner_text()

    # Sign in through the form, as a person would.
    page.goto(live_server.url + reverse("login") + "?next=" + reverse("network:dashboard", args=[demo.slug]))
    page.fill("#id_username", "coordinator")
    page.fill("#id_password", PASSWORD)
    page.click("#main button[type=submit]")
    page.wait_for_url("**" + reverse("network:dashboard", args=[demo.slug]))

    # Search without diacritics finds the porcelain makers and museums, and nothing else.
    page.goto(live_server.url + reverse("network:organisation_list", args=[demo.slug]))
    page.fill("input[name=q]", "porcelan")
    page.press("input[name=q]", "Enter")
    page.wait_for_url("**q=porcelan**")
    found = page.locator("[data-testid=organisation-name]").all_inner_texts()
    expected = Organisation.objects.filter(region=demo, archived_at__isnull=True, search_text__contains="porcelan")
    assert "Thun 1794 a.s." in found
    assert sorted(found) == sorted(expected.values_list("name", flat=True))

    # A contact list with one bad row: the preview names the row, the column, the value and the reason.
    bad = tmp_path / "kontakty.csv"
    bad.write_bytes(
        "Název;Druh;Obec;E-mail\n"
        "Sklářská dílna Nové Sedlo;podnik;Nové Sedlo;dilna@example.org\n"
        "Porcelánový ateliér Loket;kreativní;Loket;atelier@@example\n".encode("cp1250")
    )
    page.goto(live_server.url + reverse("network:import_upload", args=[demo.slug]))
    page.set_input_files("#id_file", str(bad))
    page.click("form.js-upload-progress button[type=submit]")
    page.wait_for_url("**/import/*/")
    errors = page.locator("[data-testid=row-errors] li").all_inner_texts()
    assert len(errors) == 1
    assert "3" in errors[0] and "E-mail" in errors[0] and "atelier@@example" in errors[0]
    assert not Organisation.objects.filter(name__startswith="Sklářská dílna").exists()

    # The coordinator fixes the address in the file and uploads it again; now everything imports.
    fixed = tmp_path / "kontakty-opraveno.csv"
    fixed.write_bytes(bad.read_bytes().replace(b"atelier@@example", b"atelier@example.org"))
    page.goto(live_server.url + reverse("network:import_upload", args=[demo.slug]))
    page.set_input_files("#id_file", str(fixed))
    page.click("form.js-upload-progress button[type=submit]")
    page.wait_for_url("**/import/*/")
    assert page.locator("[data-testid=row-errors]").count() == 0
    page.click("form[action$='/run/'] button[type=submit]")
    page.wait_for_selector("[data-testid=import-result]")

    imported = Organisation.objects.filter(
        region=demo, name__in=["Sklářská dílna Nové Sedlo", "Porcelánový ateliér Loket"]
    )
    assert sorted(imported.values_list("town", flat=True)) == ["Loket", "Nové Sedlo"]

    # And the new organisation is found like any other.
    page.goto(live_server.url + reverse("network:organisation_list", args=[demo.slug]) + "?q=porcelanovy+atelier")
    assert page.locator("[data-testid=organisation-name]").all_inner_texts() == ["Porcelánový ateliér Loket"]
