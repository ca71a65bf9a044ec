"""Progress of a region's strategy, read from the database: the Django side of the progress engine.

``region_progress`` picks the strategy version in force, turns its rules and the year's engagement
log into the engine's frozen facts and evaluates every milestone (decision 0006). The facts are read
with a fixed number of queries, whatever the size of the log: only held engagements of the local
year (bounds computed in the region's time zone, served by the (region, starts_at) index) and of the
kinds some rule counts, as plain tuples, plus one query each for participants' organisation kinds and
for topics, only when a rule needs them. Each milestone is evaluated on the facts of its own kinds.
For the current year the same queries also read the planned engagements dated from ``now`` to the
year's end: they never count, but those that cover what is missing keep a rule on track (rule (d)
of decision 0006). So ``RuleProgress.planned_ids`` lists only planned engagements still ahead in the
current year, and stays empty (``scheduled`` 0) for any other year, as do overdue planned ones.

``reminders``, ``monthly_counts`` and ``upcoming`` feed the back-office dashboard. Nothing here
decides who may see what: the views do.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from inducult.engagement.enums import EngagementStatus, Visibility
from inducult.engagement.models import Engagement, EngagementParticipant, FollowUpTask, region_tz
from inducult.network.models import Organisation
from inducult.strategy import models as sm
from inducult.strategy.domain import progress as engine

SHOWN_PER_RULE = 10  # counted engagements listed under a rule; the rest are only counted
UPCOMING_LIMIT = 10
REMINDER_LIMIT = 20  # overdue tasks listed; the total is always given


@dataclass(frozen=True)
class ShownEngagement:
    """What the pages may show of a counted engagement (no participants, no minutes)."""

    id: int
    title: str
    starts_at: datetime.datetime  # in the region's time zone
    kind: str
    is_public: bool
    is_sample: bool

    @property
    def local_date(self) -> datetime.date:
        return self.starts_at.date()


@dataclass(frozen=True)
class RuleResult:
    rule: sm.CountRule | sm.DeliverableRule
    progress: engine.RuleProgress
    shown: tuple[ShownEngagement, ...] = ()  # the latest counted engagements, at most SHOWN_PER_RULE
    shown_public: tuple[ShownEngagement, ...] = ()  # the same for public engagements only
    sample_count: int = 0  # counted engagements that are samples

    @property
    def is_count(self) -> bool:
        return isinstance(self.rule, sm.CountRule)

    @property
    def more(self) -> int:
        return max(0, self.progress.count - len(self.shown)) if self.is_count else 0


@dataclass(frozen=True)
class MilestoneResult:
    milestone: sm.Milestone
    progress: engine.MilestoneProgress
    rules: tuple[RuleResult, ...]
    goal_codes: tuple[str, ...]

    @property
    def status(self) -> engine.Status:
        return self.progress.status

    @property
    def applicable(self) -> tuple[RuleResult, ...]:
        return tuple(r for r in self.rules if r.progress.status != engine.Status.NOT_APPLICABLE)

    @property
    def target(self) -> int | None:
        """The sum of the targets of the rules that apply in the year; None if none applies."""
        rules = self.applicable
        return sum(r.progress.target for r in rules) if rules else None

    @property
    def count(self) -> int | None:
        """The sum of the counts of the rules that apply in the year; None if none applies."""
        rules = self.applicable
        return sum(r.progress.count for r in rules) if rules else None


@dataclass(frozen=True)
class GoalResult:
    goal: sm.StrategicGoal
    milestones: tuple[MilestoneResult, ...]


@dataclass(frozen=True)
class RegionProgress:
    region: object
    year: int
    now: datetime.datetime
    version: sm.StrategyVersion | None  # None: no strategy in force in the year
    goals: tuple[GoalResult, ...] = ()
    standing_targets: tuple[MilestoneResult, ...] = ()
    unlinked: tuple[MilestoneResult, ...] = ()  # road-map milestones that serve no goal
    milestones: tuple[MilestoneResult, ...] = ()  # every milestone of the version, in the version's order
    engagement_kinds: frozenset[str] = field(default_factory=frozenset)  # kinds any applicable rule counts

    @property
    def has_strategy(self) -> bool:
        return self.version is not None

    def by_status(self, status: str) -> tuple[MilestoneResult, ...]:
        return tuple(m for m in self.milestones if m.status == status)


def local_now(region, now: datetime.datetime | None = None) -> datetime.datetime:
    return timezone.localtime(now or timezone.now(), region_tz(region))


def current_year(region, now: datetime.datetime | None = None) -> int:
    return local_now(region, now).year


def year_bounds(region, year: int) -> tuple[datetime.datetime, datetime.datetime]:
    """The first moment of ``year`` and of the next year, at local midnight in the region's zone."""
    tz = region_tz(region)
    return datetime.datetime(year, 1, 1, tzinfo=tz), datetime.datetime(year + 1, 1, 1, tzinfo=tz)


