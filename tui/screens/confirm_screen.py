"""A yes-or-no question over the screen beneath it (forgetting a document)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from ..i18n import translate_bindings
from ..widgets.key_bar import KeyBar


class ConfirmScreen(ModalScreen[bool]):
    """Dismissed with True (y) or False (n, Esc)."""

    CSS_PATH = "styles/dialogs.tcss"  # read when the screen is first shown, not before the first frame

    BINDINGS = [
        Binding("y", "answer(True)", "key_confirm", id="confirm"),
        Binding("n", "answer(False)", "key_cancel", id="cancel"),
        Binding("escape", "answer(False)", "key_cancel", show=False, id="cancel_escape"),
    ]

    def __init__(self, question: str, keys: str) -> None:
        super().__init__()
        translate_bindings(self)
        self.question = question
        self.keys = keys

    def compose(self) -> ComposeResult:
        yield KeyBar()
        with Vertical(id="confirm-dialog"):
            yield Static(self.question, id="confirm-question", markup=False)
            yield Static(self.keys, id="confirm-keys", markup=False)

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
