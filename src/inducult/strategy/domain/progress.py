"""Progress towards the regional strategy's milestones: a pure function of rules and logged facts.

A milestone ("at least five bilateral meetings a year", "first actualisation of this document")
carries one or more rules, all of which must hold. `evaluate` says how far each rule, and the
milestone as a whole, has come in one calendar year of the region's time zone. There are no Django
imports here: the models layer turns rows into the frozen facts below (decision 0006).

Statuses of a rule for the evaluated year Y; "today" and "month" are `now` seen in `tz`:

- not_applicable: the rule does not cover Y (a count rule outside first_year..last_year, a
  deliverable due in another year). A milestone whose rules are all not_applicable is not_applicable.
- achieved: count rule with at least `minimum` held engagements in Y; deliverable with a fact that
  has evidence, also a late one (then `late` is True). Checked first: the log always wins.
- missed: Y is over (count rule), or today is after the due date (deliverable); not achieved.
- not_started: Y lies after the current year; for a deliverable only while the due date is more than
  60 days away.
- count rule in the current year, not achieved: on_track if any of
    (a) the pace so far reaches the target: floor(count / elapsed fraction of Y) >= minimum;
    (b) the rest fits into the whole months left at one a month: remaining <= 12 - month;
    (c) it is January, too early to judge a pace;
    (d) the planned engagements still ahead cover the rest: remaining <= scheduled, where scheduled
        counts the rule's planned (not held) qualifying engagements of Y dated at or after `now`;
  otherwise at_risk.
- deliverable before its due date, not achieved: at_risk if due - today <= 60 days, else on_track.

A milestone's status is the worst of its applicable rules' statuses, in the order
missed < at_risk < not_started < on_track < achieved.

Each status carries its reason (`RuleProgress.basis`, which of the clauses above decided it) and
the facts behind it (`held`, `remaining`, `days_left`, `scheduled`, `projected`): `explain` gives
them as one `Reason`, the single definition the dashboard, the public page, progress.json and the
annual report put into words ("3 of 5 held; 2 more needed in 24 days; 2 planned: on track").
Where several clauses hold, the first in the order (a), (b), (c), (d) is named.

Held engagements count even when `starts_at` is after `now`: the log is the truth, and correcting a
wrong date is the log's business, not the engine's. Planned (not held) engagements never count:
they only inform the status through (d), and only while still ahead (a planned one dated before
`now` is overdue, never marked held, and helps nothing).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo
from enum import StrEnum

AT_RISK_DAYS = 60  # a missing deliverable is at risk this many days before (and on) its due date


class Basis(StrEnum):
    """Which clause decided a rule's status (see the module's docstring)."""

    REACHED = "reached"  # count rule: at least the minimum held
    DELIVERED = "delivered"  # deliverable with evidence (also a late one: RuleProgress.late)
    PACE = "pace"  # (a) the pace so far reaches the target
    MONTHS_LEFT = "months_left"  # (b) one a month in the whole months left would do
    JANUARY = "january"  # (c) too early in the year to judge a pace
    PLANNED = "planned"  # (d) the planned engagements still ahead cover the rest
    SHORT = "short"  # current year, none of (a)-(d) holds
    YEAR_OVER = "year_over"  # the year is over, not reached
    NOT_YET = "not_yet"  # the year lies ahead
    DUE_PASSED = "due_passed"  # deliverable: today is after the due date, none recorded
    DUE_SOON = "due_soon"  # deliverable: due within AT_RISK_DAYS, none recorded
    DUE_LATER = "due_later"  # deliverable: due later than that
    OTHER_YEAR = "other_year"  # the rule does not cover the evaluated year


class Status(StrEnum):
    ACHIEVED = "achieved"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    MISSED = "missed"
    NOT_STARTED = "not_started"
    NOT_APPLICABLE = "not_applicable"


# Worst first. not_applicable has no rank: it is left out when a milestone's rules are combined.
_RANK = {Status.MISSED: 0, Status.AT_RISK: 1, Status.NOT_STARTED: 2, Status.ON_TRACK: 3, Status.ACHIEVED: 4}


def parse_status(value: str) -> Status:
    try:
        return Status(value)
    except ValueError:
        raise ValueError(f"unknown status {value!r}; expected one of: {', '.join(Status)}") from None


def rank(status: str) -> int:
    """0 for the worst status (missed) up to 4 for achieved; ValueError for not_applicable or unknown."""
    status = parse_status(status)
    if status is Status.NOT_APPLICABLE:
        raise ValueError("not_applicable has no rank; leave such rules out when comparing")
    return _RANK[status]


def worst(statuses: Iterable[str]) -> Status:
    """The worst of the statuses, ignoring not_applicable; not_applicable if nothing else is left."""
    applicable = [s for s in map(parse_status, statuses) if s is not Status.NOT_APPLICABLE]
    return min(applicable, key=_RANK.__getitem__, default=Status.NOT_APPLICABLE)


def local_year(moment: datetime, tz: tzinfo) -> int:
    """The calendar year `moment` falls in for people living in `tz` (years start at local midnight)."""
    _require_aware(moment, "moment")
    return moment.astimezone(tz).year


def _require_aware(value: datetime, name: str) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware, got naive {value.isoformat()}")


def _frozen(value: Iterable[str], name: str) -> frozenset[str]:
    # A bare string would silently become a set of its letters.
    if isinstance(value, str):
        raise ValueError(f"{name} must be a collection of strings, not the string {value!r}")
    return frozenset(value)


@dataclass(frozen=True)
class EngagementFact:
    id: int
    kind: str  # e.g. "bilateral_meeting", "focus_group", "partner_meeting", "video_conference"
    starts_at: datetime  # timezone-aware
    held: bool  # False = planned
    organisation_kinds: frozenset[str] = frozenset()  # kinds of participating organisations
    topics: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        _require_aware(self.starts_at, f"starts_at of engagement {self.id}")
        object.__setattr__(self, "organisation_kinds", _frozen(self.organisation_kinds, "organisation_kinds"))
        object.__setattr__(self, "topics", _frozen(self.topics, "topics"))


@dataclass(frozen=True)
class CountRule:
    """At least `minimum` held engagements of `kinds` in each calendar year of first_year..last_year."""

    kinds: frozenset[str]
    minimum: int
    first_year: int
    last_year: int | None  # None = every year from first_year on ("2021 and later")
    organisation_kind: str | None = None  # only engagements with such a participating organisation
    topic: str | None = None  # only engagements on this topic

    def __post_init__(self) -> None:
        object.__setattr__(self, "kinds", _frozen(self.kinds, "kinds"))
        if not self.kinds:
            raise ValueError("a count rule needs at least one engagement kind")
        if self.minimum < 1:
            raise ValueError(f"minimum must be at least 1, got {self.minimum}")
        if self.last_year is not None and self.last_year < self.first_year:
            raise ValueError(f"last_year {self.last_year} is before first_year {self.first_year}")

    def applies_to(self, year: int) -> bool:
        return self.first_year <= year and (self.last_year is None or year <= self.last_year)

    def qualifies(self, fact: EngagementFact) -> bool:
        """Whether the engagement is of the right sort, whatever its date and whether it was held."""
        return (
            fact.kind in self.kinds
            and (self.organisation_kind is None or self.organisation_kind in fact.organisation_kinds)
            and (self.topic is None or self.topic in fact.topics)
        )


@dataclass(frozen=True)
class DeliverableRule:
    """A document or decision expected on or before `due`; the rule belongs to the year of `due`."""

    key: str
    due: date

    def __post_init__(self) -> None:
        if not self.key.strip():
            raise ValueError("a deliverable rule needs a non-empty key")

    def applies_to(self, year: int) -> bool:
        return self.due.year == year


@dataclass(frozen=True)
class DeliverableFact:
    id: int
    rule_key: str
    dated: date
    evidence: str  # a link or file name; blank evidence does not satisfy the rule


@dataclass(frozen=True)
class CountTally:
    """One count rule's engagements in the evaluated year, already counted: `held` qualifying held
    engagements, `scheduled` qualifying planned ones dated at or after `now` (rule (d))."""

    held: int
    scheduled: int = 0

    def __post_init__(self) -> None:
        if self.held < 0 or self.scheduled < 0:
            raise ValueError(f"tallies cannot be negative, got held={self.held}, scheduled={self.scheduled}")


@dataclass(frozen=True)
class RuleProgress:
    """One rule's progress. The dashboard sentence ("2 more bilateral meetings by 31 December; at the
    pace so far you will reach 4") is built from `remaining`, `deadline` and `projected`; `scheduled`
    says how many of the missing ones are already planned."""

    rule: CountRule | DeliverableRule
    status: Status
    count: int  # held engagements counted; for a deliverable 1 if it exists, else 0
    target: int  # the rule's minimum; 1 for a deliverable
    deadline: date  # 31 December of the year for a count rule; the due date for a deliverable
    counted_ids: tuple[int, ...] = ()  # sorted
    planned_ids: tuple[int, ...] = ()  # qualifying engagements in the year not (yet) held, sorted
    deliverable_ids: tuple[int, ...] = ()  # facts satisfying a deliverable rule, sorted
    projected: int | None = None  # count at the pace so far by year end; current year only
    scheduled: int = 0  # planned qualifying engagements in the year dated at or after `now` (rule (d))
    late: bool = False  # a deliverable exists but every such fact is dated after the due date
    basis: Basis = Basis.OTHER_YEAR  # which clause decided `status`
    days_left: int | None = None  # days from today to the deadline; None once it has passed

    @property
    def remaining(self) -> int:
        return max(0, self.target - self.count)


@dataclass(frozen=True)
class Reason:
    """Why a rule (or a milestone, by its deciding rule) has its status: the facts that decide it.

    `needed` is what is still missing, `days_left` the days from today to the deadline (None once
    it has passed), `planned` the planned engagements still ahead (they never count; they only
    decide through (d)), `projected` the count at the pace so far by the year's end (current year).
    """

    status: Status
    basis: Basis
    is_count: bool
    held: int
    target: int
    needed: int
    deadline: date
    days_left: int | None
    planned: int
    projected: int | None
    late: bool = False


def explain(progress: RuleProgress) -> Reason:
    """The reason of one rule's status."""
    return Reason(
        status=progress.status,
        basis=progress.basis,
        is_count=isinstance(progress.rule, CountRule),
        held=progress.count,
        target=progress.target,
        needed=progress.remaining,
        deadline=progress.deadline,
        days_left=progress.days_left,
        planned=progress.scheduled,
        projected=progress.projected,
        late=progress.late,
    )


