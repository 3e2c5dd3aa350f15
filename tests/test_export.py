"""Exports: CSV round trip with Arabic, formula injection, JSONL data, ClaimReview JSON-LD, filters."""

from __future__ import annotations

import codecs
import json
from collections import Counter
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from claimcheck import config
from claimcheck.export.formats import COLUMNS, ExportError, export, neutralise, records, to_frame
from claimcheck.review import decisions as review
from helpers import add_claim


def _read_csv(path) -> pd.DataFrame:
    return pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)


@pytest.fixture
def reviewed(team_store):
    """The seeds with a few decisions, Arabic notes among them."""
    ids = [c["id"] for c in team_store.claims()]
    review.record(team_store, "claim", ids[0], "disputed", "أمينة", note="يتعارض مع بيان البعثة الأممية، \"نصاً\"\nسطر ثان",
                  evidence="https://example.org/بيان")
    review.record(team_store, "claim", ids[1], "false", "omar", note="no such strike")
    review.record(team_store, "claim", ids[2], "verified", "omar")
    review.record(team_store, "claim", ids[3], "needs-context", "amina")
    return team_store


def test_csv_round_trip_is_exact(reviewed, tmp_path):
    path = tmp_path / "claims.csv"
    expected = to_frame(records(reviewed)).map(neutralise)
    n = export(reviewed, path)
    assert n == len(expected) == reviewed.claim_count()
    assert path.read_bytes().startswith(codecs.BOM_UTF8)
    back = _read_csv(path)
    assert list(back.columns) == COLUMNS
    assert back.to_dict("records") == expected.to_dict("records")
    # Arabic text comes back byte for byte, with its own line breaks and quotes.
    for row in back.to_dict("records"):
        claim = reviewed.claim(row["claim_id"])
        text = reviewed.article(claim["article_id"]).text
        assert row["content"].encode("utf-8") == neutralise(claim["content"]).encode("utf-8")
        assert row["sentence"].encode("utf-8") == neutralise(text[claim["sentence"][0]:claim["sentence"][1]]).encode("utf-8")
    first = back.set_index("claim_id").loc[reviewed.claims()[0]["id"]]
    assert first["note"] == "يتعارض مع بيان البعثة الأممية، \"نصاً\"\nسطر ثان"
    assert (first["status"], first["reviewer"], first["evidence"]) == ("disputed", "أمينة", "https://example.org/بيان")


def test_csv_plain_has_no_bom(reviewed, tmp_path):
    export(reviewed, tmp_path / "a.csv", "csv")
    export(reviewed, tmp_path / "b.csv", "csv-plain")
    bom, plain = (tmp_path / "a.csv").read_bytes(), (tmp_path / "b.csv").read_bytes()
    assert not plain.startswith(codecs.BOM_UTF8)
    assert bom == codecs.BOM_UTF8 + plain
    assert pd.read_csv(tmp_path / "b.csv", encoding="utf-8", dtype=str).columns[0] == "claim_id"


def test_formula_injection_is_neutralised(team_store, tmp_path):
    payloads = ["=HYPERLINK(\"http://evil.example\",\"انقر\")", "+1+1", "-2+3", "@SUM(A1:A2)", "\t=1", "\r=1"]
    ids = [c["id"] for c in team_store.claims()][: len(payloads)]
    for claim, payload in zip(ids, payloads):
        review.record(team_store, "claim", claim, "disputed", "amina", note=payload)
    article = team_store.articles()[0]["name"]
    evil = add_claim(team_store, article, "=cmd|' /C calc'!A0", speaker="@attacker", side="-GNA")
    safe = add_claim(team_store, article, "قال 1-2 = 3")
    for fmt in ("csv", "csv-plain"):
        path = tmp_path / f"out-{fmt}.csv"
        export(team_store, path, fmt, force=True)
        back = _read_csv(path).set_index("claim_id")
        for claim, payload in zip(ids, payloads):
            assert back.loc[claim, "note"] == "'" + payload
        assert back.loc[evil, "content"] == "'=cmd|' /C calc'!A0"
        assert back.loc[evil, "speaker"] == "'@attacker"
        assert back.loc[evil, "side"] == "'-GNA"
        assert back.loc[safe, "content"] == "قال 1-2 = 3"  # only the first character matters
        for column in back.columns:
            assert not any(v.startswith(("=", "+", "-", "@", "\t", "\r")) for v in back[column]), column
    # The data export keeps the text as stored.
    export(team_store, tmp_path / "data.jsonl", "jsonl")
    data = {r["claim_id"]: r for r in map(json.loads, (tmp_path / "data.jsonl").read_text(encoding="utf-8").splitlines())}
    assert data[evil]["content"] == "=cmd|' /C calc'!A0"


