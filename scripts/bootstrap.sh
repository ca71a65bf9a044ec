#!/usr/bin/env bash
# Set up the Python environment in .venv/ from uv.lock, on any machine of this project's kind.
# Finds a Python >= 3.12 by probing candidates (a shim that exits non-zero does not count), gets
# uv if it is missing, syncs the locked dependencies and refreshes the compiled message catalogues.
set -euo pipefail
cd "$(dirname "$0")/.."

find_python() {
  local candidates=()
  [ -n "${PYTHON:-}" ] && candidates+=("$PYTHON")
  candidates+=(python3.13 python3.12 python3)
  if command -v pyenv >/dev/null 2>&1; then
    local root; root=$(pyenv root)
    for p in "$root"/versions/3.13*/bin/python3 "$root"/versions/3.12*/bin/python3; do
      [ -x "$p" ] && candidates+=("$p")
    done
  fi
  for p in /usr/bin/python3.13 /usr/bin/python3.12 /usr/local/bin/python3.13 /usr/local/bin/python3.12; do
    [ -x "$p" ] && candidates+=("$p")
  done
  for candidate in "${candidates[@]}"; do
    if "$candidate" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' >/dev/null 2>&1; then
      "$candidate" -c 'import sys; print(sys.executable)'
      return 0
    fi
  done
  return 1
}

PY=$(find_python) || {
  echo "InduCult Hub needs Python 3.12 or newer (Django 6.1 requires it)." >&2
  echo "Install one (e.g. 'pyenv install 3.12' or Debian's python3.12) or point PYTHON=/path/to/python3.12 at it." >&2
  exit 1
}

TOOLS_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/inducult-tools"
if command -v uv >/dev/null 2>&1; then
  UV=$(command -v uv)
else
  UV="$TOOLS_DIR/bin/uv"
  if [ ! -x "$UV" ]; then
    echo "Installing uv into $TOOLS_DIR ..."
    "$PY" -m venv "$TOOLS_DIR"
    "$TOOLS_DIR/bin/pip" install -q --disable-pip-version-check 'uv>=0.8' 2>&1 | grep -v 'is ignored' || true
  fi
fi

export UV_PYTHON_DOWNLOADS=never
echo "Installing the locked dependencies into .venv/ (uv sync; quick when nothing changed) ..."
"$UV" sync --locked --python "$PY" ${UV_SYNC_ARGS:-} --quiet
# The compiled catalogues (.mo) are committed, so a machine without gettext still runs the
# platform in every language; where msgfmt exists they are rebuilt from the .po sources
# (the suite checks that the committed ones are current).
if command -v msgfmt >/dev/null 2>&1; then
  echo "Compiling the message catalogues (cs, de, en) ..."
  .venv/bin/python manage.py compilemessages --ignore=.venv --verbosity 0
fi
