"""Arabic lines for terminals that do not lay them out themselves.

Textual draws characters cell by cell in logical order. GNOME Terminal, Konsole and mlterm
reorder (and shape) each line themselves; tmux, Alacritty, xterm and most others do not, so
Arabic shows backwards with unjoined letters. The desk therefore offers display modes:

- ``off``: logical order, the terminal does the rest;
- ``on``: reorder each *displayed* line with python-bidi (for terminals that shape but do not reorder);
- ``shape``: also replace letters with their joined presentation forms (arabic-reshaper);
- ``auto``: pick one of the above from the environment.

Everything here is display-only: the store, exports and the model keep logical order. Lines are
transformed after wrapping, because reordering a paragraph and then wrapping it would put its end on
the first line.
"""

from __future__ import annotations

import io
import os
import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache

import arabic_reshaper
from bidi import algorithm as _uba
from bidi import get_base_level
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text

from claimcheck.analysis.text import visible

MODES = ("auto", "on", "off", "shape")
CYCLE = ("off", "on", "shape")

_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")

# Letters are reshaped one for one (no ligatures, marks kept) so that every glyph still sits at the
# index of its letter and the styles of cue, speaker and content stay on the right characters.
_RESHAPER = arabic_reshaper.ArabicReshaper(configuration={"delete_harakat": False, "support_ligatures": False})

# lam (initial, medial) + alef (final form, plain / madda / hamza above / hamza below) → lam-alef ligature.
_LAM_INITIAL, _LAM_MEDIAL = "\ufedf", "\ufee0"
_LAM_ALEF = {"\ufe8e": ("\ufefb", "\ufefc"), "\ufe82": ("\ufef5", "\ufef6"),
             "\ufe84": ("\ufef7", "\ufef8"), "\ufe88": ("\ufef9", "\ufefa")}


def detect(env: Mapping[str, str] | None = None) -> str:
    """The mode for this terminal: ``off`` where the terminal does bidi itself, else ``shape``."""
    env = os.environ if env is None else env
    if env.get("TMUX") or env.get("STY"):
        # A multiplexer redraws cell by cell, so even a bidi terminal underneath cannot reorder.
        return "shape"
    if env.get("VTE_VERSION") or env.get("KONSOLE_VERSION") or env.get("MLTERM"):
        return "off"
    if env.get("TERM_PROGRAM") == "WezTerm":
        return "on"  # shapes with harfbuzz, but does not reorder by default
    return "shape"


def resolve(mode: str, env: Mapping[str, str] | None = None) -> str:
    """``auto`` → the detected mode; any other mode as given."""
    if mode not in MODES:
        raise ValueError(f"unknown bidi mode {mode!r}; choose one of {', '.join(MODES)}")
    return detect(env) if mode == "auto" else mode


def has_rtl(text: str) -> bool:
    return _RTL.search(text) is not None


def is_rtl(text: str) -> bool:
    """True when the first strong character is right-to-left (the paragraph direction)."""
    return has_rtl(text) and get_base_level(text) == 1


def _shape(plain: str) -> tuple[str, set[int]]:
    """Joined forms, index for index, and the indexes swallowed by a lam-alef ligature."""
    shaped = _RESHAPER.reshape(plain)
    if len(shaped) != len(plain):  # never lose the index mapping; show unjoined letters instead
        return plain, set()
    chars, dropped = list(shaped), set()
    for i in range(len(chars) - 1):
        if chars[i] in (_LAM_INITIAL, _LAM_MEDIAL) and chars[i + 1] in _LAM_ALEF:
            isolated, final = _LAM_ALEF[chars[i + 1]]
            chars[i] = isolated if chars[i] == _LAM_INITIAL else final
            dropped.add(i + 1)
    return "".join(chars), dropped


