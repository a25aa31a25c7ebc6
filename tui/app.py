"""The Textual app: the library or one document's reader; runs the workbooks' slow steps in threads, saves on leaving.

Where a screen's data comes from: the `Workbook` (tui/core/workbook.py), handed to the
reader, which hands it on to the quiz, review and phrase editor screens it opens. With
no document given, the app opens on the library (tui/screens/library_screen.py), which
gets the store and the run's `OpenedWorkbooks` (tui/core/opened.py) and reviews across
the documents itself; opening one of them comes here: its workbook is built, its reader
pushed; leaving the reader (q, Esc) saves it and comes back. A workbook's slow steps
(reading, parsing, finding phrases) run in `DocumentOpening`'s threads (tui/document_opening.py),
whose messages the handlers here hand to the reader. The app itself only runs workers,
navigates, notifies, shows help and the palette, and quits.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from .core.opened import OpenedWorkbooks
from .core.scheduler import NEW_PER_DAY
from .core.workbook import Workbook
from .document_opening import DocumentOpening
from .i18n import store_message, t, translate_bindings
from .screens.reader_screen import ReaderScreen, printable

if TYPE_CHECKING:
    from .core.store import Store
    from .screens.library_screen import LibraryScreen

Start = Literal["read", "quiz", "review", "frame", "stats"]  # what the app opens once the phrases are found

# Keys as the help screen and key bar write them, where Textual's own names are terse.
KEY_NAMES = {
    "enter": "Enter",
    "escape": "Esc",
    "tab": "Tab",
    "shift+tab": "Shift+Tab",
    "space": "Space",
    "home": "Home",
    "end": "End",
    "pageup": "PgUp",
    "pagedown": "PgDn",
}


class StudyApp(App[None]):
    """study: the reader on one workbook, or the library of the store's documents; and the screens they open."""

    CSS_PATH = Path(__file__).parent / "study.tcss"
    TITLE = "study"
    BINDINGS = [
        # Quit and help first: when a narrow key bar cuts keys off, these stay in view.
        Binding("q", "quit", "key_quit", tooltip="palette_help_quit", id="quit"),
        Binding("question_mark", "help", "key_help", tooltip="palette_help_help", id="help"),
    ]

    def __init__(
        self,
        workbook: Workbook | None = None,
        *,
        section: str | None = None,
        start: Start = "read",
        store: Store | None = None,
        always: Sequence[Path] = (),
        new_per_day: int | None = None,
    ) -> None:
        """On `workbook`'s reader; or, without one, on the library of `store` (with the documents of
        `always` listed even if never opened), where `start="review"` reviews across the library."""
        super().__init__()
        translate_bindings(self)
        self._workbook = workbook
        self.library_mode = workbook is None
        self.always = list(always)
        if new_per_day is None:
            new_per_day = workbook.new_per_day if workbook is not None else NEW_PER_DAY
        if store is None and workbook is not None:
            store = workbook.store
        self.opened = OpenedWorkbooks(store, new_per_day=new_per_day)  # every workbook opened, each left once
        if workbook is not None:
            self.opened.add(workbook)
        self.start_section = section
        self.start_mode: Start = start  # what to open once the phrases are found
        self.failure: str | None = None  # why the document could not be opened, for the command line
        self.opening = DocumentOpening(self)  # reads, parses and finds phrases in the background, posting here
        self.state_saved = False  # quitting saves, and unmounting would save again
        self._title_shown = False  # the terminal's title was set, and is given back on leaving

    @property
    def workbook(self) -> Workbook:
        """The document open in the reader."""
        if self._workbook is None:
            raise LookupError("no document is open")
        return self._workbook

    @property
    def workbooks(self) -> list[Workbook]:
        """Every workbook opened, for the command line to report answers the store never took."""
        return self.opened.workbooks

    # ------------------------------------------------------------- start-up

    def run(self, *, headless: bool = False, **options: Any) -> Any:
        if not headless:
            from .reading import keys_from_the_terminal

            keys_from_the_terminal("no_terminal")  # else keys never come, and end-of-file is read for ever
        return super().run(headless=headless, **options)  # what the app exited with (a test's screenshot)

    def get_default_screen(self) -> Screen[None]:
        # The reader (or the library) is the app's first screen, not pushed over an empty default one.
        if self._workbook is None:
            from .screens.library_screen import LibraryScreen  # only for the library: not before the reader's frame

            store = self.opened.store
            assert store is not None, "the library needs a store"
            review, self.start_mode = self.start_mode == "review", "read"  # study review: across the library
            return LibraryScreen(store, self.opened, always=self.always, review=review)
        return ReaderScreen(self._workbook, section=self.start_section)

    @property
    def reader(self) -> ReaderScreen:
        for screen in self.screen_stack:
            if isinstance(screen, ReaderScreen):
                return screen
        raise LookupError("the reader is not open")

    def on_mount(self) -> None:
        store = self.opened.store
        if store is not None and store.moved_to is not None:
            self.notify(t("database_moved_aside", name=store.moved_to.name), severity="warning", timeout=10)
        if self._workbook is not None:
            self.opening.open(self._workbook)

    # ------------------------------------------------------------- the document's steps, as they are told

    def on_document_opening_reading(self, message: DocumentOpening.Reading) -> None:
        workbook = message.workbook
        if workbook is self._workbook and workbook.document is None:
            name = printable(workbook.path.name)
            self.reader.set_status(t("load_progress", name=name, done=message.done, total=message.total))

    def on_document_opening_failed(self, message: DocumentOpening.Failed) -> None:
        if message.workbook is not self._workbook:
            return  # a document left before it was read
        if self.library_mode:
            self.notify(message.reason, severity="error", markup=False, timeout=10)
            self.opened.forget(message.workbook)  # nothing was answered in it
            self.close_document()
            return
        self.failure = message.reason
        self.exit(return_code=1)

    def on_document_opening_opened(self, message: DocumentOpening.Opened) -> None:
        workbook = message.workbook
        if workbook is not self._workbook:
            return
        self.show_title(workbook.opened.title)
        problem = workbook.problem
        if problem is not None:
            said = t("progress_not_kept", error=store_message(problem))
            self.notify(said, severity="error", timeout=15, markup=False)
        self.reader.document_opened()
        # After the frame that shows the outline: extraction competes for the interpreter.
        self.call_after_refresh(self.opening.find_phrases, workbook)

    def show_title(self, title: str) -> None:
        """The document's title as the app's and the terminal window's (OSC 2), in printable characters."""
        self.title = f"{printable(title)[:80]} — study"
        self._set_terminal_title()

    def _set_terminal_title(self) -> None:
        if self._driver is not None and not self.is_headless:
            # Saved first (CSI 22 t) and given back on leaving (CSI 23 t), where terminals can.
            self._driver.write(f"\x1b[22;0t\x1b]2;{self.title}\x07")
            self._title_shown = True

    def on_document_opening_phrases_found(self, message: DocumentOpening.PhrasesFound) -> None:
        found = message.found
        if message.workbook is not self._workbook:
            return
        if found.problem is not None:
            self.notify(t("edits_not_read", error=store_message(found.problem)), severity="error", markup=False)
        message.workbook.use_phrases(found)
        # The document, its phrases and cards live as long as the app: out of the collector's
        # sight, so a full collection (a quarter of a second on a 1 MB document) never lands
        # between a key and its frame.
        gc.freeze()
        mode, self.start_mode = self.start_mode, "read"
        self.reader.phrases_found(mode)

    # ------------------------------------------------------------- the library

    def on_library_screen_open(self, message: LibraryScreen.Open) -> None:
        """Open a document of the library (or a file named there) in its reader, read in the background."""
        from .screens.library_screen import library_reader

        workbook = self._workbook = self.opened.open_file(message.path)
        self.start_mode = message.then
        self.push_screen(library_reader(workbook))
        self.opening.open(workbook)

    def close_document(self) -> None:
        """Leave the open document for the library: its answers and reading position saved first."""
        workbook, self._workbook = self._workbook, None
        if workbook is None:
            return
        from .screens.library_screen import LibraryScreen

        self.opened.leave(workbook, self._position())
        gc.unfreeze()  # the document left can be collected; the next one opened is frozen again
        while len(self.screen_stack) > 1 and not isinstance(self.screen, LibraryScreen):
            self.pop_screen()
        self.title = self.TITLE
        if self._title_shown:
            self._set_terminal_title()

    def on_reader_screen_leave(self) -> None:
        if self.library_mode:
            self.close_document()

    # ------------------------------------------------------------- leaving

    def _position(self) -> tuple[str, float] | None:
        try:
            return self.reader.position
        except LookupError:
            return None

    def save_state(self) -> None:
        """On leaving: the reading position and any answer still waiting. Runs once: a second
        run could store an answer already written to the file."""
        if self.state_saved:
            return
        self.state_saved = True
        if self._workbook is not None:
            self.opened.leave(self._workbook, self._position())
        self.opened.leave_all()

    async def action_quit(self) -> None:
        if self.library_mode and self._workbook is not None and isinstance(self.screen, ReaderScreen):
            self.close_document()  # q in the reader goes back to the library, q there quits
            return
        self.save_state()
        self.exit()

    def on_unmount(self) -> None:
        self.save_state()
        gc.unfreeze()  # what was frozen on finding the phrases can go now (an app run in a test, say)
        if self._title_shown and self._driver is not None:
            self._driver.write("\x1b[23;0t")

    def on_key(self, event: events.Key) -> None:
        """A letter that reached no field is the focused text field's if it has one: typed in one
        burst right after the key that opened the field (a paste, fast typing), it was handed to
        the widget that had the focus before, and would work the screen's keys (t opens a quiz).
        A field keeps every letter it gets itself, so none other comes here while it has the focus."""
        if event.character is None or not event.is_printable:
            return
        # Only a field whose module is loaded can have the focus: looked up, not imported, so
        # that the reader's keys (t, j, k), which pass here, never pay for importing one.
        inputs, areas = sys.modules.get("textual.widgets._input"), sys.modules.get("textual.widgets._text_area")
        field = self.focused
        if inputs is not None and isinstance(field, inputs.Input):
            if field.selection.is_empty:  # as the input types a key itself: over a selection, it goes
                field.insert_text_at_cursor(event.character)
            else:
                field.replace(event.character, *field.selection)
        elif areas is not None and isinstance(field, areas.TextArea) and not field.read_only:
            field.insert(event.character)
        else:
            return
        event.prevent_default()  # the App's bindings come after this handler

    # ------------------------------------------------------------- help and commands

    def action_help(self) -> None:
        from .screens.help_screen import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_command_palette(self) -> None:
        from textual.command import CommandPalette

        from .screens.study_command_palette import StudyCommandPalette

        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(StudyCommandPalette())

    def get_key_display(self, binding: Binding) -> str:
        return KEY_NAMES.get(binding.key) or super().get_key_display(binding)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Every key of `screen` and of the app, by its name: the palette reads the bindings."""
        from .bindings import commands

        for node, binding in commands(screen):
            yield SystemCommand(
                binding.description, binding.tooltip, partial(self.run_action, binding.action, node)
            )