def deciding_rule(milestone: MilestoneProgress) -> RuleProgress | None:
    """The rule whose status is the milestone's: the first applicable rule of the worst status."""
    for rule in milestone.rules:
        if rule.status is milestone.status and rule.status is not Status.NOT_APPLICABLE:
            return rule
    return None


def explain_milestone(milestone: MilestoneProgress) -> Reason | None:
    """The reason of a milestone's status: its deciding rule's; None when no rule applies."""
    rule = deciding_rule(milestone)
    return explain(rule) if rule is not None else None


@dataclass(frozen=True)
class MilestoneProgress:
    year: int
    status: Status
    rules: tuple[RuleProgress, ...]


@dataclass(frozen=True)
class _Clock:
    """The evaluated year as seen from `now` in the region's time zone."""

    year: int
    tz: tzinfo
    now: datetime

    @property
    def local_now(self) -> datetime:
        return self.now.astimezone(self.tz)

    @property
    def over(self) -> bool:
        return self.year < self.local_now.year

    @property
    def ahead(self) -> bool:
        """The year has not begun yet."""
        return self.year > self.local_now.year

    def days_to(self, deadline: date) -> int | None:
        days = (deadline - self.local_now.date()).days
        return days if days >= 0 else None

    def project(self, count: int) -> int:
        # Instants, not wall clocks: subtracting datetimes that share a tzinfo ignores the DST offset.
        start = datetime(self.year, 1, 1, tzinfo=self.tz).astimezone(UTC)
        end = datetime(self.year + 1, 1, 1, tzinfo=self.tz).astimezone(UTC)
        elapsed = self.now.astimezone(UTC) - start
        if elapsed.total_seconds() <= 0:
            return count
        # Integer timedelta arithmetic keeps the projection exact (2 at exactly half a year is 4, not 3.99).
        return count * (end - start) // elapsed


