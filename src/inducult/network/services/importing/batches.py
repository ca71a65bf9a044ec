"""Actions on an import batch: upload, mapping, preview (dry run) and the import itself.

Views and the management command call these keyword-only functions; each write records an audit
entry in its transaction.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from inducult.core import audit
from inducult.core.models import AuditAction
from inducult.network.models import ImportBatch
from inducult.network.services.importing import mapping as mapping_module
from inducult.network.services.importing.applying import apply_rows, import_summary, load_existing
from inducult.network.services.importing.reading import FileProblem, Table, check_size, read_table
from inducult.network.services.importing.validation import Outcome, validate
from inducult.regions.models import Region

logger = logging.getLogger(__name__)
Status = ImportBatch.Status


class ImportRefused(Exception):
    """Nothing was written; ``message`` says why and what to do."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass
class Preview:
    table: Table
    mapping: list[str]
    problems: list[str]
    outcome: Outcome | None  # None while the mapping has problems


def _user(actor):
    return actor if getattr(actor, "is_authenticated", False) else None


def read_upload(*, data: bytes, file_name: str, encoding: str = "auto") -> Table:
    check_size(len(data), settings.INDUCULT_IMPORT_MAX_BYTES)
    return read_table(data, file_name, encoding)


@transaction.atomic
def start_batch(*, region, actor, file_name: str, data: bytes, encoding: str = "auto") -> ImportBatch:
    """Read the upload (raising FileProblem for an unusable file) and keep it for the next steps."""
    table = read_upload(data=data, file_name=file_name, encoding=encoding)
    extension = file_name.rsplit(".", 1)[-1].lower()
    batch = ImportBatch(
        region=region,
        created_by=_user(actor),
        file_name=file_name[-255:],
        size=len(data),
        encoding_choice=encoding,
        encoding=table.encoding,
        delimiter=table.delimiter,
        mapping=mapping_module.guess_mapping(table.header),
        counts={"rows": len(table.rows)},
    )
    # A random stored name: the person's file name may hold anything and is kept in file_name.
    batch.file.save(f"{uuid.uuid4().hex}.{extension}", ContentFile(data), save=False)
    batch.save()
    audit.record(
        actor=actor,
        action=AuditAction.CREATE,
        instance=batch,
        summary=_("Uploaded “%(file)s” for import") % {"file": batch.file_name},
    )
    return batch


def load_table(batch: ImportBatch) -> Table:
    if not batch.file:
        raise FileProblem(_("The uploaded file is no longer kept. Upload it again."))
    try:
        with batch.file.open("rb") as handle:
            data = handle.read()
    except OSError:
        raise FileProblem(_("The uploaded file is no longer kept. Upload it again.")) from None
    return read_table(data, batch.file_name, batch.encoding or batch.encoding_choice)


@transaction.atomic
def save_mapping(*, batch: ImportBatch, actor, mapping: list[str], encoding: str) -> ImportBatch:
    """Store the person's column choices (and encoding); raises FileProblem if the encoding does not fit."""
    before = {"mapping": batch.mapping, "encoding": batch.encoding}
    if encoding != batch.encoding_choice:
        with batch.file.open("rb") as handle:
            table = read_table(handle.read(), batch.file_name, encoding)
        batch.encoding_choice, batch.encoding, batch.delimiter = encoding, table.encoding, table.delimiter
    else:
        table = load_table(batch)
    batch.mapping = mapping_module.normalise(mapping, len(table.header))
    batch.status = Status.PREVIEWED
    batch.save(update_fields=["mapping", "encoding_choice", "encoding", "delimiter", "status"])
    changes = audit.diff(before, {"mapping": batch.mapping, "encoding": batch.encoding})
    if changes:
        audit.record(actor=actor, action=AuditAction.CHANGE, instance=batch, changes=changes)
    return batch


def dry_run(table: Table, mapping: list[str], region) -> Preview:
    mapping = mapping_module.normalise(mapping, len(table.header))
    problems = mapping_module.mapping_problems(mapping, table.columns)
    outcome = None if problems else validate(table, mapping, load_existing(region))
    return Preview(table=table, mapping=mapping, problems=problems, outcome=outcome)


def preview(batch: ImportBatch) -> Preview:
    """The dry run of a batch: reads and validates, writes no registry data (FileProblem if unreadable)."""
    result = dry_run(load_table(batch), batch.mapping, batch.region)
    if batch.status == Status.UPLOADED:
        # Bookkeeping of the batch itself, not a change to shared data: no audit entry.
        ImportBatch.objects.filter(pk=batch.pk, status=Status.UPLOADED).update(status=Status.PREVIEWED)
        batch.status = Status.PREVIEWED
    return result


