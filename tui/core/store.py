"""SQLite storage: opening, reading positions, cards and reviews; the other tables through its mixins."""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.core import in_use, scheduler
from tui.core.database import (
    MIGRATIONS,
    SCHEMA_VERSION,
    CorruptDatabase,
    StoreError,
    as_store_error,
    connect,
    move_aside,
    store_error,
)
from tui.core.documents import Documents
from tui.core.exam_dates import ExamDates
from tui.core.library import Library
from tui.core.records import (
    Answer,
    Position,
    Recorded,
    Review,
    StoredCard,
)
from tui.core.statistics import Statistics
from tui.core.stored_outlines import StoredOutlines
from tui.core.stored_phrases import StoredPhrases
from tui.core.study_time import StudyTime

if TYPE_CHECKING:
    from fsrs import Scheduler

# What callers take from here: the store, its errors, and the schema for those who read it through the store.
__all__ = ["FILENAME", "MIGRATIONS", "SCHEMA_VERSION", "Position", "Store", "StoreError", "default_data_dir"]

FILENAME = "study.db"
BUSY_TIMEOUT = 5.0


def default_data_dir() -> Path:
    """Where study keeps its database: `STUDY_DATA_DIR`, else the user's data directory."""
    override = os.environ.get("STUDY_DATA_DIR")
    if override:
        return Path(override).expanduser()
    import platformdirs  # only here: it costs 25 ms to import and tests never need it

    return Path(platformdirs.user_data_dir("study"))


def _epoch(moment: datetime | None) -> float:
    return scheduler.utc(moment).timestamp()


def _moment(epoch: float) -> datetime:
    return datetime.fromtimestamp(epoch, timezone.utc)


def _local_day(epoch: float) -> date:
    return datetime.fromtimestamp(epoch).date()


