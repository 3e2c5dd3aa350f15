"""Re-analysis keeps the reviews of claims that come out the same; conflicts follow the store."""

from __future__ import annotations

from claimcheck.pipeline import ingest_paths, reanalyze
from claimcheck.review import decisions as review
from tests.conftest import SEEDS


def test_reanalysis_keeps_reviews_of_unchanged_claims(seeded_store):
    store = seeded_store
    before = {c["id"] for c in store.claims()}
    claim = store.claims(cue="أعلن")[0]["id"]
    review.record(store, "claim", claim, "disputed", "amina", note="the other side denies it")

    n_articles, n_claims = reanalyze(store)
    assert n_articles == 5 and n_claims == len(before)
    assert {c["id"] for c in store.claims()} == before
    assert review.current_status(store, "claim", [claim])[claim]["status"] == "disputed"

    report = ingest_paths(store, [SEEDS], force=True)
    assert report.updated == 5 and report.added == 0
    assert review.history(store, "claim", claim)[-1]["new_status"] == "disputed"


def test_conflicts_are_kept_current_as_articles_arrive(sqlite_url, tmp_path):
    from claimcheck.store.database import Store

    store = Store(sqlite_url)
    first = tmp_path / "first"
    first.mkdir()
    (first / "003.txt").write_text((SEEDS / "003_da8c66058c50a860.txt").read_text(encoding="utf-8"), encoding="utf-8")
    ingest_paths(store, [first])
    wagner = store.conflict_count()
    assert wagner >= 1  # the US/UK statements against Russia's denial, within one article

    ingest_paths(store, [SEEDS])  # 001 adds the two drone claims of opposite sides
    types = {c["type"] for c in store.conflicts()}
    assert store.conflict_count() > wagner and {"competing_claims", "denial"} <= types
    store.close()
