"""Ingest on the real seed files: stories, outlets with evidence, chrome, encodings, broken
inputs, collections, idempotence, and a run killed with SIGKILL."""

from __future__ import annotations

import codecs
import csv
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck import config
from claimcheck.analysis.analyzer import BuiltinAnalyzer
from claimcheck.cli.main import cli
from claimcheck.ingest import reader as ingest
from claimcheck.pipeline import ingest_paths
from claimcheck.store.database import Store

from conftest import ROOT, SEEDS

SEED_FILES = sorted(SEEDS.glob("*.txt"))


def seed(prefix: str) -> Path:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path


def read_articles(*paths: Path) -> dict[str, ingest.Article]:
    items = list(ingest.read(list(paths)))
    errors = [i for i in items if isinstance(i, ingest.IngestError)]
    assert not errors, errors
    return {a.name[:3]: a for a in items}


def run(*args: str):
    # catch_exceptions=False: a traceback is a failure, never an "error line".
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def sqlite_at(path: Path) -> str:
    return f"sqlite:///{path}"


# --- stories, outlets, chrome ------------------------------------------------------------------


@pytest.mark.parametrize(("prefix", "stories"), [("000", 2), ("001", 1), ("002", 2), ("003", 1), ("004", 1)])
def test_story_counts(prefix, stories):
    article = read_articles(seed(prefix))[prefix]
    assert len(article.stories) == stories
    spans = [(s.start, s.end) for s in article.stories]
    assert spans[0][0] == 0 and spans[-1][1] == len(article.text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))  # stories tile the text


INFERRED = {
    "000": ("Alhurra", "لقناة الحرة"),
    "001": (None, None),  # no signature in the text: unknown, never guessed
    "002": ("Alhurra", "لقناة الحرة"),
    "003": ("Al Jazeera", "المصدر : الجزيرة"),
    "004": ("Al Jazeera", "المصدر : الجزيرة"),
}


def test_outlet_and_evidence_without_metadata(tmp_path):
    for path in SEED_FILES:
        shutil.copy(path, tmp_path)
    articles = read_articles(tmp_path)
    for prefix, (outlet, evidence) in INFERRED.items():
        article = articles[prefix]
        assert article.outlet == outlet, prefix
        ev = article.outlet_evidence
        if evidence is None:
            assert ev is None
            continue
        assert (ev.text, ev.source) == (evidence, "signature")
        assert ev.start == article.text.index(evidence)  # the offset points at the matched text
        assert article.text[ev.start : ev.start + len(ev.text)] == ev.text

    # The same figures reach the store and `claimcheck articles --json`.
    url = sqlite_at(tmp_path / "store.db")
    assert run("--quiet", "ingest", str(tmp_path), "--db", url).exit_code == 0
    rows = {r["name"][:3]: r for r in json.loads(run("articles", "--json", "--db", url).output)}
    for prefix, (outlet, evidence) in INFERRED.items():
        row = rows[prefix]
        assert (row["outlet"], row["outlet_evidence"]) == (outlet, evidence)
        if evidence:
            assert row["outlet_offset"] == articles[prefix].outlet_evidence.start
            assert row["outlet_source"] == "signature"


def test_outlet_and_date_from_the_manifest():
    articles = read_articles(SEEDS)
    expected = {"000": "Alhurra", "001": "Asharq Al-Awsat", "002": "Alhurra", "003": "Al Jazeera", "004": "Al Jazeera"}
    assert {p: a.outlet for p, a in articles.items()} == expected
    assert all(a.outlet_evidence.source == "metadata" for a in articles.values())
    assert articles["003"].published == date(2020, 5, 20)
    assert articles["003"].stories[0].published == date(2020, 5, 20)


