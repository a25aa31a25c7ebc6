"""tui.core.database: the schema and its migrations, and what becomes of a damaged file."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import get_args

import pytest

from tests.core.test_store import grade, raw
from tui.core.database import MIGRATIONS, SCHEMA_VERSION, CorruptDatabase, as_store_error, connect, move_aside
from tui.core.model import Phrase, PhraseEdit
from tui.core.store import FILENAME, Position, Store, StoreError


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
            assert store.schema_version == SCHEMA_VERSION
            assert store.position(7) == Position("s1.2", 40.0)
            assert store.document(speech, "abc", "讲话") == 7
            store.add_phrase_edit(7, PhraseEdit("一", "add", "两个确立"))
            grade(store, 7, "一 :: 两个确立 #1")
            assert len(store.reviews(7)) == 1
        with raw(tmp_path) as db:
            assert db.execute("SELECT title, content_hash FROM documents WHERE id = 7").fetchone() == ("讲话", "abc")
            tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            assert {"documents", "positions", "phrase_edits", "cards", "reviews", "phrase_cache"} <= tables

    def test_cards_reviewed_before_version_4_get_their_stability_from_their_state(self, tmp_path: Path) -> None:
        from tui.core import scheduler

        state, due = scheduler.review(None, 3, key="一 :: 两个确立 #1")
        with raw(tmp_path) as db:
            for migration in MIGRATIONS[:3]:
                for statement in migration:
                    db.execute(statement)
            db.execute("INSERT INTO documents (id, path, content_hash) VALUES (1, '/a.txt', 'abc')")
            db.execute(
                "INSERT INTO cards (document_id, key, section_key, state, due, introduced) VALUES (1, 'k', '一', ?, ?, 0)",
                (state, due.timestamp()),
            )
            db.execute("PRAGMA user_version = 3")
        with Store.open(tmp_path) as store:
            assert store.schema_version == SCHEMA_VERSION
        with raw(tmp_path) as db:
            stored = db.execute("SELECT stability FROM cards WHERE key = 'k'").fetchone()[0]
        assert stored == scheduler.stability(state) > 0

    def test_a_review_keeps_its_score_and_its_card_its_stability(self, tmp_path: Path) -> None:
        from tui.core import scheduler
        from tui.core.records import Answer

        with Store.open(tmp_path) as store:
            document_id = store.document(str(tmp_path / "a.txt"), "abc", "讲话")
            recorded = store.record_review(document_id, Answer("k", "一", 1, "recited", score=0.82))
            assert store.reviews(document_id)[0].score == 0.82
            again = store.rerate(recorded.review_id, 4)
        with raw(tmp_path) as db:
            stored = db.execute("SELECT stability FROM cards WHERE key = 'k'").fetchone()[0]
        assert stored == scheduler.stability(again.state) > scheduler.stability(recorded.state)

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


def _read_only_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file opened as if study could not write it: SQLite's own read-only mode."""
    real = sqlite3.connect

    def connect_read_only(database: str, *args: object, uri: bool = False, **kwargs: object) -> sqlite3.Connection:
        if not uri:
            database, uri = f"{Path(database).resolve().as_uri()}?mode=ro", True
        return real(database, *args, uri=uri, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", connect_read_only)


class TestReadOnly:
    """A database study may not write still opens, for reading; every write is a "read_only" StoreError."""

    @pytest.fixture
    def studied(self, tmp_path: Path) -> int:
        with Store.open(tmp_path) as store:
            doc = store.document(tmp_path / "a.txt", "h", "A")
            grade(store, doc, "k")
        return doc

    def test_reads_work_and_writes_say_read_only(self, tmp_path: Path, studied: int, monkeypatch: pytest.MonkeyPatch) -> None:
        _read_only_disk(monkeypatch)
        with Store.open(tmp_path) as store:
            assert [review.card_key for review in store.reviews(studied)] == ["k"]
            assert store.find_document(tmp_path / "a.txt", "other hash") == studied
            with pytest.raises(StoreError) as caught:
                grade(store, studied, "k")
        assert caught.value.kind == "read_only"

    def test_a_file_not_in_wal_mode_is_opened_read_only_too(self, tmp_path: Path, studied: int, monkeypatch: pytest.MonkeyPatch) -> None:
        with raw(tmp_path) as db:
            db.execute("PRAGMA journal_mode = DELETE")
        db.close()
        _read_only_disk(monkeypatch)
        with Store.open(tmp_path) as store:  # switching to WAL is a write: it fails, then read-only
            assert len(store.reviews(studied)) == 1
            with pytest.raises(StoreError) as caught:
                store.document(tmp_path / "b.txt", "h2", "B")
        assert caught.value.kind == "read_only"


class TestErrorKinds:
    def test_every_kind_has_a_message_in_english_and_in_the_interface(self) -> None:
        from string import Formatter

        from tui.core.database import MESSAGES, ErrorKind
        from tui.i18n import STRINGS

        def names(text: str) -> set[str]:
            return {name for _, name, _, _ in Formatter().parse(text) if name}

        for kind in get_args(ErrorKind):
            zh, en = STRINGS[f"store_{kind}"]
            assert names(MESSAGES[kind]) == names(zh) == names(en)

    def test_a_full_disk(self, tmp_path: Path) -> None:
        with Store.open(tmp_path) as store:
            store.document(tmp_path / "a.txt", "h", "A")
            store._db.execute(f"PRAGMA max_page_count = {store._db.execute('PRAGMA page_count').fetchone()[0]}")
            with pytest.raises(StoreError) as caught:
                store.cache_phrases("h", 1, {"1": [Phrase(0, 0, 2, "甲乙", "quote")] * 5000})
        assert caught.value.kind == "full"
        assert str(caught.value) == "The disk is full: study could not save to its database."

    def test_an_unknown_failure_names_sqlites_error_not_its_english(self) -> None:
        error = sqlite3.OperationalError("disk I/O error")
        error.sqlite_errorcode, error.sqlite_errorname = 10, "SQLITE_IOERR"  # type: ignore[attr-defined]
        converted = as_store_error(error)
        assert (converted.kind, converted.values) == ("other", {"detail": "SQLITE_IOERR"})

    def test_an_error_made_from_a_message_alone_still_has_its_values(self) -> None:
        error = StoreError("database is locked")
        assert (error.kind, error.values, str(error)) == ("other", {"detail": "database is locked"}, "database is locked")


def test_a_zero_length_file_is_taken_as_a_new_database_silently(tmp_path: Path) -> None:
    # An empty file is what SQLite itself makes of a database never written to: not damage.
    (tmp_path / FILENAME).write_bytes(b"")
    with Store.open(tmp_path) as store:
        assert (store.moved_to, store.notice, store.schema_version) == (None, None, SCHEMA_VERSION)
        store.document(tmp_path / "a.txt", "h", "A")
    assert [path.name for path in tmp_path.iterdir() if "corrupt" in path.name] == []
