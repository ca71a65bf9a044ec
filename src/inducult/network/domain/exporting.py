"""Writers for the registry's downloads: CSV, XLSX and vCard (pure: records in, bytes or text out).

The column names are a contract shared with the import (network.services.importing), so an export can be
edited in a spreadsheet and read back unchanged. Codes (kind, sector, position) are written rather
than translated labels for the same reason.

No text cell runs as a formula in a spreadsheet program (an editor can name an organisation
``=HYPERLINK(…)``): the CSV prefixes text starting with ``= + - @`` (or a tab or CR) with an apostrophe,
as the open data does (``core.opendata.csv_safe``), and the import takes the apostrophe off again;
the XLSX stores such text as a string cell, which Excel and LibreOffice never evaluate.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any

import vobject
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from inducult.core.opendata import csv_safe

EXPORT_COLUMNS: tuple[str, ...] = (
    "id",
    "name",
    "short_name",
    "kind",
    "sectors",
    "town",
    "address",
    "latitude",
    "longitude",
    "website",
    "email",
    "phone",
    "tags",
    "influence",
    "interest",
    "position",
    "archived",
    "is_sample",
    "source",
)
LIST_SEPARATOR = "; "
YES, NO = "yes", "no"
UTF8_BOM = "\ufeff"


def organisation_values(org) -> list[Any]:
    """One organisation as typed cell values in EXPORT_COLUMNS order (None for unknown numbers)."""
    return [
        org.pk,
        org.name,
        org.short_name,
        org.kind,
        LIST_SEPARATOR.join(org.sectors),
        org.town,
        org.address,
        org.latitude,
        org.longitude,
        org.website,
        org.email,
        org.phone,
        LIST_SEPARATOR.join(org.tags),
        org.influence,
        org.interest,
        org.position,
        YES if org.archived_at else NO,
        YES if org.is_sample else NO,
        org.source,
    ]


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        # Strip trailing zeros of the stored six decimals, but never into exponent notation.
        return format(value.normalize(), "f") if value else "0"
    return str(value)


def organisation_text_row(org) -> list[str]:
    """One organisation as CSV cells: text safe from formulas, numbers as they are."""
    return [csv_safe(v) if isinstance(v, str) else _text(v) for v in organisation_values(org)]


class _Echo:
    """A file-like object whose write returns the line, for streaming csv output."""

    def write(self, value: str) -> str:
        return value


def csv_lines(organisations: Iterable) -> Iterator[str]:
    """The CSV file line by line, starting with a BOM so Excel reads Czech letters as UTF-8."""
    writer = csv.writer(_Echo())
    yield UTF8_BOM + writer.writerow(EXPORT_COLUMNS)
    for org in organisations:
        yield writer.writerow(organisation_text_row(org))


def organisations_csv(organisations: Iterable) -> str:
    return "".join(csv_lines(organisations))


def organisations_xlsx(organisations: Iterable, *, title: str = "organisations") -> bytes:
    # A write-only workbook streams rows to disk instead of holding a cell object per value.
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    sheet.append(list(EXPORT_COLUMNS))
    for org in organisations:
        sheet.append([_xlsx_cell(sheet, v) for v in organisation_values(org)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _xlsx_cell(sheet, value: Any) -> Any:
    """A value for a write-only sheet's row; text openpyxl would store as a formula (it starts with
    ``=``) becomes a string cell, shown and read back as the text it is."""
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, str) and value.startswith("="):
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"
        return cell
    return value


def person_vcard(person, memberships: Iterable = ()) -> str:
    """One person as a vCard 3.0; ORG and TITLE repeat for each current membership."""
    card = vobject.vCard()
    card.add("fn").value = str(person)
    card.add("n").value = vobject.vcard.Name(
        family=person.last_name, given=person.first_name, prefix=person.title or ""
    )
    if person.email:
        email = card.add("email")
        email.value = person.email
        email.type_param = "INTERNET"
    if person.phone:
        tel = card.add("tel")
        tel.value = person.phone
        tel.type_param = "WORK"
    for membership in memberships:
        card.add("org").value = [membership.organisation.name]
        if membership.role:
            card.add("title").value = membership.role
    return card.serialize()


def people_vcards(people_with_memberships: Iterable[tuple[Any, Iterable]]) -> str:
    return "".join(person_vcard(person, memberships) for person, memberships in people_with_memberships)
