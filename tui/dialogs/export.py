"""Where to write an export of what the current screen shows."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label

from ..widgets import BidiInput


class ExportDialog(ModalScreen[Path | None]):
    """Asks for a file name; dismisses with the path, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "cancel")]
    AUTO_FOCUS = "#export-path"

    def __init__(self, default: str, summary: str) -> None:
        super().__init__()
        # Shown absolute: the desk may have been started anywhere, and the file must be found later.
        self.default, self.summary = str(Path(default).expanduser().absolute()), summary

    def compose(self) -> ComposeResult:
        with Vertical(id="export"):
            yield Label("Export to CSV (UTF-8 with BOM, opens in Excel)", id="export-title")
            yield Label(self.summary, id="export-summary")
            yield BidiInput(self.default, id="export-path")
            with Horizontal(id="export-buttons"):
                yield Button("Export", variant="primary", id="export-ok")
                yield Button("Cancel", id="export-cancel")

    def on_input_submitted(self) -> None:
        self._done()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "export-ok":
            self._done()
        else:
            self.action_cancel()

    def _done(self) -> None:
        value = self.query_one("#export-path", Input).value.strip()
        self.dismiss(Path(value).expanduser().absolute() if value else None)

    def action_cancel(self) -> None:
        self.dismiss(None)
