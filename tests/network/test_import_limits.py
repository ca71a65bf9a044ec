"""Hostile and broken spreadsheets: refused quickly, with a message naming the limit, nothing stored.

The files are built here as an attacker would build them: a few KB of workbook declaring a million
rows by 16,384 columns, a workbook whose sheet unpacks a thousand times larger (a zip bomb), a CSV of
ten thousand columns, a cell longer than the csv module reads.
"""

import io
import re
import time
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from inducult.core.models import AuditEntry
from inducult.network.models import ImportBatch, Organisation
from inducult.network.services.importing.reading import FileProblem, Limits, check_archive, read_table
from tests.crawl.reading import read

pytestmark = pytest.mark.usefixtures("english")

LIMITS = Limits(rows=200_000, columns=100, cell_chars=32_767, unpacked_bytes=256 * 1024 * 1024)
SHEET = "xl/worksheets/sheet1.xml"


def workbook_bytes(cells: dict[str, str]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for reference, value in cells.items():
        sheet[reference] = value
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def rewritten(data: bytes, member: str, change) -> bytes:
    """The workbook with one member's text changed by ``change``, packed like the rest."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == member:
                content = change(content.decode()).encode()
            target.writestr(info.filename, content, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    return buffer.getvalue()


def refused(data: bytes, name: str, limits: Limits = LIMITS) -> tuple[str, float]:
    started = time.perf_counter()
    with pytest.raises(FileProblem) as problem:
        read_table(data, name, limits=limits)
    return problem.value.message, time.perf_counter() - started


def million_by_16k() -> bytes:
    """A header, one organisation, and a cell in the last row and column Excel has."""
    return workbook_bytes({"A1": "name", "B1": "kind", "A2": "Porcelánka", "B2": "museum", "XFD1048576": "x"})


def test_workbook_declaring_a_million_rows_by_16k_columns_is_refused_in_moments():
    data = million_by_16k()
    assert len(data) < 6000
    assert '<dimension ref="A1:XFD1048576"/>' in zipfile.ZipFile(io.BytesIO(data)).read(SHEET).decode()
    message, seconds = refused(data, "kontakty.xlsx")
    assert message == (
        "This file has more than 200,000 rows; up to 200,000 rows below the header can be imported at once. "
        "Split it into smaller files."
    )
    assert seconds < 2


def test_workbook_hiding_a_far_cell_without_declaring_its_size_is_refused_while_streaming():
    # No <dimension>: nothing to check up front, so rows are read until the first past the limit.
    data = rewritten(million_by_16k(), SHEET, lambda xml: re.sub(r"<dimension [^>]*/>", "", xml))
    assert "<dimension" not in zipfile.ZipFile(io.BytesIO(data)).read(SHEET).decode()
    message, seconds = refused(data, "kontakty.xlsx")
    assert message.startswith("This file has more than 200,000 rows;")
    assert seconds < 2


def test_workbook_hiding_a_far_column_is_refused_naming_the_column_limit():
    data = workbook_bytes({"A1": "name", "A2": "Porcelánka", "XFD2": "x"})
    data = rewritten(data, SHEET, lambda xml: re.sub(r"<dimension [^>]*/>", "", xml))
    message, _seconds = refused(data, "kontakty.xlsx")
    assert message == (
        "This file has more than 100 columns; up to 100 columns can be imported. "
        "Delete the columns you do not need and upload it again."
    )


@pytest.mark.parametrize("cells", [16_385, 300_000])
def test_workbook_row_of_more_cells_than_excel_has_columns_is_refused_before_parsing(cells):
    # openpyxl builds a whole row before handing it over: 2,000,000 cells in one row (3 MB packed,
    # a normal ratio) took 28 s and 1 GB. The sheet's XML is counted first, unparsed.
    row = '<row r="2">' + "".join(f"<c><v>{n * 2_654_435_761 % 1_000_003}</v></c>" for n in range(cells)) + "</row>"
    data = workbook_bytes({"A1": "name"})
    data = rewritten(
        data, SHEET, lambda xml: re.sub(r"<dimension [^>]*/>", "", xml).replace("</row>", "</row>" + row, 1)
    )
    with pytest.raises(FileProblem):
        check_archive(data, LIMITS)  # the count, before openpyxl parses anything
    message, seconds = refused(data, "kontakty.xlsx")
    assert message.startswith("This file has more than 100 columns;")
    assert seconds < 2


def test_workbook_rows_as_wide_as_excel_allows_pass_the_count():
    # A row of 16,384 cells (styled blanks, as a formatted range leaves them) passes the count; the
    # blanks are no columns of data.
    row = '<row r="2"><c r="A2" t="inlineStr"><is><t>A</t></is></c>' + '<c s="0"/>' * 16_383 + "</row>"
    data = workbook_bytes({"A1": "name"})
    data = rewritten(
        data, SHEET, lambda xml: re.sub(r"<dimension [^>]*/>", "", xml).replace("</row>", "</row>" + row, 1)
    )
    assert read_table(data, "kontakty.xlsx", limits=LIMITS).rows == [(2, ["A"])]


def test_workbook_declaring_more_rows_than_the_limit_is_refused_before_reading_a_row():
    data = workbook_bytes({"A1": "name", "A2": "Porcelánka"})
    data = rewritten(data, SHEET, lambda xml: re.sub(r'<dimension ref="[^"]*"/>', '<dimension ref="A1:A12"/>', xml))
    small = Limits(rows=10, columns=100, cell_chars=1000, unpacked_bytes=10**8)
    message, _seconds = refused(data, "kontakty.xlsx", small)
    assert message.startswith("This file has more than 10 rows; up to 10 rows below the header")
    assert read_table(data, "kontakty.xlsx", limits=LIMITS).rows == [(2, ["Porcelánka"])]


def test_zip_bomb_is_refused_from_its_directory_before_parsing():
    # 20 MB of blanks in the sheet pack into ~20 KB: a ratio of ~1,000, where sheets pack 5 to 20 times.
    data = rewritten(million_by_16k(), SHEET, lambda xml: xml.replace("<sheetData>", "<sheetData>" + " " * 20_000_000))
    assert len(data) < 200_000
    message, seconds = refused(data, "kontakty.xlsx")
    assert re.fullmatch(
        r"This workbook is packed far tighter than a spreadsheet can be \(one part unpacks [\d,]+ times larger; "
        r"at most 100 times is accepted\), so it was refused unread\. Open it in Excel or LibreOffice and save it "
        r"again, or save it as CSV\.",
        message,
    )
    assert seconds < 2


def test_workbook_unpacking_past_the_limit_is_refused_naming_the_limit():
    rows = {f"A{n}": f"Organisation {n} with a name long enough to take room" for n in range(1, 40_000)}
    data = workbook_bytes(rows)
    small = Limits(rows=200_000, columns=100, cell_chars=32_767, unpacked_bytes=1024 * 1024)
    message, _seconds = refused(data, "kontakty.xlsx", small)
    assert re.fullmatch(
        r"This workbook unpacks to [\d.]+\xa0MB; workbooks that unpack to up to 1\.0\xa0MB can be imported\. "
        r"Split it into smaller files\.",
        message,
    )
    assert len(read_table(data, "kontakty.xlsx", limits=LIMITS).rows) == 39_998


def test_csv_of_ten_thousand_columns_is_refused_naming_the_column_limit():
    data = (",".join(f"c{n}" for n in range(10_000)) + "\n" + ",".join("x" for _ in range(10_000)) + "\n").encode()
    message, seconds = refused(data, "kontakty.csv")
    assert message.startswith("This file has more than 100 columns; up to 100 columns can be imported.")
    assert seconds < 2


def test_csv_with_more_rows_than_the_limit_is_refused():
    data = ("name,kind\n" + "A,museum\n" * 11).encode()
    small = Limits(rows=10, columns=100, cell_chars=1000, unpacked_bytes=10**8)
    message, _seconds = refused(data, "kontakty.csv", small)
    assert message.startswith("This file has more than 10 rows;")
    assert len(read_table(("name,kind\n" + "A,museum\n" * 10).encode(), "kontakty.csv", limits=small).rows) == 10


@pytest.mark.parametrize("length", [32_768, 131_073, 1_000_000])
def test_csv_cell_longer_than_the_limit_is_refused_with_its_row(length):
    data = ("name,kind,notes\nA,museum,short\nB,school," + "x" * length + "\n").encode()
    message, _seconds = refused(data, "kontakty.csv")
    assert message == (
        "A cell in row 3 holds more than 32,767 characters, the most one cell may hold. "
        "Shorten it and upload the file again."
    )


def test_workbook_cell_longer_than_the_limit_is_refused_with_its_row():
    # openpyxl cuts what it writes at Excel's 32,767 characters; another program might not.
    data = workbook_bytes({"A1": "name", "A2": "A", "A3": "LONG"})
    data = rewritten(data, SHEET, lambda xml: xml.replace("LONG", "x" * 40_000))
    message, _seconds = refused(data, "kontakty.xlsx")
    assert message.startswith("A cell in row 3 holds more than 32,767 characters")


def test_cell_at_the_limit_is_read():
    data = ("name,notes\nA," + "x" * 32_767 + "\n").encode()
    assert read_table(data, "kontakty.csv", limits=LIMITS).rows[0][1][1] == "x" * 32_767


def test_limits_come_from_the_settings(settings):
    settings.INDUCULT_IMPORT_MAX_COLUMNS = 20
    data = (",".join(f"c{n}" for n in range(21)) + "\n" + ",".join("x" for _ in range(21)) + "\n").encode()
    with pytest.raises(FileProblem, match="more than 20 columns"):
        read_table(data, "kontakty.csv")


# Through the upload form, as the person meets it.


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("kontakty.xlsx", million_by_16k, "This file has more than 200,000 rows;"),
        (
            "kontakty.xlsx",
            lambda: rewritten(
                million_by_16k(), SHEET, lambda x: x.replace("<sheetData>", "<sheetData>" + " " * 20_000_000)
            ),
            "This workbook is packed far tighter than a spreadsheet can be",
        ),
        (
            "kontakty.csv",
            lambda: ("a," * 9_999 + "a\n" + "x," * 9_999 + "x\n").encode(),
            "This file has more than 100 columns",
        ),
        ("kontakty.csv", lambda: ("name,notes\nA," + "x" * 140_000 + "\n").encode(), "A cell in row 2 holds more"),
    ],
)
@pytest.mark.usefixtures("english_client")
def test_upload_of_a_hostile_file_shows_the_limit_and_stores_nothing(
    coordinator_client, region, media, name, content, message
):
    url = reverse("network:import_upload", args=[region.slug])
    upload = SimpleUploadedFile(name, content())
    started = time.perf_counter()
    response = coordinator_client.post(url, {"file": upload, "encoding": "auto"})
    assert time.perf_counter() - started < 2
    assert response.status_code == 200
    [error] = response.context["form"].errors["file"]
    assert error.startswith(message)
    assert error in read(response.content.decode()).texts
    assert ImportBatch.objects.count() == 0
    assert Organisation.objects.count() == 0
    assert not AuditEntry.objects.exists()
    assert not media.exists() or not any(p.is_file() for p in media.rglob("*"))
