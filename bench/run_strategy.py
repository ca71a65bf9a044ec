"""Benchmark the strategy dashboard and progress.json over a large engagement log; print a markdown report.

    python bench/run_strategy.py                  # SQLite under /tmp/inducult-bench, 1,000,000 engagements
    DATABASE_URL=postgres://postgres@127.0.0.1:55499/bench python bench/run_strategy.py --json

Issue #3, point 7: the dashboard and progress.json for one region-year, with 1,000,000 engagements in
the database, p95 <= 150 ms server time. The data comes from generate_engagements.py (run here when
the measured region holds fewer engagements than asked for). Both pages are requested through
django.test.Client in-process: the dashboard as a signed-in superuser (force_login), progress.json
anonymously, as the public reads it. URL names are reversed at run time; a name that does not exist
yet stops the run with a message saying so (or is reported as missing with --skip-missing).
It reports; it asserts nothing. See bench/README.md.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime
import io
import json
import os
import pstats
import sys
import time

import benchenv
import generate_engagements
import measure
from run import ensure_superuser, progress

TARGET_P95_MS = 150
DASHBOARD = "strategy:dashboard"
PROGRESS_JSON = "progress:json"


def scenarios(year: int, current_year: int) -> list[tuple[str, str, dict[str, str], bool]]:
    """(label, URL name, query parameters, signed in)."""
    return [
        ("dashboard, current year", DASHBOARD, {}, True),
        (f"dashboard, year={year}", DASHBOARD, {"year": str(year)}, True),
        (f"progress.json, year={year}", PROGRESS_JSON, {"year": str(year)}, False),
        (f"progress.json, year={current_year}", PROGRESS_JSON, {"year": str(current_year)}, False),
    ]


def resolve(names: list[str], region_slug: str) -> tuple[dict[str, str], list[str]]:
    from django.urls import NoReverseMatch, reverse

    urls, missing = {}, []
    for name in dict.fromkeys(names):
        try:
            urls[name] = reverse(name, args=[region_slug])
        except NoReverseMatch:
            missing.append(name)
    return urls, missing


def ensure_data(args) -> dict:
    from django.db import connection

    from inducult.engagement.models import Engagement

    count = Engagement.objects.count()
    generated = None
    if count < args.engagements or args.regenerate:
        progress(f"generating {args.engagements:,} engagements (found {count:,} in the database)")
        gen_args = generate_engagements.parse_args(
            ["--region", args.region, "--engagements", str(args.engagements), "--seed", str(args.seed), "--replace"]
        )
        generated = generate_engagements.generate_from_args(gen_args)
        progress(f"generated in {generated['total_s']} s")
        count = Engagement.objects.count()
    if args.analyze:
        progress("ANALYZE")
        # Fresh bulk inserts leave the planner's statistics stale (PostgreSQL) or absent (SQLite).
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return {"engagements_in_database": count, "generated": generated}


def region_facts(region, year: int) -> dict:
    from inducult.engagement.models import Engagement, EngagementParticipant

    tz = region.tz
    start = datetime.datetime(year, 1, 1, tzinfo=tz)
    end = datetime.datetime(year + 1, 1, 1, tzinfo=tz)
    in_year = Engagement.objects.filter(region=region, starts_at__gte=start, starts_at__lt=end)
    return {
        "region_engagements": Engagement.objects.filter(region=region).count(),
        "region_year_engagements": in_year.count(),
        "region_year_held": in_year.filter(status="held").count(),
        "participants_in_database": EngagementParticipant.objects.count(),
    }


def profiled(fn) -> str:
    """The functions one call spends its time in, by cumulative time (the top 30)."""
    profiler = cProfile.Profile()
    profiler.runcall(fn)
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).strip_dirs().sort_stats("cumulative").print_stats(30)
    return out.getvalue()


def bench_requests(region, urls: dict[str, str], year: int, times: int, *, explain: bool, profile: bool) -> list[dict]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    current_year = region.today().year
    # Client's default host "testserver" is not in ALLOWED_HOSTS; localhost is.
    signed_in = Client(HTTP_HOST="localhost")
    signed_in.force_login(ensure_superuser())
    anonymous = Client(HTTP_HOST="localhost")
    results = []
    for label, name, params, login in scenarios(year, current_year):
        if name not in urls:
            continue
        progress(label)
        client = signed_in if login else anonymous
        statuses: set[int] = set()

        def get(client=client, url=urls[name], params=params, statuses=statuses):
            response = client.get(url, params)
            statuses.add(response.status_code)
            return response

        samples = measure.repeat(get, times=times)
        with CaptureQueriesContext(connection) as captured:
            response = get()
        queries = captured.captured_queries
        result = {
            "scenario": label,
            "url": urls[name],
            "params": params,
            "signed_in": login,
            "status": sorted(statuses),
            "bytes": len(response.content),
            "queries": len(queries),
            **measure.summarise(samples),
        }
        if explain:
            # Every query of one request with its plan. The captured time is that of execute() only:
            # on SQLite rows are produced while they are fetched, so it understates queries returning many.
            result["plans"] = [
                {"sql": q["sql"], "time_ms": round(float(q["time"]) * 1000, 1), "plan": measure.explain(q["sql"])}
                for q in queries
            ]
        if profile:
            result["profile"] = profiled(get)
        results.append(result)
    return results


def markdown(report: dict) -> str:
    m = report["machine"]
    facts = report["facts"]
    lines = [
        f"## {m['database']}, {report['data']['engagements_in_database']:,} engagements ({report['date']})",
        "",
        f"{m['cpus']} CPUs ({m['cpu']}), {m['memory']}, Python {m['python']}, Django {m['django']}",
        "",
        f"Region {report['region']!r}: {facts['region_engagements']:,} engagements, "
        f"{facts['region_year_engagements']:,} in {report['year']} ({facts['region_year_held']:,} held); "
        f"{facts['participants_in_database']:,} participants in the database.",
        "",
        f"Load average (1, 5, 15 min) before: {report['load_average']['before']}, "
        f"after: {report['load_average']['after']}.",
    ]
    generated = report["data"]["generated"]
    if generated:
        lines += ["", "Generated in this run: " + ", ".join(f"{k}={v}" for k, v in generated.items())]
    if report["missing"]:
        lines += ["", "Not available yet (URL name not defined): " + ", ".join(report["missing"])]
    if report["results"]:
        lines += [
            "",
            "| scenario | status | queries | KiB | n | p50 ms | p95 ms | max ms |",
            "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for r in report["results"]:
            status = "/".join(str(s) for s in r["status"])
            lines.append(
                f"| {r['scenario']} | {status} | {r['queries']} | {r['bytes'] / 1024:.0f} | {r['n']} "
                f"| {r['p50_ms']} | {r['p95_ms']} | {r['max_ms']} |"
            )
        slow = [r["scenario"] for r in report["results"] if r["p95_ms"] > TARGET_P95_MS]
        lines += ["", f"Target p95 <= {TARGET_P95_MS} ms; scenarios over it: {', '.join(slow) or 'none'}."]
    return "\n".join(lines)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--region", default=generate_engagements.MEASURED_REGION)
    parser.add_argument("--engagements", type=int, default=1_000_000, help="engagements in the whole database")
    parser.add_argument("--year", type=int, default=2025, help="the measured region-year (a whole past year)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--requests", type=int, default=30, help="timed requests per scenario (at least 2)")
    parser.add_argument("--regenerate", action="store_true", help="generate the engagements anew")
    parser.add_argument("--no-analyze", dest="analyze", action="store_false", help="skip ANALYZE before measuring")
    parser.add_argument("--skip-missing", action="store_true", help="measure the views that exist, list the rest")
    parser.add_argument("--explain", action="store_true", help="the plan of every query of each scenario")
    parser.add_argument("--profile", action="store_true", help="cProfile one request of each scenario")
    parser.add_argument("--json", action="store_true", help="also write bench/results/<date>-strategy-<db>.json")
    args = parser.parse_args(argv)
    if args.requests < 2:
        parser.error("--requests must be at least 2 for percentiles")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    benchenv.setup()
    urls, missing = resolve([DASHBOARD, PROGRESS_JSON], args.region)
    if missing and (not args.skip_missing or not urls):
        print(
            f"Cannot measure: the URL name(s) {', '.join(missing)} are not defined in this tree yet "
            "(the strategy dashboard and progress.json views of issue #3). Nothing was measured. "
            "Generate the data meanwhile with bench/generate_engagements.py, or pass --skip-missing "
            "to measure the views that exist.",
            file=sys.stderr,
        )
        return 2
    from inducult.regions.models import Region

    data = ensure_data(args)
    region = Region.objects.get(slug=args.region)
    started = time.perf_counter()
    load_before = os.getloadavg()
    report = {
        "date": datetime.date.today().isoformat(),
        "machine": measure.machine(),
        "region": args.region,
        "year": args.year,
        "data": data,
        "facts": region_facts(region, args.year),
        "missing": missing,
        "requests_per_scenario": args.requests,
        "results": bench_requests(region, urls, args.year, args.requests, explain=args.explain, profile=args.profile),
    }
    # Other work on the machine's two cores inflates the times: the load average says how much there was.
    report["load_average"] = {
        "before": [round(x, 2) for x in load_before],
        "after": [round(x, 2) for x in os.getloadavg()],
    }
    progress(f"measured in {time.perf_counter() - started:.0f} s")
    print(markdown(report))
    if args.explain:
        for r in report["results"]:
            for plan in r["plans"]:
                print(f"\n#### {r['scenario']} ({plan['time_ms']} ms)\n\n```\n{plan['sql']}\n\n{plan['plan']}\n```")
    if args.profile:
        for r in report["results"]:
            print(f"\n#### Profile: {r['scenario']}\n\n```\n{r['profile']}\n```")
    if args.json:
        out = benchenv.REPO / "bench" / "results" / f"{report['date']}-strategy-{benchenv.database_label()}.json"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(report, indent=2, ensure_ascii=False, default=str) + "\n")
        print(f"\nWrote {out.relative_to(benchenv.REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
