"""Text with numbered blanks: the quizzed section (or a review card's sentence), drawn line by line."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ..core.blank_layout import BlankLayout, Row, hinted_letters
from ..core.blank_lines import Piece
from ..core.session import QuizSession, placeholder
from ..core.wrap import cell_width

__all__ = ["BlankText", "Row"]


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
        self._layout: BlankLayout | None = None
        self._layout_width = 0
        self._styles: dict[str, Style] = {}
        self._active_line = 0

    def show(self, rows: list[Row], session: QuizSession) -> None:
        """Draw `rows`; the same rows again (after an answer, a hint, a move) redraw only what changed."""
        if session is self._session and (rows is self._rows or rows == self._rows) and self._layout is not None:
            self._layout.update_hints()
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
        for y in range(self._layout.line_count if self._layout is not None else 0):
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
        self._layout, self._rows = None, []

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
        self._layout = BlankLayout(self._rows, session, width, markdown=self.markdown)
        self._after_change()

    def _after_change(self) -> None:
        session, layout = self._session, self._layout
        assert session is not None and layout is not None
        line = layout.line_of_blank(session.active)
        self._active_line = line if line is not None else 0
        self.virtual_size = Size(self._layout_width, layout.line_count)
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
        shown = placeholder(blank.number, cell_width(piece.shown_answer), hinted_letters(session, piece))
        return shown, self._style("active" if active else "pending")

    def _segments(self, y: int) -> list[tuple[str, Style]]:
        """The text and style of each run of line `y` of the layout."""
        found = self._layout.line(y) if self._layout is not None else None
        if found is None:
            return []
        laid, line = found
        looks: dict[int, tuple[str, Style]] = {}

        def shown(piece: Piece) -> str:
            assert piece.blank is not None
            looks[piece.blank.index] = self._blank_look(piece)
            return looks[piece.blank.index][0]

        return [
            (text, looks[piece.blank.index][1] if piece.blank is not None else self._style(piece.style))
            for piece, text in laid.drawn(line, shown)
        ]

    def render_lines(self, crop: Region) -> list[Strip]:
        # A screen's first frame is drawn before its panes hear their sizes (on_resize): lay the
        # rows out here, at the width they are drawn at, or that frame would show an empty pane.
        if self._session is not None and self._width() != self._layout_width:
            self.redraw()
        return super().render_lines(crop)

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
