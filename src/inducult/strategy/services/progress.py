"""Progress of a region's strategy, read from the database: the Django side of the progress engine.

``region_progress`` picks the strategy version in force, has the database count the year's
engagement log for every count rule (``_count_engagements``: a fixed number of queries whatever the
size of the log, bounded by the year and served by the (region, kind, starts_at) index) and lets
the engine judge the counts (``engine.evaluate_tallies``; decisions 0006 and 0009). Only held
engagements count. For the current year the same queries also count the planned engagements dated
from ``now`` to the year's end: they never count, but those that cover what is missing keep a rule
on track (rule (d) of decision 0006); ``RuleProgress.scheduled`` is 0 for any other year.

``reminders``, ``monthly_counts`` and ``upcoming`` feed the back-office dashboard. Nothing here
decides who may see what: the views do.
"""

from __future__ import annotations

import datetime
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from django.db.models import (
    Case,
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Value,
    When,
)
from django.utils import timezone

from inducult.engagement.enums import EngagementStatus, Visibility
from inducult.engagement.models import Engagement, EngagementParticipant, FollowUpTask
from inducult.network.models import Organisation
from inducult.strategy import models as sm
from inducult.strategy.domain import progress as engine

SHOWN_PER_RULE = 10  # counted engagements listed under a rule; the rest are only counted
UPCOMING_LIMIT = 10
REMINDER_LIMIT = 20  # overdue tasks listed; the total is always given
# At most this many of the year's newest held engagements are read at once for the rules' "latest"
# lists (see _batch_size); a rule that finds too few of its own among them gets its own query.
LATEST_BATCH = 1000


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
    sample_count: int = 0  # counted engagements, or recorded deliverables, that are samples
    delivered: int = 0  # a deliverable rule's recorded deliverables, samples included
    # Planned engagements still ahead that are samples: they never count, but they decide an "on
    # track" by rule (d) and the reason says how many are planned, so the status rests on them too.
    planned_samples: int = 0
    # A count rule's year whose log holds sample engagements: a status short of "achieved by real
    # records" rests on what that made-up log holds or lacks (M10 "missed" in 2021 for want of a
    # sample focus group), as a deliverable rule's does on a sample history.
    log_has_samples: bool = False

    @property
    def is_count(self) -> bool:
        return isinstance(self.rule, sm.CountRule)

    @property
    def includes_samples(self) -> bool:
        """Whether the rule's figure or status rests on sample records: counted sample engagements,
        sample engagements planned ahead (rule (d), the reason's "N planned"), a year's log holding
        samples (unless real records alone reach the target), a sample deliverable, or (a deliverable
        rule) a record of delivery that is a sample history, its absence included, while no real
        deliverable is recorded."""
        if self.sample_count or self.planned_samples:
            return True
        if self.is_count and self.log_has_samples:
            real = self.progress.count - self.sample_count
            return not (self.progress.status == engine.Status.ACHIEVED and real >= self.progress.target)
        return not self.is_count and self.rule.history_is_sample and not self.real_deliverables

    @property
    def real_deliverables(self) -> int:
        return 0 if self.is_count else self.delivered - self.sample_count

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

    @property
    def includes_samples(self) -> bool:
        """Whether the milestone's status, target or count rests on a sample record."""
        return any(r.includes_samples for r in self.applicable)


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


def version_for_year(region, year: int, *, now: datetime.datetime | None = None) -> sm.StrategyVersion | None:
    """The version in force today for the current year, on 31 December for any other year.

    A region may keep several strategies; the one whose version began last wins.
    """
    today = region.today(now)
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
    this_year = region.today(now).year
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
class _Counted:
    """One count rule's engagements in the year, as the database counted them."""

    tally: engine.CountTally
    samples: int  # held ones that are samples
    latest: tuple[ShownEngagement, ...] = ()  # the latest held ones, newest first, at most SHOWN_PER_RULE
    latest_public: tuple[ShownEngagement, ...] = ()
    planned_samples: int = 0  # planned ones still ahead (rule (d)) that are samples
    # The year's log of the counted kinds holds samples: what it lacks is then made up as well.
    log_has_samples: bool = False


