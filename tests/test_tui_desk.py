"""The review desk driven with Textual's Pilot on a real SQLite store built from the fixtures."""

from __future__ import annotations

from claimcheck.config import load_settings

import asyncio
import csv

import pytest
from desk_helpers import desk_store

from claimcheck.review import decisions as review
from tui.app import DeskApp
from tui.dialogs import ExportDialog, VerdictDialog
from tui.screens import ArticleScreen, ClaimsScreen, ConflictScreen, HelpScreen, QueueScreen
from tui.widgets import BidiText, ClaimPanel, DeskHeader, PagedTable

REVIEWER = "tester"
SIZE = (140, 40)


@pytest.fixture
def desk(tmp_path):
    store, conflict_id = desk_store(f"sqlite:///{tmp_path / 'desk.db'}")
    yield store, conflict_id
    store.close()


async def settle(pilot, rounds: int = 3) -> None:
    """Let workers (which may start other workers) and the resulting repaints finish."""
    for _ in range(rounds):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def type_text(pilot, text: str) -> None:
    await pilot.press(*["space" if ch == " " else ch for ch in text])


def header_counts(screen) -> str:
    return str(screen.query_one(DeskHeader).query_one("#header-counts").render())


def test_review_the_seed_001_drone_conflict(desk, tmp_path):
    asyncio.run(_review_the_seed_001_drone_conflict(desk, tmp_path))


async def _review_the_seed_001_drone_conflict(desk, tmp_path):
    store, conflict_id = desk
    app = DeskApp(store, REVIEWER, "off")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        # The queue is the first screen, most confident first, with counts in the header.
        queue = app.screen
        assert isinstance(queue, QueueScreen)
        table = queue.query_one("#queue", PagedTable)
        shown = store.conflict_count(load_settings().conflicts.min_confidence)
        assert table.row_count == shown
        confidences = [r.confidence for r in table.records]
        assert confidences == sorted(confidences, reverse=True)
        assert f"{shown} conflicts" in header_counts(queue)
        assert REVIEWER in str(queue.query_one("#header-user").render())

        # Open the drone conflict: both claims side by side, the LNA one and the GNA one.
        assert table.select_key(conflict_id)
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ConflictScreen) and screen.conflict_id == conflict_id
        assert {screen.data["a"]["side"], screen.data["b"]["side"]} == {"LNA", "GNA"}
        assert screen.data["reason_en"] in str(screen.query_one("#reason-en", BidiText).styled_text())
        lna_side = "a" if screen.data["a"]["side"] == "LNA" else "b"
        lna = screen.data[lna_side]
        await pilot.press("left" if lna_side == "a" else "right")
        panel = screen.query_one(f"#panel-{lna_side}", ClaimPanel)
        assert screen.focused is panel

        # Shift+D: the form, preset to disputed; a note (with Arabic) and Enter record it.
        await pilot.press("D")
        await settle(pilot)
        assert isinstance(app.screen, VerdictDialog)
        await type_text(pilot, "GNA says the drone raided Misrata")
        app.screen.query_one("#note").insert_text_at_cursor(" — رواية مضادة")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen
        history = review.history(store, "claim", lna["id"])
        assert [(h["old_status"], h["new_status"], h["reviewer"]) for h in history] == [
            ("unreviewed", "disputed", REVIEWER)]
        assert history[0]["note"] == "GNA says the drone raided Misrata — رواية مضادة"
        # The decision shows at once: in the panel and in the history panel.
        assert panel.border_subtitle == "disputed"
        assert "disputed" in str(panel.query_one("#meta-status", BidiText).styled_text())
        assert "رواية مضادة" in str(screen.query_one("#history-body", BidiText).styled_text())

        # z undoes the reviewer's last decision (a new row; nothing is deleted).
        await pilot.press("z")
        await settle(pilot)
        history = review.history(store, "claim", lna["id"])
        assert [h["new_status"] for h in history] == ["disputed", "unreviewed"]
        assert history[1]["undo_of"] == history[0]["id"]
        assert panel.border_subtitle == "unreviewed"

        # d marks again at once, without the form.
        await pilot.press("d")
        await settle(pilot)
        assert not isinstance(app.screen, VerdictDialog)
        assert review.current_status(store, "claim", [lna["id"]])[lna["id"]]["status"] == "disputed"
        assert [h["new_status"] for h in review.history(store, "claim", lna["id"])] == [
            "disputed", "unreviewed", "disputed"]

        # The pair itself: confirmed.
        await pilot.press("y")
        await settle(pilot)
        assert review.current_status(store, "conflict", [conflict_id])[conflict_id]["status"] == "confirmed"

        # Back in the queue the row shows the new state; export the queue's claims to CSV.
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is queue
        assert table.records[table.get_row_index(conflict_id)].status == "confirmed"
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, ExportDialog)
        out = tmp_path / "queue.csv"
        app.screen.query_one("#export-path").value = str(out)
        await pilot.press("enter")
        await settle(pilot)

    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = {r["claim_id"]: r for r in csv.DictReader(f)}
    shown = store.conflicts(min_confidence=load_settings().conflicts.min_confidence)  # what the queue showed
    conflict_claims = {i for c in shown for i in (c["claim_a"], c["claim_b"])}
    assert set(rows) == conflict_claims
    assert rows[lna["id"]]["status"] == "disputed"
    assert rows[lna["id"]]["reviewer"] == REVIEWER
    assert rows[lna["id"]]["content"] == lna["content"]  # logical order: display modes never reach exports
    assert conflict_id in rows[lna["id"]]["conflict_ids"]


