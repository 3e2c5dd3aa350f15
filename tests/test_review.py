"""Review records on SQLite and PostgreSQL: append-only history, current status, undo, concurrency."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import event

from claimcheck.review import decisions as review
from claimcheck.review.decisions import ReviewError


def _claims(store, n=3) -> list[str]:
    ids = [c["id"] for c in store.claims()]
    assert len(ids) >= n, "the seeds should give claims"
    return ids[:n]


def test_record_appends_and_chains(team_store):
    claim = _claims(team_store)[0]
    first = review.record(team_store, "claim", claim[:8], "disputed", "amina", note="يخالف بيان البعثة",
                          evidence="https://example.org/unsmil")
    second = review.record(team_store, "claim", claim, "false", "omar")
    assert first["target_id"] == claim  # the prefix was resolved to the full id
    assert (first["old_status"], first["new_status"]) == ("unreviewed", "disputed")
    assert (second["old_status"], second["new_status"]) == ("disputed", "false")
    assert first["note"] == "يخالف بيان البعثة" and first["evidence_url"] == "https://example.org/unsmil"
    assert first["at"].endswith("+00:00")
    rows = review.history(team_store, "claim", claim)
    assert [r["id"] for r in rows] == [first["id"], second["id"]]
    assert rows[0] == first
    assert review.current_status(team_store, "claim", [claim])[claim]["status"] == "false"


def test_current_status_is_one_query(team_store):
    a, b, c = _claims(team_store)
    review.record(team_store, "claim", a, "verified", "amina")
    review.record(team_store, "claim", a, "needs-context", "omar")
    review.record(team_store, "claim", b, "disputed", "amina")
    statements = []
    listener = lambda *args: statements.append(args[2])  # noqa: E731
    event.listen(team_store.engine, "before_cursor_execute", listener)
    try:
        some = review.current_status(team_store, "claim", [a, b, c, "not-a-claim"])
        every = review.current_status(team_store, "claim")
    finally:
        event.remove(team_store.engine, "before_cursor_execute", listener)
    assert len(statements) == 2  # one per call
    assert {k: v["status"] for k, v in some.items()} == {
        a: "needs-context", b: "disputed", c: "unreviewed", "not-a-claim": "unreviewed"}
    assert some[a]["reviewer"] == "omar" and some[c]["reviewer"] is None
    assert len(every) == team_store.claim_count()
    assert every[a]["status"] == "needs-context" and every[c]["status"] == "unreviewed"
    assert review.current_status(team_store, "claim", []) == {}


def test_undo_restores_and_walks_back(team_store):
    claim = _claims(team_store)[0]
    review.record(team_store, "claim", claim, "verified", "amina")
    second = review.record(team_store, "claim", claim, "disputed", "amina")
    undone = review.undo(team_store, "claim", claim, "amina")
    assert undone["undo_of"] == second["id"]
    assert (undone["old_status"], undone["new_status"]) == ("disputed", "verified")
    assert review.last_decision_by(team_store, "amina")["new_status"] == "verified"
    review.undo(team_store, "claim", claim, "amina")
    assert review.current_status(team_store, "claim", [claim])[claim]["status"] == "unreviewed"
    assert review.last_decision_by(team_store, "amina") is None
    with pytest.raises(ReviewError, match="no decision to undo"):
        review.undo(team_store, "claim", claim, "amina")
    assert len(review.history(team_store, "claim", claim)) == 4  # nothing was deleted


def test_undo_never_overrides_a_colleague(team_store):
    claim = _claims(team_store)[0]
    review.record(team_store, "claim", claim, "verified", "amina")
    review.record(team_store, "claim", claim, "false", "omar")
    with pytest.raises(ReviewError, match="omar set claim .* to false"):
        review.undo(team_store, "claim", claim, "amina")
    review.undo(team_store, "claim", claim, "omar")  # omar takes his back: amina's decision is in force again
    row = review.undo(team_store, "claim", claim, "amina")
    assert row["new_status"] == "unreviewed"


def test_status_after_undo_belongs_to_the_decision_in_force(team_store):
    claim = _claims(team_store)[0]
    decision = review.record(team_store, "claim", claim, "disputed", "amina", note="روايتان")
    review.record(team_store, "claim", claim, "false", "omar", note="wrong")
    review.undo(team_store, "claim", claim, "omar")
    state = review.current_status(team_store, "claim", [claim])[claim]
    assert state == {**decision, "status": "disputed"}  # amina's decision, not omar's undo row
    assert review.current_status(team_store, "claim")[claim] == state


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_current_status_is_always_the_latest_row(team_store):
    """Whatever mix of decisions and undos, the status in force is the latest row's new status."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    claim = _claims(team_store)[0]
    step = st.tuples(st.sampled_from(["amina", "omar", "lina"]),
                     st.sampled_from([*review.CLAIM_STATUSES, "undo"]))

    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.lists(step, min_size=1, max_size=8))
    def check(steps):
        for reviewer, action in steps:
            try:
                if action == "undo":
                    review.undo(team_store, "claim", claim, reviewer)
                else:
                    review.record(team_store, "claim", claim, action, reviewer)
            except ReviewError:
                continue
            rows = review.history(team_store, "claim", claim)
            assert review.current_status(team_store, "claim", [claim])[claim]["status"] == rows[-1]["new_status"]
            assert all(b["old_status"] == a["new_status"] for a, b in zip(rows, rows[1:]))

    check()


