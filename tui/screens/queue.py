"""The conflict queue: the first screen, most confident conflicts first."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer

from claimcheck.config import load_settings
from claimcheck.review.decisions import CONFLICT_STATUSES
from claimcheck.store import queries

from ..bidi import cell
from ..dialogs import ExportDialog
from ..widgets import DeskHeader, FilterBar, PagedTable
from ..widgets.header import count_line
from .base import TableScreen

PAGE = 100
COLUMNS = [("confidence", "conf", 4), ("type", "type", 16), ("event", "event", None), ("a", "claim A", 36),
           ("b", "claim B", 36), ("status", "status", 14)]


def event_label(r: queries.ConflictLine) -> str:
    parts = [" ".join(p for p in (r.action, r.object) if p), r.place or "",
             r.event_date.isoformat() if r.event_date else ""]
    return " · ".join(p for p in parts if p) or "—"


def side_label(speaker: str | None, outlet: str | None, side: str | None, width: int) -> str:
    """Who said it, where, and for which side: what a reviewer scans the queue for. A long name is
    cut, not the outlet and side after it."""
    tail = f" · {outlet or '—'} · {side or '—'}"  # neutral marks: '?' would jump ends in Arabic rows
    speaker = " ".join((speaker or "—").split())
    room = max(width - len(tail), 4)
    if len(speaker) > room:
        speaker = speaker[: room - 1].rstrip() + "…"
    return speaker + tail


class QueueScreen(TableScreen):
    status_kind = "conflict"
    BINDINGS = [
        Binding("enter", "open", "open", show=False),
        Binding("e", "export", "export"),
        Binding("r", "reload", "reload"),
        Binding("slash", "filters", "filter"),
    ]
    AUTO_FOCUS = "#queue"

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        # The store keeps conflicts below the shown threshold too; the queue shows what the settings say.
        self.min_confidence = load_settings().conflicts.min_confidence
        self.filter = queries.ConflictFilter(min_confidence=self.min_confidence)

    def compose(self) -> ComposeResult:
        yield DeskHeader("conflict queue")
        yield FilterBar(["type", "outlet", "side", "status"], id="queue-filters")
        yield PagedTable(COLUMNS, self.cells, id="queue")
        yield Footer()

    def cells(self, table: PagedTable, r: queries.ConflictLine) -> list:
        mode, w = self.app.bidi_mode, table.widths
        return [f"{r.confidence:.2f}", r.type, cell(event_label(r), w["event"], mode),
                cell(side_label(r.speaker_a, r.outlet_a, r.side_a, w["a"]), w["a"], mode),
                cell(side_label(r.speaker_b, r.outlet_b, r.side_b, w["b"]), w["b"], mode),
                table.status_cell(r.status)]

    def on_mount(self) -> None:
        self.load()
        self.load_options()

    @property
    def table(self) -> PagedTable:
        return self.query_one("#queue", PagedTable)

    # --- loading ----------------------------------------------------------------------------

    @work(exclusive=True, group="queue-load")
    async def load(self, keep: str | None = None) -> None:
        f, table = self.filter, self.table
        page = await asyncio.to_thread(queries.conflict_page, self.store, f, PAGE, 0)
        table.reset(page, None if len(page) == PAGE else len(page))
        if keep:
            table.select_key(keep)
        self.load_counts()

    @work(group="queue-options")
    async def load_options(self) -> None:
        bar = self.query_one(FilterBar)
        types, outlets, sides = await asyncio.to_thread(
            lambda: (queries.conflict_types(self.store), queries.outlets(self.store), queries.claim_sides(self.store)))
        bar.set_options("type", types)
        bar.set_options("outlet", outlets)
        bar.set_options("side", sides)
        bar.set_options("status", list(CONFLICT_STATUSES))

    @work(exclusive=True, group="queue-counts")
    async def load_counts(self) -> None:
        f, header, table = self.filter, self.query_one(DeskHeader), self.table
        counts = await asyncio.to_thread(queries.conflict_counts, self.store, f)
        shown = counts.get(f.status, 0) if f.status else None
        header.set_counts(count_line(counts, CONFLICT_STATUSES, "conflict", shown))
        table.total = shown if shown is not None else sum(counts.values())

    @on(PagedTable.More, "#queue")
    @work(group="queue-more")
    async def more(self, event: PagedTable.More) -> None:
        table = event.table
        page = await asyncio.to_thread(queries.conflict_page, self.store, self.filter, PAGE, event.offset)
        if len(table.records) == event.offset:  # ignore a page for a table that was reset meanwhile
            table.append(page)

    @on(FilterBar.Changed)
    def filters_changed(self, event: FilterBar.Changed) -> None:
        v = event.values
        self.filter = queries.ConflictFilter(type=v["type"], outlet=v["outlet"], side=v["side"], status=v["status"],
                                             min_confidence=self.min_confidence)
        self.load()

    # --- actions ----------------------------------------------------------------------------

    def on_data_table_row_selected(self, event: PagedTable.RowSelected) -> None:
        self.action_open()

    def action_open(self) -> None:
        from .conflict import ConflictScreen

        current = self.table.current
        if current:
            self.app.push_screen(ConflictScreen(current.id))

    def action_reload(self) -> None:
        current = self.table.current
        self.load(current.id if current else None)

    def action_filters(self) -> None:
        self.query_one("#filter-type").focus()

    def action_export(self) -> None:
        f = self.filter
        summary = "claims of the conflicts shown" + "".join(
            f" · {k} {v}" for k, v in (("type", f.type), ("outlet", f.outlet), ("side", f.side), ("status", f.status)) if v)

        def chosen(path: Path | None) -> None:
            if path:
                self.app.export_claims(path, claim_ids=lambda: queries.conflict_claim_ids(self.store, f))

        self.app.push_screen(ExportDialog("claimcheck-conflicts.csv", summary), chosen)
