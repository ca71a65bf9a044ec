"""Django set-up shared by the benchmark scripts.

Importing this module only puts ``src/`` on the path (so pure modules such as the enums can be
imported); ``setup()`` configures Django. Benchmarks default to their own SQLite file under
/tmp/inducult-bench so they never touch the developer's var/ database; DATABASE_URL points them at
PostgreSQL instead.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_VAR_DIR = "/tmp/inducult-bench"  # noqa: S108 - a throwaway benchmark database, by design

if str(REPO / "src") not in sys.path:
    sys.path.insert(0, str(REPO / "src"))


def environment() -> dict[str, str]:
    """The environment the scripts and their subprocesses (manage.py) run with."""
    env = dict(os.environ)
    env.setdefault("INDUCULT_VAR_DIR", DEFAULT_VAR_DIR)
    # Pages render without a collectstatic run (no manifest), as in the test suite.
    env.setdefault("INDUCULT_STATIC_MANIFEST", "0")
    env.setdefault("DJANGO_SETTINGS_MODULE", "inducult.settings")
    return env


def setup(*, migrate: bool = True) -> None:
    for key, value in environment().items():
        os.environ.setdefault(key, value)
    # WhiteNoise warns about a missing STATIC_ROOT on every start; the pages need no collected files.
    (Path(os.environ["INDUCULT_VAR_DIR"]) / "static").mkdir(parents=True, exist_ok=True)
    import django

    django.setup()
    if migrate:
        from django.core.management import call_command

        call_command("migrate", verbosity=0, interactive=False)


def database_label() -> str:
    """Short name of the configured database for file names and reports: sqlite or postgresql."""
    from django.db import connection

    return connection.vendor


def database_version() -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW server_version")
            return "PostgreSQL " + cursor.fetchone()[0]
        cursor.execute("SELECT sqlite_version()")
        return "SQLite " + cursor.fetchone()[0]
