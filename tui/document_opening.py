"""A document's slow steps off the event loop: reading its file, parsing it, finding its phrases; told by message."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from functools import partial

from textual.message import Message
from textual.message_pump import MessagePump

from .core.records import FoundPhrases
from .core.workbook import FIRST_FRAME_CHARS, Workbook
from .i18n import load_message


def in_background(task: Callable[[], None], name: str) -> None:
    """Run a slow step in a daemon thread, which quitting never waits for.

    Textual's thread workers run in the event loop's executor, and leaving the loop
    waits for them: `q` during the extraction of a large document would wait minutes.
    Nothing is lost by not waiting: every answer is in the store as it is given.
    """
    threading.Thread(target=task, name=f"study-{name}", daemon=True).start()


class DocumentOpening:
    """Opens workbooks for the app: each slow step in a daemon thread, which never touches a widget but
    posts its result to `target` (the app), whose handlers show it."""

    class Opened(Message):
        """The workbook has parsed its document (in a worker, for a large one)."""

        def __init__(self, workbook: Workbook) -> None:
            super().__init__()
            self.workbook = workbook

    class Failed(Message):
        """The document could not be read (a damaged or scanned PDF, say): the app ends with this line,
        or, opened from the library, says it and goes back there."""

        def __init__(self, workbook: Workbook, reason: str) -> None:
            super().__init__()
            self.workbook = workbook
            self.reason = reason

    class PhrasesFound(Message):
        def __init__(self, workbook: Workbook, found: FoundPhrases) -> None:
            super().__init__()
            self.workbook = workbook
            self.found = found

    class Reading(Message):
        """How far the reading of a long document has come (pages done of total)."""

        def __init__(self, workbook: Workbook, done: int, total: int) -> None:
            super().__init__()
            self.workbook = workbook
            self.done, self.total = done, total

    def __init__(self, target: MessagePump) -> None:
        self.target = target
        self._read_shown = 0.0  # when the reading's progress was last told

    def open(self, workbook: Workbook) -> None:
        """Parse the workbook's document (reading its file first, if it is to be read here): Opened or Failed."""
        if workbook.document is not None:
            self.target.post_message(self.Opened(workbook))
        elif workbook.read is not None:
            # A Word file or a PDF is read in the background, its pages counted on the status line.
            workbook.on_progress = partial(self._reading, workbook)
            in_background(partial(self._open, workbook), "read")
        elif len(workbook.text) <= FIRST_FRAME_CHARS:
            # A few milliseconds: the first frame then shows the document, not empty panes.
            workbook.open()
            self.target.post_message(self.Opened(workbook))
        else:
            in_background(partial(self._open, workbook), "parse")

    def find_phrases(self, workbook: Workbook) -> None:
        """Find the opened document's phrases in the background: PhrasesFound."""
        in_background(lambda: self._report(self.PhrasesFound(workbook, workbook.find_phrases())), "phrases")

    def _report(self, message: Message) -> None:
        """From a background thread: hand the app its result, unless the app has gone."""
        try:
            self.target.post_message(message)
        except RuntimeError:
            pass  # the event loop closed while the thread worked: nobody is waiting

    def _open(self, workbook: Workbook) -> None:
        from .core.loader import LoadError

        try:
            workbook.open()
        except LoadError as error:
            self._report(self.Failed(workbook, load_message(error)))
            return
        self._report(self.Opened(workbook))

    def _reading(self, workbook: Workbook, done: int, total: int) -> None:
        """From the background thread, twice a second at most: each redraw takes the interpreter from the reading."""
        now = time.monotonic()
        if done < total and now - self._read_shown < 0.5:
            return
        self._read_shown = now
        self._report(self.Reading(workbook, done, total))
