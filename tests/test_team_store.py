"""The team store: every command on SQLite and PostgreSQL, and schema migrations."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from click.testing import CliRunner

from claimcheck import config
from claimcheck.cli.main import cli
from claimcheck.review import decisions as review
from claimcheck.store import migrations
from claimcheck.store.database import Base, Store, make_engine
from helpers import SEEDS, gold_claims, key_counts, seed_store


def run(*args: str, env: dict | None = None, ok: bool = True):
    result = CliRunner().invoke(cli, list(args), env=env)
    if ok:
        assert result.exit_code == 0, result.output + repr(result.exception)
    return result


def test_every_command_on_the_store(db_url, tmp_path):
    run("ingest", str(SEEDS), "--db", db_url)
    store = Store(db_url)
    seed_store(store)  # claims and a conflict even before attribution and conflict detection land
    claims = json.loads(run("claims", "--json", "--db", db_url).stdout)
    assert len(claims) == store.claim_count() > 0
    claim = claims[0]["id"]

    out = run("review", claim[:8], "--status", "disputed", "--note", "روايتان متعارضتان",
              "--evidence", "https://example.org/a", "--reviewer", "amina", "--db", db_url).stdout
    assert f"claim {claim}: unreviewed → disputed" in out
    run("--db", db_url, "review", claim, "-s", "false", env={"CLAIMCHECK_REVIEWER": "omar"})
    rows = json.loads(run("history", claim, "--json", "--db", db_url).stdout)
    assert [(r["reviewer"], r["new_status"]) for r in rows] == [("amina", "disputed"), ("omar", "false")]
    assert rows[0]["note"] == "روايتان متعارضتان"

    refused = run("undo", claim, "--reviewer", "amina", "--db", db_url, ok=False)
    assert refused.exit_code == 1 and "omar set claim" in refused.output
    assert "→ disputed" in run("undo", claim, "--db", db_url, env={"CLAIMCHECK_REVIEWER": "omar"}).stdout
    assert "amina" in run("history", claim, "--db", db_url).stdout

    conflict = json.loads(run("conflicts", "--json", "--db", db_url).stdout)[0]["id"]
    assert "→ confirmed" in run("review", conflict, "--conflict", "-s", "confirmed", "--db", db_url).stdout
    assert json.loads(run("history", conflict, "--conflict", "--json", "--db", db_url).stdout)[0]["new_status"] == "confirmed"

    out_file = tmp_path / "disputed.csv"
    assert "1 claim written" in run("export", "--status", "disputed", "-o", str(out_file), "--db", db_url).stdout
    frame = pd.read_csv(out_file, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert list(frame["claim_id"]) == [claim] and list(frame["note"]) == ["روايتان متعارضتان"]
    run("export", "--format", "claimreview", "-o", str(tmp_path / "r.json"), "--db", db_url)
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))[0]["@type"] == "ClaimReview"

    articles = json.loads(run("articles", "--json", "--db", db_url).stdout)
    assert len(articles) == 5
    run("show", articles[0]["name"], "--json", "--db", db_url)
    run("analyze", articles[0]["name"], "--db", db_url)
    assert json.loads(run("history", claim, "--json", "--db", db_url).stdout)[-1]["new_status"] == "disputed"
    store.close()


def test_cli_errors_say_what_to_do(db_url):
    store = Store(db_url)
    seed_store(store)
    claim = store.claims()[0]["id"]
    store.close()
    missing = run("review", "0" * 17, "-s", "verified", "--db", db_url, ok=False)
    assert missing.exit_code == 1 and "`claimcheck claims --json` lists" in missing.output
    wrong = run("review", claim, "-s", "maybe", "--db", db_url, ok=False)
    assert "use one of: unreviewed, verified, disputed, false, needs-context" in wrong.output
    nothing = run("undo", claim, "--reviewer", "amina", "--db", db_url, ok=False)
    assert "amina has no decision to undo" in nothing.output
    assert "0 claims written" in run("export", "--status", "false", "-o", str(Path(tempfile.mkdtemp()) / "x.csv"),
                                     "--db", db_url).stdout


def test_reviewer_identity(monkeypatch):
    monkeypatch.setenv("CLAIMCHECK_REVIEWER", "amina")
    assert config.reviewer("omar") == "omar"
    assert config.reviewer() == "amina"
    monkeypatch.delenv("CLAIMCHECK_REVIEWER")
    monkeypatch.setattr(config.getpass, "getuser", lambda: "login-name")
    assert config.reviewer() == "login-name"


# --- migrations ----------------------------------------------------------------------


def _head() -> str:
    return ScriptDirectory.from_config(migrations.alembic_config()).get_current_head()


def test_upgrade_keeps_an_existing_store(db_url):
    from alembic import command
    from sqlalchemy import func, select

    from claimcheck.store.database import ClaimKeyRow

    old = Store(db_url)
    ids = seed_store(old)
    decision = review.record(old, "claim", ids[0], "false", "amina", note="قديم")
    before = (old.articles(), old.claims(), old.conflicts())
    with old.session() as s:
        keys = s.scalar(select(func.count()).select_from(ClaimKeyRow))
    old.close()
    engine = make_engine(db_url)
    cfg = migrations.alembic_config(engine)
    with engine.begin() as conn:  # back to a store of the first revision, with its data
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0001")
    engine.dispose()

    store = Store(db_url)  # what every command does: upgrade in place, never rebuild
    assert migrations.current(store.engine) == _head()
    assert (store.articles(), store.claims(), store.conflicts()) == before
    assert review.history(store, "claim", ids[0]) == [decision]
    with store.session() as s:  # the blocking keys of stored claims are worked out by the upgrade
        assert keys > 0 and s.scalar(select(func.count()).select_from(ClaimKeyRow)) == keys
    kept, counted = key_counts(store)  # and counted
    assert kept == counted and sum(counted.values()) == keys
    store.close()


def test_migrations_match_the_models(db_url):
    store = Store(db_url)
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    store.close()
    assert diff == [], "store/database.py and the migrations differ: add a migration (see claimcheck/store/migrations)"


OPEN_STORE = """
import sys, time
from pathlib import Path
from claimcheck.store.database import Store
while not Path(sys.argv[2]).exists():
    time.sleep(0.001)
