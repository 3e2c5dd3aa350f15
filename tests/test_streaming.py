"""Exports and ``claims --json`` read the store a page at a time: what they write is what a read of the
whole store gives. Pages are made tiny here so that a few dozen articles span many of them."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck import config
from claimcheck.config import load_settings
from claimcheck.cli.main import cli
from claimcheck.conflicts import corroboration
from claimcheck.export import formats
from claimcheck.export.jsonarray import json_array
from claimcheck.pipeline import ingest_paths
from claimcheck.review import decisions as review
from claimcheck.store import database
from claimcheck.store.database import Store, claim_records

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "fixtures" / "articles", ROOT / "fixtures" / "gold" / "dev" / "articles"]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """The fixture articles and the development articles, with decisions on a few claims and one conflict."""
    url = f"sqlite:///{tmp_path_factory.mktemp('streaming') / 'store.db'}"
    store = Store(url)
    report = ingest_paths(store, SOURCES)
    assert not report.errors, report.errors
    ids = [c["id"] for c in store.claims()]
    for n, claim_id in enumerate(ids[::23]):
        status = ("verified", "disputed", "false", "needs-context")[n % 4]
        review.record(store, "claim", claim_id, status, "amina", note=f"=note {n}, «{status}»",
                      evidence=f"https://example.org/{n}")
    review.undo(store, "claim", ids[0], "amina")
    first_conflict = store.conflicts()[0]["id"]
    review.record(store, "conflict", first_conflict, "not-a-conflict", "omar")
    yield store
    store.close()


@pytest.fixture
def tiny_pages(monkeypatch):
    monkeypatch.setattr(database, "CLAIM_PAGE", 40)
    monkeypatch.setattr(formats, "PAGE", 7)


def whole_store_records(store, wanted: set[str] = frozenset()) -> list[dict]:
    """The export's rows worked out over every claim at once: the reference the pages must add up to."""
    statuses = review.current_status(store, "claim")
    conflict_states = review.current_status(store, "conflict")
    rejected = {i for i, s in conflict_states.items() if s["status"] == "not-a-conflict"}
    confirmed = {i for i, s in conflict_states.items() if s["status"] == "confirmed"}
    threshold = load_settings().conflicts.min_confidence  # the export shows what ``conflicts`` shows
    by_claim: dict[str, list[dict]] = {}
    for k in sorted(store.conflicts(), key=lambda k: k["id"]):
        if k["id"] not in rejected and (k["confidence"] >= threshold or k["id"] in confirmed):
            for claim_id in (k["claim_a"], k["claim_b"]):
                by_claim.setdefault(claim_id, []).append(k)
    out = []
    for c in store.claims():
        state = statuses[c["id"]]
        if wanted and state["status"] not in wanted:
            continue
        article = store.article(c["article_id"])
        when, published = formats._claim_date(c, article)
        out.append(formats._record(c, article, state, by_claim.get(c["id"], []), when, published))
    out.sort(key=lambda r: (r["article"], r["spans"]["sentence"][0], r["spans"]["cue"][0]))
    return out


def test_the_fixture_store_spans_many_pages(store):
    assert store.claim_count() > 300
    assert len(store.articles()) > 40


@pytest.mark.parametrize("fmt,encoding", [("csv", "utf-8-sig"), ("csv-plain", "utf-8")])
def test_csv_written_in_pages_is_the_whole_table(store, tiny_pages, tmp_path, fmt, encoding):
    expected = whole_store_records(store)
    buffer = io.StringIO(newline="")
    formats.to_frame(expected).map(formats.neutralise).to_csv(buffer, index=False, lineterminator="\r\n")
    path = tmp_path / f"claims.{fmt}"
    assert formats.export(store, path, fmt) == len(expected)
    assert path.read_bytes() == buffer.getvalue().encode(encoding)
    assert path.read_bytes().count(b"\xef\xbb\xbf") == (1 if encoding == "utf-8-sig" else 0)  # one BOM, not one per page


def test_jsonl_and_claimreview_written_in_pages(store, tiny_pages, tmp_path):
    expected = whole_store_records(store)
    formats.export(store, tmp_path / "claims.jsonl", "jsonl")
    lines = (tmp_path / "claims.jsonl").read_text(encoding="utf-8").splitlines()
    assert lines == [json.dumps(r, ensure_ascii=False, default=str) for r in expected]
    reviews = formats.claimreviews(expected)
    assert reviews
    assert formats.export(store, tmp_path / "claims.json", "claimreview") == len(reviews)
    assert (tmp_path / "claims.json").read_text(encoding="utf-8") == json.dumps(reviews, ensure_ascii=False, indent=2) + "\n"


