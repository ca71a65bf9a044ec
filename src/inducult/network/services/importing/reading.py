"""Reading a spreadsheet file: bytes in, header and rows of text out (no database).

Every way a file can be unreadable ends in a ``FileProblem`` whose message tells the person what
to do; nothing further down the pipeline has to guess about encodings or file types.

A file is read within ``Limits`` (rows, columns, characters in a cell, the size a workbook unpacks
to): a workbook's archive (sizes, compression ratios), its sheets' XML (cells per row, counted
unparsed) and its sheet's declared size are checked before any cell is read, and rows are read one
at a time, stopping at the first one past a limit. So a hostile or broken file (a
few KB declaring a million rows, a zip bomb, ten thousand columns, a cell of a million characters)
is refused in moments with a message naming the limit, never parsed whole.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
import warnings
import zipfile
from dataclasses import dataclass, field

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inducult.core.opendata import FORMULA_STARTS

ENCODINGS = [
    ("auto", gettext_lazy("Detect automatically (UTF-8, otherwise Windows-1250)")),
    ("utf-8", gettext_lazy("UTF-8")),
    ("cp1250", gettext_lazy("Windows-1250 (Czech and Central European Windows)")),
    ("iso-8859-2", gettext_lazy("ISO-8859-2 (Latin 2)")),
    ("windows-1252", gettext_lazy("Windows-1252 (Western European Windows)")),
]
ENCODING_CODES = [code for code, _label in ENCODINGS]
DELIMITERS = [",", ";", "\t"]
DELIMITER_NAMES = {",": gettext_lazy("comma"), ";": gettext_lazy("semicolon"), "\t": gettext_lazy("tab")}
EXTENSIONS = (".csv", ".xlsx")

# Signatures of files people upload by mistake: each gets its own hint.
_PNG = b"\x89PNG"
_JPEG = b"\xff\xd8\xff"
_GIF = b"GIF8"
_PDF = b"%PDF"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old binary Office files: .xls, .doc
_ZIP = b"PK\x03\x04"
_GZIP = b"\x1f\x8b"
_BINARY = (_PNG, _JPEG, _GIF, _PDF, _GZIP)

# Spreadsheet XML compresses about 5 to 20 times; a member packed far tighter than this is a zip bomb.
# Small members (a theme, styles) may pack tighter and cost nothing to read, so only members that
# unpack to more than RATIO_FLOOR bytes are held to it.
MAX_RATIO = 100
RATIO_FLOOR = 1024 * 1024
# openpyxl holds a whole row in memory before handing it over, so a sheet's rows are counted in its
# XML first: no real row has more cells than Excel's columns (16,384), a hostile one may have millions.
MAX_CELLS_IN_A_ROW = 16_384
_ROW_START = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row[\s>/]")
_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """How much of a file is read: data rows below the header, columns, characters in one cell,
    and bytes a workbook's members unpack to (together)."""

    rows: int
    columns: int
    cell_chars: int
    unpacked_bytes: int
    ratio: int = MAX_RATIO

    @classmethod
    def from_settings(cls) -> Limits:
        return cls(
            rows=settings.INDUCULT_IMPORT_MAX_ROWS,
            columns=settings.INDUCULT_IMPORT_MAX_COLUMNS,
            cell_chars=settings.INDUCULT_IMPORT_MAX_CELL_CHARS,
            unpacked_bytes=settings.INDUCULT_IMPORT_MAX_UNPACKED_BYTES,
        )