@dataclass(frozen=True)
class _Conditions:
    """The participant-kind and topic conditions the rules set, as (organisation kind, topic id)
    pairs with None for "any"; ``c<i>`` names pair i in the counting queries' results.

    Each condition is counted by a query of its own with the condition in WHERE: both databases run
    that as a semi-join probing each engagement's participants or topics, whereas an EXISTS in the
    select list or in an aggregate's FILTER made PostgreSQL hash every matching participant of every
    region first (docs/performance.md). For a few hundred engagements (the newest of the year) the
    conditions are read as facts instead (``met``)."""

    pairs: tuple[tuple[str | None, int | None], ...]
    organisations: dict[str, tuple[int, ...]]  # the region's organisations of each kind a condition names

    @classmethod
    def of(cls, rules: Iterable[sm.CountRule], region) -> _Conditions:
        pairs = {(r.organisation_kind or None, r.topic_id or None) for r in rules} - {(None, None)}
        kinds = sorted({kind for kind, _ in pairs if kind})
        organisations: dict[str, list[int]] = {kind: [] for kind in kinds}
        if kinds:
            # Participants are organisations of the engagement's region (Engagement.clean).
            for kind, pk in Organisation.objects.filter(region=region, kind__in=kinds).values_list("kind", "id"):
                organisations[kind].append(pk)
        return cls(
            tuple(sorted(pairs, key=lambda pair: (pair[0] or "", pair[1] or 0))),
            {kind: tuple(ids) for kind, ids in organisations.items()},
        )

    def name(self, rule: sm.CountRule) -> str | None:
        """The condition of ``rule``; None when it counts every engagement of its kinds."""
        pair = (rule.organisation_kind or None, rule.topic_id or None)
        return None if pair == (None, None) else f"c{self.pairs.index(pair)}"

    def named(self) -> Iterable[tuple[str, Q]]:
        for i, (organisation_kind, topic) in enumerate(self.pairs):
            condition = Q()
            if organisation_kind:
                # By the organisations' ids, not a join on their kind: with the join PostgreSQL
                # may hash every participant of that kind in the installation (performance.md).
                participants = EngagementParticipant.objects.filter(
                    engagement=OuterRef("pk"), organisation_id__in=self.organisations[organisation_kind]
                )
                condition &= Q(Exists(participants)) if self.organisations[organisation_kind] else Q(pk__in=[])
            if topic:
                links = Engagement.topics.through.objects.filter(engagement=OuterRef("pk"), topic_id=topic)
                condition &= Q(Exists(links))
            yield f"c{i}", condition

    def where(self, name: str) -> Q:
        return dict(self.named())[name]

    def met(self, ids: list[int]) -> dict[int, set[str]]:
        """The conditions each of the engagements ``ids`` meets: two small queries at most."""
        organisation_kinds: dict[int, set[str]] = defaultdict(set)
        topics: dict[int, set[int]] = defaultdict(set)
        wanted_kinds = sorted({kind for kind, _ in self.pairs if kind})
        wanted_topics = sorted({topic for _, topic in self.pairs if topic})
        kind_of = {pk: kind for kind in wanted_kinds for pk in self.organisations[kind]}
        if ids and kind_of:
            for engagement_id, organisation_id in EngagementParticipant.objects.filter(
                engagement_id__in=ids, organisation_id__in=sorted(kind_of)
            ).values_list("engagement_id", "organisation_id"):
                organisation_kinds[engagement_id].add(kind_of[organisation_id])
        if ids and wanted_topics:
            for engagement_id, topic in Engagement.topics.through.objects.filter(
                engagement_id__in=ids, topic_id__in=wanted_topics
            ).values_list("engagement_id", "topic_id"):
                topics[engagement_id].add(topic)
        return {
            pk: {
                f"c{i}"
                for i, (kind, topic) in enumerate(self.pairs)
                if (kind is None or kind in organisation_kinds[pk]) and (topic is None or topic in topics[pk])
            }
            for pk in ids
        }


def _shown(engagement: Engagement, tz) -> ShownEngagement:
    return ShownEngagement(
        id=engagement.pk,
        title=engagement.localized("title"),
        starts_at=timezone.localtime(engagement.starts_at, tz),
        kind=engagement.kind,
        is_public=engagement.visibility == Visibility.PUBLIC,
        is_sample=engagement.is_sample,
    )


def _batch_size(total: int, counts: Iterable[int]) -> int:
    """How many of the year's ``total`` newest held engagements to read so that each list (a rule's
    engagements, or its public ones, ``counts`` of them in the year) likely finds its latest
    SHOWN_PER_RULE among them: if a list's engagements are spread evenly over the year, that takes
    ``total × SHOWN_PER_RULE / count`` rows; half as many again for unevenness, at most LATEST_BATCH.
    A list that still finds too few is read by a query of its own, so this only saves queries."""
    depth = SHOWN_PER_RULE
    for count in counts:
        if count:
            depth = max(depth, math.ceil(total * min(SHOWN_PER_RULE, count) / count * 1.5))
    return max(0, min(total, depth, LATEST_BATCH))


