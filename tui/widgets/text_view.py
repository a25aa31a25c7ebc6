"""The text pane: a whole document laid out in wrapped lines, drawing only what is on screen."""

from __future__ import annotations

from collections.abc import Mapping

from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive, var
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.core.model import Document, Phrase
from tui.core.text_lines import LineInfo
from tui.core.text_places import Place, TextPlaces
from tui.i18n import translate_bindings

from .line_strips import LineStrips
from .text_search import TextSearch

__all__ = ["LineInfo", "TextView"]

SCROLL = Binding.Group("key_scroll")
PAGE = Binding.Group("key_page")
ENDS = Binding.Group("key_top_bottom")


class TextView(TextSearch, ScrollView, TextPlaces, can_focus=True):
    """A document's sections in reading order: headings, wrapped paragraphs, phrases, matches.

    What the lines are, and which line a section or a match is on, is `TextPlaces`' (tui/core/text_places.py,
    Textual-free); the view scrolls to those lines and says which section is in view. Its lines are drawn
    by `LineStrips` (line_strips.py), its search is `TextSearch` (text_search.py).
    """

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

    # The styles its lines are drawn in: the headings', and the names of DrawnLine's spans (tui/core/text_lines.py).
    COMPONENT_CLASSES = {
        f"text-view--{name}"
        for name in ("heading-1", "heading-2", "heading-3", "phrase", "match", "current-match")
        + ("bold", "italic", "code", "link", "strike", "mark")  # Markdown's inline styles
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
        TextPlaces.__init__(self, captions)
        self._strips = LineStrips(self)  # the drawing: lines as strips, in this pane's styles
        if document is not None:
            self.load(document)

    # ---- loading ----

    @property
    def document(self) -> Document | None:
        return self._document

    def load(self, document: Document, phrases: Mapping[str, list[Phrase]] | None = None) -> None:
        """Show `document` from its start, with `phrases` per section id if known."""
        self.take_document(document)
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
        anchor = self.anchor_at(self.scroll_offset.y)
        self._layout()
        if anchor is not None:
            self._scroll_to_place(anchor)

    def _layout(self) -> None:
        width = self._content_width()
        if self._document is None or width <= 0:
            return
        self._wrap_lines(width)
        self._layout_width = width
        self._update_virtual_size()
        self._redraw()
        if self.held is not None:
            self._scroll_to_place(self.held)
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
        place = self.section_place(section_id, at)
        if place is not None:
            self._scroll_to_place(place, animate=animate)

    @property
    def position(self) -> tuple[str, float] | None:
        """The section at the top and the place in it, independent of the width (see above)."""
        return self.position_at(self.scroll_offset.y)

    def _scroll_to_place(self, place: Place, animate: bool = False) -> None:
        line = self.line_to_show(place)
        if line is None:
            return  # held until laid out, or not in the text
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
        section_id = self.section_in_view(self.scroll_offset.y)
        if section_id is not None:
            self.current_section = section_id

    def watch_current_section(self, section_id: str | None) -> None:
        if section_id is not None:
            self.post_message(self.SectionChanged(self, section_id))

    def _match_changed(self, index: int, section_id: str) -> None:
        self.post_message(self.MatchChanged(self, index, self.match_count, section_id))

    # ---- drawing ----

    def watch_highlight_phrases(self) -> None:
        self._redraw()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()

    def _redraw(self) -> None:
        self._strips.clear()
        self.refresh()

    def render_lines(self, crop: Region) -> list[Strip]:
        # A frame after a change of size is drawn before the pane hears of it (on_resize): lay the
        # text out here, at the width it is drawn at. The first frame would show an empty pane.
        if self._document is not None and self._layout_width != self._content_width():
            self._relayout()
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        return self._strips.line(self.scroll_offset.y + y, self.scrollable_content_region.width)
