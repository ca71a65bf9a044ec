"""Pure rules of cooperation (no database): school years, suggestions of enterprises, summaries.

A school year runs from 1 September to 31 August and is stored as the year it starts in
(2019 → "2019/2020"). Creative–industry cooperation is recorded in the same periods.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from inducult.core.geo import distance_km
from inducult.core.text import fold

FIRST_SCHOOL_YEAR = 1990
LAST_SCHOOL_YEAR = 2100

# Suggestion weights: a shared sector matters most, then nearness, then having worked together.
SECTOR_WEIGHT = 3.0
NEAR_WEIGHT = 2.0  # for distance 0; falls linearly to 0 at NEAR_KM
NEAR_KM = 50.0
SAME_TOWN_WEIGHT = 2.0  # when a location is missing but both are in the same town
PAST_WITH_PARTNER_WEIGHT = 1.5
PAST_WITH_OTHERS_WEIGHT = 0.5

_YEAR_TEXT = re.compile(r"^\s*(\d{4})\s*(?:[/–-]\s*(\d{2}|\d{4}))?\s*$")


# --- school years ------------------------------------------------------------------------------


def school_year_label(start: int) -> str:
    return f"{start}/{start + 1}"


def school_year_of(day: datetime.date) -> int:
    """The school year a day belongs to: September to December start it, January to August end it."""
    return day.year if day.month >= 9 else day.year - 1


def school_year_bounds(start: int) -> tuple[datetime.date, datetime.date]:
    return datetime.date(start, 9, 1), datetime.date(start + 1, 8, 31)


def parse_school_year(text: str) -> int | None:
    """ "2019/2020", "2019/20", "2019-2020" or "2019" → 2019; None for anything else (or "2019/2021")."""
    match = _YEAR_TEXT.match(text or "")
    if not match:
        return None
    start = int(match.group(1))
    if match.group(2):
        end = int(match.group(2))
        if end < 100:
            end += start // 100 * 100
        if end != start + 1:
            return None
    return start


# --- suggestions -------------------------------------------------------------------------------


@dataclass(frozen=True)
class OrgFacts:
    """An organisation as the suggestions see it. ``point`` is (latitude, longitude) or None."""

    id: int
    name: str
    kind: str = ""
    sectors: frozenset[str] = frozenset()
    town: str = ""
    point: tuple[float, float] | None = None


@dataclass(frozen=True)
class Reason:
    """Why an enterprise is suggested: a code and its facts (the view words them)."""

    code: str  # "sector", "distance", "same_town", "past_with_partner", "past_with_others", "no_location"
    sectors: tuple[str, ...] = ()
    km: float | None = None
    town: str = ""
    count: int = 0


@dataclass(frozen=True)
class Suggestion:
    enterprise: OrgFacts
    score: float
    distance_km: float | None
    shared_sectors: tuple[str, ...]
    worked_with_partner: bool
    reasons: tuple[Reason, ...] = field(default_factory=tuple)


def _same_town(a: OrgFacts, b: OrgFacts) -> bool:
    return bool(a.town.strip()) and fold(a.town).strip() == fold(b.town).strip()


def suggest_enterprises(
    partner: OrgFacts,
    enterprises: Iterable[OrgFacts],
    past: set[tuple[int, int]] | frozenset[tuple[int, int]] = frozenset(),
    sectors: Iterable[str] = (),
) -> list[Suggestion]:
    """Enterprises ranked for a school (or a creative), best first, each with its reasons.

    - sector: an enterprise sharing a wanted sector (``sectors``; the partner's own sectors when none
      are given) scores ``SECTOR_WEIGHT``;
    - distance: with both locations known, nearness scores up to ``NEAR_WEIGHT`` (0 beyond
      ``NEAR_KM``); without them, being in the same town scores ``SAME_TOWN_WEIGHT``;
    - past cooperation: ``past`` holds (partner A id, enterprise id) pairs of earlier cooperation; one
      with this partner scores ``PAST_WITH_PARTNER_WEIGHT``, experience with others
      ``PAST_WITH_OTHERS_WEIGHT``.

    Ties go to the nearer enterprise (unknown distance last), then by name.
    """
    wanted = frozenset(sectors) or partner.sectors
    experienced = Counter(b for a, b in past if a != partner.id)
    ranked = []
    for enterprise in enterprises:
        if enterprise.id == partner.id:
            continue
        score = 0.0
        reasons: list[Reason] = []
        shared = tuple(sorted(wanted & enterprise.sectors))
        if shared:
            score += SECTOR_WEIGHT
            reasons.append(Reason("sector", sectors=shared))
        km = None
        if partner.point is not None and enterprise.point is not None:
            km = round(distance_km(partner.point, enterprise.point), 1)
            score += NEAR_WEIGHT * max(0.0, 1 - km / NEAR_KM)
            reasons.append(Reason("distance", km=km))
        elif _same_town(partner, enterprise):
            score += SAME_TOWN_WEIGHT
            reasons.append(Reason("same_town", town=enterprise.town))
        else:
            reasons.append(Reason("no_location"))
        worked = (partner.id, enterprise.id) in past
        if worked:
            score += PAST_WITH_PARTNER_WEIGHT
            reasons.append(Reason("past_with_partner"))
        elif experienced[enterprise.id]:
            score += PAST_WITH_OTHERS_WEIGHT
            reasons.append(Reason("past_with_others", count=experienced[enterprise.id]))
        ranked.append(Suggestion(enterprise, round(score, 3), km, shared, worked, tuple(reasons)))
    ranked.sort(key=lambda s: (-s.score, s.distance_km is None, s.distance_km or 0.0, fold(s.enterprise.name)))
    return ranked


# --- summaries ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class CooperationFacts:
    id: int
    kind: str
    partner_a: int
    partner_b: int
    is_sample: bool = False


@dataclass(frozen=True)
class ActivityFacts:
    cooperation_id: int
    type: str
    held: bool
    pupils: int | None = None
    is_sample: bool = False


@dataclass(frozen=True)
class YearSummary:
    """What a school year adds up to: counts only, never a name of a pupil."""

    cooperations: dict[str, int]  # by cooperation kind
    held: dict[str, int]  # held activities by type
    planned: dict[str, int]  # planned activities by type
    pupils: int  # pupils in held activities that have a count
    held_without_count: int  # held activities of school–enterprise cooperation with no pupil count
    schools: int
    creatives: int
    enterprises: int
    samples: int  # cooperations or activities that are samples

    @property
    def held_total(self) -> int:
        return sum(self.held.values())

    @property
    def planned_total(self) -> int:
        return sum(self.planned.values())

    @property
    def cooperations_total(self) -> int:
        return sum(self.cooperations.values())

    @property
    def records(self) -> int:
        """The cooperations and activities counted: what ``samples`` is a part of."""
        return self.cooperations_total + self.held_total + self.planned_total


def school_year_summary(
    cooperations: Iterable[CooperationFacts], activities: Iterable[ActivityFacts], *, school_kind: str
) -> YearSummary:
    """Add up one school year. ``school_kind`` is the cooperation kind whose partner A is a school
    (its activities' pupils are counted); the other kind's partner A are creatives."""
    cooperations = list(cooperations)
    by_id = {c.id: c for c in cooperations}
    held: Counter[str] = Counter()
    planned: Counter[str] = Counter()
    pupils = without = samples = 0
    for activity in activities:
        cooperation = by_id.get(activity.cooperation_id)
        if cooperation is None:
            continue
        samples += activity.is_sample
        if not activity.held:
            planned[activity.type] += 1
            continue
        held[activity.type] += 1
        if cooperation.kind == school_kind:
            if activity.pupils is None:
                without += 1
            else:
                pupils += activity.pupils
    return YearSummary(
        cooperations=dict(Counter(c.kind for c in cooperations)),
        held=dict(held),
        planned=dict(planned),
        pupils=pupils,
        held_without_count=without,
        schools=len({c.partner_a for c in cooperations if c.kind == school_kind}),
        creatives=len({c.partner_a for c in cooperations if c.kind != school_kind}),
        enterprises=len({c.partner_b for c in cooperations}),
        samples=samples + sum(c.is_sample for c in cooperations),
    )
