"""The reader: the outline beside the text, with search and key-phrase highlighting."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Static

from ..core.model import Document, Phrase
from ..core.outline import heading_path
from ..i18n import captions, t, translate_bindings
from ..widgets.key_bar import KeyBar
from ..widgets.outline_tree import OutlineTree, Progress
from ..widgets.text_view import TextView

if TYPE_CHECKING:
    from ..widgets.search_bar import SearchBar

MIN_WIDTH, MIN_HEIGHT = 60, 15
SECTIONS = Binding.Group("key_sections_short", compact=True)


class ReaderScreen(Screen[None]):
    """Outline pane, breadcrumb and text pane; the rest of the app starts from here."""

    BINDINGS = [
        Binding("slash", "search", "key_search", id="search"),
        Binding("n", "next_match", "key_next_match", show=False, id="next_match"),
        Binding("N", "previous_match", "key_previous_match", show=False, id="previous_match"),
        Binding("h", "toggle_highlight", "key_highlight", id="highlight"),
        # One footer entry for both: "[] Prev/next section".
        Binding(
            "left_square_bracket", "previous_section", "key_previous_section", id="previous_section", group=SECTIONS
        ),
        Binding("right_square_bracket", "next_section", "key_next_section", id="next_section", group=SECTIONS),
        Binding("escape", "close_search", "key_close", show=False, id="close_search"),
    ]

    current_section: reactive[str | None] = reactive(None)
    too_small = reactive(False)

    def __init__(self) -> None:
        super().__init__()
        translate_bindings(self)
        self.document: Document | None = None
        self._section_order: list[str] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="main"):
            with Horizontal(id="panes"):
                yield OutlineTree(id="outline")
                with Vertical(id="reading"):
                    yield Static("", id="breadcrumb", markup=False)
                    yield TextView(id="text")
            # The search bar is mounted on first use: its Input costs start-up time.
            yield Static(t("opening"), id="status", markup=False)
        yield Static(t("too_small", width=MIN_WIDTH, height=MIN_HEIGHT), id="too-small", markup=False)
        yield KeyBar()

    # ------------------------------------------------------------- loading

    def on_mount(self) -> None:
        self.app.reader_mounted()  # type: ignore[attr-defined]

    def show_document(self, document: Document, section_id: str | None = None, at: float = 0.0) -> None:
        """Fill the panes with a parsed document and go to a section (or the first)."""
        self.document = document
        self._section_order = [s.id for s in document.walk()]
        names = captions()
        self.query_one(OutlineTree).load(document, names)
        text = self.query_one(TextView)
        text.set_captions(names)
        text.load(document)
        target = section_id if section_id in self._section_order else self._section_order[0]
        self._go_to(target, at)
        self.query_one(OutlineTree).focus()

    def _go_to(self, section_id: str, at: float = 0.0) -> None:
        self.query_one(TextView).scroll_to_section(section_id, at=at)
        self.query_one(OutlineTree).show_section(section_id)
        self.current_section = section_id

    def show_phrases(self, phrases: dict[str, list[Phrase]]) -> None:
        self.query_one(TextView).set_phrases(phrases)

    def show_progress(self, progress: dict[str, Progress]) -> None:
        self.query_one(OutlineTree).set_progress(progress)

    def set_status(self, message: str) -> None:
        self.query_one("#status", Static).update(message)

    # ------------------------------------------------------------- sync of the panes

    @on(OutlineTree.SectionChosen)
    def _outline_moved(self, event: OutlineTree.SectionChosen) -> None:
        self.query_one(TextView).scroll_to_section(event.section_id)
        self.current_section = event.section_id

    @on(TextView.SectionChanged)
    def _text_scrolled(self, event: TextView.SectionChanged) -> None:
        self.query_one(OutlineTree).show_section(event.section_id)
        self.current_section = event.section_id

    def watch_current_section(self, section_id: str | None) -> None:
        if self.document is None or section_id is None:
            return
        names = captions()
        trail = heading_path(self.document, section_id, names)
        self.query_one("#breadcrumb", Static).update(trail)

    @property
    def position(self) -> tuple[str, float] | None:
        """The section at the top of the text and how many lines into it, for position memory."""
        if self.document is None:
            return None
        return self.query_one(TextView).position

    # ------------------------------------------------------------- small terminals

    def on_resize(self, event: Resize) -> None:
        self.too_small = event.size.width < MIN_WIDTH or event.size.height < MIN_HEIGHT

    def watch_too_small(self, too_small: bool) -> None:
        self.set_class(too_small, "-too-small")

    # ------------------------------------------------------------- actions

    def action_next_section(self) -> None:
        self._step_section(+1)

    def action_previous_section(self) -> None:
        self._step_section(-1)

    def _step_section(self, step: int) -> None:
        if not self._section_order:
            return
        current = self.current_section or self._section_order[0]
        index = self._section_order.index(current) if current in self._section_order else 0
        index = max(0, min(len(self._section_order) - 1, index + step))
        self._go_to(self._section_order[index])

    def action_toggle_highlight(self) -> None:
        text = self.query_one(TextView)
        text.highlight_phrases = not text.highlight_phrases
        self.notify(t("highlight_on" if text.highlight_phrases else "highlight_off"), timeout=2)

    async def action_search(self) -> None:
        from ..widgets.search_bar import SearchBar

        bars = self.query(SearchBar)
        if bars:
            bar = bars.first()
        else:
            bar = SearchBar(id="search")
            await self.query_one("#main").mount(bar, before="#status")
        bar.open()

    def action_close_search(self) -> None:
        bars = self.query("SearchBar")
        if not bars:
            return
        bar = bars.first()
        if bar.is_open:
            bar.close()
            self.query_one(TextView).clear_search()
            self.query_one(OutlineTree).set_matches(set())
            self.query_one(OutlineTree).focus()

    def action_next_match(self) -> None:
        self.query_one(TextView).next_match()

    def action_previous_match(self) -> None:
        self.query_one(TextView).previous_match()

    # Handlers by name rather than @on(SearchBar...): the search bar and its Input are
    # imported on first use, not at start-up.
    def on_search_bar_changed(self, event: SearchBar.Changed) -> None:
        text = self.query_one(TextView)
        total = text.search(event.query)
        self.query_one(OutlineTree).set_matches(text.matched_sections)
        bar = self.query_one("SearchBar")
        if not event.query:
            bar.show_count("")
        elif total == 0:
            bar.show_count(t("search_none", query=event.query))
        elif event.submitted:
            text.next_match()
            # Hand the keys to the text, so that n and N step through the matches
            # instead of being typed into the query.
            text.focus()

    def on_search_bar_closed(self) -> None:
        self.action_close_search()

    @on(TextView.MatchChanged)
    def _match_changed(self, event: TextView.MatchChanged) -> None:
        self.query_one("SearchBar").show_count(t("search_count", index=event.index + 1, total=event.total))
        if event.section_id is not None:
            # The match is a third of the way down, maybe below the top section's end:
            # the outline and breadcrumb name the section the match is in.
            self.query_one(OutlineTree).show_section(event.section_id)
            self.current_section = event.section_id
