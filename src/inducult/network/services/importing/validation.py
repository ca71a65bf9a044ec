"""Checking every row before anything is written (no database: the registry's state comes in as ``Existing``).

A row becomes either a ``CleanRow`` (values ready for the model) or one or more ``RowError``s that
name the row as the spreadsheet numbers it, the column by the file's header, the value and the
reason. Two rows describing the same organisation are caught here too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from typing import Any

from django.utils.translation import gettext as _

from inducult.network.enums import LawfulBasis, Level, OrganisationKind, Position, Sector
from inducult.network.models import Membership, Organisation, Person
from inducult.network.services.importing import values
from inducult.network.services.importing.folding import fold, normalised_name
from inducult.network.services.importing.mapping import TARGETS
from inducult.network.services.importing.reading import Table

SHOWN_VALUE_LENGTH = 80


@dataclass(frozen=True)
class RowError:
    row: int
    column: str  # the file's header; empty for a problem of the whole row
    value: str
    reason: str

    @property
    def shown_value(self) -> str:
        # A NUL would vanish on screen, exactly where the person needs to see it.
        shown = self.value.replace("\x00", "\\0")
        return shown if len(shown) <= SHOWN_VALUE_LENGTH else shown[: SHOWN_VALUE_LENGTH - 1] + "…"

    def __str__(self) -> str:
        if self.column:
            return _('Row %(row)s, column "%(column)s", value "%(value)s": %(reason)s') % {
                "row": self.row,
                "column": self.column,
                "value": self.shown_value,
                "reason": self.reason,
            }
        return _("Row %(row)s: %(reason)s") % {"row": self.row, "reason": self.reason}


@dataclass
class CleanRow:
    row: int
    organisation: dict[str, Any]
    contact: dict[str, Any] | None = None
    role: str = ""
    archived: bool | None = None
    name_key: str = ""
    existing_id: int | None = None  # the organisation this row updates, if any


@dataclass
class Existing:
    """What validation needs to know of the region's registry, loaded in one query."""

    ids: set[int] = field(default_factory=set)
    by_key: dict[tuple[str, str], int] = field(default_factory=dict)
    names: dict[int, str] = field(default_factory=dict)


@dataclass
class Outcome:
    rows: list[CleanRow]
    errors: list[RowError]
    row_count: int
    invalid_rows: int

    @property
    def valid_count(self) -> int:
        return len(self.rows)

    @property
    def is_valid(self) -> bool:
        return not self.errors


def duplicate_key(name: str, town: str) -> tuple[str, str]:
    """The same identity as ``services.organisations.possible_duplicates``."""
    return normalised_name(name), fold(town or "").strip()


def _max_length(model, name: str) -> int | None:
    return model._meta.get_field(name).max_length


ORG_TEXT = ("name", "short_name", "town", "address", "phone", "source", "description")
CONTACT_TEXT = {"contact_title": "title", "contact_first_name": "first_name", "contact_last_name": "last_name"}
CONTACT_CODES = ("contact_title", "contact_first_name", "contact_last_name", "contact_email", "contact_phone")
ORG, CONTACT, META = 0, 1, 2


def _bounded_list(parse, max_length: int):
    def check(value: str) -> list:
        items = parse(value)
        if len("," + ",".join(items) + ",") > max_length:
            raise values.BadValue(_("the list is too long; shorten it"))
        return items

    return check


