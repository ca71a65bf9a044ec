"""Reading a spreadsheet file: bytes in, header and rows of text out (no database).

Every way a file can be unreadable ends in a ``FileProblem`` whose message tells the person what
to do; nothing further down the pipeline has to guess about encodings or file types.
"""

from __future__ import annotations

import csv
import datetime
import io
import warnings
import zipfile
from dataclasses import dataclass, field

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

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


def read_table(data: bytes, file_name: str, encoding: str = "auto") -> Table:
    """Read a CSV or XLSX file; raise ``FileProblem`` for anything that is not a usable table."""
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
        table = _read_xlsx(data)
    else:
        if head.startswith(_ZIP):
            raise not_a_spreadsheet(
                _("Its name ends in .csv but it is a zip or Excel workbook; rename it to .xlsx if it is one.")
            )
        table = _read_csv(data, encoding)
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
        rows = [r for r in csv.reader(io.StringIO(sample), delimiter=delimiter) if any(c.strip() for c in r)]
        if not rows:
            continue
        width = len(rows[0])
        consistent = sum(1 for r in rows if len(r) == width)
        score = (width, consistent) if width > 1 else (1, 0)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _read_csv(data: bytes, encoding: str) -> Table:
    text, used = decode(data, encoding)
    if _looks_binary(text):
        raise not_a_spreadsheet(_("Its content is not text."))
    delimiter = sniff_delimiter(text)
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as error:
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


def _read_xlsx(data: bytes) -> Table:
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            # openpyxl warns about styles and extensions it ignores; they do not matter for data.
            warnings.simplefilter("ignore")
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            try:
                sheet = workbook.active or workbook.worksheets[0]
                records = [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
                title = sheet.title
            finally:
                workbook.close()
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError, IndexError):
        raise not_a_spreadsheet(_("It could not be opened as an Excel workbook.")) from None
    return _table(records, "xlsx", sheet=title)


def _table(records: list[list[str]], file_type: str, **extra) -> Table:
    numbered = [(number, [c.strip() for c in cells]) for number, cells in enumerate(records, start=1)]
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
