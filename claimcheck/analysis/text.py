"""Arabic normalisation for matching.

The original text is never changed; these forms are only used to compare words.
The rules are the ones gold-format.md names for speaker comparison: diacritics,
tatweel, alef/hamza forms, ى/ي, ة/ه at word end, and (for names) leading و/ف/ال.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from functools import lru_cache

# Harakat, tanwin, shadda, sukun, superscript alef, Quranic marks.
_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_TATWEEL = "\u0640"
_CHAR_MAP = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ؤ": "و",
        "ئ": "ي",
        "ة": "ه",
        "ک": "ك",
        "ی": "ي",
        # Arabic-Indic and Persian digits compare as Western digits.
        **{chr(0x0660 + i): str(i) for i in range(10)},
        **{chr(0x06F0 + i): str(i) for i in range(10)},
    }
)

ARABIC_LETTER = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06fa-\u06ff"
WORD_CHARS = ARABIC_LETTER + "\u064b-\u065f\u0670\u0640" + "A-Za-z0-9\u0660-\u0669\u06f0-\u06f9"
WORD_RE = re.compile(f"[{WORD_CHARS}]+(?:[.,][0-9\u0660-\u0669]+)*")


class Words:
    """The words of a text (``WORD_RE``) and where each starts: a sentence is split once, and every
    reader of it (frames, content keys) takes its words, or those of a part of it, from here."""

    __slots__ = ("text", "tokens", "_starts")

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens: list[str] = WORD_RE.findall(text)
        self._starts: list[int] | None = None  # made on first use: most texts are only read word by word

    @property
    def starts(self) -> list[int]:
        if self._starts is None:
            self._starts = list(map(re.Match.start, WORD_RE.finditer(self.text)))
        return self._starts

    def count_before(self, offset: int) -> int:
        """``len(WORD_RE.findall(text, 0, offset))``: a word cut at ``offset`` counts, as its first part would."""
        return bisect_left(self.starts, offset)

    def index(self, lo: int, hi: int | None = None) -> tuple[int, int] | None:
        """The indices ``i, j`` of the words of ``text[lo:hi]``, or None when ``lo`` or ``hi`` falls inside a
        word (its part is a word of its own there, which ``tokens`` does not hold)."""
        starts, tokens = self.starts, self.tokens
        i = bisect_left(starts, lo)
        if i and starts[i - 1] + len(tokens[i - 1]) > lo:
            return None
        if hi is None:
            return i, len(tokens)
        j = bisect_left(starts, hi)
        if j and starts[j - 1] + len(tokens[j - 1]) > hi:
            return None
        return i, max(i, j)

    def within(self, lo: int, hi: int | None = None) -> list[str]:
        """``WORD_RE.findall(text[lo:hi])``, from the words already found where it can be."""
        span = self.index(lo, hi)
        if span is None:
            return WORD_RE.findall(self.text, lo, len(self.text) if hi is None else hi)
        return self.tokens[span[0] : span[1]]


def words_in(text: str, memo: dict | None = None) -> Words:
    """``Words(text)``, made once per text while ``memo`` (a dict kept for one article) lasts."""
    if memo is None:
        return Words(text)
    key = (Words, text)
    found = memo.get(key)
    if found is None:
        found = memo[key] = Words(text)
    return found


def normalize(text: str) -> str:
    """Fold spelling variants so that equal words compare equal (matching only)."""
    if len(text) < 40:
        return _normalize_short(text)  # words and short phrases repeat: cache them
    return _normalize(text)


@lru_cache(maxsize=200_000)
def _normalize_short(text: str) -> str:
    return _normalize(text)


# One word at a time, in hot loops: the cache is called directly (a C call, no length test).
normalize_word = _normalize_short


# Whether a text holds anything to fold at all (a mark, tatweel, a variant letter): most words hold
# nothing, and one search is cheaper than a substitution, str.translate or a test per variant.
_FOLDABLE = re.compile(_DIACRITICS.pattern[:-1] + _TATWEEL + "".join(chr(k) for k in _CHAR_MAP) + "]")


# The marks and tatweel removed, and the letters folded, by one translation (the marks are all in the
# Arabic block; no folded letter is itself a variant or a mark, so one pass does all three).
_FOLD_TABLE = {**{c: None for c in range(0x0600, 0x0700) if _DIACRITICS.match(chr(c))}, ord(_TATWEEL): None, **_CHAR_MAP}


def _normalize(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    if _FOLDABLE.search(text):
        text = text.translate(_FOLD_TABLE)
    return text.lower()


_NAME_PREFIX = re.compile(r"^(?:[وف])?(?:ال)?")


def normalize_name(text: str) -> str:
    """Normalise a name or phrase for equality: word by word, leading و/ف/ال removed."""
    words = []
    for word in WORD_RE.findall(normalize(text)):
        stripped = _NAME_PREFIX.sub("", word) if len(word) > 3 else word
        words.append(stripped or word)
    return " ".join(words)



def counted(n: int, noun: str) -> str:
    """'1 claim', '2 claims': a count for an English message."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


# What a terminal obeys instead of showing: C0 and C1 control characters (ESC opens a control
# sequence that can clear or retitle the screen) and the bidi embeddings, overrides and isolates
# (they reorder the text after them). Tab, line feed and CR+LF are layout and stay; RLM, ALM,
# ZWJ, ZWNJ and tatweel are ordinary Arabic text and are not matched.
_HIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]|\r(?!\n)")


def _picture(match: re.Match) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ␛ for ESC, ␇ for BEL, …
    return "\u2421" if code == 0x7F else "\ufffd"


def visible(text: str) -> str:
    """``text`` safe to print: each control character replaced by one visible symbol.

    One for one, so offsets into the text (the marks of cue, speaker and content) still hold.
    Display only: the store keeps the text as given.
    """
    return _HIDDEN.sub(_picture, text) if _HIDDEN.search(text) else text
