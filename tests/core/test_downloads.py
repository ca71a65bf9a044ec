"""The one way to answer with a stored file (core.views.downloads): opened after the view's check, named
and typed as the view says, never sniffed by the browser, a 404 when the bytes are gone."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.db.models.fields.files import FieldFile
from django.http import Http404
from django.test import RequestFactory
from django.utils import translation

from inducult.core.views.downloads import OCTET_STREAM, Download, FileDownloadView
from inducult.engagement.models import Attachment


@pytest.fixture(autouse=True)
def english():
    """Messages are asserted in English, the source language."""
    with translation.override("en"):
        yield


PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"


@pytest.fixture
def stored(tmp_path):
    storage = FileSystemStorage(location=tmp_path)
    name = storage.save("attachments/2026/03/0a1b2c.pdf", ContentFile(PDF))
    field_file = FieldFile(None, Attachment._meta.get_field("file"), name)
    field_file.storage = storage
    return field_file


def answer(view_class, **kwargs):
    response = view_class.as_view()(RequestFactory().get("/file/"), **kwargs)
    body = b"".join(response.streaming_content)
    response.file_to_stream.close()  # as the server does once it has sent the bytes
    return response, body


def serving(download: Download, **attributes):
    """A view that serves ``download`` to anyone (the check is the app's)."""
    return type("ServingView", (FileDownloadView,), {"get_file": lambda self, **kwargs: download, **attributes})


def test_download_is_an_attachment_under_its_name_with_its_type_never_sniffed(stored):
    response, body = answer(serving(Download(stored, filename="Zápis.pdf", content_type="application/pdf")))

    assert response.status_code == 200
    assert body == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == "attachment; filename*=utf-8''Z%C3%A1pis.pdf"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_download_without_a_name_or_type_is_saved_under_the_stored_name_as_unknown_bytes(stored):
    response, _body = answer(serving(Download(stored)))

    assert response["Content-Type"] == OCTET_STREAM == "application/octet-stream"
    assert response["Content-Disposition"] == 'attachment; filename="0a1b2c.pdf"'


def test_file_shown_in_the_page_is_inline_with_the_views_headers(stored):
    download = Download(stored, content_type="image/png", headers={"Cache-Control": "private, no-store"})

    response, _body = answer(serving(download, as_attachment=False))

    assert response["Content-Disposition"] == 'inline; filename="0a1b2c.pdf"'
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_download_of_a_stored_file_row_takes_its_original_name_and_sniffed_type(stored):
    row = Attachment(file_name="Zápis.pdf", content_type="application/pdf")
    row.file = stored

    download = Download.of(row)

    assert (download.file.name, download.filename, download.content_type) == (
        "attachments/2026/03/0a1b2c.pdf",
        "Zápis.pdf",
        "application/pdf",
    )


def test_file_gone_from_storage_is_a_404_that_says_so(stored):
    stored.storage.delete(stored.name)

    with pytest.raises(Http404) as error:
        answer(serving(Download(stored)))

    assert str(error.value) == "The file is missing from storage."


def test_file_gone_from_storage_is_a_bare_404_when_the_view_says_nothing(stored):
    stored.storage.delete(stored.name)

    with pytest.raises(Http404) as error:
        answer(serving(Download(stored), missing_message=None))

    assert str(error.value) == ""


def test_a_refusal_of_get_file_is_the_answer_and_no_file_is_opened(stored):
    def refuse(self, **kwargs):
        raise Http404

    view = type("RefusingView", (FileDownloadView,), {"get_file": refuse})

    with pytest.raises(Http404):
        answer(view)
