"""What the commands print: stored text shown literally, whatever it holds, and messages that count right."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from claimcheck.analysis.text import visible
from claimcheck.cli.main import cli
from claimcheck.config import ConflictSettings
from conftest import SEEDS

ESC = "\x1b"
# An article whose name and text hold Rich markup, terminal control sequences and a bidi override.
HOSTILE_NAME = f"[/b]{ESC}]0;pwned\x07"
HOSTILE_TEXT = (
    f"قال المتحدث باسم الجيش الليبي أحمد المسماري إن القوات [/x] {ESC}[2J سيطرت على المطار.\n\n"
    "وأكد وزير الداخلية فتحي باشاغا أن \u202eالقصف\u202c استهدف مدنيين.\n"
)
NOTE = f"see [/link] {ESC}[2J{ESC}]0;title\x07 \u202edone"


def run(*args: str, ok: bool = True):
    result = CliRunner().invoke(cli, list(args))
    if ok:
        assert result.exit_code == 0, result.output + repr(result.exception)
    return result


@pytest.fixture
def hostile(tmp_path, sqlite_url):
    """A store holding the hostile article (from a collection) and a .txt file whose name holds ESC."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "news.jsonl").write_text(
        json.dumps({"id": HOSTILE_NAME, "text": HOSTILE_TEXT, "outlet": "[/i]Alhurra"}, ensure_ascii=False) + "\n",
        encoding="utf-8")
    (tmp_path / "in" / f"{ESC}[2Jfile.txt").write_text("قالت الحكومة إن الوضع هادئ.\n", encoding="utf-8")
    run("ingest", str(tmp_path / "in"), "--db", sqlite_url)
    claim = json.loads(run("claims", "--json", "--db", sqlite_url).stdout)[0]["id"]
    run("review", claim, "-s", "disputed", "--note", NOTE, "--reviewer", "[/r]amina", "--db", sqlite_url)
    return sqlite_url, claim


def test_stored_text_is_never_read_as_markup(hostile):
    url, claim = hostile
    assert "[/link]" in run("history", claim, "--db", url).stdout
    assert "[/r]amina" in run("history", claim, "--db", url).stdout
    assert "[/b]" in run("articles", "--db", url).stdout
    listed = run("claims", "--db", url).stdout
    assert "[/x]" in listed and "[/b]" in listed and "[/i]Alhurra" in listed
    assert "[/b]" in run("show", "[/b]", "--db", url).stdout


def test_control_characters_are_shown_not_obeyed(hostile):
    url, claim = hostile
    outputs = {
        "history": run("history", claim, "--db", url).stdout,
        "articles": run("articles", "--db", url).stdout,
        "claims": run("claims", "--db", url).stdout,
        "show": run("show", "[/b]", "--db", url).stdout,
    }
    for command, out in outputs.items():
        assert ESC not in out and "\x07" not in out and "\u202e" not in out, command
    assert "␛[2J␛]0;title␇" in outputs["history"]
    assert "␛[2J" in outputs["claims"] and "␛]0;pwned␇" in outputs["articles"]
    assert "␛[2Jfile" in outputs["articles"]
    # Stored as given: the JSON output carries the note exactly.
    assert json.loads(run("history", claim, "--json", "--db", url).stdout)[0]["note"] == NOTE


def test_visible_keeps_what_arabic_needs():
    arabic = "قال\u200f \u061c ع\u200dل\u200c م\u0640ن\tس\r\nص"
    assert visible(arabic) == arabic
    assert visible(f"a{ESC}[2J\x9b\u202a\u2066\r") == "a␛[2J\ufffd\ufffd\ufffd␍"


def test_filters_take_percent_and_underscore_literally(seeded_store):
    url = seeded_store.url
    assert seeded_store.claim_count() > 0
    for cue in ("%", "_", "%ا%"):
        assert json.loads(run("claims", "--cue", cue, "--json", "--db", url).stdout) == [], cue
    assert json.loads(run("claims", "--speaker", "%", "--json", "--db", url).stdout) == []
    wildcard = run("claims", "--article", "%4aa4", "--db", url, ok=False)
    assert wildcard.exit_code == 1 and "no article '%4aa4'" in wildcard.output
    assert run("claims", "--article", "004_4aa4", "--json", "--db", url).stdout.strip() != "[]"


@pytest.mark.parametrize("value", ["5", "-0.1", "1.01"])
def test_min_confidence_outside_0_1_is_an_error(seeded_store, value):
    result = run("conflicts", "--min-confidence", value, "--db", seeded_store.url, ok=False)
    assert result.exit_code == 2 and "--min-confidence" in result.output and "0<=x<=1" in result.output


