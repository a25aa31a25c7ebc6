"""Tests of tui/core/workbook.py: every operation a screen calls, without Textual."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from tui.core import quiz
from tui.core.database import StoreError
from tui.core.records import Progress
from tui.core.session import BlankState
from tui.core.store import Store
from tui.core.workbook import Workbook

NOTES = """学习笔记

一、总体要求
我们要坚持“两个确立”，做到“两个维护”，增强“四个意识”。
二、重点任务
（一）加强学习
要把“学思想、强党性”作为主线，读原著、学原文、悟原理。
（二）狠抓落实
坚决反对“四风”，牢记“作风建设永远在路上”。
"""
PATH = Path("notes.txt")


def right(typed: str, rating: int = quiz.GOOD) -> BlankState:
    return BlankState(status="right", typed=typed, rating=rating, seconds=3.0)


@pytest.fixture
def store(data_dir: Path):
    opened = Store.open(data_dir)
    yield opened
    opened.close()


@pytest.fixture
def workbook(store: Store) -> Workbook:
    """The notes opened with their phrases found, as the app has them once ready."""
    book = Workbook(PATH, NOTES, store)
    book.open()
    book.use_phrases(book.find_phrases())
    return book


class Busy:
    """A store that refuses everything, as one held by another program past its timeout does."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __getattr__(self, name: str):
        def refuse(*args: object, **kwargs: object):
            raise StoreError("The study database is busy.", "busy")

        return refuse


class TestOpening:
    def test_the_document_its_record_and_no_position_yet(self, store: Store) -> None:
        book = Workbook(PATH, NOTES, store)
        assert book.document is None and not book.phrases_ready
        document = book.open()
        assert book.document is document and document.title == "学习笔记"
        assert [s.id for s in document.walk()] == ["1", "2", "2.1", "2.2"]
        assert book.saved_position is None and book.problem is None
        assert book.document_id() == store.document(PATH, book.content_hash, "学习笔记")

    def test_a_saved_position_is_found(self, store: Store) -> None:
        first = Workbook(PATH, NOTES, store)
        first.open()
        first.leave(("2.1", 3.0))
        again = Workbook(PATH, NOTES, store)
        again.open()
        assert again.saved_position is not None
        assert (again.saved_position.section_id, again.saved_position.scroll) == ("2.1", 3.0)

    def test_a_busy_store_leaves_reading_possible_and_says_why(self, tmp_path: Path) -> None:
        book = Workbook(PATH, NOTES, Busy(tmp_path / "study.db"))  # type: ignore[arg-type]
        book.open()
        assert book.document is not None
        assert book.problem is not None and book.problem.kind == "busy"

    def test_without_a_store_nothing_is_kept_and_nothing_fails(self) -> None:
        book = Workbook(PATH, NOTES)
        book.open()
        book.use_phrases(book.find_phrases())
        assert book.cards and book.record(book.cards[0], right("两个确立")) is None
        assert book.review_queue() == [] and book.progress() == {}
        book.leave(("1", 0.0))


