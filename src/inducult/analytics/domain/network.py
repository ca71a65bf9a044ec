"""Network analytics: who meets whom, who brokers, who is most active and who has gone quiet.

A pure module (no Django imports, no database): the caller turns one region's rows into the frozen
facts below and `analyse` returns a `NetworkReport` of plain dataclasses whose `to_data()` is ready
for `json.dumps`. Codes (flags, organisation kinds, relationship types) stay codes, so the views and
`manage.py network_report` translate them.

The graph. Nodes are the organisations; an edge joins two organisations that took part in the same
engagement within the period or that have a declared relationship valid at some time in it. Its
weight is the tie strength: every shared engagement adds its recency weight, `0.5 ** (age / half
life)` with the age in days before `as_of`, so a meeting one half-life ago counts half as much as one
today and ten old meetings can still outweigh one recent meeting. A declared relationship adds
`relationship_weight` times the recency weight of the last day it held in the period: a partnership
that still holds counts like a meeting today, one that ended two years ago counts for little.

The analysis sees the world as of `as_of`: engagements dated after it are left out everywhere (the
caller should pass held engagements only; planned ones have not happened). The period bounds the
graph, the activity counts and the coverage; quietness looks at every engagement given up to
`as_of`, so pass the log from at least `quiet_months` before `as_of` (passing all of it is fine).

Measures per organisation:
- weighted_degree: the sum of its ties' weights (its "strength").
- betweenness: normalised weighted betweenness centrality on distances 1/weight (see `_graph`).
- community: Louvain communities with a fixed seed, numbered 1, 2, ... by size (largest first),
  then by the smallest organisation id; an organisation without ties is a community of its own.
- most_active flag: the top `most_active_share` of all organisations (at least `most_active_minimum`)
  by weighted degree, then by activity (recency-weighted engagements, also those without a partner),
  then by name and id, so ties are cut the same way every time. Only organisations with at least one
  engagement in the period qualify: a declared relationship alone is not activity.
- quiet flag: no engagement on or after `as_of` minus `quiet_months` calendar months (an engagement
  exactly N months back still counts); never_engaged in addition when the facts hold none at all.

At scale (see `AnalyticsOptions`) betweenness is estimated from `betweenness_pivots` sampled sources
and both betweenness and communities are computed on a backbone of the graph; the report says so in
`approximations`. The results are the same for the same facts, whatever their order.
"""

from __future__ import annotations

import calendar
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, fields, is_dataclass
from datetime import date
from enum import Enum, StrEnum
from itertools import combinations
from typing import Any

import networkx as nx


class AnalyticsError(ValueError):
    """Facts the analysis cannot work with; the message names the offending ids."""


class SelfRelationshipError(AnalyticsError):
    def __init__(self, organisation_id: int) -> None:
        self.organisation_id = organisation_id
        super().__init__(f"organisation {organisation_id} cannot have a relationship with itself")


class UnknownOrganisationError(AnalyticsError):
    def __init__(self, organisation_id: int, where: str) -> None:
        self.organisation_id = organisation_id
        super().__init__(f"{where} names organisation {organisation_id}, which is not among the organisations given")


class Flag(StrEnum):
    MOST_ACTIVE = "most_active"
    QUIET = "quiet"
    NEVER_ENGAGED = "never_engaged"


@dataclass(frozen=True)
class OrganisationFacts:
    id: int
    kind: str  # an OrganisationKind code, e.g. "museum"
    municipality: str  # Organisation.town; "" when unknown
    name: str


@dataclass(frozen=True)
class EngagementFacts:
    """A held engagement and the organisations that took part (people without an organisation do
    not appear here)."""

    id: int
    date: date
    organisation_ids: frozenset[int]

    def __post_init__(self) -> None:
        object.__setattr__(self, "organisation_ids", frozenset(self.organisation_ids))


