"""The independent feasibility check: every plan is re-checked here before anyone sees it.

Written apart from the search and kept deliberately plain (one forward pass, no incremental
tricks), so a bug in the search cannot hide behind the same bug here. It recomputes the schedule
from the problem alone: leave the start at `start_time`; at each stop arrive, wait for the first
window that is still open, visit, leave; reach the end by `end_time`.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from .model import Problem

# Travel times are floats; summing them in a different order may differ in the last bits.
# Six decimals is far below any unit we plan in (minutes, tenths of a distance unit).
EPSILON = 1e-6


@dataclass(frozen=True, slots=True)
class ScheduledStop:
    vertex: int
    arrival: float
    wait: float
    start: float
    departure: float


@dataclass(frozen=True)
class Check:
    """The outcome: `ok` with the schedule and score, or the list of violations."""

    ok: bool
    schedule: tuple[ScheduledStop, ...]
    violations: tuple[str, ...]
    score: float
    finish: float


def check(problem: Problem, route: Sequence[int]) -> Check:
    """Recompute the schedule of `route` (vertex indices from start to end) and list every violation."""
    violations: list[str] = []
    route = list(route)
    if len(route) < 2:
        return Check(False, (), ("a route needs at least its start and its end",), 0.0, problem.start_time)
    bad = [v for v in route if not (isinstance(v, int) and 0 <= v < problem.n)]
    if bad:
        return Check(False, (), (f"unknown vertices {bad}",), 0.0, problem.start_time)
    if route[0] != problem.start:
        violations.append(f"the route starts at {route[0]}, not at the start {problem.start}")
    if route[-1] != problem.end:
        violations.append(f"the route ends at {route[-1]}, not at the end {problem.end}")
    inner = route[1:-1]
    for v in sorted({v for v in inner if v in (problem.start, problem.end)}):
        violations.append(f"vertex {v} is the start or end and may not be visited in between")
    for v in sorted({v for v in inner if inner.count(v) > 1}):
        violations.append(f"vertex {v} is visited {inner.count(v)} times")

    schedule = [ScheduledStop(route[0], problem.start_time, 0.0, problem.start_time, problem.start_time)]
    clock = problem.start_time
    for position in range(1, len(route)):
        v = route[position]
        arrival = clock + problem.travel[route[position - 1]][v]
        if position == len(route) - 1:
            schedule.append(ScheduledStop(v, arrival, 0.0, arrival, arrival))
            clock = arrival
            break
        vertex = problem.vertices[v]
        start = vertex.earliest_start(arrival - EPSILON)
        if start is None:
            closes = vertex.windows[-1].close if vertex.windows else None
            reason = f"last window closes at {closes:g}" if closes is not None else "it is closed all day"
            violations.append(f"vertex {v}: arrival at {arrival:g} is too late ({reason})")
            start = arrival
        start = max(start, arrival)  # the tolerance may not let a visit start before the arrival
        departure = start + vertex.service
        schedule.append(ScheduledStop(v, arrival, start - arrival, start, departure))
        clock = departure
    if clock > problem.end_time + EPSILON:
        violations.append(f"the end is reached at {clock:g}, after the end of the day {problem.end_time:g}")
    return Check(not violations, tuple(schedule), tuple(violations), problem.score(route), clock)
