"""URLs and their names are contracts (bookmarks, partners' embeds, other tools): moving a view to
another module must not change either. ``url_patterns.txt`` is the list as it stood before the apps
were re-layered (issue #13); a deliberate new URL is added to it in the same commit."""

from pathlib import Path

from tests.contracts.routes import route_lines

EXPECTED = Path(__file__).with_name("url_patterns.txt")


def test_every_url_pattern_keeps_its_name_route_and_order():
    expected = EXPECTED.read_text(encoding="utf-8").splitlines()
    actual = route_lines()

    missing = [line for line in expected if line not in actual]
    added = [line for line in actual if line not in expected]
    assert (missing, added) == ([], [])
    assert actual == expected  # same order too: Django tries patterns in turn