def test_chrome_of_004_is_excluded_but_kept():
    path = seed("004")
    article = read_articles(path)["004"]
    text = article.text
    assert text == path.read_text(encoding="utf-8")  # nothing deleted
    for c in article.chrome:
        assert 0 <= c.start < c.end <= len(text)
        assert text[c.start : c.end] == text[c.start : c.end].strip()

    caption = "قصف سابق على مواقع ببنغازي من طائرة تابعة لقوات حفتر (أسوشيتد برس)"
    assert sum(1 for c in article.chrome if text[c.start : c.end] == caption and c.kind == "caption") == 2
    (related,) = [c for c in article.chrome if c.kind == "related"]
    assert text[related.start :].startswith("حول هذه القصة")
    assert text[related.start : related.end].endswith("الأكثر قراءة")  # teasers, "المزيد من…", "الأكثر قراءة"

    sentences = BuiltinAnalyzer().sentences(article)
    assert sentences
    for sentence in sentences:
        for c in article.chrome:
            assert sentence.end <= c.start or sentence.start >= c.end, text[sentence.start : sentence.end]
    analysed = " ".join(text[s.start : s.end] for s in sentences)
    assert "أثارت تصريحات الرئيس المصري" not in analysed  # a teaser of another story
    assert "كثف سلاح الجو التابع لحكومة الوفاق" in analysed  # the article itself


# --- encodings ---------------------------------------------------------------------------------

ENCODINGS = {
    "utf-8": lambda t: t.encode("utf-8"),
    "utf-8-bom": lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    "utf-16-le-bom": lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
    "utf-16-be-bom": lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    "utf-16-le": lambda t: t.encode("utf-16-le"),
    "utf-16-be": lambda t: t.encode("utf-16-be"),
    "windows-1256": lambda t: t.encode("cp1256"),
}


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_every_encoding_round_trips_byte_exact(tmp_path, encoding):
    folder = tmp_path / "in"
    folder.mkdir()
    originals = {}
    for path in SEED_FILES:
        text = path.read_text(encoding="utf-8")
        raw = ENCODINGS[encoding](text)
        (folder / path.name).write_bytes(raw)
        originals[path.stem] = (text, raw)

    for article in ingest.read([folder]):
        assert not isinstance(article, ingest.IngestError), article
        text, raw = originals[article.name]
        assert article.text == text
        assert article.text.encode(article.encoding) == raw, article.encoding  # the reported codec gives the bytes back

    store = Store(sqlite_at(tmp_path / "store.db"))
    assert not ingest_paths(store, [folder]).errors
    stored = {a.name: a for a in store.iter_articles()}
    assert {name: a.text for name, a in stored.items()} == {name: t for name, (t, _) in originals.items()}
    assert all(a.text.encode(a.encoding) == originals[a.name][1] for a in stored.values())
    store.close()


# --- broken inputs -----------------------------------------------------------------------------


