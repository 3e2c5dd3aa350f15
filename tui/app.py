"""The review desk application: two modes (conflict queue, claims), decisions, undo, export."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping
from pathlib import Path

from textual import work
from textual.app import App
from textual.binding import Binding
from textual.reactive import reactive

from claimcheck.analysis.text import counted, visible
from claimcheck.review import decisions as review

from . import bidi
from .screens import ClaimsScreen, HelpScreen, QueueScreen
from .screens.base import DeskScreen


class DeskApp(App[None]):
    """The desk over one store, for one reviewer. ``bidi_mode`` is auto|on|off|shape (see tui.bidi)."""

    CSS_PATH = "desk.tcss"
    TITLE = "claimcheck desk"
    MODES = {"queue": QueueScreen, "claims": ClaimsScreen}
    DEFAULT_MODE = "queue"
    BINDINGS = [
        Binding("question_mark", "help", "help"),
        Binding("1", "switch_mode('queue')", "queue"),
        Binding("2", "switch_mode('claims')", "claims"),
        Binding("z", "undo", "undo"),
        Binding("B", "cycle_bidi", "bidi"),
        Binding("q", "quit", "quit", show=False),
    ]

    bidi_mode: reactive[str] = reactive("off", init=False)

    def __init__(self, store, reviewer: str, bidi_mode: str = "auto", env: Mapping[str, str] | None = None) -> None:
        super().__init__()
        self.store = store
        self.reviewer = reviewer
        self.set_reactive(DeskApp.bidi_mode, bidi.resolve(bidi_mode, env))

    def notify(self, message: str, *, markup: bool = False, **kwargs) -> None:
        """Messages quote stored text (names, notes, paths): never read them as markup, show their controls."""
        super().notify(visible(message), markup=False, **kwargs)

    # --- decisions --------------------------------------------------------------------------

    def decide(self, kind: str, target_id: str, status: str, note: str | None = None,
               evidence: str | None = None) -> dict | None:
        """Record a decision through claimcheck.review.decisions and show it at once.

        Recording is one small write, done in place so that the screen shows the decision
        before the next key is read.
        """
        try:
            row = review.record(self.store, kind, target_id, status, self.reviewer, note=note, evidence=evidence)
        except review.ReviewError as exc:
            self.notify(str(exc), severity="error")
            return None
        self.notify(f"{kind} {target_id[:10]}: {row['old_status']} → {row['new_status']}", timeout=3)
        self._changed(kind, row["target_id"])
        return row

    def action_undo(self) -> None:
        last = review.last_decision_by(self.store, self.reviewer)
        if last is None:
            self.notify(f"{self.reviewer} has no decision to undo", severity="warning")
            return
        try:
            row = review.undo(self.store, last["target_kind"], last["target_id"], self.reviewer)
        except review.ReviewError as exc:
            self.notify(str(exc), severity="error")
            return
        self.notify(f"undone: {row['target_kind']} {row['target_id'][:10]} back to {row['new_status']}", timeout=3)
        self._changed(row["target_kind"], row["target_id"])

    def _changed(self, kind: str, target_id: str) -> None:
        if isinstance(self.screen, DeskScreen):
            self.screen.decision_made(kind, target_id)

    # --- export -----------------------------------------------------------------------------

    @work(group="export")
    async def export_claims(self, path: Path, claim_ids: Callable[[], list[str]] | None = None, **filters) -> None:
        """Write claims to CSV with claimcheck.export.formats (the code behind ``claimcheck export``)."""
        # Imported here, not at start: it brings pandas, a quarter of a second before first paint.
        from claimcheck.export import formats as export

        def run() -> int:
            ids = claim_ids() if claim_ids else None
            return export.export(self.store, path, fmt="csv", claim_ids=ids, **filters)

        try:
            n = await asyncio.to_thread(run)
        except (export.ExportError, OSError) as exc:
            self.notify(f"export failed: {exc}", severity="error")
            return
        self.notify(f"exported {counted(n, 'claim')} to {path}")

    # --- display ----------------------------------------------------------------------------

    def action_cycle_bidi(self) -> None:
        self.bidi_mode = bidi.CYCLE[(bidi.CYCLE.index(self.bidi_mode) + 1) % len(bidi.CYCLE)]

    def watch_bidi_mode(self, mode: str) -> None:
        # Other screens catch up when they are shown again.
        if isinstance(self.screen, DeskScreen):
            self.screen.redisplay()
        self.notify(f"Arabic display: {mode}", timeout=2)

    def action_help(self) -> None:
        self.push_screen(HelpScreen())
