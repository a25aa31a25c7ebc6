"""The Textual app: runs the workbook's slow steps in workers, opens the reader, saves on leaving.

Where a screen's data comes from: the `Workbook` (tui/core/workbook.py), handed to the
reader, which hands it on to the quiz, review and phrase editor screens it opens. The
app itself only runs workers, notifies, shows help and the command palette, and quits.
"""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import Literal

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen

from .core.workbook import FoundPhrases, Workbook
from .i18n import store_message, t, translate_bindings
from .screens.reader_screen import ReaderScreen, printable

Start = Literal["read", "quiz", "review", "frame"]  # what the app opens once the phrases are found

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

# Texts up to this size are parsed before the first frame; larger ones in a worker.
INLINE_PARSE_CHARS = 100_000



class StudyApp(App[None]):
    """study: the reader on one workbook, and the screens the reader opens."""

    CSS_PATH = Path(__file__).parent / "study.tcss"
    TITLE = "study"
    BINDINGS = [
        # Quit and help first: when a narrow key bar cuts keys off, these stay in view.
        Binding("q", "quit", "key_quit", tooltip="palette_help_quit", id="quit"),
        Binding("question_mark", "help", "key_help", tooltip="palette_help_help", id="help"),
    ]

    class DocumentOpened(Message):
        """The workbook has parsed its document (in a worker, for a large one)."""

    class OpenFailed(Message):
        """The document could not be read (a damaged or scanned PDF, say): the app ends with this line."""

        def __init__(self, reason: str) -> None:
            super().__init__()
            self.reason = reason

    class PhrasesFound(Message):
        def __init__(self, found: FoundPhrases) -> None:
            super().__init__()
            self.found = found

    def __init__(self, workbook: Workbook, *, section: str | None = None, start: Start = "read") -> None:
        super().__init__()
        translate_bindings(self)
        self.workbook = workbook
        self.start_section = section
        self.start_mode: Start = start  # what to open once the phrases are found
        self.failure: str | None = None  # why the document could not be opened, for the command line
        self._read_shown = 0.0  # when the reading's progress was last shown
        self.state_saved = False  # quitting saves, and unmounting would save again
        self._title_shown = False  # the terminal's title was set, and is given back on leaving

    # ------------------------------------------------------------- start-up

    def get_default_screen(self) -> Screen[None]:
        # The reader is the app's first screen, not pushed over an empty default one.
        return ReaderScreen(self.workbook, section=self.start_section)

    @property
    def reader(self) -> ReaderScreen:
        for screen in self.screen_stack:
            if isinstance(screen, ReaderScreen):
                return screen
        raise LookupError("the reader is not open")

    def on_mount(self) -> None:
        store = self.workbook.store
        if store is not None and store.moved_to is not None:
            self.notify(t("database_moved_aside", name=store.moved_to.name), severity="warning", timeout=10)
        if self.workbook.document is not None:
            self.post_message(self.DocumentOpened())
        elif self.workbook.read is not None:
            # A Word file or a PDF is read in the background, its pages counted on the status line.
            self.workbook.on_progress = self._reading
            self.in_background(self._open_document, "read")
        elif len(self.workbook.text) <= INLINE_PARSE_CHARS:
            # A few milliseconds: the first frame then shows the document, not empty panes.
            self.workbook.open()
            self.post_message(self.DocumentOpened())
        else:
            self.in_background(self._open_document, "parse")

    def in_background(self, task: Callable[[], None], name: str) -> None:
        """Run a slow step of the workbook in a daemon thread, which quitting never waits for.

        Textual's thread workers run in the event loop's executor, and leaving the loop
        waits for them: `q` during the extraction of a large document would wait minutes.
        Nothing is lost by not waiting: every answer is in the store as it is given.
        """
        threading.Thread(target=task, name=f"study-{name}", daemon=True).start()

    def _report(self, message: Message) -> None:
        """From a background thread: hand the app its result, unless the app has gone."""
        try:
            self.post_message(message)
        except RuntimeError:
            pass  # the event loop closed while the thread worked: nobody is waiting

    def _open_document(self) -> None:
        from .core.loader import LoadError

        try:
            self.workbook.open()
        except LoadError as error:
            self._report(self.OpenFailed(t(f"load_{error.kind}", **error.values)))
            return
        self._report(self.DocumentOpened())

    class Reading(Message):
        """How far the reading of a long document has come (pages done of total)."""

        def __init__(self, done: int, total: int) -> None:
            super().__init__()
            self.done, self.total = done, total

    def _reading(self, done: int, total: int) -> None:
        """From the background thread, twice a second at most: each redraw takes the interpreter from the reading."""
        now = time.monotonic()
        if done < total and now - self._read_shown < 0.5:
            return
        self._read_shown = now
        self._report(self.Reading(done, total))

    def on_study_app_reading(self, message: Reading) -> None:
        if self.workbook.document is None:
            name = printable(self.workbook.path.name)
            self.reader.set_status(t("load_progress", name=name, done=message.done, total=message.total))

    def on_study_app_open_failed(self, message: OpenFailed) -> None:
        self.failure = message.reason
        self.exit(return_code=1)

    def on_study_app_document_opened(self) -> None:
        self.show_title(self.workbook.opened.title)
        problem = self.workbook.problem
        if problem is not None:
            self.notify(t("progress_not_kept", error=store_message(problem)), severity="error", timeout=15)
        self.reader.document_opened()
        # After the frame that shows the outline: extraction competes for the interpreter.
        self.call_after_refresh(self.in_background, self._find_phrases, "phrases")

    def show_title(self, title: str) -> None:
        """The document's title as the app's and the terminal window's (OSC 2), in printable characters."""
        self.title = f"{printable(title)[:80]} — study"
        if self._driver is not None and not self.is_headless:
            # Saved first (CSI 22 t) and given back on leaving (CSI 23 t), where terminals can.
            self._driver.write(f"\x1b[22;0t\x1b]2;{self.title}\x07")
            self._title_shown = True

    def _find_phrases(self) -> None:
        self._report(self.PhrasesFound(self.workbook.find_phrases()))

    def on_study_app_phrases_found(self, message: PhrasesFound) -> None:
        found = message.found
        if found.problem is not None:
            self.notify(t("edits_not_read", error=store_message(found.problem)), severity="error")
        self.workbook.use_phrases(found)
        # The document, its phrases and cards live as long as the app: out of the collector's
        # sight, so a full collection (a quarter of a second on a 1 MB document) never lands
        # between a key and its frame.
        gc.freeze()
        mode, self.start_mode = self.start_mode, "read"
        self.reader.phrases_found(mode)

    # ------------------------------------------------------------- leaving

    def save_state(self) -> None:
        """On leaving: the reading position and any answer still waiting. Runs once: a second
        run could store an answer already written to the file."""
        if self.state_saved:
            return
        self.state_saved = True
        try:
            position = self.reader.position
        except LookupError:
            position = None
        # What the store refuses goes to a file beside it, or stays queued for the CLI to print.
        self.workbook.leave(position)

    async def action_quit(self) -> None:
        self.save_state()
        self.exit()

    def on_unmount(self) -> None:
        self.save_state()
        gc.unfreeze()  # what was frozen on finding the phrases can go now (an app run in a test, say)
        if self._title_shown and self._driver is not None:
            self._driver.write("\x1b[23;0t")

    # ------------------------------------------------------------- help and commands

    def action_help(self) -> None:
        from .screens.help_screen import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def get_key_display(self, binding: Binding) -> str:
        return KEY_NAMES.get(binding.key) or super().get_key_display(binding)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Every key of `screen` and of the app, by its name: the palette reads the bindings."""
        from .bindings import commands

        for node, binding in commands(screen):
            yield SystemCommand(
                binding.description, binding.tooltip, partial(self.run_action, binding.action, node)
            )
