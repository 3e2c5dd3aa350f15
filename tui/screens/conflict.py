"""One conflict, side by side: both claims in their paragraphs, and why they conflict."""

from __future__ import annotations

import asyncio

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Label, Static

from claimcheck.cli.display import plain
from claimcheck.review import decisions as review
from claimcheck.review.decisions import CONFLICT_STATUSES
from claimcheck.store import queries

from ..dialogs import Verdict, VerdictDialog
from ..widgets import BidiText, ClaimPanel, DeskHeader, HistoryPanel
from .base import MARK_BINDINGS, DeskScreen


def load_conflict(store, conflict_id: str) -> dict:
    """The conflict, both claims, their articles (name, outlet, date, text) and review states."""
    found = queries.conflict(store, conflict_id)
    if found is None:
        raise LookupError(f"conflict {conflict_id} is no longer in the store")
    data = found.as_dict()
    articles = {}
    for side in ("a", "b"):
        claim = store.claim(data[f"claim_{side}"])
        data[side] = claim
        if claim and claim["article_id"] not in articles:
            art = store.article(claim["article_id"])
            articles[claim["article_id"]] = {"name": art.name, "outlet": art.outlet, "text": art.text,
                                             "published": art.published.isoformat() if art.published else None}
    data["articles"] = articles
    data["status"] = review.current_status(store, "conflict", [conflict_id])[conflict_id]
    ids = [c["id"] for c in (data["a"], data["b"]) if c]
    data["claim_status"] = review.current_status(store, "claim", ids)
    return data


class ConflictScreen(DeskScreen):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "back"),
        Binding("left", "focus_side('a')", "claim A", show=False),
        Binding("right", "focus_side('b')", "claim B", show=False),
        *MARK_BINDINGS,
        Binding("y", "pair('confirmed')", "confirm"),
        Binding("x", "pair('not-a-conflict')", "no conflict"),
        Binding("Y", "pair('confirmed', True)", "confirm + note"),
        Binding("X", "pair('not-a-conflict', True)", "no conflict + note"),
        Binding("a", "article('a')", "art. A"),
        Binding("b", "article('b')", "art. B"),
        Binding("enter", "article", "article", show=False),
        Binding("h", "toggle_history", "history"),
    ]
    AUTO_FOCUS = "#panel-a"

    def __init__(self, conflict_id: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.conflict_id = conflict_id
        self.data: dict | None = None

    def compose(self) -> ComposeResult:
        yield DeskHeader(f"conflict {self.conflict_id[:10]}")
        with Horizontal(id="pair"):
            yield ClaimPanel("A", id="panel-a")
            with Vertical(id="reason"):
                yield Static("", id="reason-type")
                yield BidiText("", id="reason-en")
                yield BidiText("", id="reason-ar")
                yield Label("", id="reason-status")
            yield ClaimPanel("B", id="panel-b")
        yield HistoryPanel(id="history")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#reason").border_title = "why they conflict"
        self.load()

    @work(exclusive=True, group="conflict-load")
    async def load(self) -> None:
        # Widgets are looked up before waiting, so a load that ends after the screen closed touches no query.
        panels = {side: self.query_one(f"#panel-{side}", ClaimPanel) for side in ("a", "b")}
        reason = {key: self.query_one(f"#reason-{key}") for key in ("type", "en", "ar")}
        try:
            data = await asyncio.to_thread(load_conflict, self.store, self.conflict_id)
        except LookupError as exc:
            self.notify(str(exc), severity="error")
            return
        self.data = data
        reason["type"].update(f"{data['type']}\nconfidence {data['confidence']:.2f}")
        reason["en"].update(data["reason_en"])
        reason["ar"].update(data["reason_ar"])
        for side, panel in panels.items():
            claim = data[side]
            if claim:
                article = data["articles"][claim["article_id"]]
                panel.show(claim, article["text"], article, data["claim_status"][claim["id"]])
        self.show_pair_status(data["status"])
        self.show_history()

    def show_pair_status(self, status: dict) -> None:
        who = f" by {status['reviewer']}" if status.get("reviewer") else ""
        note = f" · {status['note']}" if status.get("note") else ""  # why the pair was judged so
        self.query_one("#reason-status", Label).update(plain(f"pair: {status['status']}{who}{note}"))
        self.query_one(DeskHeader).set_counts(f"pair {status['status']}")

    def focused_panel(self) -> ClaimPanel:
        node = self.focused
        while node is not None and not isinstance(node, ClaimPanel):
            node = node.parent
        return node if isinstance(node, ClaimPanel) else self.query_one("#panel-a", ClaimPanel)

    def marked_claim(self) -> dict | None:
        return self.focused_panel().claim

    # --- actions ----------------------------------------------------------------------------

    def action_focus_side(self, side: str) -> None:
        self.query_one(f"#panel-{side}", ClaimPanel).focus()

    def on_descendant_focus(self) -> None:
        self.show_history()

    def action_pair(self, status: str, with_note: bool = False) -> None:
        if not with_note:
            self.app.decide("conflict", self.conflict_id, status)
            return

        def record(verdict: Verdict | None) -> None:
            if verdict:
                self.app.decide("conflict", self.conflict_id, verdict.status, verdict.note, verdict.evidence)

        subject = (self.data or {}).get("reason_en", "")
        self.app.push_screen(VerdictDialog("conflict", CONFLICT_STATUSES, status, subject), record)

    def action_article(self, side: str | None = None) -> None:
        from .article import ArticleScreen

        claim = self.data and (self.data[side] if side else self.focused_panel().claim)
        if claim:
            self.app.push_screen(ArticleScreen(claim["article_id"], claim["id"]))

    def action_toggle_history(self) -> None:
        self.query_one(HistoryPanel).toggle_class("-hidden")

    def decision_made(self, kind: str, target_id: str) -> None:
        self.refresh_statuses()

    def on_screen_resume(self) -> None:
        super().on_screen_resume()
        if self.data:
            self.refresh_statuses()

    @work(exclusive=True, group="conflict-status")
    async def refresh_statuses(self) -> None:
        if not self.data:
            return
        panels = {side: self.query_one(f"#panel-{side}", ClaimPanel) for side in ("a", "b")}
        ids = [c["id"] for c in (self.data["a"], self.data["b"]) if c]
        claim_status, pair = await asyncio.to_thread(
            lambda: (review.current_status(self.store, "claim", ids),
                     review.current_status(self.store, "conflict", [self.conflict_id])[self.conflict_id]))
        for side, panel in panels.items():
            claim = self.data[side]
            if claim:
                panel.show_status(claim_status[claim["id"]])
        self.show_pair_status(pair)
        self.show_history()

    @work(exclusive=True, group="conflict-history")
    async def show_history(self) -> None:
        claim, side, history = self.marked_claim(), self.focused_panel().side, self.query_one(HistoryPanel)
        if not claim:
            return
        rows, pair = await asyncio.to_thread(
            lambda: (review.history(self.store, "claim", claim["id"]),
                     review.history(self.store, "conflict", self.conflict_id)))
        history.show(f"claim {claim['id'][:10]} ({side})", rows, pair)
