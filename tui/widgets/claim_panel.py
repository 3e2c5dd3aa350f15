"""One side of a conflict: who said it, where and when, and the sentence in its paragraph."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Grid, Vertical
from textual.widgets import Label

from claimcheck.cli.display import plain

from .bidi_text import BidiText, MarkedText

PARAGRAPH_MAX = 1200  # characters of context around a sentence in a very long paragraph


def claim_date(claim: dict, published: str | None = None) -> str:
    return claim.get("event_date") or claim.get("time_resolved") or claim.get("story_date") or published or "date unknown"


def paragraph_window(text: str, start: int, end: int) -> tuple[int, int]:
    """The paragraph around ``start..end`` (cut to PARAGRAPH_MAX characters around it)."""
    p0 = text.rfind("\n", 0, start) + 1
    p1 = text.find("\n", end)
    p1 = len(text) if p1 < 0 else p1
    spare = max(0, PARAGRAPH_MAX - (end - start)) // 2
    return max(p0, start - spare), min(p1, end + spare)


def claim_marks(claim: dict, current: bool = False) -> list[tuple[int, int, str]]:
    """Spans to mark, in painting order (later marks win): sentence, content, speaker, cue."""
    marks = [(*claim["sentence"], "current" if current else "sentence")]
    for key, role in (("content_span", "content"), ("speaker_span", "speaker"), ("cue_span", "cue")):
        span = claim.get(key)
        if span and span[0] is not None:
            marks.append((span[0], span[1], role))
    return marks


class ClaimPanel(Vertical, can_focus=True):
    """Focusable, so the screen's mark keys apply to the panel that has the focus."""

    def __init__(self, side: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.side = side
        self.claim: dict | None = None

    def compose(self) -> ComposeResult:
        with Grid(classes="claim-meta"):
            for key in ("outlet", "date", "speaker", "role", "side", "status"):
                yield Label(key, classes="meta-key")
                yield BidiText("", id=f"meta-{key}", classes="meta-value")
        yield MarkedText("", 0, 0, id="claim-text")
        yield Label("", id="claim-article")

    def show(self, claim: dict, text: str, article: dict, status: dict) -> None:
        self.claim = claim
        self.border_title = f"{self.side} · claim {claim['id'][:10]}"
        mention = claim["speaker_text"]
        values = {
            "outlet": claim.get("outlet") or article.get("outlet") or "outlet unknown",
            "date": claim_date(claim, article.get("published")),
            # The mention as written, when it says more than the canonical name (e.g. a description).
            "speaker": claim["speaker"] + (f" ({mention})" if mention and claim["speaker"] not in mention else ""),
            "role": claim.get("role") or claim.get("affiliation") or "—",
            "side": claim.get("side") or "side unknown",
        }
        for key, value in values.items():
            self.query_one(f"#meta-{key}", BidiText).update(value)
        self.show_status(status)
        start, end = paragraph_window(text, *claim["sentence"])
        marked = self.query_one("#claim-text", MarkedText)
        marked.source, marked.start, marked.end = text, start, end
        marked.set_marks(claim_marks(claim))
        marked.refresh(layout=True)
        self.query_one("#claim-article", Label).update(plain(f"{article['name']} · {start}–{end}"))

    def show_status(self, status: dict) -> None:
        who = f" · {status['reviewer']}" if status.get("reviewer") else ""
        note = f" · {status['note']}" if status.get("note") else ""
        self.query_one("#meta-status", BidiText).update(f"{status['status']}{who}{note}")
        self.border_subtitle = status["status"]
        self.set_class(status["status"] != "unreviewed", "-reviewed")