class RowValidator:
    """Checks rows one by one, remembering earlier rows to catch duplicates within the file."""

    def __init__(self, table: Table, mapping: list[str], existing: Existing):
        self.existing = existing
        self.columns = {code: index for index, code in enumerate(mapping) if code}
        self.names = table.columns
        self.width = len(table.header)
        self.seen_keys: dict[tuple[str, str], int] = {}
        self.seen_ids: dict[int, int] = {}
        # One step per mapped column, resolved once: a large file calls them hundreds of thousands of times.
        parsers = self._parsers(values.Vocabulary())
        self.steps = [(index, self.names[index], *parsers[code]) for code, index in self.columns.items()]

    @staticmethod
    def _parsers(words: values.Vocabulary) -> dict[str, tuple]:
        def text(model, name):
            return partial(values.text, max_length=_max_length(model, name))

        parsers: dict[str, tuple] = {name: (text(Organisation, name), ORG, name) for name in ORG_TEXT}
        parsers.update(
            {code: (text(Person, name), CONTACT, name) for code, name in CONTACT_TEXT.items()},
            kind=(partial(values.choice, table=words.kinds, choices=OrganisationKind), ORG, "kind"),
            sectors=(
                _bounded_list(
                    partial(values.choice_list, table=words.sectors, choices=Sector),
                    _max_length(Organisation, "sectors"),
                ),
                ORG,
                "sectors",
            ),
            tags=(_bounded_list(values.split_list, _max_length(Organisation, "tags")), ORG, "tags"),
            latitude=(partial(values.coordinate, limit=90), ORG, "latitude"),
            longitude=(partial(values.coordinate, limit=180), ORG, "longitude"),
            website=(partial(values.url, max_length=_max_length(Organisation, "website")), ORG, "website"),
            email=(partial(values.email, max_length=_max_length(Organisation, "email")), ORG, "email"),
            influence=(partial(values.choice, table=words.levels, choices=Level), ORG, "influence"),
            interest=(partial(values.choice, table=words.levels, choices=Level), ORG, "interest"),
            position=(partial(values.choice, table=words.positions, choices=Position), ORG, "position"),
            is_sample=(values.boolean, ORG, "is_sample"),
            archived=(values.archived, META, "archived"),
            id=(values.whole_number, META, "id"),
            contact_email=(partial(values.email, max_length=_max_length(Person, "email")), CONTACT, "email"),
            contact_phone=(text(Person, "phone"), CONTACT, "phone"),
            contact_role=(text(Membership, "role"), META, "role"),
            lawful_basis=(
                partial(values.choice, table=words.bases, choices=LawfulBasis),
                CONTACT,
                "lawful_basis",
            ),
            consent_date=(values.date, CONTACT, "consent_date"),
        )
        return parsers

    def _cell(self, cells: list[str], code: str) -> str:
        index = self.columns.get(code)
        return cells[index] if index is not None and index < len(cells) else ""

    def _error(self, number: int, cells: list[str], code: str, reason: str) -> RowError:
        return RowError(number, self.names[self.columns[code]], self._cell(cells, code), reason)

    def _shape_errors(self, number: int, cells: list[str]) -> list[RowError]:
        errors = []
        if any(cells[self.width :]):
            errors.append(
                RowError(
                    number,
                    "",
                    "",
                    _(
                        "it has %(cells)s cells but the header has %(width)s columns; a value probably contains "
                        "the delimiter without quotes"
                    )
                    % {"cells": len(cells), "width": self.width},
                )
            )
        for index, cell in enumerate(cells[: self.width]):
            if "\x00" in cell:
                errors.append(
                    RowError(
                        number, self.names[index], cell, _("contains a NUL byte (\\0), which is not allowed; remove it")
                    )
                )
        return errors

    def check(self, number: int, cells: list[str]) -> CleanRow | list[RowError]:
        errors = self._shape_errors(number, cells)
        if errors:
            return errors
        found: tuple[dict, dict, dict] = ({}, {}, {})
        size = len(cells)
        for index, column, parse, bucket, name in self.steps:
            value = cells[index] if index < size else ""
            if not value:
                continue
            try:
                found[bucket][name] = parse(value)
            except values.BadValue as error:
                errors.append(RowError(number, column, value, error.reason))
        org, contact, meta = found
        for code in ("name", "kind"):
            if code in self.columns and not self._cell(cells, code):
                label = str(TARGETS[code].label).lower()
                errors.append(self._error(number, cells, code, _("required; fill in the %(field)s") % {"field": label}))
        latitude, longitude = self._cell(cells, "latitude"), self._cell(cells, "longitude")
        if bool(latitude) != bool(longitude):
            code = "latitude" if latitude else "longitude"
            errors.append(self._error(number, cells, code, _("give both latitude and longitude, or neither")))
        clean = CleanRow(row=number, organisation=org, archived=meta.get("archived"), role=meta.get("role", ""))
        if any(self._cell(cells, code) for code in CONTACT_CODES):
            clean.contact = self._contact(number, cells, contact, errors)
        if not errors:
            self._identity(clean, meta.get("id"), errors)
        return errors or clean

    def _contact(self, number: int, cells: list[str], contact: dict, errors: list[RowError]) -> dict:
        contact.setdefault("lawful_basis", LawfulBasis.LEGITIMATE_INTERESTS)
        if not self._cell(cells, "contact_last_name"):
            code = next(c for c in ("contact_last_name", *CONTACT_CODES) if c in self.columns)
            reason = _("a contact needs a last name; fill in the contact's last name or leave the contact empty")
            errors.append(self._error(number, cells, code, reason))
        if contact["lawful_basis"] == LawfulBasis.CONSENT and "consent_date" not in contact:
            reason = _("consent needs the date it was given; add a consent date column")
            errors.append(self._error(number, cells, "lawful_basis", reason))
        return contact

    def _identity(self, clean: CleanRow, existing_id: int | None, errors: list[RowError]) -> None:
        org = clean.organisation
        key = duplicate_key(org["name"], org.get("town", ""))
        if existing_id not in self.existing.ids:
            # An id from another region (or a deleted record) does not identify anything here.
            existing_id = self.existing.by_key.get(key)
        first = self.seen_keys.get(key)
        if first is None and existing_id is not None:
            first = self.seen_ids.get(existing_id)
        if first is not None:
            errors.append(
                RowError(
                    clean.row,
                    "",
                    "",
                    _("it describes the same organisation as row %(first)s (“%(name)s”); keep only one of the rows")
                    % {"first": first, "name": org["name"]},
                )
            )
            return
        self.seen_keys[key] = clean.row
        clean.name_key = key[0]
        if existing_id is not None:
            self.seen_ids[existing_id] = clean.row
        clean.existing_id = existing_id


def validate(table: Table, mapping: list[str], existing: Existing) -> Outcome:
    validator = RowValidator(table, mapping, existing)
    rows: list[CleanRow] = []
    errors: list[RowError] = []
    invalid = 0
    for number, cells in table.rows:
        result = validator.check(number, cells)
        if isinstance(result, CleanRow):
            rows.append(result)
        else:
            invalid += 1
            errors.extend(result)
    return Outcome(rows=rows, errors=errors, row_count=len(table.rows), invalid_rows=invalid)