def test_last_decision_by_spans_targets(team_store):
    a, b, _ = _claims(team_store)
    review.record(team_store, "claim", a, "verified", "amina")
    last = review.record(team_store, "claim", b, "false", "amina")
    review.record(team_store, "claim", a, "disputed", "omar")
    assert review.last_decision_by(team_store, "amina") == last
    assert review.last_decision_by(team_store, "nobody") is None


def test_conflict_decisions(team_store):
    conflict = team_store.conflicts()[0]["id"]
    row = review.record(team_store, "conflict", conflict[:6], "not a conflict", "amina")
    assert row["new_status"] == "not-a-conflict" and row["target_kind"] == "conflict"
    review.record(team_store, "conflict", conflict, "confirmed", "omar")
    assert review.current_status(team_store, "conflict")[conflict]["status"] == "confirmed"
    with pytest.raises(ReviewError, match="not a conflict status"):
        review.record(team_store, "conflict", conflict, "verified", "amina")
    with pytest.raises(ReviewError, match="no claim"):
        review.record(team_store, "claim", conflict, "verified", "amina")  # kinds are separate


def test_validation_messages(team_store):
    claim = _claims(team_store)[0]
    with pytest.raises(ReviewError, match="use one of: unreviewed, verified, disputed, false, needs-context"):
        review.record(team_store, "claim", claim, "fake", "amina")
    with pytest.raises(ReviewError, match="no claim 'ffffffffffffffff0'"):
        review.record(team_store, "claim", "ffffffffffffffff0", "verified", "amina")
    with pytest.raises(ReviewError, match="http:// or https://"):
        review.record(team_store, "claim", claim, "verified", "amina", evidence="javascript:alert(1)")
    with pytest.raises(ReviewError, match="CLAIMCHECK_REVIEWER"):
        review.record(team_store, "claim", claim, "verified", "  ")
    with pytest.raises(ReviewError, match="'claim' or 'conflict'"):
        review.record(team_store, "article", claim, "verified", "amina")
    prefixes = Counter(c["id"][0] for c in team_store.claims())
    shared = next(p for p, n in prefixes.items() if n > 1)
    with pytest.raises(ReviewError, match="matches several claims"):
        review.record(team_store, "claim", shared, "verified", "amina")
    assert review.history(team_store, "claim", claim) == []  # nothing was written by the failures


def test_history_outlives_its_claim(team_store):
    """A re-analysis that drops a claim keeps its reviews reachable (no foreign key on purpose)."""
    claim = team_store.claim(_claims(team_store)[0])
    review.record(team_store, "claim", claim["id"], "false", "amina")
    article = team_store.article(claim["article_id"])
    kept = [c for c in team_store.all_claims() if c.article_id == article.id and c.id != claim["id"]]
    team_store.save_article(article, kept, "builtin")
    assert team_store.claim(claim["id"]) is None
    assert [r["new_status"] for r in review.history(team_store, "claim", claim["id"][:10])] == ["false"]
    with pytest.raises(ReviewError, match="no claim"):
        review.record(team_store, "claim", claim["id"], "verified", "amina")


