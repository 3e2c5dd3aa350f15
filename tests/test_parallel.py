"""Ingest and re-analysis in worker processes give exactly what one process gives."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from claimcheck.cli.main import cli
from conftest import FIXTURES, SEEDS

DEV = FIXTURES / "gold" / "dev" / "articles"


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output + repr(result.exception)
    return result.stdout


def _collection(tmp_path):
    """The dev articles again, as one .jsonl collection (records are articles of their own)."""
    path = tmp_path / "news.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for n, txt in enumerate(sorted(DEV.glob("*.txt"))[:6]):
            out.write(json.dumps({"id": f"rec{n}", "text": txt.read_text(encoding="utf-8"), "outlet": "Al Jazeera",
                                  "published": "2020-01-0%d" % (n + 1)}, ensure_ascii=False) + "\n")
    return path


@pytest.fixture(scope="module")
def one_and_two(tmp_path_factory):
    """claims --json and conflicts --json after ingesting the seeds and dev articles with --jobs 1 and --jobs 2."""
    tmp = tmp_path_factory.mktemp("jobs")
    collection = _collection(tmp)
    out = {}
    for jobs in ("1", "2"):
        url = f"sqlite:///{tmp / f'jobs{jobs}.db'}"
        run("-q", "ingest", "--jobs", jobs, str(SEEDS), str(DEV), str(collection), "--db", url)
        out[jobs] = (url, run("claims", "--json", "--db", url), run("conflicts", "--json", "--min-confidence", "0", "--db", url))
    return out


def test_ingest_jobs_2_claims_json_byte_for_byte(one_and_two):
    _, claims_1, _ = one_and_two["1"]
    _, claims_2, _ = one_and_two["2"]
    assert len(json.loads(claims_1)) > 200
    assert claims_1 == claims_2


def test_ingest_jobs_2_same_conflicts(one_and_two):
    assert one_and_two["1"][2] == one_and_two["2"][2]


def test_analyze_jobs_2_gives_the_same_claims(tmp_path):
    url = f"sqlite:///{tmp_path / 'c.db'}"
    run("-q", "ingest", "--jobs", "1", str(SEEDS), str(DEV), "--db", url)
    before = run("claims", "--json", "--db", url)
    out = CliRunner().invoke(cli, ["analyze", "--jobs", "2", "--db", url])
    assert out.exit_code == 0, out.output
    articles = len(list(SEEDS.glob("*.txt"))) + len(list(DEV.glob("*.txt")))
    assert f"{articles} articles analysed with builtin" in out.stdout
    assert run("claims", "--json", "--db", url) == before


def test_ingest_twice_with_jobs_adds_nothing(tmp_path):
    url = f"sqlite:///{tmp_path / 'c.db'}"
    run("ingest", "--jobs", "2", str(SEEDS), "--db", url)
    second = CliRunner().invoke(cli, ["ingest", "--jobs", "2", str(SEEDS), "--db", url])
    assert "0 added, 0 re-analysed, 5 unchanged" in second.stdout


def test_same_article_twice_in_one_run_is_stored_once(tmp_path):
    from claimcheck.pipeline import ingest_paths
    from claimcheck.store.database import Store

    store = Store(f"sqlite:///{tmp_path / 'c.db'}")
    first = sorted(SEEDS.glob("*.txt"))[0]
    report = ingest_paths(store, [first, first], jobs=2)
    assert (report.added, report.updated, report.unchanged) == (1, 0, 1)
    assert len(store.articles()) == 1
