"""Import organisations (and contacts) from a CSV or XLSX file, with the web import's pipeline.

Exit codes: 0 imported (or a clean dry run), 1 rows with errors (nothing written unless
--only-valid), 2 the file or the arguments are unusable.
"""

from __future__ import annotations

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _

from inducult.network.services.importing import batches
from inducult.network.services.importing.mapping import guess_mapping
from inducult.network.services.importing.reading import ENCODING_CODES, FileProblem
from inducult.regions.models import Region


class Command(BaseCommand):
    help = "Import organisations from a CSV or XLSX file into a region, mapping columns from their names."

    def add_arguments(self, parser):
        parser.add_argument("file", help="path of the .csv or .xlsx file")
        parser.add_argument("--region", required=True, help="slug of the region")
        parser.add_argument("--encoding", default="auto", choices=ENCODING_CODES, help="encoding of a CSV file")
        parser.add_argument("--only-valid", action="store_true", help="import the valid rows even if others fail")
        parser.add_argument("--dry-run", action="store_true", help="check the file and write nothing")
        parser.add_argument("--user", default="", help="username recorded as the importer in the audit trail")

    def handle(self, *args, file, region, encoding, only_valid, dry_run, user, **options):
        try:
            target_region = Region.objects.get(slug=region)
        except Region.DoesNotExist:
            raise CommandError(f"No region with the slug {region!r}.", returncode=2) from None
        actor = None
        if user:
            actor = get_user_model().objects.filter(username=user).first()
            if actor is None:
                raise CommandError(f"No user {user!r}.", returncode=2)
        path = Path(file)
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}", returncode=2) from None
        try:
            table = batches.read_upload(data=data, file_name=path.name, encoding=encoding)
        except FileProblem as problem:
            raise CommandError(problem.message, returncode=2) from None

        mapping = guess_mapping(table.header)
        described = [f"{column} → {code or '-'}" for column, code in zip(table.columns, mapping, strict=True)]
        self.stdout.write(
            _("Read %(rows)s rows (%(type)s %(encoding)s). Columns: %(columns)s")
            % {
                "rows": len(table.rows),
                "type": table.file_type,
                "encoding": table.encoding,
                "columns": "; ".join(described),
            }
        )
        preview = batches.dry_run(table, mapping, target_region)
        if preview.problems:
            raise CommandError(" ".join(preview.problems), returncode=2)
        outcome = preview.outcome
        for error in outcome.errors:
            self.stderr.write(str(error))
        self.stdout.write(
            _("%(valid)s of %(rows)s rows valid, %(invalid)s with errors.")
            % {"valid": outcome.valid_count, "rows": outcome.row_count, "invalid": outcome.invalid_rows}
        )
        if dry_run:
            self.stdout.write(_("Dry run: nothing was written."))
            if not outcome.is_valid:
                raise CommandError(
                    _("The file has errors: correct the rows listed above and run it again."), returncode=1
                )
            return
        if not outcome.is_valid and not only_valid:
            raise CommandError(
                _("The file has errors, so nothing was imported. Correct the rows listed above or use --only-valid."),
                returncode=1,
            )
        try:
            # The batch record and the import stand or fall together.
            with transaction.atomic():
                batch = batches.record_command_batch(
                    region=target_region, actor=actor, file_name=path.name, table=table
                )
                counts = batches.run_import(batch=batch, actor=actor, only_valid=only_valid, table=table)
        except batches.ImportRefused as refused:
            raise CommandError(refused.message, returncode=1) from None
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Imported: %(created)s created, %(updated)s updated, %(unchanged)s unchanged, %(skipped)s "
                    "skipped; %(contacts_created)s contacts and %(memberships_created)s memberships created."
                )
                % counts
            )
        )