def _visual(line: str, rtl: bool) -> list[tuple[int, str]]:
    """(logical index, glyph) in display order: UBA rules with mirroring, per python-bidi."""
    storage = _uba.get_empty_storage()
    storage["base_level"] = 1 if rtl else 0
    storage["base_dir"] = "R" if rtl else "L"
    _uba.get_embedding_levels(line, storage)
    for index, ch in enumerate(storage["chars"]):
        ch["index"] = index  # carried through the reordering, so styles can follow their characters
    _uba.explicit_embed_and_overrides(storage)
    _uba.resolve_weak_types(storage, False)
    _uba.resolve_neutral_types(storage, False)
    _uba.resolve_implicit_levels(storage, False)
    _uba.reorder_resolved_levels(storage, False)
    _uba.apply_mirroring(storage, False)
    # L3: after reversal a combining mark precedes its base letter; terminals draw marks on the cell
    # before them, so put each mark back after its base.
    out: list[tuple[int, str]] = []
    marks: list[tuple[int, str]] = []
    for ch in storage["chars"]:
        if ch["level"] % 2 and unicodedata.combining(ch["ch"]):
            marks.append((ch["index"], ch["ch"]))
            continue
        out.append((ch["index"], ch["ch"]))
        out.extend(marks)
        marks.clear()
    out.extend(marks)
    return out


def display_line(line: Text, mode: str, rtl: bool | None = None) -> Text:
    """One displayed line (already wrapped) in the order and forms this terminal needs.

    ``rtl`` is the direction of the paragraph the line came from; a wrapped line that happens to
    start with a Latin word still belongs to an Arabic paragraph.
    """
    plain = line.plain
    if mode == "off" or not has_rtl(plain):
        return line
    rtl = is_rtl(plain) if rtl is None else rtl
    source, dropped = _shape(plain) if mode == "shape" else (plain, set())
    styles = [line.get_style_at_offset(_CONSOLE, i) for i in range(len(plain))] if line.spans or line.style else None
    out = Text(style=line.style, end=line.end, no_wrap=True)
    for index, glyph in _visual(source, rtl):
        if index in dropped:
            continue
        out.append(glyph, styles[index] if styles else None)
    return out


@lru_cache(maxsize=4096)
def display(text: str, mode: str, rtl: bool | None = None) -> str:
    """A single line of plain text for display (table cells, titles)."""
    return display_line(Text(text), mode, rtl).plain


def cell(text: str | None, width: int, mode: str, style: str = "") -> Text:
    """A table cell: cut to ``width`` in logical order (so the *start* of an Arabic sentence
    stays visible), then transformed and right-aligned when Arabic."""
    text = visible(" ".join((text or "").split()))
    if len(text) > width:
        text = text[: width - 1].rstrip() + "…"
    rtl = is_rtl(text)
    out = Text(display(text, mode, rtl), style=style, no_wrap=True, overflow="ellipsis")
    out.justify = "right" if rtl else "left"
    return out


def _visible(text: Text) -> Text:
    """The text with its control characters shown (one for one, so its styles stay in place)."""
    shown = visible(text.plain)
    if shown == text.plain:
        return text
    text = text.copy()
    text.plain = shown
    return text


_CONSOLE = Console(width=10_000, color_system=None, file=io.StringIO())  # for style lookups only


class BidiRenderable:
    """Styled logical text, wrapped to the width it is given, then transformed line by line."""

    def __init__(self, text: Text, mode: str, align: str = "start") -> None:
        self.text = _visible(text)
        self.mode = mode
        self.align = align

    def _justify(self, rtl: bool) -> str:
        if self.align == "start":
            return "right" if rtl else "left"
        if self.align == "end":
            return "left" if rtl else "right"
        return self.align if self.align in ("left", "center", "right") else "left"

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        for paragraph in self.text.split("\n", allow_blank=True):
            rtl = is_rtl(paragraph.plain)
            justify = self._justify(rtl)
            for line in paragraph.wrap(console, width, justify="left", overflow="fold"):
                line.rstrip()
                shown = display_line(line, self.mode, rtl)
                shown.align(justify, width)
                shown.no_wrap = True
                shown.end = "\n"
                yield shown

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.text)
