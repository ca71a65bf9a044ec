"""The search against brute force on small instances; every returned route passes the checker."""

import itertools
import math
import random

import pytest

from inducult.tours.planning import Problem, Vertex, Window, check, plan
from inducult.tours.planning.instances import read_instance
from tests.tours.shared import instance


def random_problem(seed: int, *, candidates: int = 6, windows: bool = True, distinct_end: bool = False) -> Problem:
    """A small random instance; with windows, some vertices close for lunch (two windows)."""
    rng = random.Random(seed)
    points = [(rng.uniform(0, 10), rng.uniform(0, 10)) for _ in range(candidates + 2)]
    vertices = [Vertex(name="start"), Vertex(name="end")]
    for k in range(candidates):
        service = rng.choice([0.0, 1.0, 2.5]) if windows else 0.0
        shape = ()
        if windows:
            opens = rng.uniform(0, 20)
            shape = (Window(opens, opens + rng.uniform(2, 15)),)
            if rng.random() < 0.4:
                shape = (Window(0, opens), Window(opens + 5, opens + 25))
        vertices.append(
            Vertex(score=rng.randint(1, 10), service=service, windows=shape or vertices[0].windows, name=str(k))
        )
    travel = [[math.dist(p, q) for q in points] for p in points]
    budget = rng.uniform(15, 35)
    return Problem(vertices, travel, start=0, end=1 if distinct_end else 0, end_time=budget)


def brute_force(problem: Problem) -> float:
    best = 0.0
    pool = problem.candidates
    for size in range(1, len(pool) + 1):
        for order in itertools.permutations(pool, size):
            result = check(problem, [problem.start, *order, problem.end])
            if result.ok:
                best = max(best, result.score)
    return best


@pytest.mark.parametrize("seed", range(6))
def test_ours_finds_the_optimum_of_small_instances(seed):
    problem = random_problem(seed, windows=seed % 2 == 0, distinct_end=seed % 3 == 0)
    optimum = brute_force(problem)
    found = plan(problem, time_limit=0.25, seed=seed)
    assert check(problem, found.route).ok
    assert found.score == optimum


@pytest.mark.parametrize("seed", range(3))
def test_the_portfolio_on_two_processes_finds_the_optimum_too(seed):
    problem = random_problem(200 + seed, windows=True, distinct_end=seed == 1)
    found = plan(problem, time_limit=0.3, seed=seed, workers=2)
    assert check(problem, found.route).ok
    assert found.score == brute_force(problem)


@pytest.mark.parametrize("method", ["greedy", "library"])
@pytest.mark.parametrize("seed", range(3))
def test_baselines_return_checked_routes_no_better_than_the_optimum(method, seed):
    problem = random_problem(100 + seed)
    found = plan(problem, time_limit=0.2, method=method)
    assert check(problem, found.route).ok
    assert found.score <= brute_force(problem)
    assert found.method == method


def test_plan_on_a_real_optw_instance_is_feasible_and_good():
    problem = read_instance(instance("optw_solomon/r101.txt")).problem
    found = plan(problem, time_limit=0.5)
    assert check(problem, found.route).ok
    assert found.score >= 190  # best known 198; the greedy baseline gets far less
    assert found.route[0] == found.route[-1] == 0


def test_an_unreachable_end_raises():
    from inducult.tours.planning import PlanningError

    problem = Problem([Vertex(), Vertex()], [[0, 5], [5, 0]], start=0, end=1, end_time=4)
    with pytest.raises(PlanningError):
        plan(problem, time_limit=0.1)


def test_unknown_method_is_refused():
    with pytest.raises(ValueError, match="unknown method"):
        plan(random_problem(0), method="magic")
