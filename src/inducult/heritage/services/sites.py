"""Business actions on sites: each validates, writes and audits in one transaction."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from inducult.core import audit
from inducult.core.models import AuditAction
from inducult.core.versioning import update_if_version
from inducult.heritage.domain import opening_hours as oh
from inducult.heritage.models import Site, forget_open_data_counts

AUDITED_FIELDS = (
    "latitude",
    "longitude",
    "coordinate_precision",
    "description",
    "website",
    "opening_hours",
    "opening_hours_text",
    "opening_hours_review",
    "visit_minutes",
    "tour_languages",
    "price_level",
    "price_note",
    "wheelchair",
    "accessibility_note",
    "attractiveness",
)


@transaction.atomic
def update_site(*, site: Site, actor, data: Mapping[str, Any], hours: oh.OpeningHours, version: int) -> Site:
    """Apply ``data`` and the opening hours if the site is still at ``version``. Hours saved here
    were set by a person, so the "to check" flag of hours read from a source's text is cleared.
    Raises ``EditConflict`` (nothing written) when someone saved the site in between."""
    try:
        oh.validate(hours)
    except oh.OpeningHoursError as error:
        raise ValidationError({"opening_hours": list(error.problems)}) from None
    before = audit.snapshot(site, AUDITED_FIELDS)
    for name, value in data.items():
        setattr(site, name, value)
    site.opening_hours = oh.to_dict(hours)
    site.opening_hours_review = ""
    site.full_clean()
    update_if_version(site, version=version, values={name: getattr(site, name) for name in AUDITED_FIELDS})
    site.refresh_from_db()
    # A versioned UPDATE sends no post_save signal: forget the open data's kept count here.
    forget_open_data_counts(Site, site)
    changes = audit.diff(before, audit.snapshot(site, AUDITED_FIELDS))
    if changes:
        audit.record(actor=actor, action=AuditAction.CHANGE, instance=site, region=site.region, changes=changes)
    return site
