#!/usr/bin/env bash
# Set up a fresh virtual environment (if needed) and run the whole test suite.
# Used by the README's test command and by CI.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${CLAIMCHECK_VENV:-.venv}"

# PostgreSQL server binaries for the team-store tests (Debian/Ubuntu).
if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
fi
if ! command -v tmux >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tmux >/dev/null 2>&1 || true
fi

[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
. "$VENV/bin/activate"
python -m pip install -q --upgrade pip
python -m pip install -q torch==2.13.0          # first: the CPU build, not several GB of CUDA
python -m pip install -q -e ".[test]"

# The small stanza test models, when present beside the repository.
if [ -z "${CLAIMCHECK_STANZA_DIR:-}" ] && [ -f ../shared/models/stanza-ar/resources.json ]; then
  export CLAIMCHECK_STANZA_DIR="$(cd ../shared/models/stanza-ar && pwd)"
fi

set +e
python -m pytest -q -rs "$@"  # -rs: the reason of every skipped test
status=$?
set -e
# pytest exits 5 when it collected no tests (e.g. a filter that matches nothing): not a failure.
if [ "$status" -eq 5 ]; then exit 0; fi
exit "$status"