def test_jsonl_exports_every_claim_as_data(reviewed, tmp_path):
    path = tmp_path / "claims.jsonl"
    assert export(reviewed, path, "jsonl") == reviewed.claim_count()
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == reviewed.claim_count()
    conflict = reviewed.conflicts()[0]
    by_id = {r["claim_id"]: r for r in rows}
    for r in rows:
        assert set(COLUMNS) <= set(r)
        claim = reviewed.claim(r["claim_id"])
        text = reviewed.article(claim["article_id"]).text
        start, end = r["spans"]["cue"]
        assert text[start:end] == r["cue"]  # spans point into the original text
    linked = by_id[conflict["claim_a"]]
    assert conflict["id"] in linked["conflict_ids"] and conflict["type"] in linked["conflict_types"]
    assert Counter(r["status"] for r in rows) == {"disputed": 1, "false": 1, "verified": 1, "needs-context": 1,
                                                  "unreviewed": len(rows) - 4}


def test_status_outlet_side_filters(reviewed, tmp_path):
    path = tmp_path / "x.csv"
    assert export(reviewed, path, status="disputed", force=True) == 1
    assert set(_read_csv(path)["status"]) == {"disputed"}
    assert export(reviewed, path, status=["false", "verified"], force=True) == 2
    n_alhurra = export(reviewed, path, outlet="alhurra", force=True)
    assert n_alhurra > 0 and set(_read_csv(path)["outlet"]) == {"Alhurra"}
    sides = {c["side"] for c in reviewed.claims() if c["side"]}
    side = sorted(sides)[0]
    assert export(reviewed, path, side=side, force=True) == sum(1 for c in reviewed.claims() if c["side"] == side)
    with pytest.raises(ExportError, match="use: unreviewed, verified"):
        export(reviewed, path, status="wrong")
    with pytest.raises(ExportError, match="unknown format"):
        export(reviewed, path, fmt="pdf")


def test_date_filters(reviewed, tmp_path):
    every = records(reviewed)
    for since, until in [("2020-05-01", date(2020, 5, 31)), (None, "1999-12-31"), ("2020-05-20", "2020-05-20")]:
        got = {r["claim_id"] for r in records(reviewed, since=since, until=until)}
        low, high = since or "0000", str(until)
        assert got == {r["claim_id"] for r in every if r["date"] and low <= r["date"] <= high}
    # The Al Jazeera seed of 2020-05-20 is the dated one: its claims fall in May 2020.
    may = records(reviewed, since="2020-05-01", until="2020-05-31")
    assert "003_da8c66058c50a860" in {r["article"] for r in may}
    assert records(reviewed, since="2100-01-01") == []
    with pytest.raises(ExportError, match="YYYY-MM-DD"):
        records(reviewed, since="20/05/2020")


def test_rejected_conflicts_leave_the_export(reviewed, tmp_path):
    conflict = reviewed.conflicts()[0]
    assert conflict["id"] in records(reviewed, claim_ids=[conflict["claim_a"]])[0]["conflict_ids"]
    review.record(reviewed, "conflict", conflict["id"], "not-a-conflict", "amina")
    assert conflict["id"] not in records(reviewed, claim_ids=[conflict["claim_a"]])[0]["conflict_ids"]