def evaluate(
    rules: Iterable[CountRule | DeliverableRule],
    engagements: Iterable[EngagementFact],
    deliverables: Iterable[DeliverableFact],
    *,
    year: int,
    tz: tzinfo,
    now: datetime,
) -> MilestoneProgress:
    """Progress of one milestone (all `rules` must hold) in the calendar `year` of time zone `tz`.

    The result depends only on the sets of facts, not on their order or repetition.
    """
    _require_aware(now, "now")
    clock = _Clock(year=year, tz=tz, now=now)
    facts = _distinct(engagements)
    documents = tuple(deliverables)
    results = []
    for rule in rules:
        if isinstance(rule, CountRule):
            results.append(_evaluate_count(rule, facts, clock))
        elif isinstance(rule, DeliverableRule):
            results.append(_evaluate_deliverable(rule, documents, clock))
        else:
            raise TypeError(f"expected CountRule or DeliverableRule, got {type(rule).__name__}")
    return MilestoneProgress(year=year, status=worst(r.status for r in results), rules=tuple(results))


def evaluate_tallies(
    rules: Iterable[CountRule | DeliverableRule],
    tallies: Mapping[CountRule, CountTally],
    deliverables: Iterable[DeliverableFact],
    *,
    year: int,
    tz: tzinfo,
    now: datetime,
) -> MilestoneProgress:
    """`evaluate` for a caller that has counted the engagements itself: `tallies` gives, for each
    count rule that applies in `year`, what `tally` would return. The statuses, counts, projections
    and `scheduled` are the same as `evaluate`'s on the facts behind the tallies; `counted_ids` and
    `planned_ids` stay empty (the caller knows which engagements it counted).
    """
    _require_aware(now, "now")
    clock = _Clock(year=year, tz=tz, now=now)
    documents = tuple(deliverables)
    results = []
    for rule in rules:
        if isinstance(rule, CountRule):
            if not rule.applies_to(year):
                results.append(_not_applicable(rule, clock))
            elif rule not in tallies:
                raise ValueError(f"no tally for the count rule {rule} in {year}")
            else:
                results.append(_count_progress(rule, tallies[rule], clock))
        elif isinstance(rule, DeliverableRule):
            results.append(_evaluate_deliverable(rule, documents, clock))
        else:
            raise TypeError(f"expected CountRule or DeliverableRule, got {type(rule).__name__}")
    return MilestoneProgress(year=year, status=worst(r.status for r in results), rules=tuple(results))


