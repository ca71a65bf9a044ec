"""Create forms take effect once: a second sending of the same rendered form (a double click, a
reload that posts again, a retry after a slow answer) creates nothing and lands on what the first
created (docs/decisions/0020-no-lost-work.md).

Each rendering of a create form carries a fresh one-time token (``{% form_token %}``). The POST that
creates the record claims the token in the same transaction: a row with a unique token, written
first, then the record, then the page the record is shown on. A second POST of that form finds the
row (`landing`) or, sent at the same moment, waits on the first's claim (PostgreSQL: the unique
index; SQLite: the database's one write lock) and then finds it (`AlreadySubmitted`). A POST that
creates nothing (the form had errors) gives its claim up, so the corrected form can be sent. A POST
without a token (a script, an older page) works as before, without the guarantee.
"""

from __future__ import annotations

import datetime
import re
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from inducult.core.models import SubmittedForm

FIELD = "form_token"
KEPT = datetime.timedelta(days=1)
_TOKEN = re.compile(r"[0-9a-f]{32}")


class AlreadySubmitted(Exception):
    """This form was sent and taken before; ``url`` shows what it created."""

    def __init__(self, url: str):
        super().__init__(url)
        self.url = url


@dataclass
class Claim:
    """What the creating POST reports: the page of the record it created (None: nothing created)."""

    url: str | None = None


def new_token() -> str:
    return secrets.token_hex(16)


def token_of(request) -> str | None:
    value = request.POST.get(FIELD, "")
    return value if _TOKEN.fullmatch(value) else None


def landing(request) -> str | None:
    """Where an earlier sending of this rendered form landed, if it created something."""
    token = token_of(request)
    if token is None:
        return None
    return SubmittedForm.objects.filter(token=token).exclude(url="").values_list("url", flat=True).first()


@contextmanager
def once(request) -> Iterator[Claim]:
    """Run a creating POST as one transaction that claims the form's token first; the caller sets
    ``claim.url`` when it created a record. Raises `AlreadySubmitted` when the token was claimed by a
    POST that committed meanwhile (nothing of this one is written)."""
    claim = Claim()
    token = token_of(request)
    if token is None:
        yield claim
        return
    with transaction.atomic():
        try:
            with transaction.atomic():
                row = SubmittedForm.objects.create(token=token)
        except IntegrityError:
            url = SubmittedForm.objects.filter(token=token).values_list("url", flat=True).first()
            raise AlreadySubmitted(url or "") from None
        yield claim
        if claim.url:
            SubmittedForm.objects.filter(pk=row.pk).update(url=claim.url[:500])
        else:
            row.delete()
        SubmittedForm.objects.filter(created_at__lt=timezone.now() - KEPT).delete()