class TestPhrases:
    def test_found_phrases_make_the_cards(self, workbook: Workbook) -> None:
        assert workbook.phrases_ready
        assert [card.phrase.text for card in workbook.cards][:2] == ["两个确立", "学思想、强党性"]
        assert all(card.section_id in {"1", "2.1", "2.2"} for card in workbook.cards)

    def test_an_edit_is_saved_and_quizzed_at_once(self, workbook: Workbook, store: Store) -> None:
        revision = workbook.revision
        workbook.edit_phrase("2.1", "add", "悟原理")
        assert "悟原理" in [p.text for p in workbook.phrases["2.1"]]
        assert any(card.phrase.text == "悟原理" for card in workbook.cards)
        assert workbook.revision > revision
        assert [edit.text for edit in store.phrase_edits(workbook.document_id())] == ["悟原理"]
        # Reopened, the edit is there.
        again = Workbook(PATH, NOTES, store)
        again.open()
        again.use_phrases(again.find_phrases())
        assert "悟原理" in [p.text for p in again.phrases["2.1"]]

    def test_switching_a_phrase_off_and_back_on(self, workbook: Workbook) -> None:
        workbook.edit_phrase("1", "remove", "两个确立")
        assert "两个确立" not in [p.text for p in workbook.phrases["1"]]
        workbook.edit_phrase("1", "remove", "两个确立", undo=True)
        assert "两个确立" in [p.text for p in workbook.phrases["1"]]

    def test_a_refused_edit_changes_nothing(self, workbook: Workbook, monkeypatch: pytest.MonkeyPatch) -> None:
        before = dict(workbook.phrases)
        assert workbook.store is not None
        monkeypatch.setattr(workbook.store, "add_phrase_edit", Busy(Path()).add_phrase_edit)
        with pytest.raises(StoreError):
            workbook.edit_phrase("2.1", "add", "悟原理")
        assert workbook.phrases == before


class TestWhatToQuiz:
    def test_a_section_with_blanks_is_quizzed_itself(self, workbook: Workbook) -> None:
        assert workbook.has_blanks("2") and workbook.quiz_section("2.1") == "2.1"

    def test_otherwise_the_next_one_that_has_them(self, workbook: Workbook) -> None:
        workbook.edit_phrase("2.1", "remove", "学思想、强党性")
        assert not workbook.has_blanks("2.1")
        assert workbook.quiz_section("2.1") == "2.2"
        assert workbook.next_quiz_section("1") == "2.2"
        assert workbook.next_quiz_section("2.2") is None

    def test_an_unknown_section_starts_at_the_first(self, workbook: Workbook) -> None:
        assert workbook.quiz_section("9.9") == "1" and workbook.quiz_section(None) == "1"


