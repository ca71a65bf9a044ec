"""A visitor's day of industrial heritage: from the sites and their hours on a date and the visitor's
wishes to a checked plan with times, travel legs, totals, and what was left out and why.

Pure (no Django, no database, no network): the caller passes the sites as ``SiteOption`` and a
function that gives the travel-time matrix (``tours.services.routing.travel_matrix`` in the web layer), and
gets codes and numbers back, which the views translate and format.

Rules a visitor relies on:
- a site whose hours that day are unknown, or open by appointment, is never planned as if open: it
  is listed apart ("check the opening hours");
- a visit starts inside an opening interval and ends by its closing time (a site with a lunch break
  has two intervals);
- every plan shown has passed the independent feasibility check (``planning.check``);
- a site the visitor must see is planned whenever it fits at all; if it cannot, the plan says why.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from inducult.tours.domain.travel import Point
from inducult.tours.planning import PlanningError, Problem, Vertex, Window, check, plan

DEFAULT_VISIT_MINUTES = 60
# Attractiveness by site kind where the coordinator has not set one (1–5): a UNESCO component or a
# show mine is what a visitor crosses the region for; a venue is worth a stop when something is on.
KIND_ATTRACTIVENESS = {
    "unesco_component": 5,
    "show_mine": 4,
    "museum": 4,
    "factory_visitor_centre": 4,
    "technical_monument": 3,
    "creative_hub": 2,
    "trail": 2,
    "venue": 1,
}
EVENT_BONUS = 0.5  # an event at the site that day adds half its attractiveness
OTHER_LANGUAGE_FACTOR = 0.6  # sites without guided tours in the visitor's language count for less
MUST_SEE_WEIGHT = 1000.0  # far above any day's total, so that a must-see that fits is always planned


@dataclass(frozen=True)
class SiteOption:
    id: int
    name: str
    kind: str
    point: Point | None
    sectors: tuple[str, ...]
    # That day's state as domain.opening_hours gives it: "open", "closed", "unknown",
    # "by_appointment" or "open_hours_unknown", and the opening intervals in minutes after midnight.
    state: str
    intervals: tuple[tuple[int, int], ...] = ()
    visit_minutes: int | None = None
    attractiveness: float | None = None
    tour_languages: tuple[str, ...] = ()
    wheelchair: str = ""  # "yes", "partly", "no" or "" (not stated)
    event_today: bool = False


@dataclass(frozen=True)
class Wishes:
    start_name: str
    start_point: Point
    day_start: int  # minutes after midnight
    day_end: int
    mode: str = "car"
    interests: Mapping[str, float] = field(default_factory=dict)  # sector → weight 0–3; empty: all equal
    must_see: frozenset[int] = frozenset()
    language: str = ""
    wheelchair: bool = False


@dataclass(frozen=True)
class Stop:
    site_id: int
    name: str
    point: Point
    travel_minutes: float
    arrive: float
    wait: float
    start: float
    leave: float
    value: float
    event_today: bool
    must_see: bool


@dataclass(frozen=True)
class LeftOut:
    site_id: int
    name: str
    reason: str  # a code: see REASONS
    detail: dict = field(default_factory=dict)


REASONS = (
    "closed",  # closed that day
    "outside_your_day",  # open only before or after the visitor's time window
    "too_short_open",  # no opening interval is as long as the visit
    "no_location",  # the site has no coordinates
    "wheelchair",  # not confirmed wheelchair accessible
    "not_your_interest",  # its sectors have weight 0 in the visitor's interests
    "no_time",  # it would fit alone, but not beside the sites chosen
    "must_see_unreachable",  # a must-see that cannot be fitted into the day, alone or beside other must-sees
)


@dataclass(frozen=True)
class DayPlan:
    wishes: Wishes
    stops: tuple[Stop, ...]
    return_minutes: float
    back_at: float
    visit_minutes: float
    travel_minutes: float
    wait_minutes: float
    value: float
    left_out: tuple[LeftOut, ...]
    check_hours: tuple[SiteOption, ...]
    travel_source: str

    @property
    def site_ids(self) -> list[int]:
        return [stop.site_id for stop in self.stops]


Travel = Callable[[Sequence[Point]], tuple[list[list[float]], str, str]]


class DayPlanError(ValueError):
    """The wishes cannot make a day at all (e.g. the day ends before it starts)."""


def site_value(site: SiteOption, wishes: Wishes) -> float:
    """Attractiveness × the visitor's interest in the site's sectors (their best one), plus a bonus for
    an event that day; less where guided tours are not offered in the visitor's language."""
    base = site.attractiveness if site.attractiveness is not None else KIND_ATTRACTIVENESS.get(site.kind, 1)
    if wishes.interests:
        weight = max((wishes.interests.get(sector, 0.0) for sector in site.sectors), default=0.0)
    else:
        weight = 1.0
    value = base * weight
    if site.event_today:
        value += base * EVENT_BONUS * weight
    if wishes.language and site.tour_languages and wishes.language not in site.tour_languages:
        value *= OTHER_LANGUAGE_FACTOR
    return value


def visit_windows(site: SiteOption, wishes: Wishes) -> tuple[Window, ...]:
    """Starts of a visit that end by closing time and lie in the visitor's day."""
    length = site.visit_minutes or DEFAULT_VISIT_MINUTES
    windows = []
    for opens, closes in site.intervals:
        first, last = max(opens, wishes.day_start), min(closes - length, wishes.day_end - length)
        if first <= last:
            windows.append(Window(first, last))
    return tuple(windows)


