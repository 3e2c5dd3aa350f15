#!/usr/bin/env bash
# Set up a virtual environment (if needed) and run claimcheck on the sample articles in fixtures/articles/,
# with the default embedded SQLite store. Prints the articles, the claims of one of them (every claim:
# `claimcheck claims`) and the conflicts it found.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${CLAIMCHECK_VENV:-.venv}"

[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
. "$VENV/bin/activate"
python -m pip install -q --upgrade pip
python -m pip install -q torch==2.13.0          # first: the CPU build, not several GB of CUDA
python -m pip install -q -e .

claimcheck ingest fixtures/articles
claimcheck articles
claimcheck claims --outlet "Asharq Al-Awsat"
claimcheck conflicts
