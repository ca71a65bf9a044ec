"""The benchmark command: one JSON line per instance with exactly the contract's keys, then a table."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from inducult.tours.planning import check
from inducult.tours.planning.instances import read_instance
from tests.tours.shared import instance

FILES = [
    "tsiligirides/set1/tsiligirides_problem_1_budget_20.txt",
    "tsiligirides/set2/tsiligirides_problem_2_budget_15.txt",
    "optw_solomon/r101.txt",
]


def run(*args) -> list[str]:
    out = StringIO()
    call_command("solve_op", *args, stdout=out, stderr=StringIO())
    return out.getvalue().splitlines()


def test_solve_op_prints_json_lines_and_a_summary():
    paths = [str(instance(f)) for f in FILES]
    lines = run(*paths, "--time-limit", "0.3")
    records = [json.loads(line) for line in lines[: len(paths)]]
    assert [set(r) for r in records] == [{"instance", "score", "route", "seconds"}] * 3
    assert [r["instance"] for r in records] == paths
    for record in records:
        read = read_instance(record["instance"])
        assert check(read.problem, record["route"]).ok  # file ids equal problem indices here
        assert record["score"] == read.problem.score(record["route"])
        assert record["seconds"] < 1.0
    assert records[0]["route"][0] == 0 and records[0]["route"][-1] == 1  # OP: start 0 → end 1
    assert records[2]["route"][0] == records[2]["route"][-1] == 0  # OPTW: depot to depot
    table = "\n".join(lines[len(paths) :])
    assert "| tsil1 | 1 |" in table and "| optw_solomon | 1 |" in table and "| all | 3 |" in table
    assert "ours mean gap %" in table


def test_compare_adds_columns_but_not_json_lines():
    path = str(instance(FILES[0]))
    lines = run(path, "--time-limit", "0.2", "--compare")
    assert json.loads(lines[0])["instance"] == path
    assert not lines[1].startswith("{")
    assert "greedy mean gap %" in "\n".join(lines) and "library mean gap %" in "\n".join(lines)


def test_explicit_bks_path_is_used(tmp_path):
    path = instance(FILES[0])
    bks = tmp_path / "bks.tsv"
    bks.write_text(f"set\tinstance\tbudget\tbest_known_score\nmine\t{path}\tT=20\t1000\n")
    table = "\n".join(run(str(path), "--time-limit", "0.2", "--bks", str(bks)))
    assert "| mine | 1 |" in table


def test_optw_decimals_change_the_travel_times_the_route_is_checked_with(tmp_path):
    # Two customers 1.414… from the depot and 2 apart: with one decimal the
    # round trip through both fits the day (1.4 + 2.0 + 1.4 = 4.8), with two it does not (4.82).
    path = tmp_path / "tiny.txt"
    path.write_text("5 3 2 4\n500 200\n0 0 0 0 0 0 0 0 4.8\n1 1 1 0 5 0 0 0 100\n2 1 -1 0 5 0 0 0 100\n")
    one = json.loads(run(str(path), "--time-limit", "0.2")[0])
    two = json.loads(run(str(path), "--time-limit", "0.2", "--optw-decimals", "2")[0])
    assert (one["score"], two["score"]) == (10, 5)


def test_unknown_optw_decimals_are_refused():
    with pytest.raises(CommandError, match="invalid choice"):
        run(str(instance(FILES[2])), "--optw-decimals", "3")


def test_missing_file_is_a_command_error():
    with pytest.raises(CommandError, match="No such instance file: nowhere.txt"):
        run("nowhere.txt")


def test_malformed_file_is_a_command_error(tmp_path):
    broken = tmp_path / "broken.txt"
    broken.write_text("5 1\n0 0 0\n1 1 0\n2 x 3\n")
    with pytest.raises(CommandError, match="line 4: y must be a number"):
        run(str(broken))
