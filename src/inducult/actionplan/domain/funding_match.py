"""Matching action-plan activities with funding instruments, with the reasons for every match.

A pure module (no Django imports): the models layer turns an activity and the catalogue into the
frozen facts below; `rank_instruments` answers "what could fund this activity?" and
`activities_for_instrument` "what could this instrument fund?". Both judge each pair with the same
`match`, so the two questions always agree. Reasons are codes with plain data (dates, sorted lists
of theme and kind codes), and the views turn them into translated sentences.

Hard exclusions (the pair is not a match at all, `Match.excluded`):
- no_eligible_applicant: the instrument lists eligible applicant kinds and none of the activity's
  responsible organisations is of such a kind. An instrument that lists none is open to anyone;
  an activity without responsible organisations yet is not excluded (applicant_unknown, no points).
- period_ends_before_activity / period_starts_after_activity: the instrument's period (None = open
  on that side) and the activity's period (both ends inclusive) have no day in common.

Soft scoring (0-100 points, only for matches that are not excluded):
- theme, up to 50: the share of the activity's themes the instrument supports (no_shared_theme
  when there is none, or when the activity has no themes).
- applicant_kind, 20: some responsible organisation may apply.
- period_overlap, up to 15: the share of the activity's days the instrument's period covers.
- open_call_before_start, 15: a call one can still apply to before the activity starts, i.e.
  some day d with today <= d, opens <= d <= closes and d < the activity's start. A call closing on
  the start day qualifies (apply the day before); one opening on the start day does not, because
  most programmes fund only work that starts after the application (the "incentive effect").
  Otherwise no_call_before_start, no points.

A pair without such a call is not a fit (`Match.without_call`): whatever its themes, applicants and
period, nobody can apply for it now, so it gets no score (0) and the pages list it apart, unscored
("no call one can still apply to"), with its reasons.
The score is rounded to a whole number; matches are ordered fits first, by score (highest first),
then those without a call, then by the other side's name, then id. Excluded pairs are left out
unless asked for, then they come last.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from fractions import Fraction
from typing import Any

THEME_POINTS = 50
APPLICANT_POINTS = 20
PERIOD_POINTS = 15
CALL_POINTS = 15


class ReasonCode(StrEnum):
    THEME = "theme"
    NO_SHARED_THEME = "no_shared_theme"
    APPLICANT_KIND = "applicant_kind"
    APPLICANT_UNKNOWN = "applicant_unknown"
    NO_ELIGIBLE_APPLICANT = "no_eligible_applicant"
    PERIOD_OVERLAP = "period_overlap"
    PERIOD_ENDS_BEFORE_ACTIVITY = "period_ends_before_activity"
    PERIOD_STARTS_AFTER_ACTIVITY = "period_starts_after_activity"
    OPEN_CALL_BEFORE_START = "open_call_before_start"
    NO_CALL_BEFORE_START = "no_call_before_start"


EXCLUDING = frozenset(
    {
        ReasonCode.NO_ELIGIBLE_APPLICANT,
        ReasonCode.PERIOD_ENDS_BEFORE_ACTIVITY,
        ReasonCode.PERIOD_STARTS_AFTER_ACTIVITY,
    }
)
NEGATIVE = EXCLUDING | {ReasonCode.NO_SHARED_THEME, ReasonCode.APPLICANT_UNKNOWN, ReasonCode.NO_CALL_BEFORE_START}


def _frozen(value: Iterable[str], name: str) -> frozenset[str]:
    # A bare string would silently become a set of its letters.
    if isinstance(value, str):
        raise ValueError(f"{name} must be a collection of codes, not the string {value!r}")
    return frozenset(value)


@dataclass(frozen=True)
class ActivityFacts:
    id: int
    title: str
    themes: frozenset[str]
    applicant_kinds: frozenset[str]  # OrganisationKind codes of the responsible organisations
    start: date
    end: date  # inclusive
    work_package: str = ""  # "WP2", "WP3", "WP4": carried for display, not scored

    def __post_init__(self) -> None:
        object.__setattr__(self, "themes", _frozen(self.themes, "themes"))
        object.__setattr__(self, "applicant_kinds", _frozen(self.applicant_kinds, "applicant_kinds"))
        if self.end < self.start:
            raise ValueError(f"activity {self.id} ends {self.end} before it starts {self.start}")


@dataclass(frozen=True)
class CallFacts:
    opens: date | None  # None: open already (or since an unknown date)
    closes: date | None  # None: a rolling call without a deadline

    def __post_init__(self) -> None:
        if self.opens and self.closes and self.closes < self.opens:
            raise ValueError(f"a call cannot close {self.closes} before it opens {self.opens}")


@dataclass(frozen=True)
class InstrumentFacts:
    id: int
    name: str  # programme and instrument, as the catalogue shows them
    themes: frozenset[str]
    eligible_kinds: frozenset[str]  # empty: anyone may apply
    start: date | None = None  # None: open-ended on that side
    end: date | None = None
    calls: tuple[CallFacts, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "themes", _frozen(self.themes, "themes"))
        object.__setattr__(self, "eligible_kinds", _frozen(self.eligible_kinds, "eligible_kinds"))
        object.__setattr__(self, "calls", tuple(self.calls))
        if self.start and self.end and self.end < self.start:
            raise ValueError(f"instrument {self.id} ends {self.end} before it starts {self.start}")


@dataclass(frozen=True)
class Reason:
    code: ReasonCode
    data: dict[str, Any] = field(default_factory=dict, hash=False)

    @property
    def excludes(self) -> bool:
        return self.code in EXCLUDING

    @property
    def negative(self) -> bool:
        return self.code in NEGATIVE


@dataclass(frozen=True)
class Match:
    activity_id: int
    instrument_id: int
    score: int  # 0-100; 0 for an excluded pair
    reasons: tuple[Reason, ...]  # theme, applicant, period, call: always in this order

    @property
    def excluded(self) -> bool:
        return any(r.excludes for r in self.reasons)

    @property
    def without_call(self) -> bool:
        """No call one can still apply to before the activity starts: listed apart, never scored."""
        return any(r.code == ReasonCode.NO_CALL_BEFORE_START for r in self.reasons)

    @property
    def fits(self) -> bool:
        """A scored fit: not excluded, and a call one can still apply to."""
        return not self.excluded and not self.without_call

    def codes(self) -> tuple[ReasonCode, ...]:
        return tuple(r.code for r in self.reasons)


def match(activity: ActivityFacts, instrument: InstrumentFacts, *, today: date) -> Match:
    """How well `instrument` fits `activity` as seen on `today`, and why."""
    points = Fraction(0)
    reasons = []

    shared = activity.themes & instrument.themes
    if shared:
        points += Fraction(THEME_POINTS * len(shared), len(activity.themes))
        reasons.append(Reason(ReasonCode.THEME, {"shared": sorted(shared)}))
    else:
        reasons.append(Reason(ReasonCode.NO_SHARED_THEME, {"activity": sorted(activity.themes)}))

    if not instrument.eligible_kinds:
        points += APPLICANT_POINTS
        reasons.append(Reason(ReasonCode.APPLICANT_KIND, {"eligible": [], "restricted": False}))
    elif not activity.applicant_kinds:
        reasons.append(Reason(ReasonCode.APPLICANT_UNKNOWN, {"eligible_kinds": sorted(instrument.eligible_kinds)}))
    elif eligible := activity.applicant_kinds & instrument.eligible_kinds:
        points += APPLICANT_POINTS
        reasons.append(Reason(ReasonCode.APPLICANT_KIND, {"eligible": sorted(eligible), "restricted": True}))
    else:
        reasons.append(
            Reason(
                ReasonCode.NO_ELIGIBLE_APPLICANT,
                {
                    "applicant_kinds": sorted(activity.applicant_kinds),
                    "eligible_kinds": sorted(instrument.eligible_kinds),
                },
            )
        )

    if instrument.end is not None and instrument.end < activity.start:
        reasons.append(
            Reason(ReasonCode.PERIOD_ENDS_BEFORE_ACTIVITY, {"ends": instrument.end, "activity_starts": activity.start})
        )
    elif instrument.start is not None and instrument.start > activity.end:
        reasons.append(
            Reason(ReasonCode.PERIOD_STARTS_AFTER_ACTIVITY, {"starts": instrument.start, "activity_ends": activity.end})
        )
    else:
        first = max(activity.start, instrument.start or activity.start)
        last = min(activity.end, instrument.end or activity.end)
        covered = (last - first).days + 1
        days = (activity.end - activity.start).days + 1
        points += Fraction(PERIOD_POINTS * covered, days)
        reasons.append(
            Reason(ReasonCode.PERIOD_OVERLAP, {"start": first, "end": last, "covered_days": covered, "days": days})
        )

    call = _call_before_start(instrument.calls, activity.start, today)
    if call is not None:
        points += CALL_POINTS
        reasons.append(Reason(ReasonCode.OPEN_CALL_BEFORE_START, {"opens": call.opens, "closes": call.closes}))
    else:
        reasons.append(Reason(ReasonCode.NO_CALL_BEFORE_START, {"activity_starts": activity.start}))

    reasons = tuple(reasons)
    excluded = any(r.excludes for r in reasons)
    # round() of a Fraction rounds halves to even; floor(x + 1/2) rounds them up, and stays monotone.
    score = 0 if excluded or call is None else int(points + Fraction(1, 2))
    return Match(activity_id=activity.id, instrument_id=instrument.id, score=score, reasons=reasons)


def _call_before_start(calls: Iterable[CallFacts], start: date, today: date) -> CallFacts | None:
    """The usable call with the nearest deadline (a rolling call last), or None."""
    last_day = start - timedelta(days=1)  # apply before the activity starts
    usable = [c for c in calls if max(c.opens or today, today) <= min(c.closes or last_day, last_day)]
    return min(usable, key=lambda c: (c.closes or date.max, c.opens or date.min), default=None)


def rank_instruments(
    activity: ActivityFacts, instruments: Iterable[InstrumentFacts], *, today: date, include_excluded: bool = False
) -> list[Match]:
    """The instruments that could fund `activity`, best first (score, then name, then id)."""
    pairs = [(match(activity, i, today=today), (i.name, i.id)) for i in _distinct(instruments)]
    return _ordered(pairs, include_excluded)


def activities_for_instrument(
    instrument: InstrumentFacts, activities: Iterable[ActivityFacts], *, today: date, include_excluded: bool = False
) -> list[Match]:
    """The activities `instrument` could fund, best first (score, then title, then id)."""
    pairs = [(match(a, instrument, today=today), (a.title, a.id)) for a in _distinct(activities)]
    return _ordered(pairs, include_excluded)


def _distinct(facts: Iterable[ActivityFacts | InstrumentFacts]) -> list:
    by_id: dict[int, ActivityFacts | InstrumentFacts] = {}
    for fact in facts:
        if by_id.setdefault(fact.id, fact) != fact:
            raise ValueError(f"{type(fact).__name__} {fact.id} is given twice with different data")
    return list(by_id.values())


def _ordered(pairs: list[tuple[Match, tuple[str, int]]], include_excluded: bool) -> list[Match]:
    kept = [(m, name) for m, name in pairs if include_excluded or not m.excluded]
    return [m for m, _ in sorted(kept, key=lambda p: (p[0].excluded, p[0].without_call, -p[0].score, p[1]))]