class Store(Documents, StoredPhrases, StoredOutlines, Statistics, ExamDates, StudyTime, Library):
    """The study database. Open it with `Store.open()`; every write commits before returning.

    One connection, shared by the app's threads under a lock; a second running
    study has its own and waits for ours (busy timeout) rather than failing.
    """

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self._db = connection
        self._lock = threading.RLock()
        self.path = path
        self._in_use = in_use.hold(path)  # a restore is refused while it is held (in_use.py)
        self.notice: str | None = None
        self.moved_to: Path | None = None

    # ------------------------------------------------------------ opening

    @classmethod
    def open(cls, data_dir: str | os.PathLike[str] | None = None, *, timeout: float = BUSY_TIMEOUT) -> Store:
        """Open (creating or upgrading as needed) study.db in `data_dir`, else `default_data_dir()`.

        A damaged file is renamed to study.db.corrupt-YYYYmmdd-HHMMSS, never deleted,
        and a fresh database started; `notice` then says so in one line.
        """
        directory = Path(data_dir) if data_dir is not None else default_data_dir()
        try:
            directory.mkdir(parents=True, exist_ok=True)
        except OSError:
            raise store_error("unavailable", path=directory) from None
        path = directory / FILENAME
        try:
            return cls(connect(path, timeout), path)
        except CorruptDatabase:
            moved = move_aside(path)
            store = cls(connect(path, timeout), path)
            store.moved_to = moved
            store.notice = f"The study database was damaged; it was moved to {moved.name} and a new one started."
            return store

    def close(self) -> None:
        with self._lock:
            self._db.close()
            in_use.release(self._in_use)
            self._in_use = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return int(self._read("PRAGMA user_version")[0][0])

    # ------------------------------------------------------------ plumbing

    def _read(self, sql: str, parameters: Iterable[object] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            try:
                return self._db.execute(sql, tuple(parameters)).fetchall()
            except sqlite3.Error as error:
                raise as_store_error(error, self.path) from None

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, committed (and on disk) when the block ends."""
        with self._lock:
            try:
                # IMMEDIATE takes the write lock up front, so a busy database is waited
                # for here rather than failing half-way through the transaction.
                self._db.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as error:
                raise as_store_error(error, self.path) from None
            try:
                yield self._db
                self._db.execute("COMMIT")
            except sqlite3.Error as error:
                self._rollback()
                raise as_store_error(error, self.path) from None
            except BaseException:
                self._rollback()
                raise

    def _rollback(self) -> None:
        try:
            self._db.execute("ROLLBACK")
        except sqlite3.Error:
            pass

    # ------------------------------------------------------------ positions (documents: tui/core/documents.py)

    def position(self, document_id: int) -> Position | None:
        rows = self._read("SELECT section_id, scroll FROM positions WHERE document_id = ?", (document_id,))
        return Position(rows[0][0], rows[0][1]) if rows else None

    def set_position(self, document_id: int, section_id: str, scroll: float = 0.0) -> None:
        with self._write() as db:
            db.execute(
                "INSERT INTO positions (document_id, section_id, scroll) VALUES (?, ?, ?) "
                "ON CONFLICT (document_id) DO UPDATE SET section_id = excluded.section_id, scroll = excluded.scroll",
                (document_id, section_id, scroll),
            )

    # ------------------------------------------------------------ cards and reviews

    def cards(self, document_id: int) -> dict[str, StoredCard]:
        """Every reviewed card of a document by key (cards never reviewed are not stored)."""
        rows = self._read("SELECT key, section_key, state, due FROM cards WHERE document_id = ?", (document_id,))
        return {key: StoredCard(key, section_key, state, _moment(due)) for key, section_key, state, due in rows}

    def due_times(self, document_id: int) -> dict[str, datetime]:
        """When each reviewed card of a document is due, by key: what `scheduler.due_queue` takes."""
        rows = self._read("SELECT key, due FROM cards WHERE document_id = ?", (document_id,))
        return {key: _moment(due) for key, due in rows}

    def record_review(self, document_id: int, answer: Answer, fsrs_scheduler: Scheduler | None = None) -> Recorded:
        """Grade a card: schedule it with FSRS and save the review and its new state together.

        One transaction, committed before this returns, so an answer the user has
        seen graded is never lost. `correct` is stored as rating > Again.
        """
        moment = scheduler.utc(answer.time)
        card_key, rating = answer.card_key, answer.rating
        with self._write() as db:
            row = db.execute(
                "SELECT state FROM cards WHERE document_id = ? AND key = ?", (document_id, card_key)
            ).fetchone()
            before = row[0] if row else None
            state, due = scheduler.review(before, rating, moment, key=card_key, scheduler=fsrs_scheduler)
            cursor = db.execute(
                "INSERT INTO reviews (document_id, card_key, section_key, time, typed, outcome, correct, hints, "
                "rating, duration, state_before, score) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    document_id,
                    card_key,
                    answer.section_key,
                    moment.timestamp(),
                    answer.typed,
                    answer.outcome,
                    int(rating > 1),
                    answer.hints,
                    int(rating),
                    answer.duration,
                    before,
                    answer.score,
                ),
            )
            db.execute(
                "INSERT INTO cards (document_id, key, section_key, state, due, introduced, stability) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (document_id, key) DO UPDATE SET "
                "section_key = excluded.section_key, state = excluded.state, due = excluded.due, "
                "stability = excluded.stability",
                (document_id, card_key, answer.section_key, state, due.timestamp(), moment.timestamp(),
                 scheduler.stability(state)),
            )
            return Recorded(int(cursor.lastrowid or 0), state, due)

    def rerate(self, review_id: int, rating: int, fsrs_scheduler: Scheduler | None = None) -> Recorded:
        """Change the rating of a card's latest review (keys 1-4 over a suggested rating)."""
        with self._write() as db:
            row = db.execute(
                "SELECT document_id, card_key, time, state_before FROM reviews WHERE id = ?", (review_id,)
            ).fetchone()
            if row is None:
                raise StoreError(f"There is no review {review_id}.")
            document_id, card_key, when, before = row
            latest = db.execute(
                "SELECT MAX(id) FROM reviews WHERE document_id = ? AND card_key = ?", (document_id, card_key)
            ).fetchone()[0]
            if latest != review_id:
                raise StoreError("Only the latest review of a card can be rated again.")
            state, due = scheduler.review(before, rating, _moment(when), key=card_key, scheduler=fsrs_scheduler)
            db.execute(
                "UPDATE reviews SET rating = ?, correct = ? WHERE id = ?", (int(rating), int(rating > 1), review_id)
            )
            db.execute(
                "UPDATE cards SET state = ?, due = ?, stability = ? WHERE document_id = ? AND key = ?",
                (state, due.timestamp(), scheduler.stability(state), document_id, card_key),
            )
            return Recorded(review_id, state, due)

    def reviews(self, document_id: int, card_key: str | None = None) -> list[Review]:
        """The reviews of a document (or of one card), oldest first."""
        sql = (
            "SELECT id, card_key, section_key, time, typed, outcome, correct, hints, rating, duration, score "
            "FROM reviews WHERE document_id = ?"
        )
        parameters: list[object] = [document_id]
        if card_key is not None:
            sql += " AND card_key = ?"
            parameters.append(card_key)
        rows = self._read(sql + " ORDER BY id", parameters)
        return [
            Review(rid, key, section, _moment(when), typed, outcome, bool(correct), hints, rating, duration, score)
            for rid, key, section, when, typed, outcome, correct, hints, rating, duration, score in rows
        ]

    def new_cards_today(self, document_id: int, now: datetime | None = None) -> int:
        """How many cards were reviewed for the first time today (local time)."""
        rows = self._read(
            "SELECT COUNT(*) FROM cards WHERE document_id = ? AND introduced >= ?",
            (document_id, scheduler.day_start(now).timestamp()),
        )
        return int(rows[0][0])
