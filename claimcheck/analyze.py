"""Analyzers: sentences and tokens with character offsets into the article text.

Two implementations give the same output type (``list[Sentence]``):
- ``BuiltinAnalyzer`` (default): rules, no models, fast;
- ``StanzaAnalyzer`` (``analyze_stanza``): stanza's Arabic pipeline for tokens, lemmas,
  parts of speech and the dependency tree, over sentences claimcheck splits itself.

Both skip page chrome and never cross a story boundary.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Protocol

from . import knowledge
from .models import Article, Sentence, Token
from .text import WORD_CHARS, normalize

# A sentence ends after . ؟ ! (and …) followed by whitespace, or where a full stop is glued
# to the next word ("…الحدود.وقال…"). Not after "..", in numbers, or in one-letter abbreviations.
_END = re.compile(r"(?<![.])(?:[.؟?!…]|\.{3})(?=\s|$)|(?<=[\u0621-\u064a])\.(?=[\u0621-\u064a]{2})")
_ABBREV = re.compile(r"(?:^|[\s.])[\u0621-\u064aA-Za-z]\.$")
_TOKEN = re.compile(f"[{WORD_CHARS}]+(?:[.,][0-9\u0660-\u0669]+)*|\\S")
_OPEN_QUOTES = {"«": "»", "“": "”"}
SENTENCE_FINAL = re.compile(r"[.؟?!…:»\"”]\s*$")


class Analyzer(Protocol):
    name: str

    def sentences(self, article: Article) -> list[Sentence]: ...


def text_blocks(article: Article) -> list[tuple[int, int, int]]:
    """(start, end, story) of every non-chrome line, in order."""
    blocks = []
    chrome = sorted((c.start, c.end) for c in article.chrome)
    for story in article.stories:
        offset = story.start
        for line in article.text[story.start : story.end].splitlines(keepends=True):
            start, end = offset, offset + len(line.rstrip("\r\n"))
            offset += len(line)
            stripped_start = start + (len(article.text[start:end]) - len(article.text[start:end].lstrip()))
            stripped_end = start + len(article.text[start:end].rstrip())
            if stripped_end <= stripped_start:
                continue
            if any(cs <= stripped_start < ce for cs, ce in chrome):
                continue
            blocks.append((stripped_start, stripped_end, story.index))
    return blocks


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside one line, keeping quotations whole."""
    spans = []
    sent_start = start
    depth = 0  # «…» and “…” nesting
    straight_open = False  # inside "…"
    i = start
    while i < end:
        ch = text[i]
        if ch in _OPEN_QUOTES:
            depth += 1
        elif ch in _OPEN_QUOTES.values():
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
                i = stop
                while i < end and text[i].isspace():
                    i += 1
                sent_start = i
                continue
        i += 1
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


def tokenize(text: str, start: int, end: int) -> tuple[Token, ...]:
    """Word and punctuation tokens; proclitics و ف ب ل ك are split off where the rest is a known
    word or starts with ال, keeping exact offsets."""
    stems = _clitic_stems()
    tokens: list[Token] = []
    for m in _TOKEN.finditer(text, start, end):
        word, s, e = m.group(), m.start(), m.end()
        norm = normalize(word)
        split = 0
        for prefix in _PROCLITICS:
            rest = norm[len(prefix) :]
            if norm.startswith(prefix) and len(rest) >= 2 and (rest in stems or (rest.startswith("ال") and len(rest) > 3)):
                split = len(prefix)
                break
        if split:
            # Map the split point back onto the original characters (diacritics may sit between).
            cut = s
            seen = 0
            while cut < e and seen < split:
                if normalize(text[cut]):
                    seen += 1
                cut += 1
            prefix_text = text[s:cut]
            for n, ch in enumerate(prefix_text):
                tokens.append(Token(ch, s + n, s + n + 1, normalize(ch)))
            tokens.append(Token(text[cut:e], cut, e, normalize(text[cut:e])))
        else:
            tokens.append(Token(word, s, e, norm))
    return tuple(tokens)


class BuiltinAnalyzer:
    """Rule-based sentences and tokens; no models needed."""

    name = "builtin"

    def sentences(self, article: Article) -> list[Sentence]:
        out = []
        text = article.text
        for start, end, story in text_blocks(article):
            spans = split_sentences(text, start, end)
            line_is_headline = len(spans) == 1 and not SENTENCE_FINAL.search(text[start:end]) and end - start < 200
            for s, e in spans:
                out.append(Sentence(s, e, tokenize(text, s, e), story=story, headline=line_is_headline))
        return out


def get_analyzer(name: str = "builtin", stanza_dir: str | None = None) -> Analyzer:
    if name == "builtin":
        return BuiltinAnalyzer()
    if name == "stanza":
        from .analyze_stanza import StanzaAnalyzer

        return StanzaAnalyzer(stanza_dir)
    raise ValueError(f"unknown analyzer {name!r}; use 'builtin' or 'stanza'")
