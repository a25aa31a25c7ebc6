"""FrameScreen on the bundled speech: the headings hidden behind their labels, recalled in order, and stored.

Also a heading card in a review: the path of the headings above it, its label and a blank.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from rich.text import Text
from textual.pilot import Pilot

from tui.app import StudyApp
from tui.core.framework import frame
from tui.core.store import Store
from tui.screens.frame_screen import FrameScreen
from tui.screens.reader_screen import ReaderScreen
from tui.screens.review_screen import ReviewScreen
from tui.screens.summary_screen import SummaryScreen
from tui.widgets.blank_text import BlankText
from tui.widgets.key_bar import KeyBar

from .conftest import study_app, until, until_ready
from .test_help_screen import help_text, open_help, screen_text

ROOT = Path(__file__).resolve().parents[2]
SPEECH = ROOT / "data" / "zuofeng-speech.txt"
SIZE = (100, 30)
HEADINGS = [
    "提高政治站位,深化思想认识", "把握核心要义,校准政治方向", "对标发展需求,增强行动自觉",
    "坚持问题导向,精准靶向施策", "深入查摆问题,找准作风顽疾", "制定整改措施,确保对症下药",
    "强化责任担当,确保工作落实", "明确主体责任,层层传导压力", "加强协同配合,形成工作合力",
    "建立长效机制,巩固建设成果", "总结经验教训,不断完善制度", "持续跟踪问效,确保常态长效",
]


@pytest.fixture
def open_app(store: Store) -> Callable[..., StudyApp]:
    def build(start: str = "frame", section: str | None = None, language: str = "zh") -> StudyApp:
        return study_app(SPEECH, language=language, section=section, store=store, start=start)  # type: ignore[arg-type]

    return build


async def frame_open(pilot: Pilot) -> FrameScreen:
    await until(pilot, lambda: isinstance(pilot.app.screen, FrameScreen), "the framework quiz opened")
    return pilot.app.screen  # type: ignore[return-value]


async def type_keys(pilot: Pilot, text: str) -> None:
    """An answer typed key by key (Chinese characters as an input method hands them over), then Enter."""
    for char in text:
        await pilot.press(char)
    await pilot.press("enter")
    await pilot.pause()


def lines(screen: FrameScreen | ReviewScreen) -> list[str]:
    return [line for line in screen.query_one(BlankText).plain_lines if line]


def feedback(screen: FrameScreen | ReviewScreen) -> str:
    content = screen.answer_bar.feedback.content
    assert isinstance(content, Text)
    return content.plain


def reviews(app: StudyApp) -> list:
    return app.workbook.store.reviews(app.workbook.document_id())  # type: ignore[union-attr]


class TestFrameScreen:
    async def test_study_frame_hides_every_heading_behind_its_label(self, open_app, clock) -> None:
        app = open_app()
        async with app.run_test(size=SIZE) as pilot:
            screen = await frame_open(pilot)
            assert [blank.answer for blank in screen.session.blanks] == HEADINGS
            shown = lines(screen)
            assert shown[:3] == ["一、 1" + "_" * 24, "\u3000(一) 2" + "_" * 24, "\u3000(二) 3" + "_" * 24]
            assert shown[3].startswith("二、 4_") and shown[-1].startswith("\u3000(二) 12_")
            assert not any(heading in "\n".join(shown) for heading in HEADINGS)
            assert screen.query_one("#drill-title").content == "背框架：zuofeng-speech"
            assert str(screen.answer_bar.input.placeholder).startswith("第 1 空")
            assert [type(s) for s in app.screen_stack] == [ReaderScreen, FrameScreen]

    async def test_a_right_answer_without_the_comma_fills_in_and_is_stored(self, open_app, clock) -> None:
        app = open_app()
        async with app.run_test(size=SIZE) as pilot:
            screen = await frame_open(pilot)
            await type_keys(pilot, "提高政治站位深化思想认识")
            assert lines(screen)[0] == "一、 提高政治站位,深化思想认识"
            assert feedback(screen).startswith("第 1 空 正确")
            [review] = reviews(app)
            assert (review.card_key, review.outcome, review.typed) == (
                "提高政治站位,深化思想认识 :: § #1", "right", "提高政治站位深化思想认识"
            )
            assert screen.session.active == 1

    async def test_a_wrong_answer_shows_the_difference(self, open_app, clock) -> None:
        app = open_app()
        async with app.run_test(size=SIZE) as pilot:
            screen = await frame_open(pilot)
            await type_keys(pilot, "提高站位")
            said = feedback(screen)
            assert said.startswith("第 1 空 不对") and "你答： 提高站位" in said
            assert "答案： 提高政治站位,深化思想认识" in said and "评分：重来" in said
            [review] = reviews(app)
            assert (review.outcome, review.rating) == ("wrong", 1)

    async def test_a_rating_key_changes_the_stored_rating(self, open_app, clock) -> None:
        app = open_app()
        async with app.run_test(size=SIZE) as pilot:
            screen = await frame_open(pilot)
            await type_keys(pilot, "提高站位")
            await pilot.press("2", "enter")
            await pilot.pause()
            [review] = reviews(app)
            assert review.rating == 2
            assert "评分：困难" in feedback(screen)

    async def test_hint_and_reveal(self, open_app, clock) -> None:
        app = open_app()
        async with app.run_test(size=SIZE) as pilot:
            screen = await frame_open(pilot)
            await pilot.press("ctrl+t")
            assert screen.answer_bar.input.value == "提"
            await pilot.press("ctrl+r")
            await pilot.pause()
            assert feedback(screen).startswith("第 1 空 已显示")
            assert [r.outcome for r in reviews(app)] == ["revealed"]

    async def test_escape_goes_back_keeping_the_answers(self, open_app, clock) -> None:
        app = open_app()
        async with app.run_test(size=SIZE) as pilot:
            await frame_open(pilot)
            await type_keys(pilot, HEADINGS[0])
            await type_keys(pilot, HEADINGS[1])
            await pilot.press("escape")
            await until(pilot, lambda: isinstance(app.screen, ReaderScreen), "back in the reader")
            assert [r.card_key for r in reviews(app)] == [
                "提高政治站位,深化思想认识 :: § #1", "提高政治站位,深化思想认识 / 把握核心要义,校准政治方向 :: § #1"
            ]

    async def test_the_last_answer_then_enter_shows_the_summary(self, open_app, clock) -> None:
        app = open_app(section="二、")
        async with app.run_test(size=SIZE) as pilot:
            screen = await frame_open(pilot)
            assert [blank.answer for blank in screen.session.blanks] == HEADINGS[3:6]
            for heading in HEADINGS[3:6]:
                await type_keys(pilot, heading)
            await pilot.press("enter")
            await until(pilot, lambda: isinstance(app.screen, SummaryScreen), "the summary")
            await pilot.press("escape")
            await until(pilot, lambda: isinstance(app.screen, ReaderScreen), "back in the reader")
            assert len(reviews(app)) == 3

    async def test_in_english(self, open_app, clock) -> None:
        app = open_app(language="en")
        async with app.run_test(size=SIZE) as pilot:
            screen = await frame_open(pilot)
            assert screen.query_one("#drill-title").content == "Framework: zuofeng-speech"


class TestFromTheReader:
    @pytest.mark.parametrize(
        ("section", "answers"), [("2", HEADINGS), ("1", HEADINGS), ("3.1", HEADINGS[3:6]), ("5.2", HEADINGS[9:])]
    )
    async def test_f_at_the_top_level_asks_everything_inside_a_section_its_part(
        self, open_app, clock, section, answers
    ) -> None:
        app = open_app(start="read", section=section)
        async with app.run_test(size=SIZE) as pilot:
            await until_ready(app, pilot)
            await pilot.press("f")
            screen = await frame_open(pilot)
            assert [blank.answer for blank in screen.session.blanks] == answers

    async def test_f_is_in_the_help_and_the_palette(self, open_app, clock) -> None:
        app = open_app(start="read", language="en")
        async with app.run_test(size=SIZE) as pilot:
            await until_ready(app, pilot)
            assert "fpw Recite" in screen_text(app.reader.query_one(KeyBar))  # f shares reciting's entry
            [command] = [c for c in app.get_system_commands(app.reader) if c.title == "Framework"]
            assert command.help.startswith("Recall the headings in order")
            assert "Framework" in help_text(await open_help(app, pilot))

    async def test_a_document_without_headings_says_so(self, store, tmp_path, clock) -> None:
        path = tmp_path / "plain.txt"
        path.write_text("同志们：\n这是一段没有标题的讲话，讲的是“作风建设”。\n", "utf-8")
        app = study_app(path, language="en", store=store)
        notices: list[str] = []
        shown = app.notify
        app.notify = lambda message, *a, **k: (notices.append(message), shown(message, *a, **k))  # type: ignore[method-assign]
        async with app.run_test(size=SIZE) as pilot:
            await until_ready(app, pilot)
            await pilot.press("f")
            await pilot.pause()
            assert isinstance(app.screen, ReaderScreen)
            assert "There are no headings to recall here." in notices


class TestInAReview:
    async def test_a_heading_card_shows_the_headings_above_and_its_label(self, open_app, clock, monkeypatch) -> None:
        app = open_app(start="read")
        async with app.run_test(size=SIZE) as pilot:
            await until_ready(app, pilot)
            card = frame(app.workbook.opened).cards[1]
            monkeypatch.setattr("tui.screens.study_actions.review_queue", lambda workbook: [card])
            await pilot.press("r")
            await until(pilot, lambda: isinstance(app.screen, ReviewScreen), "the review")
            screen = app.screen
            assert isinstance(screen, ReviewScreen)
            assert lines(screen) == ["一、提高政治站位,深化思想认识", "(一) 1" + "_" * 24]
            await type_keys(pilot, "把握核心要义，校准政治方向")
            assert feedback(screen).startswith("第 1 空 正确")
            assert [r.card_key for r in reviews(app)] == [card.key]

    async def test_the_review_brings_heading_cards_in_reading_order(self, open_app, clock) -> None:
        app = open_app(start="review")
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: isinstance(app.screen, ReviewScreen), "the review")
            keys = [blank.card.key for blank in app.screen.session.blanks]  # type: ignore[attr-defined]
            assert "提高政治站位,深化思想认识 :: § #1" in keys


NOTES = """作风建设学习笔记