class FileProblem(Exception):
    """The file cannot be read as a spreadsheet; ``message`` says why and what to do."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass
class Table:
    """A spreadsheet as text: ``rows`` pairs each data row with its number as the user sees it
    (the header is row 1)."""

    header: list[str]
    rows: list[tuple[int, list[str]]]
    file_type: str  # "csv" or "xlsx"
    encoding: str = ""
    delimiter: str = ""
    sheet: str = ""
    columns: list[str] = field(init=False)

    def __post_init__(self):
        # A blank header cell still needs a name the person can find in their file.
        self.columns = [h or _("column %(number)s") % {"number": i + 1} for i, h in enumerate(self.header)]


def not_a_spreadsheet(detail: str = "") -> FileProblem:
    text = _(
        "This file is not a CSV or XLSX spreadsheet. In Excel or LibreOffice choose “Save as” and pick "
        "“Excel workbook (.xlsx)” or “CSV (comma or semicolon separated)”, then upload that file."
    )
    return FileProblem(f"{text} {detail}".strip())


def check_size(size: int, limit: int) -> None:
    if size > limit:
        raise FileProblem(
            _("This file is %(size)s; files up to %(limit)s can be imported. Split it into smaller files.")
            % {"size": filesizeformat(size), "limit": filesizeformat(limit)}
        )


def _number(value: int) -> str:
    return number_format(value, force_grouping=True)


def too_many_rows(limits: Limits) -> FileProblem:
    return FileProblem(
        _(
            "This file has more than %(limit)s rows; up to %(limit)s rows below the header can be imported at once. "
            "Split it into smaller files."
        )
        % {"limit": _number(limits.rows)}
    )


def too_many_columns(limits: Limits) -> FileProblem:
    return FileProblem(
        _(
            "This file has more than %(limit)s columns; up to %(limit)s columns can be imported. "
            "Delete the columns you do not need and upload it again."
        )
        % {"limit": _number(limits.columns)}
    )


def cell_too_long(row: int, limits: Limits) -> FileProblem:
    return FileProblem(
        _(
            "A cell in row %(row)s holds more than %(limit)s characters, the most one cell may hold. "
            "Shorten it and upload the file again."
        )
        % {"row": _number(row), "limit": _number(limits.cell_chars)}
    )


def _check_record(number: int, cells: list[str], limits: Limits) -> None:
    """Raise FileProblem if the ``number``-th row of a file (the header is row 1) is past a limit."""
    if number > limits.rows + 1:
        raise too_many_rows(limits)
    if len(cells) > limits.columns:
        raise too_many_columns(limits)
    if cells and max(map(len, cells)) > limits.cell_chars:
        raise cell_too_long(number, limits)


def read_table(data: bytes, file_name: str, encoding: str = "auto", limits: Limits | None = None) -> Table:
    """Read a CSV or XLSX file within ``limits`` (the settings' by default); raise ``FileProblem`` for
    anything that is not a usable table."""
    limits = limits or Limits.from_settings()
    name = file_name.lower()
    if not name.endswith(EXTENSIONS):
        raise not_a_spreadsheet(_("The file name must end in .csv or .xlsx."))
    head = data[:8]
    if head.startswith(_OLE):
        raise not_a_spreadsheet(_("It looks like an old Excel file (.xls); save it as .xlsx instead."))
    if head.startswith(_BINARY):
        raise not_a_spreadsheet(_("Its content is a picture, PDF or archive, not a table."))
    if name.endswith(".xlsx"):
        if not head.startswith(_ZIP):
            raise not_a_spreadsheet(_("Its name ends in .xlsx but its content is not an Excel workbook."))
        table = _read_xlsx(data, limits)
    else:
        if head.startswith(_ZIP):
            raise not_a_spreadsheet(
                _("Its name ends in .csv but it is a zip or Excel workbook; rename it to .xlsx if it is one.")
            )
        table = _read_csv(data, encoding, limits)
    if not table.header:
        raise FileProblem(_("The file is empty. Put the column names in the first row and one organisation per row."))
    if not table.rows:
        raise FileProblem(
            _("The file has a header row but no data rows. Add one organisation per row below the header.")
        )
    return table


def decode(data: bytes, encoding: str) -> tuple[str, str]:
    """The text and the encoding that read it. Auto tries UTF-8 (with or without BOM), then
    Windows-1250, the encoding Czech Excel saves CSV in."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # Excel's "Unicode text" export is UTF-16 with a byte-order mark, whatever was chosen.
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise not_a_spreadsheet() from None
    if encoding not in ENCODING_CODES:
        raise FileProblem(_("Unknown encoding %(encoding)s.") % {"encoding": encoding})
    candidates = ["utf-8-sig", "cp1250"] if encoding == "auto" else [encoding]
    for candidate in candidates:
        try:
            text = data.decode("utf-8-sig" if candidate == "utf-8" else candidate)
        except UnicodeDecodeError as error:
            last_error = error
            continue
        used = "utf-8" if candidate == "utf-8-sig" else candidate
        return text, used
    line = data[: last_error.start].count(b"\n") + 1
    raise FileProblem(
        _(
            "The file could not be read as %(encoding)s text (the first unreadable character is on line %(line)s). "
            "Choose the encoding it was saved in, or save it again as “CSV UTF-8”."
        )
        % {"encoding": candidates[-1], "line": line}
    )


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    if not sample:
        return False
    control = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\r\n")
    # A stray NUL in a cell is reported per row later; a file full of control characters is not text.
    return control > max(8, len(sample) // 50)


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first lines into the most, consistent columns; comma on a tie."""
    lines = text.splitlines()[:50]
    sample = "\n".join(lines)
    best, best_score = ",", (0, 0)
    for delimiter in DELIMITERS:
        try:
            rows = [r for r in csv.reader(io.StringIO(sample), delimiter=delimiter) if any(c.strip() for c in r)]
        except csv.Error:
            # A field over the csv module's size limit: reading the file says so, with its row.
            continue
        if not rows:
            continue
        width = len(rows[0])
        consistent = sum(1 for r in rows if len(r) == width)
        score = (width, consistent) if width > 1 else (1, 0)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _read_csv(data: bytes, encoding: str, limits: Limits) -> Table:
    text, used = decode(data, encoding)
    if _looks_binary(text):
        raise not_a_spreadsheet(_("Its content is not text."))
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records = []
    try:
        for cells in reader:
            _check_record(len(records) + 1, cells, limits)
            records.append(cells)
    except csv.Error as error:
        if "field larger than field limit" in str(error):
            # The csv module's own cap (131,072 characters) is above ours, so the cell is too long.
            raise cell_too_long(len(records) + 1, limits) from None
        raise FileProblem(
            _("The CSV file is malformed (%(error)s). Open it in a spreadsheet program and save it again as CSV.")
            % {"error": error}
        ) from None
    return _table(records, "csv", encoding=used, delimiter=delimiter)


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        # Excel stores every number as a float; a phone number or id must not gain ".0".
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def check_archive(data: bytes, limits: Limits) -> None:
    """Refuse a workbook whose members would unpack to more than the limit, or any large member
    packed tighter than spreadsheets are (a zip bomb), from the sizes its directory declares. Python's
    zipfile never unpacks more than a member declares, so these sizes bound the reading."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise not_a_spreadsheet(_("It could not be opened as an Excel workbook.")) from None
    unpacked = 0
    for member in members:
        unpacked += member.file_size
        if member.file_size > RATIO_FLOOR and member.file_size > limits.ratio * max(member.compress_size, 1):
            raise FileProblem(
                _(
                    "This workbook is packed far tighter than a spreadsheet can be (one part unpacks %(ratio)s "
                    "times larger; at most %(limit)s times is accepted), so it was refused unread. Open it in "
                    "Excel or LibreOffice and save it again, or save it as CSV."
                )
                % {"ratio": _number(member.file_size // max(member.compress_size, 1)), "limit": _number(limits.ratio)}
            )
    if unpacked > limits.unpacked_bytes:
        raise FileProblem(
            _(
                "This workbook unpacks to %(size)s; workbooks that unpack to up to %(limit)s can be imported. "
                "Split it into smaller files."
            )
            % {"size": filesizeformat(unpacked), "limit": filesizeformat(limits.unpacked_bytes)}
        )
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for member in members:
            if "worksheets/" in member.filename and member.filename.endswith(".xml"):
                _check_cells_per_row(archive, member, limits)


def _cells(text: bytes) -> int:
    # Cell start tags, plain or with a namespace prefix ("<c r=…>", "<x:c>"); a stray ":c " in a text
    # only counts one cell too many.
    return text.count(b"<c ") + text.count(b"<c>") + text.count(b":c ") + text.count(b":c>")


def _check_cells_per_row(archive: zipfile.ZipFile, member: zipfile.ZipInfo, limits: Limits) -> None:
    """Refuse a sheet with a row of more than MAX_CELLS_IN_A_ROW cells, reading its XML in chunks
    (a tag cut by a chunk's end is carried to the next) without parsing it."""
    cells, carry = 0, b""
    try:
        with archive.open(member) as stream:
            while chunk := stream.read(_CHUNK):
                text = carry + chunk
                cut = text.rfind(b"<")
                text, carry = (text[:cut], text[cut:]) if cut > 0 else (text, b"")
                pieces = _ROW_START.split(text)
                for piece in pieces[:-1]:
                    if cells + _cells(piece) > MAX_CELLS_IN_A_ROW:
                        raise too_many_columns(limits)
                    cells = 0
                cells += _cells(pieces[-1])
                if cells > MAX_CELLS_IN_A_ROW:
                    raise too_many_columns(limits)
            if cells + _cells(carry) > MAX_CELLS_IN_A_ROW:
                raise too_many_columns(limits)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise not_a_spreadsheet(_("It could not be opened as an Excel workbook.")) from None


def _read_xlsx(data: bytes, limits: Limits) -> Table:
    from openpyxl import load_workbook

    check_archive(data, limits)
    try:
        with warnings.catch_warnings():
            # openpyxl warns about styles and extensions it ignores; they do not matter for data.
            warnings.simplefilter("ignore")
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            try:
                sheet = workbook.active or workbook.worksheets[0]
                records = _sheet_records(sheet, limits)
                title = sheet.title
            finally:
                workbook.close()
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError, IndexError):
        raise not_a_spreadsheet(_("It could not be opened as an Excel workbook.")) from None
    return _table(records, "xlsx", sheet=title)


def _sheet_records(sheet, limits: Limits) -> list[list[str]]:
    """The rows of a read-only sheet as text, within ``limits``.

    The size the sheet declares (``<dimension ref="A1:XFD1048576">``) is checked first. Then rows are
    read one by one, each as wide as its last cell (at most Excel's 16,384 columns), ignoring the
    declared size so a sheet cannot hide rows or columns beyond it; reading stops at the first row
    past a limit, so a sheet with a cell in row 1,048,576 costs no more than one with a cell just
    below the limit.
    """
    declared_rows, declared_columns = sheet.max_row, sheet.max_column
    if declared_rows and declared_rows > limits.rows + 1:
        raise too_many_rows(limits)
    if declared_columns and declared_columns > limits.columns:
        raise too_many_columns(limits)
    sheet.reset_dimensions()
    records = []
    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        if values.count(None) == len(values):
            cells = []  # a blank row (or one of the gap before a far row): counted, nothing to convert
        else:
            values = list(values)
            while values[-1] is None:
                values.pop()
            cells = [_cell_text(v) for v in values]
        _check_record(number, cells, limits)
        records.append(cells)
    return records


def _unquoted(cell: str) -> str:
    """A cell's text without surrounding blanks and without the apostrophe our exports (and people
    typing in Excel) put before text that would otherwise run as a formula: the export reads back
    as it was written."""
    cell = cell.strip()
    if cell[:1] == "'" and cell[1:2] and cell[1] in FORMULA_STARTS:
        return cell[1:].strip()
    return cell


def _table(records: list[list[str]], file_type: str, **extra) -> Table:
    numbered = [
        (number, [_unquoted(c) if "'" in c else c.strip() for c in cells])
        for number, cells in enumerate(records, start=1)
    ]
    # Leading blank rows are skipped (the header is the first row with text); trailing blank
    # rows and trailing empty cells are spreadsheet noise.
    while numbered and not any(numbered[0][1]):
        numbered.pop(0)
    while numbered and not any(numbered[-1][1]):
        numbered.pop()
    if not numbered:
        return Table(header=[], rows=[], file_type=file_type, **extra)
    header = numbered[0][1]
    while header and not header[-1]:
        header.pop()
    rows = [(number, cells) for number, cells in numbered[1:] if any(cells)]
    return Table(header=header, rows=rows, file_type=file_type, **extra)
