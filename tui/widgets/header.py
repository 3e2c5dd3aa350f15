"""The desk's header: where you are, the counts that matter there, who is reviewing.

Textual's own Header has a clock and one title line; the desk needs counts and the reviewer
name, and no clock (snapshots must not change from minute to minute).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label

from claimcheck.analysis.text import counted
from claimcheck.cli.display import plain


class DeskHeader(Horizontal):
    def __init__(self, title: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self._title = title

    def compose(self) -> ComposeResult:
        yield Label(f"claimcheck desk · {self._title}", id="header-title")
        yield Label("", id="header-counts")
        yield Label("", id="header-user")

    def on_mount(self) -> None:
        self.refresh_user()

    def set_title(self, title: str) -> None:
        self.query_one("#header-title", Label).update(plain(f"claimcheck desk · {title}"))

    def set_counts(self, counts: str) -> None:
        self.query_one("#header-counts", Label).update(counts)

    def refresh_user(self) -> None:
        app = self.app
        self.query_one("#header-user", Label).update(
            plain(f"reviewer: {getattr(app, 'reviewer', '?')} · bidi: {getattr(app, 'bidi_mode', 'off')}"))


def count_line(counts: dict[str, int], order: tuple[str, ...], noun: str, shown: int | None = None) -> str:
    """'11 conflicts · 9 unreviewed · 2 confirmed', '1 claim' (statuses with no items left out); ``noun`` is singular."""
    total = sum(counts.values())
    parts = [counted(total, noun)]
    parts += [f"{counts[s]} {s}" for s in order if counts.get(s)]
    if shown is not None and shown != total:
        parts.append(f"{shown} shown")
    return " · ".join(parts)
