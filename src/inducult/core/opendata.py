"""The terms of all open data (licence, cache, CORS) and cells that spreadsheets will not run as
formulas. Every feed (/open/<region>/…) goes out through ``open_data``."""

from __future__ import annotations

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