Store(sys.argv[1]).close()
"""


def test_two_processes_open_a_new_store_at_once(db_url, tmp_path):
    go = tmp_path / "go"
    procs = [subprocess.Popen([sys.executable, "-c", OPEN_STORE, db_url, str(go)], stderr=subprocess.PIPE, text=True)
             for _ in range(3)]
    time.sleep(1.5)  # let them import and wait at the line
    go.touch()
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    assert migrations.current(make_engine(db_url)) == _head()


def test_gold_claims_point_into_the_text(tmp_path):
    """The test helper's fallback claims: every span is the gold text, found in the stored article."""
    store = Store(f"sqlite:///{tmp_path / 'gold.db'}")
    from claimcheck.pipeline import ingest_paths

    ingest_paths(store, [SEEDS])
    claims = gold_claims(store)
    assert len(claims) >= 85  # of 91 hand-checked lines
    for claim in claims.values():
        text = store.article(claim.article_id).text
        assert claim.cue.text(text) == claim.cue_text
        if claim.content:
            assert claim.content.text(text) == claim.content_text
    store.close()


# --- two ingests at once -------------------------------------------------------------


def _copies(folder: Path, tag: str, n: int) -> Path:
    """``n`` distinct copies of each seed article (a tagged line at the end makes each text new)."""
    folder.mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        text = seed.read_text(encoding="utf-8")
        for i in range(n):
            (folder / f"{tag}{i}_{seed.name}").write_text(f"{text}\n{tag}{i}\n", encoding="utf-8")
    return folder


INGEST_AT_THE_SIGNAL = """
import sys, time
from pathlib import Path
from claimcheck.cli.main import cli
go = Path(sys.argv.pop(1))
while not go.exists():
    time.sleep(0.001)
cli(sys.argv[1:], prog_name="claimcheck")
"""


