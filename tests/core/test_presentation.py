"""How audited values read (core.presentation): every field name an entry may hold has a label, a
reverse relation, a many-to-many one and a name the model no longer has included, and every value
shape reads as words, never as Python prints it. The audit log once answered 500 on every page
holding a deleted engagement's entry (issue #14)."""

import pytest

from inducult.actionplan.models import Activity
from inducult.core.models import AuditEntry
from inducult.core.presentation import change_rows, display_value, field_label
from inducult.engagement.models import Engagement
from inducult.network.models import Organisation

pytestmark = pytest.mark.usefixtures("english")


@pytest.mark.parametrize(
    ("model", "name", "label"),
    [
        (Engagement, "title", "Title"),
        (Engagement, "topics", "Topics"),  # many-to-many
        (Engagement, "tasks", "Follow-up tasks"),  # reverse relations: the related records' name
        (Engagement, "participants", "Participants"),
        (Engagement, "attachments", "Attachments"),
        (Activity, "indicators", "Indicators"),
        (Engagement, "file_name", "File name"),  # not a field (any more): the name in words
        (None, "rows", "Rows"),  # a record type no longer there
    ],
)
def test_every_name_an_entry_holds_has_a_label(model, name, label):
    assert field_label(model, name) == label


def test_values_read_as_words_whatever_their_shape():
    assert (
        display_value(Engagement, "tasks", ["Send the minutes", "Book the hall"]) == "Send the minutes, Book the hall"
    )
    assert display_value(Organisation, "sectors", ["glass", "porcelain"]) == "Glass, Porcelain and ceramics"
    assert display_value(Engagement, "date_only", True) == "yes"
    assert display_value(Engagement, "title", None) == "—"
    assert display_value(Engagement, "title", []) == "—"


def test_an_activitys_indicators_read_as_rows_not_as_python_lists():
    rows = [["Visitors", "persons", "1200", None], ["Workshops", "", "4", "2"]]

    assert display_value(Activity, "indicators", rows) == "Visitors · persons · 1200 · —; Workshops · — · 4 · 2"


def test_mappings_read_as_key_and_value():
    assert display_value(Engagement, "translations", {"title": {"en": "Open day", "de": "Tag"}}) == (
        "title: en=Open day, de=Tag"
    )
    assert display_value(None, "counts", {"created": 2, "skipped": 0}) == "created: 2; skipped: 0"


def test_a_deleted_engagements_entry_reads_with_what_hung_on_it():
    entry = AuditEntry(
        changes={
            "title": ["Kulatý stůl", None],
            "participants": [["Muzeum Sokolov"], None],
            "tasks": [["Poslat zápis"], None],
            "deleted_at": [None, "2026-06-15T10:00:00+00:00"],
        }
    )

    rows = [(row["label"], row["before"], row["after"]) for row in change_rows(entry, Engagement)]

    assert rows == [
        ("Title", "Kulatý stůl", "—"),
        ("Participants", "Muzeum Sokolov", "—"),
        ("Follow-up tasks", "Poslat zápis", "—"),
        ("Deleted", "—", "2026-06-15T10:00:00+00:00"),
    ]
