"""A row of filters (selects, and optionally a search box) above a table."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input, Select

from .bidi_text import BidiInput


class FilterBar(Horizontal):
    """Posts ``FilterBar.Changed`` with every filter's value (None for "any")."""

    class Changed(Message):
        def __init__(self, values: dict[str, str | None]) -> None:
            super().__init__()
            self.values = values

    def __init__(self, names: list[str], search: str | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.names = names
        self.search = search
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        if self.search is not None:
            yield BidiInput(placeholder=self.search, id="filter-search", compact=True)
        for name in self.names:
            yield Select([], prompt=f"{name}: any", id=f"filter-{name}", compact=True)

    def set_options(self, name: str, values: list[str]) -> None:
        select = self.query_one(f"#filter-{name}", Select)
        current = select.value
        with self.prevent(Select.Changed):
            select.set_options([(v, v) for v in values])
            if current in values:
                select.value = current

    def values(self) -> dict[str, str | None]:
        out: dict[str, str | None] = {}
        for name in self.names:
            value = self.query_one(f"#filter-{name}", Select).value
            out[name] = None if value is Select.NULL else value
        if self.search is not None:
            out["search"] = self.query_one("#filter-search", Input).value.strip() or None
        return out

    def _changed(self) -> None:
        if self._timer:
            self._timer.stop()
            self._timer = None
        self.post_message(self.Changed(self.values()))

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        self._changed()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._changed()

    def on_input_changed(self, event: Input.Changed) -> None:
        # Searching runs in SQL over every claim; wait for a pause in typing before asking again.
        event.stop()
        if self._timer:
            self._timer.stop()
        self._timer = self.set_timer(0.4, self._changed)