def test_claims_browser_filters_searches_and_exports(desk, tmp_path):
    asyncio.run(_claims_browser_filters_searches_and_exports(desk, tmp_path))


async def _claims_browser_filters_searches_and_exports(desk, tmp_path):
    store, conflict_id = desk
    target = store.claim(store.conflicts()[0]["claim_a"])
    review.record(store, "claim", target["id"], "false", REVIEWER, note="seen elsewhere")
    app = DeskApp(store, REVIEWER, "shape")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ClaimsScreen)
        table = screen.query_one("#claims", PagedTable)
        total = store.claim_count()
        assert table.row_count == min(total, 200)
        assert f"{total} claims" in header_counts(screen)
        assert "1 false" in header_counts(screen)

        # Search without hamza or diacritics finds the spelling with them (أسقطت).
        await pilot.press("slash")
        await type_text(pilot, "اسقطت")
        await pilot.press("enter")
        await settle(pilot)
        found = [r.content for r in table.records]
        assert found and all("أسقطت" in c or "اسقطت" in c for c in found)

        # Status filter: only the claim marked false; export writes exactly what is shown.
        screen.query_one("#filter-search").value = ""
        screen.query_one("#filter-status").value = "false"
        await settle(pilot)
        assert [r.id for r in table.records] == [target["id"]]
        table.focus()
        await pilot.press("e")
        await settle(pilot)
        out = tmp_path / "false.csv"
        app.screen.query_one("#export-path").value = str(out)
        await pilot.press("enter")
        await settle(pilot)

        # Enter opens the claim in its article, with every claim of the article marked.
        await pilot.press("enter")
        await settle(pilot)
        article = app.screen
        assert isinstance(article, ArticleScreen)
        assert article.claims[article.index]["id"] == target["id"]
        assert len(article.claims) == len(store.claims(article=target["article_id"]))
        before = article.index
        await pilot.press("n")
        assert article.index == (before + 1) % len(article.claims)
        await pilot.press("p")
        assert article.index == before

    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [(r["claim_id"], r["status"], r["note"]) for r in rows] == [(target["id"], "false", "seen elsewhere")]


def test_help_bidi_key_and_undo_with_nothing_to_undo(desk):
    asyncio.run(_help_bidi_key_and_undo_with_nothing_to_undo(desk))


async def _help_bidi_key_and_undo_with_nothing_to_undo(desk):
    store, _ = desk
    app = DeskApp(store, REVIEWER, "off")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, QueueScreen)
        for expected in ("on", "shape", "off"):
            await pilot.press("B")
            assert app.bidi_mode == expected
            assert f"bidi: {expected}" in str(app.screen.query_one("#header-user").render())
        await pilot.press("z")  # nothing recorded yet: a warning, no row
        await settle(pilot)
        assert review.last_decision_by(store, REVIEWER) is None


def test_mouse_opens_a_conflict_and_saves_a_verdict(desk):
    asyncio.run(_mouse_opens_a_conflict_and_saves_a_verdict(desk))