def version_for_year(region, year: int, *, now: datetime.datetime | None = None) -> sm.StrategyVersion | None:
    """The version in force today for the current year, on 31 December for any other year.

    A region may keep several strategies; the one whose version began last wins.
    """
    today = local_now(region, now).date()
    day = today if year == today.year else datetime.date(year, 12, 31)
    return (
        sm.StrategyVersion.objects.filter(strategy__region=region, valid_from__lte=day)
        .select_related("strategy")
        .order_by("-valid_from", "-id")
        .first()
    )


def first_year(region, *, now: datetime.datetime | None = None) -> int:
    """The first year worth offering in a year selector: the first version's, or this year."""
    first = sm.StrategyVersion.objects.filter(strategy__region=region).order_by("valid_from").first()
    this_year = current_year(region, now)
    return min(first.valid_from.year, this_year) if first else this_year


def _engine_rule(rule: sm.CountRule | sm.DeliverableRule) -> engine.CountRule | engine.DeliverableRule:
    if isinstance(rule, sm.CountRule):
        return engine.CountRule(
            kinds=frozenset(rule.kinds),
            minimum=rule.minimum,
            first_year=rule.first_year,
            last_year=rule.last_year,
            organisation_kind=rule.organisation_kind or None,
            topic=str(rule.topic_id) if rule.topic_id else None,
        )
    return engine.DeliverableRule(key=rule.key, due=rule.due_date)


@dataclass(frozen=True)
class _Row:
    id: int
    kind: str
    starts_at: datetime.datetime
    is_public: bool
    is_sample: bool
    held: bool = True


