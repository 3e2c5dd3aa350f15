"""Analyzers: sentences and tokens with character offsets into the article text.

Two implementations give the same output type (``list[Sentence]``):
- ``BuiltinAnalyzer`` (default): rules, no models, fast;
- ``StanzaAnalyzer`` (``stanza_analyzer``): stanza's Arabic pipeline for tokens, lemmas,
  parts of speech and the dependency tree, over sentences claimcheck splits itself.

Both split sentences as ``sentences`` does: chrome skipped, no story boundary crossed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Protocol

from ..knowledge import loader as knowledge
from ..models import Article, Sentence, Token
from .sentences import sentence_spans
from .text import WORD_CHARS, normalize

_TOKEN = re.compile(f"[{WORD_CHARS}]+(?:[.,][0-9\u0660-\u0669]+)*|\\S")


class Analyzer(Protocol):
    name: str

    def sentences(self, article: Article) -> list[Sentence]: ...


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
        from .stanza_analyzer import StanzaAnalyzer

        return StanzaAnalyzer(stanza_dir)
    raise ValueError(f"unknown analyzer {name!r}; use 'builtin' or 'stanza'")
