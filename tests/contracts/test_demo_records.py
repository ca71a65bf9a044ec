"""The demo loads the records recorded in ``demo_records.json`` (per model, the count and a hash of
the rows): a restructuring must not change them (issue #13). When the demo's content changes on
purpose, regenerate the file in the same commit and say what changed; ``demo_records.py`` tells how,
and how to print one model's rows to diff them."""

import json
from pathlib import Path

import pytest

from inducult.demo.loader import load_demo
from tests.contracts.demo_records import DEMO_TODAY, fingerprint

EXPECTED = Path(__file__).with_name("demo_records.json")


@pytest.mark.django_db
def test_demo_loads_the_recorded_records():
    load_demo(today=DEMO_TODAY)

    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    actual = fingerprint()
    differing = {label: (expected.get(label), actual.get(label)) for label in expected.keys() | actual.keys()}
    assert {label: pair for label, pair in differing.items() if pair[0] != pair[1]} == {}