def test_an_export_of_some_statuses_filters_every_page(store, tiny_pages, tmp_path):
    expected = whole_store_records(store, {"disputed", "false"})
    assert expected
    formats.export(store, tmp_path / "some.jsonl", "jsonl", status=["disputed", "false"])
    got = [json.loads(line)["claim_id"] for line in (tmp_path / "some.jsonl").read_text(encoding="utf-8").splitlines()]
    assert got == [r["claim_id"] for r in expected]


def test_xlsx_written_in_pages_holds_every_row(store, tiny_pages, tmp_path):
    from openpyxl import load_workbook

    expected = formats.to_frame(whole_store_records(store)).map(formats.neutralise)
    formats.export(store, tmp_path / "claims.xlsx", "xlsx")
    sheet = load_workbook(tmp_path / "claims.xlsx").active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == formats.COLUMNS and len(rows) == len(expected) + 1
    assert [r[0] for r in rows[1:]] == list(expected["claim_id"])
    assert sheet.auto_filter.ref == f"A1:T{len(expected) + 1}"


def test_claims_json_in_pages_is_the_whole_listing(store, tiny_pages):
    groups = corroboration.groups(store.all_claims(), config.load_settings().conflicts)
    assert groups, "the fixtures hold claims that corroborate each other"
    group_of = {cid: g for g in groups for cid in g.members}
    out = CliRunner().invoke(cli, ["claims", "--json", "--db", store.url])
    assert out.exit_code == 0, out.output
    listed = json.loads(out.stdout)
    assert [r["id"] for r in listed] == [r["id"] for r in store.claims()]
    for row in listed:
        g = group_of.get(row["id"])
        assert row["group"] == (None if g is None else {"id": g.id, "members": list(g.members), "side": g.side,
                                                        "across_sides": g.across_sides})
        assert row["sentence_text"] == store.article(row["article_id"]).text[row["sentence"][0]:row["sentence"][1]]


def test_claims_corroborated_lists_the_groups_largest_first(store, tiny_pages):
    groups = corroboration.groups(store.all_claims(), config.load_settings().conflicts)
    out = CliRunner().invoke(cli, ["claims", "--corroborated", "--json", "--db", store.url])
    assert out.exit_code == 0, out.output
    assert [r["id"] for r in json.loads(out.stdout)] == [cid for g in groups for cid in g.members]


def test_stored_links_follow_a_reanalysis(store, tmp_path):
    """An article written again with fewer claims takes its claims' links away with them."""
    linked = {link.a for link in store.corroboration_links()[0]}
    claim = next(c for c in store.claims() if c["id"] in linked)
    with sqlite3.connect(store.url.removeprefix("sqlite:///")) as source, sqlite3.connect(tmp_path / "copy.db") as target:
        source.backup(target)  # the committed state, WAL included
    copy = Store(f"sqlite:///{tmp_path / 'copy.db'}")
    article = copy.article(claim["article_id"])
    kept = [c for c in copy.all_claims() if c.article_id == article.id and c.id != claim["id"]]
    copy.save_articles([(article, claim_records(kept))], "builtin")
    links, _ = copy.corroboration_links([claim["id"]])
    assert links == []
    copy.close()


def test_records_from_workers_write_what_claims_write(tmp_path):
    """An article written from the records a worker sends is the article written from its claims."""
    from claimcheck.pipeline import analyze_article
    from claimcheck.ingest import reader

    article = next(a for a in reader.read([SOURCES[0]]) if not isinstance(a, reader.IngestError))
    claims = analyze_article(article)
    dumps = []
    for n, item in enumerate([(article, claims), (article, claim_records(claims))]):
        s = Store(f"sqlite:///{tmp_path / f'{n}.db'}")
        s.save_articles([item], "builtin")
        with s.engine.connect() as conn:
            dumps.append([conn.exec_driver_sql(f"SELECT * FROM {t} ORDER BY 1, 2").all()
                          for t in ("claims", "claim_keys", "actors", "stories", "chrome")])
        s.close()
    assert dumps[0] == dumps[1] and dumps[0][0]


@pytest.mark.parametrize("items", [[], [1], [{"a": [1, {"b": None}], "c": "سطر\nثان"}, "ق", [], {}], [[[]]]])
def test_a_json_array_in_pieces_is_json_dumps(items):
    assert "".join(json_array(items)) == json.dumps(items, ensure_ascii=False, indent=2)
