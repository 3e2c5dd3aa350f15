"""Peak memory of ``export`` and ``claims --json`` on a large generated store.

    python benchmarks/bench_memory.py [--claims 100000] [--formats csv,jsonl,...] [--keep DIR]

Builds a SQLite store of about ``--claims`` claims: the fixture articles (fixtures/articles and the seed
articles) are ingested once, then copied under new ids (articles with their stories and chrome, claims,
conflicts, corroborating pairs, and a review on every 20th claim) until the store holds that many. Each
command then runs in a process of its own, and the peak resident memory of that process (``ru_maxrss``)
is printed with its wall time. Figures only: nothing here passes or fails.

The default (100,000 claims) builds in a few minutes (380 MB); ``--claims 1000000`` (ten times that, 4 GB
of disk) is the archive the streaming export is sized for: every command should stay under 1 GB there.
``--code DIR`` runs the commands from another checkout of claimcheck (an older one, to compare): the
store is then handed to it at schema 0002, without the corroboration table that older releases lack.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimcheck.models import stable_id  # noqa: E402
from claimcheck.pipeline import ingest_paths  # noqa: E402
from claimcheck.store.database import Store  # noqa: E402

SOURCES = [ROOT / "fixtures" / "articles", ROOT / "fixtures" / "gold" / "seeds"]
FORMATS = ["csv", "csv-plain", "jsonl", "claimreview", "xlsx"]
# Columns holding an article or claim id, per copied table: they get the copy's ids.
ID_COLUMNS = {
    "articles": ("id",), "stories": ("article_id",), "chrome": ("article_id",),
    "claims": ("id", "article_id", "nested_in"), "conflicts": ("id", "claim_a", "claim_b"),
    "corroborations": ("claim_a", "claim_b"),
}


def template(folder: Path) -> Path:
    """A store holding the fixture articles, analysed as ``claimcheck ingest`` does."""
    path = folder / "template.db"
    store = Store(f"sqlite:///{path}")
    ingest_paths(store, [p for p in SOURCES if p.exists()], jobs=1)
    store.close()
    return path


def _renamer(copy: int):
    cache: dict[str, str] = {}

    def rename(value):
        if value is None:
            return None
        if value not in cache:
            cache[value] = stable_id(copy, value)
        return cache[value]

    return rename


def _copy_rows(db: sqlite3.Connection, table: str, copy: int) -> int:
    columns = [r[1] for r in db.execute(f"PRAGMA table_info({table})") if not (table == "chrome" and r[1] == "id")]
    ids = {columns.index(c) for c in ID_COLUMNS[table]}
    rename = _renamer(copy)
    rows = []
    for row in db.execute(f"SELECT {', '.join(map(_quoted, columns))} FROM source.{table}"):
        row = [rename(v) if n in ids else v for n, v in enumerate(row)]
        if table == "articles":
            row[columns.index("name")] = f"{row[columns.index('name')]}-{copy:06d}"  # distinct names keep the order stable
        rows.append(row)
    db.executemany(f"INSERT INTO {table} ({', '.join(map(_quoted, columns))}) VALUES ({', '.join('?' * len(columns))})", rows)
    return len(rows)


def _quoted(name: str) -> str:
    return f'"{name}"'


def _review_some(db: sqlite3.Connection, every: int = 20) -> None:
    statuses = ["verified", "disputed", "false", "needs-context"]
    claims = [r[0] for r in db.execute("SELECT id FROM claims ORDER BY id")][::every]
    db.executemany(
        "INSERT INTO reviews (target_kind, target_id, reviewer, at, old_status, new_status, note, evidence_url) "
        "VALUES ('claim', ?, 'bench', '2026-01-01 00:00:00.000000', 'unreviewed', ?, ?, ?)",
        [(cid, statuses[n % 4], f"note {n}", f"https://example.org/{n}") for n, cid in enumerate(claims)])


def build(path: Path, claims: int, folder: Path) -> int:
    """A store of at least ``claims`` claims made of copies of the fixture articles; returns its claim count."""
    source = template(folder)
    shutil.copy(source, path)
    db = sqlite3.connect(path)
    db.execute("ATTACH DATABASE ? AS source", (str(source),))
    per_copy = db.execute("SELECT count(*) FROM source.claims").fetchone()[0]
    tables = [t for t in ID_COLUMNS if db.execute("SELECT 1 FROM source.sqlite_master WHERE name = ?", (t,)).fetchone()]
    for copy in range(1, max(1, -(-claims // per_copy))):
        for table in tables:
            _copy_rows(db, table, copy)
        if copy % 200 == 0:
            db.commit()
    _review_some(db)
    db.commit()
    total = db.execute("SELECT count(*) FROM claims").fetchone()[0]
    db.close()
    return total


def as_schema_0002(path: Path) -> None:
    """The store as a release before the corroboration table reads it."""
    db = sqlite3.connect(path)
    db.execute("DROP TABLE IF EXISTS corroborations")
    db.execute("UPDATE alembic_version SET version_num = '0002'")
    db.commit()
    db.close()


def peak(command: list[str], code: Path) -> tuple[float, float]:
    """(peak resident MB, seconds) of ``claimcheck COMMAND`` in a process of its own."""
    probe = ("import resource, subprocess, sys, time; start = time.perf_counter(); "
             "done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL); "
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, time.perf_counter() - start, done.returncode)")
    env = dict(os.environ, PYTHONPATH=str(code))
    result = subprocess.run([sys.executable, "-c", probe, sys.executable, "-m", "claimcheck", "-q", *command],
                            capture_output=True, text=True, env=env, cwd=code, check=True)
    kb, seconds, code_ = result.stdout.split()
    if code_ != "0":
        raise SystemExit(f"claimcheck {' '.join(command)} failed: {result.stderr}")
    return int(kb) / 1024, float(seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--formats", default=",".join(FORMATS))
    parser.add_argument("--code", type=Path, default=ROOT, help="the claimcheck checkout whose commands are measured")
    parser.add_argument("--keep", type=Path, help="build the store in this folder and leave it there")
    args = parser.parse_args()

    folder = Path(args.keep or tempfile.mkdtemp(prefix="claimcheck-memory-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        db = folder / "store.db"
        start = time.perf_counter()
        if not db.exists():
            total = build(db, args.claims, folder)
        else:
            total = sqlite3.connect(db).execute("SELECT count(*) FROM claims").fetchone()[0]
        print(f"store: {total:,} claims, {db.stat().st_size / 1e6:,.0f} MB ({time.perf_counter() - start:.0f} s to build)")
        if args.code.resolve() != ROOT:
            measured = folder / "store-0002.db"
            shutil.copy(db, measured)
            as_schema_0002(measured)
            db = measured
        url = f"sqlite:///{db}"
        runs = [["claims", "--json", "--db", url]]
        runs += [["export", "--format", f, "-o", str(folder / f"export.{f}"), "--force", "--db", url]
                 for f in args.formats.split(",") if f]
        for command in runs:
            mb, seconds = peak(command, args.code)
            label = " ".join(command[:3] if command[0] == "export" else command[:2])
            print(f"{label:28} peak RSS {mb:8,.0f} MB   {seconds:7.1f} s")
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
