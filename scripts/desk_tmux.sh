#!/usr/bin/env bash
# Run the review desk in tmux as a user would: send keys, capture each screen as text.
#
#   scripts/desk_tmux.sh [OUT_DIR] [DB_URL]
#
# Without DB_URL a demo store is built from the fixtures (scripts/desk_demo_store.py).
# The captures (OUT_DIR/NN-name.txt, default desk-captures/) are what a reviewer sees in a
# terminal without bidi support, with the desk in its 'shape' display mode.
# Env: DESK_SIZE=140x40, DESK_REVIEWER=demo, DESK_BIDI=shape, PYTHON (default: the .venv's, else python).
set -euo pipefail
cd "$(dirname "$0")/.."

OUT="${1:-desk-captures}"
DB="${2:-}"
SIZE="${DESK_SIZE:-140x40}"
REVIEWER="${DESK_REVIEWER:-demo}"
BIDI="${DESK_BIDI:-shape}"
VENV="${CLAIMCHECK_VENV:-.venv}"
if [ -z "${PYTHON:-}" ]; then
  # The venv the README's set-up made, so the script works without activating it first.
  if [ -x "$VENV/bin/python" ]; then PYTHON="$VENV/bin/python"; else PYTHON=python; fi
fi
SESSION="claimcheck-desk-$$"

if ! command -v tmux >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tmux >/dev/null
fi

mkdir -p "$OUT"
WORK="$(mktemp -d)"
trap 'tmux kill-session -t "$SESSION" 2>/dev/null || true; rm -rf "$WORK"' EXIT
# Keep the user's data and config folders out of it.
export CLAIMCHECK_HOME="$WORK/home" CLAIMCHECK_CONFIG_DIR="$WORK/config"
ROW=0  # the queue row to open: the seed 001 drone conflict in the demo store
if [ -z "$DB" ]; then
  DB="sqlite:///$WORK/demo.db"
  INFO="$("$PYTHON" scripts/desk_demo_store.py "$DB")"  # "<conflict id> <row>"
  ROW="${INFO#* }"
fi

capture() {  # capture NAME: the visible screen, as text
  tmux capture-pane -p -t "$SESSION" > "$OUT/$1.txt"
  echo "captured $OUT/$1.txt"
}

wait_for() {  # wait_for TEXT [grep option]: until TEXT is on the screen (10 s at most)
  for _ in $(seq 100); do
    tmux capture-pane -p -t "$SESSION" | grep -q "${2:--F}" -- "$1" && { sleep 0.3; return 0; }
    sleep 0.1
  done
  echo "timed out waiting for: $1" >&2
  tmux capture-pane -p -t "$SESSION" >&2
  return 1
}

keys() {  # one key at a time: an ESC followed too quickly by another key reads as Alt+key
  for key in "$@"; do tmux send-keys -t "$SESSION" "$key"; sleep 0.3; done
}

tmux new-session -d -s "$SESSION" -x "${SIZE%x*}" -y "${SIZE#*x}" \
  "$PYTHON -m claimcheck desk --db '$DB' --reviewer '$REVIEWER' --bidi '$BIDI'"

wait_for "conflict queue" && wait_for "conflicts ·"
capture 01-queue
for _ in $(seq "$ROW"); do keys Down; done
keys Enter;            wait_for "pair unreviewed";  capture 02-side-by-side
keys D;                wait_for "Mark this claim";  tmux send-keys -t "$SESSION" -l "checked against the GNA statement"
                                                     capture 03-verdict-form
keys Enter;            wait_for "disputed ·";       capture 04-marked-disputed
keys z;                wait_for "undone";           capture 05-undone
keys a;                wait_for "claim [0-9]+/[0-9]+ ·" -E;  capture 06-article
keys Escape Escape 2;  wait_for "claimcheck desk · claims";         capture 07-claims
keys '?';              wait_for "Everywhere";       capture 08-help
keys Escape q