def run_import(
    *,
    batch: ImportBatch,
    actor,
    only_valid: bool = False,
    expected_valid: int | None = None,
    table: Table | None = None,
) -> dict[str, int]:
    """Validate again and write in ONE transaction: everything, or (``only_valid``) the valid rows.

    The registry may have changed since the preview, so validation runs again inside the
    transaction; ``expected_valid`` (the count the person confirmed) must still hold.
    """
    if batch.status == Status.IMPORTED:
        raise ImportRefused(_("This file has already been imported."))
    try:
        table = table or load_table(batch)
    except FileProblem as problem:
        raise ImportRefused(problem.message) from None
    mapping = mapping_module.normalise(batch.mapping, len(table.header))
    problems = mapping_module.mapping_problems(mapping, table.columns)
    if problems:
        raise ImportRefused(" ".join(problems))
    try:
        with transaction.atomic():
            # One import per region at a time: two at once could each create the same organisation.
            Region.objects.select_for_update().filter(pk=batch.region_id).first()
            outcome = validate(table, mapping, load_existing(batch.region))
            _check(outcome, only_valid, expected_valid)
            counts = apply_rows(
                region=batch.region,
                actor=actor,
                rows=outcome.rows,
                summary=import_summary(batch.file_name, batch.pk),
            )
            counts = {"rows": outcome.row_count, **counts, "skipped": outcome.invalid_rows}
            batch.status, batch.counts, batch.finished_at = Status.IMPORTED, counts, timezone.now()
            batch.save(update_fields=["status", "counts", "finished_at"])
            audit.record(
                actor=actor,
                action=AuditAction.IMPORT,
                instance=batch,
                changes=audit.created(counts),
                summary=_(
                    "Imported “%(file)s”: %(created)s created, %(updated)s updated, %(unchanged)s unchanged, "
                    "%(skipped)s skipped"
                )
                % {"file": batch.file_name, **counts},
            )
    except DatabaseError:
        logger.exception("Import batch %s failed", batch.pk)
        ImportBatch.objects.filter(pk=batch.pk).update(status=Status.FAILED, finished_at=timezone.now())
        raise ImportRefused(
            _("The database refused the import, so nothing was written. Try again; if it fails again, tell the admin.")
        ) from None
    if batch.file:
        # The file held personal data and is no longer needed once its rows are in the registry.
        storage, stored = batch.file.storage, batch.file.name
        ImportBatch.objects.filter(pk=batch.pk).update(file="")
        batch.file = ""
        transaction.on_commit(lambda: storage.delete(stored))
    return counts


def _check(outcome: Outcome, only_valid: bool, expected_valid: int | None) -> None:
    if not outcome.is_valid and not only_valid:
        raise ImportRefused(
            _(
                "%(invalid)s of %(rows)s rows have errors, so nothing was imported. Correct them in the file and "
                "upload it again, or import only the valid rows."
            )
            % {"invalid": outcome.invalid_rows, "rows": outcome.row_count}
        )
    if expected_valid is not None and outcome.valid_count != expected_valid:
        raise ImportRefused(
            _("The registry changed since the preview (now %(valid)s valid rows). Check the preview again.")
            % {"valid": outcome.valid_count}
        )
    if not outcome.rows:
        raise ImportRefused(_("No row is valid, so there is nothing to import. Correct the file and upload it again."))


@transaction.atomic
def record_command_batch(*, region, actor, file_name: str, table: Table) -> ImportBatch:
    """A batch for an import from the command line: no stored file, the automatic mapping."""
    batch = ImportBatch.objects.create(
        region=region,
        created_by=_user(actor),
        file_name=file_name[-255:],
        encoding=table.encoding,
        delimiter=table.delimiter,
        mapping=mapping_module.guess_mapping(table.header),
        status=Status.PREVIEWED,
        counts={"rows": len(table.rows)},
    )
    audit.record(
        actor=actor,
        action=AuditAction.CREATE,
        instance=batch,
        summary=_("Import of “%(file)s” started from the command line") % {"file": batch.file_name},
    )
    return batch


def purge_abandoned_files(*, older_than, now=None) -> int:
    """Delete the stored files of uploads never imported and older than ``older_than`` (a timedelta).

    An uploaded contact list holds personal data; once nobody goes on with the import, keeping it
    serves no purpose (GDPR art. 5(1)(e), storage limitation). The batch row stays as a record of
    the upload, without its file; each removal is audited. Returns the number of files removed.
    """
    cutoff = (now or timezone.now()) - older_than
    stale = ImportBatch.objects.exclude(file="").exclude(status=Status.IMPORTED).filter(created_at__lt=cutoff)
    removed = 0
    for batch in stale.select_related("region").iterator():
        storage, stored = batch.file.storage, batch.file.name
        with transaction.atomic():
            ImportBatch.objects.filter(pk=batch.pk).update(file="")
            audit.record(
                actor=None,
                action=AuditAction.DELETE,
                instance=batch,
                summary=_("Removed the uploaded file “%(file)s”: it was never imported") % {"file": batch.file_name},
            )
            transaction.on_commit(lambda storage=storage, stored=stored: storage.delete(stored))
        removed += 1
    return removed
