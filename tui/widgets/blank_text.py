"""Text with numbered blanks: the quizzed section (or a review card's sentence), drawn line by line."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Literal

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ..core.blank_lines import LaidRow, Piece, blank_slot, styled_pieces
from ..core.inline import parse_inline
from ..core.quiz import hint
from ..core.session import Blank, QuizSession, placeholder
from ..core.wrap import cell_width


@dataclass
class Row:
    """One block of the drawn text: a heading, or a paragraph of text and blanks."""

    kind: Literal["heading", "paragraph", "caption"]
    parts: list[str | Blank] = field(default_factory=list)
    level: int = 1


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
        "blank-text--bold",
        "blank-text--italic",
        "blank-text--code",
        "blank-text--link",
        "blank-text--strike",
        "blank-text--mark",
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
    BlankText > .blank-text--bold { text-style: bold; }
    BlankText > .blank-text--italic { text-style: italic; }
    BlankText > .blank-text--code { background: $panel; }
    BlankText > .blank-text--link { color: $text-primary; text-style: underline; }
    BlankText > .blank-text--strike { text-style: strike; }
    BlankText > .blank-text--mark { background: $warning 25%; }
    """

    def __init__(self, *, markdown: bool = False, id: str | None = None, classes: str | None = None) -> None:
        """`markdown`: the text is Markdown, shown with its inline markers hidden and their styles."""
        super().__init__(id=id, classes=classes)
        self.markdown = markdown
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
        if session is self._session and (rows is self._rows or rows == self._rows) and self._laid:
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

    def on_unmount(self) -> None:
        # Freed now, by reference counts: left to the widget's cycles, thousands of laid-out
        # rows would wait for a full collection, which then lands on a later key.
        self._laid, self._rows, self._where = [], [], {}

    def on_resize(self) -> None:
        if self._width() != self._layout_width:
            self.redraw()
        else:
            self.scroll_to_active()

    def watch_show_vertical_scrollbar(self) -> None:
        # The scrollbar appears once the lines outgrow the pane and takes cells from their
        # width, without a resize: lines laid out before it would lose their ends under it.
        if self._width() != self._layout_width:
            self.redraw()

    def _width(self) -> int:
        """The width to lay the lines out at: the pane's, less the scrollbar's when the rows are sure to need it.

        Rows take a line each and one between: with more than fit, the scrollbar is coming,
        and laying out for it now saves laying thousands of rows out twice.
        """
        region = self.scrollable_content_region
        if (
            not self.show_vertical_scrollbar
            and self.styles.overflow_y == "auto"
            and 2 * len(self._rows) - 1 > region.height
        ):
            return region.width - self.styles.scrollbar_size_vertical
        return region.width

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()

    def redraw(self) -> None:
        """Lay the rows out again at the current width and keep the active blank in view."""
        width = self._width()
        session = self._session
        if width <= 0 or session is None:
            return
        self._layout_width = width
        self._hints = [state.hinted for state in session.states]
        self._where = {}
        self._laid = []
        for number, row in enumerate(self._rows):
            pieces: list[Piece] = []
            if row.kind != "paragraph":
                text = "".join(str(part) for part in row.parts)
                pieces.append(Piece(parse_inline(text).text if self.markdown else text, style=row.kind))
            elif self.markdown:
                pieces = self._markdown_pieces(number, row.parts)
            else:
                for part in row.parts:
                    if isinstance(part, str):
                        pieces.append(Piece(part))
                    else:
                        self._where[part.index] = (number, len(pieces))
                        pieces.append(self._with_slot(Piece("", part)))
            self._laid.append(LaidRow(pieces, width))
        self._count_lines()
        self._after_change()

    def _markdown_pieces(self, number: int, parts: list[str | Blank]) -> list[Piece]:
        """A paragraph of Markdown in pieces: the text shown, cut where its style changes, and its blanks."""
        inline = parse_inline("".join(part if isinstance(part, str) else part.answer for part in parts))
        pieces: list[Piece] = []
        at = 0
        for part in parts:
            size = len(part) if isinstance(part, str) else len(part.answer)
            low, high = inline.shown_span(at, at + size)  # blanks are raw offsets: markers move them
            at += size
            if isinstance(part, str):
                pieces += styled_pieces(inline, low, high)
            else:
                self._where[part.index] = (number, len(pieces))
                pieces.append(self._with_slot(Piece("", part, answer=inline.text[low:high])))
        return pieces

    def _hinted(self, piece: Piece) -> str:
        """The letters of a blank's answer its hints show."""
        assert self._session is not None and piece.blank is not None
        hinted = self._session.states[piece.blank.index].hinted
        return hint(piece.shown_answer, hinted - 1) if hinted else ""

    def _with_slot(self, piece: Piece) -> Piece:
        assert piece.blank is not None
        piece.text = blank_slot(piece.blank.number, piece.shown_answer, self._hinted(piece))
        return piece

    def _update_hints(self) -> None:
        """Lay out again the lines of blanks whose hints changed (nothing else changes the layout)."""
        assert self._session is not None
        hints = [state.hinted for state in self._session.states]
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
            blank = laid.pieces[piece]
            assert blank.blank is not None
            slot = blank_slot(blank.blank.number, blank.shown_answer, self._hinted(blank))
            if slot != blank.text:
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
        """The style of component class blank-text--`name` (several names add up), kept until the styles change."""
        if not name:
            return _NO_STYLE
        style = self._styles.get(name)
        if style is None:
            if " " in name:
                style = Style.combine(self._style(part) for part in name.split())
            else:
                style = self.get_component_rich_style(f"blank-text--{name}", partial=name in _PARTIAL)
            self._styles[name] = style
        return style

    def _blank_look(self, piece: Piece) -> tuple[str, Style]:
        """What a blank shows now, and in which style."""
        session = self._session
        blank = piece.blank
        assert session is not None and blank is not None
        state = session.states[blank.index]
        active = blank.index == session.active
        if state.graded:
            style = self._style(state.status)
            if active:
                # Tab went back to an answered blank: keep its colour, show it is the one.
                style += self._style("cursor")
            return piece.shown_answer, style
        shown = placeholder(blank.number, cell_width(piece.shown_answer), self._hinted(piece))
        return shown, self._style("active" if active else "pending")

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

        def shown(piece: Piece) -> str:
            assert piece.blank is not None
            looks[piece.blank.index] = self._blank_look(piece)
            return looks[piece.blank.index][0]

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


_NO_STYLE = Style()
# Styles that add to what is under them rather than replace it.
_PARTIAL = frozenset({"cursor", "bold", "italic", "code", "link", "strike", "mark"})
