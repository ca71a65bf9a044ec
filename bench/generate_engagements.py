"""Fill benchmark regions with an engagement log at scale (issue #3: 1,000,000 engagements).

    python bench/generate_engagements.py                         # 1,000,000 engagements, 20 regions
    python bench/generate_engagements.py --engagements 100000 --replace

Distribution (defaults): years 2010–2026, 20 regions. The measured region ("bench-strategy") holds
``--per-year`` engagements (10,000) in each year, 170,000 in all; the rest (830,000) is spread evenly
over the 19 other regions ("bench-strategy-02" … "-20", ~2,570 a year each), so the database holds
1,000,000 engagements while the measured region-year holds 10,000 of them. Each engagement has 0–4
participating organisations of its region (~2.1 on average, 2.08 million rows at seed 1; ~8 % include a
regional authority), 0–2 of 12 topics, a kind (bilateral meetings most often), a status (past: 90 %
held, 10 % still planned; future: planned), 40 % public; 20 % are date-only, 60 % of the rest have an
end. Each region gets ``--organisations`` organisations (2,000 in the measured region, 300 elsewhere)
from synthetic.organisations, and the measured region the demo's strategy (strategy.demo.load_strategy:
goals, milestones, count rules).

Rows go in through network.services.importing.sql.Inserter (multi-row INSERT … RETURNING on SQLite, COPY on
PostgreSQL), in one transaction: a failed run leaves nothing behind. Every record is a sample
(is_sample=True) with the source "synthetic benchmark data". See bench/README.md.
"""

from __future__ import annotations

import argparse
import sys
import time
import zoneinfo
from collections.abc import Iterator

import benchenv
import synthetic

MEASURED_REGION = "bench-strategy"
FIRST_YEAR, LAST_YEAR = 2010, 2026
CHUNK = 20_000  # engagements generated and written per round (participants and topics follow each round)


def progress(message: str) -> None:
    print(f"... {message}", file=sys.stderr, flush=True)


def region_slugs(measured: str, count: int) -> list[str]:
    return [measured] + [f"{measured}-{number:02d}" for number in range(2, count + 1)]


