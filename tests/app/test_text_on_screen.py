"""The text a user recalls from is never damaged: every pane that wraps text shows all of it, in order.

At any terminal size, scrolled through from top to bottom, the reader's text pane, the
quiz's and the review's blanks, and the summary's list of missed phrases show every
character of what they hold, once, in order (spaces aside: a line break may drop one).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tui.app import StudyApp
from tui.core.names import display_heading
from tui.core.session import Blank, QuizSession, placeholder
from tui.core.store import Store
from tui.i18n import captions, t
from tui.screens.quiz_screen import QuizScreen
from tui.screens.reader_screen import ReaderScreen
from tui.screens.review_screen import ReviewScreen
from tui.screens.summary_screen import SummaryScreen
from tui.widgets.blank_text import BlankText, Row
from tui.widgets.text_view import TextView

from .conftest import study_app, until
from .on_screen import fill_as_one, read_through, without_spaces

ROOT = Path(__file__).resolve().parents[2]
SPEECH = ROOT / "data" / "zuofeng-speech.txt"
# The sizes where the first quiz of the speech needs a scrollbar, and some that do not.
SIZES = [(60, 15), (80, 24), (100, 30)]


@pytest.fixture
def open_app(store: Store) -> Callable[..., StudyApp]:
    def build(**options) -> StudyApp:
        return study_app(SPEECH, language="zh", store=store, **options)

    return build


def quiz_text(rows: list[Row], session: QuizSession) -> str:
    """What the rows say with every blank unanswered (its number and fill)."""
    parts = [
        placeholder(part.number, part.cells, session.shown(part.index)) if isinstance(part, Blank) else part
        for row in rows
        for part in row.parts
    ]
    return fill_as_one(without_spaces("".join(parts)))


async def test_the_reader_shows_the_whole_speech(open_app) -> None:
    for size in ((60, 15), (80, 24)):
        app = open_app()
        async with app.run_test(size=size) as pilot:
            await until(pilot, lambda: isinstance(app.screen, ReaderScreen) and app.workbook.document, "the reader")
            view = app.screen.query_one(TextView)
            document = app.workbook.opened
            names = captions()
            expected = "".join(
                display_heading(section, names, preview=False) + "".join(section.paragraphs)
                for section in document.walk()
            )
            drawn = await read_through(pilot, view)
            assert without_spaces("".join(drawn)) == without_spaces(expected), size


async def test_each_quiz_shows_its_whole_section(open_app) -> None:
    for size in SIZES:
        app = open_app(start="quiz")
        async with app.run_test(size=size) as pilot:
            await until(pilot, lambda: isinstance(app.screen, QuizScreen), "the quiz")
            for _ in range(2):  # the first sections: each opens from the summary of the one before
                screen = app.screen
                assert isinstance(screen, QuizScreen)
                view = screen.query_one(BlankText)
                drawn = await read_through(pilot, view)
                assert fill_as_one(without_spaces("".join(drawn))) == quiz_text(screen.rows(), screen.session), (size, screen.section.id)
                # After an answer the text is laid out again: still whole.
                await pilot.press("ctrl+t")
                drawn = await read_through(pilot, view)
                assert fill_as_one(without_spaces("".join(drawn))) == quiz_text(screen.rows(), screen.session), size
                while not screen.session.done:
                    await pilot.press("ctrl+r")
                await pilot.press("enter")
                await until(pilot, lambda: isinstance(app.screen, SummaryScreen), "the summary")
                await pilot.press("enter")
                await until(pilot, lambda: isinstance(app.screen, QuizScreen) and app.screen is not screen, "next quiz")


async def test_the_review_shows_its_whole_sentence(open_app) -> None:
    for size in ((40, 10), (60, 15), (33, 24)):
        app = open_app(start="review")
        async with app.run_test(size=size) as pilot:
            await until(pilot, lambda: isinstance(app.screen, ReviewScreen), "the review")
            screen = app.screen
            assert isinstance(screen, ReviewScreen)
            for _ in range(3):
                drawn = await read_through(pilot, screen.query_one(BlankText))
                assert fill_as_one(without_spaces("".join(drawn))) == quiz_text(screen.rows(), screen.session), size
                await pilot.press("ctrl+r")
                await pilot.press("enter")
                await pilot.pause()


async def test_the_summary_shows_every_missed_phrase(open_app) -> None:
    for size in ((60, 15), (80, 24), (50, 12)):
        app = open_app(start="quiz", section="1")
        async with app.run_test(size=size) as pilot:
            await until(pilot, lambda: isinstance(app.screen, QuizScreen), "the quiz")
            quiz = app.screen
            assert isinstance(quiz, QuizScreen)
            while not quiz.session.done:
                await pilot.press("ctrl+r")
            await pilot.press("enter")
            await until(pilot, lambda: isinstance(app.screen, SummaryScreen), "the summary")
            summary = app.screen
            assert isinstance(summary, SummaryScreen)
            missed = t("summary_missed", phrases="、".join(blank.answer for blank in summary.summary.missed))
            drawn = without_spaces("".join(await read_through(pilot, summary.query_one("#summary-dialog"))))
            assert without_spaces(missed) in drawn, (size, drawn)
            assert drawn.endswith(without_spaces(t("summary_next", section=summary.following[1])))
