"""``manage.py backup PATH``: the whole platform in one archive (docs/operations.md, "Backing up")."""

from __future__ import annotations

import datetime
import os
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from inducult.core.backup import archive, database


class Command(BaseCommand):
    help = (
        "Back the platform up into one archive: every table, the uploaded files and the secret key, "
        "with a manifest of checksums. PATH is the archive, or a directory to put a dated one in."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="the archive to write (.tar.gz), or an existing directory")

    def handle(self, *args, path, **options):
        target = Path(path)
        created = datetime.datetime.now(datetime.UTC)
        if target.is_dir():
            target = target / f"inducult-{created:%Y%m%d-%H%M%S}.tar.gz"
        if not target.parent.is_dir():
            raise CommandError(f"The directory {target.parent} does not exist.")
        self.stdout.write("Reading the database…")
        with tempfile.TemporaryDirectory(prefix=".backup-", dir=target.parent) as work:
            work = Path(work)
            rows = work / archive.DATABASE
            about_database = database.dump(rows)
            key = work / archive.SECRET_KEY
            # The archive holds people's data and the key that signs their sessions: only its owner reads it.
            fd = os.open(key, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as stream:
                stream.write(settings.SECRET_KEY)
            members = [archive.Member(archive.DATABASE, rows), archive.Member(archive.SECRET_KEY, key)]
            members += list(archive.media_members(Path(settings.MEDIA_ROOT)))
            self.stdout.write(f"Writing {len(members)} files to {target}…")
            about = {
                "created_at": created.isoformat(timespec="seconds"),
                "database": about_database,
                "secret_key_from": "environment" if os.environ.get("SECRET_KEY") else "file",
            }
            archive.write(target, members, about)
        tables = sum(1 for count in about_database["counts"].values() if count)
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up {sum(about_database['counts'].values())} rows in {tables} tables and "
                f"{len(members) - 2} uploaded files to {target}."
            )
        )
