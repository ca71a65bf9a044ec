"""Requests at the same moment, as a server's processes would send them: each in its own thread with
its own database connection (``SharedDatabase``, ``at_once``).

PostgreSQL: the threads reach the test database itself. SQLite: the test database is one in memory,
shared between threads with table locks that fail at once instead of waiting, unlike the file the
platform runs on; so the threads get a copy in a file (``prepare``, once the test's rows are
written), opened with the platform's options (WAL, IMMEDIATE transactions, a busy timeout).
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Callable

from django.db import connection, connections


class SharedDatabase:
    def __init__(self, path, model):
        self.path = path
        self.model = model
        self.settings = None

    def prepare(self) -> None:
        """Call after writing the test's rows, before the threads start."""
        if connection.vendor != "sqlite":
            return
        connection.ensure_connection()
        with contextlib.closing(sqlite3.connect(self.path)) as copy:
            connection.connection.backup(copy)
        self.settings = {**connection.settings_dict, "NAME": str(self.path)}

    def enter(self) -> None:
        """Called first in each thread."""
        if self.settings is not None:
            wrapper = connections.create_connection("default")
            wrapper.settings_dict = {**self.settings}
            connections["default"] = wrapper

    def count(self, **lookups) -> int:
        """How many rows of the model match ``lookups``, as the threads left them."""
        (answer,) = at_once(self, lambda: self.model.objects.filter(**lookups).count())
        return answer


def at_once(database: SharedDatabase, *calls: Callable) -> list:
    """Run ``calls`` each in its own thread, started together; their results (in the order they
    finished). A call that raised fails the caller's test with its exception."""
    results: list = []
    failures: list[BaseException] = []

    def run(call):
        database.enter()
        try:
            results.append(call())
        except BaseException as error:  # noqa: BLE001 - raised again below, in the test's thread
            failures.append(error)
        finally:
            connections["default"].close()

    threads = [threading.Thread(target=run, args=[call]) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    if failures:
        raise failures[0]
    return results