def _distinct(engagements: Iterable[EngagementFact]) -> tuple[EngagementFact, ...]:
    by_id: dict[int, EngagementFact] = {}
    for fact in engagements:
        if by_id.setdefault(fact.id, fact) != fact:
            raise ValueError(f"engagement {fact.id} is given twice with different data")
    return tuple(by_id.values())


def tally(
    rule: CountRule, engagements: Iterable[EngagementFact], *, year: int, tz: tzinfo, now: datetime
) -> CountTally:
    """What `engagements` hold for `rule` in `year`: the reference for any other way of counting
    (the database counts the same numbers without handing every fact over; the service's tests
    compare the two)."""
    _require_aware(now, "now")
    clock = _Clock(year=year, tz=tz, now=now)
    counted, _planned, scheduled = _qualifying(rule, _distinct(engagements), clock)
    return CountTally(held=len(counted), scheduled=scheduled)


def _qualifying(
    rule: CountRule, facts: tuple[EngagementFact, ...], clock: _Clock
) -> tuple[tuple[int, ...], tuple[int, ...], int]:
    in_year = [f for f in facts if rule.qualifies(f) and local_year(f.starts_at, clock.tz) == clock.year]
    counted = tuple(sorted(f.id for f in in_year if f.held))
    planned = tuple(sorted(f.id for f in in_year if not f.held))
    scheduled = sum(1 for f in in_year if not f.held and f.starts_at >= clock.now)
    return counted, planned, scheduled


def _evaluate_count(rule: CountRule, facts: tuple[EngagementFact, ...], clock: _Clock) -> RuleProgress:
    if not rule.applies_to(clock.year):
        return _not_applicable(rule, clock)
    counted, planned, scheduled = _qualifying(rule, facts, clock)
    return _count_progress(rule, CountTally(len(counted), scheduled), clock, counted_ids=counted, planned_ids=planned)


