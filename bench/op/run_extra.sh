#!/usr/bin/env bash
# Generalisation check of the tour planner on further published OPTW sets (bench/op/extra,
# see its SOURCES.md): our planner, PyVRP's defaults and the greedy baseline, 2 s each. Cordeau's
# instances keep two decimals of distance, the Solomon ones one. Run from the repository root:
#   bench/op/run_extra.sh [extra solve_op options]
set -euo pipefail
cd "$(dirname "$0")/../.."
EXTRA=bench/op/extra
.venv/bin/python manage.py solve_op "$EXTRA"/cordeau/*.txt \
    --optw-decimals 2 --bks "$EXTRA/BKS.tsv" --time-limit 2 --compare "$@"
.venv/bin/python manage.py solve_op "$EXTRA"/solomon2/*.txt \
    --optw-decimals 1 --bks "$EXTRA/BKS.tsv" --time-limit 2 --compare "$@"
