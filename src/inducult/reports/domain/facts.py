"""The facts an annual report is built from: plain frozen dataclasses, already read from the
database by ``gather`` (or made by hand in tests). Texts of records are already in the report's
language; choice values stay codes so that ``context`` chooses their labels."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field


@dataclass(frozen=True)
class RuleFact:
    description: str  # what the rule asks for, in words
    is_count: bool
    status: str  # a strategy.domain.progress.Status value
    count: int
    target: int
    sample_count: int = 0
    reason: str = ""  # why the rule has its status, in one sentence of the report's language


@dataclass(frozen=True)
class EvidenceFact:
    """A deliverable recorded for a deliverable rule: the evidence a milestone is met."""

    title: str
    dated: datetime.date
    evidence: str  # the link or the file's name
    is_sample: bool = False


@dataclass(frozen=True)
class MilestoneFact:
    code: str
    title: str
    status: str
    count: int | None  # None: no rule applies in the year (as in progress.json)
    target: int | None
    goal_codes: tuple[str, ...] = ()
    is_standing_target: bool = False
    sample_count: int = 0
    rules: tuple[RuleFact, ...] = ()
    evidence: tuple[EvidenceFact, ...] = ()
    reason: str = ""  # why the milestone has its status (strategy.domain.progress.explain_milestone), worded
    includes_samples: bool = False  # its status rests on a sample record (a deliverable's absence too)


@dataclass(frozen=True)
class StrategyFact:
    title: str
    version_label: str
    valid_from: datetime.date
    vision: str


@dataclass(frozen=True)
class EngagementStats:
    held: int = 0
    planned: int = 0
    public: int = 0  # held and public
    samples: int = 0  # held samples
    organisations: int = 0  # distinct organisations that took part in held engagements
    anonymous_people: int = 0  # sum of anonymous head counts of held engagements
    by_kind: dict[str, int] = field(default_factory=dict)  # held, by kind code
    by_month: dict[int, dict[str, int]] = field(default_factory=dict)  # held, month 1–12 → kind → n


@dataclass(frozen=True)
class OrganisationFact:
    name: str
    kind: str  # an OrganisationKind value
    town: str
    engagements: int
    partners: int
    is_sample: bool = False
    sample_engagements: int = 0  # of ``engagements``, made up


@dataclass(frozen=True)
class IndicatorFact:
    name: str
    unit: str
    target: float | None
    achieved: float | None


@dataclass(frozen=True)
class ActivityFact:
    title: str
    work_package: str
    status: str  # an ActivityStatus value
    starts_on: datetime.date | None
    ends_on: datetime.date | None
    late: str = ""  # an actionplan.domain.lateness.LateCode value (also not_reported), or "" when not late
    indicators: tuple[IndicatorFact, ...] = ()
    is_sample: bool = False


@dataclass(frozen=True)
class EventFact:
    title: str
    starts_at: datetime.datetime  # in the region's time zone
    where: str
    festival: str = ""
    is_sample: bool = False


@dataclass(frozen=True)
class ExhibitionStopFact:
    exhibition: str
    venue: str
    when: str  # dates or the period in words
    visitors: int | None
    visitors_is_sample: bool = False
    is_sample: bool = False


@dataclass(frozen=True)
class CallFact:
    title: str
    instrument: str
    opens_on: datetime.date | None
    closes_on: datetime.date | None
    budget: float | None
    currency: str
    is_sample: bool = False


@dataclass(frozen=True)
class ReportFacts:
    region_name: str
    region_slug: str
    year: int
    language: str  # the report's language: cs or en
    requested_language: str  # what was asked for (or the region's default); may differ from language
    generated_at: datetime.datetime
    strategy: StrategyFact | None = None
    milestones: tuple[MilestoneFact, ...] = ()
    engagements: EngagementStats = field(default_factory=EngagementStats)
    organisations: tuple[OrganisationFact, ...] = ()
    activities: tuple[ActivityFact, ...] = ()
    activities_without_period: int = 0
    events: tuple[EventFact, ...] = ()
    stops: tuple[ExhibitionStopFact, ...] = ()
    next_activities: tuple[ActivityFact, ...] = ()
    next_calls: tuple[CallFact, ...] = ()