def _not_applicable(rule: CountRule, clock: _Clock) -> RuleProgress:
    return RuleProgress(
        rule,
        Status.NOT_APPLICABLE,
        count=0,
        target=rule.minimum,
        deadline=date(clock.year, 12, 31),
        basis=Basis.OTHER_YEAR,
    )


def _count_progress(
    rule: CountRule,
    tallied: CountTally,
    clock: _Clock,
    *,
    counted_ids: tuple[int, ...] = (),
    planned_ids: tuple[int, ...] = (),
) -> RuleProgress:
    count = tallied.held
    projected = None if clock.over or clock.ahead else clock.project(count)
    status, basis = _count_status(count, rule.minimum, clock, tallied.scheduled)
    deadline = date(clock.year, 12, 31)
    return RuleProgress(
        rule,
        status,
        basis=basis,
        days_left=clock.days_to(deadline),
        count=count,
        target=rule.minimum,
        deadline=deadline,
        counted_ids=counted_ids,
        planned_ids=planned_ids,
        projected=projected,
        scheduled=tallied.scheduled,
    )


def _count_status(count: int, minimum: int, clock: _Clock, scheduled: int) -> tuple[Status, Basis]:
    if count >= minimum:
        return Status.ACHIEVED, Basis.REACHED
    if clock.over:
        return Status.MISSED, Basis.YEAR_OVER
    if clock.ahead:
        return Status.NOT_STARTED, Basis.NOT_YET
    month = clock.local_now.month
    # Early in the year the pace says little (0 meetings on 3 January projects to 0), so a rule
    # stays on track while one engagement a month in the whole months left would still do, and
    # throughout January whatever the target. Later, planned engagements still ahead that cover the
    # rest keep it on track too: the coordinator has scheduled what is missing.
    remaining = minimum - count
    if clock.project(count) >= minimum:
        return Status.ON_TRACK, Basis.PACE
    if remaining <= 12 - month:
        return Status.ON_TRACK, Basis.MONTHS_LEFT
    if month == 1:
        return Status.ON_TRACK, Basis.JANUARY
    if remaining <= scheduled:
        return Status.ON_TRACK, Basis.PLANNED
    return Status.AT_RISK, Basis.SHORT


def _evaluate_deliverable(rule: DeliverableRule, documents: tuple[DeliverableFact, ...], clock: _Clock) -> RuleProgress:
    if not rule.applies_to(clock.year):
        return RuleProgress(rule, Status.NOT_APPLICABLE, count=0, target=1, deadline=rule.due, basis=Basis.OTHER_YEAR)
    satisfying = [d for d in documents if d.rule_key == rule.key and d.evidence.strip()]
    today = clock.local_now.date()
    if satisfying:
        status, basis = Status.ACHIEVED, Basis.DELIVERED
    elif today > rule.due:
        status, basis = Status.MISSED, Basis.DUE_PASSED
    elif (rule.due - today).days <= AT_RISK_DAYS:
        status, basis = Status.AT_RISK, Basis.DUE_SOON
    elif clock.ahead:
        status, basis = Status.NOT_STARTED, Basis.DUE_LATER
    else:
        status, basis = Status.ON_TRACK, Basis.DUE_LATER
    return RuleProgress(
        rule,
        status,
        basis=basis,
        days_left=clock.days_to(rule.due),
        count=1 if satisfying else 0,
        target=1,
        deadline=rule.due,
        deliverable_ids=tuple(sorted({d.id for d in satisfying})),
        late=bool(satisfying) and all(d.dated > rule.due for d in satisfying),
    )


def validate_rule(rule: CountRule | DeliverableRule, *, allowed_kinds: Iterable[str] | None = None) -> None:
    """For the form layer: ValueError naming the allowed values if a count rule uses an unknown kind.

    Impossible values (minimum < 1, last_year before first_year, no kinds) are already rejected when
    the rule is built; the list of kinds belongs to the Django layer, so it is passed in.
    """
    if not isinstance(rule, CountRule) or allowed_kinds is None:
        return
    allowed = sorted(set(allowed_kinds))
    unknown = sorted(rule.kinds.difference(allowed))
    if unknown:
        raise ValueError(f"unknown engagement kind(s): {', '.join(unknown)}; allowed: {', '.join(allowed)}")
