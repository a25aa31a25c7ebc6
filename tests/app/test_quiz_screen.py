"""QuizScreen on the bundled speech: answers typed (in Chinese), hints, reveals, moving, leaving, the summary.

Every test checks what the screen draws and what the store holds.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.pilot import Pilot

from tui.app import StudyApp
from tui.core import quiz
from tui.core.loader import load
from tui.core.outline import parse
from tui.core.phrases import extract
from tui.core.progress import section_progress
from tui.core.quiz import cards_for
from tui.core.records import Answer
from tui.core.store import Store, StoreError
from tui.screens.quiz_screen import QuizScreen
from tui.screens.reader_screen import ReaderScreen
from tui.screens.summary_screen import SummaryScreen
from tui.widgets.answer_bar import AnswerBar
from tui.widgets.blank_text import BlankText
from tui.widgets.outline_tree import OutlineTree

from .conftest import resize, study_app, until

ROOT = Path(__file__).resolve().parents[2]
SPEECH = ROOT / "data" / "zuofeng-speech.txt"
SIZE = (100, 30)

# The blanks of the preamble, in reading order, as the extractor finds them.
PREAMBLE = [
    "习近平关于加强党的作风建设论述摘编",
    "党的作风是党的形象",
    "观察党群干群关系、人心向背的晴雨表",
    "十四五",
    "规划收官期",
    "乡村振兴深化期",
    "产业转型突破期",
    "牛鼻子",
]
SLOW = 60.0  # seconds on a blank: a right answer this slow is Good, not Easy


# ---------------------------------------------------------------- helpers


@pytest.fixture
def open_app(store: Store) -> Callable[..., StudyApp]:
    """The app on the bundled speech (or another file), with the test's store."""

    def build(start: str = "quiz", section: str | None = None, path: Path = SPEECH, **options) -> StudyApp:
        return study_app(path, language="zh", section=section, store=store, start=start, **options)

    return build


async def quiz_open(pilot: Pilot) -> QuizScreen:
    await until(pilot, lambda: isinstance(pilot.app.screen, QuizScreen), "the quiz opened")
    return pilot.app.screen  # type: ignore[return-value]


async def reader_ready(pilot: Pilot) -> ReaderScreen:
    app: StudyApp = pilot.app  # type: ignore[assignment]
    await until(pilot, lambda: bool(app.workbook.cards) and isinstance(app.screen, ReaderScreen), "phrases found")
    return app.screen  # type: ignore[return-value]


async def type_keys(pilot: Pilot, text: str) -> None:
    """Type an answer key by key (Chinese characters as the input method hands them over), then Enter."""
    for char in text:
        await pilot.press(char)
    await pilot.press("enter")
    await pilot.pause()


def burst(app: StudyApp, keys: list[str]) -> None:
    """Keys as a terminal hands over a burst of them: all queued at once, with no pause between.

    (`pilot.press` waits for the app to go idle after each key, which hides races.)
    """
    driver = app._driver
    assert driver is not None
    for key in keys:
        event = events.Key(key, key if len(key) == 1 else None)
        event.set_sender(app)
        driver.send_message(event)


async def submit(pilot: Pilot, text: str) -> None:
    """Put a whole answer in the input, as an input method commits a phrase, then Enter."""
    screen = pilot.app.screen
    assert isinstance(screen, QuizScreen)
    screen.answer_bar.input.value = text
    await pilot.press("enter")
    await pilot.pause()


def blank_text(screen: QuizScreen) -> BlankText:
    return screen.query_one(BlankText)


def style_of(view: BlankText, needle: str) -> Style:
    """The style `needle` is drawn in (its first character), wherever it is on screen."""
    for line in view.lines:
        at = line.plain.find(needle)
        if at >= 0:
            styles = [span.style for span in line.spans if span.start <= at < span.end]
            assert styles, f"{needle!r} is drawn unstyled"
            return styles[-1]  # type: ignore[return-value]
    raise AssertionError(f"{needle!r} is not on screen:\n" + "\n".join(view.plain_lines))


def component(view: BlankText, name: str) -> Style:
    return view.get_component_rich_style(f"blank-text--{name}")


def feedback(screen: QuizScreen) -> Text:
    content = screen.answer_bar.feedback.content
    assert isinstance(content, Text)
    return content


def spans_of(text: Text, bar: AnswerBar) -> list[tuple[str, str]]:
    """The parts of a feedback line drawn in a diff style: (tag, text).

    Extra characters are drawn as wrong ones (both were typed and do not belong).
    """
    tags = {name: bar.get_component_rich_style(f"answer-bar--{name}") for name in ("same", "wrong", "missing")}
    found = []
    for span in text.spans:
        for tag, style in tags.items():
            if span.style == style:
                found.append((tag, text.plain[span.start : span.end]))
                break
    return found


def reviews(app: StudyApp) -> list:
        return app.workbook.store.reviews(app.workbook.document_id())  # type: ignore[union-attr]


def placeholder_of(screen: QuizScreen) -> str:
    return str(screen.answer_bar.input.placeholder)


# ---------------------------------------------------------------- opening


