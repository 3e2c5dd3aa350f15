"""A DataTable filled a page at a time: it asks for the next page when the cursor nears the last loaded row."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable

from claimcheck.review.decisions import CLAIM_STATUSES, CONFLICT_STATUSES

FLEX_MIN = 20
STATUSES = tuple(dict.fromkeys(CLAIM_STATUSES + CONFLICT_STATUSES))


class PagedTable(DataTable):
    """Columns are (key, label, width); one column may have width None and takes the room left.

    Rows are the store's frozen records (``queries.ClaimLine``, ``queries.ConflictLine``): each has an
    ``id`` (the row key) and a ``status``. Cells are cut to their column's width before the bidi transform (cutting after it would drop
    the start of an Arabic sentence), so a change of width re-renders the loaded rows.
    """

    COMPONENT_CLASSES = DataTable.COMPONENT_CLASSES | {f"status--{s}" for s in STATUSES}
    # DataTable's Home/End scroll sideways in a row table; here they go to the first and the last
    # loaded row (reaching the last asks for the next page).
    BINDINGS = [Binding("home", "scroll_top", "first row", show=False),
                Binding("end", "scroll_bottom", "last row", show=False)]
    MARGIN = 15  # rows before the end at which the next page is fetched

    class More(Message):
        """The cursor is near the last loaded row and more rows exist."""

        def __init__(self, table: PagedTable, offset: int) -> None:
            super().__init__()
            self.table = table
            self.offset = offset

        @property
        def control(self) -> PagedTable:
            return self.table

    def __init__(self, columns: list[tuple[str, str, int | None]], cells: Callable[[PagedTable, Any], list], **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self.spec = columns
        self.cells = cells
        self.widths = {key: width or FLEX_MIN for key, _, width in columns}
        self.records: list = []
        self.total: int | None = None
        self._asked = -1

    def on_mount(self) -> None:
        for key, label, _ in self.spec:
            self.add_column(label, key=key, width=self.widths[key])

    def _fit(self) -> bool:
        """Give the flexible column the width left over; True when that changed it."""
        flex = [key for key, _, width in self.spec if width is None]
        room = self.scrollable_content_region.width
        if not flex or room <= 0:
            return False
        fixed = sum(width for _, _, width in self.spec if width) + 2 * self.cell_padding * len(self.spec)
        width = max(FLEX_MIN, room - fixed - 1)
        if width == self.widths[flex[0]]:
            return False
        self.widths[flex[0]] = width
        self.columns[flex[0]].width = width
        return True

    def on_resize(self) -> None:
        if self._fit() and self.records:
            self.redraw()

    def status_cell(self, status: str) -> Text:
        if status not in STATUSES:
            return Text(status)
        return Text(status, style=self.get_component_rich_style(f"status--{status}", partial=True))

    def reset(self, records: list, total: int | None = None) -> None:
        self._fit()  # before formatting cells, so that a first page is not formatted twice
        self.clear()
        self.records = []
        self._asked = -1
        self.total = total
        self.append(records)

    def append(self, records: list) -> None:
        for record in records:
            self.add_row(*self.cells(self, record), key=record.id)
        self.records.extend(records)

    def redraw(self) -> None:
        """Re-render every loaded row (after a change of display mode), keeping the cursor."""
        row, records, total = self.cursor_row, self.records, self.total
        self.reset([], total)
        self.append(records)
        if records:
            self.move_cursor(row=min(row, len(records) - 1))

    def set_status(self, statuses: dict[str, str]) -> None:
        for n, record in enumerate(self.records):
            status = statuses.get(record.id)
            if status and status != record.status:
                self.records[n] = replace(record, status=status)
                self.update_cell(record.id, "status", self.status_cell(status))

    @property
    def current(self) -> Any | None:
        if not self.records or self.cursor_row < 0 or self.cursor_row >= len(self.records):
            return None
        return self.records[self.cursor_row]

    def select_key(self, key: str) -> bool:
        try:
            self.move_cursor(row=self.get_row_index(key))
        except Exception:
            return False
        return True

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        loaded = len(self.records)
        more = self.total is None or loaded < self.total
        if more and event.cursor_row >= loaded - self.MARGIN and self._asked != loaded:
            self._asked = loaded
            self.post_message(self.More(self, loaded))
