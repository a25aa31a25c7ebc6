"""Text with numbered blanks: the quizzed section (or a review card's sentence), drawn line by line."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from rich.cells import cell_len
from rich.segment import Segment
from rich.text import Text
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ..core.session import Blank, QuizSession, placeholder
from ..core.wrap import wrap


@dataclass
class Row:
    """One block of the drawn text: a heading, or a paragraph of text and blanks."""

    kind: Literal["heading", "paragraph", "caption"]
    parts: list[str | Blank] = field(default_factory=list)
    level: int = 1


class BlankText(ScrollView, can_focus=False):
    """Draws rows of text with blanks sized to their answers; keeps the active blank in view."""

    COMPONENT_CLASSES = {
        "blank-text--heading",
        "blank-text--caption",
        "blank-text--pending",
        "blank-text--active",
        "blank-text--cursor",
        "blank-text--right",
        "blank-text--near",
        "blank-text--wrong",
        "blank-text--revealed",
    }
    DEFAULT_CSS = """
    BlankText { background: $surface; padding: 0 1; overflow-x: hidden; overflow-y: auto; }
    BlankText > .blank-text--heading { color: $text-primary; text-style: bold; }
    BlankText > .blank-text--caption { color: $text-muted; text-style: italic; }
    BlankText > .blank-text--pending { color: $text-muted; text-style: underline; }
    BlankText > .blank-text--active { background: $accent; color: $text; text-style: bold; }
    BlankText > .blank-text--cursor { text-style: reverse; }
    BlankText > .blank-text--right { color: $text-success; text-style: bold; }
    BlankText > .blank-text--near { color: $text-warning; text-style: bold; }
    BlankText > .blank-text--wrong { color: $text-error; text-style: bold; }
    BlankText > .blank-text--revealed { color: $text-secondary; text-style: bold italic; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._rows: list[Row] = []
        self._session: QuizSession | None = None
        self._lines: list[Text] = []
        self._active_line = 0
        self._layout_width = 0

    def show(self, rows: list[Row], session: QuizSession) -> None:
        self._rows = rows
        self._session = session
        self.redraw()

    @property
    def active_line(self) -> int:
        return self._active_line

    @property
    def lines(self) -> list[Text]:
        """The drawn lines with their styles."""
        return list(self._lines)

    @property
    def plain_lines(self) -> list[str]:
        """The drawn lines as plain text (what a reader sees, for tests and screen readers)."""
        return [line.plain for line in self._lines]

    def on_resize(self) -> None:
        self.redraw()

    def watch_show_vertical_scrollbar(self) -> None:
        # The scrollbar appears once the lines outgrow the pane and takes cells from their
        # width, without a resize: lines laid out before it would lose their ends under it.
        if self.scrollable_content_region.width != self._layout_width:
            self.redraw()

    def redraw(self) -> None:
        """Lay the rows out again at the current width and keep the active blank in view."""
        width = self.scrollable_content_region.width
        if width <= 0 or self._session is None:
            return
        lines: list[Text] = []
        active_line = 0
        for number, row in enumerate(self._rows):
            if number:
                lines.append(Text(""))
            text, active_at, unanswered = self._row_text(row)
            for start, end in _wrap_with_blanks(text.plain, unanswered, width):
                if active_at is not None and start <= active_at < max(end, start + 1):
                    active_line = len(lines)
                lines.append(text[start:end])
        self._lines = lines
        self._active_line = active_line
        self._layout_width = width
        self.virtual_size = Size(width, len(lines))
        self.refresh()
        self.scroll_to_active()

    def scroll_to_active(self) -> None:
        height = self.scrollable_content_region.height
        y = self.scroll_offset.y
        if not (y <= self._active_line < y + height):
            self.scroll_to(y=max(0, self._active_line - height // 3), animate=False)

    def _row_text(self, row: Row) -> tuple[Text, int | None, list[tuple[int, int]]]:
        """A row as styled text, where its active blank starts, and the spans of its placeholders."""
        if row.kind != "paragraph":
            style = self.get_component_rich_style(f"blank-text--{row.kind}")
            return Text("".join(str(part) for part in row.parts), style=style), None, []
        session = self._session
        assert session is not None
        text = Text()
        active_at = None
        unanswered: list[tuple[int, int]] = []
        at = 0
        for part in row.parts:
            if isinstance(part, str):
                text.append(part)
                at += len(part)
                continue
            state = session.states[part.index]
            active = part.index == session.active
            if state.graded:
                shown = part.answer
                style = self.get_component_rich_style(f"blank-text--{state.status}")
                if active:
                    # Tab went back to an answered blank: keep its colour, show it is the one.
                    style += self.get_component_rich_style("blank-text--cursor", partial=True)
            else:
                shown = placeholder(part.number, part.cells, session.shown(part.index))
                style = self.get_component_rich_style("blank-text--active" if active else "blank-text--pending")
                unanswered.append((at, at + len(shown)))
            if active:
                active_at = at
            text.append(shown, style)
            at += len(shown)
        return text, active_at, unanswered

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = y + self.scroll_offset.y
        base = self.rich_style
        if index >= len(self._lines):
            return Strip.blank(width, base)
        line = self._lines[index]
        segments = [Segment(s.text, base + s.style if s.style else base) for s in line.render(self.app.console)]
        strip = Strip(segments, line.cell_len)
        return strip.extend_cell_length(width, base).crop(0, width)


def _wrap_with_blanks(plain: str, unanswered: list[tuple[int, int]], width: int) -> list[tuple[int, int]]:
    """Line spans of a row whose placeholders may break like the Chinese text around them.

    A placeholder ("5_____") is a run of narrow characters, which the wrapper keeps
    whole together with any narrow neighbour (the closing quote, the next blank), so a
    line of blanks would end early and leave a ragged gap. The wrapper is given a
    stand-in of the same width instead, made of wide characters that may break between
    them, as the answer will once filled in and as the text around it does. Its head
    (the number, any hinted letters, and fill up to 4 cells or more) is one wide
    character followed by closing punctuation, which never starts a line: a number
    never ends a line alone, and no lone cell of fill starts one.
    """
    if not unanswered:
        return wrap(plain, width)
    chars: list[str] = []
    starts: list[int] = []  # where in `plain` each stand-in character starts
    at = 0
    for begin, end in unanswered:
        chars.extend(plain[at:begin])
        starts.extend(range(at, begin))
        fill = end
        while fill > begin and plain[fill - 1] == _FILL:
            fill -= 1
        head, head_cells = fill, cell_len(plain[begin:fill])
        while head < end and (head_cells < 4 or (end - head) % 2):
            head += 1
            head_cells += 1
        # The index in `plain` of each cell of the head, to map its stand-ins back.
        cells = [k for k in range(begin, head) for _ in range(max(1, cell_len(plain[k])))]
        offset = 0
        for part in _head(head_cells):
            chars.append(part)
            starts.append(cells[offset])
            offset += cell_len(part)
        for k in range(head, end, 2):
            chars.append(_STAND_IN)
            starts.append(k)
        at = end
    chars.extend(plain[at:])
    starts.extend(range(at, len(plain)))
    starts.append(len(plain))
    return [(starts[start], starts[end]) for start, end in wrap("".join(chars), width)]


def _head(cells: int) -> str:
    """An unbreakable stand-in `cells` wide that may break before it: wide, then closing marks."""
    if cells < 2:
        return "x" * cells
    return _STAND_IN + "\uff09" * ((cells - 2) // 2) + ")" * (cells % 2)


_FILL = "_"  # what `placeholder` fills a blank with
_STAND_IN = "\uff3f"  # FULLWIDTH LOW LINE: two cells, and no punctuation rule applies to it
