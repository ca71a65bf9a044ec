"""The terms of all open data (licence, cache, CORS) and the one way records become a CSV file.
Every feed (/open/<region>/…) goes out through ``open_data``; every CSV file is written by
``csv_text`` with its cells by ``csv_cell``, so that the files of different apps read alike and none
lets a spreadsheet run a formula."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

# The reference coordinates partly come from Wikipedia (CC BY-SA), so the whole set is shared alike.
LICENCE = "CC BY-SA 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by-sa/4.0/"
CACHE_SECONDS = 300
# Lists in one CSV cell (sectors, languages) are joined with this.
CSV_LIST_SEPARATOR = "; "
# Text cells starting with these are run as formulas by spreadsheet programs (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def open_data(response):
    """The terms of all open data: any website's script may read it, caches may keep it CACHE_SECONDS."""
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = f"public, max-age={CACHE_SECONDS}"
    return response


def csv_safe(text: str) -> str:
    """A text cell that spreadsheet programs will not run as a formula (CSV injection)."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_cell(value: Any) -> str:
    """One value of an open-data record as a CSV cell: empty for None, ``true``/``false``, floats with
    six decimals (coordinates are stored with six, so the file shows them as stored), lists joined
    with ``CSV_LIST_SEPARATOR``, and anything else as text that no spreadsheet runs as a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):  # before anything numeric: a bool is an int too
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:.6f}"
    if isinstance(value, list):
        return csv_safe(CSV_LIST_SEPARATOR.join(value))
    return csv_safe(str(value))


def csv_text(fields: Sequence[str], records: Iterable[Mapping[str, Any]]) -> str:
    """A CSV file (RFC 4180: comma-separated, CRLF line ends) of ``records``: a header row of
    ``fields``, then each record's values of those fields in that order, as ``csv_cell`` writes them."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(fields)
    for record in records:
        writer.writerow([csv_cell(record[name]) for name in fields])
    return buffer.getvalue()
