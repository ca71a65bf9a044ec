"""Validators of the engagement log: lists of engagement kinds and uploaded attachments.

Leaves of the layering: they know the enums and the settings, never the models.
"""

from __future__ import annotations

import zipfile
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from inducult.engagement.enums import EngagementKind

# Extension → (name shown to people, content type). The bytes must agree with the extension.
ATTACHMENT_TYPES: dict[str, tuple[str, str]] = {
    ".pdf": ("PDF", "application/pdf"),
    ".docx": ("DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ".xlsx": ("XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ".odt": ("ODT", "application/vnd.oasis.opendocument.text"),
    ".png": ("PNG", "image/png"),
    ".jpg": ("JPEG", "image/jpeg"),
    ".jpeg": ("JPEG", "image/jpeg"),
}
ALLOWED_ATTACHMENT_NAMES = ("PDF", "DOCX", "XLSX", "ODT", "PNG", "JPEG")
_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


def validate_engagement_kinds(value) -> None:
    """A non-empty list of engagement kind codes; an unknown code is refused with the allowed ones."""
    allowed = ", ".join(EngagementKind.values)
    if not isinstance(value, list) or not value or not all(isinstance(item, str) for item in value):
        raise ValidationError(
            _("Give at least one engagement kind as a list of codes. Allowed: %(allowed)s."),
            code="invalid_kinds",
            params={"allowed": allowed},
        )
    unknown = [item for item in value if item not in EngagementKind.values]
    if unknown:
        raise ValidationError(
            _("Unknown engagement kind(s): %(unknown)s. Allowed: %(allowed)s."),
            code="unknown_kind",
            params={"unknown": ", ".join(unknown), "allowed": allowed},
        )


def sniff_content_type(file) -> str | None:
    """The content type the file's bytes show (one of ATTACHMENT_TYPES), or None.

    PDF, PNG and JPEG start with a fixed signature. DOCX, XLSX and ODT are ZIP archives told apart
    by their members; only the archive's directory and ODT's tiny ``mimetype`` member are read.
    """
    file.seek(0)
    head = file.read(8)
    try:
        if head.startswith(b"%PDF-"):
            return "application/pdf"
        if head.startswith(b"\x89PNG\r\n\x1a\n"):
            return "image/png"
        if head.startswith(b"\xff\xd8\xff"):
            return "image/jpeg"
        if head.startswith(b"PK\x03\x04"):
            file.seek(0)
            try:
                with zipfile.ZipFile(file) as archive:
                    names = set(archive.namelist())
                    if "word/document.xml" in names:
                        return ATTACHMENT_TYPES[".docx"][1]
                    if "xl/workbook.xml" in names:
                        return ATTACHMENT_TYPES[".xlsx"][1]
                    if (
                        "mimetype" in names
                        and archive.getinfo("mimetype").file_size <= 100
                        and archive.read("mimetype").strip() == _ODT_MIMETYPE
                    ):
                        return ATTACHMENT_TYPES[".odt"][1]
            except (zipfile.BadZipFile, KeyError, ValueError):
                return None
        return None
    finally:
        file.seek(0)


def validate_attachment(value) -> None:
    """An uploaded file of an allowed type (by name and by content) within the size limit.

    The limit is ``settings.INDUCULT_ATTACHMENT_MAX_BYTES``. A file already stored was checked when
    it was uploaded and is not read again.
    """
    if getattr(value, "_committed", False):
        return
    name = PurePath(getattr(value, "name", "") or "").name
    extension = PurePath(name).suffix.lower()
    if extension not in ATTACHMENT_TYPES:
        raise ValidationError(
            _("“%(name)s” is not a file type accepted here. Allowed: %(allowed)s."),
            code="file_type",
            params={"name": name, "allowed": ", ".join(ALLOWED_ATTACHMENT_NAMES)},
        )
    limit = settings.INDUCULT_ATTACHMENT_MAX_BYTES
    if value.size > limit:
        raise ValidationError(
            _("“%(name)s” is %(size)s; a file may be at most %(limit)s."),
            code="file_size",
            params={"name": name, "size": filesizeformat(value.size), "limit": filesizeformat(limit)},
        )
    label, content_type = ATTACHMENT_TYPES[extension]
    if sniff_content_type(value) != content_type:
        raise ValidationError(
            _("“%(name)s” is not a %(type)s file: its content does not match its name."),
            code="file_content",
            params={"name": name, "type": label},
        )
