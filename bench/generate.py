"""Generate a synthetic region at scale, into the configured database or into an import CSV.

    python bench/generate.py --region bench-region --organisations 100000 --people 20000
    python bench/generate.py --organisations 100000 --csv /tmp/orgs.csv

The database mode bulk-inserts in batches inside one transaction, so a failed run leaves nothing
behind. bulk_create skips save(), so the derived search fields are computed here the way save()
computes them. Every record is a sample (is_sample=True) with the source "synthetic benchmark data".
See bench/README.md.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import sys
import time
from pathlib import Path

import benchenv
import synthetic

# The column contract shared by export and import; the generator writes what an export would.
from inducult.network.domain.exporting import EXPORT_COLUMNS, LIST_SEPARATOR, NO, YES


def csv_row(record: dict) -> list[str]:
    def cell(column: str) -> str:
        if column == "id":
            return ""  # new records: the importer assigns ids
        value = record[column]
        if isinstance(value, bool):
            return YES if value else NO
        if isinstance(value, list):
            return LIST_SEPARATOR.join(value)
        return "" if value is None else str(value)

    return [cell(column) for column in EXPORT_COLUMNS]


def write_csv(path: Path, *, seed: int, organisation_count: int) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    # utf-8-sig writes the BOM an export starts with (Excel needs it for Czech letters).
    with path.open("w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow(EXPORT_COLUMNS)
        rows = 0
        for record in synthetic.organisations(seed, organisation_count):
            writer.writerow(csv_row(record))
            rows += 1
    return rows


# --- database mode: one function per entity ---------------------------------------------------


def ensure_region(slug: str):
    from inducult.regions.models import Region

    region, _created = Region.objects.get_or_create(
        slug=slug,
        defaults={
            "name": f"Benchmark region ({slug})",
            "country": "CZ",
            "languages": ["cs", "en", "de"],
            "default_language": "cs",
            "source": synthetic.SOURCE,
        },
    )
    return region


def clear_region(region) -> None:
    """Remove the region's registry records (not the region, its roles or its audit trail)."""
    from inducult.network.models import Membership, Organisation, Person

    Membership.objects.filter(organisation__region=region).delete()
    Membership.objects.filter(person__region=region).delete()
    Person.objects.filter(region=region).delete()
    Organisation.objects.filter(region=region).delete()


def insert_organisations(region, *, seed: int, count: int, batch_size: int) -> list[int]:
    from django.utils import timezone

    from inducult.network.models import Organisation

    archived_at = timezone.now()
    ids: list[int] = []
    for batch in itertools.batched(synthetic.organisations(seed, count), batch_size):
        objects = []
        for record in batch:
            fields = dict(record)
            archived = fields.pop("archived")
            org = Organisation(region=region, archived_at=archived_at if archived else None, **fields)
            org.refresh_derived()
            objects.append(org)
        ids.extend(o.pk for o in Organisation.objects.bulk_create(objects))
    return ids


def insert_people(region, *, seed: int, count: int, batch_size: int) -> list[int]:
    from inducult.core.text import search_key
    from inducult.network.models import Person

    ids: list[int] = []
    for batch in itertools.batched(synthetic.people(seed, count), batch_size):
        objects = []
        for record in batch:
            person = Person(region=region, **record)
            # Person.save() derives search_text from exactly these fields; bulk_create skips save().
            person.search_text = search_key(person.first_name, person.last_name, person.email)
            objects.append(person)
        ids.extend(p.pk for p in Person.objects.bulk_create(objects))
    return ids


def insert_memberships(*, seed: int, person_ids: list[int], organisation_ids: list[int], batch_size: int) -> int:
    from inducult.network.models import Membership

    records = synthetic.memberships(seed, len(person_ids), len(organisation_ids))
    total = 0
    for batch in itertools.batched(records, batch_size):
        Membership.objects.bulk_create(
            Membership(
                person_id=person_ids[r["person_index"]],
                organisation_id=organisation_ids[r["organisation_index"]],
                role=r["role"],
                start_date=r["start_date"],
                end_date=r["end_date"],
            )
            for r in batch
        )
        total += len(batch)
    return total


def write_database(
    *, region_slug: str, seed: int, organisation_count: int, people_count: int, replace: bool, batch_size: int = 2000
) -> dict[str, int]:
    from django.db import transaction

    from inducult.core import audit
    from inducult.core.models import AuditAction
    from inducult.network.models import Organisation, Person

    with transaction.atomic():
        region = ensure_region(region_slug)
        existing = Organisation.objects.filter(region=region).count() + Person.objects.filter(region=region).count()
        if existing and not replace:
            raise SystemExit(
                f"Region {region_slug!r} already has {existing} organisations and people. "
                "Pass --replace to delete them first, or choose another --region."
            )
        if existing:
            clear_region(region)
        org_ids = insert_organisations(region, seed=seed, count=organisation_count, batch_size=batch_size)
        person_ids = insert_people(region, seed=seed, count=people_count, batch_size=batch_size)
        membership_count = insert_memberships(
            seed=seed, person_ids=person_ids, organisation_ids=org_ids, batch_size=batch_size
        )
        counts = {"organisations": len(org_ids), "people": len(person_ids), "memberships": membership_count}
        # One entry for the whole run: the trail says where these sample records came from.
        audit.record(
            actor=None,
            action=AuditAction.IMPORT,
            region=region,
            object_type_label="network.organisation",
            summary=f"Generated {synthetic.SOURCE} (seed {seed}): "
            + ", ".join(f"{n} {name}" for name, n in counts.items()),
        )
    return counts


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--region", default="bench-region", help="slug of the region to fill (created if missing)")
    parser.add_argument("--organisations", type=int, default=100_000)
    parser.add_argument("--people", type=int, default=20_000, help="database mode only")
    parser.add_argument("--seed", type=int, default=1, help="same seed, same records")
    parser.add_argument("--csv", type=Path, help="write organisations to this CSV file instead of the database")
    parser.add_argument("--replace", action="store_true", help="delete the region's existing records first")
    parser.add_argument("--batch-size", type=int, default=2000)
    args = parser.parse_args(argv)
    if args.organisations < 0 or args.people < 0 or args.batch_size < 1:
        parser.error("counts must be zero or more and --batch-size at least 1")
    return args


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    started = time.perf_counter()
    if args.csv:
        rows = write_csv(args.csv, seed=args.seed, organisation_count=args.organisations)
        print(f"Wrote {rows} organisations to {args.csv} in {time.perf_counter() - started:.1f} s")
        return
    benchenv.setup()
    counts = write_database(
        region_slug=args.region,
        seed=args.seed,
        organisation_count=args.organisations,
        people_count=args.people,
        replace=args.replace,
        batch_size=args.batch_size,
    )
    summary = ", ".join(f"{n} {name}" for name, n in counts.items())
    print(
        f"Region {args.region!r} on {benchenv.database_version()}: {summary} in {time.perf_counter() - started:.1f} s"
    )


if __name__ == "__main__":
    sys.exit(main())