class TestOpening:
    async def test_the_quizs_first_frame_shows_its_text_with_the_blanks(self, open_app, full_frames) -> None:
        app = open_app()
        async with app.run_test(size=SIZE) as pilot:
            await quiz_open(pilot)
        first = next(frame for frame in full_frames if frame[0].strip().startswith("测验："))
        drawn = "\n".join(first)
        assert "同志们" in drawn and "深入学习《1_" in drawn  # not an empty pane waiting for its size

    async def test_quiz_opens_the_first_section_with_blanks_the_first_active(self, open_app, clock) -> None:
        app = open_app()
        async with app.run_test(size=SIZE) as pilot:
            screen = await quiz_open(pilot)
            assert screen.section.id == "1"
            assert [b.answer for b in screen.session.blanks] == PREAMBLE
            assert screen.session.active == 0
            view = blank_text(screen)
            drawn = "\n".join(view.plain_lines)
            assert view.plain_lines[0] == "开篇"
            assert "深入学习《1" in drawn and "》。" in drawn
            # Each blank is as wide as its answer, so the text does not jump when it fills in.
            line = next(line for line in view.plain_lines if "《1" in line)
            start = line.index("《1") + 1
            assert line[start : line.index("》")] == "1" + "_" * (2 * len(PREAMBLE[0]) - 1)
            assert style_of(view, "1___") == component(view, "active")
            assert style_of(view, "2___") == component(view, "pending")
            assert component(view, "active") != component(view, "pending")
            assert isinstance(app.focused, type(screen.answer_bar.input)) and app.focused.id == "answer"
            assert placeholder_of(screen).startswith("第 1 空")
            assert reviews(app) == []

    async def test_a_section_given_opens_that_section(self, open_app, clock) -> None:
        app = open_app(section="2.2")
        async with app.run_test(size=SIZE) as pilot:
            screen = await quiz_open(pilot)
            assert screen.section.id == "2.2"
            assert screen.heading == "测验：一、提高政治站位,深化思想认识 › (二)对标发展需求,增强行动自觉"
            assert screen.session.blanks[0].answer == "抓作风就是抓发展"

    async def test_t_in_the_reader_quizzes_the_section_in_view_with_its_subsections(self, open_app, clock) -> None:
        app = open_app(start="read", section="2")
        async with app.run_test(size=SIZE) as pilot:
            reader = await reader_ready(pilot)
            assert reader.current_section == "2"
            await pilot.press("t")
            screen = await quiz_open(pilot)
            assert screen.section.id == "2"
            assert {blank.section_id for blank in screen.all_blanks} == {"2.1", "2.2"}
            # 18 blanks: two rounds, the first the subsection (一) (eleven blanks in one paragraph).
            assert [len(part) for part in screen.rounds] == [11, 7]
            assert {blank.section_id for blank in screen.session.blanks} == {"2.1"}
            drawn = blank_text(screen).plain_lines
            assert "一、提高政治站位,深化思想认识" in drawn and "(一)把握核心要义,校准政治方向" in drawn
            assert "(二)对标发展需求,增强行动自觉" not in drawn


    async def test_t_with_no_blanks_from_here_to_the_end_says_so(self, open_app, store, clock) -> None:
        import hashlib

        from tui.core.model import PhraseEdit

        text = load(SPEECH)
        document_id = store.document(SPEECH, hashlib.sha256(text.encode()).hexdigest(), "zuofeng-speech")
        for phrase in ("抓好、抓实、抓出成效", "十四五"):  # the closing's phrases, switched off
            store.add_phrase_edit(document_id, PhraseEdit("@closing", "remove", phrase))
        app = open_app(start="read", section="6")
        notices: list[str] = []
        shown = app.notify
        app.notify = lambda message, *a, **k: (notices.append(message), shown(message, *a, **k))  # type: ignore[method-assign]
        async with app.run_test(size=SIZE) as pilot:
            await reader_ready(pilot)
            assert app.workbook.document_id() == document_id and app.reader.current_section == "6"
            await pilot.press("t")
            await pilot.pause()
            assert isinstance(app.screen, ReaderScreen)
            assert "这一节没有可测验的要点。" in notices


# ---------------------------------------------------------------- answers


