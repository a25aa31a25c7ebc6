"""LibraryScreen and the app around it: rows from the store, Enter opens, o opens a path, x forgets, r reviews all."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.pilot import Pilot
from textual.widgets import Input, Static

from tui.app import StudyApp
from tui.bindings import help_sections
from tui.core import quiz
from tui.core.framework import is_frame_card
from tui.core.loader import content_hash
from tui.core.records import Answer
from tui.core.store import Store
from tui.core.workbook import Workbook
from tui.i18n import set_language, t
from tui.reading import STDIN_NAME
from tui.screens.confirm_screen import ConfirmScreen
from tui.screens.library_screen import LibraryScreen
from tui.screens.open_path_screen import OpenPathScreen, complete_path
from tui.screens.reader_screen import ReaderScreen
from tui.screens.review_screen import ReviewScreen
from tui.screens.summary_screen import SummaryScreen
from tui.widgets.blank_text import BlankText
from tui.widgets.key_bar import KeyBar
from tui.widgets.library_table import LibraryTable

from .conftest import resize, until, until_ready
from .on_screen import screen_rows

ROOT = Path(__file__).resolve().parents[2]
SPEECH = ROOT / "data" / "zuofeng-speech.txt"
SIZE = (110, 30)
FIRST = """第一份笔记

一、总体要求
我们要坚持“两个确立”，做到“两个维护”，增强“四个意识”，坚定“四个自信”。
二、重点任务
坚决反对“四风”，牢记“作风建设永远在路上”，把“严”的主基调长期坚持下去。
"""
SECOND = """第二份笔记

一、理论学习
全体党员要把“学思想、强党性、重实践、建新功”作为主线，原原本本读原著，认认真真学原文，深入领会“以人民为中心”的发展思想。
二、推动落实
各级组织要推动“全面从严治党”向纵深发展，坚持“严管就是厚爱”，把“三会一课”制度落到实处，做到常抓不懈。
"""


def studied(store: Store, path: Path, text: str, due: int = 0) -> Workbook:
    """A document opened once, and `due` of its cards answered long ago, so that they are due now."""
    path.write_text(text, encoding="utf-8")
    workbook = Workbook(path, text, store)
    workbook.open()
    workbook.use_phrases(workbook.find_phrases())
    long_ago = datetime.now(timezone.utc) - timedelta(days=40)
    for card in workbook.cards[:due]:
        store.record_review(workbook.document_id(), Answer(card.key, "", quiz.GOOD, outcome="right", time=long_ago))
    return workbook


@pytest.fixture
def documents(store: Store, tmp_path: Path) -> tuple[Workbook, Workbook]:
    second = studied(store, tmp_path / "second.txt", SECOND, due=1)
    first = studied(store, tmp_path / "first.txt", FIRST, due=2)  # opened last: listed first
    return first, second


def library_app(store: Store, language: str = "zh") -> StudyApp:
    set_language(language)
    return StudyApp(store=store, always=[SPEECH])


def rows(app: StudyApp) -> list[list[str]]:
    table = app.screen.query_one(LibraryTable)
    return [table.plain_row(index) for index in range(len(table.rows))]


async def library_shown(pilot: Pilot) -> LibraryScreen:
    await until(pilot, lambda: isinstance(pilot.app.screen, LibraryScreen), "the library")
    return pilot.app.screen  # type: ignore[return-value]


class TestRows:
    async def test_each_document_with_its_figures_and_the_bundled_speech(self, store, documents) -> None:
        first, second = documents
        app = library_app(store)
        async with app.run_test(size=SIZE) as pilot:
            screen = await library_shown(pilot)
            shown = rows(app)
            assert [row[0] for row in shown] == ["第一份笔记", "第二份笔记", "zuofeng-speech.txt"]
            title, state, sections, cards, due, mastery, opened, path = shown[0]
            assert (sections, cards, due) == (str(len(list(first.opened.walk()))), str(len(first.all_cards)), "2")
            assert mastery.endswith("%") and opened.startswith("今天")
            assert path.endswith("first.txt")
            assert shown[1][4] == "1"
            assert shown[2][2:5] == ["-", "-", "0"] and shown[2][6] == "未打开"
            assert screen.query_one("#library-title").content == "书库：3 份文档"

    async def test_a_moved_file_and_a_changed_one_are_marked(self, store, documents, tmp_path) -> None:
        (tmp_path / "first.txt").rename(tmp_path / "moved.txt")
        (tmp_path / "second.txt").write_text(SECOND + "三、补充\n新的一段话。\n", encoding="utf-8")
        app = library_app(store)
        notices: list[str] = []
        app.notify = lambda message, **_: notices.append(message)  # type: ignore[method-assign]
        async with app.run_test(size=SIZE) as pilot:
            await library_shown(pilot)
            assert rows(app)[0][1] == "不见了"
            assert rows(app)[0][3] != "–"  # its progress is kept
            await until(pilot, lambda: rows(app)[1][1] == "已改动", "the changed file marked")
            assert rows(app)[2][1] == ""
            await pilot.press("enter")  # a missing file cannot be opened: it says so, and what to do
            await pilot.pause()
            assert isinstance(app.screen, LibraryScreen)
            assert notices[-1].startswith("《第一份笔记》的文件不见了：")
            assert notices[-1].endswith("进度仍保存着：按 o 从文件现在的位置打开它，进度随内容找回")

    async def test_english(self, store, documents) -> None:
        app = library_app(store, "en")
        async with app.run_test(size=SIZE) as pilot:
            screen = await library_shown(pilot)
            assert rows(app)[2][6] == "never"
            assert screen.query_one("#library-title").content == "Library: 3 documents"

    async def test_one_document_is_one_not_ones(self, store) -> None:
        app = library_app(store, "en")  # only the bundled speech
        async with app.run_test(size=SIZE) as pilot:
            screen = await library_shown(pilot)
            await until(pilot, lambda: rows(app), "its row")
            assert screen.query_one("#library-title").content == "Library: 1 document"


LONG_TITLE = """坚持以人民为中心的发展思想不断实现人民对美好生活的向往扎实推进共同富裕的学习笔记

