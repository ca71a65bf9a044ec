"""Logging filters of the kernel (named in ``settings.LOGGING`` by their path)."""

from __future__ import annotations

import logging


class OneLineRefusals(logging.Filter):
    """A refused request (403) is logged as the one line Django writes ("Forbidden (Permission
    denied): /path"), without the traceback of the PermissionDenied that refused it: a refusal is
    the rules working, not a fault to debug."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "status_code", None) == 403:
            record.exc_info = None
            record.exc_text = None
        return True
