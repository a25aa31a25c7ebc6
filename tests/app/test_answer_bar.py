"""AnswerBar: a real Input that posts each answer, and the feedback line with its Anki-style diff."""

from __future__ import annotations

import pytest
from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input

from tui.core.quiz import AGAIN, GOOD, HARD, check
from tui.core.session import BlankState
from tui.i18n import set_language
from tui.widgets.answer_bar import AnswerBar
from tui.widgets.answer_input import shorten

SIZE = (100, 12)


class Asking(Screen[None]):
    """A screen with an answer bar whose Enter, Tab and Ctrl+T are the screen's bindings, as in a quiz."""

    BINDINGS = [
        Binding("enter", "answer", "Answer"),
        Binding("tab", "next", "Next"),
        Binding("ctrl+t", "hint", "Hint"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.answers: list[str] = []
        self.done: list[str] = []  # what each bound key did, in order

    def compose(self) -> ComposeResult:
        yield AnswerBar()

    def on_mount(self) -> None:
        self.query_one(AnswerBar).prompt(1)

    def action_answer(self) -> None:
        text = self.query_one(AnswerBar).input.take()
        self.answers.append(text)
        self.done.append(f"answer {text}")

    def action_next(self) -> None:
        self.done.append(f"next {self.query_one(AnswerBar).input.value}")

    def action_hint(self) -> None:
        self.query_one(AnswerBar).input.put("两个")
        self.done.append("hint")


class Host(App[None]):
    def __init__(self, language: str = "zh") -> None:
        set_language(language)
        super().__init__()
        self.asking = Asking()

    def get_default_screen(self) -> Screen[None]:
        return self.asking


def burst(app: App[None], keys: list[str]) -> None:
    """Keys queued all at once, as a terminal hands over a burst, with no pause between."""
    for key in keys:
        event = events.Key(key, key if len(key) == 1 else None)
        event.set_sender(app)
        app._driver.send_message(event)  # type: ignore[union-attr]


def graded(typed: str, expected: str, rating: int, status: str | None = None) -> BlankState:
    verdict = check(typed, expected)
    outcome = status or ("revealed" if verdict.outcome == "empty" else verdict.outcome)
    return BlankState(status=outcome, typed=typed, verdict=verdict, rating=rating)  # type: ignore[arg-type]


def parts(bar: AnswerBar, text: Text) -> list[tuple[str, str]]:
    """(tag, text) of the feedback spans drawn in a diff style; extra is drawn as wrong."""
    styles = {tag: bar.get_component_rich_style(f"answer-bar--{tag}") for tag in ("same", "wrong", "missing")}
    found = []
    for span in text.spans:
        for tag, style in styles.items():
            if span.style == style:
                found.append((tag, text.plain[span.start : span.end]))
                break
    return found


def feedback(bar: AnswerBar) -> Text:
    content = bar.feedback.content
    assert isinstance(content, Text)
    return content


class TestInput:
    async def test_enter_hands_the_answer_over_and_clears_the_input(self) -> None:
        messages: list[Message] = []
        app = Host()
        async with app.run_test(size=SIZE, message_hook=messages.append) as pilot:
            bar = app.query_one(AnswerBar)
            assert app.focused is bar.input
            for char in "两个确立":
                await pilot.press(char)
            assert bar.input.value == "两个确立"
            await pilot.press("enter")
            await pilot.pause()
            assert bar.input.value == ""
            await pilot.press("enter")  # empty: still an answer (it reveals the blank)
            await pilot.pause()
            assert app.asking.answers == ["两个确立", ""]
            # Emptying the input after Enter is not an edit: no Changed says "" (a screen
            # would take it for a rating digit deleted).
            changed = {id(m): m.value for m in messages if isinstance(m, Input.Changed)}
            assert list(changed.values()) == ["两", "两个", "两个确", "两个确立"]

    async def test_bound_keys_act_in_the_order_typed_however_fast(self) -> None:
        app = Host()
        async with app.run_test(size=SIZE) as pilot:
            bar = app.query_one(AnswerBar)
            burst(app, [*"两个", "backspace", *"个确立", "enter", *"四个", "tab", "ctrl+t", *"维护", "enter", *"八"])
            await pilot.pause()
            await pilot.pause()
            assert app.asking.done == ["answer 两个确立", "next 四个", "hint", "answer 两个维护"]
            assert bar.input.value == "八"

    async def test_the_placeholder_says_what_to_answer(self) -> None:
        app = Host()
        async with app.run_test(size=SIZE) as pilot:
            bar = app.query_one(AnswerBar)
            assert bar.input.placeholder == "第 1 空：输入答案后回车（直接回车显示答案）"
            bar.prompt(12)
            assert bar.input.placeholder.startswith("第 12 空")
            bar.prompt(3, "right")
            assert bar.input.placeholder == "第 3 空 正确"
            bar.prompt(None)
            assert bar.input.placeholder == "都答完了：回车看小结"
            await pilot.pause()

    async def test_english(self) -> None:
        app = Host(language="en")
        async with app.run_test(size=SIZE) as pilot:
            bar = app.query_one(AnswerBar)
            assert bar.input.placeholder == "Blank 1: type the answer and press Enter (Enter alone shows it)"
            bar.show_verdict(1, "two upholds", graded("two uphold", "two upholds", HARD))
            assert feedback(bar).plain.startswith("Blank 1: nearly  you typed: two uphold  answer: two upholds")
            assert feedback(bar).plain.endswith("rating: Hard (1–4 to change)")
            await pilot.pause()

    async def test_the_input_is_the_focused_real_input(self) -> None:
        # An input method puts its candidate window at the cursor of the focused Input.
        app = Host()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("x")
            assert isinstance(app.focused, Input) and app.focused.value == "x"
            assert app.focused.region.y >= app.query_one(AnswerBar).feedback.region.bottom


class TestShorten:
    @pytest.mark.parametrize(
        ("text", "width", "short"),
        [
            ("Blank 12", 20, "Blank 12"),
            ("All answered: press Enter", 16, "All answered:…"),
            ("All answered: press Enter", 18, "All answered:…"),
            ("All answered: press Enter", 21, "All answered: press…"),
            ("都答完了：回车看小结", 9, "都答完了…"),
            ("都答完了：回车看小结", 10, "都答完了…"),
        ],
    )
    def test_cut_after_a_whole_word(self, text: str, width: int, short: str) -> None:
        assert shorten(text, width) == short
        assert cell_len(short) <= width


class TestVerdict:
    async def test_right_says_so_with_the_rating(self) -> None:
        app = Host()
        async with app.run_test(size=SIZE):
            bar = app.query_one(AnswerBar)
            bar.show_verdict(4, "两个确立", graded("两个确立", "两个确立", GOOD))
            text = feedback(bar)
            assert text.plain == "第 4 空 正确   评分：良好（按 1–4 修改）"
            assert text.spans[0].style == bar.get_component_rich_style("answer-bar--right")
            assert parts(bar, text) == []

    async def test_wrong_shows_typed_and_expected_with_a_diff(self) -> None:
        app = Host()
        async with app.run_test(size=SIZE):
            bar = app.query_one(AnswerBar)
            bar.show_verdict(3, "观察党群干群关系", graded("观察党众干群关", "观察党群干群关系", AGAIN))
            text = feedback(bar)
            assert text.plain == "第 3 空 不对  你答： 观察党众干群关  答案： 观察党群干群关系   评分：重来（按 1–4 修改）"
            assert parts(bar, text) == [
                ("same", "观察党"), ("wrong", "众"), ("same", "干群关"),
                ("same", "观察党"), ("missing", "群"), ("same", "干群关"), ("missing", "系"),
            ]
            assert text.spans[0].style == bar.get_component_rich_style("answer-bar--wrong-outcome")

    async def test_typed_characters_that_do_not_belong_are_struck_out(self) -> None:
        app = Host()
        async with app.run_test(size=SIZE):
            bar = app.query_one(AnswerBar)
            bar.show_verdict(1, "零容忍", graded("零容忍度", "零容忍", AGAIN, status="wrong"))
            text = feedback(bar)
            assert parts(bar, text)[:2] == [("same", "零容忍"), ("wrong", "度")]
            assert bar.get_component_rich_style("answer-bar--extra").strike

    async def test_the_three_diff_styles_differ(self) -> None:
        app = Host()
        async with app.run_test(size=SIZE):
            bar = app.query_one(AnswerBar)
            same, wrong, missing = (bar.get_component_rich_style(f"answer-bar--{t}") for t in ("same", "wrong", "missing"))
            assert len({same, wrong, missing}) == 3
            assert same.color != wrong.color and wrong.color != missing.color
            assert wrong.strike and not same.strike and missing.underline

    async def test_near_miss(self) -> None:
        app = Host()
        async with app.run_test(size=SIZE):
            bar = app.query_one(AnswerBar)
            bar.show_verdict(2, "党的作风是党的形象", graded("党的作风是党的形相", "党的作风是党的形象", HARD))
            text = feedback(bar)
            assert text.plain.startswith("第 2 空 差一点  你答： 党的作风是党的形相  答案： 党的作风是党的形象")
            assert ("wrong", "相") in parts(bar, text) and ("missing", "象") in parts(bar, text)

    async def test_revealed_shows_the_answer(self) -> None:
        app = Host()
        async with app.run_test(size=SIZE):
            bar = app.query_one(AnswerBar)
            bar.show_verdict(7, "乡村振兴深化期", graded("", "乡村振兴深化期", AGAIN))
            text = feedback(bar)
            assert text.plain == "第 7 空 已显示  答案： 乡村振兴深化期   评分：重来（按 1–4 修改）"
            assert parts(bar, text) == [("missing", "乡村振兴深化期")]

    async def test_feedback_wider_than_the_screen_wraps_instead_of_being_cut(self) -> None:
        app = Host()
        async with app.run_test(size=(40, 12)) as pilot:
            bar = app.query_one(AnswerBar)
            bar.show_verdict(3, "观察党群干群关系", graded("观察党众干群关", "观察党群干群关系", AGAIN))
            await pilot.pause()
            assert bar.feedback.region.height >= 3
            assert bar.feedback.region.right <= 40
