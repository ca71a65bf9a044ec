"""A status's reason in words: one sentence from ``domain.progress.Reason`` ("3 of 5 held; 2 more
needed in 24 days; 1 planned: at risk"), in the active language. The facts and the clause that
decided come from the domain (``explain``); this module only words them, so the back-office
dashboard, the public progress page, progress.json and the annual report say the same thing.
"""

from __future__ import annotations

from django.utils import formats, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from inducult.strategy.domain.progress import Basis, Reason, Status

LANGUAGES = ("cs", "en", "de")


def _verdict(status: Status) -> str:
    return {
        Status.ACHIEVED: pgettext("status at the end of a reason", "achieved"),
        Status.ON_TRACK: pgettext("status at the end of a reason", "on track"),
        Status.AT_RISK: pgettext("status at the end of a reason", "at risk"),
        Status.MISSED: pgettext("status at the end of a reason", "missed"),
        Status.NOT_STARTED: pgettext("status at the end of a reason", "not started"),
        Status.NOT_APPLICABLE: pgettext("status at the end of a reason", "not due this year"),
    }[status]


def _date(day) -> str:
    return formats.date_format(day, "DATE_FORMAT")


def _needed(reason: Reason) -> str:
    if not reason.days_left:
        return _("%(needed)s more needed today") % {"needed": reason.needed}
    return ngettext(
        "%(needed)s more needed in %(days)s day",
        "%(needed)s more needed in %(days)s days",
        reason.days_left,
    ) % {"needed": reason.needed, "days": reason.days_left}


def _planned(reason: Reason) -> str:
    if not reason.planned:
        return _("none planned")
    return ngettext("%(n)s planned", "%(n)s planned", reason.planned) % {"n": reason.planned}


def _count_facts(reason: Reason) -> list[str]:
    held = _("%(held)s of %(target)s held") % {"held": reason.held, "target": reason.target}
    basis = reason.basis
    if basis == Basis.REACHED:
        return [held]
    if basis == Basis.YEAR_OVER:
        return [
            _("%(held)s of %(target)s held by %(deadline)s")
            % {"held": reason.held, "target": reason.target, "deadline": _date(reason.deadline)}
        ]
    if basis == Basis.NOT_YET:
        return [_("counting starts on 1 January %(year)s") % {"year": reason.deadline.year}]
    facts = [held, _needed(reason)]
    if basis == Basis.PACE:
        facts.append(_("at the pace so far %(projected)s by the year's end") % {"projected": reason.projected})
    elif basis == Basis.MONTHS_LEFT:
        facts.append(_("one a month in the whole months left would do"))
    elif basis == Basis.JANUARY:
        facts.append(_("too early in the year to judge a pace"))
    else:  # PLANNED or SHORT: the planned engagements still ahead decide
        facts.append(_planned(reason))
    return facts


def _deliverable_facts(reason: Reason) -> list[str]:
    due = _date(reason.deadline)
    basis = reason.basis
    if basis == Basis.DELIVERED:
        return [_("delivered after the due date %(due)s") % {"due": due} if reason.late else _("delivered")]
    if basis == Basis.DUE_PASSED:
        return [_("not delivered by %(due)s") % {"due": due}]
    if reason.days_left:
        days = ngettext(
            "not delivered yet, due in %(days)s day", "not delivered yet, due in %(days)s days", reason.days_left
        )
        return [days % {"days": reason.days_left}]
    return [_("not delivered yet, due today")]


def reason_sentence(reason: Reason | None) -> str:
    """The reason in one sentence of the active language; "" without a reason."""
    if reason is None:
        return ""
    if reason.basis == Basis.OTHER_YEAR:
        facts = [_("the rule does not apply in %(year)s") % {"year": reason.deadline.year}]
    elif reason.is_count:
        facts = _count_facts(reason)
    else:
        facts = _deliverable_facts(reason)
    sentence = _("%(facts)s: %(status)s") % {"facts": "; ".join(facts), "status": _verdict(reason.status)}
    return sentence[:1].upper() + sentence[1:]


def reason_translations(reason: Reason | None) -> dict[str, str]:
    """The sentence in each of the platform's languages (for open data)."""
    result = {}
    for language in LANGUAGES:
        with translation.override(language):
            result[language] = reason_sentence(reason)
    return result
