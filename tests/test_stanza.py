"""The stanza analyzer on real models (CLAIMCHECK_STANZA_DIR, else ../shared/models/stanza-ar).

The shared test models are small and make tagging and parsing errors, so these tests check
structure (offsets, a tag, head and relation for every word, a tree per sentence), not tags.
"""

from __future__ import annotations

import json
import socket
import sqlite3

import pytest
from click.testing import CliRunner

from claimcheck.analysis.analyzer import BuiltinAnalyzer
from claimcheck.cli.main import cli
from claimcheck.ingest.reader import build_article

from conftest import SEEDS, stanza_model_dir

MODELS = stanza_model_dir()
_skip_without_models = pytest.mark.skipif(
    MODELS is None,
    reason="no stanza Arabic models: set CLAIMCHECK_STANZA_DIR to a stanza resources folder "
    "(or run `claimcheck models download`)",
)


def needs_models(test):
    return pytest.mark.stanza(_skip_without_models(test))


def hub_reachable() -> bool:
    try:
        socket.create_connection(("raw.githubusercontent.com", 443), timeout=3).close()
        return True
    except OSError:
        return False


@pytest.fixture(scope="module")
def analyzer():
    from claimcheck.analysis.stanza_analyzer import StanzaAnalyzer

    return StanzaAnalyzer(str(MODELS))  # loading takes seconds: once per module


def seed_article(prefix: str):
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return build_article(path.read_text(encoding="utf-8"), path.stem)


def paragraph_of_003():
    """One paragraph of seed 003, as its own article (offsets must still be exact)."""
    text = seed_article("003").text
    paragraph = next(line for line in text.splitlines() if line.startswith("وأكد المتحدث"))
    return build_article("مقدمة قصيرة.\n" + paragraph + "\n", "003-paragraph")


def assert_tree(sentence) -> None:
    n = len(sentence.tokens)
    heads = [t.head for t in sentence.tokens]
    assert heads.count(-1) == 1, heads
    for i, head in enumerate(heads):
        assert head == -1 or (0 <= head < n and head != i)
        seen = set()
        while head != -1:  # every word reaches the root without a cycle
            assert head not in seen
            seen.add(head)
            head = heads[head]


@needs_models
@pytest.mark.parametrize("make", [lambda: seed_article("001"), paragraph_of_003], ids=["seed-001", "seed-003-paragraph"])
def test_stanza_tokens_tags_and_trees(analyzer, make):
    article = make()
    sentences = analyzer.sentences(article)
    builtin = BuiltinAnalyzer().sentences(article)
    assert [(s.start, s.end, s.story, s.headline) for s in sentences] == [
        (s.start, s.end, s.story, s.headline) for s in builtin
    ]
    for sentence in sentences:
        assert sentence.tokens
        for token in sentence.tokens:
            assert sentence.start <= token.start < token.end <= sentence.end
            assert article.text[token.start : token.end] == token.text
            assert token.upos and token.deprel and token.lemma is not None
            assert token.head is not None
        starts = [t.start for t in sentence.tokens]
        assert starts == sorted(starts)
        assert_tree(sentence)
    # stanza separates the conjunction from the cue verb, as the built-in tokenizer does.
    words = [t.text for s in sentences for t in s.tokens]
    assert "قال" in words or "أكد" in words


@needs_models
def test_models_status_says_ready():
    result = CliRunner().invoke(cli, ["models", "status", "--stanza-dir", str(MODELS)])
    assert result.exit_code == 0, result.output
    assert "ready for --analyzer stanza" in result.output
    status = json.loads(CliRunner().invoke(cli, ["models", "status", "--json", "--stanza-dir", str(MODELS)]).output)
    assert status["ready"] and set(status["processors"]) >= {"tokenize", "pos", "lemma", "depparse"}


