"""Analyzers: sentences and tokens with character offsets into the article text.

Two implementations give the same output type (``list[Sentence]``):
- ``BuiltinAnalyzer`` (default): rules, no models, fast;
- ``StanzaAnalyzer`` (``analyze_stanza``): stanza's Arabic pipeline for tokens, lemmas,
  parts of speech and the dependency tree, over sentences claimcheck splits itself.

Both skip page chrome and never cross a story boundary.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Protocol

from . import knowledge
from .models import Article, Sentence, Token, inside_any
from .text import WORD_CHARS, normalize

# A sentence ends after . ؟ ! (and …) followed by whitespace, or where a full stop is glued
# to the next word ("…الحدود.وقال…"). Not after "..", in numbers, or in one-letter abbreviations.
_END = re.compile(r"(?<![.])(?:[.؟?!…]|\.{3})(?=\s|$)|(?<=[\u0621-\u064a])\.(?=[\u0621-\u064a]{2})")
_ABBREV = re.compile(r"(?:^|[\s.])[\u0621-\u064aA-Za-z]\.$")
_TOKEN = re.compile(f"[{WORD_CHARS}]+(?:[.,][0-9\u0660-\u0669]+)*|\\S")
_OPEN_QUOTES = {"«": "»", "“": "”"}
_CLOSE_QUOTES = frozenset(_OPEN_QUOTES.values())
_MARKS = re.compile('[«»“”".؟?!…]')
SENTENCE_FINAL = re.compile(r"[.؟?!…:»\"”]\s*$")


class Analyzer(Protocol):
    name: str

    def sentences(self, article: Article) -> list[Sentence]: ...


def text_blocks(article: Article) -> list[tuple[int, int, int]]:
    """(start, end, story) of every non-chrome line, in order."""
    blocks = []
    in_chrome = inside_any(article.chrome)
    for story in article.stories:
        offset = story.start
        for line in article.text[story.start : story.end].splitlines(keepends=True):
            start = offset
            offset += len(line)
            body = line.rstrip("\r\n")
            stripped_start = start + len(body) - len(body.lstrip())
            stripped_end = start + len(body.rstrip())
            if stripped_end <= stripped_start:
                continue
            if in_chrome(stripped_start):
                continue
            blocks.append((stripped_start, stripped_end, story.index))
    return blocks


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside one line, keeping quotations whole."""
    spans = []
    sent_start = start
    depth = 0  # «…» and “…” nesting
    straight_open = False  # inside "…"
    resume = start  # marks before this were consumed by the last split
    # Only quote marks and stops can change anything, so visit just those (speed: this runs
    # over every line of every article).
    for mark in _MARKS.finditer(text, start, end):
        i = mark.start()
        if i < resume:
            continue
        ch = mark.group()
        if ch in _OPEN_QUOTES:
            depth += 1
        elif ch in _CLOSE_QUOTES:
            depth = max(0, depth - 1)
        elif ch == '"':
            straight_open = not straight_open
        elif depth == 0 and not straight_open:
            m = _END.match(text, i, end)
            if m and not _ABBREV.search(text[max(sent_start, i - 3) : i + 1]):
                stop = m.end()
                # Closing quotes and brackets right after the stop belong to this sentence.
                while stop < end and text[stop] in "»\"”)":
                    stop += 1
                spans.append((sent_start, stop))
                resume = stop
                while resume < end and text[resume].isspace():
                    resume += 1
                sent_start = resume
    if sent_start < end and text[sent_start:end].strip():
        spans.append((sent_start, end))
    if len(spans) > 1 and (straight_open or depth):
        return [(start, end)]  # an unbalanced quote: keep the line whole rather than split wrongly
    return spans


@lru_cache(maxsize=1)
def _clitic_stems() -> frozenset[str]:
    """Words after which a glued proclitic is split off (cue forms and complementisers)."""
    cues = knowledge.load("cues")
    stems: set[str] = set()
    for group in ("verbs", "participles", "nouns"):
        for entry in cues.get(group, []):
            stems.update(normalize(f) for f in entry["forms"])
    stems.update(normalize(c) for c in cues.get("complementizers", []))
    return frozenset(stems)


_PROCLITICS = ("وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك")