@dataclass(frozen=True)
class RelationshipFacts:
    """A declared relationship ("member_of", "partner", ...) between two organisations, valid from
    `valid_from` to `valid_to` inclusive; None means since ever / still valid. The direction of a
    typed relationship is kept in the facts but the graph is undirected."""

    a: int
    b: int
    type: str
    valid_from: date | None = None
    valid_to: date | None = None

    def __post_init__(self) -> None:
        if self.a == self.b:
            raise SelfRelationshipError(self.a)
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise AnalyticsError(
                f"relationship {self.a}-{self.b} ({self.type}) ends {self.valid_to} before it starts {self.valid_from}"
            )


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise AnalyticsError(f"the period ends {self.end} before it starts {self.start}")

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True)
class AnalyticsOptions:
    quiet_months: int = 12  # the same year the dashboard's reminders use for quiet kinds and towns
    half_life_months: int = 12
    most_active_share: float = 0.10
    most_active_minimum: int = 1
    relationship_weight: float = 1.0  # a valid declared relationship weighs as much as a meeting on `as_of`
    seed: int = 0  # for Louvain and for the sampled betweenness pivots
    # Exact betweenness costs one weighted shortest-path search per organisation; above this many
    # organisations it is estimated from `betweenness_pivots` sources drawn with `seed` (networkx `k`).
    exact_betweenness_limit: int = 500
    betweenness_pivots: int = 100
    # Above this many ties, betweenness and communities use the backbone: the maximum spanning forest
    # plus each organisation's `backbone_ties` strongest ties (see `_backbone`).
    backbone_edge_limit: int = 20_000
    backbone_ties: int = 10

    def __post_init__(self) -> None:
        for name in ("quiet_months", "half_life_months", "betweenness_pivots", "backbone_ties"):
            if getattr(self, name) < 1:
                raise AnalyticsError(f"{name} must be at least 1, got {getattr(self, name)}")
        if not 0 <= self.most_active_share <= 1:
            raise AnalyticsError(f"most_active_share must be between 0 and 1, got {self.most_active_share}")
        if self.most_active_minimum < 0 or self.relationship_weight < 0:
            raise AnalyticsError("most_active_minimum and relationship_weight cannot be negative")


@dataclass(frozen=True)
class OrganisationMeasures:
    id: int
    name: str
    kind: str
    municipality: str
    engagements: int  # in the period, also those without another organisation
    activity: float  # the same engagements, each weighted by its recency
    partners: int  # organisations it is tied to (the node's degree)
    weighted_degree: float
    betweenness: float
    community: int
    activity_rank: int  # 1 = most active; the order behind the most_active flag
    last_engaged: date | None  # the latest engagement up to as_of, inside the period or not
    flags: tuple[Flag, ...]


@dataclass(frozen=True)
class Tie:
    a: int  # the smaller id
    b: int
    weight: float
    meetings: int  # shared engagements in the period
    last_met: date | None
    relationship_types: tuple[str, ...]  # sorted, distinct


@dataclass(frozen=True)
class Coverage:
    key: str  # an organisation kind code, or a municipality ("" = unknown)
    organisations: int
    engaged: int  # with at least one engagement in the period

    @property
    def share(self) -> float:
        return self.engaged / self.organisations if self.organisations else 0.0


@dataclass(frozen=True)
class NetworkReport:
    period: Period
    as_of: date
    options: AnalyticsOptions
    organisations: tuple[OrganisationMeasures, ...]  # by activity rank
    ties: tuple[Tie, ...]  # by (a, b)
    communities: tuple[tuple[int, ...], ...]  # community n is communities[n - 1]; ids sorted
    coverage_by_kind: tuple[Coverage, ...]  # by key
    coverage_by_municipality: tuple[Coverage, ...]
    approximations: dict[str, int] = field(default_factory=dict)  # {"betweenness_pivots": k, "backbone_ties": t}

    def most_active(self) -> tuple[OrganisationMeasures, ...]:
        return tuple(o for o in self.organisations if Flag.MOST_ACTIVE in o.flags)

    def quiet(self) -> tuple[OrganisationMeasures, ...]:
        return tuple(o for o in self.organisations if Flag.QUIET in o.flags)

    def to_data(self) -> dict[str, Any]:
        """The report as dicts, lists, strings, numbers and None (dates in ISO format), for JSON."""
        data = _plain(self)
        for name in ("coverage_by_kind", "coverage_by_municipality"):
            for row, coverage in zip(data[name], getattr(self, name), strict=True):
                row["share"] = coverage.share
        return data


