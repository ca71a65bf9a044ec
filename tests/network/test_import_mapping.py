"""Guessing and checking the column mapping (pure)."""

import pytest

from inducult.network.domain.exporting import EXPORT_COLUMNS
from inducult.network.services.importing.mapping import guess_mapping, mapping_problems

pytestmark = pytest.mark.usefixtures("english")


def test_guess_mapping_czech_headers():
    header = ["Název", "Druh", "Město", "Sektory", "Web", "E-mail", "Zeměpisná šířka", "Zeměpisná délka", "Poznámka"]
    assert guess_mapping(header) == [
        "name",
        "kind",
        "town",
        "sectors",
        "website",
        "email",
        "latitude",
        "longitude",
        "",
    ]


def test_guess_mapping_english_headers():
    header = ["Organisation", "Kind", "Town", "Sectors", "Website", "lat", "lon", "First name", "Last name"]
    assert guess_mapping(header) == [
        "name",
        "kind",
        "town",
        "sectors",
        "website",
        "latitude",
        "longitude",
        "contact_first_name",
        "contact_last_name",
    ]


def test_guess_mapping_german_headers():
    header = ["Name", "Art", "Ort", "Branche", "Webseite", "Breitengrad", "Längengrad", "Vorname", "Nachname"]
    assert guess_mapping(header) == [
        "name",
        "kind",
        "town",
        "sectors",
        "website",
        "latitude",
        "longitude",
        "contact_first_name",
        "contact_last_name",
    ]


def test_guess_mapping_export_columns_map_to_themselves():
    # The real export header, so a column added to the export must also be understood by the import.
    export = list(EXPORT_COLUMNS)
    assert guess_mapping(export) == export


def test_guess_mapping_contact_columns_of_the_export():
    header = [
        "contact_first_name",
        "contact_last_name",
        "contact_email",
        "contact_phone",
        "contact_role",
        "lawful_basis",
    ]
    assert guess_mapping(header) == header


def test_guess_mapping_gives_a_target_to_the_first_column_only():
    assert guess_mapping(["Name", "Název", "Obec"]) == ["name", "", "town"]


def test_mapping_problems_name_the_missing_required_fields():
    assert mapping_problems(["town", ""], ["Obec", "Poznámka"]) == [
        "These required fields have no column: Name, Kind. Choose the column that holds each of them."
    ]


def test_mapping_problems_name_two_columns_with_the_same_field():
    assert mapping_problems(["name", "kind", "name"], ["Název", "Druh", "Jméno"]) == [
        "Columns “Název” and “Jméno” are both mapped to “Name”; choose one of them."
    ]


def test_mapping_problems_empty_for_a_usable_mapping():
    assert mapping_problems(["name", "kind", ""], ["a", "b", "c"]) == []