class TestAnswers:
    async def test_right_typed_key_by_key(self, open_app, clock) -> None:
        app = open_app()
        async with app.run_test(size=SIZE) as pilot:
            screen = await quiz_open(pilot)
            clock[0] += SLOW
            await type_keys(pilot, PREAMBLE[0])
            state = screen.session.states[0]
            assert (state.status, state.rating) == ("right", quiz.GOOD)
            view = blank_text(screen)
            assert "深入学习《习近平关于加强党的作风建设论述摘编》" in "".join(view.plain_lines)
            assert style_of(view, "习近平关于") == component(view, "right")
            assert feedback(screen).plain.startswith("第 1 空 正确")
            assert "良好" in feedback(screen).plain
            # The next blank is the active one now.
            assert screen.session.active == 1
            assert style_of(view, "2___") == component(view, "active")
            assert placeholder_of(screen).startswith("第 2 空")
            assert screen.answer_bar.input.value == ""
            [review] = reviews(app)
            assert (review.outcome, review.typed, review.hints, review.rating, review.correct) == (
                "right", PREAMBLE[0], 0, quiz.GOOD, True
            )
            assert review.card_key == "@preamble :: 习近平关于加强党的作风建设论述摘编 #1"
            assert review.duration == pytest.approx(SLOW)

    async def test_right_and_quick_is_easy(self, open_app, clock) -> None:
        app = open_app()
        async with app.run_test(size=SIZE) as pilot:
            await quiz_open(pilot)
            clock[0] += 2.0
            await submit(pilot, PREAMBLE[0])
            [review] = reviews(app)
            assert (review.outcome, review.rating) == ("right", quiz.EASY)

    async def test_a_pasted_answer_is_at_most_good(self, open_app, clock) -> None:
        app = open_app()
        async with app.run_test(size=SIZE) as pilot:
            screen = await quiz_open(pilot)
            clock[0] += 2.0  # as quick as an answer rated Easy
            app.post_message(events.Paste(PREAMBLE[0]))
            await pilot.pause()
            assert screen.answer_bar.input.value == PREAMBLE[0]
            await pilot.press("enter")
            await pilot.pause()
            assert screen.session.states[0].rating == quiz.GOOD and "良好" in feedback(screen).plain
            # Pasted, then Tab away and back: the draft is still a pasted one.
            await pilot.press("tab")
            app.post_message(events.Paste(PREAMBLE[2][:4]))
            await pilot.pause()
            await pilot.press("shift+tab", "tab", *PREAMBLE[2][4:], "enter")
            await pilot.pause()
            assert screen.session.states[2].rating == quiz.GOOD
            clock[0] += 2.0
            assert screen.session.active == 3
            await type_keys(pilot, PREAMBLE[3])  # typed, not pasted: Easy as before
            # (the 、 of answer 3 is no key a terminal sends alone, and punctuation is not graded)
            assert [(r.typed, r.rating) for r in reviews(app)] == [
                (PREAMBLE[0], quiz.GOOD), (PREAMBLE[2].replace("、", ""), quiz.GOOD), (PREAMBLE[3], quiz.EASY)
            ]

    async def test_right_after_normalising_punctuation_and_width(self, open_app, clock) -> None:
        app = open_app(section="2.1")
        async with app.run_test(size=SIZE) as pilot:
            screen = await quiz_open(pilot)
            index = next(b.index for b in screen.session.blanks if b.answer == "抓常、抓细、抓长")
            screen.session.go(index)
            screen.redraw()
            clock[0] += SLOW
            await submit(pilot, "抓常，抓细 抓长")
            assert screen.session.states[index].status == "right"
            [review] = reviews(app)
            assert (review.outcome, review.typed) == ("right", "抓常，抓细 抓长")

    async def test_near_miss_one_character_off(self, open_app, clock) -> None:
        app = open_app()
        async with app.run_test(size=SIZE) as pilot:
            screen = await quiz_open(pilot)
            await pilot.press("tab")
            clock[0] += SLOW
            await type_keys(pilot, "党的作风是党的形相")
            state = screen.session.states[1]
            assert (state.status, state.rating) == ("near", quiz.HARD)
            view = blank_text(screen)
            assert style_of(view, "党的作风是党的形象") == component(view, "near")
            text = feedback(screen)
            assert text.plain.startswith("第 2 空 差一点")
            assert spans_of(text, screen.answer_bar) == [
                ("same", "党的作风是党的形"), ("wrong", "相"), ("same", "党的作风是党的形"), ("missing", "象")
            ]
            [review] = reviews(app)
            assert (review.outcome, review.typed, review.rating, review.correct) == (
                "near", "党的作风是党的形相", quiz.HARD, True
            )

    async def test_wrong_shows_a_diff_in_three_styles(self, open_app, clock) -> None:
        app = open_app()
        async with app.run_test(size=SIZE) as pilot:
            screen = await quiz_open(pilot)
            screen.session.go(5)
            screen.redraw()
            clock[0] += SLOW
            await type_keys(pilot, "乡村振光深化")
            state = screen.session.states[5]
            assert (state.status, state.rating) == ("wrong", quiz.AGAIN)
            view = blank_text(screen)
            # The blank shows what it should have been, in the colour of a wrong answer.
            assert style_of(view, "乡村振兴深化期") == component(view, "wrong")
            bar = screen.answer_bar
            text = feedback(screen)
            assert text.plain.startswith("第 6 空 不对")
            assert "你答： 乡村振光深化" in text.plain and "答案： 乡村振兴深化期" in text.plain
            assert spans_of(text, bar) == [
                ("same", "乡村振"), ("wrong", "光"), ("same", "深化"),
                ("same", "乡村振"), ("missing", "兴"), ("same", "深化"), ("missing", "期"),
            ]
            styles = {bar.get_component_rich_style(f"answer-bar--{tag}") for tag in ("same", "wrong", "missing")}
            assert len(styles) == 3
            [review] = reviews(app)
            assert (review.outcome, review.typed, review.rating, review.correct) == (
                "wrong", "乡村振光深化", quiz.AGAIN, False
            )

    async def test_the_answer_of_another_blank_of_the_paragraph_is_tried_again_not_wrong(self, open_app, clock) -> None:
        app = open_app()
        async with app.run_test(size=SIZE) as pilot:
            screen = await quiz_open(pilot)
            screen.session.go(4)  # 规划收官期, listed with 乡村振兴深化期 and 产业转型突破期
            screen.redraw()
            await submit(pilot, "乡村振兴深化期")
            assert feedback(screen).plain == "第 5 空：答案对，但问的不是它，再想想"
            assert screen.session.active == 4 and not screen.session.states[4].graded and reviews(app) == []
            field = screen.answer_bar.input
            assert field.value == "乡村振兴深化期" and field.selected_text == field.value
            await type_keys(pilot, "规划收官期")  # typed over the selection
            assert [(r.typed, r.outcome) for r in reviews(app)] == [("规划收官期", "right")]

    async def test_hint_then_right_is_hard(self, open_app, clock) -> None:
        app = open_app()
        async with app.run_test(size=SIZE) as pilot:
            screen = await quiz_open(pilot)
            view = blank_text(screen)
            await pilot.press("ctrl+t")
            assert any("《1习___" in line for line in view.plain_lines)
            await pilot.press("ctrl+t")
            line = next(line for line in view.plain_lines if "《1习近" in line)
            # Hinted letters take the place of fill: the blank keeps its width.
            assert cell_len(line[line.index("《") + 1 : line.index("》")]) == cell_len(PREAMBLE[0])
            assert style_of(view, "1习近") == component(view, "active")
            clock[0] += SLOW
            await type_keys(pilot, PREAMBLE[0][2:])
            state = screen.session.states[0]
            assert (state.status, state.hints, state.rating) == ("right", 2, quiz.HARD)
            assert "困难" in feedback(screen).plain
            [review] = reviews(app)
            assert (review.outcome, review.typed, review.hints, review.rating) == ("right", PREAMBLE[0], 2, quiz.HARD)

    async def test_hinted_letters_are_in_the_input_and_the_rest_typed_is_right(self, open_app, clock) -> None:
        app = open_app(section="3.2")
        async with app.run_test(size=SIZE) as pilot:
            screen = await quiz_open(pilot)
            index = next(b.index for b in screen.session.blanks if b.answer == "强化监督检查")
            screen.session.go(index)
            screen.redraw()
            field = screen.answer_bar.input
            await pilot.press("ctrl+t", "ctrl+t")
            assert any(f"{index + 1}强化_" in line for line in blank_text(screen).plain_lines)
            assert (field.value, field.cursor_position) == ("强化", 2)  # there to be typed on, or edited
            await pilot.press("backspace", "化")
            clock[0] += 2.0  # quick, yet helped: Hard, not Easy
            await type_keys(pilot, "监督检查")
            state = screen.session.states[index]
            assert (state.status, state.typed, state.hints, state.rating) == ("right", "强化监督检查", 2, quiz.HARD)
            assert feedback(screen).plain.startswith(f"第 {index + 1} 空 正确")
            assert [(r.typed, r.outcome, r.rating) for r in reviews(app)] == [("强化监督检查", "right", quiz.HARD)]

    async def test_a_hint_adds_a_letter_to_what_is_typed_right_and_mends_what_is_not(self, open_app, clock) -> None:
        app = open_app()
        async with app.run_test(size=SIZE) as pilot:
            screen = await quiz_open(pilot)
            field = screen.answer_bar.input
            await pilot.press(*"习近平关")
            await pilot.press("ctrl+t")
            assert field.value == "习近平关于"
            assert any("《1习近平关于_" in line for line in blank_text(screen).plain_lines)
            await pilot.press("backspace", "backspace", *"与加", "ctrl+t")
            assert field.value == "习近平关于加"  # the wrong part mended, and one letter more
            assert screen.session.states[0].hints == 2

    async def test_reveal_key_gives_the_blank_up(self, open_app, clock) -> None:
        app = open_app()
        async with app.run_test(size=SIZE) as pilot:
            screen = await quiz_open(pilot)
            await pilot.press("ctrl+r")
            await pilot.pause()
            state = screen.session.states[0]
            assert (state.status, state.rating) == ("revealed", quiz.AGAIN)
            view = blank_text(screen)
            assert style_of(view, "习近平关于") == component(view, "revealed")
            assert feedback(screen).plain.startswith("第 1 空 已显示  答案： 习近平关于加强党的作风建设论述摘编")
            assert screen.session.active == 1
            [review] = reviews(app)
            assert (review.outcome, review.typed, review.rating, review.correct) == ("revealed", "", quiz.AGAIN, False)

    async def test_empty_answer_reveals_for_self_grading_and_3_rates_it_good(self, open_app, clock) -> None:
        app = open_app()
        async with app.run_test(size=SIZE) as pilot:
            screen = await quiz_open(pilot)
            await pilot.press("enter")
            await pilot.pause()
            state = screen.session.states[0]
            assert (state.status, state.rating) == ("revealed", quiz.AGAIN)
            assert "习近平关于加强党的作风建设论述摘编" in feedback(screen).plain
            [review] = reviews(app)
            assert (review.outcome, review.rating) == ("empty", quiz.AGAIN)

            await pilot.press("3")
            await pilot.pause()
            assert state.rating == quiz.GOOD
            assert screen.answer_bar.input.value == "3"  # in sight, until Enter confirms it
            assert "良好" in feedback(screen).plain
            [review] = reviews(app)
            assert (review.outcome, review.rating, review.correct) == ("empty", quiz.GOOD, True)
            await pilot.press("enter")
            await pilot.pause()
            assert screen.answer_bar.input.value == ""  # the digit rated; it is not an answer
            assert not screen.session.states[1].graded and screen.session.active == 1
            assert state.rating == quiz.GOOD and "良好" in feedback(screen).plain
            assert [(r.outcome, r.rating) for r in reviews(app)] == [("empty", quiz.GOOD)]
            stored = app.workbook.store.cards(app.workbook.document_id())[review.card_key]  # type: ignore[union-attr]
            assert stored.due > review.time  # scheduled as Good, not as the Again it replaced

    async def test_full_width_digits_rate_as_the_others_do(self, open_app, clock) -> None:
        # An input method in full-width mode types １２３４.
        app = open_app()
        async with app.run_test(size=SIZE) as pilot:
            screen = await quiz_open(pilot)
            await submit(pilot, "不知道")
            await pilot.press("３")
            await pilot.pause()
            assert screen.session.states[0].rating == quiz.GOOD and "良好" in feedback(screen).plain
            await pilot.press("enter")  # confirms it: not an answer for blank 2
            await pilot.pause()
            assert screen.answer_bar.input.value == "" and not screen.session.states[1].graded
            assert [(r.typed, r.rating) for r in reviews(app)] == [("不知道", quiz.GOOD)]
            await submit(pilot, "不知道")
            await pilot.press("２", "backspace")  # taken back: the suggested rating again
            await pilot.pause()
            assert screen.session.states[1].rating == quiz.AGAIN
            await pilot.press("４", "enter")
            await pilot.pause()
            assert [(r.typed, r.rating) for r in reviews(app)] == [("不知道", quiz.GOOD), ("不知道", quiz.EASY)]
            assert not screen.session.states[2].graded

    async def test_a_digit_after_typing_has_begun_is_part_of_the_answer(self, open_app, clock) -> None:
        app = open_app()
        async with app.run_test(size=SIZE) as pilot:
            screen = await quiz_open(pilot)
            clock[0] += SLOW
            await submit(pilot, PREAMBLE[0])
            await pilot.press("十", "backspace", "2")
            await pilot.pause()
            assert screen.answer_bar.input.value == "2"
            assert screen.session.states[0].rating == quiz.GOOD
            assert reviews(app)[0].rating == quiz.GOOD

    async def test_an_answer_that_starts_with_a_digit_takes_the_rating_back(self, open_app, clock) -> None:
        app = open_app()
        async with app.run_test(size=SIZE) as pilot:
            screen = await quiz_open(pilot)
            clock[0] += SLOW
            await submit(pilot, PREAMBLE[0])
            state = screen.session.states[0]
            assert state.rating == quiz.GOOD
            await pilot.press("2")
            await pilot.pause()
            # A lone digit rates the answer just given, for now, and stays in sight.
            assert screen.answer_bar.input.value == "2"
            assert state.rating == quiz.HARD and reviews(app)[0].rating == quiz.HARD
            assert "困难" in feedback(screen).plain
            await pilot.press("0")
            await pilot.pause()
            # More typed: it was an answer after all, and the first answer is Good again.
            assert screen.answer_bar.input.value == "20"
            assert state.rating == quiz.GOOD and reviews(app)[0].rating == quiz.GOOD
            assert "良好" in feedback(screen).plain and "困难" not in feedback(screen).plain
            await type_keys(pilot, "35年")
            assert screen.session.states[1].status == "wrong"
            assert [(r.typed, r.rating) for r in reviews(app)] == [(PREAMBLE[0], quiz.GOOD), ("2035年", quiz.AGAIN)]

    async def test_an_answer_typed_fast_after_a_digit_takes_the_rating_back(self, open_app, clock) -> None:
        app = open_app()
        async with app.run_test(size=SIZE) as pilot:
            screen = await quiz_open(pilot)
            clock[0] += SLOW
            await submit(pilot, PREAMBLE[0])
            await pilot.press("2")
            await pilot.pause()
            assert screen.session.states[0].rating == quiz.HARD  # for now
            # The rest of the answer and Enter in one burst: each key's Changed comes after
            # Enter took the text, yet the digit began an answer, so the rating goes back.
            burst(app, [*"035年", "enter"])
            await until(pilot, lambda: len(reviews(app)) == 2, "the second answer stored")
            await pilot.pause()
            assert screen.session.states[0].rating == quiz.GOOD
            assert [(r.typed, r.rating) for r in reviews(app)] == [(PREAMBLE[0], quiz.GOOD), ("2035年", quiz.AGAIN)]

    async def test_a_digit_taken_back_with_backspace_restores_the_rating(self, open_app, clock) -> None:
        app = open_app()
        async with app.run_test(size=SIZE) as pilot:
            screen = await quiz_open(pilot)
            await submit(pilot, "不知道")
            state = screen.session.states[0]
            assert state.rating == quiz.AGAIN
            await pilot.press("4")
            await pilot.pause()
            assert state.rating == quiz.EASY and reviews(app)[0].rating == quiz.EASY
            await pilot.press("backspace")
            await pilot.pause()
            assert screen.answer_bar.input.value == ""
            assert state.rating == quiz.AGAIN and reviews(app)[0].rating == quiz.AGAIN
            assert "重来" in feedback(screen).plain
            # The feedback still shows, so another digit still rates; Enter confirms it.
            await pilot.press("2", "enter")
            await pilot.pause()
            assert screen.answer_bar.input.value == ""
            assert state.rating == quiz.HARD and "困难" in feedback(screen).plain
            assert [(r.typed, r.rating) for r in reviews(app)] == [("不知道", quiz.HARD)]
            assert not screen.session.states[1].graded

    async def test_rate_action_over_a_digit_rates_for_good(self, open_app, clock) -> None:
        app = open_app()
        async with app.run_test(size=SIZE) as pilot:
            screen = await quiz_open(pilot)
            await submit(pilot, "不知道")
            await pilot.press("2")
            await pilot.pause()
            screen.action_rate(quiz.EASY)  # as the command palette does
            await pilot.pause()
            assert screen.answer_bar.input.value == ""
            assert screen.session.states[0].rating == quiz.EASY and "简单" in feedback(screen).plain
            await pilot.press("x")  # an answer begun: the rating chosen stays
            await pilot.pause()
            assert [(r.typed, r.rating) for r in reviews(app)] == [("不知道", quiz.EASY)]

    async def test_answers_of_a_whole_section_are_all_stored_in_order(self, open_app, clock) -> None:
        app = open_app()
        async with app.run_test(size=SIZE) as pilot:
            screen = await quiz_open(pilot)
            for answer in PREAMBLE:
                clock[0] += SLOW
                await submit(pilot, answer)
            assert all(state.status == "right" for state in screen.session.states)
            assert [review.typed for review in reviews(app)] == PREAMBLE
            assert "".join(blank_text(screen).plain_lines).count("_") == 0