def _plain(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, frozenset | set):
        return sorted(_plain(v) for v in value)
    return value


def months_before(day: date, months: int) -> date:
    """The same day `months` calendar months earlier, clamped to the month's end (31 March minus one
    month is 28 or 29 February)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def recency_weight(day: date, *, as_of: date, half_life_months: int) -> float:
    """1 on `as_of`, exactly 0.5 on the day `half_life_months` calendar months before it, halving
    again every half-life (the half-life in days is that of the calendar months just before as_of)."""
    return _Recency(as_of, half_life_months)(day)


def analyse(
    organisations: Iterable[OrganisationFacts],
    engagements: Iterable[EngagementFacts],
    relationships: Iterable[RelationshipFacts] = (),
    *,
    period: Period,
    as_of: date,
    options: AnalyticsOptions | None = None,
) -> NetworkReport:
    """Measures, flags, ties, communities and coverage of one region's network in `period`."""
    options = options or AnalyticsOptions()
    orgs = _distinct_organisations(organisations)
    facts = _distinct_engagements(engagements, orgs)
    declared = sorted(
        set(relationships), key=lambda r: (r.a, r.b, r.type, r.valid_from or date.min, r.valid_to or date.max)
    )
    for rel in declared:
        for org_id in (rel.a, rel.b):
            if org_id not in orgs:
                raise UnknownOrganisationError(org_id, f"the relationship {rel.a}-{rel.b} ({rel.type})")

    seen = [f for f in facts if f.date <= as_of]
    in_period = [f for f in seen if f.date in period]
    last_engaged: dict[int, date] = {}
    for fact in seen:
        for org_id in fact.organisation_ids:
            if org_id not in last_engaged or last_engaged[org_id] < fact.date:
                last_engaged[org_id] = fact.date
    recency = _Recency(as_of, options.half_life_months)
    engagements_of: Counter[int] = Counter()
    activity: defaultdict[int, float] = defaultdict(float)
    for fact in in_period:
        weight = recency(fact.date)
        for org_id in fact.organisation_ids:
            engagements_of[org_id] += 1
            activity[org_id] += weight

    graph, ties = _graph(orgs, in_period, declared, period=period, recency=recency, options=options)
    approximations: dict[str, int] = {}
    measured = graph
    if graph.number_of_edges() > options.backbone_edge_limit:
        measured = _backbone(graph, ties, options.backbone_ties)
        approximations["backbone_ties"] = options.backbone_ties
    betweenness = _betweenness(measured, options, approximations)
    communities = _communities(measured, options.seed)
    community_of = {org_id: number for number, members in enumerate(communities, 1) for org_id in members}
    strength = dict(graph.degree(weight="weight"))

    order = sorted(orgs.values(), key=lambda o: (-strength[o.id], -activity[o.id], o.name, o.id))
    active_ids = _most_active(order, engagements_of, options)
    cutoff = months_before(as_of, options.quiet_months)
    measures = []
    for rank, org in enumerate(order, 1):
        last = last_engaged.get(org.id)
        flags = [Flag.MOST_ACTIVE] if org.id in active_ids else []
        if last is None or last < cutoff:
            flags.append(Flag.QUIET)
        if last is None:
            flags.append(Flag.NEVER_ENGAGED)
        measures.append(
            OrganisationMeasures(
                id=org.id,
                name=org.name,
                kind=org.kind,
                municipality=org.municipality,
                engagements=engagements_of[org.id],
                activity=activity[org.id],
                partners=graph.degree(org.id),
                weighted_degree=strength[org.id],
                betweenness=betweenness[org.id],
                community=community_of[org.id],
                activity_rank=rank,
                last_engaged=last,
                flags=tuple(flags),
            )
        )
    return NetworkReport(
        period=period,
        as_of=as_of,
        options=options,
        organisations=tuple(measures),
        ties=ties,
        communities=communities,
        coverage_by_kind=_coverage(orgs.values(), engagements_of, lambda o: o.kind),
        coverage_by_municipality=_coverage(orgs.values(), engagements_of, lambda o: o.municipality),
        approximations=approximations,
    )


