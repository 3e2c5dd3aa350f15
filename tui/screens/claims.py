"""Every claim in a table, a page at a time, with filters and a spelling-tolerant search."""

from __future__ import annotations

import asyncio
from dataclasses import asdict
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Footer

from claimcheck.review import decisions as review
from claimcheck.review.decisions import CLAIM_STATUSES
from claimcheck.store import queries

from ..bidi import cell
from ..dialogs import ExportDialog
from ..widgets import DeskHeader, FilterBar, HistoryPanel, PagedTable
from ..widgets.header import count_line
from .base import MARK_BINDINGS, TableScreen

PAGE = 100
COLUMNS = [("outlet", "outlet", 12), ("date", "date", 10), ("speaker", "speaker", 16), ("side", "side", 6),
           ("cue", "cue", 8), ("content", "content", None), ("status", "status", 13)]


class ClaimsScreen(TableScreen):
    status_kind = "claim"
    BINDINGS = [
        Binding("enter", "open", "open", show=False),
        Binding("slash", "search", "search"),
        Binding("escape", "leave_search", "table", show=False),
        *MARK_BINDINGS,
        Binding("e", "export", "export"),
        Binding("h", "toggle_history", "history"),
    ]
    AUTO_FOCUS = "#claims"

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.filter = queries.ClaimFilter()

    def compose(self) -> ComposeResult:
        yield DeskHeader("claims")
        yield FilterBar(["outlet", "side", "status"], search="search: speaker, cue, content (any spelling)",
                        id="claims-filters")
        with Horizontal(id="claims-body"):
            yield PagedTable(COLUMNS, self.cells, id="claims")
            yield HistoryPanel(id="history")
        yield Footer()

    def cells(self, table: PagedTable, r: queries.ClaimLine) -> list:
        mode = self.app.bidi_mode
        w = table.widths
        return [cell(r.outlet, w["outlet"], mode), r.date.isoformat() if r.date else "—",
                cell(r.speaker, w["speaker"], mode), cell(r.side, w["side"], mode), cell(r.cue, w["cue"], mode),
                cell(r.content, w["content"], mode), table.status_cell(r.status)]

    @property
    def table(self) -> PagedTable:
        return self.query_one("#claims", PagedTable)

    def on_mount(self) -> None:
        self.load()
        self.load_options()

    # --- loading ----------------------------------------------------------------------------

    @work(exclusive=True, group="claims-load")
    async def load(self) -> None:
        f, table, history = self.filter, self.table, self.query_one(HistoryPanel)
        if f.search:
            self.query_one(DeskHeader).set_counts("searching…")
        page = await asyncio.to_thread(queries.claim_page, self.store, f, PAGE, 0)
        table.reset(page, None if len(page) == PAGE else len(page))
        if not page:
            history.show("no claim", [])
        self.load_counts()

    @work(exclusive=True, group="claims-counts")
    async def load_counts(self) -> None:
        f, header, table = self.filter, self.query_one(DeskHeader), self.table
        counts = await asyncio.to_thread(queries.claim_counts, self.store, f)
        shown = counts.get(f.status, 0) if f.status else None
        header.set_counts(count_line(counts, CLAIM_STATUSES, "claim", shown))
        table.total = shown if shown is not None else sum(counts.values())

    @work(group="claims-options")
    async def load_options(self) -> None:
        bar = self.query_one(FilterBar)
        outlets, sides = await asyncio.to_thread(
            lambda: (queries.outlets(self.store), queries.claim_sides(self.store)))
        bar.set_options("outlet", outlets)
        bar.set_options("side", sides)
        bar.set_options("status", list(CLAIM_STATUSES))

    @on(PagedTable.More, "#claims")
    @work(group="claims-more")
    async def more(self, event: PagedTable.More) -> None:
        table = event.table
        page = await asyncio.to_thread(queries.claim_page, self.store, self.filter, PAGE, event.offset)
        if len(table.records) == event.offset:  # ignore a page for a table that was reset meanwhile
            table.append(page)

    @on(FilterBar.Changed)
    def filters_changed(self, event: FilterBar.Changed) -> None:
        v = event.values
        self.filter = queries.ClaimFilter(outlet=v["outlet"], side=v["side"], status=v["status"], search=v["search"])
        self.load()

    def on_data_table_row_highlighted(self, event: PagedTable.RowHighlighted) -> None:
        self.show_history()

    @work(exclusive=True, group="claims-history")
    async def show_history(self) -> None:
        claim, panel = self.table.current, self.query_one(HistoryPanel)
        if claim is None:
            return
        rows = await asyncio.to_thread(review.history, self.store, "claim", claim.id)
        panel.show(f"claim {claim.id[:10]}", rows)

    # --- actions ----------------------------------------------------------------------------

    def marked_claim(self) -> dict | None:
        current = self.table.current
        return asdict(current) if current else None

    def on_data_table_row_selected(self, event: PagedTable.RowSelected) -> None:
        self.action_open()

    def action_open(self) -> None:
        from .article import ArticleScreen

        claim = self.table.current
        if claim:
            self.app.push_screen(ArticleScreen(claim.article_id, claim.id))

    def action_search(self) -> None:
        self.query_one("#filter-search").focus()

    def action_leave_search(self) -> None:
        self.table.focus()

    def action_toggle_history(self) -> None:
        self.query_one(HistoryPanel).toggle_class("-hidden")

    def statuses_shown(self) -> None:
        self.load_counts()
        self.show_history()

    def action_export(self) -> None:
        f = self.filter
        summary = "claims shown" + "".join(
            f" · {k} {v}" for k, v in (("outlet", f.outlet), ("side", f.side), ("status", f.status),
                                       ("search", f.search)) if v)

        def chosen(path: Path | None) -> None:
            if not path:
                return
            # The search has no export option of its own: it becomes a list of claim ids.
            ids = (lambda: queries.claim_ids(self.store, f)) if f.search else None
            self.app.export_claims(path, claim_ids=ids, status=f.status, outlet=f.outlet, side=f.side)

        self.app.push_screen(ExportDialog("claimcheck-claims.csv", summary), chosen)
