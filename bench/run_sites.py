"""Benchmark sites.geojson against the same bytes as a static file, and the map page, over HTTP on loopback.

    python bench/run_sites.py                     # SQLite under /tmp/inducult-bench, 20,000 sites
    DATABASE_URL=postgres://postgres@127.0.0.1:55499/bench_sites python bench/run_sites.py --json

Issue #4, point 9: "sites.geojson and the map page with 20,000 sites: throughput of sites.geojson at
least half that of serving the same bytes as a static file, measured side by side in one run on
loopback". The run starts gunicorn (the project's settings; STATIC_ROOT points at a temporary
directory) on 127.0.0.1, writes the body of /open/<region>/sites.geojson (plain, and its gzip form as
WhiteNoise's ".gz" alternative) into that static root, and loads both URLs with wrk: the same threads,
connections and duration for each, without and with "Accept-Encoding: gzip", alternating static and
dynamic for --rounds rounds. The map page (all sites, and ?sector=porcelain) is timed request by
request over the same server. It reports; it asserts nothing. See bench/README.md.
"""

from __future__ import annotations

import argparse
import datetime
import http.client
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import benchenv
import generate_sites
import measure
from run import progress

TARGET_RATIO = 0.5
SETTINGS_MODULE = "bench_sites_settings"
# wrk prints this line from done(): every number the report needs, in microseconds and bytes.
WRK_REPORT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH-JSON {"requests":%d,"duration_us":%d,"bytes":%d,"connect_errors":%d,"read_errors":%d,'
    .. '"write_errors":%d,"status_errors":%d,"timeouts":%d,"p50_us":%d,"p95_us":%d,"p99_us":%d,"max_us":%d}\\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
end
"""
HEADERS_KEPT = ("Content-Type", "Content-Length", "Content-Encoding", "ETag", "Cache-Control", "Vary")


# --- data -----------------------------------------------------------------------------------------


def ensure_data(args) -> dict:
    from django.db import connection

    from inducult.heritage.models import Site
    from inducult.regions.models import Region

    region = Region.objects.filter(slug=args.region).first()
    count = Site.objects.filter(region=region).count() if region else 0
    generated = None
    if count != args.sites or args.regenerate:
        progress(f"generating {args.sites:,} sites (found {count:,} in region {args.region!r})")
        gen_args = generate_sites.parse_args(
            ["--region", args.region, "--sites", str(args.sites), "--seed", str(args.seed), "--replace"]
        )
        generated = generate_sites.generate_from_args(gen_args)
        progress(f"generated in {generated['total_s']} s")
    if args.analyze:
        # Fresh bulk inserts leave the planner's statistics stale (PostgreSQL) or absent (SQLite). On
        # PostgreSQL, VACUUM also sets the visibility map, as autovacuum does on a live installation
        # after such an insert: without it the fingerprint's count visits every row (5 ms, not 1 ms).
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    region = Region.objects.get(slug=args.region)
    sites = Site.objects.filter(region=region)
    return {
        "sites_in_region": sites.count(),
        "active": sites.filter(archived_at__isnull=True).count(),
        "with_location": sites.filter(latitude__isnull=False).count(),
        "with_structured_hours": sites.filter(opening_hours__isnull=False).count(),
        "generated": generated,
    }


# --- the server -----------------------------------------------------------------------------------


def write_settings(directory: Path, static_root: Path, cache: str) -> None:
    """The project's settings with STATIC_ROOT in the run's temporary directory (the copy of the
    document must never land in src/ or var/); ``cache`` "dummy" turns Django's cache off."""
    lines = [
        "from pathlib import Path",
        "from inducult.settings import *  # noqa: F403",
        f"STATIC_ROOT = Path({str(static_root)!r})",
        # WhiteNoise does not know the extension; the same type as the view sends.
        'WHITENOISE_MIMETYPES = {".geojson": "application/geo+json; charset=utf-8"}',
    ]
    if cache == "dummy":
        lines.append('CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}')
    (directory / f"{SETTINGS_MODULE}.py").write_text("\n".join(lines) + "\n")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_command(args, directory: Path, port: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "inducult.wsgi:application",
        "--chdir",
        str(benchenv.REPO),
        "--pythonpath",
        f"{benchenv.REPO / 'src'},{directory}",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(args.workers),
        "--threads",
        str(args.threads),
        "--worker-class",
        "gthread",
        "--timeout",
        "120",
        "--error-logfile",
        str(directory / "gunicorn.log"),
    ]


def server_environment() -> dict[str, str]:
    env = benchenv.environment()
    env["DJANGO_SETTINGS_MODULE"] = SETTINGS_MODULE
    # As docs/operations.md advises behind a WSGI server: no new database connection per request.
    env.setdefault("DB_CONN_MAX_AGE", "60")
    env.pop("DEBUG", None)
    return env


def start_server(args, directory: Path, port: int) -> subprocess.Popen:
    command = server_command(args, directory, port)
    process = subprocess.Popen(command, env=server_environment(), cwd=benchenv.REPO)  # noqa: S603
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn stopped at start; see {directory / 'gunicorn.log'}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return process
        except OSError:
            time.sleep(0.2)
    stop_server(process)
    raise SystemExit("gunicorn did not answer within 60 s")


def stop_server(process: subprocess.Popen) -> None:
    """Stops the gunicorn master this run started (by its pid); it stops its workers."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def fetch(port: int, path: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes, float]:
    """One GET on a fresh connection: status, the kept headers, the body as sent, seconds."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    started = time.perf_counter()
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    body = response.read()
    elapsed = time.perf_counter() - started
    connection.close()
    kept = {name: response.headers[name] for name in HEADERS_KEPT if response.headers[name] is not None}
    return response.status, kept, body, elapsed


# --- the static copy ------------------------------------------------------------------------------


def write_static_copy(static_root: Path, region_slug: str, host: str) -> None:
    """Writes the view's own bodies (plain, and gzip as WhiteNoise's ".gz" alternative) under the static
    root before the server starts (WhiteNoise reads its files once, at start). They come from the same
    code through django.test.Client with the Host the load tool sends, so the URLs inside match; the run
    compares them with what the server sends before measuring."""
    from django.test import Client
    from django.urls import reverse

    client = Client(HTTP_HOST=host)
    url = reverse("heritage_public:sites_geojson", args=[region_slug])
    plain = client.get(url).content
    compressed = client.get(url, headers={"accept-encoding": "gzip"}).content
    target = static_root / region_slug / "sites.geojson"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(plain)
    target.with_name("sites.geojson.gz").write_bytes(compressed)


def compare_bodies(port: int, dynamic: str, static: str, host: str) -> dict:
    """Whether the view and WhiteNoise send the same bytes, plain and gzip, and their headers."""
    result = {}
    for encoding in ("plain", "gzip"):
        headers = {"Host": host, **({"Accept-Encoding": "gzip"} if encoding == "gzip" else {})}
        d_status, d_headers, d_body, _ = fetch(port, dynamic, headers)
        s_status, s_headers, s_body, _ = fetch(port, static, headers)
        result[encoding] = {
            "identical": d_status == s_status == 200 and d_body == s_body,
            "bytes": len(d_body),
            "dynamic_headers": d_headers,
            "static_headers": s_headers,
        }
    return result


# --- load -----------------------------------------------------------------------------------------


def wrk(args, script: Path, url: str, headers: dict[str, str], duration: int) -> dict:
    """One wrk run; afterwards it waits as long as the slowest answer took, so that requests still in
    the server's hands (seconds each when the cache is off) do not slow down the next run."""
    command = ["wrk", f"-t{args.threads_wrk}", f"-c{args.connections}", f"-d{duration}s", "--timeout", "60s"]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    command += ["-s", str(script), url]
    load = os.getloadavg()[0]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603
    line = next(line for line in output.splitlines() if line.startswith("BENCH-JSON "))
    raw = json.loads(line.removeprefix("BENCH-JSON "))
    seconds = raw["duration_us"] / 1e6
    errors = sum(raw[k] for k in raw if k.endswith("_errors")) + raw["timeouts"]
    time.sleep(min(raw["max_us"] / 1e6, 60))
    return {
        "requests": raw["requests"],
        "seconds": round(seconds, 2),
        "requests_per_s": round(raw["requests"] / seconds, 1),
        "mb_per_s": round(raw["bytes"] / seconds / 1e6, 1),
        "p50_ms": round(raw["p50_us"] / 1000, 1),
        "p95_ms": round(raw["p95_us"] / 1000, 1),
        "p99_ms": round(raw["p99_us"] / 1000, 1),
        "max_ms": round(raw["max_us"] / 1000, 1),
        "errors": errors,
        "load_1min_before": round(load, 2),
    }


def throughput(args, script: Path, base: str, paths: dict[str, str], host: str) -> list[dict]:
    """Each round: for plain and gzip, the static copy then the view, back to back, so that drift in
    the machine's load touches both sides alike."""
    variants = [(encoding, side) for encoding in ("plain", "gzip") for side in ("static", "dynamic")]
    headers_of = {"plain": {"Host": host}, "gzip": {"Host": host, "Accept-Encoding": "gzip"}}
    progress(f"warming up every variant for {args.warmup} s (each gunicorn worker builds its cache)")
    for encoding, side in variants:
        wrk(args, script, base + paths[side], headers_of[encoding], args.warmup)
    runs = []
    for round_number in range(1, args.rounds + 1):
        for encoding, side in variants:
            progress(f"round {round_number}/{args.rounds}: {side}, {encoding}, {args.duration} s")
            result = wrk(args, script, base + paths[side], headers_of[encoding], args.duration)
            runs.append({"round": round_number, "encoding": encoding, "side": side, **result})
    return runs


def summary(runs: list[dict]) -> dict:
    """Median requests/s per side and encoding over the rounds, and the ratio dynamic/static."""
    result = {}
    for encoding in ("plain", "gzip"):
        medians = {
            side: statistics.median(
                r["requests_per_s"] for r in runs if r["encoding"] == encoding and r["side"] == side
            )
            for side in ("static", "dynamic")
        }
        per_round = [
            round(d["requests_per_s"] / s["requests_per_s"], 2) if s["requests_per_s"] else None
            for s, d in zip(
                [r for r in runs if r["encoding"] == encoding and r["side"] == "static"],
                [r for r in runs if r["encoding"] == encoding and r["side"] == "dynamic"],
                strict=True,
            )
        ]
        result[encoding] = {
            "static_requests_per_s": round(medians["static"], 1),
            "dynamic_requests_per_s": round(medians["dynamic"], 1),
            "ratio": round(medians["dynamic"] / medians["static"], 2) if medians["static"] else None,
            "ratio_per_round": per_round,
        }
    return result


def map_pages(port: int, region_slug: str, host: str, times: int) -> list[dict]:
    """The map page and the markers its script fetches, over HTTP, one request at a time: p50/p95 of
    the whole exchange and its size (the markers as a browser gets them, gzip-compressed)."""
    from django.urls import reverse

    path = reverse("heritage_public:map", args=[region_slug])
    markers = reverse("heritage_public:map_markers", args=[region_slug])
    gzip = {"Accept-Encoding": "gzip"}
    results = []
    for label, url, extra in (
        ("map page, all sites", path, {}),
        ("its markers, all sites", markers + "?lang=cs", gzip),
        ("map page, sector=porcelain", path + "?sector=porcelain", {}),
        ("its markers, sector=porcelain", markers + "?sector=porcelain&lang=cs", gzip),
    ):
        progress(f"{label}: {times} requests")
        statuses, sizes = set(), set()

        def get(url=url, extra=extra, statuses=statuses, sizes=sizes):
            status, _headers, body, _seconds = fetch(port, url, {"Host": host, **extra})
            statuses.add(status)
            sizes.add(len(body))

        samples = measure.repeat(get, times=times, warmup=1)
        results.append(
            {"scenario": label, "url": url, "status": sorted(statuses), "bytes": max(sizes)}
            | measure.summarise(samples)
        )
    return results


# --- the report -----------------------------------------------------------------------------------


def markdown(report: dict) -> str:
    m, data, cfg = report["machine"], report["data"], report["config"]
    lines = [
        f"## sites.geojson and the map page, {m['database']}, {data['sites_in_region']:,} sites ({report['date']})",
        "",
        f"{m['cpus']} CPUs ({m['cpu']}), {m['memory']}, Python {m['python']}, Django {m['django']}; "
        f"gunicorn {cfg['gunicorn']} ({cfg['workers']} workers x {cfg['threads']} threads, gthread), "
        f"wrk {cfg['wrk_threads']} threads x {cfg['connections']} connections, {cfg['duration_s']} s per run, "
        f"{cfg['rounds']} rounds; cache: {cfg['cache']}; DB_CONN_MAX_AGE={cfg['db_conn_max_age']}.",
        "",
        f"Load average (1, 5, 15 min) before: {report['load_average']['before']}, "
        f"after: {report['load_average']['after']}.",
        "",
        f"First request after the server started (one worker builds and caches): {report['cold_request_s']} s.",
        "",
        "| body | bytes | view and static copy identical |",
        "| --- | ---: | --- |",
    ]
    for encoding, facts in report["bodies"].items():
        lines.append(f"| {encoding} | {facts['bytes']:,} | {'yes' if facts['identical'] else 'NO'} |")
    lines += [
        "",
        "| round | encoding | side | req/s | MB/s | p50 ms | p95 ms | max ms | errors | load |",
        "| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in report["runs"]:
        lines.append(
            f"| {r['round']} | {r['encoding']} | {r['side']} | {r['requests_per_s']} | {r['mb_per_s']} "
            f"| {r['p50_ms']} | {r['p95_ms']} | {r['max_ms']} | {r['errors']} | {r['load_1min_before']} |"
        )
    lines += [
        "",
        "| encoding | static req/s | sites.geojson req/s | ratio | per round |",
        "| --- | ---: | ---: | ---: | --- |",
    ]
    for encoding, s in report["summary"].items():
        lines.append(
            f"| {encoding} | {s['static_requests_per_s']} | {s['dynamic_requests_per_s']} | {s['ratio']} "
            f"| {', '.join(str(x) for x in s['ratio_per_round'])} |"
        )
    verdicts = [
        f"{encoding} {'met' if s['ratio'] is not None and s['ratio'] >= TARGET_RATIO else 'NOT met'} ({s['ratio']})"
        for encoding, s in report["summary"].items()
    ]
    lines += [
        "",
        f"Target: ratio >= {TARGET_RATIO} (medians of the rounds): {', '.join(verdicts)}.",
    ]
    if report["map"]:
        lines += [
            "",
            "| map page | status | KiB | n | p50 ms | p95 ms | max ms |",
            "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
        ]
        for r in report["map"]:
            status = "/".join(str(s) for s in r["status"])
            lines.append(
                f"| {r['scenario']} | {status} | {r['bytes'] / 1024:,.0f} | {r['n']} | {r['p50_ms']} | {r['p95_ms']} "
                f"| {r['max_ms']} |"
            )
    return "\n".join(lines)


# --- main -----------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--region", default=generate_sites.REGION)
    parser.add_argument("--sites", type=int, default=20_000, help="sites in the region")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--regenerate", action="store_true", help="generate the sites anew")
    parser.add_argument("--no-analyze", dest="analyze", action="store_false", help="skip (VACUUM) ANALYZE first")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=4, help="threads per gunicorn worker")
    parser.add_argument("--wrk-threads", dest="threads_wrk", type=int, default=2)
    parser.add_argument("--connections", type=int, default=8, help="wrk connections, the same for every run")
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    parser.add_argument("--warmup", type=int, default=3, help="seconds of untimed load per variant first")
    parser.add_argument("--rounds", type=int, default=3, help="static/dynamic pairs per encoding")
    parser.add_argument("--map-requests", type=int, default=10, help="timed requests per map scenario (0: skip)")
    parser.add_argument("--cache", choices=["default", "dummy"], default="default", help="dummy: no Django cache")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory (static copy, log)")
    parser.add_argument("--json", action="store_true", help="also write bench/results/<date>-sites-<db>.json")
    args = parser.parse_args(argv)
    if args.map_requests == 1 or min(args.duration, args.rounds, args.connections, args.workers) < 1:
        parser.error("--map-requests must be 0 or at least 2; durations, rounds and counts at least 1")
    return args


def cache_label(cache: str) -> str:
    if cache == "dummy":
        return "none (DummyCache: every request builds the document)"
    return "Redis (REDIS_URL)" if os.environ.get("REDIS_URL") else "LocMemCache, one per worker"


def missing_tools() -> str | None:
    if shutil.which("wrk") is None:
        return "wrk is not installed: on Debian, apt-get install wrk"
    try:
        import gunicorn  # noqa: F401
    except ImportError:
        return "gunicorn is not installed: it is in the dev dependency group (scripts/bootstrap.sh)"
    return None


def measure_server(args, directory: Path, port: int, host: str) -> dict:
    from django.urls import reverse

    script = directory / "report.lua"
    script.write_text(WRK_REPORT)
    paths = {
        "dynamic": reverse("heritage_public:sites_geojson", args=[args.region]),
        "static": f"/static/{args.region}/sites.geojson",
    }
    process = start_server(args, directory, port)
    try:
        _status, _headers, _body, cold = fetch(port, paths["dynamic"], {"Host": host})
        bodies = compare_bodies(port, paths["dynamic"], paths["static"], host)
        runs = throughput(args, script, f"http://127.0.0.1:{port}", paths, host)
        maps = map_pages(port, args.region, host, args.map_requests) if args.map_requests else []
    finally:
        stop_server(process)
    return {"paths": paths, "cold_request_s": round(cold, 2), "bodies": bodies, "runs": runs, "map": maps}


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    problem = missing_tools()
    if problem:
        print(f"Cannot measure: {problem}. Nothing was measured.", file=sys.stderr)
        return 2
    benchenv.setup()
    import gunicorn

    data = ensure_data(args)
    directory = Path(tempfile.mkdtemp(prefix="inducult-bench-sites-"))
    port = free_port()
    host = f"127.0.0.1:{port}"
    load_before = os.getloadavg()
    try:
        write_settings(directory, directory / "static", args.cache)
        write_static_copy(directory / "static", args.region, host)
        measured = measure_server(args, directory, port, host)
    finally:
        if args.keep:
            progress(f"kept {directory}")
        else:
            shutil.rmtree(directory, ignore_errors=True)
    report = {
        "date": datetime.date.today().isoformat(),
        "machine": measure.machine(),
        "region": args.region,
        "data": data,
        "config": {
            "gunicorn": gunicorn.__version__,
            "workers": args.workers,
            "threads": args.threads,
            "wrk_threads": args.threads_wrk,
            "connections": args.connections,
            "duration_s": args.duration,
            "warmup_s": args.warmup,
            "rounds": args.rounds,
            "cache": cache_label(args.cache),
            "db_conn_max_age": server_environment()["DB_CONN_MAX_AGE"],
        },
        **measured,
        "summary": summary(measured["runs"]),
        "load_average": {
            "before": [round(x, 2) for x in load_before],
            "after": [round(x, 2) for x in os.getloadavg()],
        },
    }
    print(markdown(report))
    if args.json:
        suffix = "" if args.cache == "default" else f"-{args.cache}-cache"
        out = benchenv.REPO / "bench" / "results" / f"{report['date']}-sites-{benchenv.database_label()}{suffix}.json"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(report, indent=2, ensure_ascii=False, default=str) + "\n")
        print(f"\nWrote {out.relative_to(benchenv.REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
