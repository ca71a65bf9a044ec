"""Stored files (core.files): which uploads are accepted (by name, by content, by size), where their
bytes are stored, what is kept beside them and how they go with their row; and the form field that
takes several at once (core.forms.MultipleFileField)."""

import datetime
import io
import re
import zipfile

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.db.models.fields.files import FieldFile
from django.utils import timezone, translation

from inducult.core import files
from inducult.core.files import sniff_content_type, validate_attachment
from inducult.core.forms import MultipleFileField
from inducult.engagement.models import Attachment
from tests.factories import EngagementFactory


@pytest.fixture(autouse=True)
def english():
    """Messages are asserted in English, the source language."""
    with translation.override("en"):
        yield


PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def zipped(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


DOCX = zipped({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
XLSX = zipped({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"})
ODT = zipped({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<office/>"})


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("minutes.pdf", PDF, "application/pdf"),
        ("photo.PNG", PNG, "image/png"),
        ("photo.jpeg", b"\xff\xd8\xff\xe0" + b"\x00" * 16, "image/jpeg"),
        ("minutes.docx", DOCX, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("list.xlsx", XLSX, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("minutes.odt", ODT, "application/vnd.oasis.opendocument.text"),
    ],
)
def test_attachment_of_an_allowed_type_is_accepted(name, content, content_type):
    upload = SimpleUploadedFile(name, content)

    validate_attachment(upload)

    assert sniff_content_type(upload) == content_type


def test_attachment_of_another_type_is_refused_listing_the_allowed_ones():
    with pytest.raises(ValidationError) as error:
        validate_attachment(SimpleUploadedFile("setup.exe", b"MZ\x90\x00"))

    assert error.value.messages == [
        "“setup.exe” is not a file type accepted here. Allowed: PDF, DOCX, XLSX, ODT, PNG, JPEG."
    ]


def test_attachment_whose_content_does_not_match_its_name_is_refused():
    with pytest.raises(ValidationError) as error:
        validate_attachment(SimpleUploadedFile("minutes.pdf", b"MZ\x90\x00 not a pdf"))

    assert error.value.messages == ["“minutes.pdf” is not a PDF file: its content does not match its name."]


def test_attachment_renamed_between_office_formats_is_refused():
    with pytest.raises(ValidationError) as error:
        validate_attachment(SimpleUploadedFile("list.xlsx", DOCX))

    assert error.value.code == "file_content"


def test_attachment_broken_zip_is_refused():
    with pytest.raises(ValidationError):
        validate_attachment(SimpleUploadedFile("minutes.docx", b"PK\x03\x04 broken"))


def test_attachment_over_the_size_limit_is_refused(settings):
    settings.INDUCULT_ATTACHMENT_MAX_BYTES = 1024

    with pytest.raises(ValidationError) as error:
        validate_attachment(SimpleUploadedFile("minutes.pdf", PDF + b"\x00" * 2000))

    assert error.value.messages == ["“minutes.pdf” is 2.0\xa0KB; a file may be at most 1.0\xa0KB."]


def test_attachment_size_limit_defaults_to_twenty_megabytes(settings):
    assert settings.INDUCULT_ATTACHMENT_MAX_BYTES == 20 * 1024 * 1024


@pytest.mark.django_db
def test_attachment_keeps_original_name_size_and_sniffed_type(region, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    attachment = Attachment(engagement=EngagementFactory(region=region), file=SimpleUploadedFile("Zápis.pdf", PDF))

    attachment.full_clean()
    attachment.save()

    attachment.refresh_from_db()
    assert (attachment.file_name, attachment.size, attachment.content_type) == (
        "Zápis.pdf",
        len(PDF),
        "application/pdf",
    )
    assert attachment.file.name.startswith("attachments/") and "Zápis" not in attachment.file.name
    with attachment.file.open("rb") as stored:
        assert stored.read() == PDF


def test_attachment_already_stored_is_not_read_again():
    stored = SimpleUploadedFile("old.exe", b"MZ")
    stored._committed = True

    validate_attachment(stored)


def test_upload_name_is_the_files_own_name_without_folders():
    assert files.upload_name(SimpleUploadedFile("Zápis 2025.pdf", PDF)) == "Zápis 2025.pdf"
    assert files.upload_name(ContentFile(b"", name="attachments/2026/03/ab.pdf")) == "ab.pdf"
    assert files.upload_name(ContentFile(b"")) == ""


def test_random_name_keeps_only_the_extension_in_lower_case():
    first, second = files.random_name("Jan Novák – zápis.PDF"), files.random_name("Jan Novák – zápis.PDF")

    assert re.fullmatch(r"[0-9a-f]{32}\.pdf", first)
    assert first != second


def test_dated_path_puts_a_months_uploads_in_one_folder(monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: datetime.datetime(2026, 3, 9, 12, tzinfo=datetime.UTC))

    assert re.fullmatch(r"practices/2026/03/[0-9a-f]{32}\.docx", files.dated_path("practices", "Zpráva.docx"))
    assert re.fullmatch(r"attachments/2026/03/[0-9a-f]{32}\.png", files.attachment_path(None, "foto.PNG"))


@pytest.fixture
def stored_file(tmp_path):
    storage = FileSystemStorage(location=tmp_path)
    name = storage.save("attachments/minutes.pdf", ContentFile(PDF))
    return FieldFile(None, Attachment._meta.get_field("file"), name), storage


@pytest.mark.django_db
def test_delete_stored_file_deletes_the_bytes_once_committed(stored_file, django_capture_on_commit_callbacks):
    field_file, storage = stored_file
    field_file.storage = storage

    with django_capture_on_commit_callbacks(execute=True):
        files.delete_stored_file(field_file)

    assert not storage.exists(field_file.name)


@pytest.mark.django_db
def test_delete_stored_file_in_a_rolled_back_transaction_keeps_the_bytes(
    stored_file, django_capture_on_commit_callbacks
):
    field_file, storage = stored_file
    field_file.storage = storage

    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        files.delete_stored_file(field_file)
        raise RuntimeError("the row's deletion failed")

    assert callbacks == []
    assert storage.exists(field_file.name)


@pytest.mark.django_db
def test_delete_stored_file_of_a_row_without_a_file_does_nothing(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        files.delete_stored_file(FieldFile(None, Attachment._meta.get_field("file"), ""))

    assert callbacks == []


class UploadForm(forms.Form):
    attachments = MultipleFileField(required=False)


def test_multiple_file_field_takes_several_files_at_once():
    uploads = [SimpleUploadedFile("a.pdf", PDF), SimpleUploadedFile("b.png", PNG)]

    form = UploadForm(data={}, files={"attachments": uploads})

    assert form.is_valid()
    assert [f.name for f in form.cleaned_data["attachments"]] == ["a.pdf", "b.png"]


def test_multiple_file_field_names_every_refused_file():
    uploads = [SimpleUploadedFile("a.exe", b"MZ"), SimpleUploadedFile("ok.pdf", PDF), SimpleUploadedFile("b.pdf", PNG)]

    form = UploadForm(data={}, files={"attachments": uploads})

    assert not form.is_valid()
    assert form.errors["attachments"] == [
        "“a.exe” is not a file type accepted here. Allowed: PDF, DOCX, XLSX, ODT, PNG, JPEG.",
        "“b.pdf” is not a PDF file: its content does not match its name.",
    ]


def test_multiple_file_field_without_files_is_an_empty_list():
    form = UploadForm(data={}, files={})

    assert form.is_valid()
    assert form.cleaned_data["attachments"] == []
