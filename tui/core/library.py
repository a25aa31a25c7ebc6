"""The library: the store's documents with their figures, read without their files; forgetting one into a backup."""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Literal, NamedTuple, TypeVar

from tui.core import scheduler
from tui.core.database import StoreError, as_store_error
from tui.core.stored_outlines import drop_unused_outlines

BACKUP_FILENAME = "study-forgotten.db"  # beside study.db: what the library was told to forget
# The tables holding a document's data, the document's own row first (restoring needs its id).
DOCUMENT_TABLES = ("documents", "positions", "phrase_edits", "cards", "reviews")
# Rows whose own id numbers them only: a restored row takes a fresh one, in the same order.
RENUMBERED = ("phrase_edits", "reviews")
# A card counts as known once FSRS expects it to be recalled this many days after its last review.
MASTERED_STABILITY_DAYS = 21.0

FileState = Literal["ok", "missing", "changed", "unknown", "piped"]
# Where a document piped in on standard input is filed: no file of its own (`study -`).
PIPED_NAME = "<stdin>"
T = TypeVar("T")


def library_mastery(strength: float, reviewed: int, cards: int) -> float:
    """A document's mastery in the library, 0..1: the mean over its cards of min(1, stability / 21 days).

    `strength` is that sum over the reviewed cards (the store adds it up in SQL, see
    `STRENGTH_SQL`); new cards count 0. The one place to change the rule.
    """
    total = max(cards, reviewed)
    return min(1.0, strength / total) if total else 0.0


STRENGTH_SQL = f"SUM(MIN(1.0, stability / {MASTERED_STABILITY_DAYS}))"
# A recited paragraph's card (passages.py: `section ¶ opening #n`, no ` :: `) is graded in the
# recite screen, not in a review: it is neither due nor counted here, as in the outline.
NOT_PASSAGE = "NOT (key LIKE '% ¶ %' AND key NOT LIKE '% :: %')"


class LibraryEntry(NamedTuple):
    """One document in the library: what the store knows of it, without reading its file."""

    id: int | None  # None: a document always listed (the bundled speech) the store has not seen yet
    path: Path
    title: str
    content_hash: str
    sections: int  # as counted when its phrases were last found; 0: not yet
    cards: int
    due: int
    mastery: float
    opened_at: datetime | None

    @property
    def missing(self) -> bool:
        return not self.path.is_file()

    @property
    def piped(self) -> bool:
        """Read from standard input: it has no file to open again, only a pipe."""
        return self.path.name == PIPED_NAME


class DueDocument(NamedTuple):
    """A document with cards due now: what a review across the library reads."""

    id: int
    path: Path
    title: str
    due: int


class ForgottenDocument(NamedTuple):
    """A document moved into the backup file: restorable by its `backup_id`."""

    backup_id: int
    document_id: int
    path: str
    title: str
    forgotten_at: datetime


def file_state(path: Path, content_hash: str) -> FileState:
    """Whether a document's file is still as the store knows it: read and hashed (slow for a long PDF)."""
    from tui.core.loader import LoadError, load_text
    from tui.core.loader import content_hash as hash_of

    if not path.is_file():
        return "missing"
    try:
        text = load_text(path).text
    except LoadError:
        return "unknown"
    return "ok" if hash_of(text) == content_hash else "changed"


