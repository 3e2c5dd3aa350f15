"""Display strings of the desk's Arabic modes (tui/bidi.py): what a terminal is sent, never what is stored."""

from __future__ import annotations

import json
import unicodedata

import pytest
from bidi.algorithm import get_display as reference_display
from rich.console import Console
from rich.text import Text

from tui import bidi

from conftest import GOLD

SENTENCES = [json.loads(line)["sentence"] for line in (GOLD / "gold.jsonl").read_text(encoding="utf-8").splitlines()]


def test_off_leaves_text_in_logical_order():
    assert bidi.display("قال المسماري", "off") == "قال المسماري"


def test_on_reverses_arabic_and_keeps_latin_and_numbers_readable():
    # Logical: qaf-alef-lam, then "TB2", then 9: the Arabic runs reverse, "TB2" and "9" keep their order.
    assert bidi.display("قال TB2 أسقطت 9", "on") == "9 تطقسأ TB2 لاق"


def test_on_mirrors_brackets_and_guillemets():
    # An opening « at the right of an RTL line must be drawn as », so the pair still encloses the quote.
    assert bidi.display("قال «لا» (نعم)", "on") == "(معن) «ال» لاق"


def _letters(text: str) -> str:
    return "".join(c for c in text if not unicodedata.combining(c))


@pytest.mark.parametrize("sentence", SENTENCES, ids=[f"gold-{i}" for i in range(len(SENTENCES))])
def test_on_matches_python_bidi_for_every_gold_sentence(sentence):
    """Index tracking for styles must not change the order python-bidi's algorithm gives.

    Only harakat may differ: the desk puts each mark back after its letter (UAX #9, L3).
    """
    assert _letters(bidi.display(sentence, "on")) == _letters(reference_display(sentence))


def test_shape_joins_letters_and_forms_lam_alef():
    shown = bidi.display("قال لا", "shape")
    # lam-alef ligature (isolated), then reversed "qal" in presentation forms: final lam, medial alef... isolated qaf.
    assert shown == "\ufefb \ufedd\ufe8e\ufed7"
    assert bidi.display("الله", "shape") == "\ufeea\ufee0\ufedf\ufe8d"


def test_shape_keeps_harakat_after_their_letter():
    shown = bidi.display("قالَ", "shape")
    assert shown.index("\u064e") == shown.index("\ufedd") + 1  # the fatha follows the lam it belongs to


def test_styles_follow_their_characters_through_reordering():
    line = Text("قال المسماري")
    line.stylize("bold", 0, 3)  # the cue
    shown = bidi.display_line(line, "on")
    assert shown.plain == "يرامسملا لاق"
    bold = [shown.plain[s.start:s.end] for s in shown.spans if "bold" in str(s.style)]
    assert "".join(bold) == "لاق"


def test_latin_lines_are_untouched_in_every_mode():
    for mode in ("on", "shape"):
        assert bidi.display("Same exchange (Blinken)", mode) == "Same exchange (Blinken)"


def test_cells_cut_the_end_of_an_arabic_sentence_not_its_start():
    cell = bidi.cell("قال المسماري إن قواته أسقطت طائرة", 12, "on")
    assert cell.plain == "…رامسملا لاق"  # "قال المسمار…" reordered: the cue stays visible, at the right
    assert cell.justify == "right"


def test_wrapped_paragraph_starts_on_the_first_line():
    """Lines are reordered after wrapping: the first words of the paragraph stay on the first line."""
    text = Text("قال المسماري إن قواته أسقطت طائرة تركية")
    console = Console(width=20, color_system=None, record=True)
    console.print(bidi.BidiRenderable(text, "on"))
    lines = console.export_text().splitlines()
    assert lines[0].rstrip().endswith("لاق")
    assert all(len(line) == 20 for line in lines)  # right-aligned: padded on the left


def test_auto_picks_a_mode_from_the_terminal():
    assert bidi.resolve("auto", {"TMUX": "/tmp/tmux-0/default"}) == "shape"
    assert bidi.resolve("auto", {"VTE_VERSION": "7200"}) == "off"
    assert bidi.resolve("auto", {"KONSOLE_VERSION": "230800"}) == "off"
    assert bidi.resolve("auto", {"TERM_PROGRAM": "WezTerm"}) == "on"
    assert bidi.resolve("auto", {}) == "shape"
    assert bidi.resolve("on", {"VTE_VERSION": "7200"}) == "on"
    with pytest.raises(ValueError):
        bidi.resolve("sideways")
