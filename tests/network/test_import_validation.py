"""Row validation: every bad value named by row, column, value and reason (pure)."""

from decimal import Decimal

import pytest

from inducult.network.services.importing.mapping import guess_mapping
from inducult.network.services.importing.reading import read_table
from inducult.network.services.importing.validation import Existing, duplicate_key, validate

pytestmark = pytest.mark.usefixtures("english")


def check(csv_text: str, existing: Existing | None = None):
    table = read_table(csv_text.encode(), "list.csv")
    return validate(table, guess_mapping(table.header), existing or Existing())


def messages(outcome) -> list[str]:
    return [str(e) for e in outcome.errors]


def test_validate_invalid_email_names_row_column_value_and_reason():
    outcome = check("Název;Druh;E-mail\nA;museum;a@example.cz\nB;museum;jan.novak@\n")
    assert messages(outcome) == ['Row 3, column "E-mail", value "jan.novak@": not a valid e-mail address']
    assert outcome.valid_count == 1
    assert outcome.invalid_rows == 1


def test_validate_invalid_url_is_reported_and_a_bare_domain_gets_https():
    outcome = check("name,kind,website\nA,museum,www.muzeum-krasno.cz\nB,museum,http://exa mple\n")
    assert outcome.rows[0].organisation["website"] == "https://www.muzeum-krasno.cz"
    assert messages(outcome) == [
        'Row 3, column "website", value "http://exa mple": not a valid web address (e.g. https://www.example.cz)'
    ]


def test_validate_coordinates_accept_decimal_comma():
    outcome = check("name;kind;lat;lon\nA;museum;50,123456;12,8\n")
    assert outcome.rows[0].organisation["latitude"] == Decimal("50.123456")
    assert outcome.rows[0].organisation["longitude"] == Decimal("12.800000")


def test_validate_coordinates_out_of_range_are_reported():
    outcome = check("name,kind,latitude,longitude\nA,museum,91,12\nB,museum,50,-180.5\n")
    assert messages(outcome) == [
        'Row 2, column "latitude", value "91": out of range; it must be between -90 and 90',
        'Row 3, column "longitude", value "-180.5": out of range; it must be between -180 and 180',
    ]


def test_validate_only_one_coordinate_is_reported():
    outcome = check("name,kind,latitude,longitude\nA,museum,50.1,\n")
    assert messages(outcome) == ['Row 2, column "latitude", value "50.1": give both latitude and longitude, or neither']


@pytest.mark.parametrize("value", ["museum", "Muzeum", "MUSEUM", "Museum", "muzeum "])
def test_validate_kind_accepts_code_and_labels_in_any_case(value):
    outcome = check(f"name,kind\nA,{value}\n")
    assert outcome.rows[0].organisation["kind"] == "museum"


@pytest.mark.parametrize(
    ("value", "code"), [("škola", "school"), ("Skola", "school"), ("Schule", "school"), ("Verein", "association")]
)
def test_validate_kind_accepts_czech_and_german_words_without_diacritics(value, code):
    assert check(f"name,kind\nA,{value}\n").rows[0].organisation["kind"] == code


def test_validate_unknown_kind_lists_the_allowed_values():
    outcome = check("name,kind\nA,spaceport\n")
    (error,) = outcome.errors
    assert error.column == "kind"
    assert error.reason.startswith("unknown value; use one of: museum (Museum), enterprise (Enterprise), school")
    assert "media (Media)" in error.reason


def test_validate_sectors_split_on_semicolon_comma_and_bar():
    outcome = check('name,kind,sectors,tags\nA,museum,"sklo; porcelain|Bergbau , glass",a|b;c\n')
    assert outcome.rows[0].organisation["sectors"] == ["glass", "porcelain", "mining"]
    assert outcome.rows[0].organisation["tags"] == ["a", "b", "c"]


def test_validate_unknown_sector_is_named_with_the_allowed_ones():
    outcome = check("name,kind,sectors\nA,museum,glass;rockets\n")
    (error,) = outcome.errors
    assert error.reason.startswith("unknown value(s) “rockets”; use any of: mining (Mining), glass (Glass)")


