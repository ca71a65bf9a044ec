"""Writing validated rows: organisations, contacts, memberships and their audit entries.

Callers hold one transaction around ``load_existing``, validation and ``apply_rows`` (see
``batches.run_import``), so the import is written whole or not at all. New records go in through
multi-row INSERTs (``sql.Inserter``); every record gets the audit entry the matching business
action (create_organisation, update_organisation, create_person, add_membership) would write,
so the history of an organisation shows that it came from an import.
"""

from __future__ import annotations

import decimal
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from inducult.core import audit
from inducult.core.models import AuditAction, AuditEntry
from inducult.core.versioning import bump_versions
from inducult.network.models import Membership, Organisation, Person
from inducult.network.services.importing.folding import fold, search_part
from inducult.network.services.importing.sql import Inserter
from inducult.network.services.importing.validation import CleanRow, Existing, duplicate_key

BATCH_SIZE = 2000
ORG_TYPE = "network.organisation"
PERSON_TYPE = "network.person"
MEMBERSHIP_TYPE = "network.membership"


class _SearchKeys:
    """core.text.search_key, with each folded part remembered for one import: the same towns,
    summary, field names and organisation names recur across thousands of rows and entries."""

    def __init__(self):
        self.parts: dict[str, str] = {}

    def part(self, text: str) -> str:
        folded = self.parts.get(text)
        if folded is None:
            folded = self.parts[text] = search_part(text)
        return folded

    def __call__(self, *parts: str | None) -> str:
        return " | ".join(self.part(p) for p in parts if p)


def load_existing(region) -> Existing:
    """The region's organisations as validation needs them, in one query."""
    existing = Existing()
    rows = Organisation.objects.filter(region=region).order_by("id").values_list("id", "name", "town")
    for pk, name, town in rows.iterator(chunk_size=BATCH_SIZE):
        existing.ids.add(pk)
        existing.names[pk] = name
        existing.by_key.setdefault(duplicate_key(name, town), pk)
    return existing


def _plain(value: Any) -> Any:
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, list):
        return [str(v) for v in value]
    return str(value) if hasattr(value, "label") else value  # choices enums → their code


class _Trail:
    """Audit entries collected during the import and inserted together at the end."""

    def __init__(self, *, region, actor, summary: str):
        self.region_id = region.pk
        self.user = actor if getattr(actor, "is_authenticated", False) else None
        self.actor_name = self.user.get_username() if self.user else ""
        self.summary = summary[:500]
        self.entries: list[dict[str, Any]] = []
        self.search_key = _SearchKeys()

    def add(self, action: str, obj_type: str, pk: int, obj_repr: str, changes: dict[str, Any]) -> None:
        obj_repr = obj_repr[:300]
        self.entries.append(
            {
                "region_id": self.region_id,
                "actor_id": self.user.pk if self.user else None,
                "actor_name": self.actor_name,
                "action": str(action),
                "object_type": obj_type,
                "object_id": str(pk),
                "object_repr": obj_repr,
                "changes": changes,
                "summary": self.summary,
                # The same composition as core.audit.record.
                "search_text": self.search_key(self.actor_name, obj_repr, self.summary, obj_type, " ".join(changes)),
            }
        )

    def save(self) -> None:
        Inserter(AuditEntry).insert(self.entries)


def _create(rows: list[CleanRow], region, now, trail: _Trail) -> dict[int, tuple[int, str]]:
    """New organisations; returns row number → (id, name)."""
    records = []
    for row in rows:
        record = {**row.organisation, "region_id": region.pk}
        record["archived_at"] = now if row.archived else None
        # As Organisation.refresh_derived computes them (an import carries no translations).
        record["search_text"] = trail.search_key(
            record["name"], record.get("short_name"), record.get("town"), " ".join(record.get("tags", []))
        )
        record["name_key"] = row.name_key
        records.append(record)
    ids = Inserter(Organisation).insert(records, returning=True)
    created = {}
    for row, record, pk in zip(rows, records, ids, strict=True):
        created[row.row] = (pk, record["name"])
        # The entry create_organisation writes, with the archiving an import may add.
        values = {k: _plain(record[k]) for k in Organisation.AUDITED_FIELDS if k in record}
        changes = audit.created({**values, "archived_at": record["archived_at"]})
        trail.add(AuditAction.CREATE, ORG_TYPE, pk, record["name"], changes)
    return created


def _update(rows: list[CleanRow], now, trail: _Trail) -> tuple[dict[int, tuple[int, str]], int]:
    """Apply the filled cells to existing organisations; an empty cell keeps what is stored."""
    found: dict[int, tuple[int, str]] = {}
    changed_count = 0
    for start in range(0, len(rows), BATCH_SIZE):
        chunk = rows[start : start + BATCH_SIZE]
        # Locked, so an edit saved meanwhile waits and then meets the new version (EditConflict).
        current = Organisation.objects.select_for_update().in_bulk([row.existing_id for row in chunk])
        changed_objects, fields = [], set()
        for row in chunk:
            org = current[row.existing_id]
            before = audit.snapshot(org, Organisation.AUDITED_FIELDS)
            row_fields = [f for f, v in row.organisation.items() if getattr(org, f) != v]
            for field in row_fields:
                setattr(org, field, row.organisation[field])
            changes = audit.diff(before, audit.snapshot(org, Organisation.AUDITED_FIELDS))
            if row.archived is not None and row.archived != org.is_archived:
                old = org.archived_at.isoformat() if org.archived_at else None
                org.archived_at = now if row.archived else None
                changes["archived_at"] = [old, org.archived_at.isoformat() if org.archived_at else None]
                row_fields.append("archived_at")
            found[row.row] = (org.pk, org.name)
            if not changes:
                continue
            org.refresh_derived()
            fields.update(row_fields)
            changed_objects.append(org)
            trail.add(AuditAction.CHANGE, ORG_TYPE, org.pk, str(org), changes)
        if changed_objects:
            Organisation.objects.bulk_update(changed_objects, sorted(fields | {"search_text", "name_key"}))
            bump_versions(Organisation.objects.filter(pk__in=[org.pk for org in changed_objects]))
            changed_count += len(changed_objects)
    return found, changed_count


