"""The upload form in a real browser: the script posts with progress and lands on the preview."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from inducult.network.models import ImportBatch

pytestmark = pytest.mark.e2e


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def sign_in(page, live_server, user):
    # A session made on the server side: this test is about the import page, not the sign-in form.
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


@pytest.mark.django_db(transaction=True)
def test_upload_with_script_reaches_preview_and_imports(page, live_server, region, coordinator, tmp_path):
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    file = tmp_path / "kontakty.csv"
    file.write_bytes("Název;Druh;Obec;E-mail\nPorcelánka;Muzeum;Loket;x@\nSklárna;podnik;Cheb;\n".encode("cp1250"))
    sign_in(page, live_server, coordinator)
    page.goto(live_server.url + reverse("network:import_upload", args=[region.slug]))
    page.set_input_files("#id_file", str(file))
    page.click("form.js-upload-progress button[type=submit]")
    page.wait_for_url("**/import/*/")
    batch = ImportBatch.objects.get()
    assert page.url.endswith(reverse("network:import_preview", args=[region.slug, batch.pk]))
    assert page.locator("[data-testid=encoding]").inner_text().startswith("cp1250")
    errors_shown = page.locator("[data-testid=row-errors]").inner_text()
    assert errors_shown == 'Row 2, column "E-mail", value "x@": not a valid e-mail address'
    page.click("form[action$='/run/'] button[type=submit]")
    page.wait_for_selector("[data-testid=import-result]")
    assert errors == []
