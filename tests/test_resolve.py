"""Speaker resolution alone: attribution records in, the speakers on record out.

The sentences are from the development gold and the sample articles (d3-06, e1-03, 000); each
attribution is written here as attribution reports it, with its spans found in the text, so that
only the resolution rules are under test.
"""

from __future__ import annotations

import re
from dataclasses import replace

from claimcheck.ingest.reader import build_article
from claimcheck.models import Attribution, Span
from claimcheck.speakers.resolve import resolve_speakers

# d3-06 (Ajel): a named official, then his family name alone.
SOMALIA = (
    "وقال محمد عبدي، المسؤول في الجيش الصومالي، في حديث لوسائل إعلام محلية إن قوات بلاده قتلت «13 مسلحًا» "
    "في المواجهات التي اندلعت بإقليم شبيلى.\n"
    "ونفى عبدي صحة ما أوردته الحركة بشأن عدد القتلى، وقال: «خسرنا فقط 5 جنود»."
)
# e1-03 (Al-Sharq): a named speaker, then "وأضاف" with no subject.
MAWASI = (
    "بالتزامن، قال رئيس الوزراء الإسرائيلي بنيامين نتنياهو، السبت، إن العملية التي نفذها الجيش في منطقة المواصي "
    "بقطاع غزة، استهدفت القائد العام لكتائب القسام محمد الضيف ونائبه اللواء رافع سلامة، لكن لا توجد تأكيدات على "
    "مقتلهما.\n"
    "وأضاف: “رغم ذلك فإننا سنصل إلى أي متهم بالمسؤولية عن أحداث السابع من تشرين الأول”."
)
# 000 (Alhurra): Netanyahu's account of what Blinken told him.
SHIPMENTS = (
    "وجاء ذلك ردا من بلينكن على سؤال خلال مؤتمر صحفي عن وضع شحنات الأسلحة بعد أن قال رئيس الوزراء الإسرائيلي "
    "بنيامين نتنياهو إن بلينكن أكد له الأسبوع الماضي أن إدارة الرئيس الأميركي جو بايدن تعمل على إزالة القيود "
    "المفروضة على شحنات الأسلحة."
)


def _line(text: str, n: int) -> Span:
    start = sum(len(line) + 1 for line in text.split("\n")[:n])
    return Span(start, start + len(text.split("\n")[n]))


def attribution(text: str, line: int, cue: str, speaker: str, content: str, **fields) -> Attribution:
    """What attribution reports for ``cue`` on line ``line`` of ``text``: the mention nearest before the cue
    (else the first after it), and the content after the cue."""
    sentence = _line(text, line)
    at = re.compile(rf"(?<!\w){cue}(?!\w)").search(text, sentence.start, sentence.end).start()
    cue_span = Span(at, at + len(cue))
    mention = None
    if speaker:
        before = text.rfind(speaker, sentence.start, cue_span.start)
        where = before if before >= 0 else text.index(speaker, cue_span.end, sentence.end)
        mention = Span(where, where + len(speaker))
    begins = text.index(content, cue_span.end, sentence.end)
    return Attribution(
        story=0, sentence=sentence, cue=cue_span, cue_text=cue, cue_lemma=cue.removeprefix("و"), cue_kind="verb",
        content=Span(begins, begins + len(content)), content_text=content, speaker_text=speaker,
        speaker_span=mention, **fields,
    )


def test_a_family_name_alone_is_the_full_name_written_before():
    article = build_article(SOMALIA, "d3-06")
    found = [
        attribution(SOMALIA, 0, "وقال", "محمد عبدي", "قوات بلاده قتلت «13 مسلحًا» في المواجهات التي اندلعت بإقليم شبيلى",
                    role="المسؤول في الجيش الصومالي"),
        attribution(SOMALIA, 1, "ونفى", "عبدي", "صحة ما أوردته الحركة بشأن عدد القتلى", negated=True),
    ]
    named, again = resolve_speakers(article, found)
    assert (named.speaker, named.side) == ("محمد عبدي", "Somalia")
    # The mention stays as written; the speaker on record (and his side) is the full name.
    assert (again.speaker_text, again.speaker_span) == ("عبدي", found[1].speaker_span)
    assert (again.speaker, again.side) == ("محمد عبدي", "Somalia")


def test_a_family_name_with_no_full_name_before_stays_as_written():
    text = SOMALIA.split("\n")[1]
    found = [attribution(text, 0, "ونفى", "عبدي", "صحة ما أوردته الحركة بشأن عدد القتلى", negated=True)]
    (alone,) = resolve_speakers(build_article(text, "d3-06"), found)
    assert alone.speaker == "عبدي"
    assert alone.side is None


def _mawasi() -> list[Attribution]:
    return [
        attribution(MAWASI, 0, "قال", "رئيس الوزراء الإسرائيلي بنيامين نتنياهو",
                    "العملية التي نفذها الجيش في منطقة المواصي بقطاع غزة", role="رئيس الوزراء الإسرائيلي"),
        attribution(MAWASI, 1, "وأضاف", "", "رغم ذلك فإننا سنصل إلى أي متهم بالمسؤولية عن أحداث السابع من تشرين الأول",
                    direct=True),
    ]


def test_an_implicit_subject_is_the_speaker_named_before():
    article = build_article(MAWASI, "e1-03")
    named, added = resolve_speakers(article, _mawasi())
    assert (named.speaker, named.actor_id, named.side) == ("بنيامين نتنياهو", "netanyahu", "Israel")
    assert (added.speaker, added.actor_id, added.side) == ("بنيامين نتنياهو", "netanyahu", "Israel")
    assert added.speaker_text == "" and added.speaker_span is None  # no mention was written
    assert added.outer is None


def test_an_implicit_subject_does_not_reach_into_another_story():
    article = build_article(MAWASI, "e1-03")
    first, then = _mawasi()
    _, added = resolve_speakers(article, [first, replace(then, story=1)])
    assert added.speaker == ""
    assert added.side is None


def _shipments() -> list[Attribution]:
    content = "إدارة الرئيس الأميركي جو بايدن تعمل على إزالة القيود المفروضة على شحنات الأسلحة"
    return [
        attribution(SHIPMENTS, 0, "قال", "رئيس الوزراء الإسرائيلي بنيامين نتنياهو",
                    "بلينكن أكد له الأسبوع الماضي أن " + content, role="رئيس الوزراء الإسرائيلي"),
        attribution(SHIPMENTS, 0, "أكد", "بلينكن", content, nested_in_index=0),
    ]


def test_a_nested_report_is_on_record_as_its_outer_speakers():
    article = build_article(SHIPMENTS, "000")
    found = _shipments()
    assert found[1].speaker_span.start > found[0].cue.start  # Blinken's name inside Netanyahu's words
    outer, inner = resolve_speakers(article, found)
    assert outer.outer is None and outer.reported is None
    # X's account of Y's words: X is on record, Y is whose words X reports.
    assert inner.outer == 0
    assert (inner.speaker, inner.side, inner.reported) == ("بنيامين نتنياهو", "Israel", "بلينكن")
    assert (inner.speaker_text, inner.speaker_span) == ("رئيس الوزراء الإسرائيلي بنيامين نتنياهو", None)


def test_the_same_words_not_nested_are_blinkens_own():
    article = build_article(SHIPMENTS, "000")
    outer, inner = _shipments()
    _, alone = resolve_speakers(article, [outer, replace(inner, nested_in_index=None)])
    assert (alone.speaker, alone.side, alone.reported, alone.outer) == ("أنتوني بلينكن", "US", None, None)
