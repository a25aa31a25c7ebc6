"""The study database file: its schema and migrations, opening it, errors in one line, damage moved aside."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Literal

# One list of statements per schema version; never edit a released one, add the next.
MIGRATIONS: list[list[str]] = [
    # 1: the reader remembers documents and where the user left them.
    [
        """CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL UNIQUE,
            content_hash TEXT NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            opened_at REAL NOT NULL DEFAULT 0
        )""",
        "CREATE INDEX documents_content_hash ON documents (content_hash)",
        """CREATE TABLE positions (
            document_id INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
            section_id TEXT NOT NULL,
            scroll REAL NOT NULL DEFAULT 0
        )""",
    ],
    # 2: the quiz: the user's phrase edits, card states, every review, cached phrases.
    [
        """CREATE TABLE phrase_edits (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            section_key TEXT NOT NULL,
            action TEXT NOT NULL CHECK (action IN ('add', 'remove')),
            text TEXT NOT NULL,
            paragraph INTEGER,
            start INTEGER,
            created_at REAL NOT NULL
        )""",
        "CREATE INDEX phrase_edits_document ON phrase_edits (document_id)",
        """CREATE TABLE cards (
            document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            section_key TEXT NOT NULL,
            state TEXT NOT NULL,
            due REAL NOT NULL,
            introduced REAL NOT NULL,
            PRIMARY KEY (document_id, key)
        ) WITHOUT ROWID""",
        "CREATE INDEX cards_due ON cards (document_id, due)",
        """CREATE TABLE reviews (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            card_key TEXT NOT NULL,
            section_key TEXT NOT NULL,
            time REAL NOT NULL,
            typed TEXT NOT NULL DEFAULT '',
            outcome TEXT NOT NULL,
            correct INTEGER NOT NULL,
            hints INTEGER NOT NULL DEFAULT 0,
            rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
            duration REAL,
            state_before TEXT
        )""",
        "CREATE INDEX reviews_card ON reviews (document_id, card_key)",
        "CREATE INDEX reviews_time ON reviews (document_id, time)",
        """CREATE TABLE phrase_cache (
            content_hash TEXT NOT NULL,
            extractor_version TEXT NOT NULL,
            phrases TEXT NOT NULL,
            created_at REAL NOT NULL,
            PRIMARY KEY (content_hash, extractor_version)
        ) WITHOUT ROWID""",
    ],
]
SCHEMA_VERSION = len(MIGRATIONS)

ErrorKind = Literal["busy", "corrupt", "full", "newer", "unavailable", "other"]

_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_NOTADB = 5, 6, 11, 13, 26


class StoreError(Exception):
    """A database problem to tell the user in one line; `kind` lets a screen pick its own words."""

    def __init__(self, message: str, kind: ErrorKind = "other") -> None:
        super().__init__(message)
        self.kind = kind


class CorruptDatabase(Exception):
    """The file is damaged: the store moves it aside and starts afresh."""


def _kind(error: sqlite3.Error) -> ErrorKind:
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        code &= 0xFF
        if code in (_SQLITE_BUSY, _SQLITE_LOCKED):
            return "busy"
        if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
            return "corrupt"
        if code == _SQLITE_FULL:
            return "full"
        return "other"
    # Python 3.10 has no error codes on exceptions: fall back on SQLite's fixed messages.
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return "busy"
    if "not a database" in text or "malformed" in text:
        return "corrupt"
    if "full" in text:
        return "full"
    return "other"


def as_store_error(error: sqlite3.Error) -> StoreError:
    """The one-line error for a read or write that failed."""
    kind = _kind(error)
    message = {
        "busy": "The study database is busy: another study is writing to it. Try again in a moment.",
        "corrupt": "The study database is damaged; restart study to move it aside and start afresh.",
        "full": "The disk is full: study could not save to its database.",
    }.get(kind, f"The study database failed: {error}.")
    return StoreError(message, kind)


def connect(path: Path, timeout: float) -> sqlite3.Connection:
    """A connection to the database at `path`, checked and migrated to `SCHEMA_VERSION`.

    Raises `CorruptDatabase` for a damaged file, `StoreError` for any other failure.
    """
    try:
        connection = sqlite3.connect(
            str(path), timeout=timeout, isolation_level=None, check_same_thread=False
        )
    except sqlite3.Error as error:
        raise StoreError(f"Cannot open the study database {path}: {error}.", "unavailable") from None
    try:
        connection.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        if connection.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            connection.execute("PRAGMA journal_mode = WAL")
        # In WAL mode NORMAL already survives a killed process; FULL also survives
        # a power cut, and an answer is worth the fsync.
        connection.execute("PRAGMA synchronous = FULL")
        connection.execute("PRAGMA foreign_keys = ON")
        verdict = connection.execute("PRAGMA quick_check").fetchone()[0]
        if verdict != "ok":
            raise CorruptDatabase(verdict)
        _migrate(connection)
    except sqlite3.Error as error:
        connection.close()
        if _kind(error) == "corrupt":
            raise CorruptDatabase(str(error)) from None
        if _kind(error) == "busy":
            raise StoreError(
                "The study database is busy: another study is holding it. Try again in a moment.", "busy"
            ) from None
        raise StoreError(f"Cannot open the study database {path}: {error}.", _kind(error)) from None
    except BaseException:
        connection.close()
        raise
    return connection


def _migrate(connection: sqlite3.Connection) -> None:
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if version == SCHEMA_VERSION:
        return
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"The study database is from a newer study (schema {version}); update study to open it.", "newer"
        )
    connection.execute("BEGIN IMMEDIATE")
    try:
        # Another study may have upgraded the file while we waited for the lock.
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        for number in range(version, SCHEMA_VERSION):
            for statement in MIGRATIONS[number]:
                connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {number + 1}")
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise


def move_aside(path: Path) -> Path:
    """Rename a damaged database (and its WAL files, so they stay paired) out of the way."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
    try:
        os.replace(path, target)
        for suffix in ("-wal", "-shm"):
            side = path.with_name(path.name + suffix)
            if side.exists():
                os.replace(side, target.with_name(target.name + suffix))
    except OSError as error:
        raise StoreError(
            f"The study database {path} is damaged and could not be moved aside: {error.strerror}.", "corrupt"
        ) from None
    return target