# ---------------------------------------------------------------- small terminals


def drawn_input(screen: QuizScreen) -> str:
    """The answer's input line as drawn on screen."""
    return "".join(segment.text for segment in screen.answer_bar.input.render_line(0)).rstrip()


FULL = {
    "en": "Blank 1: type the answer and press Enter (Enter alone shows it)",
    "zh": "第 1 空：输入答案后回车（直接回车显示答案）",
}
SHORT = {"en": "Blank 1: type it, then Enter", "zh": "第 1 空：输入答案后回车"}
TINY = {"en": "Blank 1", "zh": "第 1 空"}


class TestSmallTerminal:
    @pytest.mark.parametrize(
        ("language", "width", "prompts"),
        [("en", 60, SHORT), ("en", 100, FULL), ("en", 24, TINY), ("zh", 60, FULL), ("zh", 40, SHORT), ("zh", 20, TINY)],
    )
    async def test_the_prompt_is_shortened_to_whole_words_not_cut(self, store, language, width, prompts, clock) -> None:
        app = study_app(SPEECH, language=language, store=store, start="quiz")
        async with app.run_test(size=(100, 15)) as pilot:
            screen = await quiz_open(pilot)
            await resize(pilot, width, 15)
            field = screen.answer_bar.input
            assert placeholder_of(screen) == prompts[language]
            assert cell_len(placeholder_of(screen)) <= field.scrollable_content_region.width
            assert drawn_input(screen) == placeholder_of(screen)
            for answer in PREAMBLE:
                await submit(pilot, answer)
            assert cell_len(placeholder_of(screen)) <= field.scrollable_content_region.width
            assert drawn_input(screen) == placeholder_of(screen)


