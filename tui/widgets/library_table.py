"""The library's table: a header and one line per document, drawn a visible line at a time (line API)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.events import Click
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ..cells import cut_end, cut_start

GAP = 2  # cells between columns
# A title (the first column) is cut to fit, but not below the first figure; never wider than the second.
TITLE_WIDTHS = (10, 30)
PATH_ROOM = 20  # the path (the last column) has this much room, when there is room, before titles widen


class LibraryTable(ScrollView, can_focus=True):
    """Columns of `Text` cells under a header line that stays; a cursor row. Only the lines in view are drawn,
    so 200 documents cost what 25 do (Textual's DataTable measured and rendered every cell)."""

    DEFAULT_CSS = """
    LibraryTable { scrollbar-size-vertical: 1; overflow-x: hidden; }
    LibraryTable > .library-table--header { text-style: bold; background: $primary-background; }
    LibraryTable > .library-table--cursor { background: $block-cursor-background; color: $block-cursor-foreground; }
    LibraryTable:blur > .library-table--cursor { background: $block-cursor-blurred-background; }
    """
    COMPONENT_CLASSES = {"library-table--header", "library-table--cursor"}
    BINDINGS = [
        Binding("up,k", "move(-1)", show=False),
        Binding("down,j", "move(1)", show=False),
        Binding("pageup", "page(-1)", show=False),
        Binding("pagedown", "page(1)", show=False),
        Binding("home", "move(-1000000)", show=False),
        Binding("end", "move(1000000)", show=False),
        Binding("enter", "choose", show=False),
    ]

    cursor = reactive(0)

    class Chosen(Message):
        """Enter (or a second click) on a row."""

        def __init__(self, row: int) -> None:
            super().__init__()
            self.row = row

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.header: list[Text] = []
        self.rows: list[list[Text]] = []
        self.widths: list[int] = []

    def show(self, header: Sequence[Text], rows: Sequence[Sequence[Text]], cursor: int = 0) -> None:
        """Put these rows up (each as many cells as the header), the cursor on row `cursor`."""
        self.header = list(header)
        self.rows = [list(row) for row in rows]
        self.widths = [
            max([cell.cell_len for cell in column]) for column in zip(self.header, *self.rows, strict=True)
        ]
        # As wide as the view: the title and the path are cut to it (fitted), the rows never scroll sideways.
        self.virtual_size = Size(0, len(self.rows) + 1)
        self.set_reactive(LibraryTable.cursor, max(0, min(cursor, len(self.rows) - 1)))
        self._scroll_to_cursor()
        self.refresh()

    def set_cell(self, row: int, column: int, cell: Text) -> None:
        """Change one cell (a file found changed, say); its column widens if it must."""
        self.rows[row][column] = cell
        self.widths[column] = max(self.widths[column], cell.cell_len)
        self.refresh()

    # ------------------------------------------------------------- drawing

    def fitted(self) -> list[int]:
        """The columns' widths in this view: a long title (the first column) is cut, within its bounds,
        so that the path (the last) has room to show its file's name; the path takes what is left."""
        widths = list(self.widths)
        if len(widths) < 2:
            return widths
        # The room for the title and the path together: what the other columns leave.
        room = self.scrollable_content_region.width - sum(widths[1:-1]) - GAP * (len(widths) - 1)
        least, most = TITLE_WIDTHS
        widths[0] = min(widths[0], most, max(room - min(widths[-1], PATH_ROOM), least))
        widths[-1] = min(widths[-1], max(room - widths[0], 1))
        return widths

    def _line(self, cells: Sequence[Text], style: Style) -> list[Segment]:
        segments: list[Segment] = []
        last = len(self.widths) - 1
        for index, (cell, width) in enumerate(zip(cells, self.fitted(), strict=True)):
            if index:
                segments.append(Segment(" " * GAP, style))
            # The path keeps its end (the file's name); any other cell its start.
            text = cut_start(cell, width) if index == last else cut_end(cell, width)
            pad = width - text.cell_len
            if cell.justify == "right":
                segments.append(Segment(" " * pad, style))
            for piece in text.render(self.app.console):
                segments.append(Segment(piece.text, style + piece.style if piece.style else style))
            if cell.justify != "right":
                segments.append(Segment(" " * pad, style))
        return [segment for segment in segments if segment.text != "\n"]

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        scroll_x, scroll_y = self.scroll_offset
        base = self.rich_style
        if y == 0:
            style = base + self.get_component_rich_style("library-table--header")
            return Strip(self._line(self.header, style)).crop_extend(scroll_x, scroll_x + width, style)
        row = y - 1 + scroll_y
        if row >= len(self.rows):
            return Strip.blank(width, base)
        style = base + self.get_component_rich_style("library-table--cursor") if row == self.cursor else base
        return Strip(self._line(self.rows[row], style)).crop_extend(scroll_x, scroll_x + width, style)

    def watch_cursor(self, before: int, after: int) -> None:
        self._scroll_to_cursor()
        self.refresh()

    def _scroll_to_cursor(self) -> None:
        # The header takes the first line of the view: the rows scroll beneath it.
        view = max(1, self.size.height - 1)
        top = self.scroll_offset.y
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False)
        elif self.cursor >= top + view:
            self.scroll_to(y=self.cursor - view + 1, animate=False)

    # ------------------------------------------------------------- keys and mouse

    def action_move(self, step: int) -> None:
        if self.rows:
            self.cursor = max(0, min(len(self.rows) - 1, self.cursor + step))

    def action_page(self, step: int) -> None:
        self.action_move(step * max(1, self.size.height - 2))

    def action_choose(self) -> None:
        if self.rows:
            self.post_message(self.Chosen(self.cursor))

    def on_click(self, event: Click) -> None:
        row = event.y - 1 + self.scroll_offset.y
        if event.y == 0 or not 0 <= row < len(self.rows):
            return
        if row == self.cursor and event.chain >= 2:
            self.post_message(self.Chosen(row))
        self.cursor = row

    def plain_row(self, row: int) -> list[str]:
        return [cell.plain for cell in self.rows[row]]

