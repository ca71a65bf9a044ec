"""Edits checked against the version they began from, one way for every record that has a
``version`` and an ``updated_at``.

An edit form carries the version it was opened at; the write is one UPDATE that also requires that
version, so of two people saving the same version at once exactly one wins and the other gets
`EditConflict` with the record as saved now (the view shows both), and nothing of theirs is written.
"""

from collections.abc import Mapping
from typing import Any

from django.db.models import F, Model, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _


class EditConflict(Exception):
    """Someone else saved the record after this edit began; nothing was written."""

    def __init__(self, current: Model):
        super().__init__(_("This record was changed by someone else while you were editing it."))
        self.current = current


def update_if_version(
    instance: Model, *, version: int, values: Mapping[str, Any], current: QuerySet | None = None
) -> None:
    """Write ``values`` to ``instance``'s row and raise its version by one, if the row is still at
    ``version``; else raise `EditConflict` with the row as saved now (read through ``current``, a
    queryset of the model, when the view needs related rows with it)."""
    manager = type(instance)._default_manager
    updated = manager.filter(pk=instance.pk, version=version).update(
        **values, version=F("version") + 1, updated_at=timezone.now()
    )
    if updated != 1:
        raise EditConflict((current if current is not None else manager).get(pk=instance.pk))
