"""``manage.py backup`` and ``restore`` as an operator runs them: separate processes on a real
database file (and, when the suite runs on PostgreSQL, a real PostgreSQL database), the demo plus
edits backed up, changed, crashed into and restored, then every table and file compared with what
was backed up (issue #15: "Restore can corrupt")."""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import tarfile
import uuid
from pathlib import Path

import pytest
from django.conf import settings

from inducult.core.backup import archive

ROOT = Path(__file__).resolve().parents[2]

EDIT = """
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from inducult.network.models import Organisation
first = Organisation.objects.order_by("pk").first()
Organisation.objects.filter(pk=first.pk).update(name=first.name + " ({label})")
default_storage.save("engagements/{label}.pdf", ContentFile(b"%PDF-1.4 {label}"))
"""
CHANGE_AFTER_BACKUP = """
from django.core.files.storage import default_storage
from inducult.engagement.models import FollowUpTask
from inducult.network.models import Organisation, Person
Organisation.objects.filter(pk=Organisation.objects.order_by("-pk").first().pk).update(name="Renamed after the backup")
Person.objects.exclude(pk__in=FollowUpTask.objects.values("owner")).order_by("pk").first().delete()
for name in default_storage.listdir("engagements")[1]:
    default_storage.delete("engagements/" + name)
default_storage.save("photos/after.jpg", __import__("io").BytesIO(b"not in the backup"))
"""
# A process that writes and dies without closing the database: SQLite keeps the write in the -wal.
CRASH = """
import os, signal
from inducult.network.models import Organisation
Organisation.objects.filter(pk=Organisation.objects.order_by("pk").first().pk).update(name="Written before a crash")
os.kill(os.getpid(), signal.SIGKILL)
"""

HOLD_THE_DATABASE = """import os, sqlite3
held = sqlite3.connect(os.environ["INDUCULT_VAR_DIR"] + "/inducult.sqlite3")
held.execute("SELECT count(*) FROM sqlite_master").fetchone()"""


class Installation:
    """One installation of the platform: its var directory and its database, driven by manage.py."""

    def __init__(self, var: Path, database_url: str | None = None):
        self.var = var
        self.env = {key: value for key, value in os.environ.items() if key not in ("DATABASE_URL", "SECRET_KEY")}
        self.env |= {"DJANGO_SETTINGS_MODULE": "inducult.settings", "INDUCULT_VAR_DIR": str(var)}
        if database_url:
            self.env["DATABASE_URL"] = database_url

    def run(self, *args: str, ok: bool = True) -> subprocess.CompletedProcess:
        done = subprocess.run(
            [sys.executable, str(ROOT / "manage.py"), *args],
            env=self.env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=600,
        )
        if ok:
            assert done.returncode == 0, f"manage.py {args[0]} failed:\n{done.stdout}\n{done.stderr}"
        return done

    def shell(self, code: str, ok: bool = True) -> subprocess.CompletedProcess:
        return self.run("shell", "--no-imports", "-c", code, ok=ok)

    def tables(self) -> dict:
        """Every row of every table, each field as written with every microsecond."""
        text = self.run("dumpdata", "--all", "--format", "inducult-exact-json").stdout
        return {(row["model"], str(row["pk"])): row["fields"] for row in json.loads(text)}

    def files(self) -> dict[str, str]:
        media = self.var / "media"
        return {
            path.relative_to(media).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(media.rglob("*"))
            if path.is_file()
        }

    def state(self) -> tuple[dict, dict, str]:
        return self.tables(), self.files(), (self.var / "secret_key").read_text()


@pytest.fixture(scope="module")
def sqlite_backup(tmp_path_factory):
    """The demo plus edits on SQLite, backed up: the installation, its archive and its state then."""
    home = Installation(tmp_path_factory.mktemp("sqlite") / "var")
    home.run("migrate", "--noinput")
    home.run("load_demo")
    home.shell(EDIT.format(label="before"))
    saved = tmp_path_factory.mktemp("archives") / "sqlite.tar.gz"
    done = home.run("backup", str(saved))
    assert "Backed up" in done.stdout
    assert saved.stat().st_mode & 0o777 == 0o600  # people's data and the secret key
    return home, saved, home.state()


def a_sqlite_backup_restores_every_row_and_file_after_changes_and_a_crash(sqlite_backup):
    home, saved, before = sqlite_backup
    assert before[0] and "engagements/before.pdf" in before[1]

    home.shell(CHANGE_AFTER_BACKUP)
    crashed = home.shell(CRASH, ok=False)
    assert crashed.returncode == -signal.SIGKILL
    database = home.var / "inducult.sqlite3"
    assert database.with_name("inducult.sqlite3-wal").stat().st_size > 0  # the crash left its log behind

    done = home.run("restore", str(saved))
    assert "Restored" in done.stdout
    assert home.state() == before
    with contextlib.closing(sqlite3.connect(database)) as check:
        assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def untouched(home: Installation) -> tuple[str, dict]:
    """The database file's bytes and the uploaded files: a refused restore changes neither."""
    return hashlib.sha256((home.var / "inducult.sqlite3").read_bytes()).hexdigest(), home.files()


