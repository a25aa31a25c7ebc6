"""Tests of tui/core/answers.py: no graded answer is dropped, whatever the store does."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest

from tui.core.answers import AnswerQueue
from tui.core.records import Answer
from tui.core.store import Store, StoreError

NOW = datetime(2026, 11, 27, 9, 0, tzinfo=timezone.utc)


class Refusing:
    """A store that refuses the first `times` answers, then writes them into `written`."""

    def __init__(self, path: Path, times: int = 0) -> None:
        self.path = path
        self.times = times
        self.written: list[tuple[int, Answer]] = []

    def record_review(self, document_id: int, answer: Answer, fsrs_scheduler: object = None) -> str:
        if self.times:
            self.times -= 1
            raise StoreError("The study database is busy.", "busy")
        self.written.append((document_id, answer))
        return f"recorded {answer.card_key}"


def answer(key: str, rating: int = 3) -> Answer:
    return Answer(card_key=key, section_key="甲", rating=rating, outcome="right", typed=key, time=NOW)


def queue_on(store: object) -> AnswerQueue:
    return AnswerQueue(store, lambda: 1)  # type: ignore[arg-type]  # a stand-in for the store


def test_an_answer_is_written_at_once(tmp_path: Path) -> None:
    store = Refusing(tmp_path / "study.db")
    queue = queue_on(store)
    assert queue.record(answer("零容忍")) == "recorded 零容忍"
    assert [(doc, a.card_key) for doc, a in store.written] == [(1, "零容忍")] and queue.waiting == []


def test_an_answer_without_a_time_is_stamped_when_given_not_when_stored(tmp_path: Path) -> None:
    store = Refusing(tmp_path / "study.db", times=1)
    queue = queue_on(store)
    with pytest.raises(StoreError):
        queue.record(answer("零容忍")._replace(time=None))
    given = queue.waiting[0].time
    assert given is not None
    queue.flush()
    assert store.written[0][1].time == given


def test_a_refused_answer_waits_and_goes_first_with_the_next(tmp_path: Path) -> None:
    store = Refusing(tmp_path / "study.db", times=1)
    queue = queue_on(store)
    with pytest.raises(StoreError):
        queue.record(answer("零容忍"))
    assert [a.card_key for a in queue.waiting] == ["零容忍"]
    queue.record(answer("两个确立"))
    assert [a.card_key for _, a in store.written] == ["零容忍", "两个确立"] and queue.waiting == []


def test_answers_wait_while_the_document_record_cannot_be_had_and_go_in_once_it_can(tmp_path: Path) -> None:
    # The database was busy when the app opened: the document's id is asked for again each time.
    store = Refusing(tmp_path / "study.db")
    tries = [0]

    def document_id() -> int:
        tries[0] += 1
        if tries[0] <= 2:
            raise StoreError("The study database is busy.", "busy")
        return 7

    queue = AnswerQueue(store, document_id)  # type: ignore[arg-type]
    for key in ("零容忍", "两个确立"):
        with pytest.raises(StoreError):
            queue.record(answer(key))
    assert [a.card_key for a in queue.waiting] == ["零容忍", "两个确立"] and store.written == []
    queue.record(answer("四个意识"))
    assert [(doc, a.card_key) for doc, a in store.written] == [(7, "零容忍"), (7, "两个确立"), (7, "四个意识")]


def test_a_waiting_answer_rerated_keeps_its_newest_rating(tmp_path: Path) -> None:
    queue = queue_on(Refusing(tmp_path / "study.db", times=2))
    for rating in (1, 3):
        with pytest.raises(StoreError):
            queue.record(answer("零容忍", rating))
    queue.rerate_waiting("零容忍", 4)
    assert [a.rating for a in queue.waiting] == [1, 4]


def test_answers_never_taken_are_kept_in_a_file_beside_the_database(tmp_path: Path) -> None:
    queue = queue_on(Refusing(tmp_path / "study.db", times=9))
    for key in ("零容忍", "两个确立"):
        with pytest.raises(StoreError):
            queue.record(answer(key))
    path = queue.keep_in_file()
    assert path is not None and path.parent == tmp_path and path.name.startswith("study.db.unsaved-")
    kept = json.loads(path.read_text("utf-8"))
    assert [a["card_key"] for a in kept] == ["零容忍", "两个确立"] and kept[0]["time"] == NOW.isoformat()
    assert (queue.file, queue.filed, queue.waiting) == (path, 2, [])
    assert queue.keep_in_file() is None  # nothing is kept twice


def test_a_disk_that_refuses_the_file_too_leaves_them_waiting(tmp_path: Path) -> None:
    queue = queue_on(Refusing(tmp_path / "gone" / "study.db", times=9))
    with pytest.raises(StoreError):
        queue.record(answer("零容忍"))
    assert queue.keep_in_file() is None
    assert [a["card_key"] for a in queue.as_data()] == ["零容忍"] and queue.file is None


def test_with_a_real_store_the_review_is_there(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        document_id = store.document(tmp_path / "讲话.txt", "hash", "讲话")
        queue = AnswerQueue(store, lambda: document_id)
        recorded = queue.record(answer("零容忍"))
        assert recorded is not None
        [review] = store.reviews(document_id)
        assert (review.card_key, review.typed, review.rating) == ("零容忍", "零容忍", 3)


def _refused_queue(tmp_path: Path, *keys: str) -> AnswerQueue:
    queue = queue_on(Refusing(tmp_path / "study.db", times=99))
    for key in keys:
        with pytest.raises(StoreError):
            queue.record(answer(key))
    return queue


def test_two_files_kept_in_the_same_second_are_two_files(tmp_path: Path) -> None:
    first, second = _refused_queue(tmp_path, "零容忍"), _refused_queue(tmp_path, "两个确立")
    paths = [first.keep_in_file(), second.keep_in_file()]
    assert None not in paths and paths[0] != paths[1]
    assert [json.loads(path.read_text("utf-8"))[0]["card_key"] for path in paths] == ["零容忍", "两个确立"]


def test_the_file_appears_whole_or_not_at_all(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    queue = _refused_queue(tmp_path, "零容忍")

    def disk_full(descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("tui.core.answers.os.fsync", disk_full)
    assert queue.keep_in_file() is None
    assert list(tmp_path.iterdir()) == []  # no half-written file, no temporary one
    assert [a.card_key for a in queue.waiting] == ["零容忍"]  # still held, for the terminal


def test_no_temporary_file_is_left_beside_the_kept_one(tmp_path: Path) -> None:
    path = _refused_queue(tmp_path, "零容忍").keep_in_file()
    assert list(tmp_path.iterdir()) == [path]
