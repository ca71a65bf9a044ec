"""Uploaded files kept by the platform: where their bytes are stored, which files are accepted (checked
by name and by content), what is kept beside the bytes (``StoredFile``) and how the bytes go with
their row.

One home for all of it, because the apps that keep documents (the engagement log's attachments, the
strategy's evidence files, the good practices' attachments) must accept the same types and refuse
the same disguised files, and no app (the sites' photos too) may leave a file behind a deleted row:
files may hold minutes with personal data. Files are served only through views that check who may
read them (``core.views.downloads``), never from ``MEDIA_URL``.
"""

from __future__ import annotations

import uuid
import zipfile
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models.fields.files import FieldFile
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


def upload_name(upload) -> str:
    """The uploaded file's own name without any folder ("" when it has none): what people call it."""
    return PurePath(getattr(upload, "name", "") or "").name


def random_name(filename: str) -> str:
    """A random stored name that keeps only the upload's extension (in lower case): an uploaded file's
    own name (often a person's name or a date) never appears in a URL or a storage path."""
    return f"{uuid.uuid4().hex}{PurePath(filename).suffix.lower()}"


def dated_path(folder: str, filename: str) -> str:
    """``folder/YYYY/MM/<random name>``: a month's uploads in one directory, none of them guessable."""
    return f"{folder}/{timezone.now():%Y/%m}/{random_name(filename)}"


def attachment_path(instance, filename: str) -> str:
    """Where an engagement's attachment or a deliverable's evidence file is stored; the original name is
    kept in ``StoredFile.file_name``, never in a URL."""
    return dated_path("attachments", filename)


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


def _allowed_attachments_help() -> str:
    return gettext("Allowed: %(types)s.") % {"types": ", ".join(ALLOWED_ATTACHMENT_NAMES)}


# A form field's help text, in the language of the page it is shown on (a "%" on a lazy text would
# fix it in the language active when the form class is defined, Czech).
ALLOWED_ATTACHMENTS_HELP = lazy(_allowed_attachments_help, str)()
_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


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
    name = upload_name(value)
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


class StoredFile(models.Model):
    """What every uploaded file of the platform keeps beside its bytes: the original name, size and
    content type (as the bytes show it) and a description. Concrete models add ``file`` (their own
    storage path, ``validate_attachment``) and the record the file belongs to, and call
    ``delete_stored_file`` when a row is deleted."""

    file_name = models.CharField(_("file name"), max_length=255, blank=True)
    content_type = models.CharField(_("content type"), max_length=100, editable=False, default="")
    size = models.PositiveBigIntegerField(_("size"), editable=False, default=0)
    description = models.CharField(_("description"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["created_at", "id"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.file_name or PurePath(self.file.name or "").name

    def save(self, *args, **kwargs):
        self.describe_upload()
        super().save(*args, **kwargs)

    def clean(self) -> None:
        self.describe_upload()

    def describe_upload(self) -> None:
        """Take a new upload's original name, size and content type (as its bytes show it)."""
        if not self.file or getattr(self.file, "_committed", True):
            return
        self.file_name = upload_name(self.file)[:255]
        self.size = self.file.size
        extension = PurePath(self.file.name).suffix.lower()
        self.content_type = sniff_content_type(self.file) or ATTACHMENT_TYPES.get(extension, ("", ""))[1]


def delete_stored_file(stored: FieldFile) -> None:
    """Delete a row's stored bytes once the row's deletion is committed, however the row goes (a remove
    button, the admin, a parent deleted for good): a rolled-back transaction keeps the file its row
    still names. Called from each file model's ``post_delete`` receiver with the row's file."""
    if stored and stored.name:
        storage, name = stored.storage, stored.name
        transaction.on_commit(lambda: storage.delete(name))