def _engagement_facts(
    region, year: int, rules: Iterable[sm.CountRule], now: datetime.datetime
) -> tuple[dict[str, list], dict[int, _Row]]:
    """The year's held engagements of the kinds the rules count, as engine facts grouped by kind,
    and their rows by id: at most three queries, each bounded by the year and the rules' needs.

    In the current year the same queries also read the planned engagements dated at or after ``now``
    (rule (d) of decision 0006); other planned ones are left out: they never count, and in a past or
    future year, or once their date has passed, they do not inform the status either.
    """
    rules = [r for r in rules if r.first_year <= year and (r.last_year is None or year <= r.last_year)]
    kinds = sorted({kind for r in rules for kind in r.kinds})
    if not kinds:
        return {}, {}
    start, end = year_bounds(region, year)
    wanted = Q(status=EngagementStatus.HELD)
    if start <= now < end:
        wanted |= Q(status=EngagementStatus.PLANNED, starts_at__gte=now)

    def in_year(chosen_kinds):
        return Engagement.objects.filter(
            wanted, region=region, starts_at__gte=start, starts_at__lt=end, kind__in=chosen_kinds
        )

    rows = {
        pk: _Row(pk, kind, starts_at, visibility == Visibility.PUBLIC, is_sample, status == EngagementStatus.HELD)
        for pk, kind, starts_at, visibility, is_sample, status in in_year(kinds)
        .values_list("id", "kind", "starts_at", "visibility", "is_sample", "status")
        .order_by()
    }
    # Only the participants' kinds some rule asks for, on engagements of the kinds such rules count.
    organisation_kinds: dict[int, set[str]] = defaultdict(set)
    org_rules = [r for r in rules if r.organisation_kind]
    if org_rules:
        pairs = (
            EngagementParticipant.objects.filter(
                engagement__in=in_year(sorted({k for r in org_rules for k in r.kinds})).values("id"),
                organisation__kind__in=sorted({r.organisation_kind for r in org_rules}),
            )
            .values_list("engagement_id", "organisation__kind")
            .order_by()
            .distinct()
        )
        for engagement_id, kind in pairs:
            organisation_kinds[engagement_id].add(kind)
    topics: dict[int, set[str]] = defaultdict(set)
    topic_rules = [r for r in rules if r.topic_id]
    if topic_rules:
        links = (
            Engagement.topics.through.objects.filter(
                engagement__in=in_year(sorted({k for r in topic_rules for k in r.kinds})).values("id"),
                topic_id__in=sorted({r.topic_id for r in topic_rules}),
            )
            .values_list("engagement_id", "topic_id")
            .order_by()
        )
        for engagement_id, topic_id in links:
            topics[engagement_id].add(str(topic_id))
    by_kind: dict[str, list[engine.EngagementFact]] = defaultdict(list)
    for row in rows.values():
        by_kind[row.kind].append(
            engine.EngagementFact(
                id=row.id,
                kind=row.kind,
                starts_at=row.starts_at,
                held=row.held,
                organisation_kinds=frozenset(organisation_kinds.get(row.id, ())),
                topics=frozenset(topics.get(row.id, ())),
            )
        )
    return by_kind, rows


def _relevant(by_kind: dict[str, list], rules) -> list[engine.EngagementFact]:
    """The facts of the kinds a milestone's count rules name: the engine need not see the rest."""
    kinds = {kind for rule in rules if isinstance(rule, sm.CountRule) for kind in rule.kinds}
    return [fact for kind in sorted(kinds) for fact in by_kind.get(kind, ())]


def _milestones(version) -> list[sm.Milestone]:
    return list(
        sm.Milestone.objects.filter(version=version).prefetch_related(
            Prefetch("goals", queryset=sm.StrategicGoal.objects.order_by("order", "code")),
            Prefetch("count_rules", queryset=sm.CountRule.objects.select_related("topic")),
            "deliverable_rules",
        )
    )


def _deliverable_facts(version) -> dict[int, list[engine.DeliverableFact]]:
    """Deliverables by milestone id (rule keys are unique within a milestone only)."""
    by_milestone: dict[int, list[engine.DeliverableFact]] = defaultdict(list)
    rows = sm.Deliverable.objects.filter(rule__milestone__version=version).values_list(
        "id", "rule__milestone_id", "rule__key", "dated", "evidence_url", "evidence_file"
    )
    for pk, milestone_id, key, dated, url, file in rows:
        by_milestone[milestone_id].append(
            engine.DeliverableFact(id=pk, rule_key=key, dated=dated, evidence=url or file or "")
        )
    return by_milestone


def _latest(ids: Iterable[int], rows: dict[int, _Row], *, public_only: bool = False) -> list[int]:
    chosen = [rows[i] for i in ids if i in rows and (rows[i].is_public or not public_only)]
    chosen.sort(key=lambda r: (r.starts_at, r.id), reverse=True)
    return [r.id for r in chosen[:SHOWN_PER_RULE]]


