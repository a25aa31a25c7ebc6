"""Text with numbered blanks: the quizzed section (or a review card's sentence), drawn line by line."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ..core.quiz import hint
from ..core.session import Blank, QuizSession, placeholder
from ..core.wrap import CONTROL_TO_SPACE, cell_width, rewrap, wrap


@dataclass
class Row:
    """One block of the drawn text: a heading, or a paragraph of text and blanks."""

    kind: Literal["heading", "paragraph", "caption"]
    parts: list[str | Blank] = field(default_factory=list)
    level: int = 1


@dataclass
class Piece:
    """A run of a row: text in one style, or a blank. `text` is what the line breaker reads."""

    text: str
    blank: Blank | None = None
    style: str = ""  # the component class of a text run ("" for the body)


class LaidRow:
    """One row laid out at a width: its pieces, the string the line breaker reads, its lines."""

    def __init__(self, pieces: list[Piece], width: int) -> None:
        self.pieces = pieces
        self.starts: list[int] = []
        at = 0
        for piece in pieces:
            self.starts.append(at)
            at += len(piece.text)
        self.text = "".join(piece.text for piece in pieces)
        self.spans = wrap(self.text, width)

    def replace(self, index: int, text: str, width: int) -> int:
        """Put `text` in place of piece `index`'s and lay out the lines it moves; the change in line count."""
        at, old = self.starts[index], len(self.pieces[index].text)
        self.pieces[index].text = text
        self.text = self.text[:at] + text + self.text[at + old :]
        moved = len(text) - old
        if moved:
            self.starts[index + 1 :] = [start + moved for start in self.starts[index + 1 :]]
        first, stop, fresh = rewrap(self.text, self.spans, at, old, len(text), width)
        after = self.spans[stop:]
        if moved:
            after = [(start + moved, end + moved) for start, end in after]
        before = len(self.spans)
        self.spans[first:] = fresh + after
        return len(self.spans) - before

    def line_of(self, offset: int) -> int:
        """The line holding the character at `offset`."""
        return max(0, bisect_right(self.spans, offset, key=_span_start) - 1)

    def drawn(self, line: int, shown: Callable[[Blank], str]) -> list[tuple[Piece, str]]:
        """The runs of `line` as drawn: each piece's part of the line, a blank showing `shown(blank)`."""
        start, end = self.spans[line]
        runs: list[tuple[Piece, str]] = []
        index = max(0, bisect_right(self.starts, start) - 1)
        while index < len(self.pieces) and self.starts[index] < end:
            piece, at = self.pieces[index], self.starts[index]
            low, high = max(start, at) - at, min(end, at + len(piece.text)) - at
            index += 1
            if high <= low:
                continue
            if piece.blank is None:
                runs.append((piece, piece.text[low:high].translate(CONTROL_TO_SPACE)))
            else:
                # The blank's cells on this line, cut from what it shows: its slot is as wide.
                cells = cell_width(piece.text[:low])
                runs.append((piece, cut_cells(shown(piece.blank), cells, cells + cell_width(piece.text[low:high]))))
        return runs


def _span_start(span: tuple[int, int]) -> int:
    return span[0]


