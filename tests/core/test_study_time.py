"""Tests for tui/core/study_time.py: time spent answering and the streak of days studied."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tui.core.records import Answer
from tui.core.store import Store

# Local noon, so whole days before it fall on the local days before, whatever the machine's zone.
NOW = datetime(2026, 3, 10, 12, 0).astimezone()


@pytest.fixture
def store(tmp_path: Path):
    opened = Store.open(tmp_path)
    yield opened
    opened.close()


@pytest.fixture
def doc_id(store: Store, tmp_path: Path) -> int:
    return store.document(tmp_path / "notes.txt", "hash-1", "笔记", now=NOW)


def answer(store: Store, doc_id: int, when: datetime, seconds: float | None = 10.0, key: str = "k") -> None:
    store.record_review(doc_id, Answer(key, "一", 3, outcome="right", duration=seconds, time=when))


class TestTimeSpent:
    def test_the_sum_of_the_durations_today_and_in_all(self, store: Store, doc_id: int) -> None:
        assert store.time_spent(doc_id) == 0
        answer(store, doc_id, NOW - timedelta(days=3), 40.0)
        answer(store, doc_id, NOW - timedelta(hours=1), 12.5, key="a")
        answer(store, doc_id, NOW, 7.5, key="b")
        answer(store, doc_id, NOW, None, key="c")  # an answer shown: no time of its own
        midnight = NOW.replace(hour=0)
        assert store.time_spent(doc_id) == 60.0
        assert store.time_spent(doc_id, since=midnight) == 20.0

    def test_one_document_or_every_document(self, store: Store, doc_id: int, tmp_path: Path) -> None:
        other = store.document(tmp_path / "other.txt", "hash-2", "另一篇", now=NOW)
        answer(store, doc_id, NOW, 10.0)
        answer(store, other, NOW, 5.0)
        assert store.time_spent(doc_id) == 10.0
        assert store.time_spent(other) == 5.0
        assert store.time_spent(None) == 15.0


class TestStreak:
    def test_none_before_any_review(self, store: Store, doc_id: int) -> None:
        assert store.streak(doc_id, NOW) == 0

    def test_consecutive_days_up_to_today(self, store: Store, doc_id: int) -> None:
        for days_ago in (0, 1, 2, 5):
            answer(store, doc_id, NOW - timedelta(days=days_ago))
        answer(store, doc_id, NOW - timedelta(days=1, hours=2), key="again")  # two on one day count once
        assert store.streak(doc_id, NOW) == 3

    def test_a_streak_ending_yesterday_is_kept_until_the_day_is_over(self, store: Store, doc_id: int) -> None:
        for days_ago in (1, 2, 3, 4):
            answer(store, doc_id, NOW - timedelta(days=days_ago))
        assert store.streak(doc_id, NOW) == 4
        # A day without a review breaks it.
        assert store.streak(doc_id, NOW + timedelta(days=1)) == 0

    def test_other_documents_do_not_count_unless_asked(self, store: Store, doc_id: int, tmp_path: Path) -> None:
        other = store.document(tmp_path / "other.txt", "hash-2", "另一篇", now=NOW)
        answer(store, doc_id, NOW)
        answer(store, other, NOW - timedelta(days=1))
        assert store.streak(doc_id, NOW) == 1
        assert store.streak(None, NOW) == 2
