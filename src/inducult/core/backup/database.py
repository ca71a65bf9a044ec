"""The database's part of a backup: every table serialised by Django (so that an archive made on
SQLite loads into PostgreSQL and back), read from one consistent snapshot while the platform runs,
and loaded back in one transaction that either restores every row or changes nothing."""

from __future__ import annotations

import datetime
import sqlite3
from pathlib import Path

from django.apps import apps
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

from inducult.core.backup import exact_json

SNAPSHOT = "backup_snapshot"


class RestoreRefused(Exception):
    """The database cannot be restored now; the reason in words an operator can act on."""


def _counts(using: str) -> dict[str, int]:
    return {
        model._meta.label_lower: model._base_manager.using(using).count()
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    }


def _applied(using: str) -> list[str]:
    return sorted(f"{app}.{name}" for app, name in MigrationRecorder(connections[using]).applied_migrations())


def dump(target: Path) -> dict:
    """Serialise every row to ``target``; what the manifest records of the database (vendor,
    applied migrations, rows per table)."""
    using = DEFAULT_DB_ALIAS
    snapshot = None
    if connection.vendor == "sqlite":
        # SQLite's online backup copies a consistent state in one step without holding writers
        # back for the time the serialisation takes; the rows are then read from the copy.
        snapshot = target.with_name("snapshot.sqlite3")
        source, copy = sqlite3.connect(connection.settings_dict["NAME"]), sqlite3.connect(snapshot)
        try:
            source.backup(copy)
        finally:
            source.close()
            copy.close()
        connections.settings[SNAPSHOT] = {**connection.settings_dict, "NAME": str(snapshot)}
        using = SNAPSHOT
    try:
        with transaction.atomic(using=using):
            if connections[using].vendor == "postgresql":
                # One snapshot for every table, however long the dump takes.
                with connections[using].cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            call_command(
                "dumpdata",
                database=using,
                use_base_manager=True,
                output=str(target),
                format=exact_json.NAME,
                verbosity=0,
            )
            about = {
                "vendor": connection.vendor,
                "migrations": _applied(using),
                "counts": _counts(using),
            }
    finally:
        if snapshot is not None:
            connections[SNAPSHOT].close()
            del connections[SNAPSHOT]
            del connections.settings[SNAPSHOT]
            snapshot.unlink(missing_ok=True)
    return about


def prepare() -> list[str]:
    """Make sure nobody else has the database open, and that SQLite's file can take the restore;
    what was done, for the operator. Raises RestoreRefused."""
    connection.close()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND pid <> pg_backend_pid() AND backend_type = 'client backend'"
            )
            (others,) = cursor.fetchone()
        connection.close()
        if others:
            raise RestoreRefused(
                f"{others} other connection(s) to the database are open: stop every server and worker first."
            )
        return []
    return _prepare_sqlite(Path(connection.settings_dict["NAME"]))


def _prepare_sqlite(path: Path) -> list[str]:
    if not path.exists():
        return []
    try:
        raw = sqlite3.connect(path, timeout=0)
    except sqlite3.Error as error:
        return _set_aside(path, error)
    try:
        # Leaving WAL mode needs the database to itself: it fails while any other connection is
        # open, and on the way it folds a write-ahead log left by a crashed process into the file,
        # so no stale -wal can later be replayed onto the restored rows.
        (mode,) = raw.execute("PRAGMA journal_mode=DELETE").fetchone()
    except sqlite3.OperationalError as error:
        if "locked" in str(error) or "busy" in str(error):
            raise RestoreRefused("Another process has the database open: stop every server and worker first.") from None
        return _set_aside(path, error)
    except sqlite3.DatabaseError as error:
        return _set_aside(path, error)
    finally:
        raw.close()
    if mode != "delete":
        raise RestoreRefused("Another process has the database open: stop every server and worker first.")
    return []


def _set_aside(path: Path, error: Exception) -> list[str]:
    """A database file SQLite cannot read is kept for inspection, never overwritten."""
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    kept = []
    for suffix in ("", "-wal", "-shm", "-journal"):
        part = path.with_name(path.name + suffix)
        if part.exists():
            aside = part.with_name(f"{part.name}.damaged-{stamp}")
            part.rename(aside)
            kept.append(aside.name)
    return [f"The database file could not be read ({error}); kept as {', '.join(kept)}."]


def check_migrations(manifest: dict) -> None:
    """The archive's rows fit only the schema they were read from."""
    theirs = set(manifest["database"].get("migrations") or [])
    known = {f"{app}.{name}" for app, name in MigrationLoader(None, ignore_no_migrations=True).disk_migrations}
    newer = sorted(theirs - known)
    if newer:
        raise RestoreRefused(
            "The backup was made by a newer version of the platform (migrations unknown here: "
            f"{', '.join(newer[:3])}). Restore it with that version."
        )
    older = sorted(set(_applied(DEFAULT_DB_ALIAS)) - theirs)
    if older:
        raise RestoreRefused(
            "The backup was made by an older version of the platform (it lacks migrations "
            f"{', '.join(older[:3])}). Restore it with that version, then upgrade."
        )


def load(source: Path, manifest: dict) -> int:
    """Replace every row by the archive's, in one transaction; the number of rows restored."""
    expected = manifest["database"]["counts"]
    with transaction.atomic():
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
        call_command("loaddata", str(source), verbosity=0)
        found = _counts(DEFAULT_DB_ALIAS)
        differing = sorted(
            label for label in set(expected) | set(found) if expected.get(label, 0) != found.get(label, 0)
        )
        if differing:
            raise RestoreRefused(
                f"The restored tables do not hold the rows the manifest counts ({', '.join(differing[:3])}); "
                "nothing was changed."
            )
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            (verdict,) = cursor.execute("PRAGMA integrity_check").fetchone()
        if verdict != "ok":
            raise RestoreRefused(f"SQLite's integrity check failed after the restore: {verdict}")
    return sum(found.values())