# ---------------------------------------------------------------- typing ahead


class TestTypingAhead:
    async def test_answers_typed_without_a_pause_each_go_to_their_own_blank(self, open_app, clock) -> None:
        app = open_app()
        async with app.run_test(size=SIZE) as pilot:
            screen = await quiz_open(pilot)
            burst(app, [key for answer in PREAMBLE[:7] for key in [*answer, "enter"]])
            await until(pilot, lambda: len(reviews(app)) >= 7, "seven answers stored")
            assert [(r.card_key, r.typed, r.outcome) for r in reviews(app)] == [
                (blank.card.key, answer, "right") for blank, answer in zip(screen.session.blanks, PREAMBLE[:7])
            ]
            assert screen.answer_bar.input.value == "" and screen.session.active == 7

    async def test_a_digit_after_an_answer_typed_fast_still_rates_it(self, open_app, clock) -> None:
        app = open_app()
        async with app.run_test(size=SIZE) as pilot:
            screen = await quiz_open(pilot)
            burst(app, [*PREAMBLE[0], "enter"])  # each key's Changed arrives after Enter took the text
            await until(pilot, lambda: len(reviews(app)) == 1, "the answer stored")
            await pilot.pause()
            await pilot.press("2")
            await pilot.pause()
            assert [(r.typed, r.rating) for r in reviews(app)] == [(PREAMBLE[0], quiz.HARD)]
            assert "困难" in feedback(screen).plain

    async def test_keys_behind_tab_hint_and_reveal_act_in_the_order_typed(self, open_app, clock) -> None:
        app = open_app()
        async with app.run_test(size=SIZE) as pilot:
            screen = await quiz_open(pilot)
            # Blank 1 given up on with 习近 typed, blank 2 left with a draft, blank 3 answered.
            burst(app, [*"习近", "ctrl+r", *"党的", "tab", *PREAMBLE[2], "enter", *"人心", "escape"])
            await until(pilot, lambda: not isinstance(app.screen, QuizScreen), "back in the reader")
            assert [(r.typed, r.outcome) for r in reviews(app)] == [("习近", "revealed"), (PREAMBLE[2], "right")]
            assert screen.drafts == {1: "党的"}


# ---------------------------------------------------------------- moving and leaving


class TestMoving:
    async def test_tab_and_shift_tab_move_the_active_blank(self, open_app, clock) -> None:
        app = open_app()
        async with app.run_test(size=SIZE) as pilot:
            screen = await quiz_open(pilot)
            view = blank_text(screen)
            await pilot.press("tab")
            assert screen.session.active == 1
            assert style_of(view, "2___") == component(view, "active")
            assert style_of(view, "1___") == component(view, "pending")
            assert placeholder_of(screen).startswith("第 2 空")
            await pilot.press("shift+tab", "shift+tab")
            assert screen.session.active == len(PREAMBLE) - 1  # wraps round to the last
            assert style_of(view, f"{len(PREAMBLE)}___") == component(view, "active")
            assert reviews(app) == []

    async def test_tab_back_to_an_answered_blank_marks_it_and_enter_goes_on(self, open_app, clock) -> None:
        app = open_app()
        async with app.run_test(size=SIZE) as pilot:
            screen = await quiz_open(pilot)
            clock[0] += SLOW
            await submit(pilot, PREAMBLE[0])
            await pilot.press("shift+tab")
            assert screen.session.active == 0
            view = blank_text(screen)
            marked = style_of(view, "习近平关于")
            assert marked != component(view, "right") and marked.reverse
            assert marked.color == component(view, "right").color
            # The bar says the blank is answered, not that everything is.
            assert placeholder_of(screen) == "第 1 空 正确"
            # An answer typed here is kept for the next open blank instead of being lost.
            screen.answer_bar.input.value = PREAMBLE[1]
            await pilot.press("enter")
            await pilot.pause()
            assert screen.session.active == 1
            assert screen.answer_bar.input.value == PREAMBLE[1]
            assert len(reviews(app)) == 1
            await pilot.press("enter")
            await pilot.pause()
            assert screen.session.states[1].status == "right"
            assert [r.typed for r in reviews(app)] == PREAMBLE[:2]

    async def test_reveal_keeps_what_was_typed_and_empties_the_input(self, open_app, clock) -> None:
        app = open_app()
        async with app.run_test(size=SIZE) as pilot:
            screen = await quiz_open(pilot)
            await pilot.press(*"习近平关")
            await pilot.press("ctrl+r")
            await pilot.pause()
            state = screen.session.states[0]
            assert (state.status, state.typed) == ("revealed", "习近平关")
            assert screen.answer_bar.input.value == ""  # nothing carried over to blank 2
            [review] = reviews(app)
            assert (review.outcome, review.typed, review.rating) == ("revealed", "习近平关", quiz.AGAIN)
            await submit(pilot, PREAMBLE[1])
            assert screen.session.states[1].status == "right"
            assert [(r.typed, r.outcome) for r in reviews(app)] == [("习近平关", "revealed"), (PREAMBLE[1], "right")]

    async def test_each_blank_keeps_what_was_typed_for_it(self, open_app, clock) -> None:
        app = open_app()
        async with app.run_test(size=SIZE) as pilot:
            screen = await quiz_open(pilot)
            field = screen.answer_bar.input
            await pilot.press(*"习近平")
            await pilot.press("tab")
            assert screen.session.active == 1 and field.value == ""
            await pilot.press(*"党的作风")
            await pilot.press("shift+tab")
            assert screen.session.active == 0 and field.value == "习近平"
            # The draft comes back with the cursor after it, so typing goes on where it stopped.
            await pilot.press(*"关于加强党的作风建设论述摘编")
            assert field.value == PREAMBLE[0]
            await pilot.press("tab")
            assert screen.session.active == 1 and field.value == "党的作风"
            await pilot.press("shift+tab", "enter")
            await pilot.pause()
            # Blank 1 graded with its own text; the next open blank gets back its draft.
            assert screen.session.states[0].status == "right"
            assert screen.session.active == 1 and field.value == "党的作风"
            await type_keys(pilot, "是党的形象")
            assert screen.session.states[1].status == "right"
            assert field.value == ""
            assert [r.typed for r in reviews(app)] == PREAMBLE[:2]

    async def test_a_draft_that_is_a_digit_comes_back_as_an_answer_not_a_rating(self, open_app, clock) -> None:
        app = open_app()
        async with app.run_test(size=SIZE) as pilot:
            screen = await quiz_open(pilot)
            await pilot.press("tab", "3", "shift+tab")
            assert screen.drafts == {1: "3"}
            clock[0] += 2.0
            await submit(pilot, PREAMBLE[0])
            assert screen.session.active == 1 and screen.answer_bar.input.value == "3"
            assert screen.session.states[0].rating == quiz.EASY  # not re-rated by the draft
            await pilot.press("enter")
            await pilot.pause()
            assert [(r.typed, r.rating) for r in reviews(app)] == [(PREAMBLE[0], quiz.EASY), ("3", quiz.AGAIN)]

    async def test_escape_leaves_keeping_every_answer(self, open_app, clock) -> None:
        app = open_app()
        async with app.run_test(size=SIZE) as pilot:
            await quiz_open(pilot)
            await submit(pilot, PREAMBLE[0])
            await submit(pilot, "不知道")
            await pilot.press("escape")
            await until(pilot, lambda: isinstance(app.screen, ReaderScreen), "back in the reader")
            assert [(r.typed, r.outcome) for r in reviews(app)] == [(PREAMBLE[0], "right"), ("不知道", "wrong")]
            stored = app.workbook.store.cards(app.workbook.document_id())  # type: ignore[union-attr]
            assert len(stored) == 2  # the blanks not answered stay new


