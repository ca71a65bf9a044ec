"""One way to answer with a stored file (``core.files``): the engagement log's and the good practices'
attachments, the sites' photos.

Stored files are never served from ``MEDIA_URL``: every one goes out through a view that first checks
who may read it. There is one such view so that every file leaves with the same care: opened only
after the check, a clear 404 when the bytes are gone from storage, the content type we checked at
upload and ``X-Content-Type-Options: nosniff`` (a browser never guesses another type from the bytes,
so a disguised file cannot run as a page of ours). A view of an app says only which record is asked
for and who may have it (``get_file``), how the file is named and cached (``Download``), and whether
it is a download or shown in the page (``as_attachment``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404
from django.utils.translation import gettext_lazy as _
from django.views import View

OCTET_STREAM = "application/octet-stream"


@dataclass(frozen=True)
class Download:
    """What to answer with: the stored ``file``, the name a download is saved as (empty: the stored
    name), its content type (empty: ``OCTET_STREAM``, bytes of no known kind) and further headers
    (caching)."""

    file: FieldFile
    filename: str = ""
    content_type: str = ""
    headers: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, stored) -> Download:
        """A ``core.files.StoredFile``'s file, under its original name and the type its bytes showed."""
        return cls(stored.file, filename=stored.file_name, content_type=stored.content_type)


class FileDownloadView(View):
    """Answers a GET with the file ``get_file`` finds, once the request may read it."""

    as_attachment = True  # a document is downloaded; a photo (False) is shown in the page
    # The 404's message when the row names a file that is gone from storage (None: a bare 404).
    missing_message: str | None = _("The file is missing from storage.")

    def get_file(self, **kwargs) -> Download:
        """The file asked for by the URL's ``kwargs``; raise ``Http404`` when there is none or the
        request may not read it (a 404 either way, so that a file's existence is not revealed)."""
        raise NotImplementedError

    def get(self, request, *args, **kwargs):
        download = self.get_file(**kwargs)
        try:
            handle = download.file.open("rb")
        except FileNotFoundError:
            raise (Http404(self.missing_message) if self.missing_message else Http404) from None
        response = FileResponse(
            handle,
            as_attachment=self.as_attachment,
            filename=download.filename or None,
            content_type=download.content_type or OCTET_STREAM,
        )
        for name, value in download.headers.items():
            response[name] = value
        response["X-Content-Type-Options"] = "nosniff"
        return response
