"""Every section of the strategy "Living Industrial Culture" that a demo record cites exists, and the
lines a citation names lie in that section (issue #14: the 2018 festival cited a "section 8" the
strategy does not have).

The strategy's headings are written down here with the line each starts on in the stored text
(``strategy_records.SEED``); the last test checks them against that text where it is at hand.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from inducult.demo import strategy_records
from inducult.demo.loader import load_demo
from tests.contracts.demo_records import DEMO_TODAY, rows_by_model

# Section number → line of its heading in the stored text. There is no section 8 or 9: the Czech part
# ends with 7 (Závěr), the English summary is 10.
HEADINGS = {
    "1": 1, "2": 45, "3": 94, "3.1": 114, "4": 185, "4.1": 187, "4.2": 321, "4.3": 412, "5": 483, "5.1": 485,
    "5.2": 508, "5.3": 575, "5.4": 638, "5.5": 691, "5.6": 842, "6": 865, "7": 1080, "10": 1211, "10.1": 1213,
    "10.2": 1263, "10.2.1": 1298, "10.3": 1342, "10.3.1": 1344, "10.3.2": 1383, "10.3.3": 1442, "10.4": 1486,
    "10.4.1": 1488, "10.4.2": 1512, "10.4.3": 1567, "10.4.4": 1618, "10.4.5": 1643, "10.4.6": 1781, "10.5": 1803,
    "10.6": 2013,
}  # fmt: skip
LAST_LINE = 2200  # past the end of the text

SEED = Path(__file__).resolve().parents[2].parent / strategy_records.SEED


def section_lines(section: str) -> range:
    """The lines of a section: from its heading to the next heading that is not one of its subsections."""
    start = HEADINGS[section]
    later = [line for name, line in HEADINGS.items() if line > start and not name.startswith(section + ".")]
    return range(start, min(later, default=LAST_LINE))


# "section 4.3", "sections 4.1, 5.3 and 5.5 (milestones 3 and 7)", "section 5.5, lines 717–729; section
# 10.4.5, lines 1663–1673", "English summary 10.3.3", "action plan tables 6 and 10.5".
_NUMBER = r"\d+(?:\.\d+)*"
_ITEM = rf"{_NUMBER}(?:\s*\([^()]*\))?(?:,\s*lines\s+\d+(?:[–-]\d+)?)?"
CITATION = re.compile(rf"\b(?:sections?|summary|tables?)\s+({_ITEM}(?:\s*(?:,|;|and)\s*(?:sections?\s+)?{_ITEM})*)")
ITEM = re.compile(rf"({_NUMBER})(?:\s*\([^()]*\))?(?:,\s*lines\s+(\d+)(?:[–-](\d+))?)?")


def citations(text: str) -> list[tuple[str, int | None, int | None]]:
    """(section, first line, last line) of each place a text cites."""
    found = []
    for match in CITATION.finditer(text):
        for item in ITEM.finditer(re.sub(r"\bsections?\s+", "", match[1])):
            first = int(item[2]) if item[2] else None
            found.append((item[1], first, int(item[3]) if item[3] else first))
    return found


def strategy_texts(value):
    """Every string in a row that speaks of the strategy."""
    if isinstance(value, dict):
        for item in value.values():
            yield from strategy_texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from strategy_texts(item)
    elif isinstance(value, str) and "Living Industrial Culture" in value:
        yield value


def test_citations_are_read_with_their_sections_and_lines():
    assert citations("Strategy 'Living Industrial Culture', sections 4.1, 5.3 and 5.5 (milestones 3 and 7)") == [
        ("4.1", None, None),
        ("5.3", None, None),
        ("5.5", None, None),
    ]
    assert citations(strategy_records.cite(("5.5", "717–729"), ("10.4.5", "1663"))) == [
        ("5.5", 717, 729),
        ("10.4.5", 1663, 1663),
    ]
    assert citations("…, section 4.3 (Czech) and 10.3.3 (English summary); action plan tables 6 and 10.5") == [
        ("4.3", None, None),
        ("10.3.3", None, None),
        ("6", None, None),
        ("10.5", None, None),
    ]
    assert citations("Strategy, sections 8 and 10 (English summary)") == [("8", None, None), ("10", None, None)]
    assert list(section_lines("10.4")) == list(range(1486, 1803))


@pytest.mark.django_db
def test_every_section_a_demo_record_cites_exists_and_holds_the_cited_lines():
    load_demo(today=DEMO_TODAY)

    cited: dict[tuple[str, int | None, int | None], set[str]] = {}
    for model, rows in rows_by_model().items():
        if model == "core.auditentry":
            continue  # the same texts as the records', as written
        for row in rows:
            for text in strategy_texts(json.loads(row)):
                for citation in citations(text):
                    cited.setdefault(citation, set()).add(model)
    assert len(cited) > 20  # the test reads the demo's sources at all

    missing = {c: models for c, models in cited.items() if c[0] not in HEADINGS}
    assert missing == {}
    outside = {
        c: models for c, models in cited.items() if c[1] is not None and not {c[1], c[2]} <= set(section_lines(c[0]))
    }
    assert outside == {}


@pytest.mark.skipif(not SEED.exists(), reason="the stored strategy text is kept beside the repository")
def test_the_headings_are_those_of_the_stored_strategy():
    lines = SEED.read_text(encoding="utf-8").splitlines()
    heading = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2})*)\.?\s+(\S.*?)\s*$")
    found = {}
    for number, line in enumerate(lines, start=1):
        match = heading.match(line)
        # A heading is short and starts with a capital; a numbered list item is a sentence.
        if match and len(line.strip()) < 80 and match[2][0].isupper() and not match[2].endswith((".", ",", ";")):
            found.setdefault(match[1], number)
    assert found == HEADINGS
    assert len(lines) < LAST_LINE
