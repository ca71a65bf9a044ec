"""The independent checker on hand-made cases: waiting, windows, the day's end, malformed routes."""

import pytest

from inducult.tours.planning import Problem, Vertex, Window, check

LINE = [[abs(i - j) * 10.0 for j in range(4)] for i in range(4)]  # four places on a line, 10 apart


def problem(*vertices, end_time=100.0, start=0, end=0):
    return Problem(list(vertices), LINE, start=start, end=end, start_time=0.0, end_time=end_time)


def test_waiting_for_a_window_is_scheduled_not_a_violation():
    p = problem(Vertex(), Vertex(score=5, service=3, windows=(Window(15, 20),)), Vertex(), Vertex())
    result = check(p, [0, 1, 0])
    assert result.ok
    assert result.violations == ()
    stop = result.schedule[1]
    assert (stop.arrival, stop.wait, stop.start, stop.departure) == (10, 5, 15, 18)
    assert result.finish == 28
    assert result.score == 5


def test_arriving_after_the_window_closes_is_a_violation():
    p = problem(Vertex(), Vertex(score=5, windows=(Window(0, 9),)), Vertex(), Vertex())
    result = check(p, [0, 1, 0])
    assert not result.ok
    assert result.violations == ("vertex 1: arrival at 10 is too late (last window closes at 9)",)


def test_the_second_window_after_a_lunch_break_is_used():
    lunch = (Window(0, 5), Window(25, 40))
    p = problem(Vertex(), Vertex(score=5, service=10, windows=lunch), Vertex(), Vertex())
    result = check(p, [0, 1, 0])
    assert result.ok
    assert result.schedule[1].start == 25
    assert result.finish == 45


def test_exceeding_the_day_is_a_violation():
    p = problem(Vertex(), Vertex(score=1), Vertex(score=1), Vertex(score=1), end_time=59.9)
    result = check(p, [0, 3, 0])
    assert not result.ok
    assert result.violations == ("the end is reached at 60, after the end of the day 59.9",)
    assert check(problem(Vertex(), Vertex(), Vertex(), Vertex(score=1), end_time=60), [0, 3, 0]).ok


def test_distinct_start_and_end():
    p = problem(Vertex(), Vertex(score=2), Vertex(score=3), Vertex(), start=0, end=3, end_time=30)
    assert check(p, [0, 1, 2, 3]).ok
    assert check(p, [0, 1, 2, 3]).score == 5
    assert not check(p, [0, 2, 1, 3]).ok  # 10 + 10 + 20 = 40 > 30


@pytest.mark.parametrize(
    ("route", "violation"),
    [
        ([1, 2, 0], "the route starts at 1, not at the start 0"),
        ([0, 1, 2], "the route ends at 2, not at the end 0"),
        ([0, 1, 1, 0], "vertex 1 is visited 2 times"),
        ([0, 1, 0, 2, 0], "vertex 0 is the start or end and may not be visited in between"),
        ([0], "a route needs at least its start and its end"),
        ([0, 7, 0], "unknown vertices [7]"),
    ],
)
def test_malformed_routes_are_rejected(route, violation):
    p = problem(Vertex(), Vertex(score=1), Vertex(score=1), Vertex(score=1))
    result = check(p, route)
    assert not result.ok
    assert violation in result.violations


def test_a_closed_vertex_cannot_be_visited():
    p = problem(Vertex(), Vertex(score=9, windows=()), Vertex(), Vertex())
    result = check(p, [0, 1, 0])
    assert result.violations == ("vertex 1: arrival at 10 is too late (it is closed all day)",)
