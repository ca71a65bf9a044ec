"""URLs and their names are contracts (bookmarks, partners' embeds, other tools): moving a view to
another module must not change either. ``url_patterns.txt`` lists every pattern (``name<TAB>route``)
as recorded when the apps were re-layered (issue #13). A deliberate new or changed URL is written into
it in the same commit; ``python -m tests.contracts.routes`` prints the current lines."""

from pathlib import Path

import pytest
from django.urls import resolve

from tests.contracts.routes import route_lines, sample_path

EXPECTED = Path(__file__).with_name("url_patterns.txt")


def test_every_url_pattern_keeps_its_name_and_route():
    expected = EXPECTED.read_text(encoding="utf-8").splitlines()
    actual = route_lines()

    assert sorted(set(expected) - set(actual)) == []  # gone or renamed
    assert sorted(set(actual) - set(expected)) == []  # new, or a renamed one
    assert len(actual) == len(expected)  # none twice


NAMED = [
    line.split("\t")
    for line in EXPECTED.read_text(encoding="utf-8").splitlines()
    if not line.startswith(("(unnamed)", "admin:"))
]


@pytest.mark.parametrize(("name", "route"), NAMED, ids=[name for name, _route in NAMED])
def test_each_named_route_answers_its_own_paths(name, route):
    # Django tries patterns in turn: a route that an earlier, broader pattern shadows would resolve
    # to that pattern's name instead of its own.
    assert resolve(sample_path(route)).view_name == name
