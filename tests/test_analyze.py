"""The built-in analyzer: sentence splitting (gold-conventions.md §1), tokens with exact offsets,
and property tests that no text crashes the analyzer or the pipeline or puts a span outside it."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck.analysis.analyzer import BuiltinAnalyzer, tokenize
from claimcheck.analysis.sentences import split_sentences
from claimcheck.analysis.text import _CHAR_MAP, _DIACRITICS, normalize
from claimcheck.attribution import attribute
from claimcheck.events import frames
from claimcheck.ingest.reader import build_article
from claimcheck.pipeline import analyze_article, assemble
from claimcheck.speakers import resolve

from conftest import SEEDS


def sentences_of(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Quotations stay whole, whatever stops they hold.
        ('وقال: "لم نقصف المدينة. قواتنا في مواقعها". وأضاف أن القصف توقف.',
         ['وقال: "لم نقصف المدينة. قواتنا في مواقعها".', "وأضاف أن القصف توقف."]),
        ("وقال: «لم نقصف المدينة. قواتنا في مواقعها». وأضاف أن القصف توقف.",
         ["وقال: «لم نقصف المدينة. قواتنا في مواقعها».", "وأضاف أن القصف توقف."]),
        ("قال “انسحبنا. لا قتال” ثم غادر.", ["قال “انسحبنا. لا قتال” ثم غادر."]),
        # A full stop glued to the next word still ends the sentence.
        ("أغلقت القوات الحدود.وقال المتحدث إن الطريق مفتوح.",
         ["أغلقت القوات الحدود.", "وقال المتحدث إن الطريق مفتوح."]),
        # e14-01 (Jordan 2024): the same after a closing quotation mark
        ('أعلنت القيادة "مقتل 3 جنود".وفي بيان أدان الأردن الهجوم.',
         ['أعلنت القيادة "مقتل 3 جنود".', "وفي بيان أدان الأردن الهجوم."]),
        # Not after "..", not in numbers, not in abbreviations.
        ("انتظر الناس.. ثم قال إن الوضع هادئ.", ["انتظر الناس.. ثم قال إن الوضع هادئ."]),
        ("بلغت نسبة النمو 3.5 في المئة. وقال الوزير إن ذلك جيد.",
         ["بلغت نسبة النمو 3.5 في المئة.", "وقال الوزير إن ذلك جيد."]),
        ("وقع الانفجار الساعة 10:30 ت.غ في المدينة. وقال شهود إن القتلى كثر.",
         ["وقع الانفجار الساعة 10:30 ت.غ في المدينة.", "وقال شهود إن القتلى كثر."]),
        # ؟ and ! end sentences; the final stop is part of the sentence.
        ("هل انتهت الحرب؟ لا أحد يعرف! وقال المتحدث…", ["هل انتهت الحرب؟", "لا أحد يعرف!", "وقال المتحدث…"]),
    ],
)
def test_sentence_split(text, expected):
    assert sentences_of(text) == expected


def test_line_breaks_split_sentences():
    text = "العنوان هنا\nوقال المتحدث إن القصف توقف.\n\nوأضاف أن الهدنة صامدة."
    article = build_article(text, "t")
    found = [text[s.start : s.end] for s in BuiltinAnalyzer().sentences(article)]
    assert found == ["العنوان هنا", "وقال المتحدث إن القصف توقف.", "وأضاف أن الهدنة صامدة."]


def test_quote_with_stop_inside_is_one_sentence_in_a_seed(seed_text):
    text = seed_text("001")
    article = build_article(text, "001")
    spans = [(s.start, s.end) for s in BuiltinAnalyzer().sentences(article)]
    for start, end in spans:
        chunk = text[start:end]
        assert chunk.count("«") == chunk.count("»"), chunk  # no sentence ends inside «…»


def parts(text: str) -> list[str]:
    return [t.text for t in tokenize(text, 0, len(text))]


def test_tokens_split_proclitics_of_known_words():
    assert parts("وقال") == ["و", "قال"]
    assert parts("بالعاصمة") == ["ب", "العاصمة"]
    assert parts("وبأن") == ["و", "ب", "أن"]
    # Diacritics stay with their letter; a word that is not a known stem stays whole.
    assert parts("وَقال") == ["وَ", "قال"]
    assert parts("وزير") == ["وزير"]
    assert parts("بلد") == ["بلد"]


def test_tokens_keep_offsets_and_normalise_for_matching():
    text = "وأكّد المتحدثُ، بالعاصمة طرابلس، أنّ 3.5% من الأسلحة «مهرّبة»."
    tokens = tokenize(text, 0, len(text))
    assert all(text[t.start : t.end] == t.text for t in tokens)
    assert [t.start for t in tokens] == sorted(t.start for t in tokens)
    assert [t.text for t in tokens[:3]] == ["و", "أكّد", "المتحدثُ"]
    assert [t.norm for t in tokens[:3]] == ["و", "اكد", "المتحدث"]  # diacritics and hamza folded
    assert "3.5" in [t.text for t in tokens]


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_seed_spans_are_exact(path):
    text = path.read_text(encoding="utf-8")
    article = build_article(text, path.stem)
    sentences = BuiltinAnalyzer().sentences(article)
    assert sentences
    previous_end = 0
    for sentence in sentences:
        assert previous_end <= sentence.start < sentence.end <= len(text)
        assert text[sentence.start : sentence.end].strip() == text[sentence.start : sentence.end]
        assert not article.is_chrome(sentence.start)
        story = article.stories[sentence.story]
        assert story.start <= sentence.start and sentence.end <= story.end
        for token in sentence.tokens:
            assert sentence.start <= token.start < token.end <= sentence.end
            assert text[token.start : token.end] == token.text
        previous_end = sentence.end


# --- properties ------------------------------------------------------------------------------

ARABIC = [chr(c) for c in range(0x0621, 0x064B)] + ["ى", "ة", "آ", "ـ", "\u064e", "\u0650", "\u0651", "\u0652"]
PUNCT = list(" .،؛:؟!…-()") + ['"', "«", "»", "“", "”", "\n", "\r\n", "\u00a0", "\u200f", "0", "7", "٣"]
# Fragments that reach the attribution rules and the segmenter, not only the tokenizer.
FRAGMENTS = [
    "وقال ", "قال ", "إن ", "أن ", "بأن ", "وأضاف ", "مؤكدا أن ", "بحسب ", "نقلا عن ", "المتحدث باسم ",
    "الجيش الوطني ", "حكومة الوفاق ", "لقناة الحرة ", "\nالمصدر : الجزيرة\n", "\nحول هذه القصة\n",
    "(أسوشيتد برس)\n", "أرشيفية\n", "ت.غ ", "..", "...", "3.5", "الثلاثاء ", "20 مايو 2020 ",
]
arabic_like = st.lists(st.sampled_from(ARABIC + PUNCT + FRAGMENTS), max_size=120).map("".join)
any_text = st.text(max_size=300)


def assert_spans_inside(text: str, sentences, claims) -> None:
    n = len(text)
    for sentence in sentences:
        assert 0 <= sentence.start <= sentence.end <= n
        for token in sentence.tokens:
            assert sentence.start <= token.start <= token.end <= sentence.end
            assert text[token.start : token.end] == token.text
    for claim in claims:
        spans = [claim.sentence, claim.cue, claim.content, claim.speaker_span]
        for span in spans:
            if span is not None:
                assert 0 <= span.start <= span.end <= n, (claim, span)
        if claim.time is not None:
            assert 0 <= claim.time.start <= claim.time.end <= n


PROPERTY = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(st.one_of(any_text, arabic_like))
def test_analyzer_never_crashes_and_spans_stay_inside(text):
    article = build_article(text, "prop")
    for story in article.stories:
        assert 0 <= story.start <= story.end <= len(text)
    for chrome in article.chrome:
        assert 0 <= chrome.start <= chrome.end <= len(text)
    assert_spans_inside(text, BuiltinAnalyzer().sentences(article), [])


@PROPERTY
@given(st.one_of(any_text, arabic_like))
def test_pipeline_never_crashes_and_claim_spans_stay_inside(text):
    article = build_article(text, "prop")
    claims = analyze_article(article)
    assert_spans_inside(text, BuiltinAnalyzer().sentences(article), claims)


@PROPERTY
@given(st.one_of(any_text, arabic_like, st.text(alphabet="أإآٱىؤئةکیاي٠١٢٩۰۹\u064b\u064e\u0640 ABC", max_size=60)))
def test_normalize_folds_each_character_as_the_table_says(text):
    import unicodedata

    expected = _DIACRITICS.sub("", unicodedata.normalize("NFC", text)).replace("\u0640", "").translate(_CHAR_MAP).lower()
    assert normalize(text) == expected


def test_claims_of_one_article_are_framed_as_each_alone(seed_paths):
    # The pipeline analyses each sentence once per article (a memo); framing a claim on its own
    # must give the same frame.
    from claimcheck.ingest import reader as ingest

    for article in ingest.read(seed_paths):
        found = attribute.extract(article, BuiltinAnalyzer().sentences(article))
        claims = assemble(article.id, found, resolve.resolve_speakers(article, found))
        memo: dict = {}
        shared = [frames.frame_claim(article, claim, memo) for claim in claims]
        assert shared == [frames.frame_claim(article, claim) for claim in claims]
        assert memo  # the sentences were analysed through it


def test_a_nested_claim_names_its_outer_claim_by_id_and_no_claim_changes_after():
    # 000 (Alhurra): Netanyahu's account of what Blinken told him.
    import dataclasses

    text = ("وجاء ذلك ردا من بلينكن على سؤال خلال مؤتمر صحفي عن وضع شحنات الأسلحة بعد أن قال رئيس الوزراء الإسرائيلي "
            "بنيامين نتنياهو إن بلينكن أكد له الأسبوع الماضي أن إدارة الرئيس الأميركي جو بايدن تعمل على إزالة القيود "
            "المفروضة على شحنات الأسلحة.")
    article = build_article(text, "000")
    found = attribute.extract(article, BuiltinAnalyzer().sentences(article))
    assert [f.nested_in_index for f in found] == [None, 0]
    outer, inner = analyze_article(article)
    assert (outer.cue_text, inner.cue_text) == ("قال", "أكد")
    assert inner.nested_in == outer.id and outer.nested_in is None
    assert inner.speaker == outer.speaker == "بنيامين نتنياهو"
    with pytest.raises(dataclasses.FrozenInstanceError):
        inner.speaker = "أنتوني بلينكن"
