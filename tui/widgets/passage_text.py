"""The passage being recited: its paragraphs at a hiding level, the current one marked, drawn line by line."""

from __future__ import annotations

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ..core.hiding import SKELETON, Kind, segments
from ..core.passages import Passage
from ..core.wrap import CONTROL_TO_SPACE, wrap

HEADING, BLANK = -1, -2  # what a line shows, beside a paragraph's own lines


class PassageText(ScrollView, can_focus=False):
    """Paragraphs laid out once per width; a level or a reveal redraws only the lines on screen.

    The hidden text has the original's length and cell widths (tui/core/hiding.py), so
    the original's line breaks serve every level: a level change or a reveal moves no
    line, and only the paragraphs on screen are hidden again when they are drawn.
    """

    COMPONENT_CLASSES = {
        "passage-text--heading",
        "passage-text--hidden",
        "passage-text--cue",
        "passage-text--revealed",
        "passage-text--current",
        "passage-text--marker",
    }
    DEFAULT_CSS = """
    PassageText { background: $surface; padding: 0 1; overflow-x: hidden; overflow-y: auto; }
    PassageText > .passage-text--heading { color: $text-primary; text-style: bold; }
    PassageText > .passage-text--hidden { color: $text-muted; }
    PassageText > .passage-text--cue { color: $text-accent; text-style: bold; }
    PassageText > .passage-text--revealed { color: $text-success; }
    PassageText > .passage-text--current { background: $primary 12%; }
    PassageText > .passage-text--marker { color: $accent; text-style: bold; }
    """
    GUTTER = 2  # "▌ " before the current paragraph's lines

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.passages: list[Passage] = []
        self.level = 0
        self.current = 0
        self.revealed: dict[int, int] = {}  # paragraph index -> clauses shown in full
        self.masked: int | None = None  # a paragraph drawn as its punctuation skeleton, whatever the level
        self._lines: list[tuple[int, int, int, int]] = []  # (passage, HEADING/BLANK/0, start, end)
        self._first_line: list[int] = []
        self._width = 0
        self._hidden: dict[int, tuple[str, list[tuple[int, Kind]]]] = {}  # passage -> text, (end, kind) runs
        self._strips: dict[int, Strip] = {}

    def show(
        self, passages: list[Passage], level: int, current: int, revealed: dict[int, int], masked: int | None = None
    ) -> None:
        """Draw `passages` at `level`, `current` marked; what changed since the last call is drawn again.

        `masked` is a paragraph shown only as its skeleton (the one being typed from memory).
        """
        if passages is not self.passages:
            self.passages = passages
            self._width = 0
        if level != self.level:
            self._hidden.clear()
        else:
            for index in set(revealed.items()) ^ set(self.revealed.items()):
                self._hidden.pop(index[0], None)
        if masked != self.masked:
            for was in (masked, self.masked):
                if was is not None:
                    self._hidden.pop(was, None)
        self.level, self.revealed, self.masked = level, dict(revealed), masked
        moved = current != self.current
        self.current = current
        self._strips.clear()
        self._layout()
        self.refresh()
        if moved:
            self.scroll_to_current()

    # ---- layout

    def _layout(self) -> None:
        width = max(10, self.scrollable_content_region.width - self.GUTTER)
        if width == self._width and self._lines:
            return
        self._width = width
        lines: list[tuple[int, int, int, int]] = []
        first: list[int] = []
        for index, passage in enumerate(self.passages):
            if index:
                lines.append((index, BLANK, 0, 0))
            if passage.heading:
                lines.extend((index, HEADING, a, b) for a, b in wrap(passage.heading, width))
            first.append(len(lines))
            lines.extend((index, 0, a, b) for a, b in wrap(passage.text, width) or [(0, 0)])
        self._lines, self._first_line = lines, first
        self.virtual_size = Size(width + self.GUTTER, len(lines))

    def on_resize(self) -> None:
        self._strips.clear()
        self._layout()
        self.refresh()

    def watch_show_vertical_scrollbar(self) -> None:
        self.on_resize()  # the scrollbar takes cells from the lines' width

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()

    def scroll_to_current(self) -> None:
        if not self._first_line or self.current >= len(self._first_line):
            return
        top = self._first_line[self.current]
        end = self._first_line[self.current + 1] - 1 if self.current + 1 < len(self._first_line) else len(self._lines)
        height = self.scrollable_content_region.height
        if top < self.scroll_offset.y or end > self.scroll_offset.y + height:
            self.scroll_to(y=max(0, min(top - 1, end - height)), animate=False)

    # ---- drawing

    def hidden(self, index: int) -> tuple[str, list[tuple[int, Kind]]]:
        """Passage `index` at the current level: its text as shown and where each kind of run ends."""
        found = self._hidden.get(index)
        if found is None:
            passage = self.passages[index]
            if index == self.masked:
                runs = segments(passage.text, SKELETON)
            else:
                runs = segments(passage.text, self.level, passage.phrases, self.revealed.get(index, 0))
            ends: list[tuple[int, Kind]] = []
            at = 0
            for piece, kind in runs:
                at += len(piece)
                ends.append((at, kind))
            found = ("".join(piece for piece, _ in runs), ends)
            self._hidden[index] = found
        return found

    @property
    def plain_lines(self) -> list[str]:
        """Every line as drawn, without styles (for tests and screen readers)."""
        return [self._plain(line) for line in range(len(self._lines))]

    def _plain(self, line: int) -> str:
        index, kind, start, end = self._lines[line]
        if kind == BLANK:
            return ""
        if kind == HEADING:
            return self.passages[index].heading or ""
        return self.hidden(index)[0][start:end]

    def render_line(self, y: int) -> Strip:
        line = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        strip = self._strips.get(line)
        if strip is None or strip.cell_length != width:
            strip = self._draw_line(line, width)
            self._strips[line] = strip
        return strip

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"passage-text--{name}", partial=True)

    def _draw_line(self, line: int, width: int) -> Strip:
        base = self.rich_style
        if line >= len(self._lines):
            return Strip.blank(width, base)
        index, kind, start, end = self._lines[line]
        if kind == BLANK:
            return Strip.blank(width, base)
        current = index == self.current
        if current:
            base = base + self._style("current")
        pieces: list[Segment] = [Segment("▌ " if current and kind != HEADING else "  ", base + self._style("marker"))]
        if kind == HEADING:
            heading = (self.passages[index].heading or "")[start:end].translate(CONTROL_TO_SPACE)
            pieces.append(Segment(heading, base + self._style("heading")))
        else:
            text, ends = self.hidden(index)
            at = start
            for run_end, run_kind in ends:
                if run_end <= at:
                    continue
                piece = text[at : min(run_end, end)].translate(CONTROL_TO_SPACE)
                style = base if run_kind == "text" else base + self._style(run_kind)
                pieces.append(Segment(piece, style))
                at = min(run_end, end)
                if at >= end:
                    break
        strip = Strip(pieces, sum(cell_len(segment.text) for segment in pieces))
        return strip.crop_extend(0, width, base)
