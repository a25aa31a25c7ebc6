"""tui.core.database: the schema and its migrations, and what becomes of a damaged file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.core.test_store import grade, raw
from tui.core.database import MIGRATIONS, SCHEMA_VERSION, CorruptDatabase, connect, move_aside
from tui.core.model import PhraseEdit
from tui.core.store import FILENAME, Position, Store


class TestConnect:
    def test_a_new_file_is_created_at_the_latest_schema(self, tmp_path: Path) -> None:
        connection = connect(tmp_path / FILENAME, 1.0)
        try:
            assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == len(MIGRATIONS)
            assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        finally:
            connection.close()

    def test_a_damaged_file_is_reported_and_left_alone(self, tmp_path: Path) -> None:
        path = tmp_path / FILENAME
        path.write_bytes(b"not a database" * 100)
        with pytest.raises(CorruptDatabase):
            connect(path, 1.0)
        assert path.read_bytes() == b"not a database" * 100


class TestMoveAside:
    def test_the_wal_files_move_with_their_database(self, tmp_path: Path) -> None:
        path = tmp_path / FILENAME
        for suffix, content in (("", b"db"), ("-wal", b"wal"), ("-shm", b"shm")):
            path.with_name(path.name + suffix).write_bytes(content)
        target = move_aside(path)
        assert target.name.startswith(f"{FILENAME}.corrupt-")
        assert not path.exists() and not path.with_name(path.name + "-wal").exists()
        assert target.read_bytes() == b"db"
        assert target.with_name(target.name + "-wal").read_bytes() == b"wal"
        assert target.with_name(target.name + "-shm").read_bytes() == b"shm"


V1_SCHEMA = [
    "CREATE TABLE documents (id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, content_hash TEXT NOT NULL, "
    "title TEXT NOT NULL DEFAULT '', opened_at REAL NOT NULL DEFAULT 0)",
    "CREATE INDEX documents_content_hash ON documents (content_hash)",
    "CREATE TABLE positions (document_id INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE, "
    "section_id TEXT NOT NULL, scroll REAL NOT NULL DEFAULT 0)",
]


class TestMigration:
    def test_a_reader_database_is_upgraded_with_its_data_intact(self, tmp_path: Path) -> None:
        speech = str((tmp_path / "speech.txt").resolve())
        with raw(tmp_path) as db:
            for statement in V1_SCHEMA:
                db.execute(statement)
            db.execute(
                "INSERT INTO documents (id, path, content_hash, title, opened_at) VALUES (7, ?, 'abc', '讲话', 1.5)",
                (speech,),
            )
            db.execute("INSERT INTO positions VALUES (7, 's1.2', 40.0)")
            db.execute("PRAGMA user_version = 1")
        with Store.open(tmp_path) as store:
            assert store.schema_version == 2
            assert store.position(7) == Position("s1.2", 40.0)
            assert store.document(speech, "abc", "讲话") == 7
            store.add_phrase_edit(7, PhraseEdit("一", "add", "两个确立"))
            grade(store, 7, "一 :: 两个确立 #1")
            assert len(store.reviews(7)) == 1
        with raw(tmp_path) as db:
            assert db.execute("SELECT title, content_hash FROM documents WHERE id = 7").fetchone() == ("讲话", "abc")
            tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            assert {"documents", "positions", "phrase_edits", "cards", "reviews", "phrase_cache"} <= tables

    def test_migration_1_matches_the_hand_built_reader_schema(self) -> None:
        # The test above is only worth something if its hand-built database is the real v1.
        def shape(statements: list[str]) -> dict[str, list[tuple]]:
            db = sqlite3.connect(":memory:")
            for statement in statements:
                db.execute(statement)
            return {
                table: db.execute(f"PRAGMA table_info({table})").fetchall()
                + db.execute(f"PRAGMA index_list({table})").fetchall()
                for table in ("documents", "positions")
            }

        assert shape(MIGRATIONS[0]) == shape(V1_SCHEMA)


class TestDamage:
    def test_a_file_that_is_not_a_database_is_moved_aside(self, tmp_path: Path) -> None:
        garbage = b"this is not a database at all\n" * 200
        (tmp_path / FILENAME).write_bytes(garbage)
        with Store.open(tmp_path) as store:
            assert store.notice is not None and "\n" not in store.notice
            assert store.moved_to is not None
            assert store.moved_to.name.startswith(f"{FILENAME}.corrupt-")
            assert store.moved_to.name in store.notice
            assert store.moved_to.read_bytes() == garbage
            doc = store.document(tmp_path / "a.txt", "h", "A")
            grade(store, doc, "k")
            assert len(store.reviews(doc)) == 1

    def test_a_malformed_database_is_moved_aside(self, tmp_path: Path) -> None:
        with Store.open(tmp_path) as store:
            doc = store.document(tmp_path / "a.txt", "h", "A")
            for n in range(300):
                grade(store, doc, f"card {n} " + "字" * 40)
        with raw(tmp_path) as db:
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        damaged = bytearray((tmp_path / FILENAME).read_bytes())
        page = 4096
        assert len(damaged) > 6 * page
        damaged[3 * page : 5 * page] = b"\xff" * (2 * page)
        (tmp_path / FILENAME).write_bytes(bytes(damaged))
        with Store.open(tmp_path) as store:
            assert store.moved_to is not None
            assert store.moved_to.read_bytes() == bytes(damaged)
            assert store.reviews(1) == []

    def test_two_damaged_files_in_one_second_both_survive(self, tmp_path: Path) -> None:
        for content in (b"first garbage" * 100, b"second garbage" * 100):
            (tmp_path / FILENAME).write_bytes(content)
            Store.open(tmp_path).close()
        kept = sorted(p.read_bytes() for p in tmp_path.glob(f"{FILENAME}.corrupt-*") if not p.name.endswith(("-wal", "-shm")))
        assert kept == sorted([b"first garbage" * 100, b"second garbage" * 100])
