"""Integer form of a problem for PyVRP, which works in integers.

Exact when every time is a multiple of the problem's `time_resolution` (OPTW files: tenths).
Otherwise times are scaled by a power of ten and rounded so that the integer problem is never
looser than the real one (travel and visits up, openings up, closings and the day's end down):
a route PyVRP finds feasible is then feasible in floats too, and the float checker confirms it.
"""

import math
from dataclasses import dataclass

from .model import Problem

# Large enough that rounding costs almost nothing, small enough that prize × weight stays far
# below PyVRP's numerical limit (2**44).
TARGET_HORIZON = 10**6


@dataclass(frozen=True)
class Scaled:
    factor: float
    exact: bool
    travel: list[list[int]]
    service: list[int]
    windows: list[list[tuple[int, int]]]
    horizon: int
    prizes: list[int]


def _is_multiple(value: float, factor: float) -> bool:
    scaled = value * factor
    return abs(scaled - round(scaled)) < 1e-7 * max(1.0, abs(scaled))


def integer_scores(problem: Problem) -> list[int]:
    """Scores as integers: as they are when whole, else in hundredths."""
    scores = [v.score for v in problem.vertices]
    factor = 1 if all(float(s).is_integer() for s in scores) else 100
    return [round(s * factor) for s in scores]


def scale(problem: Problem) -> Scaled:
    horizon_real = problem.end_time - problem.start_time
    times = [t for row in problem.travel for t in row] + [v.service for v in problem.vertices]
    times += [w.open - problem.start_time for v in problem.vertices for w in v.windows if math.isfinite(w.open)]
    times += [w.close - problem.start_time for v in problem.vertices for w in v.windows if math.isfinite(w.close)]
    times.append(horizon_real)
    exact = False
    if problem.time_resolution:
        factor = 1 / problem.time_resolution
        exact = all(_is_multiple(t, factor) for t in times)
    if not exact:
        factor = 10 ** max(0, math.floor(math.log10(TARGET_HORIZON / max(horizon_real, 1e-9))))

    def up(t: float) -> int:
        return round(t * factor) if exact else math.ceil(t * factor - 1e-9)

    def down(t: float) -> int:
        return round(t * factor) if exact else math.floor(t * factor + 1e-9)

    horizon = down(horizon_real)
    windows = []
    for vertex in problem.vertices:
        clipped = []
        for w in vertex.windows:
            lo = 0 if w.open <= problem.start_time else up(w.open - problem.start_time)
            hi = horizon if w.close >= problem.end_time else down(w.close - problem.start_time)
            if lo <= hi:
                clipped.append((lo, hi))
        windows.append(clipped)
    return Scaled(
        factor=factor,
        exact=exact,
        travel=[[up(t) for t in row] for row in problem.travel],
        service=[up(v.service) for v in problem.vertices],
        windows=windows,
        horizon=horizon,
        prizes=integer_scores(problem),
    )
