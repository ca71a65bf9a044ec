#!/usr/bin/env bash
# Run the platform on the embedded default: SQLite under var/ and the Karlovy Vary demo region.
set -euo pipefail
cd "$(dirname "$0")/.."
# Each step says what it does: the first run installs and loads for a minute or two.
echo "InduCult Hub: setting up the Python environment (.venv/, from uv.lock) ..."
scripts/bootstrap.sh
PY=.venv/bin/python
echo "InduCult Hub: migrating the database ..."
$PY manage.py migrate --noinput --verbosity 0
$PY manage.py load_demo
echo "InduCult Hub: making sure the demo coordinator account exists ..."
$PY manage.py ensure_demo_coordinator
echo "InduCult Hub: collecting static files ..."
$PY manage.py collectstatic --noinput --verbosity 0
HOST=${HOST:-127.0.0.1}
PORT=${PORT:-8000}
case "$HOST" in *:*) ADDR="[$HOST]:$PORT" ;; *) ADDR="$HOST:$PORT" ;; esac
if [ "$HOST" != "127.0.0.1" ] && [ "$HOST" != "localhost" ] && [ -z "${ALLOWED_HOSTS:-}" ]; then
  export ALLOWED_HOSTS="$HOST,127.0.0.1,localhost"
fi
echo "InduCult Hub: starting the server at http://$ADDR/  (Ctrl+C stops it)"
exec $PY manage.py runserver "$ADDR" --noreload
