"""Readers for the OP and OPTW benchmark files: real files, and malformed text with clear errors."""

import math
from pathlib import Path

import pytest

from inducult.tours.planning.instances import OP, OPTW, detect, parse_op, parse_optw, read_instance
from tests.tours.shared import instance


def test_read_op_tsiligirides_file():
    read = read_instance(instance("tsiligirides/set1/tsiligirides_problem_1_budget_05.txt"))
    problem = read.problem
    assert read.kind == OP
    assert (problem.start, problem.end, problem.start_time, problem.end_time) == (0, 1, 0.0, 5.0)
    assert problem.n == 32
    assert problem.vertices[0].score == problem.vertices[1].score == 0
    # Un-rounded Euclidean: (10.5, 14.4) to (11.2, 14.1).
    assert problem.travel[0][1] == pytest.approx(math.hypot(0.7, 0.3), abs=1e-12)


def test_read_op_with_crlf_and_tabs():
    read = read_instance(instance("tsiligirides/set3/tsiligirides_problem_3_budget_015.txt"))
    assert read.kind == OP
    assert read.problem.end_time == 15
    assert read.problem.n == 33


def test_read_optw_solomon_file_with_split_header():
    read = read_instance(instance("optw_solomon/c101.txt"))
    problem = read.problem
    assert read.kind == OPTW
    assert problem.n == 101
    assert (problem.start, problem.end, problem.start_time, problem.end_time) == (0, 0, 0.0, 1236.0)
    first = problem.vertices[1]
    assert (first.service, first.score, first.windows[0].open, first.windows[0].close) == (90, 10, 912, 967)
    # Depot (40, 50) to customer 1 (45, 68): sqrt(349) = 18.68…, truncated to 18.6.
    assert problem.travel[0][1] == 18.6
    assert read.ids == tuple(range(101))


def test_optw_distance_is_truncated_not_rounded():
    text = "1 1 2 0 0 0\n0 0 0 0 0 0 0 0 100\n1 0 0.19 0 5 0 0 0 100\n2 3 4 0 5 0 0 0 100\n"
    problem = parse_optw(text).problem
    assert problem.travel[0][1] == 0.1  # 0.19 → 0.1
    assert problem.travel[0][2] == 5.0  # exactly 5, not 4.9 by floating error


def test_optw_distances_can_be_truncated_to_two_decimals_as_cordeaus_sets_are():
    # Cordeau's instances have three-decimal coordinates; their travel times keep two decimals.
    text = "5 3 2 4\n500 200\n0 0 0 0 0 0 0 0 100\n1 1 1 0 5 0 0 0 100\n2 0.005 0 0 5 0 0 0 100\n"
    one, two = parse_optw(text).problem, parse_optw(text, decimals=2).problem
    assert (one.travel[0][1], two.travel[0][1]) == (1.4, 1.41)  # sqrt(2) = 1.414…
    assert (one.travel[0][2], two.travel[0][2]) == (0.0, 0.0)  # 0.005 → 0.0 and 0.00
    assert two.time_resolution == pytest.approx(0.01)


def test_optw_distances_with_other_decimals_are_refused():
    with pytest.raises(ValueError, match="1 or 2 decimals, not 3"):
        parse_optw("1 1 0 0 0 0\n0 0 0 0 0 0 0 0 100\n", "x.txt", decimals=3)


def test_optw_reads_the_last_two_tokens_as_the_window_whatever_comes_between():
    text = "4 1 2 1\r\n0 200\r\n 0 0 0 0 0 0 0 0 50\r\n 1 1 1 2 7\t0 0 0 9 9 10 20\r\n 2 2 2 3 4 0 0 30 40\r\n"
    problem = parse_optw(text).problem
    assert [(v.windows[0].open, v.windows[0].close) for v in problem.vertices[1:]] == [(10, 20), (30, 40)]
    assert [v.score for v in problem.vertices] == [0, 7, 4]
    assert problem.end_time == 50


def test_detect_tells_the_formats_apart():
    assert detect("5 1\n0 0 0\n1 1 0\n2 2 10\n") == OP
    assert detect("4 10 2 1\n0 200\n0 0 0 0 0 0 0 0 9\n1 1 1 1 1 0 0 0 9\n2 1 1 1 1 0 0 0 9\n") == OPTW


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "the file is empty"),
        ("5\n0 0 0\n1 1 0\n", "line 1: expected 'Tmax P'"),
        ("5 2\n0 0 0\n1 1 0\n", "only one path"),
        ("5 1\n0 0 0\n1 1 0\n2 x 3\n", "line 4: y must be a number, not 'x'"),
        ("5 1\n0 0 0\n1 1 0\n2 2\n", "line 4: expected 'x y S', found 2 tokens"),
        ("5 1\n0 0 0\n", "needs a start and an end"),
    ],
)
def test_malformed_op_names_file_and_line(text, message):
    with pytest.raises(ValueError, match=message) as raised:
        parse_op(text, "broken.txt")
    assert str(raised.value).startswith("broken.txt")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("4 10 2\n", "header of six tokens"),
        ("4 10 2 1 0 200\n0 0 0 0 0 0 0 0 9\n", "announces 2 customers"),
        ("4 10 1 1 0 200\n0 0 0 0 0 0 0 0 9\n1 1 1 1\n", "line 3: expected 'i x y d S … O C'"),
        ("4 10 1 1 0 200\n0 0 0 0 0 0 0 0 9\n1 1 1 1 1 0 0 8 4\n", "line 3: the window closes"),
        ("4 10 1 1 0 200\n1 0 0 0 0 0 0 0 9\n0 1 1 1 1 0 0 0 9\n", "the first vertex must be the depot"),
        ("4 10 1 1 0 200\n0 0 0 0 0 0 0 0 9\n1 1 1 1 1 0 0 0 nine\n", "line 3: C must be a number"),
    ],
)
def test_malformed_optw_names_file_and_line(text, message):
    with pytest.raises(ValueError, match=message) as raised:
        parse_optw(text, "broken.txt")
    assert str(raised.value).startswith("broken.txt")


def test_the_generalisation_sets_are_complete_and_readable():
    from django.conf import settings

    from inducult.tours.management.commands.solve_op import read_bks
    from inducult.tours.planning import check

    extra = Path(settings.BASE_DIR) / "bench" / "op" / "extra"
    known = read_bks(extra / "BKS.tsv")
    assert len(known) == 23 and {k.set for k in known.values()} == {"cordeau", "solomon2"}
    for path, entry in known.items():
        read = read_instance(path, decimals=2 if entry.set == "cordeau" else 1)
        assert read.kind == OPTW and read.problem.n > 48
    # The route optw_rl's README prints for pr01 reaches the best-known 308 and is feasible.
    pr01 = read_instance(extra / "cordeau" / "pr01.txt", decimals=2)
    route = [0, 9, 24, 47, 12, 38, 30, 2, 32, 37, 10, 45, 11, 28, 1, 16, 36, 31, 35, 34, 22, 7, 0]
    result = check(pr01.problem, [pr01.ids.index(v) for v in route])
    assert result.ok and result.score == 308
