"""What every desk screen shares: the mark keys, the hooks that show decisions, display-mode repaints."""

from __future__ import annotations

import asyncio

from textual import work
from textual.binding import Binding
from textual.screen import Screen

from claimcheck.review import decisions as review
from claimcheck.review.decisions import CLAIM_STATUSES

from ..dialogs import Verdict, VerdictDialog
from ..widgets import DeskHeader

# Lower case marks at once; the same key with shift opens the form for a note and evidence.
CLAIM_KEYS = {"v": "verified", "d": "disputed", "f": "false", "c": "needs-context", "u": "unreviewed"}
MARK_BINDINGS = [
    *(Binding(key, f"mark('{status}')", status, show=key in ("v", "d")) for key, status in CLAIM_KEYS.items()),
    *(Binding(key.upper(), f"mark('{status}', True)", f"{status} + note", show=key in ("v", "d"))
      for key, status in CLAIM_KEYS.items()),
]


class DeskScreen(Screen):
    """A screen of the desk. Subclasses say which claim the mark keys apply to."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._bidi_shown: str | None = None

    @property
    def store(self):
        return self.app.store

    # --- hooks for subclasses -------------------------------------------------------------

    def marked_claim(self) -> dict | None:
        """The claim the mark keys apply to (None when there is none)."""
        return None

    def decision_made(self, kind: str, target_id: str) -> None:
        """A decision (or an undo) was recorded: show it."""

    def redisplay(self) -> None:
        """The bidi display mode changed: repaint text (subclasses also re-render their tables)."""
        for widget in self.query("BidiText"):
            widget.refresh(layout=True)
        for field in self.query("BidiInput"):
            field.refresh()
        for header in self.query(DeskHeader):
            header.refresh_user()
        self._bidi_shown = self.app.bidi_mode

    # --- shared behaviour -----------------------------------------------------------------

    def on_screen_resume(self) -> None:
        # A screen below others (or in another mode) misses changes of display mode; catch up.
        if self._bidi_shown not in (None, self.app.bidi_mode):
            self.redisplay()
        self._bidi_shown = self.app.bidi_mode

    def action_mark(self, status: str, with_note: bool = False) -> None:
        claim = self.marked_claim()
        if claim is None:
            self.notify("no claim selected", severity="warning")
            return
        if not with_note:
            self.app.decide("claim", claim["id"], status)
            return
        subject = f"{claim.get('speaker') or ''}: {claim.get('content') or ''}"

        def record(verdict: Verdict | None) -> None:
            if verdict:
                self.app.decide("claim", claim["id"], verdict.status, verdict.note, verdict.evidence)

        self.app.push_screen(VerdictDialog("claim", CLAIM_STATUSES, status, subject), record)


class TableScreen(DeskScreen):
    """A desk screen built on a paged table whose rows show each target's review status."""

    status_kind = "claim"  # what the rows are: "claim" or "conflict"

    def on_screen_resume(self) -> None:
        super().on_screen_resume()
        self.refresh_statuses()

    def decision_made(self, kind: str, target_id: str) -> None:
        self.refresh_statuses()

    def redisplay(self) -> None:
        super().redisplay()
        self.table.redraw()

    @work(exclusive=True, group="table-status")
    async def refresh_statuses(self) -> None:
        table = self.table
        ids = [r.id for r in table.records]
        if not ids:
            return
        found = await asyncio.to_thread(review.current_status, self.store, self.status_kind, ids)
        table.set_status({i: s["status"] for i, s in found.items()})
        self.statuses_shown()

    def statuses_shown(self) -> None:
        """After the statuses were refreshed (the counts in the header follow them)."""
        self.load_counts()
