"""The import pages through the test client: upload → preview → run, permissions and bad files."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from inducult.core.models import AuditEntry
from inducult.network.models import ImportBatch, Organisation
from inducult.network.services.importing import batches
from tests.factories import ImportBatchFactory, UserFactory
from tests.queries import queries_at_two_sizes

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_client")]

GOOD_AND_BAD = (
    "Název;Druh;Obec;E-mail\n"
    "Porcelánka;Muzeum;Karlovy Vary;info@porcelanka.cz\n"
    "Sklárna;podnik;Nové Sedlo;jan.novak@\n"
    "Hornický spolek;spolek;Krásno;\n"
)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def upload_url(region):
    return reverse("network:import_upload", args=[region.slug])


def post_file(client, region, content: bytes, name: str = "kontakty.csv", encoding: str = "auto"):
    return client.post(upload_url(region), {"file": SimpleUploadedFile(name, content), "encoding": encoding})


def test_upload_page_has_accessible_form_and_progress_script(coordinator_client, region):
    response = coordinator_client.get(upload_url(region))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'enctype="multipart/form-data"' in html
    assert '<label for="id_file">' in html
    assert '<label for="id_encoding">' in html
    assert "js/import.js" in html
    assert "<progress" in html
    assert "<script>" not in html and "style=" not in html


def test_import_flow_upload_preview_run_only_valid(coordinator_client, region, coordinator):
    response = post_file(coordinator_client, region, GOOD_AND_BAD.encode("cp1250"))
    batch = ImportBatch.objects.get(region=region)
    assert response.status_code == 302
    assert response["Location"] == reverse("network:import_preview", args=[region.slug, batch.pk])

    page = coordinator_client.get(response["Location"]).content.decode()
    assert "cp1250" in page
    assert "Porcelánka" in page
    assert "Row 3, column &quot;E-mail&quot;, value &quot;jan.novak@&quot;: not a valid e-mail address" in page
    assert "2 of 3 rows are valid; 1 row has errors." in page
    assert "Import only the 2 valid rows" in page
    assert Organisation.objects.count() == 0

    run_url = reverse("network:import_run", args=[region.slug, batch.pk])
    response = coordinator_client.post(run_url, {"only_valid": "1", "expected_valid": "2"}, follow=True)
    page = response.content.decode()
    assert "Import finished: 2 created, 0 updated, 1 skipped." in page
    assert reverse("network:organisation_list", args=[region.slug]) in page
    assert sorted(Organisation.objects.values_list("name", flat=True)) == ["Hornický spolek", "Porcelánka"]
    assert AuditEntry.objects.filter(action="import", region=region).count() == 1


def test_import_flow_all_valid_offers_full_import(coordinator_client, region):
    post_file(coordinator_client, region, b"name,kind\nA,museum\nB,school\n")
    batch = ImportBatch.objects.get()
    page = coordinator_client.get(reverse("network:import_preview", args=[region.slug, batch.pk])).content.decode()
    assert "All 2 rows are valid." in page
    assert "Import 2 rows" in page
    coordinator_client.post(reverse("network:import_run", args=[region.slug, batch.pk]))
    assert Organisation.objects.count() == 2


def test_run_without_only_valid_on_invalid_file_writes_nothing(coordinator_client, region):
    post_file(coordinator_client, region, GOOD_AND_BAD.encode())
    batch = ImportBatch.objects.get()
    response = coordinator_client.post(reverse("network:import_run", args=[region.slug, batch.pk]), follow=True)
    assert "1 of 3 rows have errors, so nothing was imported." in response.content.decode()
    assert Organisation.objects.count() == 0


def test_preview_mapping_can_be_changed(coordinator_client, region):
    post_file(coordinator_client, region, "Firma;Typ;Místo\nPorcelánka;muzeum;Loket\n".encode())
    batch = ImportBatch.objects.get()
    preview_url = reverse("network:import_preview", args=[region.slug, batch.pk])
    page = coordinator_client.get(preview_url).content.decode()
    assert "These required fields have no column: Name." in page
    response = coordinator_client.post(
        preview_url, {"encoding": "auto", "column_0": "name", "column_1": "kind", "column_2": ""}
    )
    assert response.status_code == 302
    batch.refresh_from_db()
    assert batch.mapping == ["name", "kind", ""]
    page = coordinator_client.get(preview_url).content.decode()
    assert "The row is valid." in page
    change = AuditEntry.objects.get(object_type="network.importbatch", action="change")
    assert change.changes["mapping"] == [["", "kind", "town"], ["name", "kind", ""]]


def test_preview_encoding_can_be_overridden(coordinator_client, region):
    post_file(coordinator_client, region, "name,kind,town\nŠindelárna,podnik,Žlutice\n".encode("iso-8859-2"))
    batch = ImportBatch.objects.get()
    assert batch.encoding == "cp1250"  # auto-detection reads Latin 2 as Windows-1250: Š, Ž differ
    preview_url = reverse("network:import_preview", args=[region.slug, batch.pk])
    coordinator_client.post(
        preview_url, {"encoding": "iso-8859-2", "column_0": "name", "column_1": "kind", "column_2": "town"}
    )
    page = coordinator_client.get(preview_url).content.decode()
    assert "Šindelárna" in page and "Žlutice" in page
    assert batch.__class__.objects.get().encoding == "iso-8859-2"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("photo.csv", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "This file is not a CSV or XLSX spreadsheet."),
        ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "must end in .csv or .xlsx"),
        ("list.xlsx", b"name,kind\nA,museum\n", "not an Excel workbook"),
        ("empty.csv", b"", "The file is empty."),
        ("header.csv", b"name;kind\n", "The file has a header row but no data rows."),
    ],
)
def test_upload_bad_file_shows_message_and_stores_nothing(coordinator_client, region, name, content, message):
    response = post_file(coordinator_client, region, content, name)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert ImportBatch.objects.count() == 0
    assert Organisation.objects.count() == 0


def test_upload_too_large_file_is_refused_before_reading(coordinator_client, region, settings):
    settings.INDUCULT_IMPORT_MAX_BYTES = 2048
    response = post_file(coordinator_client, region, b"name,kind\n" + b"A,museum\n" * 400)
    page = response.content.decode()
    assert "files up to 2.0\xa0KB can be imported. Split it into smaller files." in page
    assert ImportBatch.objects.count() == 0


def test_upload_of_21_megabytes_is_refused_at_the_default_limit(coordinator_client, region, settings):
    assert settings.INDUCULT_IMPORT_MAX_BYTES == 20 * 1024 * 1024
    big = b"name,kind\n" + b"Organisation with a long name,museum\n" * (21 * 1024 * 1024 // 37)
    response = post_file(coordinator_client, region, big)
    assert "files up to 20.0\xa0MB can be imported" in response.content.decode()
    assert ImportBatch.objects.count() == 0


def test_import_pages_need_a_coordinator(client, region, viewer, editor):
    batch = batches.start_batch(region=region, actor=None, file_name="a.csv", data=b"name,kind\nA,museum\n")
    urls = [upload_url(region), reverse("network:import_preview", args=[region.slug, batch.pk])]
    for url in urls:
        assert client.get(url).status_code == 302  # anonymous: sign in
    for user in (viewer, editor):
        client.force_login(user)
        for url in urls:
            assert client.get(url).status_code == 403
        assert client.post(reverse("network:import_run", args=[region.slug, batch.pk])).status_code == 403
    assert Organisation.objects.filter(name="A").count() == 0


def test_batches_are_isolated_between_regions(client, region, other_region, outsider):
    batch = batches.start_batch(region=region, actor=None, file_name="a.csv", data=b"name,kind\nA,museum\n")
    client.force_login(outsider)
    assert client.get(reverse("network:import_preview", args=[region.slug, batch.pk])).status_code == 403
    # Through their own region's URLs the batch does not exist.
    assert client.get(reverse("network:import_preview", args=[other_region.slug, batch.pk])).status_code == 404
    assert client.post(reverse("network:import_run", args=[other_region.slug, batch.pk])).status_code == 404
    page = client.get(upload_url(other_region)).content.decode()
    assert "a.csv" not in page
    assert Organisation.objects.count() == 0


def test_run_only_accepts_post(coordinator_client, region):
    post_file(coordinator_client, region, b"name,kind\nA,museum\n")
    batch = ImportBatch.objects.get()
    assert coordinator_client.get(reverse("network:import_run", args=[region.slug, batch.pk])).status_code == 405


def test_imported_batch_shows_result_and_cannot_run_again(coordinator_client, region):
    post_file(coordinator_client, region, b"name,kind\nA,museum\n")
    batch = ImportBatch.objects.get()
    run_url = reverse("network:import_run", args=[region.slug, batch.pk])
    coordinator_client.post(run_url)
    response = coordinator_client.post(run_url, follow=True)
    page = response.content.decode()
    assert "This file has already been imported." in page
    assert "Organisations created" in page
    assert Organisation.objects.count() == 1


def test_upload_page_query_count_does_not_grow_with_batches(coordinator_client, region):
    uploader = UserFactory(username="second")

    measured = queries_at_two_sizes(
        add=lambda n: ImportBatchFactory.create_batch(n, region=region, created_by=uploader),
        run=lambda: coordinator_client.get(upload_url(region)),
        sizes=(3, 30),
        at_most=10,
    )

    assert [response.status_code for response in measured.results] == [200, 200]
