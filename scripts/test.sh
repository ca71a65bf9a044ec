#!/usr/bin/env bash
# The whole suite, as CI runs it: lint, migrations check, deployment check, then pytest against
# SQLite and against a throwaway PostgreSQL cluster, browser tests included (Debian's chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

# --- system packages the suite needs (Debian) ---------------------------------------------
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
need=()
[ -x "${PG_BIN:-/nonexistent}/initdb" ] || need+=(postgresql)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v msgfmt >/dev/null 2>&1 || need+=(gettext)
# Reports (tests/reports): pdftotext and pdftoppm read the PDFs back; WeasyPrint needs Pango and
# HarfBuzz's subsetter at run time and a font (DejaVu, found through fontconfig).
command -v pdftotext >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
LDCACHE=$(ldconfig -p 2>/dev/null || /sbin/ldconfig -p 2>/dev/null || true)
has_lib() { grep -q "$1" <<<"$LDCACHE"; }  # not a pipe from ldconfig: grep -q would end it early (pipefail)
has_lib 'libpango-1\.0\.so\.0' || need+=(libpango-1.0-0)
has_lib 'libpangoft2-1\.0\.so\.0' || need+=(libpangoft2-1.0-0)
has_lib 'libharfbuzz-subset\.so\.0' || need+=(libharfbuzz-subset0)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "The suite needs these Debian packages: ${need[*]} (run as root or install them first)." >&2
    exit 1
  fi
  echo "Installing Debian packages: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi

scripts/bootstrap.sh
PY=$ROOT/.venv/bin/python

echo "== ruff"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
echo "== the order of apps (import-linter, docs/decisions/0015-app-layers.md)"
PYTHONPATH=src .venv/bin/lint-imports --no-logo --no-cache
echo "== missing migrations"
$PY manage.py makemigrations --check --dry-run --verbosity 1
echo "== deployment check"
SECRET_KEY=$($PY -c 'import secrets; print(secrets.token_urlsafe(60))') INDUCULT_HTTPS=1 DEBUG=0 \
  ALLOWED_HOSTS=inducult.example.org EMAIL_HOST=smtp.example.org $PY manage.py check --deploy --fail-level WARNING

# --- throwaway PostgreSQL cluster ----------------------------------------------------------
PGTMP=$(mktemp -d /tmp/inducult-pg.XXXXXX)
chmod 755 "$PGTMP"
PGPORT=${PGPORT_TEST:-55432}
cleanup() {
  if [ -f "$PGTMP/data/postmaster.pid" ]; then
    su postgres -s /bin/sh -c "$PG_BIN/pg_ctl -D $PGTMP/data -m immediate stop" >/dev/null 2>&1 || true
  fi
  rm -rf "$PGTMP"
}
trap cleanup EXIT
run_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$PGTMP"
run_pg "$PG_BIN/initdb -D $PGTMP/data -U postgres -A trust -E UTF8 --locale=C.UTF-8" >/dev/null
run_pg "$PG_BIN/pg_ctl -D $PGTMP/data -l $PGTMP/log -w -o \"-p $PGPORT -k $PGTMP -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off\" start" >/dev/null

export DJANGO_ALLOW_ASYNC_UNSAFE=true
status=0
run_pytest() {
  local label=$1; shift
  echo "== pytest on $label"
  set +e
  "$@"
  local rc=$?
  set -e
  if [ $rc -eq 5 ]; then echo "pytest collected no tests on $label: that is a failure" >&2; rc=1; fi
  if [ $rc -ne 0 ]; then status=1; fi
}
run_pytest SQLite env -u DATABASE_URL INDUCULT_VAR_DIR="$PGTMP/var-sqlite" .venv/bin/pytest -q ${PYTEST_ARGS:-}
run_pytest PostgreSQL env DATABASE_URL="postgres://postgres@127.0.0.1:$PGPORT/inducult" INDUCULT_VAR_DIR="$PGTMP/var-pg" \
  .venv/bin/pytest -q ${PYTEST_ARGS:-}
exit $status