def _count_engagements(
    region, year: int, rules: Iterable[sm.CountRule], now: datetime.datetime, *, latest: bool = True
) -> dict[int, _Counted]:
    """For each count rule (by pk) that applies in ``year``: what the year's log holds for it,
    counted by the database whatever the size of the log (decision 0006).

    One query groups the year's engagements of the counted kinds by kind, status, sample flag and
    visibility and counts each group; one more per participant-kind or topic condition of the rules
    counts the same groups' engagements that meet it. With ``latest``, one more reads the newest
    held ones (as many as ``_batch_size`` predicts from the counts) and one or two their
    participants and topics: each rule's latest are those of them that qualify, unless the counts
    say some are missing (a rule that the newest engagements rarely serve); only then does that rule
    get its own query (two at most: all and public ones).
    Held engagements count; in the current year planned ones dated at or after ``now`` are counted
    as ``scheduled`` (rule (d)); other planned ones are not read. ``engine.tally`` on the same
    engagements is the reference the tests hold this to.
    """
    rules = [r for r in rules if r.first_year <= year and (r.last_year is None or year <= r.last_year)]
    kinds = sorted({kind for r in rules for kind in r.kinds})
    if not kinds:
        return {}
    tz = region.tz
    start, end = region.year_bounds(year)
    wanted = Q(status=EngagementStatus.HELD)
    if start <= now < end:
        wanted |= Q(status=EngagementStatus.PLANNED, starts_at__gte=now)
    conditions = _Conditions.of(rules, region)
    in_year = Engagement.objects.filter(wanted, region=region, starts_at__gte=start, starts_at__lt=end, kind__in=kinds)
    key = ("kind", "status", "is_sample", "visibility")
    groups = {tuple(g[k] for k in key): g for g in in_year.values(*key).annotate(n=Count("id")).order_by()}
    for name, condition in conditions.named():
        for row in in_year.filter(condition).values(*key).annotate(n=Count("id")).order_by():
            groups[tuple(row[k] for k in key)][name] = row["n"]
    groups = list(groups.values())
    held = in_year.filter(status=EngagementStatus.HELD).order_by("-starts_at", "-id")
    counted: dict[int, _Counted] = {}
    log_has_samples = any(g["is_sample"] for g in groups)
    lists: dict[int, tuple[frozenset[str], str | None, int, int]] = {}
    for rule in rules:
        kinds_counted, column = frozenset(rule.kinds), conditions.name(rule)
        count = column or "n"  # the engagements of a group that meet the rule's condition
        mine = [g for g in groups if g["kind"] in kinds_counted and g.get(count)]
        mine_held = [g for g in mine if g["status"] == EngagementStatus.HELD]
        n_held = sum(g[count] for g in mine_held)
        counted[rule.pk] = _Counted(
            tally=engine.CountTally(
                held=n_held, scheduled=sum(g[count] for g in mine if g["status"] == EngagementStatus.PLANNED)
            ),
            samples=sum(g[count] for g in mine_held if g["is_sample"]),
            planned_samples=sum(g[count] for g in mine if g["status"] == EngagementStatus.PLANNED and g["is_sample"]),
            log_has_samples=log_has_samples,
        )
        n_public = sum(g[count] for g in mine_held if g["visibility"] == Visibility.PUBLIC)
        lists[rule.pk] = (kinds_counted, column, n_held, n_public)
    if not latest:
        return counted

    total = sum(g["n"] for g in groups if g["status"] == EngagementStatus.HELD)
    size = _batch_size(total, [n for _, _, n_held, n_public in lists.values() for n in (n_held, n_public)])
    # Plain tuples (id, kind, public): titles are read only for the engagements finally shown.
    columns = ("id", "kind", "visibility")
    newest = [(pk, kind, visibility == Visibility.PUBLIC) for pk, kind, visibility in held.values_list(*columns)[:size]]
    met = conditions.met([pk for pk, _, _ in newest])
    picks: dict[int, tuple[list[int], list[int]]] = {}
    for rule in rules:
        kinds_counted, column, n_held, n_public = lists[rule.pk]
        own = [
            (pk, public)
            for pk, kind, public in newest
            if kind in kinds_counted and (column is None or column in met[pk])
        ]
        own_ids = [pk for pk, _ in own][:SHOWN_PER_RULE]
        public_ids = [pk for pk, public in own if public][:SHOWN_PER_RULE]
        # Too few among the newest: this rule's engagements are rarer; read its latest directly.
        qualifying = held.filter(conditions.where(column) if column else Q(), kind__in=rule.kinds)
        if len(own_ids) < min(SHOWN_PER_RULE, n_held):
            own_ids = list(qualifying.values_list("id", flat=True)[:SHOWN_PER_RULE])
        if len(public_ids) < min(SHOWN_PER_RULE, n_public):
            public = qualifying.filter(visibility=Visibility.PUBLIC)
            public_ids = list(public.values_list("id", flat=True)[:SHOWN_PER_RULE])
        picks[rule.pk] = (own_ids, public_ids)
    chosen = {pk for own_ids, public_ids in picks.values() for pk in (*own_ids, *public_ids)}
    shown = (
        {
            e.pk: _shown(e, tz)
            for e in Engagement.objects.filter(pk__in=sorted(chosen)).only(
                "id", "title", "translations", "starts_at", "kind", "visibility", "is_sample"
            )
        }
        if chosen
        else {}
    )
    for rule_pk, (own_ids, public_ids) in picks.items():
        counted[rule_pk] = replace(
            counted[rule_pk],
            latest=tuple(shown[pk] for pk in own_ids),
            latest_public=tuple(shown[pk] for pk in public_ids),
        )
    return counted


