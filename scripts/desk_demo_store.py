"""Build a store from the fixture articles for trying the review desk.

    python scripts/desk_demo_store.py sqlite:///demo.db [--gold]

Uses the real pipeline; where it does not (yet) find the seed 001 drone conflict, or with
--gold, the hand-checked gold claims and conflicts are stored instead. Prints the drone
conflict's id and its row in the desk's queue (0 = first).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from desk_helpers import desk_store  # noqa: E402

from claimcheck.store import queries  # noqa: E402


def main(argv: list[str]) -> None:
    if not argv or argv[0].startswith("-"):
        sys.exit(__doc__)
    store, conflict_id = desk_store(argv[0], gold="--gold" in argv)
    queue = [r.id for r in queries.conflict_page(store, queries.ConflictFilter(), limit=10_000)]
    print(conflict_id, queue.index(conflict_id))
    store.close()


if __name__ == "__main__":
    main(sys.argv[1:])
