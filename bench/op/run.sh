#!/usr/bin/env bash
# The full orienteering benchmark: our planner, PyVRP's defaults and the greedy baseline side by
# side on all 78 public instances, 2 s each (about 8 minutes). Run from the repository root:
#   bench/op/run.sh [extra solve_op options]
# JSON lines (ours) and the summary table go to stdout; docs/performance.md records a run.
set -euo pipefail
cd "$(dirname "$0")/../.."
OP=../shared/bench/op
exec .venv/bin/python manage.py solve_op \
    "$OP"/tsiligirides/set1/*.txt "$OP"/tsiligirides/set2/*.txt "$OP"/tsiligirides/set3/*.txt \
    "$OP"/optw_solomon/*.txt \
    --time-limit 2 --compare "$@"
