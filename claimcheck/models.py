"""The data claimcheck passes between stages.

Every span is a half-open ``(start, end)`` pair of character offsets into the
article's original text, so any view can highlight exactly what was read.
Stages build these objects; only ``store`` knows how they are saved.
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date


def stable_id(*parts: object, length: int = 16) -> str:
    """A short hex id that depends only on ``parts`` (so re-running gives the same id)."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return digest[:length]


@dataclass(frozen=True)
class Span:
    start: int
    end: int

    def text(self, source: str) -> str:
        return source[self.start : self.end]

    def __contains__(self, offset: int) -> bool:
        return self.start <= offset < self.end


@dataclass(frozen=True)
class Evidence:
    """Why claimcheck believes something: the matched text and where it is."""

    text: str
    start: int
    source: str  # "metadata", "signature", "text", ...


@dataclass(frozen=True)
class Chrome:
    """Page furniture (captions, teasers, "الأكثر قراءة"): kept in the text, excluded from analysis."""

    start: int
    end: int
    kind: str  # caption | related | more | most-read | share | ...


def inside_any(spans: Sequence[Chrome]) -> Callable[[int], bool]:
    """A test "is this offset inside one of ``spans``?" that takes O(log n) a call.

    Binary search on the starts, with the furthest end reached by any span starting at or before
    the offset (spans may overlap). Testing every span for every line or match made a long
    article with much chrome quadratic.
    """
    ordered = sorted((s.start, s.end) for s in spans)
    starts = [start for start, _ in ordered]
    reach = list(itertools.accumulate((end for _, end in ordered), max))

    def inside(offset: int) -> bool:
        i = bisect.bisect_right(starts, offset) - 1
        return i >= 0 and reach[i] > offset

    return inside


@dataclass(frozen=True)
class Story:
    index: int
    start: int
    end: int
    title: str | None = None
    published: date | None = None
    date_evidence: Evidence | None = None


@dataclass
class Article:
    """One ingested document. ``text`` is exactly what was read from the file."""

    text: str
    name: str
    source_path: str | None = None
    encoding: str = "utf-8"
    outlet: str | None = None
    outlet_evidence: Evidence | None = None
    published: date | None = None
    url: str | None = None
    title: str | None = None
    stories: list[Story] = field(default_factory=list)
    chrome: list[Chrome] = field(default_factory=list)

    @property
    def id(self) -> str:
        # Same content → same article, whatever the file was called.
        return stable_id(self.text)

    def story_at(self, offset: int) -> Story | None:
        for story in self.stories:
            if story.start <= offset < story.end:
                return story
        return None

    def is_chrome(self, offset: int) -> bool:
        return any(c.start <= offset < c.end for c in self.chrome)


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    norm: str  # normalised form, for matching only
    lemma: str | None = None
    upos: str | None = None
    head: int | None = None  # index of the head token in the sentence, -1 for root
    deprel: str | None = None


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    tokens: Sequence[Token]  # may be computed on first use (the built-in analyzer's are)
    story: int = 0
    headline: bool = False  # a title or caption line rather than running text
    parsed: bool = False  # tokens carry a dependency tree (head, deprel)


@dataclass(frozen=True)
class TimeRef:
    text: str
    start: int
    end: int
    resolved: date | None  # None when the reference cannot be resolved (never a guess)
    anchor: date | None = None  # the story date it was resolved against


@dataclass(frozen=True)
class Frame:
    """What a claim says happened: the event it reports, for comparing claims."""

    action: str | None = None
    object: str | None = None
    place: str | None = None
    when: date | None = None
    numbers: tuple[tuple[float, str], ...] = ()  # (value, what was counted)
    agent_side: str | None = None
    target_side: str | None = None
    polarity: int = 1  # -1 when the claim denies or negates the action
    # Content keys (similarity.py): what the claim says, for comparing it with any other claim.
    stems: tuple[str, ...] = ()  # roots of the content words
    entities: tuple[str, ...] = ()  # named things: "place:Misrata", "country:LY", "thing:drone", "unit:…"
    markers: tuple[str, ...] = ()  # response / denial / dismissal / back_reference


@dataclass(frozen=True)
class Attribution:
    """What attribution found for one claim in the text: the cue, the speaker mention as written,
    the content, and how the claim is reported. Speaker resolution reads these; it never changes them."""

    story: int
    sentence: Span
    cue: Span
    cue_text: str
    cue_lemma: str
    cue_kind: str  # verb | participle | noun | source
    content: Span
    content_text: str
    speaker_text: str  # the mention as written; "" when implicit
    speaker_span: Span | None  # the mention; for an implicit subject, an antecedent in the same sentence
    role: str | None = None  # a role written beside the mention ("X، قائد …،")
    direct: bool = False
    negated: bool = False
    addressee_outlet: str | None = None
    relayed_by: str | None = None
    nested_in_index: int | None = None  # position of the outer claim among the article's (earlier) attributions


@dataclass(frozen=True)
class ResolvedSpeaker:
    """Who is on record for one attribution, as speaker resolution decided."""

    speaker: str  # canonical speaker
    speaker_text: str  # the mention on record: as written, or for X's account of Y's words X's mention
    speaker_span: Span | None
    side: str | None = None
    actor_id: str | None = None
    role: str | None = None
    affiliation: str | None = None
    reported: str | None = None  # for a nested claim, whose words X reports
    outer: int | None = None  # position of the attribution whose speaker a nested claim takes


def side_inferred(side: str | None, speaker: str | None, affiliation: str | None = None) -> bool:
    """Whether the side is the name of the speaker or of the body it speaks for: a party that no list knows,
    not a side read from knowledge (whose labels are short English names)."""
    return side is not None and side in (speaker, affiliation)


@dataclass(frozen=True)
class Claim:
    """One reported-speech instance: a cue, who said it, and what was said.

    The pipeline assembles it from an ``Attribution`` and its ``ResolvedSpeaker``, then adds the
    outlet, time reference and frame; a changed copy is made with ``dataclasses.replace``.
    """

    article_id: str
    story: int
    sentence: Span
    cue: Span
    cue_text: str
    cue_lemma: str
    cue_kind: str  # verb | participle | noun | source
    content: Span | None
    content_text: str
    speaker_text: str  # the mention as written; "" when implicit
    speaker: str  # canonical speaker
    speaker_span: Span | None = None
    role: str | None = None
    affiliation: str | None = None
    side: str | None = None
    actor_id: str | None = None
    direct: bool = False
    negated: bool = False
    addressee_outlet: str | None = None
    relayed_by: str | None = None  # a conduit (correspondent, outlet) that passed the words on
    nested_in: str | None = None  # id of the outer claim when this is X's account of Y's words
    reported: str | None = None  # for a nested claim, whose words X reports
    outlet: str | None = None
    time: TimeRef | None = None
    frame: Frame | None = None

    @property
    def side_inferred(self) -> bool:
        return side_inferred(self.side, self.speaker, self.affiliation)

    @property
    def id(self) -> str:
        # Unchanged claims keep their id across re-analysis, so their reviews stay attached.
        return stable_id(self.article_id, self.cue.start, self.cue.end, self.cue_lemma, self.content_text)


@dataclass(frozen=True)
class Conflict:
    a: str  # claim ids, a < b
    b: str
    type: str  # competing_claims | denial | numeric_mismatch | framing
    reason_en: str
    reason_ar: str
    confidence: float

    @property
    def id(self) -> str:
        return stable_id(self.a, self.b, self.type)
