"""The dependency-parse steps of attribution, on sentences given a parse by hand (no models needed).

The stanza analyzer's own parses are tested in ``test_stanza.py``; here each step meets the tree it
is written for, and the trees it must leave to the rules.
"""

from __future__ import annotations

from dataclasses import replace

from claimcheck.analysis.analyzer import BuiltinAnalyzer, tokenize
from claimcheck.attribution import attribute
from claimcheck.attribution.dependency import verb_frame
from claimcheck.ingest.reader import build_article
from claimcheck.models import Sentence, Span


def parsed(text: str, tree: list[tuple[str, int, str]]) -> tuple[str, Sentence]:
    """The article text and its one sentence, its tokens carrying ``tree``: (token, head, relation) each,
    head -1 for the root."""
    article = build_article(text + "\n", "t")
    (sentence,) = BuiltinAnalyzer().sentences(article)
    tokens = tokenize(article.text, sentence.start, sentence.end)
    assert [t.text for t in tokens] == [word for word, _, _ in tree]
    tokens = tuple(replace(t, head=head, deprel=rel, upos="VERB" if rel == "root" else "NOUN")
                   for t, (_, head, rel) in zip(tokens, tree))
    return article.text, replace(sentence, tokens=tokens, parsed=True)


def drafts(text: str, sentence: Sentence):
    return attribute.extract_sentence(text, sentence)


def speakers(text: str, sentence: Sentence) -> list[str]:
    return [text[d.speaker.start : d.speaker.end] if d.speaker and not d.implicit else "" for d in drafts(text, sentence)]


def unparsed(text: str, sentence: Sentence) -> Sentence:
    return replace(sentence, parsed=False)


FRONTED = [("مصادر", 2, "nsubj"), ("سورية", 0, "amod"), ("أكدت", -1, "root"), ("أن", 5, "mark"),
           ("الغارات", 5, "nsubj"), ("استهدفت", 2, "ccomp"), ("تل", 5, "obj"), ("الشعار", 6, "nmod"), (".", 2, "punct")]


def test_subject_before_a_past_tense_verb_comes_from_the_parse():
    text, sentence = parsed("مصادر سورية أكدت أن الغارات استهدفت تل الشعار.", FRONTED)
    assert speakers(text, unparsed(text, sentence)) == [""]  # the rules: an implicit subject
    assert speakers(text, sentence) == ["مصادر سورية"]
    (draft,) = drafts(text, sentence)
    assert text[draft.content.start : draft.content.end] == "الغارات استهدفت تل الشعار"


def test_a_fronted_subject_must_open_the_sentence():
    tree = [("وفي", 5, "obl"), ("بيان", 0, "nmod"), ("،", 5, "punct"), ("مصادر", 5, "nsubj"), ("سورية", 3, "amod"),
            ("أكدت", -1, "root"), ("أن", 8, "mark"), ("الغارات", 8, "nsubj"), ("استهدفت", 5, "ccomp"), ("درعا", 8, "obj"),
            (".", 5, "punct")]
    text, sentence = parsed("وفي بيان، مصادر سورية أكدت أن الغارات استهدفت درعا.", tree)
    assert speakers(text, sentence) == [""]


def test_subject_the_rules_took_for_a_verbal_noun():
    tree = [("كشف", -1, "root"), ("تقرير", 0, "nsubj"), ("إسرائيلي", 1, "amod"), ("أن", 5, "mark"), ("مسؤولين", 5, "nsubj"),
            ("نقلوا", 0, "ccomp"), ("معلومات", 5, "obj"), ("سرية", 6, "amod"), (".", 0, "punct")]
    text, sentence = parsed("كشف تقرير إسرائيلي أن مسؤولين نقلوا معلومات سرية.", tree)
    assert speakers(text, unparsed(text, sentence)) == [""]  # "تقرير" has a verbal noun's shape
    assert speakers(text, sentence) == ["تقرير إسرائيلي"]


def test_a_verb_with_its_own_subject_suffix_keeps_it():
    # "وأبلغوا": they told; the parse's nsubj is the listener, and the rules keep the implicit subject.
    tree = [("و", 1, "cc"), ("أبلغوا", -1, "root"), ("خامنئي", 1, "nsubj"), ("أن", 5, "mark"), ("القصف", 5, "nsubj"),
            ("سيستمر", 1, "ccomp"), (".", 1, "punct")]
    text, sentence = parsed("وأبلغوا خامنئي أن القصف سيستمر.", tree)
    assert speakers(text, sentence) == speakers(text, unparsed(text, sentence)) == [""]


BORDER = [("و", 1, "cc"), ("أعلن", -1, "root"), ("الجيش", 1, "nsubj"), ("الصومالي", 2, "amod"), ("خسارة", 1, "obj"),
          ("جنديين", 4, "nmod"), ("في", 7, "case"), ("الهجوم", 4, "nmod"), (".", 1, "punct")]


def test_the_object_the_parse_attaches_to_the_verb_ends_the_subject():
    text, sentence = parsed("وأعلن الجيش الصومالي خسارة جنديين في الهجوم.", BORDER)
    (rules,) = drafts(text, unparsed(text, sentence))
    assert rules.content is None  # the rules: one long mention, no content (so no claim)
    assert text[rules.speaker.start : rules.speaker.end] == "الجيش الصومالي خسارة جنديين في الهجوم"
    (draft,) = drafts(text, sentence)
    assert text[draft.speaker.start : draft.speaker.end] == "الجيش الصومالي"
    assert text[draft.content.start : draft.content.end] == "خسارة جنديين في الهجوم"


def test_a_name_after_a_role_stays_in_the_mention_whatever_the_parse():
    # The small models make a name in apposition the verb's object; before إن the rules' border stands.
    tree = [("و", 1, "cc"), ("أعلن", -1, "root"), ("رئيس", 1, "nsubj"), ("الوزراء", 2, "nmod"), ("الإثيوبي", 3, "amod"),
            ("آبي", 1, "obj"), ("أحمد", 5, "flat"), ("أن", 9, "mark"), ("القوات", 9, "nsubj"), ("انسحبت", 1, "ccomp"),
            (".", 1, "punct")]
    text, sentence = parsed("وأعلن رئيس الوزراء الإثيوبي آبي أحمد أن القوات انسحبت.", tree)
    assert speakers(text, sentence) == speakers(text, unparsed(text, sentence)) == ["رئيس الوزراء الإثيوبي آبي أحمد"]


def test_verb_frame_reads_subject_and_borders():
    text, sentence = parsed("وأعلن الجيش الصومالي خسارة جنديين في الهجوم.", BORDER)
    cue = Span(text.index("وأعلن"), text.index("وأعلن") + len("وأعلن"))
    frame = verb_frame(sentence, cue)
    assert text[frame.verb.start : frame.verb.end] == "أعلن"
    assert text[frame.subject.start : frame.subject.end] == "الجيش الصومالي"
    assert frame.borders == (text.index("خسارة"),)
    assert verb_frame(unparsed(text, sentence), cue) is None
    assert verb_frame(sentence, Span(text.index("الجيش"), text.index("الجيش") + 5)) is None  # no verb there