def _another_process(home: Installation, code: str) -> subprocess.Popen:
    """A process running ``code`` and then staying alive, as a server would."""
    process = subprocess.Popen(
        [sys.executable, "-c", f"{code}\nimport time; print('ready', flush=True); time.sleep(120)"],
        env=home.env | {"PYTHONPATH": str(ROOT / "src")},
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout.readline().strip() == "ready"
    return process


def _stop(process: subprocess.Popen) -> None:
    process.kill()
    process.wait()
    process.stdout.close()


def restore_refuses_while_a_server_runs_or_holds_the_database(sqlite_backup):
    home, saved, _before = sqlite_backup
    then = untouched(home)
    server = _another_process(home, "import inducult.wsgi")
    try:
        refused = home.run("restore", str(saved), ok=False)
    finally:
        _stop(server)
    assert refused.returncode != 0
    assert "The platform is running on this machine: stop its server first." in refused.stderr

    # A process that took no lock (another tool, a server started otherwise) but has the database open.
    holder = _another_process(home, HOLD_THE_DATABASE)
    try:
        refused = home.run("restore", str(saved), ok=False)
    finally:
        _stop(holder)
    assert refused.returncode != 0
    assert "Another process has the database open" in refused.stderr
    assert untouched(home) == then


def _rewrite(source: Path, target: Path, change) -> None:
    """A copy of an archive with ``change(name, data)`` applied to each member (None leaves it out)."""
    with tarfile.open(source, "r:gz") as old, tarfile.open(target, "w:gz") as new:
        for entry in old.getmembers():
            data = change(entry.name, old.extractfile(entry).read())
            if data is not None:
                entry.size = len(data)
                new.addfile(entry, io.BytesIO(data))


def _changed_row(name, data):
    return data.replace(b"(before)", b"(BEFORE)") if name == archive.DATABASE else data


def _cut_database(name, data):
    return data[: len(data) // 2] if name == archive.DATABASE else data


def _file_left_out(name, data):
    return None if name.startswith("media/") else data


def _manifest_left_out(name, data):
    return None if name == archive.MANIFEST else data


@pytest.mark.parametrize(
    "change, message",
    [
        (_changed_row, "does not match its checksum"),
        (_cut_database, "does not match its checksum"),
        (_file_left_out, "lacks files its manifest lists: media/engagements/before.pdf"),
        (_manifest_left_out, "it has no manifest.json"),
    ],
)
def a_damaged_archive_is_refused_and_nothing_changes(sqlite_backup, tmp_path, change, message):
    home, saved, _before = sqlite_backup
    then = untouched(home)
    damaged = tmp_path / "damaged.tar.gz"
    _rewrite(saved, damaged, change)
    refused = home.run("restore", str(damaged), ok=False)
    assert refused.returncode != 0
    assert message in refused.stderr
    assert untouched(home) == then


def test_an_archive_cannot_write_outside_its_own_tree(tmp_path):
    payload = tmp_path / "payload"
    payload.write_bytes(b"x")
    hostile = tmp_path / "hostile.tar.gz"
    manifest = {"format": archive.FORMAT, "version": archive.VERSION, "files": {archive.DATABASE: {}}}
    with tarfile.open(hostile, "w:gz") as out:
        data = json.dumps(manifest).encode()
        info = tarfile.TarInfo(archive.MANIFEST)
        info.size = len(data)
        out.addfile(info, io.BytesIO(data))
        out.add(payload, arcname="media/../../escaped")
    with pytest.raises(archive.ArchiveError, match="does not know"):
        archive.extract(hostile, tmp_path / "into")
    assert not (tmp_path / "escaped").exists()


@contextlib.contextmanager
def postgres_database():
    """A database of its own on the suite's PostgreSQL server, dropped afterwards."""
    import psycopg

    server = settings.DATABASES["default"]
    name = f"inducult_restore_{uuid.uuid4().hex[:8]}"
    login = {"host": server["HOST"], "port": server["PORT"] or 5432, "user": server["USER"], "dbname": "postgres"}
    if server["PASSWORD"]:
        login["password"] = server["PASSWORD"]
    with psycopg.connect(**login, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    credentials = server["USER"] + (f":{server['PASSWORD']}" if server["PASSWORD"] else "")
    try:
        yield f"postgres://{credentials}@{server['HOST']}:{login['port']}/{name}", login | {"dbname": name}
    finally:
        with psycopg.connect(**login, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


ON_POSTGRESQL = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")


def a_sqlite_backup_restores_into_postgresql_and_round_trips_there(sqlite_backup, tmp_path):
    import psycopg

    _home, saved, before = sqlite_backup
    with postgres_database() as (url, login):
        elsewhere = Installation(tmp_path / "var", url)
        elsewhere.run("restore", str(saved))
        assert elsewhere.state() == before

        backup = tmp_path / "postgresql.tar.gz"
        elsewhere.shell(EDIT.format(label="on-postgresql"))
        elsewhere.run("backup", str(backup))
        saved_there = elsewhere.state()
        elsewhere.shell(CHANGE_AFTER_BACKUP)

        with psycopg.connect(**login) as holder:
            holder.execute("SELECT 1")
            refused = elsewhere.run("restore", str(backup), ok=False)
        assert refused.returncode != 0
        assert "other connection" in refused.stderr

        elsewhere.run("restore", str(backup))
        assert elsewhere.state() == saved_there


# `make test` runs the suite on SQLite and again on PostgreSQL. The installations here are the
# operator's, apart from the suite's own database: the SQLite one's tests need no server and run in
# the SQLite run; the PostgreSQL run restores the same SQLite archive into PostgreSQL and round-trips
# there. Nothing is skipped: each run collects the tests it can carry out.
if ON_POSTGRESQL:
    test_a_sqlite_backup_restores_into_postgresql_and_round_trips_there = (
        a_sqlite_backup_restores_into_postgresql_and_round_trips_there
    )
else:
    test_a_sqlite_backup_restores_every_row_and_file_after_changes_and_a_crash = (
        a_sqlite_backup_restores_every_row_and_file_after_changes_and_a_crash
    )
    test_restore_refuses_while_a_server_runs_or_holds_the_database = (
        restore_refuses_while_a_server_runs_or_holds_the_database
    )
    test_a_damaged_archive_is_refused_and_nothing_changes = a_damaged_archive_is_refused_and_nothing_changes
