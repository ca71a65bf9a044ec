"""Benchmark the annual report (issue #5, point 8): one region-year with 5,000 engagements and 200
activities, the PDF and the DOCX each in at most 10 s. Prints a markdown section and appends it to
bench/results/report.md (the recorded runs are in docs/performance.md).

    python bench/run_report.py                      # SQLite under /tmp/inducult-bench-report
    DATABASE_URL=postgres://postgres@127.0.0.1:55499/bench python bench/run_report.py

The engagements come from generate_engagements.py (one region, one year, the demo strategy); the
activities (with one to three indicators each) are made here. Every record is a sample. Each
format is generated ``--runs`` times after one untimed warm-up; the time covers reading the facts,
building the context and rendering (the whole of what a download or the command does).
It reports; it asserts nothing.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import random
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("INDUCULT_VAR_DIR", "/tmp/inducult-bench-report")  # noqa: S108 - a throwaway database

import benchenv
import generate_engagements

REGION = "bench-report"
YEAR = 2025
TARGET_S = 10.0
RESULTS = Path(__file__).resolve().parent / "results" / "report.md"


def ensure_data(args) -> dict[str, int]:
    from inducult.actionplan.enums import ActivityStatus, WorkPackage
    from inducult.actionplan.models import Activity, Indicator
    from inducult.engagement.models import Engagement
    from inducult.regions.models import Region

    region = Region.objects.filter(slug=args.region).first()
    held = Engagement.objects.filter(region=region).count() if region else 0
    if held < args.engagements:
        generate_engagements.progress(f"generating {args.engagements:,} engagements in {args.year}")
        generate_engagements.generate_from_args(
            generate_engagements.parse_args(
                [
                    "--region",
                    args.region,
                    "--regions",
                    "1",
                    "--engagements",
                    str(args.engagements),
                    "--per-year",
                    str(args.engagements),
                    "--first-year",
                    str(args.year),
                    "--last-year",
                    str(args.year),
                    "--organisations",
                    str(args.organisations),
                    "--replace",
                ]
            )
        )
        region = Region.objects.get(slug=args.region)
    if Activity.objects.filter(region=region).count() < args.activities:
        generate_engagements.progress(f"generating {args.activities} activities")
        Activity.objects.filter(region=region).delete()
        rng = random.Random(args.seed)
        statuses = list(ActivityStatus.values)
        activities = []
        for n in range(args.activities):
            start = datetime.date(args.year - rng.randint(0, 2), rng.randint(1, 12), 1)
            end = start + datetime.timedelta(days=rng.randint(180, 1100))
            activities.append(
                Activity(
                    region=region,
                    work_package=rng.choice(WorkPackage.values),
                    title=f"Synthetic activity {n + 1} of the action plan, with a title of realistic length",
                    starts_on=start,
                    ends_on=end,
                    status=rng.choice(statuses),
                    source="synthetic benchmark data",
                    is_sample=True,
                )
            )
        Activity.objects.bulk_create(activities)
        indicators = [
            Indicator(
                activity=a, name=f"Indicator {i + 1}", unit="visitors", target=1000, achieved=rng.randint(0, 1200)
            )
            for a in Activity.objects.filter(region=region)
            for i in range(rng.randint(1, 3))
        ]
        Indicator.objects.bulk_create(indicators)
    return {
        "engagements_in_year": Engagement.objects.filter(region=region, starts_at__year=args.year).count(),
        "activities": Activity.objects.filter(region=region).count(),
        "indicators": Indicator.objects.filter(activity__region=region).count(),
    }


def measure(region, year: int, fmt: str, language: str, runs: int) -> dict[str, float]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from inducult.reports.services import annual

    annual.render(annual.build_report(region, year, language), fmt)  # warm-up (imports, fonts)
    totals, builds, sizes = [], [], []
    queries = 0
    for _ in range(runs):
        start = time.perf_counter()
        with CaptureQueriesContext(connection) as captured:
            report = annual.build_report(region, year, language)
        built = time.perf_counter()
        content = annual.render(report, fmt)
        totals.append(time.perf_counter() - start)
        builds.append(built - start)
        sizes.append(len(content))
        queries = len(captured)
    return {
        "median_s": statistics.median(totals),
        "max_s": max(totals),
        "facts_and_context_s": statistics.median(builds),
        "queries": queries,
        "bytes": sizes[-1],
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--region", default=REGION)
    parser.add_argument("--year", type=int, default=YEAR)
    parser.add_argument("--engagements", type=int, default=5000)
    parser.add_argument("--activities", type=int, default=200)
    parser.add_argument("--organisations", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--language", default="cs")
    args = parser.parse_args(argv)

    benchenv.setup()
    from inducult.regions.models import Region

    data = ensure_data(args)
    region = Region.objects.get(slug=args.region)
    rows = []
    for fmt in ("pdf", "docx"):
        generate_engagements.progress(f"timing {fmt}")
        result = measure(region, args.year, fmt, args.language, args.runs)
        rows.append((fmt, result))
    lines = [
        f"## Annual report: {data['engagements_in_year']:,} engagements and {data['activities']} activities",
        "",
        f"Measured {datetime.date.today().isoformat()} by `bench/run_report.py` on {benchenv.database_version()}, "
        f"Python {platform.python_version()}, {platform.machine()} ({os.cpu_count()} CPUs); region-year "
        f"{args.region} {args.year}, {args.organisations} organisations, {data['indicators']} indicators, "
        f"language {args.language}; {args.runs} timed runs after a warm-up. Time = reading the facts + building "
        f"the context + rendering; target ≤ {TARGET_S:.0f} s.",
        "",
        "| format | median | max | of which facts + context | queries | size | target met |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for fmt, r in rows:
        lines.append(
            f"| {fmt.upper()} | {r['median_s']:.2f} s | {r['max_s']:.2f} s | {r['facts_and_context_s']:.2f} s | "
            f"{r['queries']} | {r['bytes'] / 1024:.0f} KiB | {'yes' if r['max_s'] <= TARGET_S else 'NO'} |"
        )
    section = "\n".join(lines) + "\n"
    print(section)
    existing = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Annual report benchmark results\n\n"
    RESULTS.write_text(existing.rstrip("\n") + "\n\n" + section, encoding="utf-8")
    print(f"appended to {RESULTS}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
