"""Snapshots of the desk's main screens (pytest-textual-snapshot), so layout regressions show.

The store holds the hand-checked gold claims and conflicts (not the pipeline's output), so the
snapshots change only when the desk does. Fixed terminal size, reviewer and display mode; no
decisions are recorded, so no clock appears. Update with ``pytest --snapshot-update`` after
checking the new screens by eye.
"""

from __future__ import annotations

import pytest
from desk_helpers import desk_store

from tui.app import DeskApp
from tui.widgets import PagedTable

SIZE = (140, 40)


@pytest.fixture(scope="module")
def gold_store(tmp_path_factory):
    store, conflict_id = desk_store(f"sqlite:///{tmp_path_factory.mktemp('snap') / 'desk.db'}", gold=True)
    yield store, conflict_id
    store.close()


async def settle(pilot) -> None:
    for _ in range(3):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    for field in pilot.app.screen.query("Input"):
        field.cursor_blink = False  # a blinking cursor would make the screenshot depend on timing
    await pilot.pause()


def desk(gold_store, mode: str = "shape") -> DeskApp:
    store, _ = gold_store
    return DeskApp(store, "snapshot", mode)


def open_drone_conflict(conflict_id: str, *keys: str):
    async def run(pilot) -> None:
        await settle(pilot)
        pilot.app.screen.query_one("#queue", PagedTable).select_key(conflict_id)
        await pilot.press("enter", *keys)
        await settle(pilot)

    return run


def test_queue(snap_compare, gold_store):
    assert snap_compare(desk(gold_store), terminal_size=SIZE, run_before=settle)


def test_side_by_side(snap_compare, gold_store):
    assert snap_compare(desk(gold_store), terminal_size=SIZE, run_before=open_drone_conflict(gold_store[1]))


def test_side_by_side_terminal_does_bidi(snap_compare, gold_store):
    """Mode off: text goes out in logical order for terminals that reorder themselves."""
    assert snap_compare(desk(gold_store, "off"), terminal_size=SIZE, run_before=open_drone_conflict(gold_store[1]))


def test_verdict_form(snap_compare, gold_store):
    assert snap_compare(desk(gold_store), terminal_size=SIZE, run_before=open_drone_conflict(gold_store[1], "D"))


def test_article(snap_compare, gold_store):
    assert snap_compare(desk(gold_store), terminal_size=SIZE, run_before=open_drone_conflict(gold_store[1], "a"))


def test_claims_browser(snap_compare, gold_store):
    async def run(pilot) -> None:
        await pilot.press("2")
        await settle(pilot)

    assert snap_compare(desk(gold_store), terminal_size=SIZE, run_before=run)


def test_help(snap_compare, gold_store):
    async def run(pilot) -> None:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)

    assert snap_compare(desk(gold_store), terminal_size=SIZE, run_before=run)