async def _mouse_opens_a_conflict_and_saves_a_verdict(desk):
    store, _ = desk
    app = DeskApp(store, REVIEWER, "off")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#queue", PagedTable)
        wanted = table.records[2].id
        # Row 2 sits under the header line: a first click moves the cursor there, a second one opens it.
        await pilot.click("#queue", offset=(10, 3))
        await pilot.click("#queue", offset=(10, 3))
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ConflictScreen) and screen.conflict_id == wanted
        await pilot.click("#panel-b")
        assert screen.focused is screen.query_one("#panel-b")
        await pilot.press("C")
        await settle(pilot)
        await pilot.click("#save")
        await settle(pilot)
        claim_b = screen.data["b"]["id"]
        assert review.current_status(store, "claim", [claim_b])[claim_b]["status"] == "needs-context"


def screen_text(app) -> str:
    """Every character the desk has painted on the terminal, line by line (no styles)."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def test_stored_text_is_shown_literally(desk):
    asyncio.run(_stored_text_is_shown_literally(desk))


async def _stored_text_is_shown_literally(desk):
    store, conflict_id = desk
    conflict = store.conflicts()[0]
    claim = store.claim(conflict["claim_a"])
    article = store.article(claim["article_id"])
    article.name = "[/b]\x1b]0;pwned\x07"  # a name, note and reviewer holding markup and control sequences
    store.save_article(article, [c for c in store.all_claims() if c.article_id == article.id], "builtin")
    reviewer = "[/r]amina\x1b[2J"
    review.record(store, "claim", claim["id"], "false", reviewer, note="see [/link] \x1b[2J \u202edone")
    app = DeskApp(store, reviewer, "off")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#queue", PagedTable).select_key(conflict["id"])
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ConflictScreen)
        await pilot.press("left" if conflict["claim_a"] == app.screen.data["a"]["id"] else "right")
        await settle(pilot)
        shown = screen_text(app)
    assert "\x1b" not in shown and "\u202e" not in shown and "\x07" not in shown
    assert "[/link] ␛[2J" in shown and "[/r]amina␛[2J" in shown and "[/b]␛]0;pwned␇" in shown


def test_a_note_on_the_pair_is_shown(desk):
    asyncio.run(_a_note_on_the_pair_is_shown(desk))


async def _a_note_on_the_pair_is_shown(desk):
    store, conflict_id = desk
    app = DeskApp(store, REVIEWER, "off")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#queue", PagedTable).select_key(conflict_id)
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        await pilot.press("X")  # not a conflict, with a note
        await settle(pilot)
        assert isinstance(app.screen, VerdictDialog)
        await type_text(pilot, "same event, two phrasings")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen
        assert review.history(store, "conflict", conflict_id)[0]["note"] == "same event, two phrasings"
        status = str(screen.query_one("#reason-status").render())
        history = str(screen.query_one("#history-body", BidiText).styled_text())
    assert status == "pair: not-a-conflict by tester · same event, two phrasings"
    assert "the pair" in history and "unreviewed → not-a-conflict" in history


@pytest.fixture
def big_desk(tmp_path):
    """Three copies of each seed article: more claims than the browser loads in two pages."""
    from claimcheck.pipeline import ingest_paths
    from claimcheck.store.database import Store
    from conftest import SEEDS

    folder = tmp_path / "copies"
    folder.mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        for i in range(3):
            (folder / f"{i}_{seed.name}").write_text(f"{seed.read_text(encoding='utf-8')}\nنسخة {i}\n", encoding="utf-8")
    store = Store(f"sqlite:///{tmp_path / 'big.db'}")
    ingest_paths(store, [folder])
    yield store
    store.close()


def test_paging_past_the_first_pages(big_desk):
    asyncio.run(_paging_past_the_first_pages(big_desk))


async def _paging_past_the_first_pages(store):
    from claimcheck.store import queries
    from tui.screens.claims import PAGE

    total = store.claim_count()
    assert total > 2 * PAGE
    app = DeskApp(store, REVIEWER, "off")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await settle(pilot)
        table = app.screen.query_one("#claims", PagedTable)
        assert len(table.records) == PAGE
        table.focus()
        for _ in range(total):  # page down until every row is loaded
            if len(table.records) == total:
                break
            await pilot.press("pagedown")
            await settle(pilot, 1)
        ids = [r.id for r in table.records]
        assert table.row_count == total
        assert ids == [r.id for r in queries.claim_page(store, queries.ClaimFilter(), total)]
        # A quick mark on a row far down shows in its row at once.
        table.move_cursor(row=total - 1)
        await pilot.press("f")
        await settle(pilot)
        assert table.records[-1].status == "false"
        assert str(table.get_cell(ids[-1], "status")) == "false"
        assert "1 false" in header_counts(app.screen)


def test_a_quick_mark_repaints_at_once(desk):
    asyncio.run(_a_quick_mark_repaints_at_once(desk))


async def _a_quick_mark_repaints_at_once(desk):
    store, conflict_id = desk
    app = DeskApp(store, REVIEWER, "off")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#queue", PagedTable).select_key(conflict_id)
        await pilot.press("enter")
        await settle(pilot)
        panel = app.screen.query_one("#panel-a", ClaimPanel)
        await pilot.press("v")
        await settle(pilot)
        assert panel.border_subtitle == "verified"
        assert str(panel.query_one("#meta-status", BidiText).styled_text()).startswith("verified · tester")
        await pilot.press("y")
        await settle(pilot)
        assert str(app.screen.query_one("#reason-status").render()) == "pair: confirmed by tester"


def test_queue_speakers_home_end_export_path_and_note_keys(desk, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    asyncio.run(_queue_speakers_home_end_export_path_and_note_keys(desk, tmp_path))


async def _queue_speakers_home_end_export_path_and_note_keys(desk, tmp_path):
    from tui import bidi

    store, conflict_id = desk
    app = DeskApp(store, REVIEWER, "shape")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#queue", PagedTable)
        # Each side of a conflict: the speaker (shaped, in shape mode) beside outlet and side.
        row = table.records[table.get_row_index(conflict_id)]
        for side in ("a", "b"):
            shown = str(table.get_cell(conflict_id, side))
            assert all(bidi.display(word, "shape") in shown for word in getattr(row, f"speaker_{side}").split()[:1]), shown
            assert getattr(row, f"outlet_{side}") in shown and getattr(row, f"side_{side}") in shown
        # Home and End go to the first and the last row.
        table.focus()
        await pilot.press("end")
        assert table.cursor_row == table.row_count - 1
        await pilot.press("home")
        assert table.cursor_row == 0
        # The export dialog offers an absolute path, and the message after it names one.
        await pilot.press("e")
        await settle(pilot)
        assert app.screen.query_one("#export-path").value == str(tmp_path / "claimcheck-conflicts.csv")
        app.screen.query_one("#export-path").value = "out.csv"
        await pilot.press("enter")
        await settle(pilot)
        assert (tmp_path / "out.csv").exists()
        assert any(f"to {tmp_path / 'out.csv'}" in str(n.message) for n in app._notifications)
        # The keys that open the note form are in the footer.
        assert table.select_key(conflict_id)
        await pilot.press("enter")
        await settle(pilot)
        footer = screen_text(app).splitlines()[-1]
    for key in ("D", "V", "X", "Y"):
        assert f" {key} " in f" {footer} ", footer


def test_arabic_typed_into_inputs_is_shown_shaped_when_not_edited(desk):
    asyncio.run(_arabic_typed_into_inputs_is_shown_shaped_when_not_edited(desk))


async def _arabic_typed_into_inputs_is_shown_shaped_when_not_edited(desk):
    from tui import bidi

    store, conflict_id = desk
    app = DeskApp(store, REVIEWER, "shape")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#queue", PagedTable).select_key(conflict_id)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("D")
        await settle(pilot)
        note = app.screen.query_one("#note")
        note.insert_text_at_cursor("رواية مضادة")
        await pilot.pause()
        assert note.render_line(0).text.startswith("رواية مضادة")  # being edited: as typed
        app.screen.query_one("#evidence").focus()
        await pilot.pause()
        shown = bidi.display("رواية مضادة", "shape")
        assert shown != "رواية مضادة" and note.render_line(0).text.startswith(shown)
        assert note.value == "رواية مضادة"
        # The claims browser's search box, once the search is run and the table has the focus.
        await pilot.press("escape", "escape", "2")
        await settle(pilot)
        search = app.screen.query_one("#filter-search")
        search.focus()
        search.value = "اسقطت"
        app.screen.query_one("#claims").focus()
        await settle(pilot)
        assert search.render_line(0).text.startswith(bidi.display("اسقطت", "shape"))


def test_the_header_counts_one_claim_in_the_singular():
    from tui.widgets.header import count_line

    assert count_line({"unreviewed": 1}, ("unreviewed", "verified"), "claim") == "1 claim · 1 unreviewed"
    assert count_line({"unreviewed": 9, "confirmed": 2}, ("unreviewed", "confirmed"), "conflict", shown=3) == \
        "11 conflicts · 9 unreviewed · 2 confirmed · 3 shown"
