"""The orienteering problem as a prize-collecting VRP for PyVRP (Wouda, Lan & Kool 2024).

One vehicle leaves the start depot and returns to the end depot (a second depot when they
differ); every candidate vertex is an optional client whose prize is its score. A vertex with
several windows becomes one client per window, grouped so that at most one is visited. The day
is the vehicle's shift, so time warp past its end is penalised like a missed window.

PyVRP minimises travel cost plus the prizes left behind. Prizes are weighted by more than any
route can travel, so a point of score always outweighs travel, and travel only breaks ties
(shorter routes leave room to insert more later).
"""

import numpy as np
import pyvrp

from .model import Problem
from .scaling import Scaled


def build(
    problem: Problem, scaled: Scaled, *, weight: int | None = None, distance_cost: int = 1
) -> tuple[pyvrp.ProblemData, list[int]]:
    n = problem.n
    # Locations: every problem vertex, in order; depots and clients refer to them by index.
    locations = [pyvrp.Location(0, 0) for _ in range(n)]
    depots = [pyvrp.Depot(problem.start)]
    if problem.end != problem.start:
        depots.append(pyvrp.Depot(problem.end))
    weight = weight or scaled.horizon + 1
    clients, groups, owner = [], [], []
    for v in problem.candidates:
        windows = scaled.windows[v]
        group = None
        if len(windows) > 1:
            group = len(groups)
            groups.append(pyvrp.ClientGroup(required=False))
        for lo, hi in windows:
            if group is not None:
                groups[group].add_client(len(clients))
            clients.append(
                pyvrp.Client(
                    location=v,
                    service_duration=scaled.service[v],
                    tw_early=lo,
                    tw_late=hi,
                    prize=scaled.prizes[v] * weight,
                    required=False,
                    group=None if group is None else group,
                )
            )
            owner.append(v)
    vehicle = pyvrp.VehicleType(
        num_available=1,
        start_depot=0,
        end_depot=len(depots) - 1,
        tw_early=0,
        tw_late=scaled.horizon,
        start_late=0,
        unit_distance_cost=distance_cost,
    )
    matrix = np.asarray(scaled.travel, dtype=np.int64)
    # Service times are charged by PyVRP itself; the matrix holds travel only.
    data = pyvrp.ProblemData(locations, clients, depots, [vehicle], [matrix], [matrix], groups=groups)
    return data, owner


def route_from(solution: pyvrp.Solution, problem: Problem, owner: list[int]) -> list[int]:
    """The vertex sequence of the (single) route, with the start and end added."""
    visits = [owner[a.idx] for route in solution.routes() for a in route.schedule() if a.is_client()]
    return [problem.start, *visits, problem.end]
