"""The text pane's search: every match of a query marked, and stepping through them with the view following."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.scroll_view import ScrollView

    from tui.core.text_places import TextPlaces

    class _TextPane(ScrollView, TextPlaces):  # what this is mixed into, for the type checker
        def _redraw(self) -> None: ...

else:
    _TextPane = object


class TextSearch(_TextPane):
    """Search in the text pane: mixed into `TextView`, which tells the reader of each match (MatchChanged)."""

    def _match_changed(self, index: int, section_id: str) -> None:
        raise NotImplementedError  # the text view posts its own message

    def search(self, query: str) -> int:
        """Find every occurrence of `query`, ignoring width and case; return how many."""
        self._find(query)
        self._redraw()
        return self.match_count

    def clear_search(self) -> None:
        self.search("")

    def next_match(self) -> str | None:
        """Move to the next match (the first at or below the top at first); return its section id."""
        return self._go_to_match(self.match_step(self.scroll_offset.y, +1))

    def previous_match(self) -> str | None:
        """Move to the previous match (the last above the top at first); return its section id."""
        return self._go_to_match(self.match_step(self.scroll_offset.y, -1))

    def _go_to_match(self, index: int | None) -> str | None:
        if index is None:
            return None
        section_id = self.choose_match(index)
        line = self.match_line(index)
        height = self.scrollable_content_region.height
        if not self.scroll_offset.y <= line < self.scroll_offset.y + height:
            # Out of sight: bring it to a third of the way down, with its context above.
            self.scroll_to(y=max(0, line - height // 3), animate=False)
        self._redraw()
        self._match_changed(index, section_id)
        return section_id
