"""The verdict form: a status, an optional note and an optional evidence URL.

The dialog only collects the decision and dismisses with a ``Verdict``; the screen that opened
it records it, so the same path serves the quick keys and the form.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlparse

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet

from ..widgets import BidiInput, BidiText


@dataclass(frozen=True)
class Verdict:
    status: str
    note: str | None = None
    evidence: str | None = None


class VerdictDialog(ModalScreen[Verdict | None]):
    BINDINGS = [Binding("escape", "cancel", "cancel")]
    AUTO_FOCUS = "#note"

    def __init__(self, kind: str, statuses: tuple[str, ...], status: str, subject: str) -> None:
        super().__init__()
        self.kind, self.statuses, self.status, self.subject = kind, statuses, status, subject

    def compose(self) -> ComposeResult:
        with Vertical(id="verdict"):
            yield Label(f"Mark this {self.kind}", id="verdict-title")
            yield BidiText(self.subject, id="verdict-subject")
            with RadioSet(id="verdict-status"):
                for s in self.statuses:
                    yield RadioButton(s, value=s == self.status, id=f"status-{s}")
            yield BidiInput(placeholder="note (optional)", id="note")
            yield BidiInput(placeholder="evidence URL (optional): https://…", id="evidence")
            yield Label("", id="verdict-error")
            with Horizontal(id="verdict-buttons"):
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    def _verdict(self) -> Verdict | None:
        pressed = self.query_one(RadioSet).pressed_button
        status = pressed.id.removeprefix("status-") if pressed and pressed.id else self.status
        note = self.query_one("#note", Input).value.strip() or None
        evidence = self.query_one("#evidence", Input).value.strip() or None
        if evidence:
            url = urlparse(evidence)
            if url.scheme not in ("http", "https") or not url.netloc:
                self.query_one("#verdict-error", Label).update("evidence must be a web address (http:// or https://)")
                self.query_one("#evidence", Input).focus()
                return None
        return Verdict(status, note, evidence)

    def on_input_submitted(self) -> None:
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def action_save(self) -> None:
        verdict = self._verdict()
        if verdict:
            self.dismiss(verdict)

    def action_cancel(self) -> None:
        self.dismiss(None)