class TestAnswers:
    def test_an_answer_is_stored_with_its_card_and_section(self, workbook: Workbook, store: Store) -> None:
        card = workbook.cards[0]
        recorded = workbook.record(card, right("两个确立"))
        assert recorded is not None
        [review] = store.reviews(workbook.document_id())
        assert (review.id, review.card_key, review.section_key, review.typed, review.rating) == (
            recorded.review_id, card.key, "总体要求", "两个确立", quiz.GOOD,
        )

    def test_a_rerated_answer_keeps_its_new_rating(self, workbook: Workbook, store: Store) -> None:
        card = workbook.cards[0]
        state = right("两个确立")
        recorded = workbook.record(card, state)
        assert recorded is not None
        state.review_id, state.rating = recorded.review_id, quiz.EASY
        workbook.rerate(card, state)
        assert [r.rating for r in store.reviews(workbook.document_id())] == [quiz.EASY]

    def test_answers_given_while_the_store_was_busy_at_opening_are_stored_once_it_is_free(
        self, store: Store, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        real_document = store.open_document
        monkeypatch.setattr(store, "open_document", Busy(Path()).open_document)
        book = Workbook(PATH, NOTES, store)
        book.open()
        book.use_phrases(book.find_phrases())
        assert book.problem is not None
        with pytest.raises(StoreError):
            book.record(book.cards[0], right("两个确立"))
        assert book.waiting_answers == 1
        monkeypatch.setattr(store, "open_document", real_document)
        book.record(book.cards[1], right("学思想强党性"))
        assert book.waiting_answers == 0 and book.problem is None
        assert [r.typed for r in store.reviews(book.document_id())] == ["两个确立", "学思想强党性"]

    def test_a_rerated_answer_still_waiting_changes_where_it_waits(
        self, workbook: Workbook, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        assert workbook.store is not None and workbook.answers is not None
        monkeypatch.setattr(workbook.store, "record_review", Busy(Path()).record_review)
        state = right("两个确立")
        with pytest.raises(StoreError):
            workbook.record(workbook.cards[0], state)
        state.rating = quiz.HARD
        workbook.rerate(workbook.cards[0], state)
        assert [a.rating for a in workbook.answers.waiting] == [quiz.HARD]

    def test_on_leaving_answers_the_store_never_took_go_to_a_file(
        self, workbook: Workbook, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        assert workbook.store is not None and workbook.answers is not None
        monkeypatch.setattr(workbook.store, "record_review", Busy(Path()).record_review)
        with pytest.raises(StoreError):
            workbook.record(workbook.cards[0], right("两个确立"))
        workbook.leave(("1", 0.0))
        kept = workbook.answers.file
        assert kept is not None and workbook.waiting_answers == 0
        assert [a["typed"] for a in json.loads(kept.read_text("utf-8"))] == ["两个确立"]


class TestProgress:
    def test_new_cards_are_due_in_the_review_queue_up_to_the_daily_limit(self, store: Store) -> None:
        book = Workbook(PATH, NOTES, store, new_per_day=2)
        book.open()
        book.use_phrases(book.find_phrases())
        # In reading order: the heading's card (一、总体要求), then the first phrase under it.
        assert [card.key for card in book.review_queue()] == [book.heading_cards[0].key, book.cards[0].key]

    def test_an_answered_card_leaves_the_queue_until_it_is_due(self, workbook: Workbook) -> None:
        card = workbook.cards[0]
        workbook.record(card, right("两个确立", quiz.EASY))
        assert card.key not in {c.key for c in workbook.review_queue()}
        later = datetime.now(timezone.utc) + timedelta(days=365)
        assert card.key in {c.key for c in workbook.review_queue(later)}

    def test_progress_per_section_counts_its_subsections(self, workbook: Workbook) -> None:
        assert workbook.progress() == {
            "1": Progress(0.0, 0), "2": Progress(0.0, 0), "2.1": Progress(0.0, 0), "2.2": Progress(0.0, 0)
        }
        for card in workbook.cards:
            if card.section_id == "2.1":
                workbook.record(card, right(card.phrase.text))
        progress = workbook.progress()
        assert progress["2.1"].mastery is not None and 0 < progress["2.1"].mastery < 0.5  # once right: not mastered
        assert progress["2"].mastery is not None and 0 < progress["2"].mastery < progress["2.1"].mastery
        assert progress["1"].mastery == 0.0

    def test_stats_per_section_and_in_total(self, workbook: Workbook) -> None:
        workbook.record(workbook.cards[0], right("两个确立"))
        stats = workbook.stats(days=7)
        assert [row.section_id for row in stats.sections] == ["1", "2", "2.1", "2.2"]
        first = stats.sections[0].stats
        assert (first.cards, first.new, first.reviews) == (2, 1, 1)  # its phrase's card and its heading's
        # A parent counts its subsections' cards, as the outline marks it: its own text has none, its heading one.
        parent, children = stats.sections[1].stats, [row.stats for row in stats.sections[2:]]
        assert parent.cards == sum(child.cards for child in children) + 1 > 1
        assert parent.new == sum(child.new for child in children) + 1
        assert (stats.totals.cards, stats.totals.reviews) == (len(workbook.all_cards), 1)
        assert stats.accuracy == 1.0
        assert len(stats.reviews_per_day) == 7 and stats.reviews_per_day[-1][1] == 1
        assert len(stats.due_forecast) == 7


class TestTooLarge:
    def test_a_document_over_the_limit_is_read_but_no_phrases_are_looked_for(
        self, store: Store, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        from tui.core import phrases
        from tui.core import workbook as module

        monkeypatch.setattr(module, "MAX_PHRASE_CHARS", len(NOTES) - 1)
        monkeypatch.setattr(phrases, "extract", lambda doc: pytest.fail("extraction started"))
        book = Workbook(PATH, NOTES, store)
        book.open()
        assert book.too_large
        found = book.find_phrases()
        assert found.too_large and not any(found.edited.values())
        book.use_phrases(found)
        assert book.phrases_ready and book.cards == []
