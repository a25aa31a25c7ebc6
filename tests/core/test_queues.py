"""Tests of tui/core/queues.py: the section a quiz opens, the cards a review brings."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from tui.core import quiz
from tui.core.phrase_edits import edit_phrase
from tui.core.queues import has_blanks, next_quiz_section, quiz_section, review_queue
from tui.core.store import Store
from tui.core.workbook import Workbook

from .notes_workbook import ready, right


class TestWhatToQuiz:
    def test_a_section_with_blanks_is_quizzed_itself(self, workbook: Workbook) -> None:
        assert has_blanks(workbook, "2") and quiz_section(workbook, "2.1") == "2.1"

    def test_otherwise_the_next_one_that_has_them(self, workbook: Workbook) -> None:
        edit_phrase(workbook, "2.1", "remove", "学思想、强党性")
        assert not has_blanks(workbook, "2.1")
        assert quiz_section(workbook, "2.1") == "2.2"
        assert next_quiz_section(workbook, "1") == "2.2"
        assert next_quiz_section(workbook, "2.2") is None

    def test_an_unknown_section_starts_at_the_first(self, workbook: Workbook) -> None:
        assert quiz_section(workbook, "9.9") == "1" and quiz_section(workbook, None) == "1"


class TestReviewQueue:
    def test_new_cards_are_due_in_the_review_queue_up_to_the_daily_limit(self, store: Store) -> None:
        book = ready(store, new_per_day=2)
        # In reading order: the heading's card (一、总体要求), then the first phrase under it.
        assert [card.key for card in review_queue(book)] == [book.heading_cards[0].key, book.cards[0].key]

    def test_an_answered_card_leaves_the_queue_until_it_is_due(self, workbook: Workbook) -> None:
        card = workbook.cards[0]
        workbook.record(card, right("两个确立", quiz.EASY))
        assert card.key not in {c.key for c in review_queue(workbook)}
        later = datetime.now(timezone.utc) + timedelta(days=365)
        assert card.key in {c.key for c in review_queue(workbook, later)}
