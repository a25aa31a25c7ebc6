"""Tests for tui/core/session.py: blanks, paragraphs cut around them, and a quiz in progress."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from tests.core.test_quiz import phrase, speech, speech_phrases
from tui.core.quiz import AGAIN, EASY, GOOD, HARD, cards_for
from tui.core.session import Blank, QuizSession, blanks_for, paragraph_segments, placeholder

# ---------------------------------------------------------------- blanks


class TestBlanks:
    def test_blanks_of_a_section_and_its_children_in_reading_order(self) -> None:
        doc = speech()
        cards = cards_for(doc, speech_phrases(doc))
        part = doc.find("s1")
        assert part is not None
        blanks = blanks_for(part, cards)
        assert [b.answer for b in blanks] == ["松口气、歇歇脚", "作风建设永远在路上", "两个确立", "两个维护", "抓发展", "抓发展"]
        assert [b.index for b in blanks] == list(range(6))
        assert blanks[0].number == 1
        assert "十四五" not in [b.answer for b in blanks]

    def test_overlapping_phrases_make_one_blank(self) -> None:
        doc = speech()
        s12 = doc.find("s1.2")
        assert s12 is not None
        phrases = {"s1.2": [phrase(s12.paragraphs, 0, "抓作风就是抓发展"), phrase(s12.paragraphs, 0, "就是抓发展")]}
        blanks = blanks_for(s12, cards_for(doc, phrases))
        assert [b.answer for b in blanks] == ["抓作风就是抓发展"]

    def test_blank_width_is_its_answer_in_cells(self) -> None:
        doc = speech()
        blank = blanks_for(doc.sections[0], cards_for(doc, speech_phrases(doc)))[0]
        assert blank.cells == 6  # 十四五: three wide characters

    def test_segments_rebuild_the_paragraph(self) -> None:
        doc = speech()
        s11 = doc.find("s1.1")
        assert s11 is not None
        blanks = [b for b in blanks_for(s11, cards_for(doc, speech_phrases(doc))) if b.paragraph == 0]
        segments = paragraph_segments(s11.paragraphs[0], blanks)
        assert [type(s) for s in segments] == [str, Blank, str, Blank, str]
        assert "".join(s if isinstance(s, str) else s.answer for s in segments) == s11.paragraphs[0]

    @pytest.mark.parametrize(("number", "cells", "shown"), [(1, 8, ""), (3, 8, "松口"), (12, 6, "")])
    def test_placeholder_fills_the_answer_width(self, number: int, cells: int, shown: str) -> None:
        face = placeholder(number, cells, shown)
        assert cell_len(face) == cells
        assert face.startswith(f"{number}{shown}")

    def test_placeholder_grows_rather_than_hiding_the_number(self) -> None:
        assert placeholder(12, 2) == "12_"


# ---------------------------------------------------------------- sessions


def session_blanks() -> list[Blank]:
    doc = speech()
    part = doc.find("s1")
    assert part is not None
    return blanks_for(part, cards_for(doc, speech_phrases(doc)))


class TestQuizSession:
    def test_a_quiz_from_start_to_summary(self) -> None:
        quiz = QuizSession(session_blanks(), now=100.0)
        assert quiz.active == 0 and quiz.active_state is not None and quiz.active_state.status == "pending"

        verdict = quiz.answer("松口气,歇歇脚", now=102.0)  # 2 s for six letters: quick
        assert verdict is not None and verdict.outcome == "right"
        assert quiz.states[0].rating == EASY and quiz.states[0].seconds == pytest.approx(2.0)
        assert quiz.answer("again", now=103.0) is None  # graded blanks stay graded
        assert quiz.next_pending(now=103.0) and quiz.active == 1

        assert quiz.hint() == "作"
        assert quiz.hint() == "作风"
        assert quiz.shown(1) == "作风"
        assert quiz.answer("作风建设永远在路上", now=110.0).outcome == "right"  # type: ignore[union-attr]
        assert quiz.states[1].hints == 2 and quiz.states[1].rating == HARD

        quiz.next_pending(now=110.0)
        assert quiz.answer("两个确定", now=115.0).outcome == "near"  # type: ignore[union-attr]
        assert quiz.states[2].rating == HARD
        quiz.next_pending(now=115.0)
        assert quiz.answer("两个拥护啊", now=120.0).outcome == "wrong"  # type: ignore[union-attr]
        assert quiz.states[3].rating == AGAIN and quiz.states[3].typed == "两个拥护啊"
        quiz.rate(GOOD)
        assert quiz.states[3].rating == GOOD
        quiz.next_pending(now=120.0)
        assert quiz.answer("", now=121.0).outcome == "empty"  # type: ignore[union-attr]
        assert quiz.states[4].status == "revealed" and quiz.states[4].rating == AGAIN
        assert quiz.states[4].outcome == "empty"
        quiz.next_pending(now=121.0)
        assert quiz.states[5].outcome == "pending"
        quiz.reveal(now=125.0)
        assert quiz.states[5].status == quiz.states[5].outcome == "revealed"
        assert quiz.states[2].outcome == "near"
        assert quiz.done
        assert not quiz.next_pending(now=125.0)

        summary = quiz.summary(now=130.0)
        # The wrong answer rated Good counts as right: the user knows better.
        assert (summary.right, summary.near, summary.wrong, summary.revealed, summary.pending) == (3, 1, 0, 2, 0)
        assert summary.total == 6
        assert summary.seconds == pytest.approx(30.0)
        assert [b.answer for b in summary.missed] == ["抓发展", "抓发展"]

    def test_a_rerated_answer_counts_in_the_summary_as_its_final_rating(self) -> None:
        quiz = QuizSession(session_blanks(), now=0.0)
        quiz.answer("", now=1.0)  # shown, then rated Easy: recited right
        quiz.rate(EASY)
        quiz.next_pending(now=1.0)
        quiz.answer("作风建设永远在路上", now=60.0)  # right, then rated Again: a guess
        quiz.rate(AGAIN)
        quiz.next_pending(now=60.0)
        quiz.answer("两个拥护啊", now=61.0)  # wrong, rated Hard
        quiz.rate(HARD)
        quiz.next_pending(now=61.0)
        quiz.answer("两个维护", now=120.0)  # right, its rating changed and changed back
        quiz.rate(EASY, 3)
        quiz.rate(GOOD, 3)
        assert [state.final for state in quiz.states[:4]] == ["right", "wrong", "near", "right"]
        summary = quiz.summary(now=120.0)
        assert (summary.right, summary.near, summary.wrong, summary.revealed, summary.pending) == (2, 1, 1, 0, 2)
        assert [b.answer for b in summary.missed] == ["作风建设永远在路上"]

    def test_an_answer_right_for_another_blank_of_the_paragraph_is_not_graded(self) -> None:
        quiz = QuizSession(session_blanks(), now=0.0)
        quiz.go(2, now=0.0)  # 两个确立, in one sentence with 两个维护
        verdict = quiz.answer("两个维护", now=1.0)
        assert verdict is not None and verdict.outcome == "elsewhere" and not verdict.correct
        assert quiz.states[2].status == "pending" and quiz.states[2].rating is None and quiz.active == 2
        assert quiz.answer("两个确立", now=2.0).outcome == "right"  # type: ignore[union-attr]
        quiz.go(4, now=2.0)  # 抓发展, twice in its paragraph: the other one's answer is its own
        assert quiz.answer("抓发展", now=3.0).outcome == "right"  # type: ignore[union-attr]
        quiz.go(0, now=3.0)
        assert quiz.answer("两个维护", now=4.0).outcome == "wrong"  # type: ignore[union-attr]  # another paragraph's

    def test_the_context_of_each_blank_can_be_given(self) -> None:
        quiz = QuizSession(session_blanks(), now=0.0, others={0: ["四个意识"]})
        assert quiz.answer("四个意识", now=1.0).outcome == "elsewhere"  # type: ignore[union-attr]

    def test_time_counts_only_while_a_blank_is_active(self) -> None:
        quiz = QuizSession(session_blanks(), now=0.0)
        quiz.next(now=5.0)  # 5 s on blank 0
        quiz.prev(now=6.0)  # 1 s on blank 1
        quiz.answer("松口气、歇歇脚", now=8.0)  # 2 more s on blank 0
        assert quiz.states[0].seconds == pytest.approx(7.0)
        assert quiz.states[1].seconds == pytest.approx(1.0)
        assert quiz.states[0].rating == GOOD  # 7 s is not quick for six letters

    def test_tab_wraps_round(self) -> None:
        quiz = QuizSession(session_blanks(), now=0.0)
        quiz.prev(now=0.0)
        assert quiz.active == len(quiz.blanks) - 1
        quiz.next(now=0.0)
        assert quiz.active == 0

    def test_next_pending_skips_graded_blanks(self) -> None:
        quiz = QuizSession(session_blanks(), now=0.0)
        quiz.go(1, now=0.0)
        quiz.reveal(now=1.0)
        quiz.go(0, now=1.0)
        assert quiz.next_pending(now=1.0)
        assert quiz.active == 2

    def test_hints_stop_at_the_whole_answer(self) -> None:
        quiz = QuizSession(session_blanks(), now=0.0)
        for _ in range(10):
            shown = quiz.hint()
        assert shown == "松口气、歇歇脚"
        assert quiz.states[0].hints == 6

    def test_a_hint_gives_the_input_one_letter_more_than_is_typed_right(self) -> None:
        quiz = QuizSession(session_blanks(), now=0.0)  # the first answer: 松口气、歇歇脚
        assert quiz.hint("") == "松"
        assert quiz.hint("松口") == "松口气"  # two typed right: the third comes
        assert quiz.shown(0) == "松口气"
        assert quiz.hint("松开") == "松口气、歇"  # a wrong letter is mended, and one more comes
        assert quiz.hint("松口气，歇歇") == "松口气、歇歇脚"  # punctuation and width as answers are compared
        assert quiz.states[0].hints == 4  # presses, not letters shown
        whole = quiz.hint("松口气、歇歇脚")  # already all typed right: nothing more to give
        assert whole == "松口气、歇歇脚" and quiz.states[0].hints == 4
        assert quiz.answer("松口气、歇歇脚", now=1.0).outcome == "right"  # type: ignore[union-attr]
        assert quiz.states[0].rating == HARD

    def test_rating_must_be_one_to_four(self) -> None:
        quiz = QuizSession(session_blanks(), now=0.0)
        quiz.reveal(now=0.0)
        with pytest.raises(ValueError):
            quiz.rate(5)

    def test_segments_by_paragraph(self) -> None:
        quiz = QuizSession(session_blanks(), now=0.0)
        doc = speech()
        s12 = doc.find("s1.2")
        assert s12 is not None
        segments = quiz.segments("s1.2", 0, s12.paragraphs[0])
        assert [s.index for s in segments if isinstance(s, Blank)] == [4, 5]

    def test_an_empty_quiz(self) -> None:
        quiz = QuizSession([], now=0.0)
        assert quiz.active_blank is None
        assert quiz.answer("x", now=1.0) is None
        assert quiz.hint() is None
        assert quiz.done
        assert quiz.summary(now=1.0).total == 0
