"""Distances on the globe, for telling a likely typo in coordinates from a real place. Pure."""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable

EARTH_RADIUS_KM = 6371.0088  # the mean radius (IUGG)
# A site this far from the middle of the region's other sites is probably mistyped (swapped
# latitude and longitude, a dropped digit). The Karlovy Vary Region is about 100 km across and the
# reference list rightly includes neighbours up to ~90 km from its middle (Žatec, Plzeň).
FAR_KM = 120.0


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (latitude, longitude) points in kilometres (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def middle(points: Iterable[tuple[float, float]]) -> tuple[float, float] | None:
    """The median latitude and longitude: one mistyped point does not move it, as a mean would."""
    points = list(points)
    if not points:
        return None
    return statistics.median(p[0] for p in points), statistics.median(p[1] for p in points)


def far_from_the_rest(point: tuple[float, float], others: Iterable[tuple[float, float]]) -> float | None:
    """The distance in km from the others' middle if it is over FAR_KM, else None (also with fewer
    than three others, too few to say where the region is)."""
    others = list(others)
    if len(others) < 3:
        return None
    distance = distance_km(point, middle(others))
    return distance if distance > FAR_KM else None
