"""Labels of the strategy tracker's codes, translated (leaves of the layering: the pure progress
engine defines the statuses, this module says them in the reader's language)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from inducult.strategy.domain.progress import Status

STATUS_LABELS = {
    Status.ACHIEVED: _("Achieved"),
    Status.ON_TRACK: _("On track"),
    Status.AT_RISK: _("At risk"),
    Status.MISSED: _("Missed"),
    Status.NOT_STARTED: _("Not started"),
    Status.NOT_APPLICABLE: _("Not due this year"),
}