# ---------------------------------------------------------------- the end of a quiz


class TestSummary:
    async def test_the_last_answer_keeps_its_feedback_until_enter(self, open_app, clock) -> None:
        app = open_app()
        async with app.run_test(size=SIZE) as pilot:
            screen = await quiz_open(pilot)
            for answer in PREAMBLE[:-1]:
                await submit(pilot, answer)
            await pilot.press("enter")  # the last one revealed, to grade oneself
            await pilot.pause()
            assert app.screen is screen
            assert feedback(screen).plain.startswith(f"第 {len(PREAMBLE)} 空 已显示")
            assert placeholder_of(screen) == "都答完了：回车看小结"
            await pilot.press("4")
            await pilot.pause()
            assert reviews(app)[-1].rating == quiz.EASY
            await pilot.press("enter")  # confirms the rating
            await pilot.pause()
            assert app.screen is screen and screen.answer_bar.input.value == ""
            assert reviews(app)[-1].rating == quiz.EASY and "简单" in feedback(screen).plain
            await pilot.press("enter")
            await until(pilot, lambda: isinstance(app.screen, SummaryScreen), "the summary")

    async def test_summary_counts_missed_phrases_and_the_next_section(self, open_app, clock) -> None:
        app = open_app()
        async with app.run_test(size=SIZE) as pilot:
            screen = await quiz_open(pilot)
            answers = ["", "党的作风是党的形相", "观察干群关系"] + PREAMBLE[3:-1]
            for answer in answers:
                clock[0] += 10
                await submit(pilot, answer)
            clock[0] += 10
            await pilot.press("ctrl+r")
            await pilot.press("enter")
            summary = await _summary(pilot)
            assert (summary.summary.right, summary.summary.near, summary.summary.wrong, summary.summary.revealed) == (
                4, 1, 1, 2
            )
            assert summary.summary.seconds == pytest.approx(80.0)
            texts = _summary_texts(summary)
            counts = " ".join(texts.split())
            assert "正确 4 差一点 1 不对 1 看了答案 2 未答 0 用时 1:20" in counts
            assert f"要再看的：\n  习近平关于加强党的作风建设论述摘编\n  {PREAMBLE[2]}\n  牛鼻子\n" in texts
            assert "回车：接着测验 (一)把握核心要义,校准政治方向；Esc：回到阅读" in texts
            assert screen.session.states[7].status == "revealed"
            assert len(reviews(app)) == 8

    async def test_a_rerated_answer_counts_as_its_final_rating(self, open_app, clock) -> None:
        app = open_app()
        async with app.run_test(size=SIZE) as pilot:
            await quiz_open(pilot)
            await submit(pilot, "")  # shown, to grade oneself: recited right, so 4
            await pilot.press("4", "enter")
            await submit(pilot, PREAMBLE[1])
            await pilot.press("1", "enter")  # right, but a guess: Again
            for answer in ["观察干群关系"] + PREAMBLE[3:]:
                await submit(pilot, answer)
            await pilot.press("enter")
            summary = await _summary(pilot)
            counts = " ".join(_summary_texts(summary).split())
            assert "正确 6 差一点 0 不对 2 看了答案 0 未答 0" in counts
            assert [blank.answer for blank in summary.summary.missed] == [PREAMBLE[1], PREAMBLE[2]]
            assert f"要再看的：\n  党的作风是党的形象\n  {PREAMBLE[2]}\n" in _summary_texts(summary)
            assert [r.rating for r in reviews(app)][:2] == [quiz.EASY, quiz.AGAIN]

    async def test_enter_on_the_summary_quizzes_the_next_section(self, open_app, clock) -> None:
        app = open_app()
        async with app.run_test(size=SIZE) as pilot:
            await quiz_open(pilot)
            for answer in PREAMBLE:
                await submit(pilot, answer)
            await pilot.press("enter")
            await _summary(pilot)
            await pilot.press("enter")
            await until(
                pilot,
                lambda: isinstance(app.screen, QuizScreen) and app.screen.section.id == "2.1",
                "the next section's quiz",
            )
            screen = app.screen
            assert screen.session.active == 0 and not any(s.graded for s in screen.session.states)
            assert screen.session.blanks[0].answer == "作风建设关系党的生死存亡"
            # The stack holds the reader and this quiz only: the finished quiz is gone.
            assert [type(s) for s in app.screen_stack] == [ReaderScreen, QuizScreen]

    async def test_escape_on_the_summary_goes_back_to_reading(self, open_app, clock) -> None:
        app = open_app()
        async with app.run_test(size=SIZE) as pilot:
            await quiz_open(pilot)
            for answer in PREAMBLE:
                await submit(pilot, answer)
            await pilot.press("enter")
            await _summary(pilot)
            await pilot.press("escape")
            await until(pilot, lambda: isinstance(app.screen, ReaderScreen), "back in the reader")


