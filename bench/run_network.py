"""Benchmark the network analytics and layout at 2,000 organisations and 50,000 engagements.

    .venv/bin/python bench/run_network.py [--organisations 2000] [--engagements 50000] [--repeat 3]

Issue #6, point 2: "Usable at 2,000 organisations and 50,000 engagements (layout computed in under
5 s)". The facts are generated in memory (seed 1): organisations in 50 towns, each engagement joining
2–6 organisations, 80 % of them from one town (regions meet locally), dates spread over one year.
It times the pure analysis (`analyse`: graph, weighted degree, betweenness, communities, flags,
coverage) and the layout (`layout`) separately, wall clock and CPU, and prints a JSON line. It
reports; it asserts nothing. The web view adds the database read (four queries) and the JSON.
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from inducult.analytics.domain.network import (  # noqa: E402 - after the path set-up
    AnalyticsOptions,
    EngagementFacts,
    OrganisationFacts,
    Period,
    analyse,
    layout,
)

KINDS = ["museum", "enterprise", "school", "municipality", "lag", "ngo", "creative"]


def facts(organisations: int, engagements: int, seed: int = 1):
    rng = random.Random(seed)
    towns = [f"Town {n}" for n in range(50)]
    orgs = [
        OrganisationFacts(i, rng.choice(KINDS), rng.choice(towns), f"Organisation {i}")
        for i in range(1, organisations + 1)
    ]
    by_town: dict[str, list[int]] = {}
    for org in orgs:
        by_town.setdefault(org.municipality, []).append(org.id)
    start = datetime.date(2025, 1, 1)
    log = []
    for n in range(1, engagements + 1):
        size = rng.randint(2, 6)
        pool = by_town[rng.choice(towns)] if rng.random() < 0.8 else range(1, organisations + 1)
        members = frozenset(rng.sample(list(pool), min(size, len(pool))))
        log.append(EngagementFacts(n, start + datetime.timedelta(days=rng.randrange(365)), members))
    return orgs, log


def timed(fn):
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--organisations", type=int, default=2000)
    parser.add_argument("--engagements", type=int, default=50000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    orgs, log = facts(args.organisations, args.engagements)
    period = Period(datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))
    runs = []
    for _ in range(args.repeat):
        report, analyse_wall, analyse_cpu = timed(
            lambda: analyse(orgs, log, period=period, as_of=period.end, options=AnalyticsOptions())
        )
        _positions, layout_wall, layout_cpu = timed(lambda report=report: layout(report))
        runs.append(
            {
                "analyse_s": round(analyse_wall, 2),
                "analyse_cpu_s": round(analyse_cpu, 2),
                "layout_s": round(layout_wall, 2),
                "layout_cpu_s": round(layout_cpu, 2),
            }
        )
    print(
        json.dumps(
            {
                "organisations": args.organisations,
                "engagements": args.engagements,
                "ties": len(report.ties),
                "approximations": report.approximations,
                "runs": runs,
            }
        )
    )


if __name__ == "__main__":
    main()