def plan(*, total: int, regions: int, first_year: int, last_year: int, per_year: int) -> list[tuple[int, int, int]]:
    """[(region_index, year, count), …] adding up to ``total``; region 0 is the measured one.

    The measured region gets ``per_year`` a year, but at most a fifth of ``total``; the others share
    the rest evenly, the remainder going one by one to the first region-years.
    """
    years = list(range(first_year, last_year + 1))
    # At most a fifth of all engagements, so a small trial run still spreads over every region.
    measured_per_year = min(per_year, total // (5 * len(years))) if regions > 1 else total // len(years)
    rest = total - measured_per_year * len(years)
    cells = [(r, y) for r in range(1, regions) for y in years] or [(0, y) for y in years]
    base, extra = divmod(rest, len(cells))
    counts: dict[tuple[int, int], int] = {(0, y): measured_per_year for y in years}
    for position, cell in enumerate(cells):
        counts[cell] = counts.get(cell, 0) + base + (1 if position < extra else 0)
    return [(r, y, n) for (r, y), n in sorted(counts.items()) if n]


def ensure_organisations(region, *, seed: int, count: int) -> tuple[list[int], list[int]]:
    """The region's organisation ids, and those of its regional authorities (at least one)."""
    import generate

    from inducult.network.enums import OrganisationKind
    from inducult.network.models import Organisation

    existing = Organisation.objects.filter(region=region)
    if not existing.exists():
        generate.insert_organisations(region, seed=seed, count=count, batch_size=2000)
    rows = list(existing.order_by("id").values_list("id", "kind"))
    authorities = [pk for pk, kind in rows if kind == OrganisationKind.REGIONAL_AUTHORITY]
    if not authorities and rows:
        pk = rows[0][0]
        Organisation.objects.filter(pk=pk).update(kind=OrganisationKind.REGIONAL_AUTHORITY)
        authorities = [pk]
    return [pk for pk, _kind in rows], authorities


def ensure_topics(region) -> list[int]:
    from inducult.engagement.models import Topic

    wanted = []
    for name in synthetic.ENGAGEMENT_TOPICS:
        topic = Topic(region=region, name=name)
        topic.refresh_derived()
        wanted.append(topic)
    Topic.objects.bulk_create(wanted, ignore_conflicts=True)
    by_name = dict(Topic.objects.filter(region=region).values_list("name", "id"))
    return [by_name[name] for name in synthetic.ENGAGEMENT_TOPICS]


def ensure_strategy(region) -> str:
    """The demo's strategy for the measured region, through the strategy's demo loader (idempotent)."""
    from collections import Counter

    from inducult.demo import strategy_records
    from inducult.strategy.demo import load_strategy

    counts = Counter()
    version = load_strategy(region=region, record=strategy_records.RECORD, counts=counts)
    goals, milestones, targets = counts["goals"], counts["milestones"], counts["standing_targets"]
    return f"{version}: {goals} goals, {milestones} milestones, {targets} targets"


def clear_engagements(regions) -> int:
    """Delete the regions' engagements and what hangs on them, by set-based DELETEs (no per-row ORM)."""
    from django.db import router

    from inducult.engagement.models import Attachment, Engagement, EngagementParticipant, FollowUpTask

    using = router.db_for_write(Engagement)
    # The base manager sees every row, also any the default manager hides (soft-deleted ones).
    engagements = Engagement._base_manager.filter(region__in=regions)
    for model in (EngagementParticipant, FollowUpTask, Attachment):
        model.objects.filter(engagement__in=engagements.values("id"))._raw_delete(using)
    for through in (Engagement.topics.through, Engagement.goals.through):
        through.objects.filter(engagement__in=engagements.values("id"))._raw_delete(using)
    return engagements._raw_delete(using)


def by_month(cells: list[tuple[int, int, int]]) -> list[tuple[int, int, int, int]]:
    """[(region_index, year, month, count), …] in the order a log fills up: month by month, the
    regions side by side. Rows are then stored in time order, not region by region, so the tables'
    physical order (which the PostgreSQL planner weighs) is like a real installation's."""
    months = []
    for region, year, count in cells:
        base, extra = divmod(count, 12)
        months.extend((region, year, month, base + (1 if month <= extra else 0)) for month in range(1, 13))
    return sorted((m for m in months if m[3]), key=lambda m: (m[1], m[2], m[0]))


def _chunks(records: Iterator[dict], size: int) -> Iterator[list[dict]]:
    chunk = []
    for record in records:
        chunk.append(record)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def write_engagements(
    regions, organisations: list[tuple[list[int], list[int]]], topics: list[list[int]], cells, *, seed: int
) -> dict[str, int]:
    from django.utils import timezone

    from inducult.core.text import search_key
    from inducult.engagement.models import Engagement, EngagementParticipant
    from inducult.network.services.importing.sql import Inserter

    tz = zoneinfo.ZoneInfo(regions[0].time_zone)
    today = timezone.localdate(timezone=tz)
    engagement_rows = Inserter(Engagement)
    participant_rows = Inserter(EngagementParticipant)
    topic_rows = Inserter(Engagement.topics.through)
    # Synthetic indexes refer to the smallest region's organisations, so any region can take any record.
    organisation_count = min(len(ids) for ids, _authorities in organisations)
    records = synthetic.engagements(seed, by_month(cells), tz=tz, today=today, organisation_count=organisation_count)
    counts = {"engagements": 0, "participants": 0, "topic links": 0}
    total = sum(n for _r, _y, n in cells)
    started = time.perf_counter()
    for chunk in _chunks(records, CHUNK):
        rows = []
        for record in chunk:
            index = record["region_index"]
            org_ids = organisations[index][0]
            place = record["place_organisation_index"]
            rows.append(
                {
                    "region_id": regions[index].pk,
                    "kind": record["kind"],
                    "status": record["status"],
                    "title": record["title"],
                    "starts_at": record["starts_at"],
                    "ends_at": record["ends_at"],
                    "date_only": record["date_only"],
                    "place_text": record["place_text"],
                    "place_organisation_id": org_ids[place] if place is not None else None,
                    "outcomes": record["outcomes"],
                    "visibility": record["visibility"],
                    "is_sample": True,
                    "source": record["source"],
                    # Engagement.save() derives this from these fields; the Inserter skips save().
                    "search_text": search_key(record["title"], "", record["outcomes"], record["place_text"]),
                }
            )
        ids = engagement_rows.insert(rows, returning=True)
        participants, links = [], []
        for engagement_id, record in zip(ids, chunk, strict=True):
            org_ids, authorities = organisations[record["region_index"]]
            chosen = {org_ids[i] for i in record["participants"]}
            if record["regional_authority"]:
                chosen.add(authorities[engagement_id % len(authorities)])
            participants.extend({"engagement_id": engagement_id, "organisation_id": pk} for pk in sorted(chosen))
            region_topics = topics[record["region_index"]]
            links.extend({"engagement_id": engagement_id, "topic_id": region_topics[i]} for i in record["topics"])
        participant_rows.insert(participants)
        topic_rows.insert(links)
        counts["engagements"] += len(ids)
        counts["participants"] += len(participants)
        counts["topic links"] += len(links)
        elapsed = time.perf_counter() - started
        if counts["engagements"] % (CHUNK * 10) == 0 or counts["engagements"] == total:
            rate = counts["engagements"] / elapsed if elapsed else 0
            progress(f"{counts['engagements']:,}/{total:,} engagements, {elapsed:.0f} s ({rate:,.0f}/s)")
    return counts


def write_database(
    *,
    measured: str,
    region_count: int,
    seed: int,
    total: int,
    per_year: int,
    first_year: int,
    last_year: int,
    measured_organisations: int,
    other_organisations: int,
    replace: bool,
) -> dict[str, object]:
    import generate
    from django.db import transaction

    from inducult.core import audit
    from inducult.core.models import AuditAction
    from inducult.engagement.models import Engagement

    timings: dict[str, float] = {}
    started = time.perf_counter()
    with transaction.atomic():
        regions = [generate.ensure_region(slug) for slug in region_slugs(measured, region_count)]
        existing = Engagement._base_manager.filter(region__in=regions).count()
        if existing and not replace:
            raise SystemExit(
                f"The benchmark regions already hold {existing:,} engagements. "
                "Pass --replace to delete them first, or choose another --region."
            )
        if existing:
            progress(f"deleting {existing:,} engagements")
            clear_engagements(regions)
        timings["clear_s"] = time.perf_counter() - started
        progress("organisations, topics and the strategy")
        organisations = [
            ensure_organisations(
                region,
                seed=seed + index,
                count=measured_organisations if index == 0 else other_organisations,
            )
            for index, region in enumerate(regions)
        ]
        topics = [ensure_topics(region) for region in regions]
        strategy = ensure_strategy(regions[0])
        timings["setup_s"] = time.perf_counter() - started - timings["clear_s"]
        cells = plan(total=total, regions=region_count, first_year=first_year, last_year=last_year, per_year=per_year)
        written = time.perf_counter()
        counts = write_engagements(regions, organisations, topics, cells, seed=seed)
        timings["engagements_s"] = time.perf_counter() - written
        for region in regions:
            audit.record(
                actor=None,
                action=AuditAction.IMPORT,
                region=region,
                object_type_label="engagement.engagement",
                summary=f"Generated {synthetic.SOURCE} (seed {seed}): engagements for the strategy benchmark",
            )
        committing = time.perf_counter()
    timings["commit_s"] = time.perf_counter() - committing
    timings["total_s"] = time.perf_counter() - started
    measured_year = max(c for r, _y, c in cells if r == 0) if cells else 0
    return {
        **counts,
        "regions": len(regions),
        "measured_region": measured,
        "measured_per_year": measured_year,
        "strategy": strategy,
        **{k: round(v, 1) for k, v in timings.items()},
    }


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--region", default=MEASURED_REGION, help="slug of the measured region")
    parser.add_argument("--regions", type=int, default=20, help="regions in all, the measured one included")
    parser.add_argument("--engagements", type=int, default=1_000_000, help="engagements in all regions together")
    parser.add_argument("--per-year", type=int, default=10_000, help="engagements a year in the measured region")
    parser.add_argument("--first-year", type=int, default=FIRST_YEAR)
    parser.add_argument("--last-year", type=int, default=LAST_YEAR)
    parser.add_argument("--organisations", type=int, default=2000, help="organisations of the measured region")
    parser.add_argument("--other-organisations", type=int, default=300, help="organisations of each other region")
    parser.add_argument("--seed", type=int, default=1, help="same seed, same records")
    parser.add_argument("--replace", action="store_true", help="delete the regions' engagements first")
    args = parser.parse_args(argv)
    if args.regions < 1 or args.engagements < 0 or args.per_year < 0 or args.first_year > args.last_year:
        parser.error("--regions must be at least 1, counts zero or more, --first-year not after --last-year")
    if min(args.organisations, args.other_organisations) < 5:
        parser.error("each region needs at least 5 organisations (participants are drawn from them)")
    return args


def generate_from_args(args: argparse.Namespace) -> dict[str, object]:
    return write_database(
        measured=args.region,
        region_count=args.regions,
        seed=args.seed,
        total=args.engagements,
        per_year=args.per_year,
        first_year=args.first_year,
        last_year=args.last_year,
        measured_organisations=args.organisations,
        other_organisations=args.other_organisations,
        replace=args.replace,
    )


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    benchenv.setup()
    result = generate_from_args(args)
    print(f"{benchenv.database_version()}: " + ", ".join(f"{key}={value}" for key, value in result.items()))


if __name__ == "__main__":
    sys.exit(main())