class Library:
    """The library's reads and its forgetting, mixed into `Store`, which supplies the connection."""

    _db: sqlite3.Connection
    _lock: threading.RLock
    path: Path

    def _read(self, sql: str, parameters: Iterable[object] = ()) -> list[tuple[Any, ...]]:
        raise NotImplementedError

    def _write(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError

    # ------------------------------------------------------------ reading

    def knows_documents(self) -> bool:
        return bool(self._read("SELECT 1 FROM documents LIMIT 1"))

    def library(self, now: datetime | None = None, always: Iterable[Path] = ()) -> list[LibraryEntry]:
        """Every document, the last opened first; then those of `always` the store has not seen.

        Two grouped queries over the cards (the due ones by the index on due; stability by a
        scan), so 100,000 cards take some tens of milliseconds, and no file is read.
        """
        cutoff = scheduler.utc(now).timestamp()
        # By the index on due alone: the few cards due now, not every card of every document.
        due = dict(
            self._read(
                "SELECT document_id, COUNT(*) FROM cards INDEXED BY cards_due_everywhere WHERE due <= ? "
                f"AND {NOT_PASSAGE} GROUP BY document_id",
                (cutoff,),
            )
        )
        strength = {
            document_id: (total, count)
            for document_id, total, count in self._read(
                f"SELECT document_id, {STRENGTH_SQL}, COUNT(*) FROM cards WHERE {NOT_PASSAGE} GROUP BY document_id"
            )
        }
        entries = []
        for document_id, path, title, content_hash, sections, cards, opened in self._read(
            "SELECT id, path, title, content_hash, section_count, card_count, opened_at FROM documents "
            "ORDER BY opened_at DESC, id DESC"
        ):
            total, reviewed = strength.get(document_id, (0.0, 0))
            entries.append(
                LibraryEntry(
                    id=document_id,
                    path=Path(path),
                    title=title or Path(path).name,
                    content_hash=content_hash,
                    sections=sections,
                    cards=max(cards, reviewed),
                    due=int(due.get(document_id, 0)),
                    mastery=library_mastery(total or 0.0, reviewed, cards),
                    opened_at=datetime.fromtimestamp(opened, timezone.utc) if opened else None,
                )
            )
        known = {str(entry.path) for entry in entries}  # stored resolved
        for path in always:
            if _resolved(path) not in known:
                entries.append(LibraryEntry(None, path, path.name, "", 0, 0, 0, 0.0, None))
        return entries

    def due_documents(self, now: datetime | None = None) -> list[DueDocument]:
        """The documents with cards due now, the most due first."""
        rows = self._read(
            "SELECT documents.id, documents.path, documents.title, due.count FROM documents JOIN "
            "(SELECT document_id, COUNT(*) AS count FROM cards INDEXED BY cards_due_everywhere WHERE due <= ? "
            f"AND {NOT_PASSAGE} GROUP BY document_id) AS due "
            "ON due.document_id = documents.id ORDER BY due.count DESC, documents.id",
            (scheduler.utc(now).timestamp(),),
        )
        return [DueDocument(id_, Path(path), title or Path(path).name, count) for id_, path, title, count in rows]

    def set_counts(self, document_id: int, sections: int, cards: int) -> None:
        """Remember how many sections and cards a document has, for the library to show unread."""
        with self._write() as db:
            db.execute(
                "UPDATE documents SET section_count = ?, card_count = ? WHERE id = ? "
                "AND (section_count != ? OR card_count != ?)",
                (sections, cards, document_id, sections, cards),
            )

    # ------------------------------------------------------------ forgetting and restoring

    @property
    def backup_path(self) -> Path:
        return self.path.with_name(BACKUP_FILENAME)

    @contextmanager
    def _with_backup(self) -> Iterator[sqlite3.Connection]:
        """The connection with the backup file attached as `backup` (outside any transaction)."""
        with self._lock:
            try:
                self._db.execute("ATTACH DATABASE ? AS backup", (str(self.backup_path),))
            except sqlite3.Error as error:
                raise as_store_error(error, self.path) from None
            try:
                yield self._db
            finally:
                try:
                    self._db.execute("DETACH DATABASE backup")
                except sqlite3.Error:
                    pass

    def _transaction(self, db: sqlite3.Connection, work: Callable[[], T]) -> T:
        """`work` in one write transaction on the connection (the backup attached), committed when it returns."""
        try:
            db.execute("BEGIN IMMEDIATE")
            result = work()
            db.execute("COMMIT")
            return result
        except sqlite3.Error as error:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise as_store_error(error, self.path) from None
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise

    def forget(self, document_id: int, now: datetime | None = None) -> int:
        """Move a document and all its progress into the backup file; its backup id, to restore it by.

        Copied first (and committed), then deleted: a crash between leaves it in both, never in neither.
        """
        moment = scheduler.utc(now).timestamp()
        with self._with_backup() as db:

            def copy() -> int:
                row = db.execute("SELECT path, title FROM main.documents WHERE id = ?", (document_id,)).fetchone()
                if row is None:
                    raise StoreError(f"There is no document {document_id}.")
                db.execute(
                    "CREATE TABLE IF NOT EXISTS backup.forgotten (id INTEGER PRIMARY KEY, "
                    "document_id INTEGER NOT NULL, path TEXT NOT NULL, title TEXT NOT NULL, forgotten_at REAL NOT NULL)"
                )
                backup_id = int(
                    db.execute(
                        "INSERT INTO backup.forgotten (document_id, path, title, forgotten_at) VALUES (?, ?, ?, ?)",
                        (document_id, row[0], row[1], moment),
                    ).lastrowid
                    or 0
                )
                for table in DOCUMENT_TABLES:
                    columns = ", ".join(_backup_columns(db, table))
                    db.execute(
                        f"INSERT INTO backup.{table} (forgotten, {columns}) SELECT ?, {columns} FROM main.{table} "
                        f"WHERE {_owner(table)} = ?",
                        (backup_id, document_id),
                    )
                return backup_id

            def delete() -> None:
                # The cascade takes its positions, phrase edits, cards and reviews with it; the outline
                # kept of its text goes too (tui/core/stored_outlines.py), unless another document has it.
                db.execute("DELETE FROM main.documents WHERE id = ?", (document_id,))
                drop_unused_outlines(db)

            backup_id = self._transaction(db, copy)
            self._transaction(db, delete)
            return backup_id

    def forgotten(self) -> list[ForgottenDocument]:
        """The documents in the backup file, the last forgotten first."""
        if not self.backup_path.exists():
            return []
        with self._with_backup() as db:
            try:
                rows = db.execute(
                    "SELECT id, document_id, path, title, forgotten_at FROM backup.forgotten ORDER BY id DESC"
                ).fetchall()
            except sqlite3.Error:
                return []  # a backup file without the table: nothing was ever forgotten into it
        return [
            ForgottenDocument(backup_id, document_id, path, title, datetime.fromtimestamp(at, timezone.utc))
            for backup_id, document_id, path, title, at in rows
        ]

    def restore(self, backup_id: int) -> int:
        """Bring a forgotten document back with all its progress; its id in the store now.

        It keeps its old id unless another document took it. Raises StoreError when the
        backup has no such document, or another document is known at its path now.
        """
        with self._with_backup() as db:

            def put_back() -> int:
                row = db.execute("SELECT document_id, path FROM backup.forgotten WHERE id = ?", (backup_id,)).fetchone()
                if row is None:
                    raise StoreError(f"There is no forgotten document {backup_id}.")
                old_id, path = row
                if db.execute("SELECT 1 FROM main.documents WHERE path = ?", (path,)).fetchone():
                    raise StoreError(f"Another document is known at {path} now.")
                taken = db.execute("SELECT 1 FROM main.documents WHERE id = ?", (old_id,)).fetchone()
                columns = [c for c in _columns(db, "main", "documents") if c != "id" or not taken]
                listed = ", ".join(columns)
                cursor = db.execute(
                    f"INSERT INTO main.documents ({listed}) SELECT {listed} FROM backup.documents WHERE forgotten = ?",
                    (backup_id,),
                )
                new_id = old_id if not taken else int(cursor.lastrowid or 0)
                for table in DOCUMENT_TABLES[1:]:
                    kept = [c for c in _columns(db, "main", table) if c != "document_id"]
                    if table in RENUMBERED:
                        kept.remove("id")
                    listed = ", ".join(kept)
                    order = " ORDER BY id" if table in RENUMBERED else ""
                    db.execute(
                        f"INSERT INTO main.{table} (document_id, {listed}) SELECT ?, {listed} FROM backup.{table} "
                        f"WHERE forgotten = ?{order}",
                        (new_id, backup_id),
                    )
                for table in DOCUMENT_TABLES:
                    db.execute(f"DELETE FROM backup.{table} WHERE forgotten = ?", (backup_id,))
                db.execute("DELETE FROM backup.forgotten WHERE id = ?", (backup_id,))
                return new_id

            return self._transaction(db, put_back)


def _owner(table: str) -> str:
    return "id" if table == "documents" else "document_id"


def _columns(db: sqlite3.Connection, schema: str, table: str) -> list[str]:
    return [row[1] for row in db.execute(f"PRAGMA {schema}.table_info({table})")]


def _backup_columns(db: sqlite3.Connection, table: str) -> list[str]:
    """The table's columns, its backup copy made or widened to hold them (a later schema may add some)."""
    columns = _columns(db, "main", table)
    have = set(_columns(db, "backup", table))
    if not have:
        db.execute(f"CREATE TABLE backup.{table} (forgotten INTEGER NOT NULL, {', '.join(columns)})")
    else:
        for column in columns:
            if column not in have:
                db.execute(f"ALTER TABLE backup.{table} ADD COLUMN {column}")
    return columns


def _resolved(path: Path) -> str:
    try:
        return str(path.expanduser().resolve())
    except OSError:
        return os.fspath(path)
