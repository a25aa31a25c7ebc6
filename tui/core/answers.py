"""Graded answers on their way to the store: written at once, held when it refuses, never dropped."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .records import Answer

if TYPE_CHECKING:
    from fsrs import Scheduler

    from .records import Recorded
    from .store import Store


class AnswerQueue:
    """The answers the store has not taken yet, oldest first, and where they went if it never did.

    The store can refuse an answer (held by another program past its busy timeout, a
    full disk, read-only), and so can finding the document's record in it when the
    app started with the database busy: `document_id` is asked again at each flush.
    A refused answer waits and is written with the next one; on leaving it goes to a
    file beside the database.
    """

    def __init__(
        self,
        store: Store,
        document_id: Callable[[], int],
        scheduler: Callable[[Store, int, datetime | None], Scheduler | None] | None = None,
    ) -> None:
        self.store = store
        self.document_id = document_id  # raises StoreError while the store cannot say
        # The FSRS scheduler for an answer, by when it was given (an exam date's: tui/core/exam.py).
        self.scheduler = scheduler
        self.waiting: list[Answer] = []
        self.file: Path | None = None
        self.filed = 0  # how many answers `file` holds

    def record(self, answer: Answer) -> Recorded | None:
        """Write this answer and every one still waiting; a StoreError leaves them waiting."""
        if answer.time is None:
            # Stamped now: an answer written later is still scheduled from when it was given.
            answer = answer._replace(time=datetime.now().astimezone())
        self.waiting.append(answer)
        return self.flush()

    def flush(self) -> Recorded | None:
        """Write the waiting answers, oldest first; the last one's record, or None if none waited."""
        recorded = None
        if self.waiting:
            document_id = self.document_id()
        while self.waiting:
            answer = self.waiting[0]
            chosen = self.scheduler(self.store, document_id, answer.time) if self.scheduler is not None else None
            recorded = self.store.record_review(document_id, answer, chosen)
            self.waiting.pop(0)
        return recorded

    def rerate_waiting(self, card_key: str, rating: int) -> None:
        """A waiting answer re-rated (keys 1-4): the newest one of that card takes the rating."""
        for index in range(len(self.waiting) - 1, -1, -1):
            if self.waiting[index].card_key == card_key:
                self.waiting[index] = self.waiting[index]._replace(rating=rating)
                return

    def keep_in_file(self) -> Path | None:
        """Write the waiting answers to a JSON file beside the database; None when the disk refuses.

        The file appears whole or not at all (written under a temporary name, synced,
        then linked to a name no other file has), so a crash or a second study leaving
        in the same second never leaves half a file or overwrites one. The answers are
        then in the file and only there: the queue is emptied so that no later flush
        stores them a second time.
        """
        if not self.waiting:
            return None
        import json  # only for the rare answers the store refused

        database = self.store.path
        data = json.dumps(self.as_data(), ensure_ascii=False, indent=1)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        try:
            path = _write_new_file(database.parent, f"{database.name}.unsaved-{stamp}", ".json", data)
        except OSError:
            return None
        self.file, self.filed = path, len(self.waiting)
        self.waiting.clear()
        return path

    def as_data(self) -> list[dict[str, Any]]:
        """The waiting answers as JSON-able data (times in ISO 8601)."""
        return [
            {key: value.isoformat() if isinstance(value, datetime) else value for key, value in fields.items()}
            for fields in (answer._asdict() for answer in self.waiting)
        ]


def _write_new_file(directory: Path, stem: str, suffix: str, data: str) -> Path:
    """Write `data` durably to `stem[-N]suffix` in `directory`, a name no file had; its path."""
    descriptor, temporary = tempfile.mkstemp(dir=directory, prefix=f".{stem}-", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        counter = 1
        while True:
            target = directory / f"{stem}{'' if counter == 1 else f'-{counter}'}{suffix}"
            try:
                os.link(temporary, target)  # unlike a rename, never replaces a file already there
                break
            except FileExistsError:
                counter += 1
        sync_directory(directory)
        return target
    finally:
        try:
            os.unlink(temporary)
        except OSError:
            pass


def sync_directory(directory: Path) -> None:
    """Make the new name itself durable (where the system allows a directory to be synced)."""
    try:
        descriptor = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
