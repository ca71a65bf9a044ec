"""The tour planner's pure core: an orienteering problem with time windows, its checker and its search.

Nothing here imports Django, so the search can be tested and benchmarked on its own and the web
layer only translates sites, opening hours and travel times into a `Problem`.

Public API (a view plans a day with `plan` and shows only what `check` accepts):

- `Problem`, `Vertex`, `Window` — the model (model.py);
- `check(problem, route) -> Check` — the independent feasibility check (feasibility.py);
- `plan(problem, *, time_limit, seed, method) -> Plan` — the search, re-checked (solve.py);
- `read_instance(path)` — the public benchmark formats (instances.py).
"""

from .feasibility import Check, ScheduledStop, check
from .model import Problem, Vertex, Window
from .solve import METHODS, Plan, PlanningError, plan

__all__ = [
    "METHODS",
    "Check",
    "Plan",
    "PlanningError",
    "Problem",
    "ScheduledStop",
    "Vertex",
    "Window",
    "check",
    "plan",
]
