"""What the library's rows show: a document's figures, its file's state, when it was opened, its path."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from rich.text import Text

from ..core.library import FileState, LibraryEntry
from ..core.scheduler import mastery_mark
from ..i18n import t
from .reader_screen import printable

PATH_CELLS = 48  # a long path keeps its end (the file's name) in its column
COLUMNS = ("title", "file", "sections", "cards", "due", "mastery", "opened", "path")
NUMERIC = ("sections", "cards", "due")


def shown_path(path: Path) -> str:
    """The path as the library shows it: under the home folder as ~, a long one cut at its start."""
    text = str(path)
    home = str(Path.home())
    if text.startswith(home + os.sep):
        text = "~" + text[len(home) :]
    text = printable(text)
    return text if len(text) <= PATH_CELLS else "…" + text[-(PATH_CELLS - 1) :]


def shown_time(moment: datetime | None, now: datetime | None = None) -> str:
    """When a document was last opened: the time today, else its date (local time)."""
    if moment is None:
        return t("library_never")
    local = moment.astimezone()
    today = (now or datetime.now()).astimezone().date()
    if local.date() == today:
        return t("library_today", time=local.strftime("%H:%M"))
    return local.strftime("%Y-%m-%d")


def header() -> list[Text]:
    """The columns' names, the figures' right-aligned."""
    return [Text(t(f"library_column_{name}"), justify="right" if name in NUMERIC else "left") for name in COLUMNS]


def row_cells(entry: LibraryEntry, state: FileState | None) -> list[Text]:
    """A document's row; `state`: what is known of its file (see FileStates.of)."""
    title = printable(entry.title)  # cut to its column's width as it is drawn
    known = entry.sections > 0 or entry.id is None
    mastery = f"{mastery_mark(entry.mastery)} {round(entry.mastery * 100)}%" if entry.cards else "-"
    return [
        Text(title),
        file_cell(state),
        Text(str(entry.sections) if known and entry.sections else "-", justify="right"),
        Text(str(entry.cards) if entry.cards else "-", justify="right"),
        Text(str(entry.due), justify="right", style="bold" if entry.due else ""),
        Text(mastery),
        Text(shown_time(entry.opened_at)),
        Text(t("library_path_piped") if entry.piped else shown_path(entry.path), style="dim"),
    ]


def file_cell(state: FileState | None) -> Text:
    """The file column: empty while the file is as the store knows it."""
    if state in ("missing", "changed", "unknown", "piped"):
        style = {"missing": "bold red", "piped": "dim"}.get(state, "yellow")
        return Text(t(f"library_file_{state}"), style=style)
    return Text("")