# --- two processes at once -----------------------------------------------------------

WORKER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from claimcheck.review import decisions as review
    from claimcheck.store.database import Store

    url, claim, reviewer, sync = sys.argv[1:5]
    statuses = sys.argv[5:]
    store = Store(url, create=False)
    store.engine.connect().close()  # connect before the start signal, not during the race
    Path(sync, reviewer).touch()
    while not Path(sync, "go").exists():
        time.sleep(0.001)
    for status in statuses:
        review.record(store, "claim", claim, status, reviewer, note=reviewer)
    store.close()
""")


def _race(url: str, claim: str, plans: dict[str, list[str]], sync: Path) -> None:
    procs = [
        subprocess.Popen([sys.executable, "-c", WORKER, url, claim, reviewer, str(sync), *statuses],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for reviewer, statuses in plans.items()
    ]
    deadline = time.monotonic() + 60
    while not all((sync / r).exists() for r in plans) and time.monotonic() < deadline:
        if any(p.poll() not in (None, 0) for p in procs):
            break
        time.sleep(0.01)
    (sync / "go").touch()
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err


def test_two_processes_lose_nothing(team_store, db_url, tmp_path):
    claim = _claims(team_store)[0]
    n = 25
    plans = {"amina": ["verified", "disputed"] * (n // 2) + ["false"],
             "omar": ["needs-context", "false"] * (n // 2) + ["verified"]}
    _race(db_url, claim, plans, tmp_path)

    rows = review.history(team_store, "claim", claim)
    assert Counter(r["reviewer"] for r in rows) == {"amina": n, "omar": n}  # every decision is there
    for reviewer, statuses in plans.items():  # each process's decisions in its own order
        assert [r["new_status"] for r in rows if r["reviewer"] == reviewer] == statuses
    # Each decision saw the one before it: no two writers read the same old status.
    assert rows[0]["old_status"] == "unreviewed"
    for before, after in zip(rows, rows[1:]):
        assert after["old_status"] == before["new_status"]
        assert after["at"] >= before["at"]
    assert review.current_status(team_store, "claim", [claim])[claim]["status"] == rows[-1]["new_status"]


def test_two_reviewers_one_decision_each(team_store, db_url, tmp_path):
    claim = _claims(team_store)[1]
    _race(db_url, claim, {"amina": ["verified"], "omar": ["false"]}, tmp_path)
    first, later = review.history(team_store, "claim", claim)
    assert {first["reviewer"], later["reviewer"]} == {"amina", "omar"}
    assert first["old_status"] == "unreviewed" and later["old_status"] == first["new_status"]
    assert review.current_status(team_store, "claim", [claim])[claim]["status"] == later["new_status"]


def test_a_note_has_a_length_limit(team_store):
    claim = _claims(team_store)[0]
    with pytest.raises(ReviewError, match="more than 10,000; shorten it"):
        review.record(team_store, "claim", claim, "false", "amina", note="ملاحظة " * 2_000)
    assert review.history(team_store, "claim", claim) == []
    long_enough = "ن" * review.NOTE_MAX
    assert review.record(team_store, "claim", claim, "false", "amina", note=long_enough)["note"] == long_enough


def test_the_same_decision_again_adds_no_row(team_store):
    claim = _claims(team_store, 1)[0]
    first = review.record(team_store, "claim", claim, "disputed", "amal", note="UN report")
    again = review.record(team_store, "claim", claim, "disputed", "amal", note="UN report")
    assert again["id"] == first["id"] and again["repeated"]
    assert len(review.history(team_store, "claim", claim)) == 1
    # a new note, or a colleague agreeing, is a decision of its own
    review.record(team_store, "claim", claim, "disputed", "amal", note="UN report, and satellite images")
    review.record(team_store, "claim", claim, "disputed", "omar", note="UN report, and satellite images")
    assert len(review.history(team_store, "claim", claim)) == 3
