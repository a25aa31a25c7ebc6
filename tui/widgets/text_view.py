"""The text pane: a whole document laid out in wrapped lines, drawing only what is on screen."""

from __future__ import annotations

from collections.abc import Mapping

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive, var
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.core.model import Document, Phrase
from tui.core.text_lines import BLANK, HEADING, LineInfo, TextLines
from tui.core.wrap import CONTROL_TO_SPACE
from tui.i18n import translate_bindings

__all__ = ["LineInfo", "TextView"]

SCROLL = Binding.Group("key_scroll")
PAGE = Binding.Group("key_page")
ENDS = Binding.Group("key_top_bottom")


class TextView(ScrollView, TextLines, can_focus=True):
    """A document's sections in reading order: headings, wrapped paragraphs, phrases, matches."""

    HELP_TITLE = "help_reading"
    # j, k and Space as in less and vim; the inherited scrolling keys again, with ids and
    # the project's words, so that the help screen lists them (see tui/bindings.py).
    BINDINGS = [
        Binding("up", "scroll_up", "key_scroll", show=False, id="text_up", group=SCROLL),
        Binding("down", "scroll_down", "key_scroll", show=False, id="text_down", group=SCROLL),
        Binding("k", "scroll_up", "key_scroll", show=False, id="text_k", group=SCROLL),
        Binding("j", "scroll_down", "key_scroll", show=False, id="text_j", group=SCROLL),
        Binding("pageup", "page_up", "key_page", show=False, id="text_page_up", group=PAGE),
        Binding("pagedown", "page_down", "key_page", show=False, id="text_page_down", group=PAGE),
        Binding("space", "page_down", "key_page", show=False, id="text_space", group=PAGE),
        Binding("home", "scroll_home", "key_top_bottom", show=False, id="text_home", group=ENDS),
        Binding("end", "scroll_end", "key_top_bottom", show=False, id="text_end", group=ENDS),
    ]

    COMPONENT_CLASSES = {
        "text-view--heading-1",
        "text-view--heading-2",
        "text-view--heading-3",
        "text-view--phrase",
        "text-view--match",
        "text-view--current-match",
        "text-view--bold",
        "text-view--italic",
        "text-view--code",
        "text-view--link",
        "text-view--strike",
        "text-view--mark",
    }

    DEFAULT_CSS = """
    TextView {
        background: $surface;
        color: $foreground;
        overflow-x: hidden;
        overflow-y: scroll;
        padding: 0 1;
    }
    TextView > .text-view--heading-1 { color: $text-accent; text-style: bold; }
    TextView > .text-view--heading-2 { color: $text-primary; text-style: bold; }
    TextView > .text-view--heading-3 { color: $text-secondary; text-style: bold; }
    TextView > .text-view--phrase { color: $text-warning; text-style: underline; }
    TextView > .text-view--match { background: $warning 35%; }
    TextView > .text-view--current-match { background: $accent; color: $text; text-style: bold; }
    TextView > .text-view--bold { text-style: bold; }
    TextView > .text-view--italic { text-style: italic; }
    TextView > .text-view--code { background: $panel; }
    TextView > .text-view--link { color: $text-primary; text-style: underline; }
    TextView > .text-view--strike { text-style: strike; }
    TextView > .text-view--mark { background: $warning 25%; }
    """

    highlight_phrases: reactive[bool] = reactive(False)
    """Draw key phrases in the phrase style."""

    current_section: var[str | None] = var(None)
    """The id of the section whose text is at the top of the view."""

    class SectionChanged(Message):
        """The section at the top of the view changed."""

        def __init__(self, text_view: TextView, section_id: str) -> None:
            super().__init__()
            self.text_view = text_view
            self.section_id = section_id

        @property
        def control(self) -> TextView:
            return self.text_view

    class MatchChanged(Message):
        """The current search match moved (index -1 and section None when there is none)."""

        def __init__(self, text_view: TextView, index: int, total: int, section_id: str | None) -> None:
            super().__init__()
            self.text_view = text_view
            self.index = index
            self.total = total
            self.section_id = section_id

        @property
        def control(self) -> TextView:
            return self.text_view

    def __init__(
        self,
        document: Document | None = None,
        *,
        captions: Mapping[str, str] | None = None,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
    ) -> None:
        """`captions` names the sections without a heading, by kind: {"preamble": "开篇", ...}."""
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        translate_bindings(self)
        TextLines.__init__(self, captions)
        self._pending_line: tuple[int, int, int] | None = None
        self._strips: LRUCache[int, Strip] = LRUCache(1024)
        if document is not None:
            self.load(document)

    # ---- loading ----

    @property
    def document(self) -> Document | None:
        return self._document

    def load(self, document: Document, phrases: Mapping[str, list[Phrase]] | None = None) -> None:
        """Show `document` from its start, with `phrases` per section id if known."""
        self._document = document
        self._sections = list(document.walk())
        self._index = {section.id: number for number, section in enumerate(self._sections)}
        self._read_markdown()
        self._matches, self._match_spans, self._match_index = [], {}, None
        self._pending_line = None
        self.set_phrases(phrases or {})
        self._layout_width = 0
        self.current_section = None
        if self.is_mounted:
            self.scroll_to(0, 0, animate=False)
            self._layout()

    def set_phrases(self, phrases: Mapping[str, list[Phrase]]) -> None:
        """Replace the key phrases, given per section id; unknown sections and bad spans are skipped."""
        self._take_phrases(phrases)
        self._redraw()

    def set_captions(self, captions: Mapping[str, str]) -> None:
        """Rename the sections without a heading (when the interface language changes)."""
        self._captions = dict(captions)
        if self._document is not None:
            self._read_markdown()
            self._relayout()

    # ---- layout ----

    def _content_width(self) -> int:
        return self.scrollable_content_region.width

    def on_resize(self) -> None:
        if self._content_width() != self._layout_width:
            self._relayout()
        else:
            self._update_virtual_size()

    def watch_show_vertical_scrollbar(self) -> None:
        # A scrollbar that comes (overflow-y: auto) takes cells from the lines' width with
        # no resize: lay them out again, or their ends would be drawn under it.
        if self._layout_width and self._content_width() != self._layout_width:
            self._relayout()

    def _relayout(self) -> None:
        """Lay out again, keeping the text that was at the top of the view at the top."""
        anchor = self._pending_line
        if anchor is None and self._lines:
            y = min(self.scroll_offset.y, len(self._lines) - 1)
            while self._lines[y][1] == BLANK:  # a blank line is never last: anchor to what follows
                y += 1
            number, paragraph, start, _end = self._lines[y]
            anchor = (number, paragraph, start)
        self._layout()
        if anchor is not None:
            self._scroll_to_position(*anchor)

    def _layout(self) -> None:
        width = self._content_width()
        if self._document is None or width <= 0:
            return
        self._wrap_lines(width)
        self._layout_width = width
        self._update_virtual_size()
        self._redraw()
        if self._pending_line is not None:
            self._scroll_to_position(*self._pending_line)
        self._update_current_section()

    def _update_virtual_size(self) -> None:
        # Room after the text so that the last section's heading can reach the top.
        height = self.scrollable_content_region.height
        last = self._section_lines[-1] if self._section_lines else 0
        self.virtual_size = Size(self._layout_width, max(len(self._lines), last + height))

    # ---- scrolling ----

    def scroll_to_section(self, section_id: str, animate: bool = False, at: float = 0.0) -> None:
        """Put the heading of `section_id` at the top of the view, or a place inside it.

        `at` is a place in the section's text as `position` reports it: paragraph index
        plus the fraction of that paragraph above the top (0 is the heading).
        """
        number = self._index.get(section_id)
        if number is None:
            return
        paragraphs = self._sections[number].paragraphs
        paragraph = int(at)
        if at <= 0 or paragraph >= len(paragraphs):
            self._scroll_to_position(number, HEADING, 0, animate=animate)
            return
        offset = int((at - paragraph) * len(self._source(number, paragraph)))
        self._scroll_to_position(number, paragraph, offset, animate=animate)

    @property
    def position(self) -> tuple[str, float] | None:
        """The section at the top and the place in it, independent of the width (see above)."""
        if not self._lines:
            return None
        y = min(self.scroll_offset.y, len(self._lines) - 1)
        # A blank line belongs to the text before it (a section's last blank, to the previous
        # section): the place is the text that follows it, as the reader sees it.
        while self._lines[y][1] == BLANK and y + 1 < len(self._lines):
            y += 1
        number, paragraph, start, _ = self._lines[y]
        if paragraph < 0:
            return self._sections[number].id, 0.0
        text = self._source(number, paragraph)
        return self._sections[number].id, paragraph + (start / len(text) if text else 0.0)

    def _scroll_to_position(self, number: int, paragraph: int, offset: int, animate: bool = False) -> None:
        if not self._lines:
            self._pending_line = (number, paragraph, offset)  # applied once laid out
            return
        line = self._line_of(number, paragraph, offset)
        if line is None:
            return
        self._pending_line = None
        # At once unless animated: a deferred scroll would leave the section at the top the one
        # before, told to the outline as the current one, and a key typed next ([ ]) would step
        # from there.
        self.scroll_to(y=line, animate=animate, immediate=not animate)
        self._update_current_section()

    # Keys move the text at once: a reader paging through wants the next page now, not an
    # animation towards it.
    def action_scroll_up(self) -> None:
        self.scroll_up(animate=False)

    def action_scroll_down(self) -> None:
        self.scroll_down(animate=False)

    def action_page_up(self) -> None:
        self.scroll_page_up(animate=False)

    def action_page_down(self) -> None:
        self.scroll_page_down(animate=False)

    def action_scroll_home(self) -> None:
        self.scroll_home(animate=False)

    def action_scroll_end(self) -> None:
        self.scroll_end(animate=False)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self._update_current_section()

    def _update_current_section(self) -> None:
        if not self._lines:
            return
        if self._pending_line is not None:
            number = self._pending_line[0]
        else:
            number = self._lines[min(self.scroll_offset.y, len(self._lines) - 1)][0]
        self.current_section = self._sections[number].id

    def watch_current_section(self, section_id: str | None) -> None:
        if section_id is not None:
            self.post_message(self.SectionChanged(self, section_id))

    # ---- search ----

    def search(self, query: str) -> int:
        """Find every occurrence of `query`, ignoring width and case; return how many."""
        self._find(query)
        self._redraw()
        return len(self._matches)

    def clear_search(self) -> None:
        self.search("")

    def next_match(self) -> str | None:
        """Move to the next match (the first at or below the top at first); return its section id."""
        if not self._matches:
            return None
        if self._match_index is None:
            top = self.scroll_offset.y
            index = next((i for i, match in enumerate(self._matches) if self._match_line(match) >= top), 0)
        else:
            index = (self._match_index + 1) % len(self._matches)
        return self._go_to_match(index)

    def previous_match(self) -> str | None:
        """Move to the previous match (the last above the top at first); return its section id."""
        if not self._matches:
            return None
        if self._match_index is None:
            top = self.scroll_offset.y
            earlier = [i for i, match in enumerate(self._matches) if self._match_line(match) < top]
            index = earlier[-1] if earlier else len(self._matches) - 1
        else:
            index = (self._match_index - 1) % len(self._matches)
        return self._go_to_match(index)

    def _match_line(self, match: tuple[int, int, int, int]) -> int:
        number, paragraph, start, _end = match
        return self._line_of(number, paragraph, start) or 0

    def _go_to_match(self, index: int) -> str:
        self._match_index = index
        match = self._matches[index]
        line = self._match_line(match)
        height = self.scrollable_content_region.height
        if not self.scroll_offset.y <= line < self.scroll_offset.y + height:
            # Out of sight: bring it to a third of the way down, with its context above.
            self.scroll_to(y=max(0, line - height // 3), animate=False)
        self._redraw()
        section_id = self._sections[match[0]].id
        self.post_message(self.MatchChanged(self, index, len(self._matches), section_id))
        return section_id

    # ---- drawing ----

    def watch_highlight_phrases(self) -> None:
        self._redraw()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()

    def _redraw(self) -> None:
        self._strips.clear()
        self.refresh()

    def render_line(self, y: int) -> Strip:
        line = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        strip = self._strips.get(line)
        if strip is None or strip.cell_length != width:
            strip = self._render_text_line(line, width)
            self._strips[line] = strip
        return strip

    def _render_text_line(self, line: int, width: int) -> Strip:
        base = self.rich_style
        if line >= len(self._lines):
            return Strip.blank(width, base)
        number, paragraph, start, end = self._lines[line]
        if paragraph == BLANK:
            return Strip.blank(width, base)
        source = self._source(number, paragraph)[start:end].translate(CONTROL_TO_SPACE)
        style = base
        if paragraph == HEADING:
            level = min(max(self._sections[number].level, 1), 3)
            style = base + self.get_component_rich_style(f"text-view--heading-{level}")
        text = Text(source, end="")
        text.stylize(style)  # as a span: Text.render ignores a Text's own style
        key = (number, paragraph)
        inline = self._inline.get(key)
        if inline is not None:
            for span_start, span_end, name in inline.styles:
                if span_end > start and span_start < end:
                    style = self.get_component_rich_style(f"text-view--{name}", partial=True)
                    text.stylize(style, max(span_start, start) - start, min(span_end, end) - start)
        if self.highlight_phrases and key in self._phrases:
            self._stylize(text, self._phrases[key], start, end, self.get_component_rich_style("text-view--phrase"))
        if key in self._match_spans:
            match_style = self.get_component_rich_style("text-view--match")
            current_style = self.get_component_rich_style("text-view--current-match")
            for match_start, match_end, index in self._match_spans[key]:
                if match_end > start and match_start < end:
                    chosen = current_style if index == self._match_index else match_style
                    text.stylize(chosen, max(match_start, start) - start, min(match_end, end) - start)
        strip = Strip(text.render(self.app.console), cell_len(source))
        return strip.crop_extend(0, width, base)

    @staticmethod
    def _stylize(text: Text, spans: list[tuple[int, int]], start: int, end: int, style: Style) -> None:
        for span_start, span_end in spans:  # sorted by start; a paragraph has few phrases
            if span_start >= end:
                break
            if span_end > start:
                text.stylize(style, max(span_start, start) - start, min(span_end, end) - start)
