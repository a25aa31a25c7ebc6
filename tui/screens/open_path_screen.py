"""Open a file by its path: an input that completes file and folder names as they are typed."""

from __future__ import annotations

import os
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Input, Static

from ..i18n import t, translate_bindings
from ..widgets.key_bar import KeyBar
from .reader_screen import printable

MAX_ENTRIES = 2000  # a folder's names looked at for a completion, at most


def complete_path(typed: str) -> str | None:
    """`typed` completed to the first file or folder name it begins (a folder's with a trailing /), or None.

    Hidden names only when a dot is typed; ~ stands for the home folder, kept as typed.
    """
    if not typed:
        return None
    expanded = os.path.expanduser(typed)
    folder, start = os.path.split(expanded)
    try:
        with os.scandir(folder or ".") as entries:
            names = sorted(
                (entry.name + (os.sep if entry.is_dir() else ""))
                for _, entry in zip(range(MAX_ENTRIES), entries)
                if entry.name.startswith(start) and (start.startswith(".") or not entry.name.startswith("."))
            )
    except OSError:
        return None
    if not names or names[0] == start:
        return None
    return typed + names[0][len(start) :]


class PathSuggester(Suggester):
    """Suggests the rest of a file or folder name, from the disk (nothing cached: folders change)."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        return complete_path(value)


class OpenPathScreen(ModalScreen[Path | None]):
    """Dismissed with the path of an existing file (Enter), or None (Esc)."""

    CSS_PATH = "styles/dialogs.tcss"  # read when the screen is first shown, not before the first frame

    BINDINGS = [Binding("escape", "cancel", "key_cancel", id="cancel_open")]

    def __init__(self) -> None:
        super().__init__()
        translate_bindings(self)

    def compose(self) -> ComposeResult:
        yield KeyBar()
        with Vertical(id="open-path-dialog"):
            yield Static(t("open_path_title"), id="open-path-title", markup=False)
            yield Input(placeholder=t("open_path_placeholder"), suggester=PathSuggester(), id="open-path-input")
            yield Static(t("open_path_help"), id="open-path-message", markup=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        typed = event.value.strip()
        if not typed:
            return
        path = Path(typed).expanduser()
        message = self.problem(path)
        if message is not None:
            self.query_one("#open-path-message", Static).update(message)
            return
        self.dismiss(path)

    @staticmethod
    def problem(path: Path) -> str | None:
        """Why `path` cannot be opened, in one line; None when it is a file."""
        name = printable(str(path))
        if path.is_dir():
            return t("load_folder", name=name)
        if not path.is_file():
            return t("load_missing", name=name)
        return None

    def action_cancel(self) -> None:
        self.dismiss(None)
