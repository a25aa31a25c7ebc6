"""Copies of the study database: one a day made with SQLite's backup API, the last seven kept, one restored.

A copy is `backups/study-YYYY-MM-DD.db` beside the database, named by the local date it
was made. It is written under a temporary name and renamed when whole, so a copy cut
short (the process killed) is never taken for a backup. Restoring moves the database
as it is (with its WAL files) aside to `study.db.before-restore-YYYYmmdd-HHMMSS`, never
deleting it, and writes the copy in its place.
"""

from __future__ import annotations

import os
import re
import sqlite3
import threading
from datetime import date, datetime
from pathlib import Path
from typing import NamedTuple

from .answers import sync_directory
from .database import StoreError, as_store_error, store_error

FOLDER = "backups"
KEEP = 7
_NAME = re.compile(r"^study-(\d{4}-\d{2}-\d{2})\.db$")
TIMEOUT = 5.0  # seconds a copy waits for a busy database before giving up until next time


class Backup(NamedTuple):
    """One copy of the database: its file name, path, the day it was made and its size in bytes."""

    name: str
    path: Path
    day: date
    size: int


class NoSuchBackup(LookupError):
    """No backup has the name (or date) asked for."""


class DamagedBackup(Exception):
    """The chosen copy is not a sound database: nothing was restored."""


def folder_of(database: Path) -> Path:
    """Where the copies of `database` are kept."""
    return database.parent / FOLDER


def name_for(day: date) -> str:
    return f"study-{day.isoformat()}.db"


def backups(database: Path) -> list[Backup]:
    """The copies of `database`, newest first."""
    found: list[Backup] = []
    try:
        entries = list(folder_of(database).iterdir())
    except OSError:
        return []
    for entry in entries:
        match = _NAME.match(entry.name)
        if match is None:
            continue
        try:
            day = date.fromisoformat(match.group(1))
            size = entry.stat().st_size
        except (ValueError, OSError):
            continue
        found.append(Backup(entry.name, entry, day, size))
    return sorted(found, key=lambda backup: backup.day, reverse=True)


def due_today(database: Path, today: date | None = None) -> bool:
    """Whether `database` exists and has no copy of today yet (a stat or two: cheap enough for every start)."""
    day = today or date.today()
    return database.is_file() and not (folder_of(database) / name_for(day)).exists()


def back_up(database: Path, today: date | None = None) -> Path | None:
    """Copy `database` once a day: the new copy, or None when today's exists. Older copies beyond KEEP go.

    Reads through a connection of its own, so the store's may go on writing meanwhile
    (WAL: a reader never blocks a writer). Raises StoreError when the database cannot
    be read and OSError when the copy cannot be written.
    """
    day = today or date.today()
    if not due_today(database, day):
        return None
    folder = folder_of(database)
    folder.mkdir(exist_ok=True)
    target = folder / name_for(day)
    temporary = folder / f".{target.name}.{os.getpid()}.tmp"
    _copy(database, temporary, read_only=True)
    os.replace(temporary, target)
    sync_directory(folder)
    prune(database)
    return target


def prune(database: Path, keep: int = KEEP) -> list[Path]:
    """Remove all but the newest `keep` copies, and copies left half-written; what was removed."""
    removed = [backup.path for backup in backups(database)[keep:]]
    folder = folder_of(database)
    try:
        # A copy cut short by a killed process (another live one may be writing its own: leave those of today).
        removed += [p for p in folder.glob(".study-*.tmp") if not p.name.startswith(f".{name_for(date.today())}.")]
    except OSError:
        pass
    for path in removed:
        try:
            path.unlink()
        except OSError:
            pass
    return removed


def find(database: Path, wanted: str | None) -> Backup:
    """The copy named `wanted` (a file name, or its date YYYY-MM-DD), or the newest when None."""
    found = backups(database)
    if wanted is None:
        if not found:
            raise NoSuchBackup("")
        return found[0]
    for backup in found:
        if wanted in (backup.name, backup.day.isoformat(), backup.name.removesuffix(".db")):
            return backup
    raise NoSuchBackup(wanted)