@pytest.mark.parametrize("args, message, command", [
    (("conflicts", "--min-confidence", "3"), "Error: Invalid value for '--min-confidence'", "conflicts"),
    (("export", "--since", "2025-02-30"), "Error: Invalid value for '--since': '2025-02-30' is not a day", "export"),
    (("ingest", "--nope"), "Error: No such option '--nope'", "ingest"),
    (("nosuch",), "Error: No such command 'nosuch'", ""),
    (("models", "download", "--bogus"), "Error: No such option '--bogus'", "models download"),
])
def test_a_usage_error_is_one_line_naming_the_help(args, message, command):
    result = CliRunner().invoke(cli, list(args), prog_name="claimcheck")
    assert result.exit_code == 2 and result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith(message), result.stderr
    assert result.stderr.rstrip().endswith(f"(see '{' '.join(['claimcheck', command]).strip()} --help')")


def test_a_group_called_alone_shows_its_help():
    result = CliRunner().invoke(cli, ["models"], prog_name="claimcheck")
    assert "Usage: claimcheck models" in result.output and "download" in result.output


def test_claims_and_conflicts_carry_their_review_status(tmp_path):
    from claimcheck.store.database import Store
    from helpers import seed_store

    url = f"sqlite:///{tmp_path / 'claims.db'}"
    store = Store(url)
    seed_store(store)
    claim, other = (c["id"] for c in store.claims()[:2])
    conflict = store.conflicts()[0]["id"]
    store.close()
    run("review", claim, "-s", "disputed", "--reviewer", "amina", "--db", url)
    run("review", other, "-s", "false", "--reviewer", "amina", "--db", url)
    run("review", other, "-s", "verified", "--reviewer", "omar", "--db", url)  # the latest decision counts
    run("review", conflict, "--conflict", "-s", "confirmed", "--db", url)

    every = json.loads(run("claims", "--json", "--db", url).stdout)
    status = {c["id"]: c["status"] for c in every}
    assert status[claim] == "disputed" and status[other] == "verified"
    assert set(status.values()) == {"disputed", "verified", "unreviewed"}
    assert [c["id"] for c in json.loads(run("claims", "--status", "disputed", "--json", "--db", url).stdout)] == [claim]
    assert [c["id"] for c in json.loads(run("claims", "--status", "Verified", "--json", "--db", url).stdout)] == [other]
    unreviewed = json.loads(run("claims", "--status", "unreviewed", "--json", "--db", url).stdout)
    assert len(unreviewed) == len(every) - 2
    assert "disputed" in run("claims", "--status", "disputed", "--db", url).stdout
    wrong = run("claims", "--status", "maybe", "--db", url, ok=False)
    assert wrong.exit_code == 2 and "use one of: unreviewed, verified" in wrong.output
    assert "Invalid value for '--status': 'maybe'" in wrong.output  # quoted as every other option is

    conflicts = json.loads(run("conflicts", "--json", "--db", url).stdout)
    assert {c["id"]: c["status"] for c in conflicts}[conflict] == "confirmed"
    confirmed = json.loads(run("conflicts", "--status", "confirmed", "--json", "--db", url).stdout)
    assert [c["id"] for c in confirmed] == [conflict]


def test_messages_count_in_english(tmp_path):
    from claimcheck.store.database import Store

    url = f"sqlite:///{tmp_path / 'one.db'}"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "one.jsonl").write_text(
        json.dumps({"id": "one", "text": "قالت الحكومة إن الوضع هادئ.\n"}, ensure_ascii=False) + "\n{broken\n",
        encoding="utf-8")
    result = run("ingest", str(tmp_path / "in"), "--db", url, ok=False)
    assert "1 claim extracted now; the store holds 1 claim and 0 conflicts (0 to review)" in result.stdout
    assert "1 input failed; fix it and run ingest again (the rest is stored)." in result.stderr
    assert run("claims", "--db", url).stdout.rstrip().endswith("\n1 claim")
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "only.jsonl").write_text("{broken\n", encoding="utf-8")
    alone = run("ingest", str(tmp_path / "bad"), "--db", url, ok=False)
    assert "1 input failed; fix it and run ingest again." in alone.stderr and "the rest" not in alone.stderr
    assert "1 article analysed with builtin: 1 claim" in run("analyze", "--db", url).stdout
    assert "1 claim written to" in run("export", "-o", str(tmp_path / "one.csv"), "--db", url).stdout
    assert run("conflicts", "--db", url).stdout.strip() == "0 conflicts"


