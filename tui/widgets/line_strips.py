"""The text pane's lines drawn, each a strip in the pane's component styles, kept until the text or styles change."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.text import Text
from textual.cache import LRUCache
from textual.strip import Strip

from tui.core.wrap import CONTROL_TO_SPACE

if TYPE_CHECKING:
    from .text_view import TextView


class LineStrips:
    """The strips of a text pane's lines, drawn as its `drawn_line` says (tui/core/text_lines.py); 1024 kept."""

    def __init__(self, view: TextView) -> None:
        self._view = view
        self._strips: LRUCache[int, Strip] = LRUCache(1024)

    def clear(self) -> None:
        """Forget every strip: the text, its highlights or the styles changed."""
        self._strips.clear()

    def line(self, line: int, width: int) -> Strip:
        """Line `line` of the layout, `width` cells wide: the one kept, unless drawn at another width."""
        strip = self._strips.get(line)
        if strip is None or strip.cell_length != width:
            strip = self._draw(line, width)
            self._strips[line] = strip
        return strip

    def _draw(self, line: int, width: int) -> Strip:
        view = self._view
        base = view.rich_style
        drawn = view.drawn_line(line, view.highlight_phrases)
        if drawn is None:
            return Strip.blank(width, base)
        source = drawn.text.translate(CONTROL_TO_SPACE)
        style = base
        if drawn.heading_level:
            style = base + view.get_component_rich_style(f"text-view--heading-{drawn.heading_level}")
        text = Text(source, end="")
        text.stylize(style)  # as a span: Text.render ignores a Text's own style
        for start, end, name, partial in drawn.spans:
            text.stylize(view.get_component_rich_style(f"text-view--{name}", partial=partial), start, end)
        strip = Strip(text.render(view.app.console), cell_len(source))
        return strip.crop_extend(0, width, base)
