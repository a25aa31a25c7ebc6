"""Tests of tui/core/backups.py: a copy a day, seven kept, a restore that keeps the database it replaces."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from tui.core import backups
from tui.core.database import StoreError
from tui.core.store import Store

DAY = date(2026, 12, 1)
PATH = Path("notes.txt")


def titles(database: Path) -> list[str]:
    """The titles of the documents a database file holds."""
    connection = sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)
    try:
        return [row[0] for row in connection.execute("SELECT title FROM documents ORDER BY id")]
    finally:
        connection.close()


class TestBackUp:
    def test_a_copy_a_day_named_by_its_date(self, store: Store) -> None:
        store.document(PATH, "h1", "first")
        made = backups.back_up(store.path, DAY)
        assert made == store.path.parent / "backups" / "study-2026-12-01.db"
        store.document(Path("later.txt"), "h2", "second")
        assert backups.back_up(store.path, DAY) is None  # at most once a day
        connection = sqlite3.connect(made)
        assert connection.execute("SELECT title FROM documents").fetchall() == [("first",)]
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one file, nothing beside it
        connection.close()
        assert sorted(p.name for p in made.parent.iterdir()) == ["study-2026-12-01.db"]

    def test_the_store_may_write_while_it_is_copied(self, store: Store) -> None:
        store.document(PATH, "h1", "first")
        with store._write() as db:  # a write under way in the store's own connection
            db.execute("UPDATE documents SET title = 'changed'")
            backups.back_up(store.path, DAY)
        assert titles(backups.folder_of(store.path) / "study-2026-12-01.db") == ["first"]

    def test_the_last_seven_are_kept(self, store: Store) -> None:
        for offset in range(10):
            backups.back_up(store.path, DAY + timedelta(days=offset))
        kept = backups.backups(store.path)
        assert len(kept) == backups.KEEP == 7
        assert [b.day for b in kept] == [DAY + timedelta(days=offset) for offset in range(9, 2, -1)]

    def test_a_copy_cut_short_is_cleared_away(self, store: Store) -> None:
        folder = backups.folder_of(store.path)
        folder.mkdir()
        stale = folder / ".study-2026-11-30.db.999.tmp"
        stale.write_bytes(b"half a copy")
        backups.back_up(store.path, DAY)
        assert not stale.exists()
        assert [b.name for b in backups.backups(store.path)] == ["study-2026-12-01.db"]

    def test_nothing_to_copy_without_a_database(self, tmp_path: Path) -> None:
        assert backups.back_up(tmp_path / "study.db", DAY) is None
        assert backups.in_background(tmp_path / "study.db", DAY) is None

    def test_in_the_background_once_a_day(self, store: Store) -> None:
        thread = backups.in_background(store.path, DAY)
        assert thread is not None
        thread.join()
        assert [b.name for b in backups.backups(store.path)] == ["study-2026-12-01.db"]
        assert backups.in_background(store.path, DAY) is None

    def test_a_copy_that_fails_is_left_for_a_later_start(self, data_dir: Path) -> None:
        database = data_dir / "study.db"
        database.write_bytes(b"not a database at all" * 100)
        thread = backups.in_background(database, DAY)
        assert thread is not None
        thread.join()  # no exception escapes the thread
        assert backups.backups(database) == []
        with pytest.raises(StoreError):
            backups.back_up(database, DAY)


class TestRestore:
    def test_the_copy_replaces_the_database_which_is_moved_aside(self, store: Store) -> None:
        store.document(PATH, "h1", "first")
        backups.back_up(store.path, DAY)
        store.document(Path("later.txt"), "h2", "second")
        store.close()
        chosen = backups.find(store.path, "2026-12-01")
        aside = backups.restore(store.path, chosen, now=datetime(2026, 12, 2, 8, 30))
        assert aside is not None and aside.name == "study.db.before-restore-20261202-083000"
        assert titles(store.path) == ["first"]
        assert titles(aside) == ["first", "second"]  # the database as it was, whole (its WAL folded in)
        assert not aside.with_name(aside.name + "-wal").exists() or aside.with_name(aside.name + "-wal").stat().st_size == 0

    def test_a_second_restore_the_same_second_keeps_both(self, store: Store) -> None:
        backups.back_up(store.path, DAY)
        store.close()
        moment = datetime(2026, 12, 2, 8, 30)
        first = backups.restore(store.path, backups.find(store.path, None), now=moment)
        second = backups.restore(store.path, backups.find(store.path, None), now=moment)
        assert first != second and first is not None and second is not None
        assert first.exists() and second.exists()

    def test_a_damaged_database_can_be_replaced(self, store: Store) -> None:
        store.document(PATH, "h1", "first")
        backups.back_up(store.path, DAY)
        store.close()
        store.path.write_bytes(b"\x00garbage" * 512)
        aside = backups.restore(store.path, backups.find(store.path, None))
        assert aside is not None and aside.read_bytes() == b"\x00garbage" * 512
        assert titles(store.path) == ["first"]

    def test_a_damaged_backup_changes_nothing(self, store: Store) -> None:
        store.document(PATH, "h1", "first")
        made = backups.back_up(store.path, DAY)
        assert made is not None
        made.write_bytes(b"\x00garbage" * 512)
        store.close()
        with pytest.raises(backups.DamagedBackup):
            backups.restore(store.path, backups.find(store.path, None))
        assert titles(store.path) == ["first"]
        beside = [p.name for p in store.path.parent.iterdir() if p.name.startswith("study.db.")]
        assert beside in ([], ["study.db.in-use"])  # no file moved aside; the open-stores marker may stay

    def test_a_database_being_written_is_not_replaced(self, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
        backups.back_up(store.path, DAY)
        monkeypatch.setattr(backups, "TIMEOUT", 0.05)
        with store._write():  # another study in the middle of a write
            with pytest.raises(StoreError) as raised:
                backups.restore(store.path, backups.find(store.path, None))
        assert raised.value.kind == "busy"
        assert not list(store.path.parent.glob("study.db.before-restore-*"))

    def test_found_by_name_date_or_newest(self, store: Store) -> None:
        for offset in range(3):
            backups.back_up(store.path, DAY + timedelta(days=offset))
        assert backups.find(store.path, None).day == DAY + timedelta(days=2)
        assert backups.find(store.path, "study-2026-12-02.db").day == date(2026, 12, 2)
        assert backups.find(store.path, "2026-12-01").day == DAY
        with pytest.raises(backups.NoSuchBackup):
            backups.find(store.path, "2026-11-01")
