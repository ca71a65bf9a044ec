"""``manage.py restore PATH``: put back what ``manage.py backup`` archived, all of it or nothing."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from inducult.core.backup import archive, database, serving


class Command(BaseCommand):
    help = (
        "Restore an archive made by `manage.py backup`: every table, the uploaded files and the secret key. "
        "Stop every server and worker first; the command refuses while one holds the database."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="the archive made by manage.py backup")

    def handle(self, *args, path, **options):
        var_dir = Path(settings.VAR_DIR)
        try:
            with serving.exclusive(var_dir), tempfile.TemporaryDirectory(prefix=".restore-", dir=var_dir) as work:
                work = Path(work)
                self.stdout.write("Checking the archive against its manifest…")
                manifest = archive.extract(Path(path), work)
                for note in database.prepare():
                    self.stdout.write(self.style.WARNING(note))
                self.stdout.write("Bringing the database's tables up to date…")
                call_command("migrate", interactive=False, verbosity=0)
                database.check_migrations(manifest)
                self.stdout.write("Restoring every table…")
                rows = database.load(work / archive.DATABASE, manifest)
                files = self._restore_media(work / archive.MEDIA, Path(settings.MEDIA_ROOT), var_dir)
                self._restore_key(work / archive.SECRET_KEY, var_dir)
        except (archive.ArchiveError, database.RestoreRefused, serving.ServerRunning) as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {rows} rows and {files} uploaded files from the backup of {manifest.get('created_at')}."
            )
        )

    def _restore_media(self, restored: Path, media: Path, var_dir: Path) -> int:
        """Swap the media directory for the archive's by renames, so no mix of old and restored
        files is ever left behind."""
        restored.mkdir(parents=True, exist_ok=True)
        files = sum(1 for path in restored.rglob("*") if path.is_file())
        old = Path(tempfile.mkdtemp(prefix=".media-old-", dir=var_dir))
        if media.exists():
            media.rename(old / "media")
        restored.rename(media)
        shutil.rmtree(old)
        return files

    def _restore_key(self, key: Path, var_dir: Path) -> None:
        if os.environ.get("SECRET_KEY"):
            same = key.read_text() == os.environ["SECRET_KEY"]
            if not same:
                self.stdout.write(
                    self.style.WARNING(
                        "The environment sets SECRET_KEY, which differs from the archive's: sessions and "
                        "links signed before the backup will not be accepted. The archive's key is not written."
                    )
                )
            return
        target = var_dir / "secret_key"
        partial = var_dir / ".secret_key.restoring"
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as stream:
            stream.write(key.read_text())
        partial.replace(target)
