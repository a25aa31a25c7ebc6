"""Places in the reader's laid-out text: a section's as a line, the top line's as a section, the matches near the view.

Textual-free. The text pane (tui/widgets/text_view.py) scrolls to the lines this gives and
draws what `TextLines` holds; a place is given in the text, not in lines, so that it
survives laying out again at another width.
"""

from __future__ import annotations

from collections.abc import Mapping

from .model import Document
from .text_lines import BLANK, HEADING, TextLines

Place = tuple[int, int, int]  # a section's index, its paragraph (HEADING: the heading), an offset in its text shown


class TextPlaces(TextLines):
    """The laid-out text with places to scroll to; one asked for before the lines are laid out is held till they are."""

    def __init__(self, captions: Mapping[str, str] | None = None) -> None:
        super().__init__(captions)
        self._held: Place | None = None

    def take_document(self, document: Document) -> None:
        super().take_document(document)
        self._held = None

    def section_place(self, section_id: str, at: float = 0.0) -> Place | None:
        """The place `at` in a section: a paragraph index plus the fraction of it above the top (0: the heading)."""
        number = self._index.get(section_id)
        if number is None:
            return None
        paragraphs = self._sections[number].paragraphs
        paragraph = int(at)
        if at <= 0 or paragraph >= len(paragraphs):
            return (number, HEADING, 0)
        return (number, paragraph, int((at - paragraph) * len(self._source(number, paragraph))))

    def position_at(self, top: int) -> tuple[str, float] | None:
        """The section at line `top` and the place in it, independent of the width (see `section_place`)."""
        if not self._lines:
            return None
        y = min(top, len(self._lines) - 1)
        # A blank line belongs to the text before it (a section's last blank, to the previous
        # section): the place is the text that follows it, as the reader sees it.
        while self._lines[y][1] == BLANK and y + 1 < len(self._lines):
            y += 1
        number, paragraph, start, _ = self._lines[y]
        if paragraph < 0:
            return self._sections[number].id, 0.0
        text = self._source(number, paragraph)
        return self._sections[number].id, paragraph + (start / len(text) if text else 0.0)

    def anchor_at(self, top: int) -> Place | None:
        """The place to keep at the top when laying out again: the one held, else the text at line `top`."""
        if self._held is not None or not self._lines:
            return self._held
        y = min(top, len(self._lines) - 1)
        while self._lines[y][1] == BLANK:  # a blank line is never last: anchor to what follows
            y += 1
        number, paragraph, start, _end = self._lines[y]
        return (number, paragraph, start)

    @property
    def held(self) -> Place | None:
        """The place asked for before the lines were laid out."""
        return self._held

    def line_to_show(self, place: Place) -> int | None:
        """The line to scroll to for `place`; None if there is no such line, or none yet (then it is held)."""
        if not self._lines:
            self._held = place  # applied once laid out
            return None
        line = self._line_of(*place)
        if line is None:
            return None
        self._held = None
        return line

    def section_in_view(self, top: int) -> str | None:
        """The section at line `top`, or the one held to be scrolled to."""
        if not self._lines:
            return None
        number = self._held[0] if self._held is not None else self._lines[min(top, len(self._lines) - 1)][0]
        return self._sections[number].id

    # ---- search ----

    def match_line(self, index: int) -> int:
        number, paragraph, start, _end = self._matches[index]
        return self._line_of(number, paragraph, start) or 0

    def match_step(self, top: int, step: int) -> int | None:
        """The match after (step 1) or before (-1) the current one; at first, the first at or below line
        `top`, or the last above it. None without matches."""
        count = len(self._matches)
        if not count:
            return None
        if self._match_index is not None:
            return (self._match_index + step) % count
        if step > 0:
            return next((index for index in range(count) if self.match_line(index) >= top), 0)
        earlier = [index for index in range(count) if self.match_line(index) < top]
        return earlier[-1] if earlier else count - 1

    def choose_match(self, index: int) -> str:
        """Make match `index` the current one; the id of its section."""
        self._match_index = index
        return self._sections[self._matches[index][0]].id
