"""The region of a URL, read at most once a second per process.

Every region page and open-data document starts by reading its region by slug. Under load that one
query is what separates a cached open-data body from a static file (docs/performance.md): threads of
a worker hand the interpreter back and forth around each query. Regions change rarely (a rename in
the admin), so the row is kept for ``SECONDS``; a save or deletion through this process forgets it at
once (signals, also after the commit), another process sees the change within the second.

Rows are kept only outside a transaction, so that a row a transaction may still roll back is never
kept, and each caller gets its own copy, so that a view setting an attribute changes no other
request's region.
"""

from __future__ import annotations

import copy
import time

from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from inducult.regions.models import Region

SECONDS = 1.0
_kept: dict[str, tuple[float, Region | None]] = {}


def region_by_slug(slug: str) -> Region | None:
    now = time.monotonic()
    kept = _kept.get(slug)
    if kept is not None and kept[0] > now:
        region = kept[1]
    else:
        region = Region.objects.filter(slug=slug).first()
        if connection.get_autocommit():
            _kept[slug] = (now + SECONDS, region)
    return copy.copy(region)


def forget() -> None:
    _kept.clear()


@receiver(post_save, sender=Region, dispatch_uid="regions_lookup_forget_saved")
@receiver(post_delete, sender=Region, dispatch_uid="regions_lookup_forget_deleted")
def _forget_changed(sender, **kwargs) -> None:
    # All slugs, not only this one: a renamed slug must stop answering under its old name too.
    forget()
    transaction.on_commit(forget)
