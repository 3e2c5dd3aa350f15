"""A sentence's words, split once (``analysis.text.Words``): the words of any part of it, and the count of
words before an offset, are what splitting that part on its own gives. Text from the seed and development
articles, cut at every kind of place: between words, inside a word, inside a number, after a vowel mark."""

from __future__ import annotations

import random
import unicodedata
from pathlib import Path

import pytest

from claimcheck.analysis.text import WORD_RE, Words, words_in

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted((ROOT / "fixtures" / "articles").glob("*.txt")) + sorted((ROOT / "fixtures" / "gold" / "dev" / "articles").glob("*.txt"))[:12]


def _passages() -> list[str]:
    passages = []
    for path in ARTICLES:
        text = path.read_text(encoding="utf-8-sig")
        passages += [text[i : i + 400] for i in range(0, len(text), 350)]
    # Numbers with decimals and separators, a tatweel, vowel marks, Latin and digits run together.
    passages.append("قُتِلَ 3.5 ألف، و12,5 بالمئة من الـ48 ساعة «TB2 بيرقدار» 4.5.6x وأعلـن")
    return passages


PASSAGES = _passages()


def test_the_words_of_a_part_are_those_the_part_alone_gives():
    rng = random.Random(7)
    for text in PASSAGES:
        words = Words(text)
        assert words.tokens == WORD_RE.findall(text)
        for _ in range(40):
            lo, hi = rng.randint(0, len(text) + 1), rng.randint(0, len(text) + 1)
            assert words.within(lo, hi) == WORD_RE.findall(text[lo:hi]), (text[lo:hi],)
            assert words.within(lo) == WORD_RE.findall(text[lo:]), (text[lo:],)


def test_the_words_before_an_offset_count_a_cut_word_once():
    rng = random.Random(11)
    for text in PASSAGES:
        words = Words(text)
        for offset in [rng.randint(0, len(text)) for _ in range(40)] + [0, len(text)]:
            assert words.count_before(offset) == len(WORD_RE.findall(text[:offset])), (text[:offset][-30:],)


@pytest.mark.parametrize("text, lo, hi", [("وأعلنت الوزارة", 1, None), ("بلغ 3.5 بالمئة", 0, 6), ("قال: «نعم»", 0, 2)])
def test_a_part_cut_inside_a_word_is_read_from_the_text(text, lo, hi):
    words = Words(text)
    assert words.index(lo, hi) is None  # the cut word is not one of the sentence's words
    assert words.within(lo, hi) == WORD_RE.findall(text[lo:hi])


def test_one_article_splits_each_sentence_once():
    memo: dict = {}
    first = words_in("قال المتحدث إن القوات انسحبت", memo)
    assert words_in("قال المتحدث إن القوات انسحبت", memo) is first
    assert words_in("قال المتحدث إن القوات انسحبت") is not first  # without a memo nothing is kept


def test_normalising_removes_marks_and_tatweel_and_folds_letters_in_one_pass():
    from claimcheck.analysis import text

    def in_three_passes(word: str) -> str:
        word = unicodedata.normalize("NFC", word)
        return text._DIACRITICS.sub("", word).replace(text._TATWEEL, "").translate(text._CHAR_MAP).lower()

    words = {w for passage in PASSAGES for w in passage.split()} | {chr(c) for c in range(0x0600, 0x0700)}
    words |= {"أَعْلَنَـتْ", "الـ48", "ک ی", "ﻻ", "Al Jazeera"}
    assert all(text.normalize(w) == in_three_passes(w) for w in words)
    assert text.normalize("أَعْلَنَـتْ") == "اعلنت"