@lru_cache(maxsize=1 << 16)
def _word_parts(word: str) -> tuple[tuple[int, int, str, str], ...]:
    """(start, end, text, normalised text) of each part of ``word``, offsets relative to it.

    A proclitic is its own part when the rest is a known word or starts with ال. Cached per
    word form: news text repeats the same words, and this is the analyzer's hot loop.
    """
    norm = normalize(word)
    stems = _clitic_stems()
    for prefix in _PROCLITICS:
        rest = norm[len(prefix) :]
        if norm.startswith(prefix) and len(rest) >= 2 and (rest in stems or (rest.startswith("ال") and len(rest) > 3)):
            # Map the split back onto the original characters: skip what normalisation drops
            # (tatweel, diacritics) before each proclitic letter, and keep its diacritics with it.
            cuts = [0]
            pos = 0
            for _ in prefix:
                while pos < len(word) - 1 and not normalize(word[pos]):
                    pos += 1
                pos += 1
                while pos < len(word) and not normalize(word[pos]):
                    pos += 1
                cuts.append(pos)
            cuts.append(len(word))
            return tuple((a, b, word[a:b], normalize(word[a:b])) for a, b in zip(cuts, cuts[1:]))
    return ((0, len(word), word, norm),)


def _token(text: str, start: int, end: int, norm: str, _new=object.__new__) -> Token:
    """``Token(text, start, end, norm)`` without the frozen dataclass's ``__init__``.

    That ``__init__`` sets each field through ``object.__setattr__`` and took half of the
    analyzer's time; filling the instance dict is four times faster and gives an equal
    object (the other fields keep their class defaults).
    """
    token = _new(Token)
    token.__dict__.update(text=text, start=start, end=end, norm=norm)
    return token


def _sentence(start: int, end: int, tokens: Sequence[Token], story: int, headline: bool, _new=object.__new__) -> Sentence:
    """``Sentence(start, end, tokens, story=story, headline=headline)``, filled as ``_token`` is."""
    sentence = _new(Sentence)
    sentence.__dict__.update(start=start, end=end, tokens=tokens, story=story, headline=headline)
    return sentence


def tokenize(text: str, start: int, end: int) -> tuple[Token, ...]:
    """Word and punctuation tokens; proclitics و ف ب ل ك are split off where the rest is a known
    word or starts with ال, keeping exact offsets."""
    tokens: list[Token] = []
    append = tokens.append
    for m in _TOKEN.finditer(text, start, end):
        s = m.start()
        for a, b, piece, norm in _word_parts(m.group()):
            append(_token(piece, s + a, s + b, norm))
    return tuple(tokens)


def sentence_spans(article: Article) -> list[tuple[int, int, int, bool]]:
    """(start, end, story, headline) of every sentence: the split both analyzers share."""
    out = []
    text = article.text
    for start, end, story in text_blocks(article):
        spans = split_sentences(text, start, end)
        line_is_headline = len(spans) == 1 and not SENTENCE_FINAL.search(text[start:end]) and end - start < 200
        out.extend((s, e, story, line_is_headline) for s, e in spans)
    return out


class LazyTokens(Sequence):
    """A sentence's tokens, made on first use: attribution reads words, not tokens, so the
    built-in pipeline need not pay for them unless a caller asks."""

    __slots__ = ("_text", "_start", "_end", "_tokens")

    def __init__(self, text: str, start: int, end: int) -> None:
        self._text, self._start, self._end = text, start, end
        self._tokens: tuple[Token, ...] | None = None

    def _made(self) -> tuple[Token, ...]:
        if self._tokens is None:
            self._tokens = tokenize(self._text, self._start, self._end)
        return self._tokens

    def __getitem__(self, index):
        return self._made()[index]

    def __len__(self) -> int:
        return len(self._made())

    def __iter__(self):
        return iter(self._made())

    def __eq__(self, other) -> bool:
        return tuple(self) == tuple(other) if isinstance(other, Sequence) else NotImplemented

    __hash__ = None


class BuiltinAnalyzer:
    """Rule-based sentences and tokens; no models needed."""

    name = "builtin"

    def sentences(self, article: Article) -> list[Sentence]:
        text = article.text
        return [_sentence(s, e, LazyTokens(text, s, e), story, headline) for s, e, story, headline in sentence_spans(article)]


def get_analyzer(name: str = "builtin", stanza_dir: str | None = None) -> Analyzer:
    if name == "builtin":
        return BuiltinAnalyzer()
    if name == "stanza":
        from .analyze_stanza import StanzaAnalyzer

        return StanzaAnalyzer(stanza_dir)
    raise ValueError(f"unknown analyzer {name!r}; use 'builtin' or 'stanza'")
