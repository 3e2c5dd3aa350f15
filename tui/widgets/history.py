"""The review history of one target, oldest first, as ``claimcheck history`` prints it."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Label

from claimcheck.cli.display import plain

from .bidi_text import BidiText


def history_text(rows: list[dict]) -> Text:
    if not rows:
        return Text("no decisions yet", style="dim")
    out = Text()
    for r in rows:
        when = (r["at"] or "")[:16].replace("T", " ")
        what = f"undo #{r['undo_of']}: " if r["undo_of"] else ""
        out.append(f"#{r['id']} {when} {r['reviewer']}\n", style="dim")
        out.append(f"  {what}{r['old_status']} → ")
        out.append(r["new_status"], style="bold")
        out.append("\n")
        if r["note"]:
            out.append(f"{r['note']}\n", style="italic")
        if r["evidence_url"]:
            out.append(f"{r['evidence_url']}\n", style="underline")
    out.rstrip()
    return out


class HistoryPanel(VerticalScroll):
    """Shows the history handed to it; the screen decides which target and when to query."""

    def compose(self) -> ComposeResult:
        yield Label("history", id="history-title")
        yield BidiText("", id="history-body")

    def show(self, label: str, rows: list[dict], pair: list[dict] = ()) -> None:
        """The target's history; with ``pair``, the decisions on the conflict itself below it."""
        self.query_one("#history-title", Label).update(plain(f"history · {label}"))
        text = history_text(rows)
        if pair:
            text.append("\n\nthe pair\n", style="bold")
            text.append_text(history_text(list(pair)))
        self.query_one("#history-body", BidiText).update(text)
