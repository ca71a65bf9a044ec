"""Matrices from a routing server (OSRM, Valhalla) served by a local stand-in, and the estimate
wherever the server is not set, fails, lacks the mode or finds no route."""

import json
import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from inducult.tours.domain.travel import DEFAULT_PROFILES, estimated_matrix
from inducult.tours.services.routing import travel_matrix

POINTS = [(50.2309, 12.8713), (50.0796, 12.3739), (50.1726, 12.6437)]


class FakeRouter(BaseHTTPRequestHandler):
    answers: dict = {}
    seen: list = []

    def _answer(self):
        self.seen.append((self.command, self.path, self.rfile.read(int(self.headers.get("Content-Length") or 0))))
        status, body = self.answers.get(
            self.path.split("?")[0].rsplit("/", 1)[0] if "table" in self.path else self.path, (404, {})
        )
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = _answer
    do_POST = _answer

    def log_message(self, *args):
        pass


@pytest.fixture
def router():
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeRouter)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    FakeRouter.answers, FakeRouter.seen = {}, []
    yield f"http://127.0.0.1:{server.server_address[1]}", FakeRouter
    server.shutdown()
    server.server_close()


def test_without_a_server_the_matrix_is_estimated(settings):
    settings.INDUCULT_ROUTING_ENGINE = ""
    matrix = travel_matrix(POINTS, "car")
    assert (matrix.source, matrix.problem) == ("estimate", "")
    assert matrix.minutes == estimated_matrix(POINTS, DEFAULT_PROFILES["car"])


def test_osrm_durations_become_minutes(settings, router):
    url, handler = router
    settings.INDUCULT_ROUTING_ENGINE, settings.INDUCULT_ROUTING_URL = "osrm", url
    handler.answers["/table/v1/driving"] = (
        200,
        {"code": "Ok", "durations": [[0, 2400, 900], [2460, 0, 1500], [880, 1520, 0]]},
    )
    matrix = travel_matrix(POINTS, "car")
    assert matrix.source == "routing"
    assert matrix.minutes[0][1] == pytest.approx(40.0) and matrix.minutes[1][0] == pytest.approx(41.0)
    method, path, _body = handler.seen[0]
    assert method == "GET" and path.startswith("/table/v1/driving/12.871300,50.230900;12.373900,50.079600;")


def test_osrm_pairs_without_a_route_are_estimated_and_said_so(settings, router):
    url, handler = router
    settings.INDUCULT_ROUTING_ENGINE, settings.INDUCULT_ROUTING_URL = "osrm", url
    handler.answers["/table/v1/foot"] = (
        200,
        {"code": "Ok", "durations": [[0, None, 600], [None, 0, 700], [610, 690, 0]]},
    )
    matrix = travel_matrix(POINTS, "walk")
    estimate = estimated_matrix(POINTS, DEFAULT_PROFILES["walk"])
    assert matrix.source == "mixed" and "2 of 6 pairs" in matrix.problem
    assert matrix.minutes[0][1] == estimate[0][1] and matrix.minutes[0][2] == pytest.approx(10.0)


def test_valhalla_matrix_is_read(settings, router):
    url, handler = router
    settings.INDUCULT_ROUTING_ENGINE, settings.INDUCULT_ROUTING_URL = "valhalla", url
    rows = [[{"time": t} for t in row] for row in ([0, 1200, 600], [1260, 0, 900], [590, 880, 0])]
    handler.answers["/sources_to_targets"] = (200, {"sources_to_targets": rows})
    matrix = travel_matrix(POINTS, "car")
    assert matrix.source == "routing" and matrix.minutes[1][2] == pytest.approx(15.0)
    method, _path, body = handler.seen[0]
    assert method == "POST" and json.loads(body)["costing"] == "auto"


def test_a_failing_or_unreachable_server_falls_back_to_the_estimate(settings, router, caplog):
    url, handler = router
    settings.INDUCULT_ROUTING_ENGINE, settings.INDUCULT_ROUTING_URL = "osrm", url
    handler.answers["/table/v1/driving"] = (200, {"code": "NoTable", "message": "too many coordinates"})
    with caplog.at_level(logging.WARNING, logger="inducult.tours.services.routing"):
        matrix = travel_matrix(POINTS, "car")
    assert matrix.source == "estimate" and "NoTable" in matrix.problem
    assert any("NoTable" in r.getMessage() for r in caplog.records if r.name == "inducult.tours.services.routing")

    settings.INDUCULT_ROUTING_URL = "http://127.0.0.1:9"  # discard port: nothing listens
    assert travel_matrix(POINTS, "car").source == "estimate"


def test_public_transport_is_always_estimated(settings, router):
    url, handler = router
    settings.INDUCULT_ROUTING_ENGINE, settings.INDUCULT_ROUTING_URL = "osrm", url
    matrix = travel_matrix(POINTS, "public_transport")
    assert matrix.source == "estimate" and "timetables" in matrix.problem
    assert handler.seen == []
