"""Timing helpers for the benchmark: percentiles, machine facts and query plans."""

from __future__ import annotations

import os
import platform
import statistics
import time
from collections.abc import Callable
from pathlib import Path


def summarise(samples_s: list[float]) -> dict[str, float]:
    """p50/p95/max in milliseconds; ``inclusive`` keeps p95 inside the observed range."""
    ms = [s * 1000 for s in samples_s]
    cuts = statistics.quantiles(ms, n=100, method="inclusive") if len(ms) > 1 else ms * 99
    return {
        "n": len(ms),
        "p50_ms": round(cuts[49], 2),
        "p95_ms": round(cuts[94], 2),
        "max_ms": round(max(ms), 2),
    }


def repeat(fn: Callable[[], object], *, times: int, warmup: int = 2) -> list[float]:
    """Run ``fn`` ``warmup`` times untimed (caches, first compile of templates), then time it."""
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(times):
        started = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - started)
    return samples


def machine() -> dict[str, str]:
    import benchenv
    import django

    memory = ""
    cpu = platform.processor() or platform.machine()
    meminfo, cpuinfo = Path("/proc/meminfo"), Path("/proc/cpuinfo")
    if meminfo.exists():
        kib = int(meminfo.read_text().split("MemTotal:")[1].split()[0])
        memory = f"{kib / 1024 / 1024:.1f} GiB"
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return {
        "cpus": str(os.cpu_count()),
        "cpu": cpu,
        "memory": memory,
        "os": platform.platform(),
        "python": platform.python_version(),
        "django": django.get_version(),
        "database": benchenv.database_version(),
    }


def explain(sql: str) -> str:
    """The plan of one captured query: EXPLAIN ANALYZE on PostgreSQL, EXPLAIN QUERY PLAN on SQLite."""
    from django.db import connection

    prefix = "EXPLAIN (ANALYZE, BUFFERS) " if connection.vendor == "postgresql" else "EXPLAIN QUERY PLAN "
    with connection.cursor() as cursor:
        # The SQL was captured from our own ORM queries a moment ago; it is not user input.
        cursor.execute(prefix + sql)  # noqa: S608
        rows = cursor.fetchall()
    if connection.vendor == "postgresql":
        return "\n".join(row[0] for row in rows)
    return "\n".join(f"{row[0]:>3} {row[1]:>3} {row[-1]}" for row in rows)