def _milestones(version) -> list[sm.Milestone]:
    return list(
        sm.Milestone.objects.filter(version=version).prefetch_related(
            Prefetch("goals", queryset=sm.StrategicGoal.objects.order_by("order", "code")),
            Prefetch("count_rules", queryset=sm.CountRule.objects.select_related("topic")),
            "deliverable_rules",
        )
    )


def _deliverable_facts(version) -> tuple[dict[int, list[engine.DeliverableFact]], dict[int, tuple[int, int]]]:
    """Deliverables by milestone id (rule keys are unique within a milestone only), and per
    deliverable rule id how many are recorded and how many of them are samples."""
    by_milestone: dict[int, list[engine.DeliverableFact]] = defaultdict(list)
    recorded: dict[int, tuple[int, int]] = {}
    rows = sm.Deliverable.objects.filter(rule__milestone__version=version).values_list(
        "id", "rule_id", "rule__milestone_id", "rule__key", "dated", "evidence_url", "evidence_file", "is_sample"
    )
    for pk, rule_id, milestone_id, key, dated, url, file, is_sample in rows:
        by_milestone[milestone_id].append(
            engine.DeliverableFact(id=pk, rule_key=key, dated=dated, evidence=url or file or "")
        )
        n, samples = recorded.get(rule_id, (0, 0))
        recorded[rule_id] = (n + 1, samples + is_sample)
    return by_milestone, recorded


