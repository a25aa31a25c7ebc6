"""Snapshots of the quiz, the review and the summary, in Chinese at 100×30 (each looked at before it was accepted)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tui.app import StudyApp
from tui.core.store import Store
from tui.screens.quiz_screen import QuizScreen
from tui.screens.review_screen import ReviewScreen
from tui.screens.summary_screen import SummaryScreen

from .conftest import study_app, until

ROOT = Path(__file__).resolve().parents[2]
SPEECH = ROOT / "data" / "zuofeng-speech.txt"
SIZE = (100, 30)


@pytest.fixture
def make(store: Store) -> Callable[..., StudyApp]:
    """The app on the bundled speech in Chinese, with this test's own data directory."""

    def build(start: str) -> StudyApp:
        return study_app(SPEECH, language="zh", store=store, start=start)

    return build


async def opened(pilot: Pilot, kind: type) -> None:
    await until(pilot, lambda: isinstance(pilot.app.screen, kind), kind.__name__)
    pilot.app.screen.answer_bar.input.cursor_blink = False  # type: ignore[attr-defined]


async def answer(pilot: Pilot, text: str, clock: list[float], seconds: float = 20.0) -> None:
    clock[0] += seconds
    pilot.app.screen.answer_bar.input.value = text  # type: ignore[attr-defined]
    await pilot.press("enter")
    await pilot.pause()


class TestQuizScreen:
    def test_midway_one_right_one_wrong_with_its_diff(self, snap_compare, make, clock) -> None:
        async def run_before(pilot: Pilot) -> None:
            await opened(pilot, QuizScreen)
            await answer(pilot, "习近平关于加强党的作风建设论述摘编", clock)
            await answer(pilot, "党的作风是群众的形象", clock)  # wrong: 群众 where 党 belongs
            assert pilot.app.screen.session.states[1].status == "wrong"  # type: ignore[attr-defined]
            assert pilot.app.screen.session.active == 2  # type: ignore[attr-defined]

        assert snap_compare(make("quiz"), terminal_size=SIZE, run_before=run_before)


class TestReviewScreen:
    def test_a_card_just_answered_stays_in_view(self, snap_compare, make, clock) -> None:
        async def run_before(pilot: Pilot) -> None:
            await opened(pilot, ReviewScreen)
            await answer(pilot, "习近平关于加强党的作风建设论述摘编", clock)

        assert snap_compare(make("review"), terminal_size=SIZE, run_before=run_before)

    def test_the_next_card_in_its_sentence_with_the_last_one_graded(self, snap_compare, make, clock) -> None:
        async def run_before(pilot: Pilot) -> None:
            await opened(pilot, ReviewScreen)
            await answer(pilot, "习近平关于加强党的作风建设论述摘编", clock)
            await pilot.press("enter")
            await pilot.pause()

        assert snap_compare(make("review"), terminal_size=SIZE, run_before=run_before)


class TestSummaryScreen:
    def test_after_a_quiz_of_the_preamble(self, snap_compare, make, clock) -> None:
        async def run_before(pilot: Pilot) -> None:
            await opened(pilot, QuizScreen)
            for text in ("", "党的作风是党的形相", "观察干群关系", "十四五", "规划收官期", "乡村振兴深化期", "产业转型突破期"):
                await answer(pilot, text, clock)
            clock[0] += 14.5
            await pilot.press("ctrl+r")
            await pilot.press("enter")
            await until(pilot, lambda: isinstance(pilot.app.screen, SummaryScreen), "the summary")

        assert snap_compare(make("quiz"), terminal_size=SIZE, run_before=run_before)