def region_progress(region, year: int, *, now: datetime.datetime | None = None, titles: bool = True) -> RegionProgress:
    """Every milestone of the version in force for ``year``, evaluated for that year.

    Queries: the version, the milestones with their goals and rules (four), the goals, the
    deliverables, the year's engagements, participants' organisation kinds and topics (each only
    when a rule needs them), and the titles of the engagements shown (at most SHOWN_PER_RULE per rule;
    ``titles=False`` skips them, e.g. for open data, which names no engagement).
    """
    now = now or timezone.now()
    tz = region_tz(region)
    version = version_for_year(region, year, now=now)
    if version is None:
        return RegionProgress(region=region, year=year, now=now, version=None)
    milestones = _milestones(version)
    goals = list(sm.StrategicGoal.objects.filter(version=version).order_by("order", "code"))
    deliverables = _deliverable_facts(version)
    count_rules = [rule for m in milestones for rule in m.count_rules.all()]
    by_kind, rows = _engagement_facts(region, year, count_rules, now)

    evaluated = []
    wanted: set[int] = set()
    for milestone in milestones:
        rules = milestone.rules
        result = engine.evaluate(
            [_engine_rule(r) for r in rules],
            _relevant(by_kind, rules),
            deliverables.get(milestone.pk, ()),
            year=year,
            tz=tz,
            now=now,
        )
        picks = []
        for rule_progress in result.rules:
            shown = _latest(rule_progress.counted_ids, rows)
            shown_public = _latest(rule_progress.counted_ids, rows, public_only=True)
            wanted.update(shown, shown_public)
            picks.append((shown, shown_public))
        evaluated.append((milestone, rules, result, picks))

    details = {
        e.pk: ShownEngagement(
            id=e.pk,
            title=e.localized("title"),
            starts_at=timezone.localtime(e.starts_at, tz),
            kind=e.kind,
            is_public=e.visibility == Visibility.PUBLIC,
            is_sample=e.is_sample,
        )
        for e in (
            Engagement.objects.filter(pk__in=wanted, region=region).only(
                "id", "title", "translations", "starts_at", "kind", "visibility", "is_sample"
            )
            if wanted and titles
            else ()
        )
    }

    results = []
    for milestone, rules, result, picks in evaluated:
        rule_results = tuple(
            RuleResult(
                rule=rule,
                progress=rule_progress,
                shown=tuple(details[i] for i in shown if i in details),
                shown_public=tuple(details[i] for i in shown_public if i in details),
                sample_count=sum(1 for i in rule_progress.counted_ids if rows[i].is_sample),
            )
            for rule, rule_progress, (shown, shown_public) in zip(rules, result.rules, picks, strict=True)
        )
        results.append(
            MilestoneResult(
                milestone=milestone,
                progress=result,
                rules=rule_results,
                goal_codes=tuple(g.code for g in milestone.goals.all()),
            )
        )

    road_map = [m for m in results if not m.milestone.is_standing_target]
    goal_results = tuple(
        GoalResult(goal=goal, milestones=tuple(m for m in road_map if goal.code in m.goal_codes)) for goal in goals
    )
    kinds = {kind for m in results for r in m.applicable if isinstance(r.rule, sm.CountRule) for kind in r.rule.kinds}
    return RegionProgress(
        region=region,
        year=year,
        now=now,
        version=version,
        goals=goal_results,
        standing_targets=tuple(m for m in results if m.milestone.is_standing_target),
        unlinked=tuple(m for m in road_map if not m.goal_codes),
        milestones=tuple(results),
        engagement_kinds=frozenset(kinds),
    )


@dataclass(frozen=True)
class Reminders:
    overdue_tasks: tuple[FollowUpTask, ...]
    overdue_total: int
    at_risk: tuple[MilestoneResult, ...] | None  # None: not evaluated (the caller showed another year)
    quiet_kinds: tuple[str, ...]  # organisation kinds with active organisations but no recent engagement
    quiet_towns: tuple[str, ...]
    since: datetime.date  # "lately" means on or after this day

    @property
    def any(self) -> bool:
        return bool(self.overdue_total or self.at_risk or self.quiet_kinds or self.quiet_towns)


