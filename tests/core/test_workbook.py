"""Tests of tui/core/workbook.py: every operation a screen calls, without Textual."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.core import quiz
from tui.core.database import StoreError
from tui.core.progress import section_progress
from tui.core.queues import review_queue
from tui.core.store import Store
from tui.core.workbook import Workbook

from .notes_workbook import NOTES, NOTES_PATH, Busy, right

PATH = NOTES_PATH


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
        assert review_queue(book) == [] and section_progress(book) == {}
        book.leave(("1", 0.0))


class TestPhrases:
    def test_found_phrases_make_the_cards(self, workbook: Workbook) -> None:
        assert workbook.phrases_ready
        assert [card.phrase.text for card in workbook.cards][:2] == ["两个确立", "学思想、强党性"]
        assert all(card.section_id in {"1", "2.1", "2.2"} for card in workbook.cards)

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


REOPEN = """
import sys
from pathlib import Path
from tui.core.loader import load
from tui.core.store import Store
from tui.core.workbook import Workbook
path = Path(sys.argv[1])
store = Store.open(Path(sys.argv[2]))
workbook = Workbook(path, load(path), store)
workbook.open()
store.close()
print(" ".join(sorted(n for n in sys.modules if n in ("tui.core.identity", "tui.core.quiz", "tui.core.pinyin"))))
"""


def test_a_document_opened_as_it_was_imports_no_matching_before_its_first_frame(tmp_path: Path) -> None:
    # Matching sections and answers to an edited text (identity.py, and the answer checking it
    # uses) is needed only when the text is new or changed: an unchanged one opens without it.
    import subprocess
    import sys

    path = tmp_path / "notes.txt"
    path.write_text("一、总体要求\n坚持稳中求进工作总基调。\n二、主要任务\n扩大国内需求。\n", encoding="utf-8")

    def opened() -> str:
        run = subprocess.run([sys.executable, "-c", REOPEN, str(path), str(tmp_path / "data")],
                             capture_output=True, text=True, timeout=120)
        assert run.returncode == 0, run.stderr
        return run.stdout.strip()

    assert opened() == "tui.core.identity tui.core.pinyin tui.core.quiz"  # new: its sections are matched
    assert opened() == ""  # the same text again
    path.write_text(path.read_text(encoding="utf-8") + "三、保障措施\n加强组织领导。\n", encoding="utf-8")
    assert opened() == "tui.core.identity tui.core.pinyin tui.core.quiz"  # edited
