"""The search bar under the text: an input for the query and the match count."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Static

from ..i18n import t


class SearchBar(Horizontal):
    """Hidden until opened; reports the query as it is typed and when it is submitted."""

    DEFAULT_CSS = """
    SearchBar { height: 1; display: none; }
    SearchBar.-open { display: block; }
    SearchBar > Input { width: 1fr; padding: 0 1; }
    SearchBar > #search-count { width: auto; min-width: 12; height: 1; padding: 0 1; color: $text-muted; }
    """
    BINDINGS = [Binding("escape", "close", show=False)]

    class Changed(Message):
        """The query changed (as typed) or was submitted with Enter."""

        def __init__(self, query: str, submitted: bool = False) -> None:
            super().__init__()
            self.query = query
            self.submitted = submitted

    class Closed(Message):
        """The user closed the search."""

    def compose(self) -> ComposeResult:
        yield Input(placeholder=t("search_placeholder"), id="search-input", compact=True)
        yield Static("", id="search-count", markup=False)

    @property
    def is_open(self) -> bool:
        return self.has_class("-open")

    def open(self) -> None:
        self.add_class("-open")
        # At once: `focus()` waits its turn behind keys already sent (see StudyApp.on_key).
        self.screen.set_focus(self.query_one(Input))

    def close(self) -> None:
        self.remove_class("-open")
        self.query_one(Input).value = ""
        self.show_count("")

    def show_count(self, text: str) -> None:
        self.query_one("#search-count", Static).update(text)

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(event.value))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Changed(event.value, submitted=True))

    def action_close(self) -> None:
        self.post_message(self.Closed())
