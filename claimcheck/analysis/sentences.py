"""Sentences: where each sentence of an article starts and ends, the split both analyzers share.

Chrome lines are skipped and no sentence crosses a story boundary; quotations stay whole.
"""

from __future__ import annotations

import re

from ..models import Article, inside_any

# A sentence ends after . ؟ ! (and …) followed by whitespace, or where a full stop is glued
# to the next word ("…الحدود.وقال…", "…الأردن".وفي…"). Not after "..", in numbers, or in
# one-letter abbreviations.
_END = re.compile(r"(?<![.])(?:[.؟?!…]|\.{3})(?=\s|$)|(?<=[\u0621-\u064a\"”»])\.(?=[\u0621-\u064a]{2})")
_ABBREV = re.compile(r"(?:^|[\s.])[\u0621-\u064aA-Za-z]\.$")
_OPEN_QUOTES = {"«": "»", "“": "”"}
_CLOSE_QUOTES = frozenset(_OPEN_QUOTES.values())
_MARKS = re.compile('[«»“”".؟?!…]')
SENTENCE_FINAL = re.compile(r"[.؟?!…:»\"”]\s*$")


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


def sentence_spans(article: Article) -> list[tuple[int, int, int, bool]]:
    """(start, end, story, headline) of every sentence: the split both analyzers share."""
    out = []
    text = article.text
    for start, end, story in text_blocks(article):
        spans = split_sentences(text, start, end)
        line_is_headline = len(spans) == 1 and not SENTENCE_FINAL.search(text[start:end]) and end - start < 200
        out.extend((s, e, story, line_is_headline) for s, e in spans)
    return out
