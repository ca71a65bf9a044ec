"""An edit refused by the optimistic lock (``core.versioning``), as the page explains it: who saved
when, and which fields now differ from what the user submitted."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.utils import formats
from django.utils.translation import gettext as _

from inducult.core import audit
from inducult.core.presentation import display_value, field_label
from inducult.core.versioning import lock_version


def conflict_details(form, current, fields, message: str) -> tuple[str, list[dict]]:
    """The message for an edit refused by the optimistic check, and the fields whose stored value
    now differs from what the user submitted (with the stored value shown next to theirs)."""
    model = type(current)
    latest = audit.history(current).first()
    when = formats.date_format(latest.created_at, "DATETIME_FORMAT") if latest else _("an unknown time")
    who = latest.actor_name if latest and latest.actor_name else _("an unknown user")
    message = message % {"when": when, "who": who}
    submitted = form.domain_data() if form.is_valid() else {}
    differing = []
    for name in fields:
        if name not in submitted:
            continue
        stored, mine = getattr(current, name), submitted[name]
        if not _same(stored, mine):
            differing.append(
                {
                    "name": name,
                    "label": field_label(model, name),
                    "stored": display_value(model, name, audit.snapshot(current, [name])[name]),
                    "mine": display_value(model, name, mine),
                }
            )
    return message, differing


def refused_edit(request, form, current, fields, message: str) -> tuple:
    """What every edit page shows when ``current`` was saved meanwhile: the submitted data again, now
    at the stored version (so that saving the reviewed form once more is a deliberate overwrite of the
    newer one), and the context of the conflict (``conflict_message``, ``differing``) for the page."""
    text, differing = conflict_details(form, current, fields, message)
    data = request.POST.copy()
    data["version"] = str(lock_version(current))
    return data, {"conflict_message": text, "differing": differing}


def _same(a, b) -> bool:
    # 50.23 and the stored 50.230000 are the same coordinate; "" and None are both "not given".
    if a in (None, "") and b in (None, ""):
        return True
    if isinstance(a, Decimal) or isinstance(b, Decimal):
        try:
            return Decimal(str(a)) == Decimal(str(b))
        except (InvalidOperation, TypeError):
            return False
    return a == b