def restore(database: Path, backup: Backup, now: datetime | None = None) -> Path | None:
    """Put `backup` in place of `database`; where the database as it was went (None: there was none).

    The copy is checked first (DamagedBackup: nothing changed); if it cannot be written
    (OSError or StoreError), the database is put back and nothing changed. The database is
    checkpointed, so the file moved aside holds all it had; if another study is writing
    to it, StoreError "busy" and nothing changed.
    """
    _check(backup.path)
    aside = None
    if database.exists():
        _checkpoint(database)
        aside = _move_aside(database, now or datetime.now())
    try:
        _copy(backup.path, database, read_only=True)
    except BaseException:
        # A full disk or a folder that cannot be written: the database goes back as it was,
        # and what the copy left (the file begun, its journal) goes.
        for part in (database, database.with_name(database.name + "-journal")):
            part.unlink(missing_ok=True)
        if aside is not None:
            _put_back(aside, database)
        raise
    return aside


def in_background(database: Path, today: date | None = None) -> threading.Thread | None:
    """Start today's copy in a thread, if it is due; the thread, or None when there was nothing to do.

    Start-up pays only for looking whether today's copy exists. A copy that fails (a busy
    or unreadable database, a full disk) is simply made on a later start.
    """
    if not due_today(database, today):
        return None

    def copy() -> None:
        try:
            back_up(database, today)
        except (StoreError, OSError, sqlite3.Error):
            pass

    thread = threading.Thread(target=copy, name="study-backup")
    thread.start()
    return thread


# ------------------------------------------------------------------ plumbing


def _copy(source: Path, target: Path, *, read_only: bool) -> None:
    """`source` copied page by page into a new database file at `target`, synced to disk."""
    try:
        origin = sqlite3.connect(
            f"{source.resolve().as_uri()}{'?mode=ro' if read_only else ''}", uri=True, timeout=TIMEOUT
        )
    except sqlite3.Error as error:
        raise as_store_error(error, source) from None
    try:
        copy = sqlite3.connect(str(target))
        try:
            origin.backup(copy)  # all pages in one step: one consistent snapshot
            # One self-contained file: reading a WAL-mode copy would leave -wal and -shm files beside it.
            copy.execute("PRAGMA journal_mode = DELETE")
        except sqlite3.Error as error:
            raise as_store_error(error, source) from None
        finally:
            copy.close()
    finally:
        origin.close()
    descriptor = os.open(target, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _check(path: Path) -> None:
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            verdict = connection.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            connection.close()
    except sqlite3.Error:
        verdict = "unreadable"
    if verdict != "ok":
        raise DamagedBackup(path.name)


def _checkpoint(database: Path) -> None:
    """Fold the WAL into the file; StoreError "busy" when another study holds it mid-write."""
    try:
        connection = sqlite3.connect(str(database), timeout=TIMEOUT)
    except sqlite3.Error:
        return  # unreadable: moved aside as it is, with its WAL files
    try:
        busy = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
    except sqlite3.Error as error:
        if as_store_error(error).kind == "busy":
            raise store_error("busy") from None
        return  # a damaged file is just what a restore is for
    finally:
        connection.close()
    if busy:
        raise store_error("busy")


def _put_back(aside: Path, database: Path) -> None:
    """Undo `_move_aside`: the database and its WAL files under their names again."""
    os.replace(aside, database)
    for suffix in ("-wal", "-shm"):
        side = aside.with_name(aside.name + suffix)
        if side.exists():
            os.replace(side, database.with_name(database.name + suffix))


def _move_aside(database: Path, now: datetime) -> Path:
    """Rename the database and its WAL files to a name no file has; the new name of the database."""
    stamp = now.strftime("%Y%m%d-%H%M%S")
    target = database.with_name(f"{database.name}.before-restore-{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = database.with_name(f"{database.name}.before-restore-{stamp}-{counter}")
    os.replace(database, target)
    for suffix in ("-wal", "-shm"):
        side = database.with_name(database.name + suffix)
        if side.exists():
            os.replace(side, target.with_name(target.name + suffix))
    return target
