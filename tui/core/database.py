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
    # 3: progress follows a document through copies, moves and edits: each document's
    # fingerprint (tui.core.identity), its sections as last seen, and what it was copied from.
    [
        "ALTER TABLE documents ADD COLUMN fingerprint TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE documents ADD COLUMN layout TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE documents ADD COLUMN copied_from INTEGER REFERENCES documents (id) ON DELETE SET NULL",
    ],
    # 4: recitation, a library and exam dates: a typed recitation's score with its review; each
    # card's FSRS stability beside its state (mastery and the library read it without parsing
    # JSON); what the library shows of a document without reading its file; an exam date.
    [
        "ALTER TABLE reviews ADD COLUMN score REAL",
        "ALTER TABLE cards ADD COLUMN stability REAL NOT NULL DEFAULT 0",
        "UPDATE cards SET stability = COALESCE(json_extract(state, '$.stability'), 0)",
        "CREATE INDEX cards_due_everywhere ON cards (due)",
        "ALTER TABLE documents ADD COLUMN section_count INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE documents ADD COLUMN card_count INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE documents ADD COLUMN exam_date TEXT",
    ],
]
SCHEMA_VERSION = len(MIGRATIONS)

# Tables of what can be made again from the text (a text's outline as parsed, stored_outlines.py):
# created beside the schema rather than by a migration, so that an older study still opens the
# file and a read-only one is still read. Where one is missing, nothing is kept in it.
CACHE_TABLES = {
    "outline_cache": """CREATE TABLE outline_cache (
        content_hash TEXT NOT NULL,
        name TEXT NOT NULL,
        parser_version TEXT NOT NULL,
        outline TEXT NOT NULL,
        created_at REAL NOT NULL,
        PRIMARY KEY (content_hash, name)
    ) WITHOUT ROWID""",
}

ErrorKind = Literal["busy", "read_only", "full", "corrupt", "newer", "unavailable", "other"]

# One English line per kind of problem; the interface has them in its own languages too
# (tui/i18n.py, keys "store_<kind>", with the same placeholders).
MESSAGES: dict[str, str] = {
    "busy": "The study database is busy: another study is writing to it. Try again in a moment.",
    "read_only": "The study database is read-only: progress cannot be saved.",
    "full": "The disk is full: study could not save to its database.",
    "corrupt": "The study database is damaged; restart study to move it aside and start afresh.",
    "newer": "The study database is from a newer study (schema {version}); update study to open it.",
    "unavailable": "Cannot open the study database in {path}.",
    "other": "The study database failed ({detail}).",
}

(_SQLITE_PERM, _SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY, _SQLITE_CORRUPT, _SQLITE_CANTOPEN, _SQLITE_FULL,
 _SQLITE_NOTADB) = 3, 5, 6, 8, 11, 14, 13, 26


class StoreError(Exception):
    """A database problem to tell the user in one line.

    `kind` names the problem (a key of MESSAGES) and `values` fill its message, so an
    interface can say the same in its own words (`store_<kind>` in tui/i18n.py).
    A message given explicitly is the English line; by default it is MESSAGES[kind].
    """

    def __init__(self, message: str | None = None, kind: ErrorKind = "other", **values: object) -> None:
        if kind == "other":
            values.setdefault("detail", message or "?")
        if message is None:
            message = MESSAGES[kind].format(**values)
        super().__init__(message)
        self.kind: ErrorKind = kind
        self.values = values


def store_error(kind: ErrorKind, **values: object) -> StoreError:
    """The StoreError of a kind, with its standard message."""
    return StoreError(None, kind, **values)


class CorruptDatabase(Exception):
    """The file is damaged: the store moves it aside and starts afresh."""


def _kind(error: sqlite3.Error) -> ErrorKind:
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        code &= 0xFF
        if code in (_SQLITE_BUSY, _SQLITE_LOCKED):
            return "busy"
        if code in (_SQLITE_READONLY, _SQLITE_PERM):
            return "read_only"
        if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
            return "corrupt"
        if code == _SQLITE_FULL:
            return "full"
        if code == _SQLITE_CANTOPEN:
            return "unavailable"
        return "other"
    # Python 3.10 has no error codes on exceptions: fall back on SQLite's fixed messages.
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return "busy"
    if "readonly" in text or "read-only" in text:
        return "read_only"
    if "not a database" in text or "malformed" in text:
        return "corrupt"
    if "full" in text:
        return "full"
    if "unable to open" in text:
        return "unavailable"
    return "other"


