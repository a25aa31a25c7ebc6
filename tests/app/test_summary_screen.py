"""SummaryScreen: counts, time, the phrases missed, the next section; Enter goes on, Esc goes back."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.console import Console
from rich.text import Text
from textual.app import App
from textual.widgets import Static

import tui
from tui.core.model import Card, Phrase
from tui.core.session import Blank, Summary
from tui.core.wrap import CLOSING
from tui.i18n import set_language
from tui.screens.summary_screen import SummaryScreen

from .conftest import resize

UNSET = object()


def blank(index: int, text: str) -> Blank:
    return Blank(index, Card(f"s :: {text} #1", "s", Phrase(0, 0, len(text), text, "quote"), 1))


class Host(App[None]):
    """Shows one summary, styled as the app styles it, and keeps what it was dismissed with."""

    CSS_PATH = str(Path(tui.__file__).parent / "study.tcss")

    def __init__(
        self, summary: Summary, following: tuple[str, str] | None, language: str = "zh", *, to_library: bool = False
    ) -> None:
        set_language(language)
        super().__init__()
        self.summary = summary
        self.following = following
        self.to_library = to_library
        self.result: object = UNSET

    def on_mount(self) -> None:
        self.push_screen(SummaryScreen(self.summary, self.following, to_library=self.to_library), self._done)

    def _done(self, value: str | None) -> None:
        self.result = value


def shown(screen: SummaryScreen) -> dict[str, str]:
    """The text of each part of the dialog, by id, with runs of spaces made single."""
    parts = {}
    for static in screen.query(Static):
        content = static.content
        if isinstance(content, Text):
            text = content.plain
        elif isinstance(content, str):
            text = content
        else:
            console = Console(width=60, file=io.StringIO(), record=True)
            console.print(content)
            text = console.export_text()
        parts[static.id or ""] = " ".join(text.split())
    return parts


SUMMARY = Summary(right=5, near=1, wrong=2, revealed=1, pending=0, seconds=125.4,
                  missed=[blank(2, "观察党群干群关系"), blank(5, "规划收官期"), blank(8, "牛鼻子")])
FOLLOWING = ("2.1", "(一)把握核心要义,校准政治方向")


async def test_counts_time_missed_phrases_and_what_comes_next() -> None:
    app = Host(SUMMARY, FOLLOWING)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SummaryScreen)
        parts = shown(screen)
        assert parts["summary-title"] == "本轮小结"
        assert parts["summary-counts"] == "正确 5 差一点 1 不对 2 看了答案 1 未答 0 用时 2:05"
        assert parts["summary-missed"] == "要再看的： 观察党群干群关系 规划收官期 牛鼻子"
        assert parts["summary-next"] == "回车：接着测验 (一)把握核心要义,校准政治方向；Esc：回到阅读"


async def test_in_english() -> None:
    app = Host(SUMMARY, FOLLOWING, language="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        parts = shown(app.screen)  # type: ignore[arg-type]
        assert parts["summary-counts"] == "Right 5 Nearly 1 Wrong 2 Shown 1 Not answered 0 Time 2:05"
        assert parts["summary-next"].startswith("Enter: quiz (一)把握核心要义,校准政治方向 next")


@pytest.mark.parametrize(("seconds", "clock"), [(0.2, "0:00"), (59.6, "1:00"), (3600.0, "60:00")])
async def test_time_is_minutes_and_seconds(seconds: float, clock: str) -> None:
    app = Host(Summary(1, 0, 0, 0, 0, seconds), None)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert shown(app.screen)["summary-counts"].endswith(f"用时 {clock}")  # type: ignore[arg-type]


async def test_nothing_missed_and_nothing_next() -> None:
    app = Host(Summary(right=3, near=0, wrong=0, revealed=0, pending=1, seconds=9.0), None)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        parts = shown(app.screen)  # type: ignore[arg-type]
        assert "summary-missed" not in parts
        assert parts["summary-next"] == "回车或 Esc：回到阅读"
        assert "未答 1" in parts["summary-counts"]
        await pilot.press("enter")
        await pilot.pause()
        assert app.result is None
        assert not isinstance(app.screen, SummaryScreen)


@pytest.mark.parametrize(("language", "line"), [("zh", "回车或 Esc：回到书库"), ("en", "Enter or Esc: back to the library")])
async def test_a_review_opened_from_the_library_goes_back_to_it(language: str, line: str) -> None:
    app = Host(Summary(right=3, near=0, wrong=0, revealed=0, pending=0, seconds=9.0), None, language, to_library=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert shown(app.screen)["summary-next"] == line  # type: ignore[arg-type]
        await pilot.press("escape")
        await pilot.pause()
        assert app.result is None


async def test_enter_goes_on_to_the_next_section() -> None:
    app = Host(SUMMARY, FOLLOWING)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert app.result == "2.1"


async def test_escape_goes_back_to_reading() -> None:
    app = Host(SUMMARY, FOLLOWING)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("escape")
        await pilot.pause()
        assert app.result is None


async def test_the_dialog_fits_a_small_terminal() -> None:
    app = Host(SUMMARY, FOLLOWING)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        dialog = app.screen.query_one("#summary-dialog")
        assert dialog.region.right <= 60 and dialog.region.bottom <= 20
        assert dialog.region.x >= 0 and dialog.region.y >= 0


async def test_missed_phrases_one_per_line_as_they_hold_commas_of_their_own() -> None:
    # 、 inside a phrase (抓常、抓细、抓长) would be lost among the 、 between phrases.
    missed = [blank(0, "必须抓常、抓细、抓长"), blank(1, "规划收官期"), blank(2, "松口气、歇歇脚")]
    app = Host(Summary(0, 0, 0, 3, 0, 7.0, missed), FOLLOWING)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.pause()
        lines = app.screen.query_one("#summary-missed", Static).content.plain.split("\n")
        assert lines == ["要再看的：", "  必须抓常、抓细、抓长", "  规划收官期", "  松口气、歇歇脚"]


async def test_a_long_list_of_missed_phrases_wraps_the_chinese_way() -> None:
    missed = [blank(n, text) for n, text in enumerate(
        ["习近平关于加强党的作风建设论述摘编", "党的作风是党的形象", "观察党群干群关系", "人心向背的晴雨表", "十四五",
         "规划收官期", "乡村振兴深化期", "产业转型突破期", "牛鼻子"]
    )]
    app = Host(Summary(0, 0, 0, 9, 0, 7.0, missed), FOLLOWING)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.pause()
        widget = app.screen.query_one("#summary-missed", Static)
        lines = widget.content.plain.split("\n")
        assert lines == ["要再看的："] + ["  " + b.answer for b in missed]
        assert all(cell_len(line) <= widget.content_region.width for line in lines)
        await resize(pilot, 30, 40)  # narrower than the longest phrase: it wraps, indented
        await pilot.pause()
        widget = app.screen.query_one("#summary-missed", Static)
        narrow = widget.content.plain.split("\n")
        assert len(narrow) > len(lines)
        assert all(line.startswith("  ") and line[2] not in CLOSING for line in narrow[1:])
        assert all(cell_len(line) <= widget.content_region.width for line in narrow)
        assert "".join(line.strip() for line in narrow[1:]) == "".join(b.answer for b in missed)


async def test_a_long_list_of_missed_phrases_scrolls_in_a_small_terminal() -> None:
    missed = [blank(n, f"第{n}个要点") for n in range(40)]
    app = Host(Summary(0, 0, 0, 40, 0, 7.0, missed), FOLLOWING)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        dialog = app.screen.query_one("#summary-dialog")
        assert dialog.region.bottom <= 20
        assert dialog.max_scroll_y > 0  # the rest is a scroll away, not cut off
