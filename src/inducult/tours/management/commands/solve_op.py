"""Benchmark the tour planner on public orienteering instances (issue #7, point 5).

    python manage.py solve_op FILE [FILE …] --time-limit 2 [--method ours|greedy|library] [--compare]

Prints one JSON line per instance — {"instance", "score", "route", "seconds"} and nothing else —
then a summary table per set with the gap to the best-known scores in ../shared/bench/op/BKS.tsv
(or --bks PATH). With --compare the other two methods run on the same instances and get their
own columns in the table; the JSON lines stay those of --method. OPTW travel times are distances
truncated to one decimal (the Solomon-based sets); --optw-decimals 2 reads Cordeau's sets.
"""

import csv
import json
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from inducult.tours.planning import METHODS, PlanningError, check, plan
from inducult.tours.planning.instances import OPTW_DECIMALS, read_instance
from inducult.tours.planning.solve import warm_up


def default_bks() -> Path:
    """The shared folder sits next to the repository, here and in CI."""
    return Path(settings.BASE_DIR).parent / "shared" / "bench" / "op" / "BKS.tsv"


@dataclass(frozen=True)
class Known:
    set: str
    score: float


def read_bks(path: Path) -> dict[Path, Known]:
    """Best-known scores by the instance's resolved path (paths in the file are relative to it)."""
    try:
        with path.open(newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle, delimiter="\t"))
    except OSError as error:
        raise CommandError(f"Cannot read the best-known scores {path}: {error.strerror}") from None
    known = {}
    for number, row in enumerate(rows, start=2):
        try:
            known[(path.parent / row["instance"]).resolve()] = Known(row["set"], float(row["best_known_score"]))
        except (KeyError, TypeError, ValueError):
            raise CommandError(f"{path}, line {number}: expected set, instance and best_known_score") from None
    return known


@dataclass
class Outcome:
    set: str
    gap: float | None
    seconds: float
    feasible: bool


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


class Command(BaseCommand):
    help = "Solve orienteering benchmark instances (OP and OPTW) and compare with the best-known scores."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE", help="instance files (OP or OPTW format)")
        parser.add_argument("--time-limit", type=float, default=2.0, help="wall-time budget per instance, seconds")
        parser.add_argument("--method", choices=METHODS, default="ours", help="the search whose routes are printed")
        parser.add_argument("--compare", action="store_true", help="also run the other methods for the table")
        parser.add_argument("--bks", type=Path, default=None, help="best-known scores (default ../shared/…/BKS.tsv)")
        parser.add_argument("--seed", type=int, default=0, help="random seed of the search")
        parser.add_argument(
            "--optw-decimals",
            type=int,
            choices=OPTW_DECIMALS,
            default=1,
            help="OPTW travel times: distances truncated to this many decimals (1: Solomon-based sets; 2: Cordeau's)",
        )
        parser.add_argument(
            "--workers",
            type=int,
            choices=(1, 2),
            default=2,
            help="processes for the planner's portfolio (2: its two searches side by side on two cores)",
        )

    def handle(self, *args, files, time_limit, method, compare, bks, seed, workers, optw_decimals, **options):
        if time_limit <= 0:
            raise CommandError("--time-limit must be positive")
        known = self._known(bks)
        instances = []
        for name in files:
            path = Path(name)
            if not path.is_file():
                raise CommandError(f"No such instance file: {name}")
            try:
                instances.append((name, read_instance(path, decimals=optw_decimals)))
            except (OSError, ValueError) as error:
                raise CommandError(f"Cannot read {name}: {error}") from None
        methods = [method] + ([m for m in METHODS if m != method] if compare else [])
        warm_up(workers)  # the worker processes start (and import PyVRP) before any clock runs
        results: dict[str, list[Outcome]] = {m: [] for m in methods}
        for name, instance in instances:
            entry = known.get(Path(name).resolve())
            for current in methods:
                began = time.perf_counter()
                try:
                    found = plan(instance.problem, time_limit=time_limit, seed=seed, method=current, workers=workers)
                    route, score = list(found.route), found.score
                except PlanningError:
                    route, score = [], 0.0
                seconds = time.perf_counter() - began
                # Re-checked here too: the benchmark must not trust the planner's own word.
                feasible = bool(route) and check(instance.problem, route).ok
                gap = (entry.score - score) / entry.score * 100 if entry and entry.score else None
                results[current].append(Outcome(entry.set if entry else "(no BKS)", gap, seconds, feasible))
                if current == method:
                    line = {
                        "instance": name,
                        "score": _number(score),
                        "route": instance.file_route(route),
                        "seconds": round(seconds, 3),
                    }
                    self.stdout.write(json.dumps(line))
                    self.stdout.flush()
        self._summary(results, methods, time_limit)

    def _known(self, bks: Path | None) -> dict[Path, Known]:
        if bks is not None:
            return read_bks(bks)
        path = default_bks()
        if not path.is_file():
            self.stderr.write(f"No best-known scores at {path}; gaps are left out (use --bks PATH).")
            return {}
        return read_bks(path)

    def _summary(self, results: dict[str, list[Outcome]], methods: list[str], time_limit: float):
        sets = list(dict.fromkeys(o.set for o in results[methods[0]]))
        header = ["set", "n"]
        for m in methods:
            header += [f"{m} mean gap %", f"{m} max gap %", f"{m} max s", f"{m} feasible"]
        rows = []
        for name in [*sets, "all"]:
            row = None
            for m in methods:
                chosen = [o for o in results[m] if name in ("all", o.set)]
                gaps = [o.gap for o in chosen if o.gap is not None]
                if row is None:
                    row = [name, str(len(chosen))]
                row += [
                    f"{sum(gaps) / len(gaps):.2f}" if gaps else "-",
                    f"{max(gaps):.2f}" if gaps else "-",
                    f"{max(o.seconds for o in chosen):.2f}",
                    "yes" if all(o.feasible for o in chosen) else "NO",
                ]
            rows.append(row)
        self.stdout.write("")
        self.stdout.write(f"Summary (time limit {time_limit:g} s per instance; gap = (BKS - score) / BKS × 100)")
        self.stdout.write("| " + " | ".join(header) + " |")
        self.stdout.write("|" + "|".join("---" for _ in header) + "|")
        for row in rows:
            self.stdout.write("| " + " | ".join(row) + " |")
