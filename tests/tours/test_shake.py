"""The segment shake (Vansteenwegen et al. 2009) around PyVRP's local search."""

import itertools

import pytest
import pyvrp

from inducult.tours.planning import check, library
from inducult.tours.planning.scaling import scale
from inducult.tours.planning.shake import SegmentShake
from inducult.tours.planning.solve import OURS, _library
from tests.tours.test_search import brute_force, random_problem


def schedule(visits: int, calls: int) -> list[tuple[int, int]]:
    shaker = SegmentShake(data=None, search=None)
    return [shaker.segment(visits) for _ in range(calls)]


def test_the_cut_grows_to_half_the_route_then_starts_again_at_one():
    assert [length for _, length in schedule(10, 12)] == [1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 1, 2]


def test_each_cut_starts_where_the_last_one_ended_and_wraps_around():
    cuts = schedule(7, 8)
    assert cuts[:4] == [(0, 1), (1, 2), (3, 3), (6, 1)]
    for (start, length), (following, _) in itertools.pairwise(cuts):
        assert following == (start + length) % 7


def test_a_short_route_loses_one_visit_at_a_time():
    assert schedule(1, 3) == [(0, 1), (0, 1), (0, 1)]
    assert schedule(3, 4) == [(0, 1), (1, 1), (2, 1), (0, 1)]


class Recorder:
    """Stands in for PyVRP's local search and remembers what it was given."""

    def __init__(self):
        self.calls = []

    def __call__(self, solution, cost_evaluator, exhaustive=False):
        self.calls.append((solution, exhaustive))
        return solution


def visits(solution: pyvrp.Solution) -> list[int]:
    return [a.idx for route in solution.routes() for a in route.schedule() if a.is_client()]


def test_the_shake_removes_exactly_the_scheduled_segment_then_searches_exhaustively():
    problem = random_problem(3, candidates=8, windows=False)
    data, _ = library.build(problem, scale(problem))
    route = pyvrp.Solution(data, [pyvrp.Route(data, [0, 1, 2, 3, 4, 5], 0)])
    recorder = Recorder()
    shaker = SegmentShake(data, recorder)
    evaluator = pyvrp.CostEvaluator([], 1, 0)
    shaker(route, evaluator)  # cut (0, 1)
    shaker(route, evaluator)  # cut (1, 2)
    shaker(route, evaluator)  # cut (3, 3): positions 3, 4, 5
    assert [visits(solution) for solution, _ in recorder.calls] == [[1, 2, 3, 4, 5], [0, 3, 4, 5], [0, 1, 2]]
    assert all(exhaustive for _, exhaustive in recorder.calls)


def test_an_empty_route_is_left_to_pyvrps_own_perturbation():
    problem = random_problem(3, candidates=4, windows=False)
    data, _ = library.build(problem, scale(problem))
    recorder = Recorder()
    SegmentShake(data, recorder)(pyvrp.Solution(data, []), pyvrp.CostEvaluator([], 1, 0))
    assert recorder.calls[0][1] is False


def test_an_exhaustive_call_passes_the_solution_through_uncut():
    problem = random_problem(3, candidates=4, windows=False)
    data, _ = library.build(problem, scale(problem))
    route = pyvrp.Solution(data, [pyvrp.Route(data, [0, 1, 2], 0)])
    recorder = Recorder()
    SegmentShake(data, recorder)(route, pyvrp.CostEvaluator([], 1, 0), exhaustive=True)
    assert visits(recorder.calls[0][0]) == [0, 1, 2]


@pytest.mark.parametrize("seed", range(6))
def test_the_shaken_search_alone_finds_the_optimum_of_small_instances(seed):
    # Windows, two windows per vertex (a client group), and a distinct end depot all occur.
    problem = random_problem(300 + seed, windows=seed % 3 != 2, distinct_end=seed % 2 == 1)
    route = _library(problem, 0.2, seed, OURS, shaken=True)
    assert check(problem, route).ok
    assert check(problem, route).score == brute_force(problem)