@pytest.mark.skipif(hub_reachable(), reason="the network is open: this would download the full models")
def test_models_download_fails_cleanly_without_network(tmp_path):
    result = CliRunner().invoke(cli, ["models", "download", "--stanza-dir", str(tmp_path / "res")])
    assert result.exit_code == 1
    assert "could not download the Arabic models from stanza's model hub" in result.output
    assert "--stanza-dir" in result.output
    assert "Traceback" not in result.output
    assert isinstance(result.exception, SystemExit)  # a handled error, not a crash


def test_missing_models_are_a_clear_error(tmp_path):
    result = CliRunner().invoke(cli, ["ingest", str(SEEDS), "--analyzer", "stanza", "--stanza-dir", str(tmp_path),
                                      "--db", f"sqlite:///{tmp_path / 's.db'}"])
    assert result.exit_code == 1
    assert str(tmp_path) in result.output and "claimcheck models download" in result.output
    assert "Traceback" not in result.output


@needs_models
def test_ingest_with_stanza_end_to_end(tmp_path):
    db = tmp_path / "s.db"
    (path,) = SEEDS.glob("003_*.txt")
    result = CliRunner().invoke(cli, ["ingest", str(path), "--analyzer", "stanza", "--stanza-dir", str(MODELS),
                                      "--db", f"sqlite:///{db}"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("1 added")
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT name, outlet, analyzer FROM articles").fetchall() == [(path.stem, "Al Jazeera", "stanza")]
        cues = con.execute("SELECT cue, cue_start, cue_end FROM claims").fetchall()
    text = path.read_text(encoding="utf-8")
    assert all(text[start:end] == cue for cue, start, end in cues)


def test_models_status_exits_1_when_not_ready(tmp_path):
    result = CliRunner().invoke(cli, ["models", "status", "--stanza-dir", str(tmp_path / "none")])
    assert result.exit_code == 1 and "not ready" in result.output


@pytest.fixture(scope="module")
def claims_both(analyzer):
    """Claims of one article with the built-in analyzer and with stanza."""
    from claimcheck.pipeline import analyze_article

    def run(text: str):
        article = build_article("مقدمة قصيرة.\n" + text + "\n", "parse")
        return analyze_article(article), analyze_article(article, analyzer)

    return run


@needs_models
@pytest.mark.parametrize("text, cue, speaker", [
    # a subject before a past-tense verb (the rules take it only before a present-tense one)
    ("مصادر سورية أكدت أن الغارات استهدفت تل الشعار في ريف درعا.", "أكدت", "مصادر سورية"),
    # a subject the rules read as a verbal noun ("تقرير")
    ("كشف تقرير إسرائيلي اليوم الثلاثاء أن أعضاء كبارا في المؤسسة الأمنية نقلوا معلومات سرية إلى البنتاغون.",
     "كشف", "تقرير إسرائيلي"),
], ids=["before-verb", "after-verb"])
def test_stanza_parse_gives_the_subject_the_rules_miss(claims_both, text, cue, speaker):
    builtin, stanza = claims_both(text)
    assert [(c.cue_text, c.speaker_text) for c in builtin] == [(cue, "")]
    assert [(c.cue_text, c.speaker_text) for c in stanza] == [(cue, speaker)]
    assert builtin[0].content_text == stanza[0].content_text  # the parse changes who, not what


@needs_models
def test_stanza_parse_ends_the_subject_at_the_object(claims_both):
    builtin, stanza = claims_both("وأعلن الجيش الصومالي خسارة جنديين في الهجوم.")
    assert builtin == []  # the rules: no border between subject and object, so no claim
    assert [(c.speaker_text, c.content_text, c.side) for c in stanza] == [("الجيش الصومالي", "خسارة جنديين في الهجوم", "Somalia")]


@needs_models
def test_stanza_keeps_the_rules_where_the_verb_carries_its_subject(analyzer):
    """Seed 002: "وأبلغوا خامنئي" (they told Khamenei); the parse makes خامنئي the subject, the rules do not."""
    from claimcheck.pipeline import analyze_article

    article = seed_article("002")
    (told,) = [c for c in analyze_article(article, analyzer) if c.cue_text == "وأبلغوا"]
    assert told.speaker_text == "" and "خامنئي" not in told.speaker
