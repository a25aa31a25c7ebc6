"""Answers typed in pinyin or initials, in the quiz and the review: graded, rated, stored and shown as for characters."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.text import Text

from tui.app import StudyApp
from tui.core import quiz
from tui.core.store import Store
from tui.screens.quiz_screen import QuizScreen
from tui.screens.review_screen import ReviewScreen

from .conftest import study_app, until
from .test_quiz_screen import PREAMBLE, SIZE, quiz_open, reviews, spans_of, submit

ROOT = Path(__file__).resolve().parents[2]
SPEECH = ROOT / "data" / "zuofeng-speech.txt"


@pytest.fixture
def quiz_app(store: Store) -> StudyApp:
    return study_app(SPEECH, language="zh", store=store, start="quiz")


def feedback(screen: QuizScreen | ReviewScreen) -> Text:
    content = screen.answer_bar.feedback.content
    assert isinstance(content, Text)
    return content


class TestQuiz:
    async def test_a_blank_answered_by_its_initials_is_right_and_good_at_most(self, quiz_app, clock) -> None:
        app = quiz_app
        async with app.run_test(size=SIZE) as pilot:
            screen = await quiz_open(pilot)
            clock[0] += 2.0  # as quick as an answer rated Easy
            for key in "xjpgyjqddzfjslszb":  # 习近平关于加强党的作风建设论述摘编
                await pilot.press(key)
            await pilot.press("enter")
            await pilot.pause()
            state = screen.session.states[0]
            assert (state.status, state.rating) == ("right", quiz.GOOD)
            assert state.verdict is not None and state.verdict.by == "initials"
            assert feedback(screen).plain.startswith("第 1 空 正确") and "良好" in feedback(screen).plain
            [review] = reviews(app)
            assert (review.outcome, review.typed, review.rating) == ("right", "xjpgyjqddzfjslszb", quiz.GOOD)
            assert screen.session.active == 1

    async def test_full_pinyin_typed_quick_is_easy(self, quiz_app, clock) -> None:
        async with quiz_app.run_test(size=SIZE) as pilot:
            screen = await quiz_open(pilot)
            screen.session.go(1)
            screen.redraw()
            clock[0] += 2.0
            await submit(pilot, "dang de zuo4feng4 shi dang de xingxiang")  # 党的作风是党的形象
            state = screen.session.states[1]
            assert (state.status, state.rating) == ("right", quiz.EASY)

    async def test_a_wrong_syllable_is_shown_against_the_characters(self, quiz_app, clock) -> None:
        async with quiz_app.run_test(size=SIZE) as pilot:
            screen = await quiz_open(pilot)
            screen.session.go(5)  # 乡村振兴深化期
            screen.redraw()
            await submit(pilot, "xiangcun zhenxing shenhua qu")
            state = screen.session.states[5]
            assert (state.status, state.rating) == ("near", quiz.HARD)
            text = feedback(screen)
            assert "答案： 乡村振兴深化期" in text.plain
            assert spans_of(text, screen.answer_bar) == [
                ("same", "xiang cun zhen xing shen hua "), ("wrong", "qu"),
                ("same", "乡村振兴深化"), ("missing", "期"),
            ]
            [review] = reviews(quiz_app)
            assert (review.outcome, review.typed) == ("near", "xiangcun zhenxing shenhua qu")


class TestReview:
    async def test_a_card_answered_in_initials(self, store, clock) -> None:
        app = study_app(SPEECH, language="zh", store=store, start="review")
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: isinstance(app.screen, ReviewScreen), "the review opened")
            screen = app.screen
            assert isinstance(screen, ReviewScreen)
            answer = screen.session.active_blank.answer  # type: ignore[union-attr]
            assert answer == PREAMBLE[0]
            screen.answer_bar.input.value = "xjpgyjqddzfjslszb"
            await pilot.press("enter")
            await pilot.pause()
            assert screen.session.states[0].status == "right"
            assert [(r.typed, r.outcome, r.rating) for r in reviews(app)] == [("xjpgyjqddzfjslszb", "right", quiz.GOOD)]
