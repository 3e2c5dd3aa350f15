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
    from claimcheck.store import Store

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
