"""Split an article's text into stories and page chrome, and infer its outlet.

Nothing is deleted: chrome and stories are spans over the original text.
How a pasted page looks (domain.md): captions repeated twice mark the start of a new
story; "حول هذه القصة", "المزيد من…", "الأكثر قراءة" and teaser paragraphs follow an article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..events import dates
from ..knowledge import loader as knowledge
from ..models import Chrome, Evidence, Story, inside_any

SENTENCE_END = re.compile(r"[.؟?!:»\"”]\s*$")


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str  # stripped


def lines_of(text: str) -> list[Line]:
    out = []
    offset = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        stripped = body.strip()
        if stripped:
            lead = len(body) - len(body.lstrip())
            out.append(Line(offset + lead, offset + lead + len(stripped), stripped))
        offset += len(raw)
    return out


@lru_cache(maxsize=1)
def _chrome_rules():
    data = knowledge.load("chrome")
    blocks = [re.compile(p) for p in data["block_markers"]]
    line_rules = [(r["kind"], re.compile(r["pattern"])) for r in data["line_patterns"]]
    captions = [re.compile(p) for p in data["caption_patterns"]]
    return blocks, line_rules, captions, int(data.get("caption_max_chars", 160))


def _is_caption(line: Line, neighbours_equal: bool) -> bool:
    _, _, captions, max_chars = _chrome_rules()
    if len(line.text) > max_chars:
        return False
    if neighbours_equal:
        return True
    return any(p.search(line.text) for p in captions)


def _is_body(line: Line) -> bool:
    """Running text rather than a title or caption: long, or ends like a sentence."""
    return len(line.text) > 120 or bool(SENTENCE_END.search(line.text))


def _duplicates(lines: list[Line]) -> list[bool]:
    """Lines repeated right after themselves (a caption printed twice)."""
    duplicate = [False] * len(lines)
    for i in range(len(lines) - 1):
        if lines[i].text == lines[i + 1].text:
            duplicate[i] = duplicate[i + 1] = True
    return duplicate


def _story_starts(lines: list[Line], duplicate: list[bool], blocks) -> list[int]:
    """The first line of each story: a story starts at a repeated caption once the current story has running text."""
    starts = [0]
    seen_body = False
    in_block = False
    for i, line in enumerate(lines):
        if duplicate[i] and (i == 0 or lines[i - 1].text != line.text) and seen_body:
            # A short title line right before the captions belongs to the new story.
            first = i - 1 if i > 0 and not _is_body(lines[i - 1]) and not duplicate[i - 1] else i
            starts.append(first)
            seen_body = False
            in_block = False
        if any(b.search(line.text) for b in blocks):
            in_block = True
        if not in_block and _is_body(line) and not duplicate[i]:
            seen_body = True
    return starts


def _story_chrome(lines: list[Line], lo: int, hi: int, duplicate: list[bool], blocks, line_rules) -> list[Chrome]:
    """The chrome of the story on lines ``lo:hi``: chrome lines and captions, then a block of related links to its end."""
    chrome: list[Chrome] = []
    block_from = None
    for k in range(lo, hi):
        line = lines[k]
        if block_from is None and any(b.search(line.text) for b in blocks):
            block_from = k
        if block_from is not None:
            continue
        kind = next((kind for kind, rule in line_rules if rule.search(line.text)), None)
        if kind:
            chrome.append(Chrome(line.start, line.end, kind))
        elif _is_caption(line, duplicate[k]) and not _is_body(line):
            chrome.append(Chrome(line.start, line.end, "caption"))
    if block_from is not None:
        chrome.append(Chrome(lines[block_from].start, lines[hi - 1].end, "related"))
    return chrome


def _story(text: str, lines: list[Line], n: int, lo: int, hi: int, chrome: list[Chrome]) -> Story:
    start = 0 if n == 0 else lines[lo].start
    end = len(text) if hi == len(lines) else lines[hi].start
    found = dates.find_story_date(text, start, end)
    return Story(
        index=n,
        start=start,
        end=end,
        title=_title(lines[lo:hi], chrome),
        published=found[0] if found else None,
        date_evidence=found[1] if found else None,
    )


def segment(text: str) -> tuple[list[Story], list[Chrome]]:
    """Stories and chrome spans of ``text``."""
    blocks, line_rules, _, _ = _chrome_rules()
    lines = lines_of(text)
    if not lines:
        return [Story(0, 0, len(text))], []
    duplicate = _duplicates(lines)
    bounds = _story_starts(lines, duplicate, blocks) + [len(lines)]
    chrome: list[Chrome] = []
    stories: list[Story] = []
    for n, (lo, hi) in enumerate(zip(bounds, bounds[1:])):
        chrome.extend(_story_chrome(lines, lo, hi, duplicate, blocks, line_rules))
        stories.append(_story(text, lines, n, lo, hi, chrome))
    return stories, chrome


def _title(lines: list[Line], chrome: list[Chrome]) -> str | None:
    chrome_starts = {c.start for c in chrome}
    for line in lines:
        if line.start in chrome_starts:
            continue
        return line.text if not _is_body(line) else None
    return None


@lru_cache(maxsize=1)
def _outlet_rules():
    rules = []
    for outlet in knowledge.load("outlets")["outlet"]:
        for sig in outlet["signatures"]:
            rules.append((outlet["name"], re.compile(sig["pattern"]), float(sig.get("weight", 1))))
    return rules


def infer_outlet(text: str, chrome: list[Chrome] = ()) -> tuple[str | None, Evidence | None]:
    """The outlet whose signatures the text carries, with the strongest match as evidence.

    Returns (None, None) when nothing matches: the outlet is then unknown, never guessed.
    """
    scores: dict[str, float] = {}
    best: dict[str, tuple[float, Evidence]] = {}
    in_chrome = inside_any(chrome)
    for name, pattern, weight in _outlet_rules():
        for match in pattern.finditer(text):
            if in_chrome(match.start()):
                continue  # teasers of other stories say nothing about this page's outlet
            scores[name] = scores.get(name, 0.0) + weight
            if name not in best or weight > best[name][0]:
                # Offset of the stripped text: a pattern may start by eating a blank line.
                found = match.group()
                offset = match.start() + len(found) - len(found.lstrip())
                best[name] = (weight, Evidence(found.strip(), offset, "signature"))
    if not scores:
        return None, None
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None, None  # two outlets equally likely: say unknown rather than guess
    winner = ranked[0][0]
    return winner, best[winner][1]


def outlet_by_name(name: str) -> str | None:
    """The canonical outlet name for ``name`` (English or Arabic alias), if known."""
    from ..analysis.text import normalize

    wanted = normalize(name.strip())
    for outlet in knowledge.load("outlets")["outlet"]:
        names = [outlet["name"], outlet.get("arabic", "")] + outlet.get("aliases", [])
        if any(normalize(n) == wanted for n in names if n):
            return outlet["name"]
    return None
