"""Tests for tui/core/library.py: the library's figures, files moved or changed, forgetting and restoring."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from tui.core import quiz
from tui.core.library import BACKUP_FILENAME, MASTERED_STABILITY_DAYS, file_state, library_mastery
from tui.core.loader import content_hash
from tui.core.phrase_edits import edit_phrase
from tui.core.records import Answer
from tui.core.store import Store, StoreError
from tui.core.workbook import Workbook

NOW = datetime.now(timezone.utc)
NOTES = """学习笔记

一、总体要求
我们要坚持“两个确立”，做到“两个维护”，增强“四个意识”。
二、重点任务
（一）加强学习
要把“学思想、强党性”作为主线，读原著、学原文、悟原理。
（二）狠抓落实
坚决反对“四风”，牢记“作风建设永远在路上”。
"""


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "data") as opened:
        yield opened


def grade(store: Store, doc: int, key: str, rating: int = quiz.GOOD, when: datetime = NOW) -> None:
    store.record_review(doc, Answer(key, "一", rating, outcome="right", time=when))


def opened(store: Store, path: Path, text: str = NOTES) -> Workbook:
    """A document opened as the app opens it: parsed, its phrases found and used."""
    path.write_text(text, encoding="utf-8")
    workbook = Workbook(path, text, store)
    workbook.open()
    workbook.use_phrases(workbook.find_phrases())
    return workbook


class TestFigures:
    def test_counts_come_from_the_phrases_found_when_it_was_opened(self, store: Store, tmp_path: Path) -> None:
        before = datetime.now(timezone.utc)
        workbook = opened(store, tmp_path / "notes.txt")
        [entry] = store.library(now=NOW)
        assert entry.id == workbook.document_id()
        assert entry.title == "学习笔记"
        assert entry.sections == len(list(workbook.opened.walk())) > 1
        assert entry.cards == len(workbook.all_cards) > 2
        assert (entry.due, entry.mastery) == (0, 0.0)
        assert entry.opened_at is not None and before <= entry.opened_at <= datetime.now(timezone.utc)

    def test_a_phrase_edit_changes_the_card_count(self, store: Store, tmp_path: Path) -> None:
        workbook = opened(store, tmp_path / "notes.txt")
        before = len(workbook.all_cards)
        section = workbook.opened.sections[0].id
        edit_phrase(workbook, section, "remove", workbook.phrases[section][0].text)
        assert store.library()[0].cards == before - 1

    def test_due_counts_cards_due_now_per_document(self, store: Store, tmp_path: Path) -> None:
        first = store.document(tmp_path / "a.txt", "ha", "A")
        second = store.document(tmp_path / "b.txt", "hb", "B")
        long_ago = NOW - timedelta(days=60)
        for key in ("k1", "k2", "k3"):
            grade(store, first, key, when=long_ago)  # due again long since
        grade(store, first, "k4")  # just answered: not due
        grade(store, second, "k1", when=long_ago)
        due = {entry.title: entry.due for entry in store.library(now=NOW)}
        assert due == {"A": 3, "B": 1}
        assert [(d.title, d.due) for d in store.due_documents(NOW)] == [("A", 3), ("B", 1)]

    def test_a_recited_paragraphs_card_is_neither_due_nor_counted(self, store: Store, tmp_path: Path) -> None:
        # It is graded in the recite screen, never in a review: r could not ask it.
        first = store.document(tmp_path / "a.txt", "ha", "A")
        long_ago = NOW - timedelta(days=60)
        grade(store, first, "一 ¶ 习近平总书记强调作风建设 #1", when=long_ago)
        grade(store, first, "一 :: ¶ #1", when=long_ago)  # a question's point: a card of the framework
        assert [(entry.due, entry.cards) for entry in store.library(now=NOW)] == [(1, 1)]
        assert [d.due for d in store.due_documents(NOW)] == [1]

    def test_mastery_is_stability_over_three_weeks_with_new_cards_counting_nothing(self, store: Store, tmp_path: Path) -> None:
        doc = store.document(tmp_path / "a.txt", "ha", "A")
        store.set_counts(doc, 3, 4)
        grade(store, doc, "k1", quiz.EASY)
        grade(store, doc, "k2", quiz.AGAIN)
        stabilities = [s for (s,) in store._read("SELECT stability FROM cards WHERE document_id = ?", (doc,))]
        expected = sum(min(1.0, s / MASTERED_STABILITY_DAYS) for s in stabilities) / 4
        [entry] = store.library(now=NOW)
        assert entry.mastery == pytest.approx(expected)
        assert 0 < entry.mastery < 0.5  # two of four cards never answered
        assert library_mastery(0.0, 0, 0) == 0.0
        assert library_mastery(30.0, 10, 10) == 1.0  # never above all known

    def test_the_cards_count_at_least_those_reviewed(self, store: Store, tmp_path: Path) -> None:
        doc = store.document(tmp_path / "a.txt", "ha", "A")  # never counted: card_count 0
        grade(store, doc, "k1")
        assert store.library()[0].cards == 1

    def test_the_last_opened_first_and_documents_always_listed_after(self, store: Store, tmp_path: Path) -> None:
        store.document(tmp_path / "old.txt", "h1", "Old", now=NOW - timedelta(days=3))
        store.document(tmp_path / "new.txt", "h2", "New", now=NOW)
        bundled = tmp_path / "speech.txt"
        entries = store.library(always=[bundled, tmp_path / "new.txt"])
        assert [entry.title for entry in entries] == ["New", "Old", "speech.txt"]
        assert entries[2].id is None and entries[2].opened_at is None

    def test_knows_documents(self, store: Store, tmp_path: Path) -> None:
        assert not store.knows_documents()
        store.document(tmp_path / "a.txt", "h", "A")
        assert store.knows_documents()


class TestFiles:
    def test_a_file_as_it_was_moved_or_changed(self, store: Store, tmp_path: Path) -> None:
        path = tmp_path / "notes.txt"
        opened(store, path)
        [entry] = store.library()
        assert not entry.missing
        assert file_state(path, entry.content_hash) == "ok"
        path.write_text(NOTES + "三、新增\n新的一段。\n", encoding="utf-8")
        assert file_state(path, entry.content_hash) == "changed"
        path.rename(tmp_path / "elsewhere.txt")
        [entry] = store.library()
        assert entry.missing
        assert file_state(path, entry.content_hash) == "missing"
        assert entry.cards > 0  # its progress is kept

    def test_the_hash_is_the_texts(self, tmp_path: Path) -> None:
        path = tmp_path / "crlf.txt"
        path.write_bytes(NOTES.replace("\n", "\r\n").encode("utf-8"))
        assert file_state(path, content_hash(NOTES)) == "ok"  # line ends do not make it another text


class TestForgetting:
    def test_forgotten_documents_go_to_the_backup_with_all_their_progress(self, store: Store, tmp_path: Path) -> None:
        workbook = opened(store, tmp_path / "notes.txt")
        doc = workbook.document_id()
        grade(store, doc, workbook.cards[0].key)
        store.set_position(doc, "2", 3.0)
        section = workbook.opened.sections[0].id
        edit_phrase(workbook, section, "remove", workbook.phrases[section][0].text)
        other = store.document(tmp_path / "other.txt", "h", "Other")

        backup_id = store.forget(doc)

        assert [entry.id for entry in store.library()] == [other]
        assert store.cards(doc) == {} and store.reviews(doc) == [] and store.position(doc) is None
        with sqlite3.connect(tmp_path / "data" / BACKUP_FILENAME) as backup:
            assert backup.execute("SELECT COUNT(*) FROM reviews WHERE forgotten = ?", (backup_id,)).fetchone()[0] == 1
            assert backup.execute("SELECT COUNT(*) FROM phrase_edits").fetchone()[0] == 1
        [forgotten] = store.forgotten()
        assert (forgotten.backup_id, forgotten.document_id, forgotten.title) == (backup_id, doc, "学习笔记")

    def test_restoring_brings_everything_back(self, store: Store, tmp_path: Path) -> None:
        workbook = opened(store, tmp_path / "notes.txt")
        doc = workbook.document_id()
        key = workbook.cards[0].key
        grade(store, doc, key, when=NOW - timedelta(days=1))
        grade(store, doc, key)
        store.set_position(doc, "2", 3.0)
        before = store.library()[0]
        reviews = store.reviews(doc)

        restored = store.restore(store.forget(doc))

        assert restored == doc
        after = store.library()[0]
        assert (after.title, after.cards, after.sections, after.due) == (before.title, before.cards, before.sections, 0)
        assert [(r.card_key, r.time, r.rating) for r in store.reviews(doc)] == [(r.card_key, r.time, r.rating) for r in reviews]
        assert store.position(doc).section_id == "2"
        assert store.forgotten() == []

    def test_a_document_whose_id_was_taken_comes_back_under_another(self, store: Store, tmp_path: Path) -> None:
        doc = store.document(tmp_path / "a.txt", "ha", "A")
        grade(store, doc, "k1")
        backup_id = store.forget(doc)
        taker = store.document(tmp_path / "b.txt", "hb", "B")  # SQLite hands out the freed id again
        restored = store.restore(backup_id)
        assert restored != taker
        assert set(store.cards(restored)) == {"k1"} and store.cards(taker) == {}

    def test_no_restoring_over_a_document_opened_since_at_its_path(self, store: Store, tmp_path: Path) -> None:
        doc = store.document(tmp_path / "a.txt", "ha", "A")
        backup_id = store.forget(doc)
        store.document(tmp_path / "a.txt", "ha", "A again")
        with pytest.raises(StoreError):
            store.restore(backup_id)
        assert len(store.forgotten()) == 1  # still in the backup

    def test_forgetting_twice_keeps_both(self, store: Store, tmp_path: Path) -> None:
        first = store.forget(store.document(tmp_path / "a.txt", "ha", "A"))
        second = store.forget(store.document(tmp_path / "a.txt", "ha", "A"))
        assert first != second
        assert [f.backup_id for f in store.forgotten()] == [second, first]

    def test_an_unknown_document_cannot_be_forgotten(self, store: Store) -> None:
        with pytest.raises(StoreError):
            store.forget(42)
