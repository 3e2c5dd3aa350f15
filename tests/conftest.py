"""Shared test fixtures: the seed articles, gold, and stores built from them."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SEEDS = FIXTURES / "articles"
GOLD = FIXTURES / "gold" / "seeds"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    """Never touch the user's real data or config folders."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("CLAIMCHECK_HOME", str(home / "data"))
    monkeypatch.setenv("CLAIMCHECK_CONFIG_DIR", str(home / "config"))
    monkeypatch.delenv("CLAIMCHECK_DB", raising=False)


@pytest.fixture
def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


@pytest.fixture
def seed_text():
    def read(stem_prefix: str) -> str:
        (path,) = SEEDS.glob(f"{stem_prefix}*.txt")
        return path.read_text(encoding="utf-8")

    return read


@pytest.fixture
def gold_lines() -> list[dict]:
    return [json.loads(line) for line in (GOLD / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'claimcheck.db'}"


@pytest.fixture
def seeded_store(sqlite_url):
    """A SQLite store with the five seed articles ingested (with the fixtures manifest)."""
    from claimcheck.pipeline import ingest_paths
    from claimcheck.store.database import Store

    store = Store(sqlite_url)
    report = ingest_paths(store, [SEEDS])
    assert not report.errors
    yield store
    store.close()


def stanza_model_dir() -> Path | None:
    """stanza models for tests: CLAIMCHECK_STANZA_DIR, else the shared test models beside the repo."""
    configured = os.environ.get("CLAIMCHECK_STANZA_DIR")
    candidates = [Path(configured)] if configured else [ROOT.parent / "shared" / "models" / "stanza-ar"]
    for candidate in candidates:
        if (candidate / "resources.json").is_file():
            return candidate
    return None


# --- PostgreSQL: one real server per test session, a fresh database per test -----------


def _pg_bindir() -> Path | None:
    """Folder with initdb/pg_ctl: Debian's /usr/lib/postgresql/<version>/bin, else PATH."""
    import shutil

    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parts[-3]) if p.parts[-3].isdigit() else 0)
    if versions:
        return versions[-1].parent
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PostgresServer:
    """A throwaway PostgreSQL cluster on 127.0.0.1 with trust auth for the test user."""

    user = "claimcheck"

    def __init__(self, bindir: Path) -> None:
        import pwd
        import tempfile

        self.bindir = bindir
        self.port = _free_port()
        # /tmp rather than pytest's tmp dirs: those are private to root, and the server may run as 'postgres'.
        self.dir = Path(tempfile.mkdtemp(prefix="claimcheck-pg-"))
        self.run_as = None
        if os.geteuid() == 0:  # initdb refuses to run as root
            self.run_as = pwd.getpwnam("postgres")
            os.chown(self.dir, self.run_as.pw_uid, self.run_as.pw_gid)

    def _run(self, *args: str) -> None:
        import shlex
        import subprocess

        cmd = [str(self.bindir / args[0]), *args[1:]]
        if self.run_as is not None:
            cmd = ["runuser", "-u", self.run_as.pw_name, "--", *cmd]
        done = subprocess.run(cmd, cwd=self.dir, capture_output=True, text=True)
        if done.returncode != 0:
            log = self.dir / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"{shlex.join(cmd)} failed:\n{done.stdout}\n{done.stderr}\n{tail}")

    def start(self) -> None:
        data = self.dir / "data"
        self._run("initdb", "-D", str(data), "-U", self.user, "--auth=trust", "-E", "UTF8", "--no-locale")
        options = f"-h 127.0.0.1 -p {self.port} -k {self.dir} -c fsync=off -c full_page_writes=off"
        self._run("pg_ctl", "-D", str(data), "-o", options, "-l", str(self.dir / "server.log"), "-w", "-t", "60", "start")

    def stop(self) -> None:
        import shutil

        try:
            self._run("pg_ctl", "-D", str(self.dir / "data"), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{self.user}@127.0.0.1:{self.port}/{database}"

    def admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(host="127.0.0.1", port=self.port, user=self.user, dbname="postgres", autocommit=True) as conn:
            conn.execute(sql)


@pytest.fixture(scope="session")
def pg_server():
    """A PostgreSQL server for the session (skipped only when no server binaries are installed)."""
    bindir = _pg_bindir()
    if bindir is None:
        pytest.skip("PostgreSQL server binaries not found (install Debian's 'postgresql' package; scripts/test.sh does)")
    server = PostgresServer(bindir)
    server.start()
    yield server
    server.stop()


_db_counter = iter(range(1, 1_000_000))


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path) -> str:
    """A URL to a fresh, empty database: SQLite in tmp_path, or a new database on the session's server."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'claimcheck.db'}"
        return
    server = request.getfixturevalue("pg_server")
    name = f"cc_{os.getpid()}_{next(_db_counter)}"
    server.admin(f"CREATE DATABASE {name}")
    yield server.url(name)
    server.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def team_store(db_url):
    """A store on ``db_url`` (SQLite or PostgreSQL) with the seeds, their claims and a conflict."""
    from claimcheck.store.database import Store
    from helpers import seed_store

    store = Store(db_url)
    seed_store(store)
    yield store
    store.close()
