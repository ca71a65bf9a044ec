#!/usr/bin/env bash
# Run the platform on the embedded default: SQLite under var/ and the Karlovy Vary demo region.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
PY=.venv/bin/python
$PY manage.py migrate --noinput --verbosity 0
$PY manage.py load_demo
$PY manage.py ensure_demo_coordinator
$PY manage.py collectstatic --noinput --verbosity 0
HOST=${HOST:-127.0.0.1}
PORT=${PORT:-8000}
case "$HOST" in *:*) ADDR="[$HOST]:$PORT" ;; *) ADDR="$HOST:$PORT" ;; esac
if [ "$HOST" != "127.0.0.1" ] && [ "$HOST" != "localhost" ] && [ -z "${ALLOWED_HOSTS:-}" ]; then
  export ALLOWED_HOSTS="$HOST,127.0.0.1,localhost"
fi
echo "InduCult Hub: http://$ADDR/  (Ctrl+C stops it)"
exec $PY manage.py runserver "$ADDR" --noreload
