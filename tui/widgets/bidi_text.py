"""Text widgets that show Arabic in the app's display mode.

They hold text in logical order and transform it at render time, after wrapping to the width
they are given, so a change of width or of display mode only needs a repaint.
"""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget
from textual.widgets import Input

from claimcheck.analysis.text import visible

from ..bidi import BidiRenderable, display, has_rtl


class BidiText(Widget):
    """A block of (possibly styled) text; ``text-align`` in CSS aligns it (``start`` follows the text's direction)."""

    def __init__(self, text: str | Text = "", **kwargs) -> None:
        super().__init__(**kwargs)
        self._text = Text(text) if isinstance(text, str) else text

    def update(self, text: str | Text) -> None:
        self._text = Text(text) if isinstance(text, str) else text
        self.refresh(layout=True)

    def styled_text(self) -> Text:
        return self._text

    def render(self) -> BidiRenderable:
        return BidiRenderable(self.styled_text(), getattr(self.app, "bidi_mode", "off"), str(self.styles.text_align))


class BidiInput(Input):
    """An input whose Arabic is shown in the app's display mode while it is not being edited.

    While it has the focus it shows the text in logical order, as typed, so that the cursor and
    the selection sit on the characters they edit; the value itself is always the logical text.
    """

    @property
    def _value(self) -> Text:
        mode = getattr(self.app, "bidi_mode", "off")
        if self.has_focus or self.password or mode == "off" or not has_rtl(self.value):
            return super()._value
        return Text(display(visible(self.value), mode), no_wrap=True, overflow="ignore", end="")


class MarkedText(BidiText):
    """A window of an article with claim parts marked; the styles of the marks live in the .tcss."""

    COMPONENT_CLASSES = {"mark--cue", "mark--speaker", "mark--content", "mark--sentence", "mark--current",
                         "mark--chrome"}

    def __init__(self, source: str, start: int, end: int, marks: list[tuple[int, int, str]] = (), **kwargs) -> None:
        super().__init__(**kwargs)
        self.source, self.start, self.end = source, start, end
        self.marks = list(marks)

    def set_marks(self, marks: list[tuple[int, int, str]]) -> None:
        self.marks = list(marks)
        self.refresh()

    def styled_text(self) -> Text:
        text = Text(self.source[self.start : self.end])
        for start, end, role in self.marks:
            start, end = max(start, self.start), min(end, self.end)
            if start < end:
                text.stylize(self.get_component_rich_style(f"mark--{role}", partial=True),
                             start - self.start, end - self.start)
        return text
