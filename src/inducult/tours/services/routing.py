"""Travel-time matrices from a routing server (OSRM's table service or Valhalla's matrix), with the
great-circle estimate (``tours.domain.travel``) wherever the server is not set, cannot be reached, does not
serve the mode, or finds no route between two places.

The plan says which it used: a visitor should know whether "25 minutes" came from the road network or
from an estimate.
"""

from __future__ import annotations

import json
import logging
import urllib.error
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings

from inducult.tours.domain.travel import Point, estimated_matrix, parse_profiles

# The visitor sees "estimated" on the plan; the operator learns here why a configured server was
# not (fully) used.
logger = logging.getLogger(__name__)

# Which server profile answers which of our modes; public transport needs timetables, which neither
# matrix service uses, so it is always estimated.
OSRM_PROFILES = {"car": "driving", "walk": "foot"}
VALHALLA_COSTING = {"car": "auto", "walk": "pedestrian"}


class RoutingUnavailable(Exception):
    """The server could not answer; the message says why (for the logs and the plan's note)."""


@dataclass(frozen=True)
class Matrix:
    minutes: list[list[float]]
    source: str  # "routing" (every pair from the server), "mixed" (some estimated) or "estimate"
    problem: str = ""  # why the server was not (fully) used, when it was configured


def _get_json(request: urllib.request.Request, timeout: float):
    if not request.full_url.startswith(("http://", "https://")):
        raise RoutingUnavailable("the routing URL is not http(s)")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - scheme checked above
            return json.load(response)
    except (urllib.error.URLError, TimeoutError, OSError, ValueError) as error:
        raise RoutingUnavailable(f"{type(error).__name__}: {error}") from None


def osrm_seconds(points: Sequence[Point], profile: str, *, base_url: str, timeout: float) -> list[list[float | None]]:
    coordinates = ";".join(f"{lon:.6f},{lat:.6f}" for lat, lon in points)
    url = f"{base_url.rstrip('/')}/table/v1/{profile}/{coordinates}?annotations=duration"
    request = urllib.request.Request(url, headers={"Accept": "application/json"})  # noqa: S310 - _get_json checks
    body = _get_json(request, timeout)
    if body.get("code") != "Ok" or "durations" not in body:
        raise RoutingUnavailable(f"OSRM answered {body.get('code')!r}: {body.get('message', '')}")
    return body["durations"]


def valhalla_seconds(
    points: Sequence[Point], costing: str, *, base_url: str, timeout: float
) -> list[list[float | None]]:
    locations = [{"lat": lat, "lon": lon} for lat, lon in points]
    payload = json.dumps({"sources": locations, "targets": locations, "costing": costing}).encode()
    request = urllib.request.Request(  # noqa: S310 - _get_json checks the scheme
        f"{base_url.rstrip('/')}/sources_to_targets",
        data=payload,
        headers={"Content-Type": "application/json", "Accept": "application/json"},
    )
    body = _get_json(request, timeout)
    try:
        return [[cell.get("time") for cell in row] for row in body["sources_to_targets"]]
    except (KeyError, TypeError, AttributeError):
        raise RoutingUnavailable(f"Valhalla answered without a matrix: {str(body)[:200]}") from None


def travel_matrix(points: Sequence[Point], mode: str) -> Matrix:
    """Minutes between every pair of ``points`` for ``mode`` ("car", "public_transport", "walk")."""
    estimate = estimated_matrix(points, parse_profiles(settings.INDUCULT_TOUR_MODES)[mode])
    engine, base_url = settings.INDUCULT_ROUTING_ENGINE, settings.INDUCULT_ROUTING_URL
    if not engine or len(points) < 2:
        return Matrix(estimate, "estimate")
    if mode not in OSRM_PROFILES:
        return Matrix(estimate, "estimate", "the routing server has no timetables; public transport is estimated")
    try:
        if engine == "osrm":
            seconds = osrm_seconds(
                points, OSRM_PROFILES[mode], base_url=base_url, timeout=settings.INDUCULT_ROUTING_TIMEOUT
            )
        else:
            seconds = valhalla_seconds(
                points, VALHALLA_COSTING[mode], base_url=base_url, timeout=settings.INDUCULT_ROUTING_TIMEOUT
            )
    except RoutingUnavailable as error:
        logger.warning("routing server not used, travel times estimated: %s", error)
        return Matrix(estimate, "estimate", str(error))
    n = len(points)
    if len(seconds) != n or any(len(row) != n for row in seconds):
        return Matrix(estimate, "estimate", f"the routing server answered a matrix of another size than {n} × {n}")
    minutes, missing = [], 0
    for i, row in enumerate(seconds):
        out = []
        for j, value in enumerate(row):
            if i == j:
                out.append(0.0)
            elif value is None or value < 0:
                missing += 1
                out.append(estimate[i][j])
            else:
                out.append(value / 60)
        minutes.append(out)
    if missing:
        return Matrix(minutes, "mixed", f"no route found for {missing} of {n * (n - 1)} pairs; those are estimated")
    return Matrix(minutes, "routing")