def _sort_out(sites: Sequence[SiteOption], wishes: Wishes):
    """Candidates with their value and windows, the sites left out before planning, and those whose
    hours must be checked."""
    candidates, left_out, check_hours = [], [], []
    for site in sites:
        if site.state in ("unknown", "by_appointment", "open_hours_unknown"):
            check_hours.append(site)
            continue
        reason, detail = None, {}
        value = site_value(site, wishes)
        windows = visit_windows(site, wishes)
        length = site.visit_minutes or DEFAULT_VISIT_MINUTES
        if site.state == "closed" or not site.intervals:
            reason = "closed"
        elif site.point is None:
            reason = "no_location"
        elif wishes.wheelchair and site.wheelchair not in ("yes", "partly"):
            reason, detail = "wheelchair", {"stated": site.wheelchair}
        elif value <= 0 and site.id not in wishes.must_see:
            reason = "not_your_interest"
        elif not windows:
            longest = max(closes - opens for opens, closes in site.intervals)
            if longest < length:
                reason, detail = "too_short_open", {"visit_minutes": length}
            else:
                reason, detail = "outside_your_day", {"intervals": site.intervals}
        if reason:
            if site.id in wishes.must_see:
                detail = {"because": reason, **detail}
                reason = "must_see_unreachable"
            left_out.append(LeftOut(site.id, site.name, reason, detail))
        else:
            candidates.append((site, value, windows, length))
    return candidates, left_out, check_hours


def has_openings(sites: Sequence[SiteOption], wishes: Wishes) -> bool:
    """Whether any site could be visited at all that day (open, within the wishes), before planning."""
    candidates, _left_out, _check = _sort_out(sites, wishes)
    return bool(candidates)


def plan_day(sites: Sequence[SiteOption], wishes: Wishes, travel: Travel, *, time_limit: float = 1.0) -> DayPlan:
    if wishes.day_end <= wishes.day_start:
        raise DayPlanError("the day ends before it starts")
    candidates, left_out, check_hours = _sort_out(sites, wishes)
    points = [wishes.start_point] + [site.point for site, *_ in candidates]
    matrix, source, _problem = travel(points)
    vertices = [Vertex(name=wishes.start_name)]
    for site, value, windows, length in candidates:
        score = value + (MUST_SEE_WEIGHT if site.id in wishes.must_see else 0.0)
        vertices.append(Vertex(score=score, service=length, windows=windows, name=site.name))
    problem = Problem(
        vertices=vertices,
        travel=matrix,
        start=0,
        end=0,
        start_time=wishes.day_start,
        end_time=wishes.day_end,
        name=wishes.start_name,
    )
    try:
        found = plan(problem, time_limit=time_limit, seed=0)
    except PlanningError:
        raise DayPlanError("even going nowhere does not fit the day") from None
    # The independent check again, on the route as it will be shown: its schedule is what the
    # visitor reads, and a route that fails it is never shown.
    verified = check(problem, found.route)
    if not verified.ok:
        raise DayPlanError("the planned route failed the feasibility check: " + "; ".join(verified.violations))

    stops, previous = [], 0
    for scheduled in verified.schedule:
        if scheduled.vertex == 0:
            continue
        site, value, _windows, _length = candidates[scheduled.vertex - 1]
        stops.append(
            Stop(
                site_id=site.id,
                name=site.name,
                point=site.point,
                travel_minutes=matrix[previous][scheduled.vertex],
                arrive=scheduled.arrival,
                wait=scheduled.wait,
                start=scheduled.start,
                leave=scheduled.departure,
                value=value,
                event_today=site.event_today,
                must_see=site.id in wishes.must_see,
            )
        )
        previous = scheduled.vertex
    back_minutes = matrix[previous][0]
    chosen = {stop.site_id for stop in stops}
    planned_must_see = [stop.name for stop in stops if stop.must_see]
    for index, (site, _value, _windows, _length) in enumerate(candidates, start=1):
        if site.id in chosen:
            continue
        if site.id not in wishes.must_see:
            left_out.append(LeftOut(site.id, site.name, "no_time"))
        elif check(problem, [0, index, 0]).ok and planned_must_see:
            # It fits the day alone: the must-sees planned instead are what it conflicts with.
            left_out.append(
                LeftOut(site.id, site.name, "must_see_unreachable", {"because": "conflict", "with": planned_must_see})
            )
        else:
            left_out.append(LeftOut(site.id, site.name, "must_see_unreachable", {"because": "no_time"}))
    return DayPlan(
        wishes=wishes,
        stops=tuple(stops),
        return_minutes=back_minutes,
        back_at=verified.finish,
        visit_minutes=sum(stop.leave - stop.start for stop in stops),
        travel_minutes=sum(stop.travel_minutes for stop in stops) + back_minutes,
        wait_minutes=sum(stop.wait for stop in stops),
        value=sum(stop.value for stop in stops),
        left_out=tuple(sorted(left_out, key=lambda item: (REASONS.index(item.reason), item.name))),
        check_hours=tuple(sorted(check_hours, key=lambda site: site.name)),
        travel_source=source,
    )
