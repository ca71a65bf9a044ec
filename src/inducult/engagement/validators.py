"""Validators of the engagement log: lists of engagement kinds (uploaded files are checked by the
kernel's ``core.files.validate_attachment``).

Leaves of the layering: they know the enums, never the models.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from inducult.engagement.enums import EngagementKind


def validate_engagement_kinds(value) -> None:
    """A non-empty list of engagement kind codes; an unknown code is refused with the allowed ones."""
    allowed = ", ".join(EngagementKind.values)
    if not isinstance(value, list) or not value or not all(isinstance(item, str) for item in value):
        raise ValidationError(
            _("Give at least one engagement kind as a list of codes. Allowed: %(allowed)s."),
            code="invalid_kinds",
            params={"allowed": allowed},
        )
    unknown = [item for item in value if item not in EngagementKind.values]
    if unknown:
        raise ValidationError(
            _("Unknown engagement kind(s): %(unknown)s. Allowed: %(allowed)s."),
            code="unknown_kind",
            params={"unknown": ", ".join(unknown), "allowed": allowed},
        )
