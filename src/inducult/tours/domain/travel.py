"""Travel times between places when no routing service is configured: great-circle distance times a
road factor, divided by a speed per travel mode, plus a fixed time per leg (parking, or waiting for
a bus and walking to the stop). Pure: no Django, no network.

The factors are documented in docs/decisions/0013-tour-travel-times.md. They are deliberately
simple and configurable (``INDUCULT_TOUR_MODES``, see ``parse_profiles``): a planner that promises
12 minutes where the road takes 25 ruins a visitor's day, so the defaults lean slow.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from inducult.core.geo import distance_km


@dataclass(frozen=True)
class ModeProfile:
    speed_kmh: float  # average speed along the road, stops included
    road_factor: float  # road length ÷ great-circle distance
    leg_minutes: float  # fixed time per leg: parking, or waiting for and walking to public transport

    def __post_init__(self):
        if not (0 < self.speed_kmh <= 200 and 1 <= self.road_factor <= 3 and 0 <= self.leg_minutes <= 120):
            raise ValueError(
                f"a travel mode needs 0 < speed ≤ 200 km/h, 1 ≤ road factor ≤ 3 and 0–120 minutes a leg; got {self}"
            )


# Car: the region's roads between spa towns and villages average ~50 km/h door to door; road
# distance is ~1.3× the crow flies in hilly country (Ore Mountains, Slavkov Forest). Public transport
# (approximated, no timetable): buses and regional trains average ~30 km/h and a leg costs ~20 minutes
# of waiting and walking. Walking: 4.5 km/h on paths ~1.25× the straight line.
DEFAULT_PROFILES: Mapping[str, ModeProfile] = {
    "car": ModeProfile(speed_kmh=50, road_factor=1.3, leg_minutes=5),
    "public_transport": ModeProfile(speed_kmh=30, road_factor=1.4, leg_minutes=20),
    "walk": ModeProfile(speed_kmh=4.5, road_factor=1.25, leg_minutes=0),
}

MODES = tuple(DEFAULT_PROFILES)


def parse_profiles(text: str) -> dict[str, ModeProfile]:
    """``"car:55:1.3:5, walk:5:1.2:0"`` (mode:speed km/h:road factor:minutes a leg) over the defaults;
    ValueError naming the piece that is wrong."""
    profiles = dict(DEFAULT_PROFILES)
    for piece in filter(None, (p.strip() for p in (text or "").split(","))):
        parts = piece.split(":")
        if len(parts) != 4 or parts[0] not in DEFAULT_PROFILES:
            raise ValueError(f"“{piece}” is not mode:speed:road factor:minutes a leg with a mode of {', '.join(MODES)}")
        try:
            profiles[parts[0]] = ModeProfile(*(float(x) for x in parts[1:]))
        except ValueError as error:
            raise ValueError(f"“{piece}”: {error}") from None
    return profiles


Point = tuple[float, float]  # (latitude, longitude) in degrees


def leg_minutes(a: Point, b: Point, profile: ModeProfile) -> float:
    """Minutes from a to b; zero between two places at the same point (a museum inside a castle)."""
    km = distance_km(a, b)
    if km < 0.05:
        return 0.0
    return profile.leg_minutes + km * profile.road_factor / profile.speed_kmh * 60


def estimated_matrix(points: Sequence[Point], profile: ModeProfile) -> list[list[float]]:
    return [[0.0 if i == j else leg_minutes(a, b, profile) for j, b in enumerate(points)] for i, a in enumerate(points)]
