"""The optimistic lock: the one way a record's ``version`` (and its ``updated_at``) changes, for every
model that has them.

An edit form carries the version it was opened at; the write is one UPDATE that also requires that
version (`update_if_version`), so of two people saving the same version at once exactly one wins and
the other gets `EditConflict` with the record as saved now (the view shows both), and nothing of
theirs is written. An action that is not an edit of a form (archive, restore, share, delete and its
undo, an admin's save) writes with `bump_version`: no check, but the version still moves on, so an
edit begun before it is refused. There is one of each so that every app's records obey one rule
and a page's conflict display (``core.views.conflicts``) works for all of them.

The lock column is ``version`` unless a model names another in ``VERSION_FIELD`` (a strategic goal's
``version`` is the strategy version it belongs to, so its lock is ``edit_version``); ``updated_at``
is stamped where the model has one.
"""

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db.models import F, Model, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _


class EditConflict(Exception):
    """Someone else saved the record after this edit began; nothing was written. ``current`` is the
    record as saved now. Each page words the conflict itself (who saved when, which fields differ)."""

    def __init__(self, current: Model):
        super().__init__(_("This record was changed by someone else while you were editing it."))
        self.current = current


def version_field(model: type[Model]) -> str:
    """The name of ``model``'s lock column."""
    return getattr(model, "VERSION_FIELD", "version")


def is_versioned(model: type[Model]) -> bool:
    """Whether ``model`` has a lock column (an integer field, not a relation of that name)."""
    try:
        field = model._meta.get_field(version_field(model))
    except FieldDoesNotExist:
        return False
    return not field.is_relation


def lock_version(instance: Model) -> int:
    """The version ``instance`` was read at."""
    return getattr(instance, version_field(type(instance)))


def _moved_on(model: type[Model]) -> dict[str, Any]:
    name = version_field(model)
    values: dict[str, Any] = {name: F(name) + 1}
    if any(field.name == "updated_at" for field in model._meta.concrete_fields):
        values["updated_at"] = timezone.now()
    return values


def update_if_version(
    instance: Model,
    *,
    version: int,
    values: Mapping[str, Any],
    current: QuerySet | None = None,
    require: Mapping[str, Any] | None = None,
) -> None:
    """Write ``values`` to ``instance``'s row and raise its version by one, if the row is still at
    ``version`` (and matches the lookups in ``require``, e.g. a person not erased); else raise
    `EditConflict` with the row as saved now (read through ``current``, a queryset of the model,
    when the view needs related rows with it)."""
    model = type(instance)
    manager = model._default_manager
    lookups = {version_field(model): version, **(require or {})}
    updated = manager.filter(pk=instance.pk, **lookups).update(**values, **_moved_on(model))
    if updated != 1:
        raise EditConflict((current if current is not None else manager).get(pk=instance.pk))


def bump_version(instance: Model, **values: Any) -> None:
    """Write ``values`` to ``instance``'s row without a version check, raise its version by one and
    stamp ``updated_at``; ``instance`` then holds what was written. The row is reached by the
    unfiltered manager, so a softly deleted record (an engagement) is restored the same way."""
    model = type(instance)
    bump_versions(model._base_manager.filter(pk=instance.pk), **values)
    instance.refresh_from_db(fields=[*_moved_on(model), *values])


def bump_versions(rows: QuerySet, **values: Any) -> int:
    """`bump_version` for many rows in one UPDATE (an import's changed records, already locked);
    returns how many were written."""
    return rows.update(**values, **_moved_on(rows.model))