def _detail(error: sqlite3.Error) -> str:
    """SQLite's name for an error (SQLITE_IOERR_WRITE): the same in every language."""
    return str(getattr(error, "sqlite_errorname", None) or error)


def as_store_error(error: sqlite3.Error, path: Path | None = None) -> StoreError:
    """The one-line error for a read or write that failed."""
    kind = _kind(error)
    if kind == "other":
        return StoreError(f"The study database failed: {error}.", "other", detail=_detail(error))
    if kind == "unavailable":
        return store_error("unavailable", path=path.parent if path is not None else "?")
    return store_error(kind)


def connect(path: Path, timeout: float) -> sqlite3.Connection:
    """A connection to the database at `path`, checked and migrated to `SCHEMA_VERSION`.

    A file study may not write (a read-only disk or file) is opened read-only, so its
    progress can still be read; every write then raises StoreError "read_only".
    Raises `CorruptDatabase` for a damaged file, `StoreError` for any other failure.
    """
    try:
        return _connect(path, timeout, read_only=False)
    except StoreError as error:
        if error.kind not in ("read_only", "unavailable") or not path.is_file() or path.stat().st_size == 0:
            raise
    try:
        return _connect(path, timeout, read_only=True)
    except StoreError as error:
        # A folder nothing may be written to (a read-only disk): SQLite cannot make the WAL's
        # index beside the file even to read it. Nothing can change the file there either, so
        # it is read as it stands.
        if error.kind != "unavailable" or os.access(path.parent, os.W_OK):
            raise
    return _connect(path, timeout, read_only=True, immutable=True)


def _connect(path: Path, timeout: float, read_only: bool, immutable: bool = False) -> sqlite3.Connection:
    try:
        if read_only:
            connection = sqlite3.connect(
                f"{path.resolve().as_uri()}?mode=ro{'&immutable=1' if immutable else ''}", uri=True, timeout=timeout,
                isolation_level=None, check_same_thread=False,
            )
        else:
            connection = sqlite3.connect(str(path), timeout=timeout, isolation_level=None, check_same_thread=False)
    except sqlite3.Error:
        raise store_error("unavailable", path=path.parent) from None
    try:
        connection.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        if connection.execute("PRAGMA journal_mode").fetchone()[0] != "wal" and not read_only:
            connection.execute("PRAGMA journal_mode = WAL")
        # In WAL mode NORMAL already survives a killed process; FULL also survives
        # a power cut, and an answer is worth the fsync.
        connection.execute("PRAGMA synchronous = FULL")
        connection.execute("PRAGMA foreign_keys = ON")
        verdict = connection.execute("PRAGMA quick_check").fetchone()[0]
        if verdict != "ok":
            raise CorruptDatabase(verdict)
        _migrate(connection, read_only)
        if not read_only:
            _create_caches(connection)
    except sqlite3.Error as error:
        connection.close()
        if _kind(error) == "corrupt":
            raise CorruptDatabase(str(error)) from None
        raise as_store_error(error, path) from None
    except BaseException:
        connection.close()
        raise
    return connection


def _migrate(connection: sqlite3.Connection, read_only: bool = False) -> None:
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if version == SCHEMA_VERSION:
        return
    if version > SCHEMA_VERSION:
        raise store_error("newer", version=version)
    if read_only:
        raise store_error("read_only")  # an older schema that cannot be brought up to date here
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


def _create_caches(connection: sqlite3.Connection) -> None:
    """Create the cache tables the file lacks; another study writing just now leaves them for next time."""
    have = {name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for name, statement in CACHE_TABLES.items():
        if name not in have:
            try:
                connection.execute(statement)
            except sqlite3.OperationalError:
                pass  # busy past the timeout, or created by the other study meanwhile: nothing is lost


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
    except OSError:
        raise store_error("corrupt") from None
    return target
