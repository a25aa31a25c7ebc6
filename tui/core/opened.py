"""The workbooks one run of the app has opened: from the command line, the library or a review of it; each left once."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .scheduler import NEW_PER_DAY
from .workbook import Workbook

if TYPE_CHECKING:
    from .store import Store


class OpenedWorkbooks:
    """Every workbook opened so far, so that leaving stores each one's waiting answers and reading position once.

    Once only: a second leaving could store again an answer already written to the file beside
    the database. The command line reads `workbooks` afterwards for answers the store never took.
    """

    def __init__(self, store: Store | None, *, new_per_day: int = NEW_PER_DAY) -> None:
        self.store = store
        self.new_per_day = new_per_day  # for the documents opened from the library
        self.workbooks: list[Workbook] = []
        self._left: set[int] = set()  # ids of the workbooks already left

    def add(self, *workbooks: Workbook) -> None:
        self.workbooks.extend(workbooks)

    def open_file(self, path: Path) -> Workbook:
        """A workbook on a file the library names, its text read (with progress) by `Workbook.open`."""
        from .loader import load_text

        workbook = Workbook(
            path, "", self.store, new_per_day=self.new_per_day, read=lambda progress: load_text(path, progress=progress)
        )
        self.add(workbook)
        return workbook

    def leave(self, workbook: Workbook, position: tuple[str, float] | None = None) -> None:
        """Store a workbook's answers still waiting and its reading position, unless it was left already."""
        if self.was_left(workbook):
            return
        self._left.add(id(workbook))
        # What the store refuses goes to a file beside it, or stays queued for the command line to print.
        workbook.leave(position)

    def forget(self, workbook: Workbook) -> None:
        """Count a workbook as left without storing anything (its document could not be read: nothing was answered)."""
        self._left.add(id(workbook))

    def was_left(self, workbook: Workbook) -> bool:
        return id(workbook) in self._left

    def leave_all(self) -> None:
        for workbook in self.workbooks:
            self.leave(workbook)
