import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from inducult.engagement.enums import EngagementKind
from inducult.engagement.models import Attachment
from inducult.engagement.validators import sniff_content_type, validate_attachment, validate_engagement_kinds
from tests.factories import PDF, EngagementFactory

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


def test_engagement_kinds_accepts_known_codes():
    validate_engagement_kinds(["focus_group", "bilateral_meeting"])


def test_engagement_kinds_refuses_an_unknown_kind_listing_the_allowed_ones():
    with pytest.raises(ValidationError) as error:
        validate_engagement_kinds(["bilateral_meeting", "coffee"])

    allowed = ", ".join(EngagementKind.values)
    assert error.value.messages == [f"Unknown engagement kind(s): coffee. Allowed: {allowed}."]
    assert "focus_group, bilateral_meeting, round_table" in allowed


@pytest.mark.parametrize("value", [[], "bilateral_meeting", [1], {"kind": "workshop"}])
def test_engagement_kinds_refuses_anything_but_a_list_of_codes(value):
    with pytest.raises(ValidationError) as error:
        validate_engagement_kinds(value)

    assert error.value.code == "invalid_kinds"
