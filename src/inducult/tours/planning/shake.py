"""PyVRP's iterated local search with an orienteering shake instead of its random perturbation.

PyVRP perturbs a solution by removing or inserting a few clients near random ones and then
searches around them. On orienteering instances with wide time windows that leaves the search
circling one good set of visits: the best day often shares only half its sites with the runner-up
(Solomon c104: 410 and 420 points, five sites in common), and no small perturbation leads from one
to the other.

The shake of Vansteenwegen et al. (2009, "Iterated local search for the team orienteering problem
with time windows") removes S consecutive visits starting at position R, then refills the route.
S grows by one each time up to half the route and falls back to one; R moves on by S, so
successive cuts walk along the route at changing lengths. We refill with PyVRP's own
exhaustive local search (its insert, replace, relocate and swap moves over the optional clients),
and keep PyVRP's late-acceptance criterion, restarts and penalty management around it.

`solve(data, stop, seed, params)` is `pyvrp.solve` with that one part exchanged.
"""

import pyvrp
from pyvrp import RandomNumberGenerator, Solution
from pyvrp.IteratedLocalSearch import IteratedLocalSearch
from pyvrp.PenaltyManager import PenaltyManager
from pyvrp.search import LocalSearch, PerturbationManager, compute_neighbours


class SegmentShake:
    """A PyVRP search method: cut a segment of the (single) route out, then search exhaustively."""

    def __init__(self, data: pyvrp.ProblemData, search: LocalSearch):
        self._data = data
        self._search = search
        self._length = 1  # S: how many consecutive visits the next shake removes
        self._position = 0  # R: where the next cut starts

    def segment(self, visits: int) -> tuple[int, int]:
        """(start, length) of the next cut for a route of `visits` visits; advances the schedule.

        The cut wraps around the end of the route, as in the published shake."""
        longest = max(1, visits // 2)
        length = min(self._length, longest)
        start = self._position % visits
        self._position = start + length
        self._length = self._length + 1 if self._length < longest else 1
        return start, length

    def __call__(self, solution: Solution, cost_evaluator: pyvrp.CostEvaluator, exhaustive: bool = False) -> Solution:
        if exhaustive:
            return self._search(solution, cost_evaluator, exhaustive=True)
        routes = solution.routes()
        visits = [a.idx for a in routes[0].schedule() if a.is_client()] if routes else []
        if not visits:
            # Nothing to cut: let PyVRP's perturbation insert something.
            return self._search(solution, cost_evaluator, exhaustive=False)
        start, length = self.segment(len(visits))
        cut = {(start + i) % len(visits) for i in range(length)}
        kept = [client for i, client in enumerate(visits) if i not in cut]
        vehicle = routes[0].vehicle_type()
        shaken = Solution(self._data, [pyvrp.Route(self._data, kept, vehicle)] if kept else [])
        return self._search(shaken, cost_evaluator, exhaustive=True)


def solve(data: pyvrp.ProblemData, stop, seed: int, params: pyvrp.SolveParams) -> pyvrp.Result:
    """As `pyvrp.solve` (same parameters, same initial solution), searching with the shake."""
    rng = RandomNumberGenerator(seed=seed)
    neighbours = compute_neighbours(data, params.neighbourhood)
    search = LocalSearch(data, rng, neighbours, PerturbationManager(params.perturbation))
    for operator in params.operators:
        if operator.supports(data):
            search.add_operator(operator(data))
    penalties = PenaltyManager(params.penalty.midpoint_penalties(data), params.penalty)
    initial = search(Solution.make_random(data, rng), penalties.max_cost_evaluator(), exhaustive=True)
    algorithm = IteratedLocalSearch(data, penalties, SegmentShake(data, search), initial, params.ils)
    return algorithm.run(stop, collect_stats=False)
