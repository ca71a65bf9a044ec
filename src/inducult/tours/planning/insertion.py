"""Float-exact route moves in pure Python: the greedy-insertion baseline and our final polish.

They work on the problem itself (not PyVRP's rounded integers), so they can use the last scrap
of slack that conservative rounding gave away, and they handle several windows per vertex.

A route is a list of vertex indices from start to end. `departures[k]` is when the visitor leaves
the k-th stop; everything after a stop depends only on that moment, so a changed route is
re-simulated from the change onwards and stops as soon as a departure comes out unchanged.
"""

import time
from collections.abc import Sequence

from .feasibility import EPSILON
from .model import Problem


def departures(problem: Problem, route: Sequence[int]) -> list[float] | None:
    """Departure time at every stop (arrival at the end for the last), or None if infeasible."""
    out = [problem.start_time]
    clock = problem.start_time
    for k in range(1, len(route)):
        arrival = clock + problem.travel[route[k - 1]][route[k]]
        if k == len(route) - 1:
            clock = arrival
        else:
            vertex = problem.vertices[route[k]]
            start = vertex.earliest_start(arrival - EPSILON)
            if start is None:
                return None
            clock = max(start, arrival) + vertex.service
        out.append(clock)
    return out if clock <= problem.end_time + EPSILON else None


def _insertion_finish(problem: Problem, route: list[int], deps: list[float], k: int, v: int) -> float | None:
    """The end time if `v` is inserted before position k, or None if that breaks a window or the day."""
    travel, vertices = problem.travel, problem.vertices
    previous = route[k - 1]
    arrival = deps[k - 1] + travel[previous][v]
    start = vertices[v].earliest_start(arrival - EPSILON)
    if start is None:
        return None
    clock = max(start, arrival) + vertices[v].service
    previous = v
    last = len(route) - 1
    for position in range(k, len(route)):
        w = route[position]
        arrival = clock + travel[previous][w]
        if position == last:
            clock = arrival
            break
        vertex = vertices[w]
        start = vertex.earliest_start(arrival - EPSILON)
        if start is None:
            return None
        clock = max(start, arrival) + vertex.service
        if abs(clock - deps[position]) <= 1e-12:
            return deps[last]  # the shift was absorbed by waiting; the rest is as before
        previous = w
    return clock if clock <= problem.end_time + EPSILON else None


def _best_insertion(problem: Problem, route: list[int], deps: list[float], v: int) -> tuple[float, int] | None:
    """(added time, position) of the cheapest feasible insertion of v, or None."""
    best = None
    for k in range(1, len(route)):
        finish = _insertion_finish(problem, route, deps, k, v)
        if finish is not None:
            added = finish - deps[-1]
            if best is None or added < best[0]:
                best = (added, k)
    return best


def greedy(problem: Problem, route: Sequence[int] | None = None, deadline: float = float("inf")) -> list[int]:
    """Best-ratio insertion: repeatedly insert the vertex with the highest score per added time.

    The classic constructive baseline (Tsiligirides 1984 uses a similar desirability ratio). A
    visit that adds no time at all (it fits into waiting) ranks first.
    """
    route = list(route) if route is not None else [problem.start, problem.end]
    deps = departures(problem, route)
    if deps is None:
        return [problem.start, problem.end]
    visited = set(route)
    while time.perf_counter() < deadline:
        best = None
        for v in problem.candidates:
            score = problem.vertices[v].score
            if v in visited or score <= 0:
                continue
            found = _best_insertion(problem, route, deps, v)
            if found is None:
                continue
            ratio = score / max(found[0], 1e-9)
            if best is None or ratio > best[0]:
                best = (ratio, v, found[1])
        if best is None:
            break
        _, v, k = best
        route.insert(k, v)
        visited.add(v)
        deps = departures(problem, route)
        if deps is None:  # cannot happen if _insertion_finish is right; stay safe
            route.remove(v)
            break
    return route


def polish(problem: Problem, route: Sequence[int], deadline: float) -> list[int]:
    """Insert what still fits, then swap a visited vertex for a better unvisited one, until stuck.

    The swap move is the replace step of Vansteenwegen et al.'s ILS family, done exactly on floats.
    """
    route = greedy(problem, route, deadline)
    improved = True
    while improved and time.perf_counter() < deadline:
        improved = False
        visited = set(route)
        outside = sorted(
            (v for v in problem.candidates if v not in visited and problem.vertices[v].score > 0),
            key=lambda v: -problem.vertices[v].score,
        )
        for k in range(1, len(route) - 1):
            if time.perf_counter() >= deadline:
                break
            removed = route[k]
            shorter = route[:k] + route[k + 1 :]
            deps = departures(problem, shorter)
            if deps is None:
                continue
            for v in outside:
                if problem.vertices[v].score <= problem.vertices[removed].score:
                    break
                found = _best_insertion(problem, shorter, deps, v)
                if found is not None:
                    shorter.insert(found[1], v)
                    route = greedy(problem, shorter, deadline)
                    improved = True
                    break
            if improved:
                break
    return route
