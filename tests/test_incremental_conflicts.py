"""Conflicts kept incrementally: new claims are compared with the stored claims that share their keys,
a rebuild recomputes everything, and reviews of conflicts survive both."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from sqlalchemy import inspect, select

from claimcheck import pipeline
from claimcheck.cli.main import cli
from claimcheck.store.database import ClaimKeyRow, Store
from conftest import FIXTURES, SEEDS
from helpers import key_counts

DEV = FIXTURES / "gold" / "dev" / "articles"


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output + repr(result.exception)
    return result.stdout


def _conflicts(store) -> dict[str, dict]:
    return {c["id"]: c for c in store.conflicts()}


@pytest.fixture
def one_by_one(db_url):
    """The seeds, then each dev article ingested on its own (each an incremental update)."""
    store = Store(db_url)
    pipeline.ingest_paths(store, [SEEDS])
    updates = []
    real = pipeline.update_conflicts

    def watch(store_, ids):
        result = real(store_, ids)
        updates.append(result)
        return result

    pipeline.update_conflicts = watch
    try:
        for path in sorted(DEV.glob("*.txt"))[:12]:
            pipeline.ingest_paths(store, [path])
    finally:
        pipeline.update_conflicts = real
    yield store, updates
    store.close()


def test_keys_are_stored_and_indexed(seeded_store):
    with seeded_store.session() as s:
        keys = s.scalars(select(ClaimKeyRow)).all()
    assert keys and {k.claim_id for k in keys} <= {c["id"] for c in seeded_store.claims()}
    assert any(k.key.startswith("ev:action:") for k in keys) and any(k.start is not None for k in keys)
    indexes = {i["name"]: i["column_names"] for i in inspect(seeded_store.engine).get_indexes("claim_keys")}
    assert indexes["ix_claim_keys_key_start"] == ["key", "start"]


def test_incremental_ingest_finds_what_a_rebuild_finds(one_by_one):
    store, updates = one_by_one
    assert len(updates) == 12 and all(u.loaded >= 0 for u in updates)  # none was a full recomputation
    total = store.claim_count()
    # Each new article was compared with part of the store, never all of it.
    assert any(u.loaded > 0 for u in updates)
    incremental = _conflicts(store)
    pipeline.refresh_conflicts(store)
    rebuilt = _conflicts(store)
    assert len(incremental) > 50  # enough pairs for the comparison below to mean something
    # A pair's score weighs its words by their rarity in the store when it was found (and two stories are
    # linked by that rarity too), so a pair scored near the kept threshold may fall on the other side of it
    # in a rebuild: a few, never many.
    assert len(set(incremental) ^ set(rebuilt)) <= 0.05 * len(rebuilt)
    # Older pairs keep the score they had when found; a rebuild updates them to today's key frequencies.
    same = sum(incremental[i]["confidence"] == rebuilt[i]["confidence"] for i in rebuilt if i in incremental)
    assert same >= 0.95 * len(rebuilt)


def test_key_counts_follow_the_keys_through_a_reanalysis(db_url):
    """The key frequencies an update weighs pairs by are kept with the keys, not counted from them."""
    store = Store(db_url)
    pipeline.ingest_paths(store, [SEEDS])
    kept, counted = key_counts(store)
    assert counted and kept == counted
    # An article re-analysed with half its claims: the keys of the others are taken off the counts.
    article = store.article(store.claims()[0]["article_id"])
    claims = pipeline.analyze_article(article)
    store.save_article(article, claims[: len(claims) // 2], "builtin")
    kept, fewer = key_counts(store)
    assert kept == fewer and sum(fewer.values()) < sum(counted.values())
    with store.session() as s:
        assert Store.key_frequencies(s, [*counted, "no such key"]) == fewer
    store.close()


def _review_conflict(store, conflict_id: str, status: str = "confirmed") -> None:
    run("review", conflict_id, "--conflict", "--status", status, "--reviewer", "amina", "--db", store.url)


def test_rebuild_keeps_a_reviewed_conflict_it_no_longer_finds_as_withdrawn(seeded_store, monkeypatch):
    store = seeded_store
    rows = store.conflicts()
    reviewed, unreviewed = rows[0]["id"], rows[1]["id"]
    _review_conflict(store, reviewed)
    # Detection now finds nothing (as after a change to the rules): a rebuild withdraws, never deletes, the reviewed one.
    monkeypatch.setattr(pipeline.conflicts, "detect", lambda claims, settings=None, model=None, stats=None: [])
    out = json.loads(run("conflicts", "--rebuild", "--json", "--min-confidence", "0", "--db", store.url))
    assert [(c["id"], c["withdrawn"], c["status"]) for c in out] == [(reviewed, True, "confirmed")]
    assert unreviewed not in _conflicts(store)
    assert store.conflict_count() == 0  # withdrawn ones are not counted as found
    history = run("history", reviewed, "--conflict", "--db", store.url)
    assert "amina" in history
    shown = run("conflicts", "--min-confidence", "0", "--db", store.url)
    assert "withdrawn" in shown
    # Found again by the next rebuild: no longer withdrawn, the review still attached.
    monkeypatch.undo()
    out = json.loads(run("conflicts", "--rebuild", "--json", "--min-confidence", "0", "--db", store.url))
    again = {c["id"]: c for c in out}
    assert again[reviewed]["withdrawn"] is False and again[reviewed]["status"] == "confirmed"
    assert unreviewed in again


def test_reviews_survive_an_incremental_update(seeded_store):
    store = seeded_store
    reviewed = store.conflicts()[0]["id"]
    _review_conflict(store, reviewed, "not-a-conflict")
    pipeline.ingest_paths(store, [sorted(DEV.glob("*.txt"))[0]])
    kept = _conflicts(store)[reviewed]
    assert kept["status"] == "not-a-conflict" and kept["withdrawn"] is False


def test_a_reanalysis_that_drops_a_reviewed_conflicts_claim_withdraws_it(seeded_store):
    store = seeded_store
    conflict = store.conflicts()[0]
    _review_conflict(store, conflict["id"])
    claim = store.claim(conflict["claim_a"])
    article = store.article(claim["article_id"])
    # The article re-analysed without that claim (as when the rules change): its conflicts go, the reviewed one is withdrawn.
    claims = [c for c in pipeline.analyze_article(article) if c.id != claim["id"]]
    store.save_article(article, claims, "builtin")
    pipeline.update_conflicts(store, [article.id])
    kept = _conflicts(store)[conflict["id"]]
    assert kept["withdrawn"] is True and kept["status"] == "confirmed"
    assert not any(c["claim_a"] == claim["id"] or c["claim_b"] == claim["id"]
                   for c in store.conflicts() if not c["withdrawn"])


def test_an_article_on_another_subject_loads_few_stored_claims(seeded_store, tmp_path):
    """New claims are compared with what shares their keys inside the date window, never with the whole store."""
    store = seeded_store
    path = tmp_path / "sport.jsonl"
    text = ("قال مدرب نادي الهلال سامي الجابر إن فريقه فاز بالمباراة النهائية أمام النصر بهدفين نظيفين.\n\n"
            "وأكد رئيس النادي أن الملعب امتلأ بالجماهير.\n")
    path.write_text(json.dumps({"id": "sport", "text": text, "outlet": "Alhurra", "published": "2031-06-01"},
                               ensure_ascii=False) + "\n", encoding="utf-8")
    real, updates = pipeline.update_conflicts, []
    pipeline.update_conflicts = lambda s, ids: updates.append(real(s, ids)) or updates[-1]
    try:
        pipeline.ingest_paths(store, [path])
    finally:
        pipeline.update_conflicts = real
    [update] = updates
    assert update.new_claims == 2
    # Only the articles of claims that share its keys (here one seed story's "هدف"), not the store's 91 claims.
    assert 0 <= update.loaded < (store.claim_count() - update.new_claims) / 3


def test_conflicts_of_some_articles_are_those_a_full_run_finds_for_them():
    from claimcheck.config import ConflictSettings
    from claimcheck.conflicts import detection
    from helpers import claims_from_gold

    claims = list(claims_from_gold()[0].values())
    settings = ConflictSettings(min_confidence=0.3)
    full = detection.detect(claims, settings)
    for article in sorted({c.article_id for c in claims}):
        ids = {c.id for c in claims if c.article_id == article}
        expected = [c for c in full if c.a in ids or c.b in ids]
        assert detection.detect(claims, settings, involving=ids) == expected
    assert full  # the seeds hold conflicts for the comparison to mean something


def test_new_claims_ask_for_their_own_weeks_not_the_years_between():
    from claimcheck.config import ConflictSettings
    from claimcheck.conflicts import blocking

    new = {"a": blocking.Keys(("ev:action:strike",), 1000, 1000), "b": blocking.Keys(("ev:action:strike",), 1002, 1002),
           "c": blocking.Keys(("ev:action:strike",), 2000, 2000)}
    (query,) = blocking.queries(new, {}, 10_000, ConflictSettings(window_days=3))
    assert query.windows == ((997, 1005), (1997, 2003)) and not query.any_date
    assert blocking.merged([(5, 9), (1, 3), (4, 4)]) == ((1, 9),)