def _distinct_organisations(organisations: Iterable[OrganisationFacts]) -> dict[int, OrganisationFacts]:
    by_id: dict[int, OrganisationFacts] = {}
    for org in organisations:
        if by_id.setdefault(org.id, org) != org:
            raise AnalyticsError(f"organisation {org.id} is given twice with different data")
    return dict(sorted(by_id.items()))


def _distinct_engagements(
    engagements: Iterable[EngagementFacts], orgs: dict[int, OrganisationFacts]
) -> list[EngagementFacts]:
    by_id: dict[int, EngagementFacts] = {}
    for fact in engagements:
        if by_id.setdefault(fact.id, fact) != fact:
            raise AnalyticsError(f"engagement {fact.id} is given twice with different data")
        for org_id in fact.organisation_ids:
            if org_id not in orgs:
                raise UnknownOrganisationError(org_id, f"engagement {fact.id}")
    return [by_id[key] for key in sorted(by_id)]


class _Recency:
    """recency_weight for one as_of and half-life, computed once per distinct date."""

    def __init__(self, as_of: date, half_life_months: int) -> None:
        self.as_of = as_of
        self.half_life_days = (as_of - months_before(as_of, half_life_months)).days
        self.cache: dict[date, float] = {}

    def __call__(self, day: date) -> float:
        if day not in self.cache:
            self.cache[day] = 0.5 ** ((self.as_of - day).days / self.half_life_days)
        return self.cache[day]


def _graph(
    orgs: dict[int, OrganisationFacts],
    in_period: list[EngagementFacts],
    declared: list[RelationshipFacts],
    *,
    period: Period,
    recency: _Recency,
    options: AnalyticsOptions,
) -> tuple[nx.Graph, tuple[Tie, ...]]:
    # pair -> [weight, meetings, last met, relationship types]; one dictionary, one look-up a pair.
    found: dict[tuple[int, int], list] = {}
    for fact in in_period:  # sorted by id, so the float sums are added in the same order every time
        # An engagement of a single organisation has no pair: it counts as activity, not as a tie.
        weight = recency(fact.date)
        for pair in combinations(sorted(fact.organisation_ids), 2):
            entry = found.get(pair)
            if entry is None:
                found[pair] = [weight, 1, fact.date, set()]
            else:
                entry[0] += weight
                entry[1] += 1
                if entry[2] < fact.date:
                    entry[2] = fact.date
    window_end = min(period.end, recency.as_of)
    for rel in declared:
        starts, ends = rel.valid_from or date.min, rel.valid_to or date.max
        if ends < period.start or starts > window_end:
            continue  # not valid at any time in the period (as seen from as_of)
        pair = (min(rel.a, rel.b), max(rel.a, rel.b))
        entry = found.setdefault(pair, [0.0, 0, None, set()])
        entry[0] += options.relationship_weight * recency(min(ends, window_end))
        entry[3].add(rel.type)

    # A relationship with relationship_weight 0 makes no tie.
    ties = tuple(
        Tie(*pair, w, n, last, tuple(sorted(types))) for pair, (w, n, last, types) in sorted(found.items()) if w > 0
    )
    graph = nx.Graph()
    graph.add_nodes_from(orgs)  # sorted ids: Louvain and the pivots depend on the order of nodes
    # Betweenness counts shortest paths, so it needs a length, and a strong tie must be short: the
    # distance is the inverse of the tie strength. Two organisations that meet often are close; a
    # broker joined by two strong ties then lies on the shortest path between organisations whose
    # only direct tie is one old meeting (1/4 + 1/4 < 1), which is the broker's role.
    graph.add_edges_from((t.a, t.b, {"weight": t.weight, "distance": 1 / t.weight}) for t in ties)
    return graph, ties