一、为什么说作风建设永远在路上？
1】作风问题具有反复性和顽固性
2】党面临的考验具有长期性和复杂性。这是后面的解释。
二、加快建设智慧图书馆，着力提升读者满意度
正文。
"""


class TestQuestionsAndClauses:
    async def test_a_question_shows_and_its_points_are_asked_one_a_line(self, store, tmp_path, clock) -> None:
        path = tmp_path / "notes.txt"
        path.write_text(NOTES, "utf-8")
        app = study_app(path, language="zh", store=store, start="frame")
        async with app.run_test(size=SIZE) as pilot:
            screen = await frame_open(pilot)
            assert lines(screen) == [
                "一、为什么说作风建设永远在路上？",
                "\u30001】 1" + "_" * 25,
                "\u30002】 2" + "_" * 29,
                "二、 3" + "_" * 17 + "，4" + "_" * 17,
            ]
            # The second point, typed for the first: right, but not the one asked.
            await type_keys(pilot, "党面临的考验具有长期性和复杂性")
            assert "第 1 空：答案对，但问的不是它" in feedback(screen)
            assert reviews(app) == []
            screen.answer_bar.input.value = ""
            await type_keys(pilot, "作风问题具有反复性和顽固性")
            await type_keys(pilot, "党面临的考验具有长期性和复杂性")
            await type_keys(pilot, "加快建设智慧图书馆")
            assert lines(screen)[-1] == "二、 加快建设智慧图书馆，4" + "_" * 17
            assert [r.card_key for r in reviews(app)] == [
                "为什么说作风建设永远在路上？ :: ¶ #1",
                "为什么说作风建设永远在路上？ :: ¶ #2",
                "加快建设智慧图书馆，着力提升读者满意度 :: § #1",
            ]

    async def test_a_whole_heading_typed_at_its_first_clause_answers_both(self, store, tmp_path, clock) -> None:
        path = tmp_path / "notes.txt"
        path.write_text(NOTES, "utf-8")
        app = study_app(path, language="zh", store=store, start="frame", section="二、")
        async with app.run_test(size=SIZE) as pilot:
            screen = await frame_open(pilot)
            await type_keys(pilot, "加快建设智慧图书馆着力提升读者满意度")
            assert lines(screen) == ["二、 加快建设智慧图书馆，着力提升读者满意度"]
            assert [(r.outcome, r.typed) for r in reviews(app)] == [
                ("right", "加快建设智慧图书馆"), ("right", "着力提升读者满意度")
            ]
            assert feedback(screen).startswith("第 2 空 正确")

    async def test_a_whole_heading_typed_in_pinyin_at_its_first_clause_answers_both(self, store, tmp_path, clock) -> None:
        path = tmp_path / "notes.txt"
        path.write_text(NOTES, "utf-8")
        app = study_app(path, language="zh", store=store, start="frame", section="二、")
        async with app.run_test(size=SIZE) as pilot:
            screen = await frame_open(pilot)
            await type_keys(pilot, "jiakuai jianshe zhihui tushuguan zhuoli tisheng duzhe manyidu")
            assert lines(screen) == ["二、 加快建设智慧图书馆，着力提升读者满意度"]  # a label stands apart from its blanks
            assert [(r.outcome, r.typed) for r in reviews(app)] == [
                ("right", "jiakuai jianshe zhihui tushuguan"), ("right", " zhuoli tisheng duzhe manyidu")
            ]

    async def test_a_point_in_a_review_shows_its_question(self, store, tmp_path, clock, monkeypatch) -> None:
        path = tmp_path / "notes.txt"
        path.write_text(NOTES, "utf-8")
        app = study_app(path, language="zh", store=store)
        async with app.run_test(size=SIZE) as pilot:
            await until_ready(app, pilot)
            point = frame(app.workbook.opened).cards[1]
            monkeypatch.setattr("tui.screens.study_actions.review_queue", lambda workbook: [point])
            await pilot.press("r")
            await until(pilot, lambda: isinstance(app.screen, ReviewScreen), "the review")
            assert lines(app.screen) == ["作风建设学习笔记", "一、为什么说作风建设永远在路上？", "2】 1" + "_" * 29]  # type: ignore[arg-type]


CELLS = """# Cells

## What do mitochondria do?

1. They produce energy for the cell.
2. They store calcium.

## 1.3 Ribosomes

Text.
"""


class TestLabels:
    async def test_a_label_is_spaced_from_its_words_and_from_a_blanks_number(self, store, tmp_path, clock) -> None:
        path = tmp_path / "cells.md"
        path.write_text(CELLS, "utf-8")
        app = study_app(path, language="en", store=store, start="frame")
        async with app.run_test(size=SIZE) as pilot:
            screen = await frame_open(pilot)
            assert lines(screen) == [
                "What do mitochondria do?",
                "\u30001. 1" + "_" * 31,
                "\u30002. 2" + "_" * 17,
                "1.3 3" + "_" * 8,
            ]
            await type_keys(pilot, "They produce energy for the cell")
            assert lines(screen)[1] == "\u30001. They produce energy for the cell"