一、总体要求
我们要坚持“两个确立”，做到“两个维护”，增强“四个意识”，坚定“四个自信”。
"""


class TestColumnsFit:
    """A long title is cut so that the path shows its end in a useful width: every column in view."""

    @pytest.mark.parametrize(
        ("size", "language", "path_cells"),
        [((80, 24), "zh", 20), ((100, 30), "zh", 20), ((100, 30), "en", 20), ((80, 24), "en", 15)],
    )
    async def test_the_path_has_room_beside_a_long_title(
        self, store, tmp_path, size: tuple[int, int], language: str, path_cells: int
    ) -> None:
        folder = tmp_path / "a-folder-with-a-rather-long-name" / "and-another-inside-it"
        folder.mkdir(parents=True)
        studied(store, folder / "long-title.txt", LONG_TITLE, due=1)
        app = library_app(store, language)
        async with app.run_test(size=size) as pilot:
            await library_shown(pilot)
            await until(pilot, lambda: rows(app), "its rows")
            await pilot.pause()
            table = app.screen.query_one(LibraryTable)
            header, line, speech = screen_rows(table)[:3]
            assert header.rstrip().endswith(t("library_column_path"))
            assert line.startswith("坚持以人") and "…" in line.split()[0]  # the title, cut
            assert line.rstrip().endswith("long-title.txt")  # the path's end, the file's name
            path = line.rstrip().split()[-1]
            assert path.startswith("…") and cell_len(path) >= path_cells
            assert speech.rstrip().endswith("speech.txt")
            assert t("library_never") in speech  # the column before the path, whole


class TestOpening:
    async def test_enter_opens_the_reader_and_q_comes_back_with_the_position_saved(self, store, documents) -> None:
        first, _ = documents
        app = library_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await library_shown(pilot)
            await pilot.press("enter")
            await until(pilot, lambda: isinstance(app.screen, ReaderScreen), "the reader")
            await until_ready(app, pilot)
            assert app.workbook.path == first.path
            assert app.title.startswith("第一份笔记")
            await pilot.press("]")
            await pilot.pause()
            await pilot.press("q")
            screen = await library_shown(pilot)
            assert app.is_running and app.title == "study"
            assert store.position(first.document_id()) is not None
            assert [type(s) for s in app.screen_stack] == [LibraryScreen]
            assert screen.query_one(LibraryTable).has_focus

    async def test_escape_in_the_reader_comes_back_too(self, store, documents) -> None:
        app = library_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await library_shown(pilot)
            await pilot.press("down", "enter")
            await until(pilot, lambda: isinstance(app.screen, ReaderScreen), "the reader")
            await until_ready(app, pilot)
            assert app.workbook.path.name == "second.txt"
            await pilot.press("escape")
            await library_shown(pilot)

    async def test_s_shows_the_chosen_documents_stats_over_its_reader(self, store, documents) -> None:
        from tui.screens.stats_screen import StatsScreen

        first, _ = documents
        app = library_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await library_shown(pilot)
            await pilot.press("s")
            await until(pilot, lambda: isinstance(app.screen, StatsScreen), "the stats screen")
            assert app.workbook.path == first.path
            assert app.screen.report.stats.totals.reviews == 2  # the two answers of `studied`
            await pilot.press("escape")
            await until(pilot, lambda: isinstance(app.screen, ReaderScreen), "its reader")
            await pilot.press("q")
            await library_shown(pilot)

    async def test_q_in_the_library_quits(self, store, documents) -> None:
        app = library_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await library_shown(pilot)
            await pilot.press("q")
            await pilot.pause()
            assert not app.is_running

    async def test_o_opens_a_file_by_its_path(self, store, documents, tmp_path) -> None:
        third = tmp_path / "third.txt"
        third.write_text(SECOND.replace("第二份", "第三份"), encoding="utf-8")
        app = library_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await library_shown(pilot)
            await pilot.press("o")
            await until(pilot, lambda: isinstance(app.screen, OpenPathScreen), "the path dialog")
            field = app.screen.query_one(Input)
            field.value = str(tmp_path / "nothing.txt")
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, OpenPathScreen)  # no such file: it says so and stays
            assert "没有这个文件" in str(app.screen.query_one("#open-path-message").content)
            field.value = str(third)
            await pilot.press("enter")
            await until(pilot, lambda: isinstance(app.screen, ReaderScreen), "the reader")
            await until_ready(app, pilot)
            assert app.workbook.path == third
            await pilot.press("q")
            await library_shown(pilot)
            assert rows(app)[0][0] == "第三份笔记"  # now in the library, the last opened

    async def test_a_file_that_cannot_be_read_says_so_and_stays_in_the_library(self, store, tmp_path) -> None:
        empty = tmp_path / "empty.txt"
        empty.write_text("", encoding="utf-8")
        app = library_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await library_shown(pilot)
            app.post_message(LibraryScreen.Open(empty))
            await until(pilot, lambda: isinstance(app.screen, LibraryScreen) and app._workbook is None, "back")
            assert app.is_running and app.failure is None


class TestPipedIn:
    async def test_a_document_piped_in_says_so_and_how_to_open_it_again(self, store, tmp_path, monkeypatch) -> None:
        monkeypatch.chdir(tmp_path)  # where a piped document was filed from
        path = Path(STDIN_NAME, content_hash(FIRST)[:16], STDIN_NAME)
        workbook = Workbook(path, FIRST, store)
        workbook.open()
        workbook.use_phrases(workbook.find_phrases())
        long_ago = datetime.now(timezone.utc) - timedelta(days=40)
        store.record_review(workbook.document_id(), Answer(workbook.cards[0].key, "", quiz.GOOD, outcome="right", time=long_ago))
        app = library_app(store)
        notices: list[str] = []
        app.notify = lambda message, **_: notices.append(message)  # type: ignore[method-assign]
        async with app.run_test(size=SIZE) as pilot:
            await library_shown(pilot)
            row = rows(app)[0]
            assert (row[0], row[1], row[-1]) == ("第一份笔记", "管道传入", "（标准输入）")  # not a file gone missing
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, LibraryScreen)
            assert notices[-1].startswith("《第一份笔记》是从标准输入传入的，没有文件可打开：再用管道传入一次")
            await pilot.press("r")
            await until(pilot, lambda: len(notices) >= 3, "the review's notices")
            assert "《第一份笔记》是从标准输入传入的：跳过它的 1 张到期卡片" in notices


class TestForgetting:
    async def test_x_asks_then_forgets_into_the_backup(self, store, documents) -> None:
        first, _ = documents
        app = library_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await library_shown(pilot)
            await pilot.press("x")
            await until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
            question = str(app.screen.query_one("#confirm-question").content)
            assert "《第一份笔记》（" in question and "first.txt）移出书库" in question  # its file: titles repeat
            await pilot.press("n")
            await library_shown(pilot)
            assert len(rows(app)) == 3
            await pilot.press("x")
            await until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
            await pilot.press("y")
            await library_shown(pilot)
            assert [row[0] for row in rows(app)] == ["第二份笔记", "zuofeng-speech.txt"]
            [forgotten] = store.forgotten()
            assert forgotten.document_id == first.document_id()

    async def test_the_speech_never_opened_has_nothing_to_forget(self, store) -> None:
        app = library_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await library_shown(pilot)
            await pilot.press("x")
            await pilot.pause()
            assert isinstance(app.screen, LibraryScreen)


class TestReviewAcross:
    async def test_r_reviews_the_due_cards_of_every_document(self, store, documents) -> None:
        first, second = documents
        app = library_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await library_shown(pilot)
            await pilot.press("r")
            await until(pilot, lambda: isinstance(app.screen, ReviewScreen), "the review")
            screen = app.screen
            assert isinstance(screen, ReviewScreen)
            assert [item.workbook.path.name for item in screen.items] == ["first.txt", "first.txt", "second.txt"]
            assert str(screen.query_one("#drill-title").content) == "复习：全部文档"
            caption = next(line for line in screen.query_one(BlankText).plain_lines if line)
            assert caption.startswith("第一份笔记 › 一、")
            before = len(store.reviews(second.document_id()))
            for _ in range(3):
                screen.answer_bar.input.value = ""
                await pilot.press("enter")  # show the answer: rated Again, stored at once
                await pilot.pause()
                await pilot.press("enter")
                await pilot.pause()
            assert len(store.reviews(second.document_id())) == before + 1
            assert len(store.reviews(first.document_id())) == 4
            await until(pilot, lambda: screen.session.done, "every card answered")
            await until(pilot, lambda: isinstance(app.screen, SummaryScreen), "the summary")
            # Enter or Esc there goes back to the library, and says so.
            assert str(app.screen.query_one("#summary-next", Static).content) == "回车或 Esc：回到书库"
            await pilot.press("enter")
            await pilot.pause()
            await pilot.press("escape")
            library = await library_shown(pilot)
            # Back in the library, its figures as the answers left them.
            await until(pilot, lambda: rows(app)[0][4] == "0", "the due counts refreshed")
            assert str(library.query_one("#library-status").content) == "现在没有到期的卡片"

    async def test_a_top_level_heading_card_names_its_document_once(self, store, tmp_path) -> None:
        workbook = studied(store, tmp_path / "first.txt", FIRST)
        heading = next(card for card in workbook.all_cards if is_frame_card(card) and card.section_id == "1")
        long_ago = datetime.now(timezone.utc) - timedelta(days=40)
        store.record_review(workbook.document_id(), Answer(heading.key, "", quiz.GOOD, outcome="right", time=long_ago))
        app = library_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await library_shown(pilot)
            await pilot.press("r")
            await until(pilot, lambda: isinstance(app.screen, ReviewScreen), "the review")
            caption = next(line for line in app.screen.query_one(BlankText).plain_lines if line)
            assert caption.strip() == "第一份笔记"  # its path is the document alone, said once

    async def test_nothing_due_says_so(self, store, tmp_path) -> None:
        studied(store, tmp_path / "first.txt", FIRST, due=0)
        app = library_app(store)
        notices: list[str] = []
        shown = app.notify
        app.notify = lambda message, *a, **k: (notices.append(message), shown(message, *a, **k))  # type: ignore[method-assign]
        async with app.run_test(size=SIZE) as pilot:
            await library_shown(pilot)
            await pilot.press("r")
            await until(pilot, lambda: t("review_nothing_due") in notices, "the notice")
            assert isinstance(app.screen, LibraryScreen)

    async def test_study_review_opens_it_straight_away(self, store, documents) -> None:
        set_language("zh")
        app = StudyApp(store=store, always=[SPEECH], start="review")
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: isinstance(app.screen, ReviewScreen), "the review")
            assert [type(s) for s in app.screen_stack] == [LibraryScreen, ReviewScreen]


class TestKeys:
    async def test_the_help_palette_and_key_bar_name_the_librarys_keys(self, store, documents) -> None:
        app = library_app(store)
        async with app.run_test(size=SIZE) as pilot:
            screen = await library_shown(pilot)
            sections = dict(help_sections(screen))
            library = [row.description for row in sections["help_library"]]
            assert library == [
                t("key_open_document"), t("key_open_path"), t("key_review_across"), t("key_stats"), t("key_forget")
            ]
            commands = {str(command.title) for command in app.get_system_commands(screen)}
            assert {t("key_open_path"), t("key_forget"), t("key_review_across"), t("key_stats"), t("key_quit")} <= commands

    async def test_in_a_document_opened_there_q_says_it_goes_back(self, store, documents) -> None:
        app = library_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await library_shown(pilot)
            await pilot.press("enter")
            await until(pilot, lambda: isinstance(app.screen, ReaderScreen), "the reader")
            await until_ready(app, pilot)
            rows_of_help = [row for _, section in help_sections(app.screen) for row in section]
            quit_rows = [row.description for row in rows_of_help if row.keys[0].key == "q"]
            assert quit_rows == ["回书库"]
            commands = {str(command.title) for command in app.get_system_commands(app.screen)}
            assert "回书库" in commands and t("key_quit") not in commands
            assert "回书库" in str(app.screen.query_one(KeyBar).render())
            # The way back stays in the key bar however narrow, first, as the app's quit does.
            await resize(pilot, 80, 24)
            assert str(app.screen.query_one(KeyBar).render()).startswith(" q 回书库 ")


def test_path_completion(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    (tmp_path / "nested").mkdir()
    (tmp_path / ".hidden").write_text("x", encoding="utf-8")
    assert complete_path(str(tmp_path / "no")) == str(tmp_path / "notes.txt")
    assert complete_path(str(tmp_path / "ne")) == str(tmp_path / "nested") + "/"
    assert complete_path(str(tmp_path / "notes.txt")) is None
    assert complete_path(str(tmp_path / "zz")) is None
    assert complete_path(str(tmp_path) + "/.h") == str(tmp_path / ".hidden")