def _backbone(graph: nx.Graph, ties: tuple[Tie, ...], strongest: int) -> nx.Graph:
    """The ties that carry the shortest paths, cheaply: a maximum spanning forest (by weight) and
    each organisation's `strongest` ties (ties of equal weight in the order of ids).

    Every spanning-forest tie is itself a shortest path between its ends (a shorter detour would
    consist of stronger ties only and close a cycle in which it is the weakest), so the backbone
    keeps every component connected and every bridge between communities; the strongest ties keep
    the dense cores. It is an approximation, and a rough one where many weak ties run between dense
    groups: on a synthetic region of 2,000 organisations and 50,000 engagements of 2-6
    organisations (80 % within a town), 107,000 ties became 12,600, and exact betweenness on the
    backbone ranked organisations with a Spearman correlation of only 0.33 against exact
    betweenness on the whole graph (which took 10 minutes). Communities came out the same.
    """
    by_strength = sorted(ties, key=lambda t: (-t.weight, t.a, t.b))
    keep: set[tuple[int, int]] = set()
    # Kruskal's algorithm, strongest first, with a union-find over the organisations.
    parent = {node: node for node in graph}

    def root(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    taken: Counter[int] = Counter()
    for tie in by_strength:
        ra, rb = root(tie.a), root(tie.b)
        if ra != rb:
            parent[ra] = rb
            keep.add((tie.a, tie.b))
        # by_strength is strongest first, so the first `strongest` ties seen at a node are its strongest.
        if taken[tie.a] < strongest or taken[tie.b] < strongest:
            keep.add((tie.a, tie.b))
        taken[tie.a] += 1
        taken[tie.b] += 1
    backbone = nx.Graph()
    backbone.add_nodes_from(graph)
    backbone.add_edges_from((a, b, graph.edges[a, b]) for a, b in sorted(keep))
    return backbone


def _betweenness(graph: nx.Graph, options: AnalyticsOptions, approximations: dict[str, int]) -> dict[int, float]:
    if graph.number_of_nodes() <= options.exact_betweenness_limit:
        return nx.betweenness_centrality(graph, weight="distance", normalized=True)
    # networkx draws the k sources with random.Random(seed).sample over the node order, which is by id.
    pivots = min(options.betweenness_pivots, graph.number_of_nodes())
    approximations["betweenness_pivots"] = pivots
    return nx.betweenness_centrality(graph, k=pivots, weight="distance", normalized=True, seed=options.seed)


def _communities(graph: nx.Graph, seed: int) -> tuple[tuple[int, ...], ...]:
    if graph.number_of_edges() == 0:
        found: list[set[int]] = [{node} for node in graph]
    else:
        found = nx.community.louvain_communities(graph, weight="weight", seed=seed)
    return tuple(sorted((tuple(sorted(c)) for c in found), key=lambda c: (-len(c), c[0])))


def _most_active(order: list[OrganisationFacts], engagements_of: Counter[int], options: AnalyticsOptions) -> set[int]:
    # Rounded first: 0.1 * 30 is 3.0000000000000004 in floating point, which must not become 4.
    wanted = max(options.most_active_minimum, math.ceil(round(options.most_active_share * len(order), 9)))
    candidates = [org.id for org in order if engagements_of[org.id] > 0]
    return set(candidates[:wanted])


def _coverage(orgs: Iterable[OrganisationFacts], engagements_of: Counter[int], key) -> tuple[Coverage, ...]:
    total: Counter[str] = Counter()
    engaged: Counter[str] = Counter()
    for org in orgs:
        total[key(org)] += 1
        if engagements_of[org.id]:
            engaged[key(org)] += 1
    return tuple(Coverage(k, total[k], engaged[k]) for k in sorted(total))


def layout(report: NetworkReport, *, iterations: int = 50) -> dict[int, tuple[float, float]]:
    """Drawing positions in [-1, 1]² for the report's organisations, seeded with `options.seed`."""
    from inducult.analytics.domain.layout import spring_positions

    return spring_positions(
        [o.id for o in report.organisations],
        [(t.a, t.b, t.weight) for t in report.ties],
        seed=report.options.seed,
        iterations=iterations,
    )
