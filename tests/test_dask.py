"""Ingest on a real Dask cluster (a LocalCluster of two worker processes) gives the store one process gives."""

from __future__ import annotations

import csv
import json

import pytest

from claimcheck import parallel
from claimcheck.pipeline import ingest_paths, reanalyze
from claimcheck.store.database import Store
from conftest import FIXTURES, SEEDS

pytestmark = pytest.mark.slow

DEV = FIXTURES / "gold" / "dev" / "articles"
ACTOR = ('[[actor]]\nid = "salim-oraifi"\nname = "سليم العريفي"\nkind = "person"\naliases = ["سليم العريفي"]\n'
         'side = "GNA"\n')
OVERLAY_TEXT = "قال سليم العريفي إن القوات سيطرت على المطار صباح اليوم.\n"


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  memory_limit="1GB", silence_logs=40) as local:
        yield local.scheduler_address


@pytest.fixture
def inputs(tmp_path):
    """A folder of .txt articles, a .jsonl and a .csv collection, and an article that only a knowledge overlay explains."""
    dev = sorted(DEV.glob("*.txt"))
    jsonl = tmp_path / "news.jsonl"
    jsonl.write_text("".join(json.dumps({"id": f"j{n}", "text": p.read_text(encoding="utf-8"), "outlet": "Al Jazeera"},
                                        ensure_ascii=False) + "\n" for n, p in enumerate(dev[:5])), encoding="utf-8")
    table = tmp_path / "news.csv"
    with table.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["id", "text", "outlet", "published"])
        for n, p in enumerate(dev[5:10]):
            writer.writerow([f"c{n}", p.read_text(encoding="utf-8"), "Alhurra", "2020-01-15"])
    (tmp_path / "own").mkdir()
    (tmp_path / "own" / "oraifi.txt").write_text(OVERLAY_TEXT, encoding="utf-8")
    return [SEEDS, jsonl, table, tmp_path / "own"]


@pytest.fixture
def overlay(monkeypatch, tmp_path_factory):
    """A user's knowledge overlay (a new actor) on this machine only: the workers must get it from the client."""
    config = tmp_path_factory.mktemp("config")
    (config / "data").mkdir()
    (config / "data" / "actors-mine.toml").write_text(ACTOR, encoding="utf-8")
    monkeypatch.setenv("CLAIMCHECK_CONFIG_DIR", str(config))
    parallel.clear_caches()
    yield
    monkeypatch.undo()
    parallel.clear_caches()


def _contents(store: Store) -> tuple:
    return store.articles(), store.claims(), store.conflicts()


def test_dask_ingest_equals_one_process(cluster, inputs, overlay, db_url, tmp_path):
    reference = Store(f"sqlite:///{tmp_path / 'one.db'}")
    one = ingest_paths(reference, inputs, jobs=1)
    on_dask = Store(db_url)
    report = ingest_paths(on_dask, inputs, cluster=cluster)
    assert not report.errors and not one.errors
    assert (report.added, report.claims, report.conflicts) == (one.added, one.claims, one.conflicts)
    assert report.added == 5 + 5 + 5 + 1
    assert _contents(on_dask) == _contents(reference)
    oraifi = [c for c in on_dask.claims() if c["speaker"] == "سليم العريفي"]
    assert oraifi and oraifi[0]["side"] == "GNA"  # the overlay reached the workers
    # Re-analysis on the cluster changes nothing either.
    assert reanalyze(on_dask, cluster=cluster)[1] == one.claims
    assert _contents(on_dask) == _contents(reference)
    on_dask.close()
    reference.close()


def test_collections_are_sent_in_partitions(cluster, inputs, monkeypatch, tmp_path):
    """A collection larger than a partition is sent as several tasks, never as one load."""
    sent = []
    real = parallel._chunks

    def watch(items, size):
        for chunk in real(items, size):
            sent.append(len(chunk))
            yield chunk

    monkeypatch.setattr(parallel, "PARTITION", 3)
    monkeypatch.setattr(parallel, "_chunks", watch)
    store = Store(f"sqlite:///{tmp_path / 'c.db'}")
    ingest_paths(store, inputs[1:3], cluster=cluster)
    assert sent == [3, 3, 3, 1]
    store.close()
