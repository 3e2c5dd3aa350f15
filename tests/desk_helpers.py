"""Stores for the review desk's tests, snapshots, tmux script and benchmark.

``desk_store`` prefers the real pipeline; when it does not (yet) produce the seed 001 drone
conflict, or when ``gold=True`` (snapshots must not change with the attribution engine), the
hand-checked gold claims and conflicts are stored instead, located in the real article text.
"""

from __future__ import annotations

import json

from helpers import GOLD, save_gold_claims, seed_store

from claimcheck.models import Conflict
from claimcheck.store.database import Store

DRONE_ARTICLE = "001_af9ab40275ef7aca"
DRONE_WORD = "طائرة"


def drone_conflict(store) -> dict | None:
    """The conflict between the LNA and the GNA claims of seed 001 that a drone was downed.

    Most confident first; among equals, the pair whose LNA claim comes first in the article.
    """
    article_id = store.find_article_id(DRONE_ARTICLE)
    found = []
    for c in store.conflicts():
        a, b = store.claim(c["claim_a"]), store.claim(c["claim_b"])
        if not (a and b) or {a["article_id"], b["article_id"]} != {article_id}:
            continue
        if {a["side"], b["side"]} == {"LNA", "GNA"} and all(DRONE_WORD in x["content"] for x in (a, b)):
            lna = a if a["side"] == "LNA" else b
            found.append((-c["confidence"], lna["cue_span"][0], c["id"], c))
    return min(found)[-1] if found else None


def gold_conflicts(gold_ids: dict[str, str]) -> list[Conflict]:
    """The gold conflict pairs as ``Conflict``s between the stored gold claims."""
    out = []
    for line in (GOLD / "conflicts.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        g = json.loads(line)
        a, b = gold_ids.get(g["a"]), gold_ids.get(g["b"])
        if a and b:
            a, b = sorted((a, b))
            out.append(Conflict(a, b, g["type"], g["why"], "روايتان متعارضتان للحدث نفسه", 0.9))
    return out


def desk_store(url: str, *, gold: bool = False) -> tuple[Store, str]:
    """A store with the seeds ingested, and the id of the seed 001 drone conflict."""
    store = Store(url)
    seed_store(store)
    found = None if gold else drone_conflict(store)
    if found is None:
        gold_ids = save_gold_claims(store)
        store.replace_conflicts(gold_conflicts(gold_ids))
        found = drone_conflict(store)
    assert found is not None, "the seed 001 drone conflict is in neither the pipeline's output nor the gold"
    return store, found["id"]