def _a_year_before(day: datetime.date) -> datetime.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def reminders(
    region, *, now: datetime.datetime | None = None, current: RegionProgress | None = None, at_risk: bool = True
) -> Reminders:
    """What the coordinator should act on: overdue follow-ups, milestones at risk this year, and the
    organisation kinds and towns with active organisations but no held engagement in 12 months.

    ``current`` saves evaluating this year's progress again when the caller already has it;
    ``at_risk=False`` skips that evaluation altogether (``Reminders.at_risk`` is then None).
    """
    now = now or timezone.now()
    local = local_now(region, now)
    today = local.date()
    if at_risk and (current is None or current.year != today.year):
        current = region_progress(region, today.year, now=now)
    # Start from the few open overdue tasks (partial index engagement_task_open_due) and only then
    # keep this region's: filtering by region first made SQLite walk every engagement of the region
    # (docs/performance.md). Through Engagement.objects, so tasks of a deleted engagement do not nag.
    open_overdue = FollowUpTask.objects.filter(done_at__isnull=True, due_date__lt=today).values("pk")
    overdue = FollowUpTask.objects.filter(
        pk__in=open_overdue, engagement__in=Engagement.objects.filter(region=region).values("pk")
    )
    overdue_tasks = tuple(overdue.select_related("engagement", "owner").order_by("due_date", "id")[:REMINDER_LIMIT])
    overdue_total = overdue.count()

    since = _a_year_before(today)
    since_moment = datetime.datetime.combine(since, datetime.time.min, tzinfo=region_tz(region))
    recent = EngagementParticipant.objects.filter(
        engagement__in=Engagement.objects.filter(
            region=region, status=EngagementStatus.HELD, starts_at__gte=since_moment
        ).values("id"),
        organisation__isnull=False,
    ).order_by()
    active = Organisation.objects.filter(region=region, archived_at__isnull=True).order_by()
    met_kinds = set(recent.values_list("organisation__kind", flat=True).distinct())
    met_towns = set(recent.exclude(organisation__town="").values_list("organisation__town", flat=True).distinct())
    kinds = set(active.values_list("kind", flat=True).distinct())
    towns = set(active.exclude(town="").values_list("town", flat=True).distinct())
    return Reminders(
        overdue_tasks=overdue_tasks,
        overdue_total=overdue_total,
        at_risk=current.by_status(engine.Status.AT_RISK) if at_risk else None,
        quiet_kinds=tuple(sorted(kinds - met_kinds)),
        quiet_towns=tuple(sorted(towns - met_towns)),
        since=since,
    )


def monthly_counts(region, year: int) -> dict[int, dict[str, int]]:
    """Held engagements per local month (1–12) and kind in ``year``: one GROUP BY query.

    Month bounds are computed here in the region's zone (so DST and the year's edges are right) and
    counted with conditional aggregates, which both SQLite and PostgreSQL run over the
    (region, starts_at) index without converting every row's time zone.
    """
    tz = region_tz(region)
    bounds = [datetime.datetime(year + (m == 12), m % 12 + 1, 1, tzinfo=tz) for m in range(1, 13)]
    starts = [datetime.datetime(year, m, 1, tzinfo=tz) for m in range(1, 13)]
    aggregates = {
        f"m{m}": Count("id", filter=Q(starts_at__gte=starts[m - 1], starts_at__lt=bounds[m - 1])) for m in range(1, 13)
    }
    rows = (
        Engagement.objects.filter(
            region=region, status=EngagementStatus.HELD, starts_at__gte=starts[0], starts_at__lt=bounds[11]
        )
        .values("kind")
        .annotate(**aggregates)
        .order_by()
    )
    counts: dict[int, dict[str, int]] = {month: {} for month in range(1, 13)}
    for row in rows:
        for month in range(1, 13):
            if row[f"m{month}"]:
                counts[month][row["kind"]] = row[f"m{month}"]
    return counts


def upcoming(region, now: datetime.datetime | None = None, limit: int = UPCOMING_LIMIT) -> list[Engagement]:
    """The next planned engagements, soonest first."""
    now = now or timezone.now()
    return list(
        Engagement.objects.filter(region=region, status=EngagementStatus.PLANNED, starts_at__gte=now)
        .only("id", "region", "title", "translations", "kind", "starts_at", "date_only", "visibility", "is_sample")
        .order_by("starts_at", "id")[:limit]
    )
