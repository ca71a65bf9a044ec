"""Reading spreadsheets: encodings, delimiters, XLSX and every kind of unusable file (pure)."""

import io
import zipfile

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook

from inducult.core import text as core_text
from inducult.network.services.importing import folding
from inducult.network.services.importing.reading import FileProblem, check_size, read_table

HEADER = "Název;Druh;Obec\n"
ROW = "Porcelánka;Muzeum;Karlovy Vary\n"


pytestmark = pytest.mark.usefixtures("english")


def xlsx_bytes(rows) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Kontakty"
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_read_table_utf8_with_bom_reads_czech_letters():
    table = read_table(("\ufeff" + HEADER + ROW).encode("utf-8"), "list.csv")
    assert table.header == ["Název", "Druh", "Obec"]
    assert table.rows == [(2, ["Porcelánka", "Muzeum", "Karlovy Vary"])]
    assert table.encoding == "utf-8"


def test_read_table_utf8_without_bom_reads_czech_letters():
    table = read_table((HEADER + ROW).encode("utf-8"), "list.csv")
    assert table.rows[0][1][0] == "Porcelánka"
    assert table.encoding == "utf-8"


def test_read_table_cp1250_is_detected_and_reads_czech_letters():
    table = read_table((HEADER + "Sklárna Moser;Podnik;Karlovy Vary\n" + ROW).encode("cp1250"), "list.csv")
    assert table.encoding == "cp1250"
    assert [cells[0] for _n, cells in table.rows] == ["Sklárna Moser", "Porcelánka"]


def test_read_table_encoding_override_reads_iso_8859_2():
    data = (HEADER + "Šindelárna;Podnik;Žlutice\n").encode("iso-8859-2")
    table = read_table(data, "list.csv", "iso-8859-2")
    assert table.rows[0][1] == ["Šindelárna", "Podnik", "Žlutice"]
    assert table.encoding == "iso-8859-2"


def test_read_table_wrong_encoding_override_says_which_line_and_what_to_do():
    data = ("name,kind\nA,museum\n" + "Porcelánka,museum\n").encode("cp1250")
    with pytest.raises(FileProblem) as error:
        read_table(data, "list.csv", "utf-8")
    assert "could not be read as utf-8 text" in error.value.message
    assert "line 3" in error.value.message
    assert "Choose the encoding" in error.value.message


def test_read_table_semicolon_delimiter_is_sniffed():
    table = read_table(b"name;kind;town\nA, s.r.o.;museum;Cheb\n", "list.csv")
    assert table.delimiter == ";"
    assert table.rows == [(2, ["A, s.r.o.", "museum", "Cheb"])]


def test_read_table_comma_delimiter_with_quoted_semicolon_is_sniffed():
    table = read_table(b'name,kind,town\n"Muzeum; depot",museum,Cheb\n', "list.csv")
    assert table.delimiter == ","
    assert table.rows[0][1] == ["Muzeum; depot", "museum", "Cheb"]


def test_read_table_tab_delimiter_is_sniffed():
    table = read_table(b"name\tkind\tsectors\nA\tmuseum\tglass, mining\n", "list.csv")
    assert table.delimiter == "\t"
    assert table.rows[0][1] == ["A", "museum", "glass, mining"]


def test_read_table_keeps_spreadsheet_row_numbers_across_blank_rows():
    table = read_table(b"name,kind\nA,museum\n,\nB,school\n\n\n", "list.csv")
    assert table.rows == [(2, ["A", "museum"]), (4, ["B", "school"])]


def test_read_table_xlsx_round_trip_reads_values_as_text():
    data = xlsx_bytes([["Název", "Druh", "Zeměpisná šířka", "Telefon"], ["Porcelánka", "Muzeum", 50.23, 420123456789]])
    table = read_table(data, "Kontakty.XLSX")
    assert table.file_type == "xlsx"
    assert table.sheet == "Kontakty"
    assert table.header == ["Název", "Druh", "Zeměpisná šířka", "Telefon"]
    assert table.rows == [(2, ["Porcelánka", "Muzeum", "50.23", "420123456789"])]


def test_read_table_png_renamed_to_csv_is_refused():
    with pytest.raises(FileProblem) as error:
        read_table(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "photo.csv")
    assert error.value.message.startswith("This file is not a CSV or XLSX spreadsheet.")
    assert "picture" in error.value.message


def test_read_table_old_binary_xls_is_refused_with_a_hint():
    with pytest.raises(FileProblem) as error:
        read_table(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 200, "old.xlsx")
    assert "old Excel file (.xls); save it as .xlsx" in error.value.message


def test_read_table_xlsx_that_is_not_a_zip_is_refused():
    with pytest.raises(FileProblem) as error:
        read_table(b"name,kind\nA,museum\n", "list.xlsx")
    assert "not an Excel workbook" in error.value.message


def test_read_table_zip_that_is_no_workbook_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(FileProblem) as error:
        read_table(buffer.getvalue(), "list.xlsx")
    assert "could not be opened as an Excel workbook" in error.value.message


def test_read_table_other_extension_is_refused():
    with pytest.raises(FileProblem) as error:
        read_table(b"name,kind\nA,museum\n", "list.xls")
    assert "must end in .csv or .xlsx" in error.value.message


def test_read_table_binary_content_named_csv_is_refused():
    with pytest.raises(FileProblem) as error:
        read_table(bytes(range(1, 32)) * 200, "data.csv")
    assert "not text" in error.value.message


def test_read_table_empty_file_is_refused():
    with pytest.raises(FileProblem) as error:
        read_table(b"", "list.csv")
    assert error.value.message.startswith("The file is empty.")


def test_read_table_header_only_is_refused():
    with pytest.raises(FileProblem) as error:
        read_table(b"name;kind\n\n", "list.csv")
    assert error.value.message.startswith("The file has a header row but no data rows.")


def test_read_table_empty_xlsx_is_refused():
    with pytest.raises(FileProblem) as error:
        read_table(xlsx_bytes([]), "list.xlsx")
    assert error.value.message.startswith("The file is empty.")


def test_read_table_nul_in_a_cell_is_left_for_row_validation():
    table = read_table(b"name,kind\nA\x00B,museum\n", "list.csv")
    assert table.rows == [(2, ["A\x00B", "museum"])]


def test_check_size_over_limit_names_the_limit():
    check_size(1024, 1024)
    with pytest.raises(FileProblem) as error:
        check_size(21 * 1024 * 1024, 20 * 1024 * 1024)
    # filesizeformat keeps number and unit together with a no-break space.
    assert error.value.message == (
        "This file is 21.0\xa0MB; files up to 20.0\xa0MB can be imported. Split it into smaller files."
    )


@given(st.text())
def test_fast_fold_equals_core_fold_on_any_text(text):
    assert folding.fold(text) == core_text.fold(text)
    assert folding.normalised_name(text) == core_text.normalised_name(text)
    assert folding.search_part(text) == core_text.search_key(text)