def test_broken_files_get_one_clear_error_each_and_the_rest_is_stored(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(seed("000"), folder / "good_a.txt")
    shutil.copy(seed("003"), folder / "good_b.txt")
    (folder / "garbage.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    (folder / "empty.txt").write_bytes(b"")
    shutil.copy(seed("001"), folder / "bad_sidecar.txt")
    (folder / "bad_sidecar.json").write_text('{"outlet": "Alhurra",', encoding="utf-8")
    good_record = json.dumps({"text": seed("002").read_text(encoding="utf-8"), "outlet": "Alhurra"}, ensure_ascii=False)
    (folder / "batch.jsonl").write_text(f'{good_record}\n{{"text": "بلا نهاية\n{json.dumps({"outlet": "x"})}\n',
                                        encoding="utf-8")
    with (folder / "batch.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["title", "text", "outlet"])
        writer.writerow(["جيد", seed("004").read_text(encoding="utf-8"), "Al Jazeera"])
        writer.writerow(["بلا نص", "", "Al Jazeera"])

    url = sqlite_at(tmp_path / "store.db")
    result = run("--quiet", "ingest", str(folder), "--db", url)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
    expected = {
        "garbage.txt": ("binary",),
        "empty.txt": ("empty",),
        "bad_sidecar.txt": ("bad_sidecar.json", "not valid JSON"),
        "batch.jsonl (line 2)": ("not valid JSON",),
        "batch.jsonl (line 3)": ("no article text",),
        # The good row's text has line breaks: the bad row starts on the line after them.
        f"batch.csv (line {2 + seed('004').read_text(encoding='utf-8').count(chr(10)) + 1})": ("no article text",),
    }
    assert len(errors) == len(expected), errors
    for where, words in expected.items():
        (line,) = [e for e in errors if f"{folder / where.split(' ')[0]}" in e and where in e]
        assert all(w in line for w in words), line
    assert "6 inputs failed; fix them" in result.stderr

    # The two good .txt files, the good JSONL record and the good CSV row.
    assert sorted(r["name"] for r in Store(url).articles()) == ["batch-1", "batch-2", "good_a", "good_b"]


# --- metadata and collections ------------------------------------------------------------------


def test_sidecar_metadata(tmp_path):
    shutil.copy(seed("001"), tmp_path / "story.txt")
    meta = {"outlet": "الشرق الأوسط", "published": "2020-05-21", "url": "https://example.org/a", "title": "عنوان"}
    (tmp_path / "story.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    article = read_articles(tmp_path / "story.txt")["sto"]
    assert article.outlet == "Asharq Al-Awsat"  # the Arabic name maps to the canonical outlet
    assert article.outlet_evidence.source == "metadata"
    assert article.published == date(2020, 5, 21)
    assert (article.url, article.title) == ("https://example.org/a", "عنوان")
    assert article.text == seed("001").read_text(encoding="utf-8")


def test_jsonl_and_csv_collections(tmp_path):
    t000, t003 = seed("000").read_text(encoding="utf-8"), seed("003").read_text(encoding="utf-8")
    records = [
        {"id": "hurra-1", "text": t000, "outlet": "Alhurra", "published": "2020-05-19", "url": "https://a"},
        {"text": t003, "title": "عنوان"},
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n",
                                         encoding="utf-8")
    with (tmp_path / "sheet.csv").open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.DictWriter(f, ["text", "outlet", "published"])
        writer.writeheader()
        writer.writerow({"text": t003, "outlet": "الجزيرة", "published": "20/05/2020"})

    items = list(ingest.read([tmp_path]))
    assert not [i for i in items if isinstance(i, ingest.IngestError)]
    by_source = {Path(a.source_path).name: a for a in items}
    assert set(by_source) == {"feed.jsonl#1", "feed.jsonl#2", "sheet.csv#2"}

    first = by_source["feed.jsonl#1"]
    assert (first.name, first.text, first.outlet, first.published) == ("hurra-1", t000, "Alhurra", date(2020, 5, 19))
    assert len(first.stories) == 2
    second = by_source["feed.jsonl#2"]
    assert (second.text, second.title, second.outlet) == (t003, "عنوان", "Al Jazeera")  # inferred from the text
    assert second.outlet_evidence.source == "signature"
    row = by_source["sheet.csv#2"]
    assert (row.text, row.outlet, row.published) == (t003, "Al Jazeera", date(2020, 5, 20))


# --- idempotence -------------------------------------------------------------------------------


def snapshot(path: Path) -> dict:
    """Everything ingest writes, in a comparable form."""
    with sqlite3.connect(path) as con:
        def rows(sql):
            return sorted(con.execute(sql).fetchall(), key=repr)

        return {
            "articles": rows("SELECT id, name, outlet, outlet_evidence, outlet_offset, published, analyzer, "
                             "pipeline_version FROM articles"),
            "stories": rows('SELECT article_id, "index", start, "end", title, published, date_text, date_offset '
                            "FROM stories"),
            "chrome": rows('SELECT article_id, start, "end", kind FROM chrome'),
            "claims": rows("SELECT id, article_id FROM claims"),
            "conflicts": rows("SELECT id FROM conflicts"),
        }


def test_reingest_adds_nothing(tmp_path):
    path = tmp_path / "store.db"
    first = run("ingest", str(SEEDS), "--db", sqlite_at(path))
    assert first.exit_code == 0, first.output
    assert first.output.startswith("5 added, 0 re-analysed, 0 unchanged")
    before = snapshot(path)

    again = run("ingest", str(SEEDS), "--db", sqlite_at(path))
    assert again.output.startswith("0 added, 0 re-analysed, 5 unchanged")
    assert snapshot(path) == before

    forced = run("ingest", str(SEEDS), "--force", "--db", sqlite_at(path))
    assert forced.output.startswith("0 added, 5 re-analysed, 0 unchanged")
    assert snapshot(path) == before  # same article, story and claim ids after re-analysis


def test_sigkilled_ingest_is_completed_by_the_next_run(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(200):
        source = SEED_FILES[n % len(SEED_FILES)]
        text = source.read_text(encoding="utf-8") + f"\n\nسطر إضافي رقم {n}.\n"
        (folder / f"{n:03d}_{source.name}").write_text(text, encoding="utf-8")

    killed = tmp_path / "killed.db"
    proc = subprocess.Popen(
        [sys.executable, "-m", "claimcheck", "--quiet", "ingest", str(folder), "--db", sqlite_at(killed)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=os.environ.copy(),
    )
    stored_at_kill = 0
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline:
        try:
            with sqlite3.connect(f"file:{killed}?mode=ro", uri=True, timeout=1) as con:
                stored_at_kill = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        except sqlite3.OperationalError:
            pass  # no file or no tables yet
        if stored_at_kill >= 5:
            os.kill(proc.pid, signal.SIGKILL)
            break
        time.sleep(0.005)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, proc.stderr.read().decode()

    with sqlite3.connect(killed) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        partial = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        # Each article is one transaction: none is stored without its stories.
        orphans = con.execute("SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM stories)")
        assert orphans.fetchone()[0] == 0
    assert 5 <= partial < 200

    rerun = run("--quiet", "ingest", str(folder), "--db", sqlite_at(killed))
    assert rerun.exit_code == 0, rerun.output
    reference = tmp_path / "reference.db"
    assert run("--quiet", "ingest", str(folder), "--db", sqlite_at(reference)).exit_code == 0

    assert snapshot(killed) == snapshot(reference)
    assert len(snapshot(reference)["articles"]) == 200


# --- start-up ----------------------------------------------------------------------------------


def test_help_does_not_import_stanza_or_torch():
    code = (
        "import sys\n"
        "from claimcheck.cli.main import cli\n"
        "for args in (['--help'], ['ingest', '--help'], ['models', '--help']):\n"
        "    try:\n"
        "        cli.main(args, prog_name='claimcheck')\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print(sorted(m for m in ('stanza', 'torch') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert "Usage: claimcheck" in out.stdout
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_a_sidecar_that_is_not_an_object_fails_alone(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, prefix in (("a_list", "000"), ("b_good", "001"), ("c_number", "002")):
        shutil.copy(seed(prefix), folder / f"{name}.txt")
    (folder / "a_list.json").write_text('["Alhurra"]', encoding="utf-8")
    (folder / "c_number.json").write_text("12", encoding="utf-8")
    (folder / "articles.jsonl").write_text('["b_good.txt"]\n{"id": "b_good", "outlet": "Alhurra"}\n', encoding="utf-8")
    url = sqlite_at(tmp_path / "store.db")
    result = run("ingest", str(folder), "--db", url)
    assert result.exit_code == 1 and "Traceback" not in result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
    assert len(errors) == 2 and all("is not a JSON object" in e for e in errors), errors
    assert "a_list.json" in errors[0] and "c_number.json" in errors[1]
    assert "claims and" in result.stdout  # the summary is printed
    assert [(a["name"], a["outlet"]) for a in Store(url).articles()] == [("b_good", "Alhurra")]


@pytest.mark.parametrize("meta, words", [
    ({"published": 12}, "'published' must be a date in quotes"),
    ({"published": "12"}, "not a whole date"),
    ({"published": "May 2020"}, "not a whole date"),
    ({"outlet": ["a", "b"]}, "'outlet' must be text"),
    ({"url": {"href": "https://a"}}, "'url' must be text"),
    ({"title": 7}, "'title' must be text"),
])
def test_metadata_of_the_wrong_type_is_refused(tmp_path, meta, words):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(seed("000"), folder / "story.txt")
    (folder / "story.json").write_text(json.dumps(meta), encoding="utf-8")
    text = seed("001").read_text(encoding="utf-8")
    (folder / "feed.jsonl").write_text(json.dumps({"text": text, **meta}) + "\n", encoding="utf-8")
    url = sqlite_at(tmp_path / "store.db")
    result = run("ingest", str(folder), "--db", url)
    assert result.exit_code == 1 and "Traceback" not in result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
    assert len(errors) == 2 and all(words in e for e in errors), errors
    assert Store(url).articles() == []


def test_whole_dates_in_any_common_form_are_read():
    for written in ("2020-05-21", "20200521", "21/05/2020", "21 May 2020", "2020-05-21T10:00:00+02:00"):
        assert ingest._parse_date(written) == date(2020, 5, 21), written


def test_a_file_without_arabic_gets_a_warning(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(seed("004"), folder / "arabic.txt")
    (folder / "english.txt").write_text("The army said it took the airport.\n", encoding="utf-8")
    url = sqlite_at(tmp_path / "store.db")
    result = run("ingest", str(folder), "--db", url)
    assert result.exit_code == 0
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning: ")]
    assert warnings == [f"warning: {folder / 'english.txt'}: no Arabic text; 0 claims"]
    assert sorted(a["name"] for a in Store(url).articles()) == ["arabic", "english"]  # stored all the same


def test_edited_metadata_is_noticed_and_reviews_stay(tmp_path):
    from claimcheck.review import decisions as review

    folder = tmp_path / "in"
    folder.mkdir()
    for prefix in ("000", "002"):
        shutil.copy(seed(prefix), folder / f"s{prefix}.txt")
    sidecar = folder / "s000.json"
    sidecar.write_text(json.dumps({"outlet": "Alhurra", "published": "2020-05-18"}), encoding="utf-8")
    url = sqlite_at(tmp_path / "store.db")
    assert run("ingest", str(folder), "--db", url).exit_code == 0
    store = Store(url)
    claim = store.claims(article=store.find_article_id("s000"))[0]["id"]
    review.record(store, "claim", claim, "disputed", "amina", note="kept")

    # A corrected sidecar, and a new manifest line for the other article.
    sidecar.write_text(json.dumps({"outlet": "BBC Arabic", "published": "2020-05-21", "url": "https://a"}),
                       encoding="utf-8")
    (folder / "articles.jsonl").write_text(json.dumps({"id": "s002", "outlet": "Al Jazeera"}) + "\n", encoding="utf-8")
    again = run("ingest", str(folder), "--db", url)
    assert again.output.startswith("0 added, 2 re-analysed, 0 unchanged"), again.output
    outlets = {a["name"]: (a["outlet"], a["published"]) for a in store.articles()}
    assert outlets == {"s000": ("BBC Arabic", "2020-05-21"), "s002": ("Al Jazeera", None)}
    assert store.claim(claim)["outlet"] == "BBC Arabic"
    assert review.current_status(store, "claim", [claim])[claim]["note"] == "kept"

    # The same as a fresh store given the new metadata: claims (ids, outlets, dates) and conflicts.
    fresh = Store(sqlite_at(tmp_path / "fresh.db"))
    from claimcheck.pipeline import ingest_paths

    ingest_paths(fresh, [folder])
    drop_status = [{k: v for k, v in c.items() if k != "status"} for c in store.claims()]
    assert drop_status == [{k: v for k, v in c.items() if k != "status"} for c in fresh.claims()]
    assert store.conflicts() == fresh.conflicts()
    assert run("ingest", str(folder), "--db", url).output.startswith("0 added, 0 re-analysed, 2 unchanged")


def test_an_article_over_the_size_limit_is_refused_whole(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(seed("004"), folder / "small.txt")
    line = seed("003").read_text(encoding="utf-8")
    (folder / "huge.txt").write_text(line * (5_100_000 // len(line.encode("utf-8")) + 1), encoding="utf-8")
    url = sqlite_at(tmp_path / "store.db")
    result = run("ingest", str(folder), "--db", url)
    assert result.exit_code == 1
    errors = [e for e in result.stderr.splitlines() if e.startswith("Error: ")]
    assert errors == [f"Error: {folder / 'huge.txt'}: is 5.11 MB, more than the 5 MB allowed for one article; "
                      "split it, or raise max_article_mb under [ingest] in config.toml"]
    assert [a["name"] for a in Store(url).articles()] == ["small"]  # never stored cut short

    # The limit is a setting; in a collection it applies to each record.
    cfg = tmp_path / "cfg"
    cfg.mkdir()
    (cfg / "config.toml").write_text("[ingest]\nmax_article_mb = 0.006\n", encoding="utf-8")
    monkeypatch.setenv("CLAIMCHECK_CONFIG_DIR", str(cfg))
    config.load_settings.cache_clear()
    try:
        records = [{"id": "short", "text": seed("004").read_text(encoding="utf-8")},
                   {"id": "long", "text": seed("002").read_text(encoding="utf-8")}]
        (tmp_path / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
        items = list(ingest.read([tmp_path / "feed.jsonl"]))
    finally:
        config.load_settings.cache_clear()
    assert [i.name for i in items if not isinstance(i, ingest.IngestError)] == ["short"]
    (error,) = [str(i) for i in items if isinstance(i, ingest.IngestError)]
    assert error.startswith(f"{tmp_path / 'feed.jsonl'} (line 2): its text is 0.0084 MB, more than the 0.006 MB")


def test_articles_written_before_a_stop_get_their_conflicts_on_the_next_run(tmp_path):
    """An ingest stopped after writing articles and before their conflict update (killed, a full disk):
    the next run, with nothing new to analyse, updates their conflicts first."""
    from claimcheck.pipeline import analyze_article
    from claimcheck.store.database import open_store

    stopped, reference = (open_store(f"sqlite:///{tmp_path / name}.db", create=True) for name in ("stopped", "reference"))
    for path in sorted(SEEDS.glob("*.txt")):
        article = next(a for a in ingest.read([path]) if not isinstance(a, ingest.IngestError))
        stopped.save_article(article, analyze_article(article), "builtin")  # written, conflicts never updated
    assert stopped.conflict_count() == 0 and stopped.pending_conflicts()
    again = ingest_paths(stopped, [SEEDS])
    assert again.unchanged == len(list(SEEDS.glob("*.txt"))) and not stopped.pending_conflicts()
    ingest_paths(reference, [SEEDS])
    assert {c["id"] for c in stopped.conflicts()} == {c["id"] for c in reference.conflicts()} != set()


@pytest.mark.parametrize(
    "published, message",
    [
        ("12/03/2024", "'published' '12/03/2024' could be day/month or month/day; write it as YYYY-MM-DD"),
        ("31/02/2024", "'published' '31/02/2024' is not a date"),
        ("2020-13-45", "'published' '2020-13-45' is not a date (month must be in 1..12); write it as YYYY-MM-DD"),
    ],
)
def test_a_date_that_cannot_be_read_for_sure_is_refused_with_its_field(tmp_path, published, message):
    (tmp_path / "a.txt").write_text("قال الجيش إن الهجوم فشل.\n", encoding="utf-8")
    (tmp_path / "a.json").write_text(json.dumps({"published": published}), encoding="utf-8")
    [found] = list(ingest.read([tmp_path / "a.txt"]))
    assert isinstance(found, ingest.IngestError) and message in str(found)


def test_ingest_of_nothing_that_exists_makes_no_store(tmp_path):
    path = tmp_path / "store.db"
    result = run("ingest", str(tmp_path / "nosuch.txt"), "--db", sqlite_at(path))
    assert result.exit_code == 1
    assert "nosuch.txt: no such file or folder; check the path" in result.output
    assert not path.exists()
