"""A lock file that tells a restore the platform is being served from this machine.

Every server process (``inducult.wsgi`` / ``inducult.asgi``) holds a shared lock on
``var/server.lock`` for its lifetime; ``manage.py restore`` takes it exclusively, so it refuses to
run under a live server and a server started meanwhile waits until the restore is over. The lock
goes with the process, however it ends, so a crash leaves nothing stale behind.
"""

from __future__ import annotations

import contextlib
import fcntl
from pathlib import Path

NAME = "server.lock"
_held = []


class ServerRunning(Exception):
    pass


def hold_shared(var_dir: Path) -> None:
    var_dir.mkdir(parents=True, exist_ok=True)
    handle = (var_dir / NAME).open("a")
    fcntl.flock(handle, fcntl.LOCK_SH)
    _held.append(handle)  # kept open for the life of the process: closing it would release the lock


@contextlib.contextmanager
def exclusive(var_dir: Path):
    var_dir.mkdir(parents=True, exist_ok=True)
    with (var_dir / NAME).open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise ServerRunning("The platform is running on this machine: stop its server first.") from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
