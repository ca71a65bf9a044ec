"""Plan a route: the search methods, and the rule that only checked plans leave this module.

`plan(problem, time_limit=…, method="ours")` runs one method and returns the best route that
the independent checker (feasibility.py) accepts; a route it rejects is dropped, never returned.

Methods (docs/decisions/0012-tour-planner-search.md explains the choice):

- "ours": greedy insertion, then a portfolio of two searches on the prize-collecting model:
  PyVRP's iterated local search with its default parameters, and the same search with
  orienteering settings (a restart after 2,000 non-improving iterations instead of 150,000; at
  most 5 perturbed clients instead of 25; a late-acceptance history of 100 instead of 300)
  whose perturbation is our segment shake (shake.py);
  side by side in two processes, or half the time each in one; then our float-exact polish
  (insert what fits, swap a visited vertex for a better unvisited one);
- "library": PyVRP with its default parameters, same time limit, no polish;
- "greedy": best-ratio insertion, the baseline.
"""

import concurrent.futures
import multiprocessing
import time
from dataclasses import dataclass

import pyvrp
from pyvrp.search import PerturbationParams
from pyvrp.stop import MaxRuntime

from . import library, shake
from .feasibility import Check, check
from .insertion import greedy, polish
from .model import Problem
from .scaling import scale

METHODS = ("ours", "greedy", "library")

# Share of the time limit kept back for Python around the search (model building, polish, check).
RESERVE = 0.15

# Late acceptance compares with the solution 100 iterations back instead of 300: within two seconds
# the search makes a few thousand iterations on 100 candidates and about a thousand on 300, and
# the longer memory spent most of them wandering (docs/decisions/0012).
OURS = pyvrp.SolveParams(
    ils=pyvrp.IteratedLocalSearchParams(num_iters_no_improvement=2_000, history_length=100),
    perturbation=PerturbationParams(min_perturbations=1, max_perturbations=5),
)


class PlanningError(Exception):
    """Not even the empty route (start straight to end) fits the day."""


@dataclass(frozen=True)
class Plan:
    route: tuple[int, ...]
    score: float
    check: Check
    method: str
    seconds: float


def _library(
    problem: Problem, budget: float, seed: int, params: pyvrp.SolveParams, *, shaken: bool = False
) -> list[int] | None:
    if budget <= 0 or not problem.candidates:
        return None
    data, owner = library.build(problem, scale(problem))
    if shaken:
        result = shake.solve(data, MaxRuntime(budget), seed, params)
    else:
        result = pyvrp.solve(data, stop=MaxRuntime(budget), seed=seed, collect_stats=False, params=params)
    return library.route_from(result.best, problem, owner) if result.is_feasible() else None


def _portfolio_member(problem: Problem, budget: float, seed: int, orienteering: bool) -> list[int] | None:
    """One run of the portfolio, in a worker process (module level, so it can be pickled): PyVRP
    as it comes, or our orienteering search (its settings and the segment shake)."""
    if orienteering:
        return _library(problem, budget, seed, OURS, shaken=True)
    return _library(problem, budget, seed, pyvrp.SolveParams())


_POOL: concurrent.futures.ProcessPoolExecutor | None = None
# A worker that has not answered this long after its budget is given up on (the plan then keeps the
# other candidates): a stuck process must not hang the caller.
WORKER_GRACE = 5.0


def _ready() -> bool:
    return True


def _pool() -> concurrent.futures.ProcessPoolExecutor:
    """Two worker processes, started once and reused. Spawned, not forked: a fork copies the locks
    other threads of the caller hold (a test runner's browser driver, a server's threads), and a child
    waiting on such a lock would never answer."""
    global _POOL
    if _POOL is None:
        _POOL = concurrent.futures.ProcessPoolExecutor(max_workers=2, mp_context=multiprocessing.get_context("spawn"))
    return _POOL


def warm_up(workers: int = 2) -> None:
    """Start the worker processes (and their imports) before anything is timed."""
    if workers >= 2:
        pool = _pool()
        for future in [pool.submit(_ready) for _ in range(2)]:
            future.result(timeout=60)


def plan(problem: Problem, *, time_limit: float = 2.0, seed: int = 0, method: str = "ours", workers: int = 1) -> Plan:
    """The best checked route `method` finds within about `time_limit` seconds of wall time.

    ``workers=2`` runs the two PyVRP configurations of "ours" side by side in two processes, each for
    the whole search time, instead of one after the other for half of it each. That is for a machine
    whose cores are the planner's own (the benchmark harness); a web server plans with one."""
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}; choose one of {', '.join(METHODS)}")
    began = time.perf_counter()
    deadline = began + time_limit * (1 - RESERVE)
    candidates = [[problem.start, problem.end]]
    if method == "greedy":
        candidates.append(greedy(problem, deadline=deadline))
    elif method == "library":
        candidates.append(_library(problem, deadline - time.perf_counter(), seed, pyvrp.SolveParams()))
    else:
        start = greedy(problem, deadline=deadline)
        candidates.append(start)
        # A portfolio of two searches: PyVRP's defaults were best on OP sets, the orienteering
        # settings with the segment shake on OPTW sets (docs/performance.md). A tenth of the
        # time is left for the float-exact polish.
        budget = (deadline - time.perf_counter()) * 0.9
        if workers >= 2 and problem.candidates:
            pool = _pool()
            runs = [pool.submit(_portfolio_member, problem, budget, seed + n, bool(n)) for n in (0, 1)]
            for run in runs:
                try:
                    candidates.append(run.result(timeout=budget + WORKER_GRACE))
                except (concurrent.futures.TimeoutError, concurrent.futures.process.BrokenProcessPool):
                    run.cancel()
        else:
            candidates.append(_library(problem, budget / 2, seed, pyvrp.SolveParams()))
            candidates.append(
                _library(problem, deadline - time.perf_counter() - budget / 18, seed + 1, OURS, shaken=True)
            )
        best_so_far = max((r for r in candidates if r), key=problem.score)
        candidates.append(polish(problem, best_so_far, deadline))
    best: Check | None = None
    best_route: list[int] = []
    for route in candidates:
        if not route:
            continue
        result = check(problem, route)
        if result.ok and (best is None or result.score > best.score):
            best, best_route = result, route
    if best is None:
        raise PlanningError("the end cannot be reached from the start within the day")
    return Plan(tuple(best_route), best.score, best, method, time.perf_counter() - began)
