"""The matcher's reason codes and the lateness codes as translated sentences for the pages."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from inducult.actionplan.domain.funding_match import Match, Reason, ReasonCode
from inducult.actionplan.domain.lateness import LateCode, Lateness, Span
from inducult.actionplan.enums import Theme
from inducult.network.enums import OrganisationKind

THEME_LABELS = dict(Theme.choices)
KIND_LABELS = dict(OrganisationKind.choices)

REASON_SENTENCES: dict[ReasonCode, Promise] = {
    ReasonCode.THEME: _("Supports the activity's themes: %(themes)s."),
    ReasonCode.NO_SHARED_THEME: _("Supports none of the activity's themes (%(themes)s)."),
    ReasonCode.APPLICANT_KIND: _("A responsible organisation may apply (%(kinds)s)."),
    ReasonCode.APPLICANT_UNKNOWN: _(
        "Only %(kinds)s may apply, and no responsible organisation from the registry is named yet."
    ),
    ReasonCode.NO_ELIGIBLE_APPLICANT: _("Only %(eligible)s may apply; the responsible organisations are %(kinds)s."),
    ReasonCode.PERIOD_OVERLAP: _("Its period covers %(share)s%% of the activity's (%(start)s – %(end)s)."),
    ReasonCode.PERIOD_ENDS_BEFORE_ACTIVITY: _("Its period ends on %(ends)s, before the activity starts (%(starts)s)."),
    ReasonCode.PERIOD_STARTS_AFTER_ACTIVITY: _("Its period starts on %(starts)s, after the activity ends (%(ends)s)."),
    ReasonCode.OPEN_CALL_BEFORE_START: _("A call one can apply to before the activity starts: %(call)s."),
    ReasonCode.NO_CALL_BEFORE_START: _("No call one could still apply to before the activity starts (%(starts)s)."),
}
# Special cases with sentences of their own.
NO_THEMES = _("The activity has no themes yet, so none can be shared.")
ANYONE_MAY_APPLY = _("The catalogue records no restriction on who may apply.")
WHOLE_PERIOD = _("Its period covers the whole activity.")
CALL_WINDOW = _("open %(opens)s – %(closes)s")
CALL_UNTIL = _("open until %(closes)s")
CALL_ROLLING = _("open with no deadline")


def _day(value) -> str:
    return date_format(value, "DATE_FORMAT")


def _labels(codes: Iterable[str], labels: dict) -> str:
    return ", ".join(str(labels.get(code, code)) for code in codes)


def _call(opens, closes) -> str:
    if closes is None:
        return str(CALL_ROLLING)
    if opens is None:
        return str(CALL_UNTIL % {"closes": _day(closes)})
    return str(CALL_WINDOW % {"opens": _day(opens), "closes": _day(closes)})


def reason_sentence(reason: Reason) -> str:
    data, code = reason.data, reason.code
    if code == ReasonCode.THEME:
        return str(REASON_SENTENCES[code] % {"themes": _labels(data["shared"], THEME_LABELS)})
    if code == ReasonCode.NO_SHARED_THEME:
        if not data["activity"]:
            return str(NO_THEMES)
        return str(REASON_SENTENCES[code] % {"themes": _labels(data["activity"], THEME_LABELS)})
    if code == ReasonCode.APPLICANT_KIND:
        if not data["restricted"]:
            return str(ANYONE_MAY_APPLY)
        return str(REASON_SENTENCES[code] % {"kinds": _labels(data["eligible"], KIND_LABELS)})
    if code == ReasonCode.APPLICANT_UNKNOWN:
        return str(REASON_SENTENCES[code] % {"kinds": _labels(data["eligible_kinds"], KIND_LABELS)})
    if code == ReasonCode.NO_ELIGIBLE_APPLICANT:
        return str(
            REASON_SENTENCES[code]
            % {
                "eligible": _labels(data["eligible_kinds"], KIND_LABELS),
                "kinds": _labels(data["applicant_kinds"], KIND_LABELS),
            }
        )
    if code == ReasonCode.PERIOD_OVERLAP:
        if data["covered_days"] == data["days"]:
            return str(WHOLE_PERIOD)
        share = data["covered_days"] * 100 // data["days"]
        return str(REASON_SENTENCES[code] % {"share": share, "start": _day(data["start"]), "end": _day(data["end"])})
    if code == ReasonCode.PERIOD_ENDS_BEFORE_ACTIVITY:
        return str(REASON_SENTENCES[code] % {"ends": _day(data["ends"]), "starts": _day(data["activity_starts"])})
    if code == ReasonCode.PERIOD_STARTS_AFTER_ACTIVITY:
        return str(REASON_SENTENCES[code] % {"starts": _day(data["starts"]), "ends": _day(data["activity_ends"])})
    if code == ReasonCode.OPEN_CALL_BEFORE_START:
        return str(REASON_SENTENCES[code] % {"call": _call(data["opens"], data["closes"])})
    if code == ReasonCode.NO_CALL_BEFORE_START:
        return str(REASON_SENTENCES[code] % {"starts": _day(data["activity_starts"])})
    raise ValueError(f"no sentence for reason {code!r}")


def reasons(match: Match) -> list[dict]:
    """The reasons of a match as rows for a template: the sentence and whether it counts against."""
    return [
        {"code": str(r.code), "text": reason_sentence(r), "negative": r.negative, "excludes": r.excludes}
        for r in match.reasons
    ]


def duration(value: Span) -> str:
    """A duration as people say it: years and months, or days when under a month."""
    parts = []
    if value.years:
        parts.append(ngettext("%(n)s year", "%(n)s years", value.years) % {"n": value.years})
    if value.months:
        parts.append(ngettext("%(n)s month", "%(n)s months", value.months) % {"n": value.months})
    if not parts:
        parts.append(ngettext("%(n)s day", "%(n)s days", value.days) % {"n": value.days})
    return " ".join(parts)


def late_sentence(late: Lateness | None) -> str:
    """Whether the activity is late, or nobody has said: one sentence, durations in years and months."""
    if late is None:
        return ""
    values = {"since": _day(late.since), "duration": duration(late.duration)}
    if late.code == LateCode.NOT_REPORTED:
        if late.reported_on is None:
            values["report"] = str(NEVER_REPORTED)
        else:
            values["report"] = str(LAST_REPORTED % {"day": _day(late.reported_on)})
        template = NOT_REPORTED_START if late.since_start else NOT_REPORTED_END
        return str(template % values)
    if late.code == LateCode.NOT_STARTED:
        return str(LATE_START % values)
    return str(LATE_END % values)


LATE_START = _("Late: it should have started on %(since)s, %(duration)s ago.")
LATE_END = _("Late: still running after its end on %(since)s, %(duration)s ago.")
NOT_REPORTED_START = _("Not reported: it was to start on %(since)s, %(duration)s ago; %(report)s.")
NOT_REPORTED_END = _("Not reported: its period ended on %(since)s, %(duration)s ago; %(report)s.")
NEVER_REPORTED = _("its state has never been reported")
LAST_REPORTED = _("its state was last reported on %(day)s")
# Short labels for lists and the timeline.
LATE_LABEL = _("late")
NOT_REPORTED_LABEL = _("not reported")


def late_label(late: Lateness | None) -> str:
    if late is None:
        return ""
    return str(NOT_REPORTED_LABEL if late.code == LateCode.NOT_REPORTED else LATE_LABEL)
