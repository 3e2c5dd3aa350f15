"""A whole article with every claim marked and page furniture dimmed; n/p walk the claims."""

from __future__ import annotations

import asyncio

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Footer, Label

from claimcheck.cli.display import plain
from claimcheck.review import decisions as review

from ..bidi import display
from ..widgets import DeskHeader, HistoryPanel, MarkedText
from ..widgets.claim_panel import claim_marks
from .base import MARK_BINDINGS, DeskScreen


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line: the article's paragraphs, offsets into the text."""
    out, start = [], 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            out.append((start, end))
        start = end + 1
    return out


def load_article(store, article_id: str) -> dict:
    art = store.article(article_id)
    if art is None:
        raise LookupError(f"article {article_id} is no longer in the store")
    claims = store.claims(article=article_id)
    claims.sort(key=lambda c: (c["sentence"][0], c["cue_span"][0]))
    statuses = review.current_status(store, "claim", [c["id"] for c in claims])
    return {"article": art, "claims": claims, "status": {i: s["status"] for i, s in statuses.items()}}


class ArticleScreen(DeskScreen):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "back"),
        Binding("n", "step(1)", "next claim"),
        Binding("p", "step(-1)", "prev. claim"),
        *MARK_BINDINGS,
        Binding("h", "toggle_history", "history"),
    ]
    AUTO_FOCUS = "#article-body"

    def __init__(self, article_id: str, claim_id: str | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.article_id = article_id
        self.claim_id = claim_id
        self.claims: list[dict] = []
        self.status: dict[str, str] = {}
        self.index = -1
        self.blocks: list[MarkedText] = []

    def compose(self) -> ComposeResult:
        yield DeskHeader("article")
        yield Label("", id="article-claim")
        with Horizontal(id="article-main"):
            yield VerticalScroll(id="article-body")
            yield HistoryPanel(id="history")
        yield Footer()

    def on_mount(self) -> None:
        self.load()

    @work(exclusive=True, group="article-load")
    async def load(self) -> None:
        header, body = self.query_one(DeskHeader), self.query_one("#article-body")
        try:
            data = await asyncio.to_thread(load_article, self.store, self.article_id)
        except LookupError as exc:
            self.notify(str(exc), severity="error")
            return
        art = data["article"]
        self.claims, self.status = data["claims"], data["status"]
        header.set_title(f"article {art.name}")
        header.set_counts(f"{art.outlet or 'outlet unknown'} · {art.published or 'date unknown'} · {len(self.claims)} claims")
        chrome = [(c.start, c.end, "chrome") for c in art.chrome]
        self.blocks = [MarkedText(art.text, start, end, chrome, classes="paragraph") for start, end in paragraphs(art.text)]
        await body.mount_all(self.blocks)
        ids = [c["id"] for c in self.claims]
        self.index = ids.index(self.claim_id) if self.claim_id in ids else (0 if ids else -1)
        # Scroll once the new paragraphs have been laid out (before that the body has no height to scroll).
        self.call_after_refresh(self.paint)

    def paint(self) -> None:
        """Mark every claim in every paragraph (the current one stands out) and show the current claim."""
        current = self.claims[self.index] if self.index >= 0 else None
        for block in self.blocks:
            marks = [(s, e, "chrome") for s, e, role in block.marks if role == "chrome"]
            for claim in self.claims:
                s0, s1 = claim["sentence"]
                if s0 < block.end and s1 > block.start:
                    marks += claim_marks(claim, current=claim is current)
            block.set_marks(marks)
        if current is None:
            self.query_one("#article-claim", Label).update("no claims in this article")
            return
        mode = self.app.bidi_mode
        self.query_one("#article-claim", Label).update(plain(
            f"claim {self.index + 1}/{len(self.claims)} · {display(current['speaker'], mode)} · "
            f"{display(current['cue'], mode)} · {self.status.get(current['id'], 'unreviewed')}"))
        self.centre_current()
        self.show_history()

    def centre_current(self) -> None:
        """The current claim's paragraph in the middle of the article body."""
        current = self.marked_claim()
        block = next((b for b in self.blocks if current and b.start <= current["cue_span"][0] < b.end), None)
        if block is not None:
            self.query_one("#article-body").scroll_to_center(block, animate=False, immediate=True)

    def marked_claim(self) -> dict | None:
        return self.claims[self.index] if self.index >= 0 else None

    def action_step(self, delta: int) -> None:
        if self.claims:
            self.index = (self.index + delta) % len(self.claims)
            self.paint()

    def action_toggle_history(self) -> None:
        self.query_one(HistoryPanel).toggle_class("-hidden")

    def decision_made(self, kind: str, target_id: str) -> None:
        self.refresh_statuses()

    def redisplay(self) -> None:
        super().redisplay()
        if self.claims:
            self.paint()

    @work(exclusive=True, group="article-status")
    async def refresh_statuses(self) -> None:
        ids = [c["id"] for c in self.claims]
        if ids:
            found = await asyncio.to_thread(review.current_status, self.store, "claim", ids)
            self.status = {i: s["status"] for i, s in found.items()}
            self.paint()

    @work(exclusive=True, group="article-history")
    async def show_history(self) -> None:
        claim, history = self.marked_claim(), self.query_one(HistoryPanel)
        if claim:
            rows = await asyncio.to_thread(review.history, self.store, "claim", claim["id"])
            history.show(f"claim {claim['id'][:10]}", rows)
            # The history beside the article may change its height: centre the claim again once laid out.
            self.call_after_refresh(self.centre_current)
