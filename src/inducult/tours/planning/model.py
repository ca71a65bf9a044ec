"""The problem: one path from a start to an end vertex, visiting sites for their value within a day.

Times are plain numbers in one unit chosen by the caller (minutes for a visitor's day, the file's
units for benchmark instances). A window constrains the START of a visit; a site that must be left
by closing time is given windows that close `service` earlier (the caller decides, not the search).
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from math import inf


@dataclass(frozen=True, slots=True)
class Window:
    """A visit may start at any time in [open, close]."""

    open: float
    close: float

    def __post_init__(self):
        if self.close < self.open:
            raise ValueError(f"window closes ({self.close}) before it opens ({self.open})")


ALWAYS = (Window(-inf, inf),)


@dataclass(frozen=True, slots=True)
class Vertex:
    """A place on the map. `score` is what visiting it is worth (0 for start and end).

    `windows` are the intervals in which a visit may start, sorted and disjoint (a lunch break
    gives two); an empty tuple means the vertex cannot be visited that day.
    """

    score: float = 0.0
    service: float = 0.0
    windows: tuple[Window, ...] = ALWAYS
    name: str = ""

    def __post_init__(self):
        if self.score < 0 or self.service < 0:
            raise ValueError(f"vertex {self.name!r}: score and service time must not be negative")
        for before, after in zip(self.windows, self.windows[1:], strict=False):
            if after.open <= before.close:
                raise ValueError(f"vertex {self.name!r}: windows must be sorted and disjoint")

    def earliest_start(self, arrival: float) -> float | None:
        """The first moment at or after `arrival` at which a visit may start, or None."""
        for window in self.windows:
            if arrival <= window.close:
                return max(arrival, window.open)
        return None


@dataclass(frozen=True)
class Problem:
    """Leave `start` at `start_time`, visit some vertices, reach `end` no later than `end_time`.

    `travel[i][j]` is the travel time from vertex i to j (non-negative; it need not be symmetric
    or obey the triangle inequality). Start and end may be the same vertex; their score is never
    counted and their service times are ignored.
    """

    vertices: Sequence[Vertex]
    travel: Sequence[Sequence[float]]
    start: int = 0
    end: int = 0
    start_time: float = 0.0
    end_time: float = inf
    name: str = ""
    # Where travel times come from, for readers that want the exact integer form (e.g. tenths).
    time_resolution: float | None = field(default=None, compare=False)

    def __post_init__(self):
        n = len(self.vertices)
        if n == 0:
            raise ValueError("a problem needs at least one vertex")
        if len(self.travel) != n or any(len(row) != n for row in self.travel):
            raise ValueError(f"the travel matrix must be {n} × {n}")
        if not (0 <= self.start < n and 0 <= self.end < n):
            raise ValueError("start and end must be vertex indices")
        if self.end_time < self.start_time:
            raise ValueError("the day ends before it starts")

    @property
    def n(self) -> int:
        return len(self.vertices)

    @property
    def candidates(self) -> list[int]:
        """The vertices a route may visit between start and end."""
        return [i for i in range(self.n) if i not in (self.start, self.end) and self.vertices[i].windows]

    def score(self, route: Sequence[int]) -> float:
        """The value of a route (start and end excluded; a vertex counts once)."""
        inner = {v for v in route[1:-1] if v not in (self.start, self.end)}
        return sum(self.vertices[v].score for v in inner)
