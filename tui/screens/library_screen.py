"""The library: the documents studied, with their figures; open one or a path, forget one, review them all."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static

from ..core.database import StoreError
from ..core.file_states import FileStates
from ..core.library import FileState, LibraryEntry, file_state
from ..i18n import store_message, t, translate_bindings
from ..widgets.key_bar import KeyBar
from ..widgets.library_table import LibraryTable
from .library_rows import COLUMNS, file_cell, header, row_cells, shown_path
from .reader_screen import ReaderScreen, printable

if TYPE_CHECKING:
    from ..core.opened import OpenedWorkbooks
    from ..core.review_across import AcrossReview
    from ..core.store import Store
    from ..core.workbook import Workbook

class LibraryScreen(Screen[None]):
    """A table of the store's documents (and the bundled speech): title, file state, sections, cards,
    due now, mastery, last opened, path. Figures come from the store alone; whether each file is
    still as it was is checked afterwards, in the background, one file at a time."""

    HELP_TITLE = "help_library"
    BINDINGS = [
        Binding(
            "enter", "open_document", "key_open_document", tooltip="palette_help_open_document", id="open_document"
        ),
        Binding("o", "open_path", "key_open_path", tooltip="palette_help_open_path", id="open_path"),
        Binding("r", "review_across", "key_review_across", tooltip="palette_help_review_across", id="review_across"),
        Binding("s", "stats", "key_stats", tooltip="palette_help_library_stats", id="library_stats"),
        Binding("x", "forget", "key_forget", tooltip="palette_help_forget", id="forget"),
    ]

    class Open(Message):
        """Open this file in the reader (the app builds its workbook), and then, when its phrases are
        found, what `then` says (its stats screen for s)."""

        def __init__(self, path: Path, then: Literal["read", "stats"] = "read") -> None:
            super().__init__()
            self.path = path
            self.then = then

    class AcrossRead(Message):
        """From the background: the documents with cards due have been read, the review across them can start."""

        def __init__(self, review: AcrossReview | None, problem: str | None = None) -> None:
            super().__init__()
            self.review = review
            self.problem = problem

    class FileChecked(Message):
        """From the background: whether a document's file is still the text the store knows."""

        def __init__(self, path: Path, state: FileState) -> None:
            super().__init__()
            self.path = path
            self.state = state

    def __init__(
        self, store: Store, opened: OpenedWorkbooks, *, always: Sequence[Path] = (), review: bool = False
    ) -> None:
        """The library of `store` (with `always` listed even if never opened); `review`: review across it at once.
        A review's workbooks join `opened`, which leaves them (their answers saved) when the review ends."""
        super().__init__()
        translate_bindings(self)
        self.store = store
        self.opened = opened
        self.always = list(always)
        self._review_at_start = review
        self._reading_across = False  # a review across the library is being read
        self.entries: list[LibraryEntry] = []
        self.file_states = FileStates()  # what the background check found
        self._checking = False
        self._resumed = False

    def compose(self) -> ComposeResult:
        yield Static("", id="library-title", markup=False)
        yield LibraryTable(id="library-table")
        yield Static("", id="library-status", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.refresh_entries()
        self.query_one(LibraryTable).focus()
        if self._review_at_start:
            self.call_after_refresh(self.action_review_across)

    def on_screen_resume(self) -> None:
        # Back from a document or a review: its answers changed the figures. (Not on the
        # first showing, which follows the mounting at once.)
        if self._resumed:
            self.refresh_entries()
        self._resumed = True

    # ------------------------------------------------------------- rows

    def refresh_entries(self) -> None:
        """Read the library from the store again and show it, the cursor kept on its document."""
        chosen = self.chosen
        try:
            self.entries = self.store.library(always=self.always)
        except StoreError as error:
            self.notify(store_message(error), severity="error", markup=False)
            return
        cursor = 0
        if chosen is not None:
            cursor = next((index for index, entry in enumerate(self.entries) if entry.path == chosen.path), 0)
        cells = [row_cells(entry, self.file_states.of(entry)) for entry in self.entries]
        self.query_one(LibraryTable).show(header(), cells, cursor)
        count = len(self.entries)
        title = t("library_title_one" if count == 1 else "library_title", count=count)
        self.query_one("#library-title", Static).update(title, layout=False)  # one line each
        due = [entry.due for entry in self.entries if entry.due]
        status = t("library_due", due=sum(due), documents=len(due)) if due else t("library_nothing_due")
        self.query_one("#library-status", Static).update(status, layout=False)
        self.call_after_refresh(self._check_files)  # after the rows are on screen: hashing holds the interpreter

    @property
    def chosen(self) -> LibraryEntry | None:
        if not self.entries:
            return None
        return self.entries[min(self.query_one(LibraryTable).cursor, len(self.entries) - 1)]

    # ------------------------------------------------------------- checking the files

    def _check_files(self) -> None:
        """Hash each file the store knows, in a daemon thread: reading 200 files must not hold the list up."""
        if self._checking:
            return
        wanted = self.file_states.to_check(self.entries)
        if not wanted:
            return
        self._checking = True
        threading.Thread(target=self._check, args=(wanted,), name="study-library-check", daemon=True).start()

    def _check(self, wanted: list[tuple[Path, str]]) -> None:
        try:
            for path, content_hash in wanted:
                self.post_message(self.FileChecked(path, file_state(path, content_hash)))
        except RuntimeError:
            return  # the app has gone
        finally:
            self._checking = False

    def on_library_screen_file_checked(self, message: FileChecked) -> None:
        self.file_states.found(message.path, message.state)
        table = self.query_one(LibraryTable)
        for index, entry in enumerate(self.entries):
            if entry.path == message.path and index < len(table.rows):
                table.set_cell(index, COLUMNS.index("file"), file_cell(self.file_states.of(entry)))

    # ------------------------------------------------------------- keys

    def on_library_table_chosen(self, event: LibraryTable.Chosen) -> None:
        event.stop()
        self.action_open_document()

    def action_stats(self) -> None:
        """s: the chosen document's stats screen, over its reader (Esc there: the reader; q: back here)."""
        self.action_open_document(then="stats")

    def action_open_document(self, then: Literal["read", "stats"] = "read") -> None:
        entry = self.chosen
        if entry is None:
            return
        if entry.piped:
            self.notify(t("library_piped", title=printable(entry.title)), severity="warning", markup=False, timeout=10)
            return
        if entry.missing:
            self.notify(
                t("library_file_gone", title=printable(entry.title), path=shown_path(entry.path)),
                severity="warning",
                markup=False,
            )
            return
        self.post_message(self.Open(entry.path, then))

    def action_open_path(self) -> None:
        from .open_path_screen import OpenPathScreen

        self.app.push_screen(OpenPathScreen(), self._path_chosen)

    def _path_chosen(self, path: Path | None) -> None:
        if path is not None:
            self.post_message(self.Open(path))

    def action_review_across(self) -> None:
        """Read the documents with cards due (in the background), then review their cards together."""
        if self._reading_across:
            return
        self._reading_across = True
        self.notify(t("review_across_reading"), timeout=3)
        threading.Thread(target=self._read_across, name="study-review", daemon=True).start()

    def _read_across(self) -> None:
        from ..core.review_across import review_across

        try:
            message = self.AcrossRead(review_across(self.store))
        except StoreError as error:
            message = self.AcrossRead(None, store_message(error))
        try:
            self.post_message(message)
        except RuntimeError:
            pass  # the event loop closed while the thread worked: nobody is waiting

    def on_library_screen_across_read(self, message: AcrossRead) -> None:
        from .review_screen import ReviewScreen

        self._reading_across = False
        if message.review is None:
            self.notify(message.problem or "", severity="error", markup=False)
            return
        review = message.review
        self.opened.add(*review.workbooks)
        for skipped in review.skipped:
            key = f"review_across_{skipped.reason}"
            title = printable(skipped.title)
            self.notify(t(key, title=title, count=skipped.due), severity="warning", markup=False, timeout=8)
        if not review.items:
            self.notify(t("review_nothing_due"))
            return
        self.app.push_screen(ReviewScreen(review.items, across=True), partial(self._across_done, review))

    def _across_done(self, review: AcrossReview, _: str | None) -> None:
        for workbook in review.workbooks:
            self.opened.leave(workbook)

    def action_forget(self) -> None:
        from .confirm_screen import ConfirmScreen

        entry = self.chosen
        if entry is None:
            return
        if entry.id is None:
            self.notify(t("forget_nothing"))
            return
        # The path too: documents of one title (a Word file and its PDF, say) are told apart by it.
        shown = t("library_path_piped") if entry.piped else shown_path(entry.path)
        question = t("forget_question", title=printable(entry.title), path=shown, backup=self.store.backup_path.name)
        self.app.push_screen(ConfirmScreen(question, t("forget_keys")), lambda yes: self._forget(entry, yes))

    def _forget(self, entry: LibraryEntry, yes: bool | None) -> None:
        if not yes or entry.id is None:
            return
        try:
            self.store.forget(entry.id)
        except StoreError as error:
            self.notify(store_message(error), severity="error", markup=False)
            return
        self.notify(t("forget_done", title=printable(entry.title), backup=self.store.backup_path.name), markup=False)
        self.refresh_entries()


def library_reader(workbook: Workbook) -> ReaderScreen:
    """The reader of a document opened from the library, where q goes back to the library."""
    reader = ReaderScreen(workbook)
    # Its key bar, help and palette say so. The same id as the app's quit, so that the
    # help and the palette show this one in its place.
    back = Binding("q", "app.quit", t("key_back_to_library"), tooltip=t("palette_help_back_to_library"), id="quit")
    reader._bindings.key_to_bindings["q"] = [back]
    return reader