def _ingest_at_once(db_url: str, go: Path, *folders: Path) -> list[subprocess.CompletedProcess]:
    """``claimcheck ingest`` of each folder, in processes that all start at one signal."""
    procs = [subprocess.Popen([sys.executable, "-c", INGEST_AT_THE_SIGNAL, str(go), "--db", db_url, "-q", "ingest",
                               str(f)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for f in folders]
    time.sleep(1.5)  # let them import and wait at the line
    go.touch()
    return [subprocess.CompletedProcess(p.args, p.wait(timeout=300), *p.communicate()) for p in procs]


def test_two_ingests_at_once_lose_nothing(db_url, tmp_path):
    a, b = _copies(tmp_path / "a", "a", 4), _copies(tmp_path / "b", "b", 4)
    Store(db_url).close()  # the schema exists: the race is over articles, actors and conflicts
    for done in _ingest_at_once(db_url, tmp_path / "go", a, b, a, b):  # two different folders, and one of them twice
        assert done.returncode == 0, done.stderr[-3000:]
    store = Store(db_url)
    expected_claims, expected_conflicts = store.claim_count(), store.conflict_count()
    assert len(store.articles()) == 40
    # What one more ingest (alone) finds is what the concurrent ones left.
    run("ingest", str(a), str(b), "--db", db_url, "--force")
    assert (store.claim_count(), store.conflict_count()) == (expected_claims, expected_conflicts) != (0, 0)
    store.close()


# --- opening a store -------------------------------------------------------------------


def _one_line_error(*args: str) -> str:
    result = run(*args, ok=False)
    assert result.exit_code == 1 and "Traceback" not in result.output, result.output
    (line,) = result.output.strip().splitlines()
    return line


def test_only_ingest_creates_a_store(tmp_path):
    missing = tmp_path / "typo" / "claims.db"
    for command in (["claims"], ["articles"], ["conflicts"], ["history", "abc"], ["review", "abc", "-s", "false"],
                    ["undo", "abc"], ["export", "-o", str(tmp_path / "x.csv")], ["show", "x"], ["analyze"], ["desk"]):
        line = _one_line_error(*command, "--db", f"sqlite:///{missing}")
        assert f"no store at {missing}; run `claimcheck ingest` first" in line, (command, line)
    assert not (tmp_path / "typo").exists()
    assert "is a folder" in _one_line_error("claims", "--db", f"sqlite:///{tmp_path}")
    # three slashes and an absolute path without its leading "/": relative, and the message says so
    relative = str(tmp_path / "here.db").lstrip("/")
    run("ingest", str(SEEDS / "004_4aa4d1d5802a62ef.txt"), "--db", f"sqlite:////{relative}")
    assert "sqlite:/// takes a relative path" in _one_line_error("claims", "--db", f"sqlite:///{relative}")
    run("ingest", str(SEEDS / "004_4aa4d1d5802a62ef.txt"), "--db", f"sqlite:///{missing}")
    assert len(json.loads(run("articles", "--json", "--db", f"sqlite:///{missing}").stdout)) == 1


def test_stores_that_cannot_be_opened_say_why_in_one_line(tmp_path, db_url):
    assert "cannot read the store URL" in _one_line_error("claims", "--db", "not a url")
    assert "unknown kind of store 'foo'" in _one_line_error("claims", "--db", "foo://host/db")
    assert "no driver for mysql stores" in _one_line_error("claims", "--db", "mysql://user@localhost/db")
    refused = _one_line_error("claims", "--db", "postgresql+psycopg://nobody@127.0.0.1:1/none")
    assert refused.startswith("Error: cannot open the store at postgresql+psycopg://nobody@127.0.0.1:1/none: ")
    not_a_db = tmp_path / "notes.db"
    not_a_db.write_text("these are my notes, not a database\n" * 100, encoding="utf-8")
    assert "file is not a database" in _one_line_error("claims", "--db", f"sqlite:///{not_a_db}")
    assert not_a_db.read_text(encoding="utf-8").startswith("these are my notes")

    engine = make_engine(db_url)  # a database with someone else's tables, or a half-made store
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE articles (id INTEGER)")
    engine.dispose()
    for command in (["claims"], ["ingest", str(SEEDS)]):
        assert "holds tables but no claimcheck schema version" in _one_line_error(*command, "--db", db_url)


def test_a_store_from_a_newer_claimcheck_asks_for_an_upgrade(db_url):
    Store(db_url).close()
    engine = make_engine(db_url)
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    engine.dispose()
    for command in (["claims"], ["ingest", str(SEEDS)]):
        line = _one_line_error(*command, "--db", db_url)
        assert "has schema 9999_from_the_future, newer than this claimcheck; upgrade claimcheck" in line