class BlankText(ScrollView, can_focus=False):
    """Draws rows of text with blanks sized to their answers; keeps the active blank in view.

    The lines are laid out once per width and set of hints: a blank is laid out as its
    answer will be (see `blank_slot`), so answering one moves no line and redraws only
    what is on screen, however long the text. A hint that widens a blank's unbreakable
    head lays out again only the lines it moves.
    """

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
        self._laid: list[LaidRow] = []
        self._first_lines: list[int] = []  # the line each row starts on
        self._line_count = 0
        self._layout_width = 0
        self._hints: list[int] = []  # the hints each blank was laid out with
        self._where: dict[int, tuple[int, int]] = {}  # blank index -> (row, piece)
        self._styles: dict[str, Style] = {}
        self._active_line = 0

    def show(self, rows: list[Row], session: QuizSession) -> None:
        """Draw `rows`; the same rows again (after an answer, a hint, a move) redraw only what changed."""
        if session is self._session and rows == self._rows and self._laid:
            self._update_hints()
        else:
            self._rows = rows
            self._session = session
            self.redraw()
            return
        self._after_change()

    @property
    def active_line(self) -> int:
        return self._active_line

    @property
    def lines(self) -> list[Text]:
        """The drawn lines with their styles (every line: for tests and screen readers)."""
        drawn = []
        for y in range(self._line_count):
            text = Text(end="")
            for chunk, style in self._segments(y):
                text.append(chunk, style)
            drawn.append(text)
        return drawn

    @property
    def plain_lines(self) -> list[str]:
        """The drawn lines as plain text (what a reader sees, for tests and screen readers)."""
        return [line.plain for line in self.lines]

    # ---- layout

    def on_resize(self) -> None:
        if self.scrollable_content_region.width != self._layout_width:
            self.redraw()
        else:
            self.scroll_to_active()

    def watch_show_vertical_scrollbar(self) -> None:
        # The scrollbar appears once the lines outgrow the pane and takes cells from their
        # width, without a resize: lines laid out before it would lose their ends under it.
        if self.scrollable_content_region.width != self._layout_width:
            self.redraw()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()

    def redraw(self) -> None:
        """Lay the rows out again at the current width and keep the active blank in view."""
        width = self.scrollable_content_region.width
        session = self._session
        if width <= 0 or session is None:
            return
        self._layout_width = width
        self._hints = [state.hints for state in session.states]
        self._where = {}
        self._laid = []
        for number, row in enumerate(self._rows):
            pieces: list[Piece] = []
            if row.kind != "paragraph":
                pieces.append(Piece("".join(str(part) for part in row.parts), style=f"blank-text--{row.kind}"))
            else:
                for part in row.parts:
                    if isinstance(part, str):
                        pieces.append(Piece(part))
                    else:
                        self._where[part.index] = (number, len(pieces))
                        pieces.append(Piece(self._slot(part), blank=part))
            self._laid.append(LaidRow(pieces, width))
        self._count_lines()
        self._after_change()

    def _slot(self, blank: Blank) -> str:
        assert self._session is not None
        hints = self._session.states[blank.index].hints
        return blank_slot(blank.number, blank.answer, hint(blank.answer, hints - 1) if hints else "")

    def _update_hints(self) -> None:
        """Lay out again the lines of blanks whose hints changed (nothing else changes the layout)."""
        assert self._session is not None
        hints = [state.hints for state in self._session.states]
        if hints == self._hints:
            return
        changed = [index for index, (now, then) in enumerate(zip(hints, self._hints)) if now != then]
        self._hints = hints
        for index in changed:
            where = self._where.get(index)
            if where is None:
                continue
            number, piece = where
            laid = self._laid[number]
            slot = self._slot(self._session.blanks[index])
            if slot != laid.pieces[piece].text:
                if laid.replace(piece, slot, self._layout_width):
                    self._count_lines()

    def _count_lines(self) -> None:
        first_lines = []
        count = 0
        for number, laid in enumerate(self._laid):
            if number:
                count += 1  # an empty line between rows
            first_lines.append(count)
            count += len(laid.spans)
        self._first_lines = first_lines
        self._line_count = count

    def _after_change(self) -> None:
        session = self._session
        assert session is not None
        active = self._where.get(session.active)
        if active is not None:
            number, piece = active
            laid = self._laid[number]
            self._active_line = self._first_lines[number] + laid.line_of(laid.starts[piece])
        else:
            self._active_line = 0
        self.virtual_size = Size(self._layout_width, self._line_count)
        self.refresh()
        self.scroll_to_active()

    def scroll_to_active(self) -> None:
        height = self.scrollable_content_region.height
        y = self.scroll_offset.y
        if not (y <= self._active_line < y + height):
            self.scroll_to(y=max(0, self._active_line - height // 3), animate=False)

    # ---- drawing

    def _style(self, name: str) -> Style:
        """A component class's style, kept until the styles change; the body's is none."""
        if not name:
            return _NO_STYLE
        style = self._styles.get(name)
        if style is None:
            if name == "blank-text--cursor":
                style = self.get_component_rich_style(name, partial=True)
            else:
                style = self.get_component_rich_style(name)
            self._styles[name] = style
        return style

    def _blank_look(self, blank: Blank) -> tuple[str, Style]:
        """What a blank shows now, and in which style."""
        session = self._session
        assert session is not None
        state = session.states[blank.index]
        active = blank.index == session.active
        if state.graded:
            style = self._style(f"blank-text--{state.status}")
            if active:
                # Tab went back to an answered blank: keep its colour, show it is the one.
                style += self._style("blank-text--cursor")
            return blank.answer, style
        shown = placeholder(blank.number, blank.cells, session.shown(blank.index))
        return shown, self._style("blank-text--active" if active else "blank-text--pending")

    def _segments(self, y: int) -> list[tuple[str, Style]]:
        """The text and style of each run of line `y` of the layout."""
        if not 0 <= y < self._line_count:
            return []
        number = bisect_right(self._first_lines, y) - 1
        laid = self._laid[number]
        line = y - self._first_lines[number]
        if line >= len(laid.spans):
            return []  # the empty line after a row
        looks: dict[int, tuple[str, Style]] = {}

        def shown(blank: Blank) -> str:
            looks[blank.index] = self._blank_look(blank)
            return looks[blank.index][0]

        return [
            (text, looks[piece.blank.index][1] if piece.blank is not None else self._style(piece.style))
            for piece, text in laid.drawn(line, shown)
        ]

    def render_line(self, y: int) -> Strip:
        width = self._layout_width or self.scrollable_content_region.width
        base = self._styles.get("")
        if base is None:
            base = self._styles[""] = self.rich_style
        segments = [Segment(text, base + style) for text, style in self._segments(y + self.scroll_offset.y)]
        return Strip(segments).extend_cell_length(width, base).crop(0, width)


def blank_slot(number: int, answer: str, hinted: str = "") -> str:
    """What the line breaker reads for a blank: as wide as the blank, breaking where its answer may.

    Its head (the number, the hinted letters and three cells of fill, four cells at
    least, up to where a character of the answer ends) never breaks, so a number never
    ends a line with less than three cells of fill after it; the head is one wide
    character and closing marks, which a line may break before. Past the head come the
    answer's own characters: the blank breaks where its answer will once filled in (a
    Chinese answer between any two characters, an English one at its spaces), so
    filling it in moves no line. When the number and the hints leave no cell of fill
    within the answer's width, the blank is as wide as its placeholder and unbroken.
    """
    shown = cell_width(f"{number}{hinted}")
    if shown + 1 > cell_width(answer):
        return _head(shown + 1)
    want = max(4, shown + 3)
    cells = taken = 0
    while taken < len(answer) and cells < want:
        cells += cell_width(answer[taken])
        taken += 1
    while taken < len(answer) and cell_width(answer[taken]) == 0:
        taken += 1  # a combining mark stays with its base
    return _head(cells) + answer[taken:].translate(CONTROL_TO_SPACE)


def cut_cells(text: str, start: int, end: int) -> str:
    """The cells start..end of `text`, padded with spaces where they end inside a wide character or past its end."""
    out = []
    cells = 0
    for char in text:
        width = cell_width(char)
        if cells >= end:
            break
        if cells >= start and cells + width <= end:
            out.append(char)
        elif cells + width > start:
            out.append(" " * (min(end, cells + width) - max(start, cells)))  # half a wide character
        cells += width
    if cells < end:
        out.append(" " * (end - max(cells, start)))
    return "".join(out).translate(CONTROL_TO_SPACE)


def _head(cells: int) -> str:
    """An unbreakable stand-in `cells` wide that may break before it: wide, then closing marks."""
    if cells < 2:
        return "x" * cells
    return _STAND_IN + "\uff09" * ((cells - 2) // 2) + ")" * (cells % 2)


_NO_STYLE = Style()
_STAND_IN = "\uff3f"  # FULLWIDTH LOW LINE: two cells, and no punctuation rule applies to it
