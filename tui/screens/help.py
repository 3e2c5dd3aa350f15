"""The keys, screen by screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

HELP = """\
# claimcheck desk

**Everywhere** — `?` this help · `1` conflict queue · `2` claims · `z` undo your last decision ·
`B` cycle the Arabic display (off → on → shape) · `q` quit · mouse: click rows, fields and buttons

**Conflict queue** — `↑↓` move · `enter` open side by side · `/` filters (type, outlet, side, status) ·
`e` export the claims of the conflicts shown · `r` reload

**Side by side** — `←→`/`tab` choose claim A or B · mark the chosen claim: `v` verified · `d` disputed ·
`f` false · `c` needs context · `u` unreviewed · with **shift** (`V D F C U`) the same with a note and an
evidence URL · the pair: `y` confirmed · `x` not a conflict (`Y` `X` with a note) ·
`a` / `b` open article A / B at the claim · `h` history · `esc` back

**Claims** — `/` search (ignores diacritics, tatweel and hamza forms) · filters by outlet, side, status ·
`enter` open the claim in its article · `v d f c u` (`V D F C U`) mark · `e` export what is shown · `h` history

**Article** — `n` / `p` next / previous claim · `v d f c u` mark the current claim · `h` history · `esc` back

Cue, speaker and content are marked in different styles; page furniture (captions, teasers) is dimmed.
Display modes change only what is drawn: stored and exported text is never reordered or reshaped.

*`esc`, `?` or `q` closes this help.*
"""


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,question_mark,q", "app.pop_screen", "close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Markdown(HELP)
