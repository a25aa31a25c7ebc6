"""A section quiz in rounds: the round counter, the next round, the missed blanks again (and stored), the keys."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import Static

from tui.app import StudyApp
from tui.bindings import declared_bindings
from tui.core.store import Store
from tui.screens.help_screen import HelpScreen
from tui.screens.quiz_screen import QuizScreen
from tui.screens.reader_screen import ReaderScreen
from tui.screens.summary_screen import SummaryScreen
from tui.widgets.key_bar import KeyBar

from .conftest import study_app, until
from .test_help_screen import help_text, screen_text
from .test_quiz_screen import SIZE, blank_text, quiz_open, reviews, submit

ROOT = Path(__file__).resolve().parents[2]
SPEECH = ROOT / "data" / "zuofeng-speech.txt"
# Section 一、 of the speech: 18 blanks, eleven in the one paragraph of (一), seven in (二).
FIRST, SECOND = 11, 7


@pytest.fixture
def make(store: Store):
    def build(language: str = "zh") -> StudyApp:
        return study_app(SPEECH, language=language, store=store, start="quiz", section="2")

    return build


def progress(screen: QuizScreen) -> str:
    return str(screen.query_one("#drill-progress", Static).render())


async def summary(pilot: Pilot) -> SummaryScreen:
    await until(pilot, lambda: isinstance(pilot.app.screen, SummaryScreen), "the summary")
    return pilot.app.screen  # type: ignore[return-value]


def summary_text(screen: SummaryScreen) -> str:
    """The dialog's lines but the table of counts."""
    parts = []
    for static in screen.query(Static):
        content = static.content
        if isinstance(content, (str, Text)) and static.id != "summary-counts":
            parts.append(str(content))
    return "\n".join(parts)


async def answer_round(pilot: Pilot, screen: QuizScreen, wrong: set[int] = frozenset()) -> None:  # type: ignore[assignment]
    """Answer every blank of the round under way, those numbered in `wrong` wrongly; then Enter."""
    for blank in list(screen.session.blanks):
        assert screen.session.active == blank.index
        await submit(pilot, "不对的答案" if blank.number in wrong else blank.answer)
    await pilot.press("enter")


