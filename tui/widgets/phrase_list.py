"""The phrase editor's list: a phrase in use reads ✓, one switched off is struck through, with or without colour."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.widgets import SelectionList
from textual.widgets.option_list import OptionDoesNotExist

ON, OFF = "✓", " "
STRUCK = Style(strike=True)


class PhraseList(SelectionList[str]):
    """A SelectionList whose check box says on or off in its glyph, not only in its colour.

    Textual draws the same ▐X▌ for both states; a terminal without colour, or a reader
    who does not tell the colours apart, could not see which phrases are quizzed.
    """

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        try:
            selection = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return strip
        segments = list(strip)
        if len(segments) < 4:
            return strip
        left, box, right, gap, *prompt = segments
        on = selection.value in self._selected
        box = Segment(ON if on else OFF, box.style)
        if not on:
            prompt = [
                Segment(part.text, (part.style or Style()) + STRUCK) if part.text.strip() else part for part in prompt
            ]
        return Strip([left, box, right, gap, *prompt], strip.cell_length)
