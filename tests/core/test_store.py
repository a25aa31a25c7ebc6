"""Tests for tui/core/store.py: opening, documents, reviews, stats and locking (phrases: test_stored_phrases.py)."""

from __future__ import annotations

import json
import sqlite3
import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from tui.core import scheduler
from tui.core.model import Document, Phrase, Section
from tui.core.quiz import cards_for, keys_by_section
from tui.core.records import Answer
from tui.core.store import FILENAME, SCHEMA_VERSION, Position, Store, StoreError

NOW = datetime(2026, 3, 1, 9, 0, tzinfo=timezone.utc)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store.open(tmp_path) as opened:
        yield opened


@pytest.fixture
def doc_id(store: Store, tmp_path: Path) -> int:
    return store.document(tmp_path / "speech.txt", "hash-1", "讲话", now=NOW)


def raw(tmp_path: Path) -> sqlite3.Connection:
    """A connection of its own, as a second process would have."""
    return sqlite3.connect(tmp_path / FILENAME)


def grade(store: Store, doc_id: int, key: str, rating: int = 3, now: datetime = NOW, section: str = "一"):
    return store.record_review(doc_id, Answer(key, section, rating, outcome="right", typed="答", hints=0, duration=2.5, time=now))


class TestOpening:
    def test_creates_the_database_in_wal_mode_at_the_latest_schema(self, store: Store, tmp_path: Path) -> None:
        assert store.path == tmp_path / FILENAME
        assert store.path.exists()
        assert store.schema_version == SCHEMA_VERSION == 4
        assert store.notice is None
        with raw(tmp_path) as other:
            assert other.execute("PRAGMA journal_mode").fetchone()[0] == "wal"

    def test_study_data_dir_decides_where(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("STUDY_DATA_DIR", str(tmp_path / "elsewhere"))
        with Store.open() as opened:
            assert opened.path == tmp_path / "elsewhere" / FILENAME

    def test_reopening_keeps_everything(self, tmp_path: Path) -> None:
        with Store.open(tmp_path) as first:
            doc = first.document(tmp_path / "a.txt", "h", "A")
            first.set_position(doc, "s2", 12.5)
        with Store.open(tmp_path) as second:
            assert second.position(doc) == Position("s2", 12.5)

    def test_a_newer_schema_is_refused_not_emptied(self, tmp_path: Path) -> None:
        with raw(tmp_path) as db:
            db.execute("PRAGMA user_version = 99")
        with pytest.raises(StoreError) as caught:
            Store.open(tmp_path)
        assert caught.value.kind == "newer"
        assert "\n" not in str(caught.value)
        with raw(tmp_path) as db:
            assert db.execute("PRAGMA user_version").fetchone()[0] == 99

    def test_an_unusable_data_directory_is_a_clear_error(self, tmp_path: Path) -> None:
        blocker = tmp_path / "file"
        blocker.write_text("not a directory")
        with pytest.raises(StoreError) as caught:
            Store.open(blocker / "data")
        assert caught.value.kind == "unavailable"


class TestDocuments:
    def test_same_path_same_document_even_when_edited(self, store: Store, tmp_path: Path) -> None:
        first = store.document(tmp_path / "a.txt", "h1", "A")
        assert store.document(tmp_path / "a.txt", "h2", "A, edited") == first
        # The new hash now recognises it too.
        assert store.document(tmp_path / "moved.txt", "h2", "A") == first

    def test_a_moved_file_keeps_its_document(self, store: Store, tmp_path: Path) -> None:
        first = store.document(tmp_path / "a.txt", "h1", "A")
        grade(store, first, "k")
        moved = store.document(tmp_path / "sub" / "b.txt", "h1", "A")
        assert moved == first
        assert list(store.cards(moved)) == ["k"]

    def test_a_different_file_is_a_different_document(self, store: Store, tmp_path: Path) -> None:
        assert store.document(tmp_path / "a.txt", "h1", "A") != store.document(tmp_path / "b.txt", "h2", "B")

    def test_relative_and_absolute_paths_agree(self, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.chdir(tmp_path)
        assert store.document("a.txt", "h1", "A") == store.document(tmp_path / "a.txt", "zzz", "A")

    def test_positions(self, store: Store, doc_id: int) -> None:
        assert store.position(doc_id) is None
        store.set_position(doc_id, "s1", 3.0)
        store.set_position(doc_id, "s2.1", 48.0)
        assert store.position(doc_id) == Position("s2.1", 48.0)


class TestReviews:
    def test_a_review_is_durable_the_moment_it_returns(self, store: Store, doc_id: int, tmp_path: Path) -> None:
        recorded = store.record_review(doc_id, Answer("一 :: 两个确立 #1", "一", 2, outcome="near", typed="两个确定", hints=1, duration=4.2, time=NOW))
        # A separate connection (another process, or this one after a SIGKILL) sees it.
        with raw(tmp_path) as other:
            row = other.execute(
                "SELECT card_key, section_key, typed, outcome, correct, hints, rating, duration, time FROM reviews"
            ).fetchone()
            card = other.execute("SELECT state, due FROM cards WHERE key = '一 :: 两个确立 #1'").fetchone()
        assert row == ("一 :: 两个确立 #1", "一", "两个确定", "near", 1, 1, 2, 4.2, NOW.timestamp())
        assert card == (recorded.state, recorded.due.timestamp())
        assert datetime.fromisoformat(json.loads(recorded.state)["due"]) == recorded.due

    def test_each_review_schedules_from_the_last_state(self, store: Store, doc_id: int) -> None:
        first = grade(store, doc_id, "k", 3, NOW)
        second = grade(store, doc_id, "k", 3, first.due)
        expected_state, expected_due = scheduler.review(first.state, 3, first.due)
        assert second.state == expected_state
        assert second.due == expected_due
        assert [r.rating for r in store.reviews(doc_id, "k")] == [3, 3]

    def test_rerating_the_latest_review(self, store: Store, doc_id: int) -> None:
        first = grade(store, doc_id, "k", 3, NOW)
        again = store.rerate(first.review_id, 1)
        assert again.due < first.due
        assert store.cards(doc_id)["k"].due == again.due
        review = store.reviews(doc_id)[0]
        assert (review.rating, review.correct) == (1, False)
        grade(store, doc_id, "k", 3, NOW + timedelta(minutes=5))
        with pytest.raises(StoreError):
            store.rerate(first.review_id, 4)

    def test_a_failed_write_leaves_nothing_half_done(self, store: Store, doc_id: int) -> None:
        with pytest.raises(ValueError):
            grade(store, doc_id, "k", 7)
        assert store.reviews(doc_id) == []
        assert store.cards(doc_id) == {}

    def test_new_cards_today(self, store: Store, doc_id: int) -> None:
        yesterday = NOW - timedelta(days=1)
        grade(store, doc_id, "old", now=yesterday)
        grade(store, doc_id, "old", now=NOW)  # reviewed again today: not new today
        grade(store, doc_id, "a", now=NOW)
        grade(store, doc_id, "b", now=NOW)
        assert store.new_cards_today(doc_id, NOW) == 2

    def test_a_worker_thread_may_write(self, store: Store, doc_id: int) -> None:
        worker = threading.Thread(target=grade, args=(store, doc_id, "k"))
        worker.start()
        worker.join()
        assert list(store.cards(doc_id)) == ["k"]


def two_part_doc(edited: bool = False) -> Document:
    return Document(
        "讲话",
        "text",
        [
            Section("s1", "heading", 1, "一、", "提高站位", ["要捍卫“两个确立”,做到“两个维护”。"]),
            Section(
                "s2",
                "heading",
                1,
                "二、",
                "精准施策",
                ["改写过的段落:" if edited else "", "坚持“零容忍”。"],
            ),
        ],
    )


def two_part_phrases(doc: Document) -> dict[str, list[Phrase]]:
    found: dict[str, list[Phrase]] = {}
    for section in doc.walk():
        for number, paragraph in enumerate(section.paragraphs):
            for text in ("两个确立", "两个维护", "零容忍", "改写过的段落"):
                at = paragraph.find(text)
                if at >= 0:
                    found.setdefault(section.id, []).append(Phrase(number, at, at + len(text), text, "quote"))
    return found


class TestProgressAcrossEdits:
    def test_untouched_cards_keep_their_state_after_an_edit(self, store: Store, doc_id: int) -> None:
        before = two_part_doc()
        keys = before.section_keys()
        for card in cards_for(before, two_part_phrases(before)):
            store.record_review(doc_id, Answer(card.key, keys[card.section_id], 3, outcome="right", time=NOW))
        states = store.cards(doc_id)

        after = two_part_doc(edited=True)
        doc_again = store.document(store.path.parent / "speech.txt", "hash-2", "讲话")
        assert doc_again == doc_id
        cards = cards_for(after, two_part_phrases(after))
        stored = store.cards(doc_again)
        kept = [c for c in cards if c.key in stored]
        assert [c.phrase.text for c in kept] == ["两个确立", "两个维护", "零容忍"]
        assert all(stored[c.key].state == states[c.key].state for c in kept)
        assert [c.phrase.text for c in cards if c.key not in stored] == ["改写过的段落"]

        queue = scheduler.due_queue(cards, store.due_times(doc_again), NOW)
        assert [c.phrase.text for c in queue] == ["改写过的段落"]  # the rest is not due yet


class TestStats:
    def test_per_section_and_totals(self, store: Store, doc_id: int) -> None:
        grade(store, doc_id, "a1", 3, NOW - timedelta(days=40), section="甲")  # long overdue
        grade(store, doc_id, "a2", 3, NOW, section="甲")
        grade(store, doc_id, "a2", 1, NOW, section="甲")
        grade(store, doc_id, "gone", 3, NOW, section="甲")  # a phrase since switched off
        stats = store.section_stats(doc_id, {"甲": ["a1", "a2", "a3"], "乙": ["b1"]}, NOW)
        first = stats["甲"]
        assert (first.cards, first.new, first.due, first.reviews) == (3, 1, 1, 3)
        assert 0 < first.mastery < 2 / 3
        assert (stats["乙"].cards, stats["乙"].new, stats["乙"].reviews, stats["乙"].mastery) == (1, 1, 0, 0.0)
        # The whole document is one more group of keys.
        total = store.section_stats(doc_id, {"all": ["a1", "a2", "a3", "b1"]}, NOW)["all"]
        assert (total.cards, total.new, total.due, total.reviews) == (4, 2, 1, 3)
        assert total.mastery == pytest.approx(first.mastery * 3 / 4)

    def test_mastery_is_stability_towards_three_weeks(self, store: Store, doc_id: int) -> None:
        # Right after a review, recall now is 1 whatever the rating, and tomorrow still 0.95
        # after one Good: neither says the card is known weeks from now. Stability does.
        grade(store, doc_id, "failed", 1, NOW)
        grade(store, doc_id, "known", 3, NOW)
        stats = store.section_stats(doc_id, {"failed": ["failed"], "known": ["known"], "new": ["new"]}, NOW)
        assert stats["failed"].mastery == 0  # a card last failed counts 0
        good = store.cards(doc_id)["known"].state
        assert stats["known"].mastery == scheduler.mastery(scheduler.stability(good)) < 0.5
        assert stats["new"].mastery == 0
        assert [scheduler.mastery_mark(stats[k].mastery) for k in ("failed", "known", "new")] == ["○", "◔", "○"]
        assert [stats[k].mastered for k in ("failed", "known", "new")] == [0, 0, 0]

    def test_a_card_kept_up_for_weeks_is_mastered(self, store: Store, doc_id: int) -> None:
        when = NOW
        for _ in range(12):  # Good each time it falls due, until it holds for three weeks
            recorded = grade(store, doc_id, "kept", 3, when)
            if scheduler.stability(recorded.state) >= scheduler.MASTERED_STABILITY:
                break
            when = recorded.due
        grade(store, doc_id, "once", 3, NOW)
        stats = store.section_stats(doc_id, {"kept": ["kept"], "both": ["kept", "once"]}, when)
        assert (stats["kept"].mastery, stats["kept"].mastered) == (1.0, 1)
        assert scheduler.mastery_mark(stats["kept"].mastery) == "●"
        # ● only when every card is mastered: one card answered once keeps the pair below it.
        assert stats["both"].mastered == 1 and stats["both"].mastery < 1
        assert scheduler.mastery_mark(stats["both"].mastery) == "◑"  # (1 + 0.11) / 2
        # Failed again, it is not mastered until recalled again, whatever FSRS kept of it.
        grade(store, doc_id, "kept", 1, when + timedelta(days=30))
        assert store.section_stats(doc_id, {"kept": ["kept"]}, when)["kept"].mastered == 0

    def test_a_failed_card_recalled_again_counts_again(self, store: Store, doc_id: int) -> None:
        grade(store, doc_id, "card", 1, NOW)
        grade(store, doc_id, "card", 3, NOW + timedelta(minutes=10))
        stats = store.section_stats(doc_id, {"s": ["card"]}, NOW + timedelta(minutes=10))
        assert stats["s"].mastery > 0

    def test_outline_nodes_count_their_subsections(self, store: Store, doc_id: int) -> None:
        doc = Document(
            "讲话",
            "text",
            [
                Section(
                    "s1", "heading", 1, "一、", "甲", ["“两个确立”"],
                    [Section("s1.1", "heading", 2, "(一)", "乙", ["“零容忍”与“两个维护”"])],
                )
            ],
        )
        phrases = {
            "s1": [Phrase(0, 1, 5, "两个确立", "quote")],
            "s1.1": [Phrase(0, 1, 4, "零容忍", "quote"), Phrase(0, 7, 11, "两个维护", "quote")],
        }
        cards = cards_for(doc, phrases)
        grade(store, doc_id, cards[1].key, 3, NOW)
        stats = store.section_stats(doc_id, keys_by_section(doc, cards, subtree=True), NOW)
        assert (stats["s1"].cards, stats["s1"].new, stats["s1"].reviews) == (3, 2, 1)
        assert (stats["s1.1"].cards, stats["s1.1"].new) == (2, 1)
        assert stats["s1"].mastery == pytest.approx(stats["s1.1"].mastery * 2 / 3)
        own = store.section_stats(doc_id, keys_by_section(doc, cards), NOW)
        assert (own["s1"].cards, own["s1"].mastery) == (1, 0.0)

    def test_reviews_per_day_forecast_and_accuracy(self, store: Store, doc_id: int) -> None:
        assert store.accuracy(doc_id) is None
        grade(store, doc_id, "a", 3, NOW - timedelta(days=2))
        grade(store, doc_id, "b", 1, NOW)
        grade(store, doc_id, "c", 3, NOW)
        days = store.reviews_per_day(doc_id, days=5, now=NOW)
        assert len(days) == 5
        assert days[-1] == (NOW.astimezone().date(), 2)
        assert sum(count for _, count in days) == 3
        assert store.accuracy(doc_id) == pytest.approx(2 / 3)
        assert store.accuracy(doc_id, since=NOW - timedelta(hours=1)) == pytest.approx(1 / 2)
        forecast = store.due_forecast(doc_id, days=30, now=NOW)
        assert forecast[0][0] == NOW.astimezone().date()
        assert sum(count for _, count in forecast) == 3
        # Only the cards asked for: a switched-off phrase's card never comes up again.
        assert sum(count for _, count in store.due_forecast(doc_id, days=30, now=NOW, keys=["a", "c"])) == 2
        assert store.due_forecast(doc_id, days=3, now=NOW, keys=[]) == [
            (NOW.astimezone().date() + timedelta(days=n), 0) for n in range(3)
        ]


class TestLocking:
    def test_a_second_study_waits_for_a_write_in_progress(self, tmp_path: Path) -> None:
        with Store.open(tmp_path) as first:
            doc = first.document(tmp_path / "a.txt", "h", "A")
            holder = raw(tmp_path)
            holder.isolation_level = None
            holder.execute("BEGIN IMMEDIATE")
            holder.execute("UPDATE documents SET title = 'held'")
            results: list[object] = []

            def second_study() -> None:
                try:
                    # A long timeout: on a loaded machine the release below may take a while.
                    with Store.open(tmp_path, timeout=60) as second:
                        results.append(grade(second, doc, "k"))
                except StoreError as error:  # pragma: no cover - the failure being tested for
                    results.append(error)

            thread = threading.Thread(target=second_study)
            thread.start()
            thread.join(timeout=0.5)
            assert thread.is_alive(), f"the second study should be waiting on the lock: {results}"
            assert results == []
            holder.execute("COMMIT")
            holder.close()
            thread.join(timeout=60)
            assert not thread.is_alive()
            assert len(results) == 1 and not isinstance(results[0], StoreError), results
            assert [r.card_key for r in first.reviews(doc)] == ["k"]

    def test_a_lock_held_too_long_is_a_one_line_error(self, tmp_path: Path) -> None:
        with Store.open(tmp_path, timeout=0.2) as store:
            doc = store.document(tmp_path / "a.txt", "h", "A")
            holder = raw(tmp_path)
            holder.isolation_level = None
            holder.execute("BEGIN IMMEDIATE")
            try:
                with pytest.raises(StoreError) as caught:
                    grade(store, doc, "k")
            finally:
                holder.execute("ROLLBACK")
                holder.close()
            assert caught.value.kind == "busy"
            assert "\n" not in str(caught.value)
            grade(store, doc, "k")  # and it works once the lock is gone
            assert len(store.reviews(doc)) == 1