async def _summary(pilot: Pilot) -> SummaryScreen:
    await until(pilot, lambda: isinstance(pilot.app.screen, SummaryScreen), "the summary")
    return pilot.app.screen  # type: ignore[return-value]


def _summary_texts(summary: SummaryScreen) -> str:
    from textual.widgets import Static

    parts = []
    for static in summary.query(Static):
        content = static.content
        if isinstance(content, Text):
            parts.append(content.plain)
        elif isinstance(content, str):
            parts.append(content)
        else:  # the counts table
            from rich.console import Console

            console = Console(width=80, record=True, file=open("/dev/null", "w"))
            console.print(content)
            parts.append(console.export_text())
    return "\n".join(parts)


# ---------------------------------------------------------------- progress on the outline


def _preamble_label(app: StudyApp) -> str:
    tree = app.reader.query_one(OutlineTree)
    node = tree.root.children[0]
    assert node.data == "1"
    return tree.render_label(node, Style(), Style()).plain


class TestOutlineProgress:
    async def test_mastery_mark_and_due_count_follow_the_answers(self, open_app, store, clock) -> None:
        from datetime import datetime, timedelta, timezone

        # Two cards of the preamble were learnt a month ago and are due again.
        text = load(SPEECH)
        document = parse(text, SPEECH.name)
        cards = [c for c in cards_for(document, extract(document)) if c.section_id == "1"]
        app = open_app(start="read")
        async with app.run_test(size=SIZE) as pilot:
            await reader_ready(pilot)
            document_id = app.workbook.document_id()
            month_ago = datetime.now(timezone.utc) - timedelta(days=30)
            for card in cards[:2]:
                store.record_review(document_id, Answer(card.key, "@preamble", quiz.GOOD, outcome="right", time=month_ago))
            app.reader.show_progress()
            await pilot.pause()
            before = _preamble_label(app)
            before_mastery = section_progress(app.workbook)["1"].mastery
            assert before.endswith(" 2")  # two due
            assert before[-3] in "○◔"

            await pilot.press("t")
            screen = await quiz_open(pilot)
            assert screen.section.id == "1"
            for answer in PREAMBLE[:5]:
                clock[0] += SLOW
                await submit(pilot, answer)
            await pilot.press("escape")
            await until(pilot, lambda: isinstance(app.screen, ReaderScreen), "back in the reader")
            after = _preamble_label(app)
            # The two due cards were answered (no longer due), five of eight answered right:
            # not mastered after one or two right answers (stability of days, not weeks), but
            # the section's mastery grew.
            assert not after.rstrip().endswith("2") and after.rstrip()[-1] == "◔"
            assert after != before
            progress = section_progress(app.workbook)["1"]
            assert before_mastery is not None and progress.mastery is not None
            assert before_mastery < progress.mastery < 0.375

    async def test_marks_follow_a_quiz_reached_from_the_summary_of_another(self, open_app, store, clock) -> None:
        # 四（一） quizzed with t, Enter at its summary goes on to 四（二）: every answer
        # there is right, and Esc back in the reader shows 四（二） no longer new.
        app = open_app(start="read", section="5.1")
        async with app.run_test(size=SIZE) as pilot:
            await reader_ready(pilot)
            label = _outline_label(app, "5.2")
            assert label.startswith("○") or " ○" in label
            await pilot.press("t")
            screen = await quiz_open(pilot)
            assert screen.section.id == "5.1"
            await answer_every_blank(pilot, screen, clock)
            await pilot.press("enter")  # the summary of 四（一）, offering 四（二）
            await until(pilot, lambda: isinstance(app.screen, SummaryScreen), "the summary")
            await pilot.press("enter")
            await until(
                pilot, lambda: isinstance(app.screen, QuizScreen) and app.screen.section.id == "5.2", "四（二）'s quiz"
            )
            await answer_every_blank(pilot, app.screen, clock)
            await pilot.press("escape")
            await until(pilot, lambda: isinstance(app.screen, ReaderScreen), "back in the reader")
            after = _outline_label(app, "5.2")
            assert "○" not in after, after


def _outline_label(app: StudyApp, section_id: str) -> str:
    tree = app.reader.query_one(OutlineTree)
    node = next(node for node in tree._tree_nodes.values() if node.data == section_id)
    return tree.render_label(node, Style(), Style()).plain


async def answer_every_blank(pilot: Pilot, screen: QuizScreen, clock: list[float]) -> None:
    """Answer every blank of the quiz on screen right, each after a slow minute."""
    for blank in list(screen.session.blanks):
        clock[0] += SLOW
        await submit(pilot, blank.answer)
    assert screen.session.done


# ---------------------------------------------------------------- progress survives an edit of the file


class TestEditedFile:
    async def test_untouched_cards_keep_their_state_when_another_section_is_edited(
        self, open_app, store, tmp_path, clock
    ) -> None:
        copy = tmp_path / "speech.txt"
        shutil.copyfile(SPEECH, copy)
        app = open_app(path=copy)
        async with app.run_test(size=SIZE) as pilot:
            await quiz_open(pilot)
            for answer in PREAMBLE[:3]:
                clock[0] += SLOW
                await submit(pilot, answer)
            document_id = app.workbook.document_id()
            answered = [r.card_key for r in reviews(app)]
        before = store.cards(document_id)
        assert sorted(before) == sorted(answered) and len(answered) == 3

        # Edit one paragraph of another section: (一)深入查摆问题 loses a phrase and gains a sentence.
        text = copy.read_text(encoding="utf-8")
        old = next(p for p in parse(text, copy.name).find("3.1").paragraphs if "态度冷漠、推诿扯皮" in p)
        new = old.replace("态度冷漠、推诿扯皮", "态度生硬") + "这一段改过了。"
        copy.write_text(text.replace(old, new), encoding="utf-8")

        edited = parse(copy.read_text(encoding="utf-8"), copy.name)
        keys = {card.key for card in cards_for(edited, extract(edited))}
        assert set(answered) <= keys
        assert not any("态度冷漠、推诿扯皮" in key for key in keys)

        reopened = Store.open(store.path.parent)
        try:
            app = study_app(copy, language="zh", store=reopened, start="quiz")
            async with app.run_test(size=SIZE) as pilot:
                screen = await quiz_open(pilot)
                assert app.workbook.document_id() == document_id  # the same document, though its hash changed
                assert set(answered) <= {card.key for card in app.workbook.cards}
                after = reopened.cards(document_id)
                assert {key: after[key].state for key in answered} == {key: before[key].state for key in answered}
                assert [r.card_key for r in reopened.reviews(document_id)] == answered
                # The quiz of the untouched section opens where the store left it: the same blanks.
                assert [b.card.key for b in screen.session.blanks[:3]] == answered
        finally:
            reopened.close()


# ---------------------------------------------------------------- a corrupt database