def test_claimreview_json_ld(reviewed, tmp_path, monkeypatch):
    cfg = tmp_path / "cfg"
    cfg.mkdir()
    (cfg / "config.toml").write_text('[export]\norganisation = "منصة تحقق"\norganisation_url = "https://check.example"\n'
                                     'review_url = "https://check.example/claims/"\n', encoding="utf-8")
    monkeypatch.setenv("CLAIMCHECK_CONFIG_DIR", str(cfg))
    config.load_settings.cache_clear()
    try:
        # An article whose URL is known: its claims' appearance carries it.
        first = reviewed.claim(reviewed.claims()[0]["id"])
        article = reviewed.article(first["article_id"])
        article.url = "https://news.example/story"
        kept = [c for c in reviewed.all_claims() if c.article_id == article.id]
        reviewed.save_article(article, kept, "builtin")
        path = tmp_path / "reviews.json"
        assert export(reviewed, path, "claimreview") == 4  # reviewed claims only
    finally:
        config.load_settings.cache_clear()
    items = json.loads(path.read_text(encoding="utf-8"))
    assert len(items) == 4
    ratings = {"false": (1, "False"), "disputed": (2, "Disputed"), "needs-context": (3, "Needs context"),
               "verified": (5, "Verified")}
    for item in items:
        assert item["@context"] == "https://schema.org" and item["@type"] == "ClaimReview"
        claim = reviewed.claim(item["identifier"])
        assert item["claimReviewed"] == claim["content"]
        assert item["author"] == {"@type": "Organization", "name": "منصة تحقق", "url": "https://check.example"}
        date.fromisoformat(item["datePublished"])
        rating = item["reviewRating"]
        assert rating["@type"] == "Rating" and rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
        status = review.current_status(reviewed, "claim", [claim["id"]])[claim["id"]]["status"]
        assert (rating["ratingValue"], rating["alternateName"]) == ratings[status]
        reviewed_item = item["itemReviewed"]
        assert reviewed_item["@type"] == "Claim"
        assert reviewed_item["author"]["@type"] in ("Person", "Organization") and reviewed_item["author"]["name"]
        (appearance,) = reviewed_item["appearance"]
        assert appearance["@type"] == "NewsArticle" and appearance["publisher"]["name"] == claim["outlet"]
        if claim["article_id"] == article.id:
            assert appearance["url"] == "https://news.example/story"
        else:
            assert "url" not in appearance
        # Each review: its own address, the reviewer's note and the evidence of the decision in force.
        state = review.current_status(reviewed, "claim", [claim["id"]])[claim["id"]]
        assert item["url"] == f"https://check.example/claims/{claim['id']}"
        assert item.get("reviewBody") == state["note"]
        assert item.get("citation") == ([{"@type": "WebPage", "url": state["evidence_url"]}]
                                        if state["evidence_url"] else None)
        check_schema_org(item)
    assert any(i["itemReviewed"]["appearance"][0].get("url") for i in items)
    assert {i.get("reviewBody") for i in items} >= {"no such strike", "يتعارض مع بيان البعثة الأممية، \"نصاً\"\nسطر ثان"}
    assert [c["url"] for i in items for c in i.get("citation", [])] == ["https://example.org/بيان"]


SCHEMA_ORG = json.loads((Path(__file__).parent / "data" / "schemaorg-claimreview.json").read_text(encoding="utf-8"))


def _is_a(kind: str, wanted: str) -> bool:
    """``kind`` is ``wanted`` or one of its subtypes, in schema.org's type hierarchy."""
    while kind is not None:
        if kind == wanted:
            return True
        kind = SCHEMA_ORG["types"].get(kind)
    return False


def _fits(value, ranges: list[str]) -> bool:
    if isinstance(value, dict):
        return any(_is_a(value["@type"], r) for r in ranges)
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):
        return "Number" in ranges
    if "URL" in ranges and value.startswith(("http://", "https://")):
        return True
    if {"Date", "DateTime"} & set(ranges):
        try:
            date.fromisoformat(value[:10])
            return True
        except ValueError:
            pass
    return "Text" in ranges


def check_schema_org(node: dict) -> None:
    """Every property of ``node`` (and of the objects in it) is defined for its type, with values of its range."""
    kind = node["@type"]
    assert kind in SCHEMA_ORG["types"], f"{kind} is not a schema.org type used here"
    for key, value in node.items():
        if key.startswith("@"):
            continue
        prop = SCHEMA_ORG["properties"].get(key)
        assert prop is not None, f"{key} is not a schema.org property (on {kind})"
        assert any(_is_a(kind, d) for d in prop["domain"]), f"{key} is not a property of {kind}"
        for v in value if isinstance(value, list) else [value]:
            assert _fits(v, prop["range"]), f"{kind}.{key} = {v!r} is not one of {prop['range']}"
            if isinstance(v, dict):
                check_schema_org(v)


def test_the_schema_check_catches_misuse():
    with pytest.raises(AssertionError, match="reviewBody is not a property of Claim"):
        check_schema_org({"@type": "Claim", "reviewBody": "x"})
    with pytest.raises(AssertionError, match="not one of"):
        check_schema_org({"@type": "ClaimReview", "reviewRating": {"@type": "Person", "name": "x"}})
    with pytest.raises(AssertionError, match="evidence is not a schema.org property"):
        check_schema_org({"@type": "ClaimReview", "evidence": "https://a"})