def test_csv_errors_name_the_line_a_row_starts_on(tmp_path):
    from claimcheck.ingest import reader as ingest

    sheet = tmp_path / "sheet.csv"
    # Header on line 1; the first row's text runs over lines 2–4; the second row (no text) is on line 5.
    sheet.write_text('title,text\nأول,"قالت الحكومة\n\nإن الوضع هادئ."\nثان,\n', encoding="utf-8")
    items = list(ingest.read([sheet]))
    errors = [str(i) for i in items if isinstance(i, ingest.IngestError)]
    assert errors == [f"{sheet} (line 5): has no article text (expected one of the fields text, body, content, article)"]
    (article,) = [i for i in items if not isinstance(i, ingest.IngestError)]
    assert article.source_path == f"{sheet}#2"


def test_the_cue_filter_folds_like_the_desk_search(seeded_store):
    from claimcheck.store import queries

    url = seeded_store.url
    written = {c["cue"] for c in seeded_store.claims()}
    cue = next(c for c in sorted(written) if c[0] in "أإآ")  # a cue written with hamza
    bare = "ا" + cue[1:]
    wanted = sorted(c["id"] for c in seeded_store.claims() if c["cue"] == cue or c["cue_lemma"] == cue)
    for typed in (cue, bare):
        found = {c["id"] for c in json.loads(run("claims", "--cue", typed, "--json", "--db", url).stdout)}
        assert set(wanted) <= found, typed
        desk = {r.id for r in queries.claim_page(seeded_store, queries.ClaimFilter(search=typed), 10_000)}
        assert found - {c["id"] for c in seeded_store.claims() if c["cue_lemma"] == typed} <= desk


def test_quiet_after_the_command_and_clear_misuse_errors(tmp_path, sqlite_url):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("قالت الحكومة إن الوضع هادئ في العاصمة.\n", encoding="utf-8")
    quiet = run("ingest", str(tmp_path / "in"), "--db", sqlite_url, "-q", "--jobs", "1")
    assert quiet.output == ""  # -q after the command silences it as before it
    assert run("claims", "--db", sqlite_url).output  # and the claim is stored
    claim = json.loads(run("claims", "--json", "--db", sqlite_url).stdout)[0]["id"]
    wrong = run("review", claim, "--status", "confirmed", "--db", sqlite_url, ok=False)
    assert wrong.exit_code != 0 and "add --conflict" in wrong.output
    misnamed = run("export", "--format", "xlsx", "-o", str(tmp_path / "d.csv"), "--db", sqlite_url, ok=False)
    assert misnamed.exit_code != 0 and ".xlsx file name" in misnamed.output and not (tmp_path / "d.csv").exists()


def test_a_listing_says_what_its_filters_hide(seeded_store):
    url = seeded_store.url
    stored = json.loads(run("conflicts", "--min-confidence", "0", "--json", "--db", url).stdout)
    listed = run("conflicts", "--db", url)
    shown = len(json.loads(run("conflicts", "--json", "--db", url).stdout))
    assert 0 < shown < len(stored)  # the seeds keep conflicts below the default threshold
    assert listed.stdout.strip().endswith(f"{shown} conflicts")
    assert f"{len(stored) - shown} more below confidence {ConflictSettings().min_confidence:g}" in listed.stderr
    assert "more below" not in run("conflicts", "--min-confidence", "0", "--db", url).stderr
    assert run("conflicts", "-q", "--db", url).stderr == ""

    sides = sorted({c["side"] for c in seeded_store.claims() if c["side"]})
    nobody = run("claims", "--side", "Atlantis", "--db", url)
    assert nobody.stdout.strip() == "0 claims"
    assert "no stored claim has --side 'Atlantis'" in nobody.stderr and ", ".join(sides) in nobody.stderr
    assert "--outlet 'BBC'" in run("conflicts", "--outlet", "BBC", "--db", url).stderr
    assert run("claims", "--side", sides[0].lower(), "--cue", "لا يوجد", "--db", url).stderr == ""  # the side exists


def test_a_listing_status_of_the_other_kind_is_named_without_review_flags(seeded_store):
    wrong = run("conflicts", "--status", "verified", "--db", seeded_store.url, ok=False)
    assert wrong.exit_code == 2 and "(a claim status)" in wrong.output and "--conflict" not in wrong.output
    wrong = run("claims", "--status", "confirmed", "--db", seeded_store.url, ok=False)
    assert wrong.exit_code == 2 and "(a conflict status)" in wrong.output