class TestCorruptDatabase:
    async def test_moved_aside_with_a_notice_and_a_fresh_one_works(self, data_dir, clock) -> None:
        garbage = b"this is not a database " * 200
        (data_dir / "study.db").write_bytes(garbage)
        opened = Store.open()
        try:
            [moved] = list(data_dir.glob("study.db.corrupt-*"))
            assert moved.read_bytes() == garbage
            assert opened.moved_to == moved and opened.notice and moved.name in opened.notice
            app = study_app(SPEECH, language="zh", store=opened, start="quiz")
            notices: list[tuple[str, str]] = []
            shown = app.notify

            def notify(message: str, *args, **kwargs) -> None:
                notices.append((message, kwargs.get("severity", "information")))
                shown(message, *args, **kwargs)

            app.notify = notify  # type: ignore[method-assign]
            async with app.run_test(size=SIZE) as pilot:
                await quiz_open(pilot)
                said = f"学习记录数据库已损坏：原文件已改名为 {moved.name} 保留，并新建了一个数据库；study backup --restore 可恢复最近的每日备份。"
                assert (said, "warning") in notices
                await submit(pilot, PREAMBLE[0])
                assert [r.typed for r in opened.reviews(app.workbook.document_id())] == [PREAMBLE[0]]
        finally:
            opened.close()
        assert moved.read_bytes() == garbage
        with Store.open() as again:
            assert again.notice is None
            assert len(again.reviews(1)) == 1


# ---------------------------------------------------------------- answers the database refuses


@pytest.fixture
def refuse(store: Store, monkeypatch: pytest.MonkeyPatch) -> Callable[[int], list[int]]:
    """refuse(n): the store's next n `record_review` calls fail as a locked database does.

    Returns a list whose one number counts the calls that reached the store.
    """
    calls = [0]
    left = [0]
    record = store.record_review

    def record_review(*args, **kwargs):
        calls[0] += 1
        if left[0] > 0:
            left[0] -= 1
            raise StoreError("database is locked")
        return record(*args, **kwargs)

    monkeypatch.setattr(store, "record_review", record_review)

    def set_refusals(times: int) -> list[int]:
        left[0] = times
        return calls

    return set_refusals


def unsaved_files(store: Store) -> list[Path]:
    return sorted(store.path.parent.glob(f"{store.path.name}.unsaved-*.json"))


async def quit_from_quiz(pilot: Pilot) -> None:
    await pilot.press("escape")
    await until(pilot, lambda: isinstance(pilot.app.screen, ReaderScreen), "back in the reader")
    await pilot.press("q")
    await pilot.pause()


class TestRefusedAnswers:
    async def test_answers_given_after_a_busy_start_are_stored_once_the_database_is_free(
        self, data_dir, clock
    ) -> None:
        # Another program holds the database as study starts: the document's record cannot
        # be had, progress is said not to be kept, and yet every answer given once the
        # database is free goes in, none dropped in silence.
        import sqlite3

        with Store.open(data_dir) as first:  # the database exists, as after an earlier run
            first.document(SPEECH, "earlier", "zuofeng-speech")
        store = Store.open(data_dir, timeout=0.2)
        holder = sqlite3.connect(data_dir / "study.db", isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")
        try:
            app = study_app(SPEECH, store=store, start="quiz")
            async with app.run_test(size=SIZE) as pilot:
                await until(pilot, lambda: app.workbook.document is not None, "the document opened")
                assert app.workbook.problem is not None and app.workbook.problem.kind == "busy"
                holder.execute("ROLLBACK")
                screen = await quiz_open(pilot)
                for answer in PREAMBLE[:3]:
                    clock[0] += SLOW
                    await submit(pilot, answer)
                assert [state.status for state in screen.session.states[:3]] == ["right"] * 3
                assert app.workbook.waiting_answers == 0
                assert [r.typed for r in reviews(app)] == PREAMBLE[:3]
        finally:
            holder.close()
            store.close()
        assert unsaved_files(store) == []

    async def test_a_refused_answer_rerated_is_stored_with_its_new_rating(self, open_app, store, refuse, clock) -> None:
        refuse(1)
        app = open_app()
        async with app.run_test(size=SIZE) as pilot:
            screen = await quiz_open(pilot)
            clock[0] += SLOW
            await submit(pilot, PREAMBLE[0])
            assert reviews(app) == [] and len(app.workbook.answers.waiting) == 1
            await pilot.press("4", "enter")
            await pilot.pause()
            assert screen.session.states[0].rating == quiz.EASY
            assert app.workbook.answers.waiting[0].rating == quiz.EASY  # the queued answer follows the screen
            clock[0] += SLOW
            await submit(pilot, PREAMBLE[1])
            assert app.workbook.answers.waiting == []
            assert [(r.typed, r.rating) for r in reviews(app)] == [(PREAMBLE[0], quiz.EASY), (PREAMBLE[1], quiz.GOOD)]
            assert unsaved_files(store) == []

    async def test_a_tentative_rating_taken_back_leaves_the_queued_answer_as_it_was(
        self, open_app, store, refuse, clock
    ) -> None:
        refuse(1)
        app = open_app()
        async with app.run_test(size=SIZE) as pilot:
            screen = await quiz_open(pilot)
            clock[0] += SLOW
            await submit(pilot, PREAMBLE[0])
            await pilot.press("2")
            await pilot.pause()
            assert app.workbook.answers.waiting[0].rating == quiz.HARD
            await pilot.press("x")
            await pilot.pause()
            assert app.workbook.answers.waiting[0].rating == quiz.GOOD == screen.session.states[0].rating

    async def test_answers_never_taken_go_to_one_file_once(self, open_app, store, refuse, clock) -> None:
        calls = refuse(1000)
        app = open_app()
        async with app.run_test(size=SIZE) as pilot:
            await quiz_open(pilot)
            await submit(pilot, PREAMBLE[0])
            await submit(pilot, "不知道")
            assert len(app.workbook.answers.waiting) == 2
            await quit_from_quiz(pilot)
        # Two answers tried once each as they were given (the second with the first
        # before it), then once more on leaving: and only once, though the app saves on
        # quitting and again on unmounting.
        assert calls[0] == 1 + 1 + 1
        [kept] = unsaved_files(store)
        rows = json.loads(kept.read_text("utf-8"))
        assert [row["typed"] for row in rows] == [PREAMBLE[0], "不知道"]
        assert app.workbook.answers.file == kept and app.workbook.answers.filed == 2
        assert app.workbook.answers.waiting == []
        assert store.reviews(app.workbook.document_id()) == []

    async def test_an_answer_written_to_the_file_is_not_stored_as_well(self, open_app, store, refuse, clock) -> None:
        refuse(2)  # the answer, then the first try on leaving; a later try would succeed
        app = open_app()
        async with app.run_test(size=SIZE) as pilot:
            await quiz_open(pilot)
            await submit(pilot, PREAMBLE[0])
            await quit_from_quiz(pilot)
        [kept] = unsaved_files(store)
        assert [row["typed"] for row in json.loads(kept.read_text("utf-8"))] == [PREAMBLE[0]]
        assert app.workbook.answers.filed == 1
        assert store.reviews(app.workbook.document_id()) == []