def _person_key(first: str | None, last: str | None) -> tuple[str, str]:
    return fold(first or "").strip(), fold(last or "").strip()


def _person_repr(title: str, first: str, last: str) -> str:
    return " ".join(p for p in (title, first, last) if p)  # as Person.__str__


def _contacts(rows: list[CleanRow], orgs: dict[int, tuple[int, str]], region, trail: _Trail) -> dict[str, int]:
    """A contact is matched, not duplicated: by e-mail in the region, or by name among the
    organisation's members. A matched person's data is left as it is."""
    rows = [row for row in rows if row.contact]
    if not rows:
        return {"contacts_created": 0, "memberships_created": 0}
    people = Person.objects.filter(region=region, erased_at__isnull=True)
    by_email: dict[str, int] = {}
    names: dict[int, str] = {}
    for pk, email, title, first, last in people.values_list("id", "email", "title", "first_name", "last_name"):
        names[pk] = _person_repr(title, first, last)
        if email:
            by_email.setdefault(email.lower(), pk)
    members: dict[tuple[int, tuple[str, str]], int] = {}
    memberships: set[tuple[int, int]] = set()
    for org_id, person_id, first, last in Membership.objects.filter(organisation__region=region).values_list(
        "organisation_id", "person_id", "person__first_name", "person__last_name"
    ):
        members.setdefault((org_id, _person_key(first, last)), person_id)
        memberships.add((org_id, person_id))

    new_people: dict[str, dict[str, Any]] = {}  # within the file, the same e-mail is the same person
    pending: list[tuple[tuple[int, str], int | str, str]] = []  # (org, person id or new-person key, role)
    for row in rows:
        org, contact = orgs[row.row], row.contact
        email = contact.get("email", "").lower()
        person: int | str | None = by_email.get(email) if email else None
        if person is None:
            person = members.get((org[0], _person_key(contact.get("first_name"), contact.get("last_name"))))
        if person is None:
            person = email or f"row-{row.row}"
            if person not in new_people:
                record = {**contact, "region_id": region.pk}
                record["search_text"] = trail.search_key(
                    contact.get("first_name"), contact.get("last_name"), contact.get("email")
                )
                new_people[person] = record
        pending.append((org, person, row.role))

    keys = list(new_people)
    records = [new_people[k] for k in keys]
    new_ids = dict(zip(keys, Inserter(Person).insert(records, returning=True), strict=True))
    for key, record in zip(keys, records, strict=True):
        pk = new_ids[key]
        names[pk] = _person_repr(record.get("title", ""), record.get("first_name", ""), record["last_name"])
        # Like create_person: the trail names the filled fields, never their values.
        values = {k: v for k, v in record.items() if k in Person.AUDITED_FIELDS}
        trail.add(AuditAction.CREATE, PERSON_TYPE, pk, names[pk], audit.created(values, hidden=Person.AUDITED_FIELDS))

    new_memberships = []
    for (org_id, org_name), person, role in pending:
        person_id = new_ids[person] if isinstance(person, str) else person
        if (org_id, person_id) in memberships:
            continue
        memberships.add((org_id, person_id))
        new_memberships.append(
            ({"organisation_id": org_id, "person_id": person_id, "role": role}, names[person_id], org_name)
        )
    ids = Inserter(Membership).insert([m for m, _p, _o in new_memberships], returning=True)
    for (record, person_name, org_name), pk in zip(new_memberships, ids, strict=True):
        trail.add(
            AuditAction.CREATE,
            MEMBERSHIP_TYPE,
            pk,
            f"{person_name} · {record['role']} · {org_name}",  # as Membership.__str__
            audit.created({"role": record["role"], "organisation": org_name}),  # as add_membership
        )
    return {"contacts_created": len(records), "memberships_created": len(new_memberships)}


def apply_rows(*, region, actor, rows: list[CleanRow], summary: str) -> dict[str, int]:
    """Write the rows; the caller's transaction makes it all-or-nothing. Returns the counts."""
    now = timezone.now()
    trail = _Trail(region=region, actor=actor, summary=summary)
    created = _create([r for r in rows if r.existing_id is None], region, now, trail)
    updated, changed = _update([r for r in rows if r.existing_id is not None], now, trail)
    contacts = _contacts(rows, {**created, **updated}, region, trail)
    trail.save()
    return {"created": len(created), "updated": changed, "unchanged": len(updated) - changed, **contacts}


def import_summary(file_name: str, batch_id: int | None) -> str:
    return _("Imported from “%(file)s” (import #%(batch)s)") % {"file": file_name, "batch": batch_id}
