"""The reader's search: `/` opens the search bar, `n`/`N` step through the matches, Esc closes it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..i18n import t
from ..widgets.outline_tree import OutlineTree
from ..widgets.text_view import TextView

if TYPE_CHECKING:
    from textual.message import Message
    from textual.screen import Screen

    from ..widgets.search_bar import SearchBar

    _Screen = Screen[None]  # what this is mixed into, for the type checker
else:
    _Screen = object


class ReaderSearch(_Screen):
    """The reader's search keys and the search bar's messages: mixed into `ReaderScreen`, whose bindings name them.

    The search bar and its Input are imported and mounted on the first search, not at start-up.
    """

    current_section: str | None
    _searched: str | None  # the query whose matches the text shows

    def _leave_message(self) -> Message:
        raise NotImplementedError  # the reader's own Leave message

    async def action_search(self) -> None:
        from ..widgets.search_bar import SearchBar

        bars = self.query(SearchBar)
        if bars:
            bar = bars.first()
        else:
            bar = SearchBar(id="search")
            await self.mount(bar, before="#status")
        bar.open()

    def _search_bar(self) -> SearchBar | None:
        """The search bar, once mounted (it is imported and mounted on the first search)."""
        if not self.query("SearchBar"):
            return None
        from ..widgets.search_bar import SearchBar

        return self.query_one(SearchBar)

    def action_close_search(self) -> None:
        bar = self._search_bar()
        if bar is None or not bar.is_open:
            self.post_message(self._leave_message())
            return
        if bar.is_open:
            bar.close()
            self._searched = None
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
        if event.submitted and event.query and event.query == self._searched:
            # Enter on the query already searched: the next match, not the first again.
            text.next_match()
            text.focus()
            return
        total = text.search(event.query)
        self._searched = event.query
        self.query_one(OutlineTree).set_matches(text.matched_sections)
        bar = self._search_bar()
        if bar is None:
            return
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

    def on_text_view_match_changed(self, event: TextView.MatchChanged) -> None:
        bar = self._search_bar()
        if bar is not None:
            bar.show_count(t("search_count", index=event.index + 1, total=event.total))
        if event.section_id is not None:
            # The match is a third of the way down, maybe below the top section's end:
            # the outline and breadcrumb name the section the match is in.
            self.query_one(OutlineTree).show_section(event.section_id)
            self.current_section = event.section_id