def test_validate_text_too_long_gives_the_limit():
    outcome = check("name,kind,short_name\nA,museum," + "x" * 61 + "\n")
    assert outcome.errors[0].reason == "is 61 characters long; at most 60 fit. Shorten it."


def test_validate_nul_byte_in_any_cell_is_reported():
    outcome = check("name,kind,address\nA,museum,Hlavní\x001\n")
    assert messages(outcome) == [
        'Row 2, column "address", value "Hlavní\\01": contains a NUL byte (\\0), which is not allowed; remove it'
    ]


def test_validate_required_name_and_kind_per_row():
    outcome = check("name,kind\n,museum\nB,\n")
    assert messages(outcome) == [
        'Row 2, column "name", value "": required; fill in the name',
        'Row 3, column "kind", value "": required; fill in the kind',
    ]


def test_validate_more_cells_than_header_is_reported():
    outcome = check("name,kind\nA,museum,extra\n")
    assert messages(outcome) == [
        "Row 2: it has 3 cells but the header has 2 columns; a value probably contains the delimiter without quotes"
    ]


def test_validate_duplicate_rows_in_the_file_name_the_first_row():
    outcome = check("name,kind,town\nPorcelánka a.s.,museum,Karlovy Vary\nPORCELANKA,museum,karlovy vary\n")
    assert messages(outcome) == [
        "Row 3: it describes the same organisation as row 2 (“PORCELANKA”); keep only one of the rows"
    ]


def test_validate_row_matching_an_existing_name_and_town_updates_it():
    existing = Existing(ids={7}, by_key={duplicate_key("Porcelánka", "Karlovy Vary"): 7})
    outcome = check("name,kind,town\nPorcelánka s.r.o.,museum,KARLOVY VARY\nNová,museum,Cheb\n", existing)
    assert [row.existing_id for row in outcome.rows] == [7, None]


def test_validate_id_of_this_region_updates_and_foreign_id_is_ignored():
    existing = Existing(ids={7}, by_key={})
    outcome = check("id,name,kind\n7,Renamed,museum\n99,Other,museum\n", existing)
    assert [row.existing_id for row in outcome.rows] == [7, None]


def test_validate_two_rows_updating_the_same_organisation_are_reported():
    existing = Existing(ids={7}, by_key={duplicate_key("Porcelánka", ""): 7})
    outcome = check("id,name,kind\n7,Renamed,museum\n,Porcelánka,museum\n", existing)
    assert messages(outcome) == [
        "Row 3: it describes the same organisation as row 2 (“Porcelánka”); keep only one of the rows"
    ]


def test_validate_contact_defaults_to_legitimate_interests():
    outcome = check("name,kind,Jméno,Příjmení,contact_email,Funkce\nA,museum,Jana,Nová,jana@example.cz,ředitelka\n")
    row = outcome.rows[0]
    assert row.contact == {
        "first_name": "Jana",
        "last_name": "Nová",
        "email": "jana@example.cz",
        "lawful_basis": "legitimate_interests",
    }
    assert row.role == "ředitelka"


def test_validate_contact_without_last_name_is_reported():
    outcome = check("name,kind,contact_first_name,contact_last_name\nA,museum,Jana,\n")
    assert messages(outcome) == [
        'Row 2, column "contact_last_name", value "": a contact needs a last name; fill in the contact\'s last '
        "name or leave the contact empty"
    ]


def test_validate_consent_needs_a_date_and_labels_are_accepted():
    outcome = check(
        "name,kind,contact_last_name,lawful_basis,consent_date\nA,museum,Nová,Souhlas,\nB,museum,Malá,consent,1.3.2025\n"
    )
    assert messages(outcome) == [
        'Row 2, column "lawful_basis", value "Souhlas": consent needs the date it was given; add a consent date column'
    ]
    assert str(outcome.rows[0].contact["consent_date"]) == "2025-03-01"


def test_validate_booleans_and_levels_in_three_languages():
    outcome = check("name,kind,is_sample,archived,influence,interest\nA,museum,ano,2024-05-01,vysoký,Mittel\n")
    row = outcome.rows[0]
    assert row.organisation["is_sample"] is True
    assert row.archived is True
    assert (row.organisation["influence"], row.organisation["interest"]) == (3, 2)