def region_progress(region, year: int, *, now: datetime.datetime | None = None, titles: bool = True) -> RegionProgress:
    """Every milestone of the version in force for ``year``, evaluated for that year.

    Queries: the version, the milestones with their goals and rules (four), the goals, the
    deliverables, the year's engagements, participants' organisation kinds and topics (each only
    when a rule needs them), and the titles of the engagements shown (at most SHOWN_PER_RULE per rule;
    ``titles=False`` skips them, e.g. for open data, which names no engagement).
    """
    now = now or timezone.now()
    tz = region.tz
    version = version_for_year(region, year, now=now)
    if version is None:
        return RegionProgress(region=region, year=year, now=now, version=None)
    milestones = _milestones(version)
    goals = list(sm.StrategicGoal.objects.filter(version=version).order_by("order", "code"))
    deliverables, delivered = _deliverable_facts(version)
    count_rules = [rule for m in milestones for rule in m.count_rules.all()]
    counted = _count_engagements(region, year, count_rules, now, latest=titles)
    nothing = _Counted(engine.CountTally(0), 0)

    evaluated = []
    for milestone in milestones:
        rules = milestone.rules
        engine_rules = [_engine_rule(r) for r in rules]
        tallies = {
            engine_rule: counted[rule.pk].tally
            for rule, engine_rule in zip(rules, engine_rules, strict=True)
            if rule.pk in counted
        }
        result = engine.evaluate_tallies(
            engine_rules, tallies, deliverables.get(milestone.pk, ()), year=year, tz=tz, now=now
        )
        evaluated.append((milestone, rules, result))

    results = []
    for milestone, rules, result in evaluated:
        rule_results = []
        for rule, rule_progress in zip(rules, result.rules, strict=True):
            if isinstance(rule, sm.CountRule):
                mine = counted.get(rule.pk, nothing)
                recorded, samples = 0, mine.samples
            else:
                mine = nothing
                recorded, samples = delivered.get(rule.pk, (0, 0))
            rule_results.append(
                RuleResult(
                    rule=rule,
                    progress=rule_progress,
                    shown=mine.latest,
                    shown_public=mine.latest_public,
                    sample_count=samples,
                    delivered=recorded,
                    planned_samples=mine.planned_samples,
                    log_has_samples=mine.log_has_samples,
                )
            )
        results.append(
            MilestoneResult(
                milestone=milestone,
                progress=result,
                rules=tuple(rule_results),
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
    overdue_samples: int = 0  # overdue tasks of sample engagements
    # The held engagements since ``since`` include samples: who was not met then rests on them.
    lately_samples: bool = False

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
    today = region.today(now)
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
    overdue_samples = overdue.filter(engagement__is_sample=True).count() if overdue_total else 0

    since = _a_year_before(today)
    since_moment = region.start_of_day(since)
    # The organisations met (ids only: joining each participant to its organisation costs more than
    # reading the region's organisations once), then kinds and towns in Python.
    lately = Engagement.objects.filter(region=region, status=EngagementStatus.HELD, starts_at__gte=since_moment)
    lately_samples = lately.filter(is_sample=True).exists()
    met_ids = set(
        EngagementParticipant.objects.filter(
            engagement__in=lately.values("id"),
            organisation__isnull=False,
        )
        .values_list("organisation_id", flat=True)
        .order_by()
        .distinct()
    )
    kinds, towns, met_kinds, met_towns = set(), set(), set(), set()
    for pk, kind, town, archived_at in Organisation.objects.filter(region=region).values_list(
        "id", "kind", "town", "archived_at"
    ):
        if archived_at is None:
            kinds.add(kind)
            towns.add(town)
        if pk in met_ids:
            met_kinds.add(kind)
            met_towns.add(town)
    towns.discard("")
    return Reminders(
        overdue_tasks=overdue_tasks,
        overdue_total=overdue_total,
        at_risk=current.by_status(engine.Status.AT_RISK) if at_risk else None,
        quiet_kinds=tuple(sorted(kinds - met_kinds)),
        quiet_towns=tuple(sorted(towns - met_towns)),
        since=since,
        overdue_samples=overdue_samples,
        lately_samples=lately_samples,
    )


def monthly_counts(region, year: int) -> dict[int, dict[str, int]]:
    """Held engagements per local month (1–12) and kind in ``year``: one GROUP BY query.

    Month bounds are computed here in the region's zone (so DST and the year's edges are right) and
    each row's month is a CASE over them, which both SQLite and PostgreSQL evaluate over the
    (region, starts_at) index without converting every row's time zone.
    """
    starts = [region.start_of_day(datetime.date(year, m, 1)) for m in range(1, 13)]
    end = region.year_bounds(year)[1]
    month = Case(
        *(When(starts_at__lt=starts[m], then=Value(m)) for m in range(1, 12)),
        default=Value(12),
        output_field=IntegerField(),
    )
    rows = (
        Engagement.objects.filter(
            region=region, status=EngagementStatus.HELD, starts_at__gte=starts[0], starts_at__lt=end
        )
        .annotate(month=month)
        .values("month", "kind")
        .annotate(n=Count("id"))
        .order_by()
    )
    counts: dict[int, dict[str, int]] = {m: {} for m in range(1, 13)}
    for row in rows:
        counts[row["month"]][row["kind"]] = row["n"]
    return counts


def upcoming(region, now: datetime.datetime | None = None, limit: int = UPCOMING_LIMIT) -> list[Engagement]:
    """The next planned engagements, soonest first."""
    now = now or timezone.now()
    return list(
        Engagement.objects.filter(region=region, status=EngagementStatus.PLANNED, starts_at__gte=now)
        .only("id", "region", "title", "translations", "kind", "starts_at", "date_only", "visibility", "is_sample")
        .order_by("starts_at", "id")[:limit]
    )