def test_a_file_that_is_no_store_gets_advice_for_a_file(tmp_path):
    notes = tmp_path / "notes.db"
    notes.write_text("my notes\n" * 200, encoding="utf-8")
    for command in (["claims"], ["ingest", str(SEEDS / "004_4aa4d1d5802a62ef.txt")]):
        refused = run(*command, "--db", f"sqlite:///{notes}", ok=False)
        assert refused.exit_code == 1 and "file is not a database; point --db at a claimcheck store" in refused.output
        assert "server" not in refused.output and "Traceback" not in refused.output
    assert notes.read_text(encoding="utf-8") == "my notes\n" * 200


def test_a_party_no_list_knows_is_its_own_side_in_the_json_and_the_export(tmp_path, sqlite_url):
    article = tmp_path / "front.txt"
    article.write_text("وقالت جبهة الخلاص الوطني في بيان إن قواتها سيطرت على البلدة.\n\n"
                       "وقال الجيش الإثيوبي إن قواته صدت الهجوم.\n", encoding="utf-8")
    run("ingest", str(article), "--db", sqlite_url)
    claims = {c["speaker"]: c for c in json.loads(run("claims", "--json", "--db", sqlite_url).stdout)}
    front, army = claims["جبهة الخلاص الوطني"], claims["الجيش الإثيوبي"]
    assert (front["side"], front["side_inferred"]) == ("جبهة الخلاص الوطني", True)
    assert (army["side"], army["side_inferred"]) == ("Ethiopia", False)
    out = tmp_path / "all.jsonl"
    run("export", "-o", str(out), "--db", sqlite_url)
    rows = {r["speaker"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert rows["جبهة الخلاص الوطني"]["side_inferred"] and not rows["الجيش الإثيوبي"]["side_inferred"]


@pytest.mark.parametrize("name, first_bytes", [("out.xlsx", b"PK"), ("out.jsonl", b"{"), ("out.csv", "\ufeff".encode())])
def test_the_export_format_follows_the_file_extension(tmp_path, sqlite_url, name, first_bytes):
    run("ingest", str(SEEDS), "--db", sqlite_url)
    out = tmp_path / name
    run("export", "-o", str(out), "--db", sqlite_url)
    assert out.read_bytes().startswith(first_bytes)


def test_a_folder_with_nothing_to_read_is_a_failed_input(tmp_path, sqlite_url):
    (tmp_path / "empty").mkdir()
    (tmp_path / "word").mkdir()
    (tmp_path / "word" / "report.docx").write_bytes(b"PK")
    result = run("ingest", str(tmp_path / "empty"), str(tmp_path / "word"), "--db", sqlite_url, ok=False)
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
    assert result.exit_code == 1 and len(errors) == 2 and all("no .txt articles" in e for e in errors)
    assert "2 inputs failed" in result.stderr


def test_a_collection_with_no_article_text_is_one_error(tmp_path, sqlite_url):
    links = tmp_path / "links.jsonl"
    links.write_text("".join(json.dumps({"url": f"https://news.example/{n}"}) + "\n" for n in range(40)), encoding="utf-8")
    result = run("ingest", str(links), "--db", sqlite_url, ok=False)
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
    assert result.exit_code == 1 and len(errors) == 1 and "no record has an article text" in errors[0]


def test_the_ingest_summary_counts_the_conflicts_left_to_review(sqlite_url):
    import re

    first = run("ingest", str(SEEDS), "--db", sqlite_url).stdout
    listed, to_review = map(int, re.search(r"and (\d+) conflicts \((\d+) to review\)", first).groups())
    assert listed == to_review == len(json.loads(run("conflicts", "--json", "--db", sqlite_url).stdout))
    conflict = json.loads(run("conflicts", "--json", "--db", sqlite_url).stdout)[0]["id"]
    run("review", conflict, "--conflict", "--status", "confirmed", "--db", sqlite_url)
    again = run("ingest", str(SEEDS), "--db", sqlite_url).stdout
    assert f"and {listed} conflicts ({listed - 1} to review)" in again


@pytest.mark.parametrize("name, meant", [("out.json", ".jsonl"), ("out.xls", ".xlsx"), ("out.tsv", ".csv"), ("out.pdf", None)])
def test_an_export_file_name_that_names_no_format_is_refused(tmp_path, sqlite_url, name, meant):
    run("ingest", str(SEEDS / "004_4aa4d1d5802a62ef.txt"), "--db", sqlite_url)
    result = run("export", "-o", str(tmp_path / name), "--db", sqlite_url, ok=False)
    assert result.exit_code == 2 and len(result.stderr.splitlines()) == 1 and not (tmp_path / name).exists()
    assert f"cannot tell the format from '{name}'" in result.stderr
    assert (f"(perhaps {meant})" in result.stderr) == (meant is not None)
    assert run("export", "-o", str(tmp_path / name), "--format", "jsonl", "--db", sqlite_url).exit_code == 0


def test_a_bad_export_status_is_a_usage_error_like_any_other(sqlite_url, tmp_path):
    run("ingest", str(SEEDS / "004_4aa4d1d5802a62ef.txt"), "--db", sqlite_url)
    result = run("export", "--status", "bogus", "-o", str(tmp_path / "x.csv"), "--db", sqlite_url, ok=False)
    assert result.exit_code == 2 and result.stderr.startswith("Error: Invalid value for '--status'")
    reversed_range = run("export", "--since", "2020-05-01", "--until", "2020-04-01", "-o", str(tmp_path / "y.csv"),
                         "--db", sqlite_url, ok=False)
    assert reversed_range.exit_code == 2 and "2020-05-01 is after --until 2020-04-01" in reversed_range.stderr
    assert not (tmp_path / "y.csv").exists()


def test_the_export_attaches_the_conflicts_the_conflicts_command_shows(tmp_path, sqlite_url):
    run("ingest", str(SEEDS), "--db", sqlite_url)
    shown = {k["id"] for k in json.loads(run("conflicts", "--json", "--db", sqlite_url).stdout)}
    every = json.loads(run("conflicts", "--json", "--min-confidence", "0", "--db", sqlite_url).stdout)
    low = next(k for k in every if k["id"] not in shown)

    def exported() -> set[str]:
        out = tmp_path / "all.jsonl"
        run("export", "-o", str(out), "--force", "--db", sqlite_url)
        rows = map(json.loads, out.read_text(encoding="utf-8").splitlines())
        return {i for r in rows for i in r["conflict_ids"]}

    before = exported()
    assert shown <= before and low["id"] not in before
    run("review", low["id"], "--conflict", "-s", "confirmed", "--db", sqlite_url)
    assert low["id"] in exported()  # a reviewer's confirmation shows it whatever its score


def test_a_date_that_is_no_day_and_a_status_in_capitals(tmp_path, sqlite_url):
    run("ingest", str(SEEDS), "--db", sqlite_url)
    bad = run("export", "--since", "2025-02-30", "-o", str(tmp_path / "x.csv"), "--db", sqlite_url, ok=False)
    assert bad.exit_code == 2 and "'2025-02-30' is not a day of the calendar: write YYYY-MM-DD" in bad.output
    assert not (tmp_path / "x.csv").exists()
    claim = json.loads(run("claims", "--json", "--db", sqlite_url).stdout)[0]["id"]
    run("review", claim, "-s", "disputed", "--db", sqlite_url)
    run("export", "--status", "Disputed", "-o", str(tmp_path / "d.jsonl"), "--db", sqlite_url)
    rows = [json.loads(line) for line in (tmp_path / "d.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["claim_id"] for r in rows] == [claim]


def test_an_outlet_filter_takes_the_outlets_arabic_name(seeded_store):
    url = seeded_store.url
    english = json.loads(run("claims", "--outlet", "al jazeera", "--json", "--db", url).stdout)
    arabic = json.loads(run("claims", "--outlet", "الجزيرة", "--json", "--db", url).stdout)
    assert english and [c["id"] for c in arabic] == [c["id"] for c in english]
    assert json.loads(run("conflicts", "--outlet", "قناة الجزيرة", "--json", "--min-confidence", "0", "--db", url).stdout) \
        == json.loads(run("conflicts", "--outlet", "Al Jazeera", "--json", "--min-confidence", "0", "--db", url).stdout)
    assert json.loads(run("claims", "--outlet", "الجزير", "--json", "--db", url).stdout) == []  # whole names only


def test_corroborated_claims_are_listed_under_a_rule_per_group(seeded_store):
    url = seeded_store.url
    rows = json.loads(run("claims", "--corroborated", "--json", "--db", url).stdout)
    groups = list(dict.fromkeys(r["group"]["id"] for r in rows))
    listed = run("claims", "--corroborated", "--db", url).stdout
    rules = [line for line in listed.splitlines() if "corroboration group" in line]
    assert groups and [next(g for g in groups if g[:10] in line) for line in rules] == groups
    assert "corroboration group" not in run("claims", "--db", url).stdout
