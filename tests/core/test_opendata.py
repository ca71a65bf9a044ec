"""The terms of all open data and the one CSV writer with its cells (core.opendata)."""

import pytest
from django.http import HttpResponse

from inducult.core.opendata import csv_cell, csv_safe, csv_text, open_data


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


def test_csv_text_writes_a_header_and_each_records_fields_in_order_with_crlf():
    records = [
        {"name": "Důl Jeroným, Čistá", "id": 1, "sectors": ["mining"], "extra": "left out"},
        {"name": "=1+1", "id": 2, "sectors": [], "extra": ""},
    ]

    text = csv_text(("id", "name", "sectors"), records)

    assert text == 'id,name,sectors\r\n1,"Důl Jeroným, Čistá",mining\r\n2,\'=1+1,\r\n'


def test_csv_text_of_no_records_is_the_header_alone():
    assert csv_text(("id", "name"), []) == "id,name\r\n"