def test_export_never_overwrites_or_creates_folders_unasked(reviewed, tmp_path):
    from claimcheck.cli.main import cli

    def run(*args):
        return CliRunner().invoke(cli, ["export", *args, "--db", reviewed.url])

    tmp_path = tmp_path / "out"  # beside the store's files, an empty folder for the exports
    tmp_path.mkdir()
    precious = tmp_path / "precious.csv"
    precious.write_text("months of work\n", encoding="utf-8")
    refused = run("-o", str(precious))
    assert refused.exit_code == 1 and "already exists" in refused.output and "--force" in refused.output
    assert precious.read_text(encoding="utf-8") == "months of work\n"
    assert run("-o", str(precious), "--force").exit_code == 0
    assert len(_read_csv(precious)) == reviewed.claim_count()

    missing = run("-o", str(tmp_path / "no" / "such" / "x.csv"))
    assert missing.exit_code == 1 and f"no folder {tmp_path / 'no' / 'such'}" in missing.output
    assert not (tmp_path / "no").exists()
    (tmp_path / "file.txt").write_text("", encoding="utf-8")
    under_a_file = run("-o", str(tmp_path / "file.txt" / "x.csv"))
    assert under_a_file.exit_code == 1 and "no folder" in under_a_file.output and "it is a file" in under_a_file.output
    assert "File exists" not in under_a_file.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file.txt", "precious.csv"]  # no temporary file left


def test_a_failed_export_leaves_the_old_file(reviewed, tmp_path, monkeypatch):
    (tmp_path / "out").mkdir()
    path = tmp_path / "out" / "x.jsonl"
    path.write_text("old\n", encoding="utf-8")
    monkeypatch.setattr(json, "dumps", lambda *a, **k: 1 / 0)  # fails half-way through writing
    with pytest.raises(ZeroDivisionError):
        export(reviewed, path, "jsonl", force=True)
    assert path.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in path.parent.iterdir()] == ["x.jsonl"]


def test_xlsx_is_laid_out_for_arabic_readers(reviewed, tmp_path, monkeypatch):
    from datetime import datetime

    from openpyxl import load_workbook

    from claimcheck.export import formats as export_mod

    article = reviewed.articles()[0]["name"]
    evil = add_claim(reviewed, article, "=cmd|' /C calc'!A0", speaker="@attacker")
    path = tmp_path / "claims.xlsx"
    assert export(reviewed, path, "xlsx") == reviewed.claim_count()
    sheet = load_workbook(path).active
    assert sheet.sheet_view.rightToLeft and sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:T{reviewed.claim_count() + 1}"
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == COLUMNS
    # Every cell as the CSV has it (Arabic intact, same formula guard), except dates, which are dates.
    expected = to_frame(records(reviewed)).map(neutralise)
    by_id = {r[0]: dict(zip(COLUMNS, r)) for r in rows[1:]}
    for want in expected.to_dict("records"):
        got = by_id[want["claim_id"]]
        for column in COLUMNS:
            value = got[column]
            if column == "published" and want[column]:
                assert isinstance(value, datetime) and value.date().isoformat() == want[column]
            elif column == "reviewed_at" and want[column]:
                assert isinstance(value, datetime) and value.isoformat() == want[column][:19]
            else:
                assert (value or "") == want[column], (column, value, want[column])
    assert by_id[evil]["content"] == "'=cmd|' /C calc'!A0" and by_id[evil]["speaker"] == "'@attacker"
    widths = {c: sheet.column_dimensions[chr(ord("A") + i)].width for i, c in enumerate(COLUMNS)}
    assert widths["claim_id"] == 18 and widths["sentence"] == 60 and widths["status"] == len("needs-context") + 2

    monkeypatch.setattr(export_mod, "XLSX_MAX_ROWS", reviewed.claim_count())  # one row short: the header
    with pytest.raises(ExportError, match="do not fit in one Excel sheet .* export them as CSV"):
        export(reviewed, tmp_path / "too-many.xlsx", "xlsx")
    assert not (tmp_path / "too-many.xlsx").exists()


def test_an_unresolved_speaker_is_no_claimreview_author():
    # schema.org's author needs a name: a claim whose speaker the engine could not tell has none
    from claimcheck.export.formats import _speaker

    row = {"speaker": "", "actor_id": None, "side": None, "role": None, "affiliation": None}
    assert _speaker(row, {}) is None
    assert _speaker({**row, "speaker": "يحيى سريع", "role": "المتحدث العسكري"}, {})["name"] == "يحيى سريع"
