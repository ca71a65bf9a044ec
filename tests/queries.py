"""The query-count guard: a page (or a read behind one) is measured at two data sizes, and its number
of queries must not grow with the data and must stay under a stated bound (a habit taken from pretalx's test suite). A
page that reads one row per listed record passes a test with three records and is slow with three
thousand; only a second, larger measurement catches it.

There is one helper so that every guard measures the same way:

- ``add(n)`` adds n records of what is listed; the page is measured after ``add(small)`` and again
  after ``add(large - small)``, so it sees ``small`` and then ``large`` records.
- Before the first measurement the page is run once unmeasured (``warm_up``): what a process reads
  once and keeps (content types, for example) would otherwise look like a difference between the two
  sizes. A run that may not be repeated (an import, a save with its version) passes
  ``warm_up=False``.
- Django's cache is cleared before each measurement, so that both measure the page built from the
  database; a page that keeps what it built would otherwise answer one of them from the cache.
- The count is the same at both sizes (the data must not add queries) and at most ``at_most``: a
  page that reads the same twenty tables for every size passes the first check, not the second.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext


@dataclass(frozen=True)
class Measured:
    """What one guard measured: the number of queries (the same at both sizes) and what ``run``
    returned at the small and at the large size, for the test to check that the page showed the data."""

    queries: int
    results: tuple[Any, Any]


def _queries(run: Callable[[], Any]) -> tuple[list[str], Any]:
    """The SQL of the queries ``run()`` makes, and what it returned."""
    with CaptureQueriesContext(connection) as captured:
        result = run()
    return [query["sql"] for query in captured.captured_queries], result


def queries_at_two_sizes(
    *,
    add: Callable[[int], Any],
    run: Callable[[], Any],
    at_most: int,
    sizes: tuple[int, int] = (3, 12),
    warm_up: bool = True,
) -> Measured:
    """Measure ``run()`` with ``sizes[0]`` and with ``sizes[1]`` records that ``add`` made, and assert
    that both make the same number of queries, at most ``at_most``."""
    small, large = sizes
    if not 0 <= small < large:
        raise ValueError(f"two growing sizes are needed, not {sizes}")
    add(small)
    if warm_up:
        run()
    cache.clear()
    few, small_result = _queries(run)
    add(large - small)
    cache.clear()
    many, large_result = _queries(run)
    assert len(many) == len(few), _grew(sizes, few, many)
    assert len(many) <= at_most, f"{len(many)} queries, more than the {at_most} allowed:\n" + "\n".join(many)
    return Measured(queries=len(many), results=(small_result, large_result))


def _grew(sizes: tuple[int, int], few: list[str], many: list[str]) -> str:
    """Which queries the larger run made more often than the smaller (compared without their values,
    which differ between the runs: ids, the session's expiry)."""
    left = Counter(_shape(sql) for sql in few)
    extra = []
    for sql in many:
        if left[_shape(sql)] > 0:
            left[_shape(sql)] -= 1
        else:
            extra.append(sql)
    return (
        f"{len(few)} queries with {sizes[0]} records, {len(many)} with {sizes[1]}; "
        "the larger run's queries beyond the smaller's:\n" + "\n".join(extra)
    )


def _shape(sql: str) -> str:
    return re.sub(r"'[^']*'|\b\d+\b", "?", sql)