class TestRounds:
    async def test_the_round_is_shown_and_enter_on_its_summary_goes_on_to_the_next(self, make, clock) -> None:
        app = make()
        async with app.run_test(size=SIZE) as pilot:
            screen = await quiz_open(pilot)
            assert [len(part) for part in screen.rounds] == [FIRST, SECOND]
            assert progress(screen) == f"第 1/2 轮 · 已答 0/{FIRST}"
            assert [b.number for b in screen.session.blanks] == list(range(1, FIRST + 1))
            await answer_round(pilot, screen)
            dialog = await summary(pilot)
            assert str(dialog.query_one("#summary-title", Static).content) == "第 1/2 轮小结"
            assert "回车：第 2/2 轮；Esc：回到阅读" in summary_text(dialog)
            assert "#summary-again" not in [f"#{s.id}" for s in dialog.query(Static)]  # nothing missed
            await pilot.press("enter")
            await until(pilot, lambda: app.screen is screen, "back in the quiz")
            # The second round on the same screen: its own blanks, numbered from 1, its own text.
            assert progress(screen) == f"第 2/2 轮 · 已答 0/{SECOND}"
            assert {b.section_id for b in screen.session.blanks} == {"2.2"}
            assert screen.session.blanks[0].number == 1 and screen.session.active == 0
            drawn = blank_text(screen).plain_lines
            assert "(二)对标发展需求,增强行动自觉" in drawn and "(一)把握核心要义,校准政治方向" not in drawn
            assert screen.answer_bar.feedback.content == "" and screen.answer_bar.input.value == ""
            await answer_round(pilot, screen)
            dialog = await summary(pilot)
            assert str(dialog.query_one("#summary-title", Static).content) == "第 2/2 轮小结"
            # After the last round, the next section as before.
            assert "回车：接着测验 (一)" in summary_text(dialog)
            await pilot.press("enter")
            await until(
                pilot, lambda: isinstance(app.screen, QuizScreen) and app.screen is not screen, "the next section's quiz"
            )
            assert [r.outcome for r in reviews(app)] == ["right"] * (FIRST + SECOND)

    async def test_in_english(self, make, clock) -> None:
        app = make(language="en")
        async with app.run_test(size=SIZE) as pilot:
            screen = await quiz_open(pilot)
            assert progress(screen) == f"Round 1 of 2 · 0 of {FIRST} answered"

    async def test_the_missed_ones_again_are_recorded_as_reviews(self, make, store, clock) -> None:
        app = make()
        async with app.run_test(size=SIZE) as pilot:
            screen = await quiz_open(pilot)
            missed = [screen.session.blanks[n - 1].card for n in (2, 5, 9)]
            await answer_round(pilot, screen, wrong={2, 5, 9})
            dialog = await summary(pilot)
            assert "m：只把答错的 3 个再做一遍" in summary_text(dialog)
            assert "m" in screen_text(dialog.query_one(KeyBar))
            await pilot.press("m")
            await until(pilot, lambda: app.screen is screen, "back in the quiz")
            assert [b.card for b in screen.session.blanks] == missed
            assert [b.number for b in screen.session.blanks] == [1, 2, 3]
            assert progress(screen) == "第 1/2 轮 · 重做答错的 · 已答 0/3"
            # One of them wrong again: asked again once more, then right.
            await answer_round(pilot, screen, wrong={3})
            dialog = await summary(pilot)
            assert "m：只把答错的 1 个再做一遍" in summary_text(dialog)
            await pilot.press("m")
            await until(pilot, lambda: app.screen is screen, "back in the quiz")
            await answer_round(pilot, screen)
            dialog = await summary(pilot)
            assert "#summary-again" not in [f"#{s.id}" for s in dialog.query(Static)]
            stored = reviews(app)
            assert len(stored) == FIRST + 3 + 1
            assert [(r.card_key, r.outcome) for r in stored[FIRST:]] == [
                (missed[0].key, "right"), (missed[1].key, "right"), (missed[2].key, "wrong"), (missed[2].key, "right")
            ]
            # Enter goes on to the round after the one asked again.
            await pilot.press("enter")
            await until(pilot, lambda: app.screen is screen and progress(screen).startswith("第 2/2 轮"), "round 2")
            assert {b.section_id for b in screen.session.blanks} == {"2.2"}

    async def test_m_with_nothing_missed_does_nothing_and_escape_goes_back_to_reading(self, make, clock) -> None:
        app = make()
        async with app.run_test(size=SIZE) as pilot:
            screen = await quiz_open(pilot)
            await answer_round(pilot, screen)
            dialog = await summary(pilot)
            assert "重做答错的" not in screen_text(dialog.query_one(KeyBar))
            await pilot.press("m")
            await pilot.pause()
            assert app.screen is dialog
            await pilot.press("escape")
            await until(pilot, lambda: isinstance(app.screen, ReaderScreen), "back in the reader")
            assert len(reviews(app)) == FIRST


class TestKeys:
    @pytest.mark.parametrize(("language", "description"), [("zh", "重做答错的"), ("en", "Missed again")])
    async def test_the_summary_lists_its_keys_in_the_help_and_the_key_bar(self, make, language, description, clock) -> None:
        app = make(language=language)
        async with app.run_test(size=SIZE) as pilot:
            screen = await quiz_open(pilot)
            await answer_round(pilot, screen, wrong={1})
            dialog = await summary(pilot)
            assert f"m{description}".replace(" ", "") in screen_text(dialog.query_one(KeyBar)).replace(" ", "")
            [binding] = [b for _, b in declared_bindings(dialog) if b.id == "missed_again"]
            assert binding.tooltip  # a command of the palette too
            app.action_help()
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            shown = help_text(app.screen)
            assert description in shown
