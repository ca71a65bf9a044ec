"""The terms of all open data and the one CSV cell writer (core.opendata)."""

import pytest
from django.http import HttpResponse

from inducult.core.opendata import csv_cell, csv_safe, open_data


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        (None, ""),
        (True, "true"),
        (False, "false"),
        (50.33, "50.330000"),
        (12.0, "12.000000"),
        (-0.1234567, "-0.123457"),
        (["mining", "glass"], "mining; glass"),
        ([], ""),
        (42, "42"),
        (0, "0"),
        ("", ""),
        ("Hornické muzeum", "Hornické muzeum"),
        ("2026-03-01T10:00:00+00:00", "2026-03-01T10:00:00+00:00"),
    ],
)
def test_csv_cell_writes_each_kind_of_value(value, cell):
    assert csv_cell(value) == cell


@pytest.mark.parametrize("text", ['=HYPERLINK("x")', "+1", "-1+2", "@SUM(A1)", "\tx", "\rx"])
def test_csv_cell_keeps_spreadsheets_from_running_text_as_a_formula(text):
    assert csv_cell(text) == "'" + text
    assert csv_cell([text, "b"]) == "'" + text + "; b"
    assert csv_safe(text) == "'" + text


def test_csv_cell_writes_a_bool_as_a_word_not_a_number():
    # bool is a kind of int; the check comes first.
    assert (csv_cell(True), csv_cell(1)) == ("true", "1")


def test_open_data_lets_any_site_read_and_caches_keep_for_five_minutes():
    response = open_data(HttpResponse("{}"))

    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Cache-Control"] == "public, max-age=300"
