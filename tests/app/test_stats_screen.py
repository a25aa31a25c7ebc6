"""Tests for tui/screens/stats_screen.py and the reader's count of cards due today: Pilot, in both languages."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from tui.app import StudyApp
from tui.bindings import commands, help_sections
from tui.core import quiz
from tui.core.records import Answer
from tui.core.report import study_report
from tui.core.store import Store
from tui.i18n import t
from tui.screens.reader_screen import ReaderScreen
from tui.screens.stats_screen import StatsScreen, duration, mastery_bar
from tui.widgets.key_bar import KeyBar

from .conftest import SPEECH, resize, study_app, until, until_ready
from .on_screen import screen_rows

SIZE = (100, 30)


def status(app: StudyApp) -> str:
    return str(app.reader.query_one("#status", Static).render())


def answer(app: StudyApp, store: Store, section_id: str, count: int, when: datetime, rating: int = quiz.GOOD,
           seconds: float = 10.0) -> None:
    """Answers to the first `count` cards of a section, stored as the quiz would at `when`."""
    workbook = app.workbook
    key = workbook.opened.section_keys()[section_id]
    for card in [card for card in workbook.cards if card.section_id == section_id][:count]:
        store.record_review(
            workbook.document_id(),
            Answer(card.key, key, rating, outcome="right", duration=seconds, time=when),
        )


async def open_stats(app: StudyApp, pilot: Pilot) -> StatsScreen:
    await pilot.press("s")
    await until(pilot, lambda: isinstance(app.screen, StatsScreen), "the stats screen")
    await pilot.pause()
    assert isinstance(app.screen, StatsScreen)
    return app.screen


def row_text(table: DataTable, key: str) -> list[str]:
    return [str(getattr(cell, "plain", cell)) for cell in table.get_row(key)]


class TestStatsScreen:
    async def test_s_shows_every_section_with_its_figures_and_esc_goes_back(self, store: Store) -> None:
        app = study_app(SPEECH, language="zh", store=store)
        async with app.run_test(size=SIZE) as pilot:
            await until_ready(app, pilot)
            now = datetime.now(timezone.utc)
            answer(app, store, "1", 3, now - timedelta(days=1), seconds=10.0)
            answer(app, store, "2.1", 1, now, rating=quiz.AGAIN, seconds=5.0)
            screen = await open_stats(app, pilot)
            table = screen.query_one(DataTable)
            sections = list(app.workbook.opened.walk())
            assert table.row_count == len(sections) + 1  # every section, then the total
            preamble = row_text(table, "1")
            assert preamble[0] == "开篇"
            assert preamble[1:6] == ["8", "5", "3", "3", "0"]  # cards, new, due, reviews, mastered
            # Three of eight right once: each about 2 days of the 21 that make a card mastered.
            assert preamble[6].startswith("▱" * 10) and 0 < int(preamble[6].split()[-1].rstrip("%")) < 10
            # 二、 has no blanks of its own, only its heading's card: its row is that and its subsections';
            # a subsection is indented.
            parent, first, second = row_text(table, "2"), row_text(table, "2.1"), row_text(table, "2.2")
            assert int(parent[1]) == int(first[1]) + int(second[1]) + 1
            assert parent[4] == first[4] == "1"
            assert first[0].startswith("  (一)") and not parent[0].startswith(" ")
            total = row_text(table, "total")
            assert total[0] == "合计" and total[1] == str(len(app.workbook.all_cards)) and total[4] == "4"
            figures = str(screen.query_one("#stats-figures", Static).render())
            assert t("stats_line_streak", days=2) in figures  # yesterday and today
            assert t("stats_line_time", today="5 秒", total="35 秒") in figures
            assert t("stats_line_accuracy", accuracy="75%") in figures
            # One card failed just now is due later today, not now: the Due column's total is 3.
            assert total[3] == "3" and "今日待复习 4 张（现在到期 3 张）" in figures
            assert t("stats_line_mastered", mastered=0, cards=len(app.workbook.all_cards)) in figures
            # Both charts: the last 30 days and the next 14.
            assert len(screen.query(".stats-chart")) == 2
            await pilot.press("escape")
            await until(pilot, lambda: isinstance(app.screen, ReaderScreen), "back in the reader")

    async def test_in_english_before_any_answer(self, store: Store) -> None:
        app = study_app(SPEECH, language="en", store=store)
        async with app.run_test(size=SIZE) as pilot:
            await until_ready(app, pilot)
            screen = await open_stats(app, pilot)
            table = screen.query_one(DataTable)
            assert row_text(table, "1")[0] == "Opening"
            assert [str(column.label) for column in table.columns.values()] == [
                "Section (with subsections)", "Cards", "New", "Due", "Reviews", "Mastered", "Mastery"
            ]
            figures = str(screen.query_one("#stats-figures", Static).render())
            assert "0 due today" in figures and "Accuracy —" in figures
            assert "Streak: 0 day(s) in a row" in figures and "Time: 0 s today, 0 s in all" in figures

    async def test_opens_from_anywhere_with_a_workbook_and_its_report(self, store: Store) -> None:
        # What another screen does to show it: the workbook and its report, at a moment of its choice.
        app = study_app(SPEECH, language="zh", store=store)
        async with app.run_test(size=SIZE) as pilot:
            await until_ready(app, pilot)
            moment = datetime(2026, 3, 10, 12, 0).astimezone()
            answer(app, store, "1", 2, moment - timedelta(days=40))
            report = study_report(app.workbook, moment)
            await app.push_screen(StatsScreen(app.workbook, report))
            await pilot.pause()
            assert row_text(app.screen.query_one(DataTable), "1")[1:5] == ["8", "6", "2", "2"]
            assert report.stats.reviews_per_day[-1][0] == moment.date()
            assert report.streak == 0

    async def test_the_key_is_in_the_key_bar_the_help_and_the_palette(self, store: Store) -> None:
        app = study_app(SPEECH, language="zh", store=store)
        async with app.run_test(size=SIZE) as pilot:
            await until_ready(app, pilot)
            reader = app.reader
            assert "统计" in reader.query_one(KeyBar).keys_text().plain
            [quiz_rows] = [rows for title, rows in help_sections(reader) if title == "help_quiz"]
            assert any(row.keys[0].id == "stats" for row in quiz_rows)
            assert any(binding.id == "stats" for _, binding in commands(reader))
            assert t("key_stats") in [command.title for command in app.get_system_commands(reader)]

    async def test_before_the_phrases_are_found_it_says_so(self, store: Store) -> None:
        app = study_app(SPEECH, language="zh", store=store)
        async with app.run_test(size=SIZE) as pilot:
            app.workbook.phrases_ready = False
            app.reader.action_stats()
            await pilot.pause()
            assert not isinstance(app.screen, StatsScreen)


    async def test_without_a_database_it_says_so(self) -> None:
        app = study_app(SPEECH, language="en")
        async with app.run_test(size=SIZE) as pilot:
            await until_ready(app, pilot)
            await pilot.press("s")
            await pilot.pause()
            assert not isinstance(app.screen, StatsScreen)
            [notice] = list(app._notifications)
            assert notice.severity == "error" and "study database" in notice.message


LONG_HEADINGS = """长标题的笔记

一、坚持以人民为中心的发展思想，不断实现人民对美好生活的向往，扎实推进共同富裕
我们要坚持“两个确立”，做到“两个维护”，增强“四个意识”，坚定“四个自信”。
（一）全面推进乡村振兴，坚持农业农村优先发展，巩固拓展脱贫攻坚成果，加快建设农业强国
坚决反对“四风”，牢记“作风建设永远在路上”，把“严”的主基调长期坚持下去。
二、推进国家安全体系和能力现代化，坚决维护国家安全和社会稳定，建设更高水平的平安中国
各级组织要推动“全面从严治党”向纵深发展，坚持“严管就是厚爱”，把“三会一课”制度落到实处。
"""


class TestLongHeadings:
    """Headings of thirty and more characters are cut to the room the figures leave: the mastery stays in view."""

    @pytest.mark.parametrize(("size", "language"), [((80, 24), "zh"), ((100, 30), "zh"), ((80, 24), "en")])
    async def test_every_row_shows_its_mastery_without_scrolling(
        self, store: Store, tmp_path: Path, size: tuple[int, int], language: str
    ) -> None:
        path = tmp_path / "long-headings.txt"
        path.write_text(LONG_HEADINGS, encoding="utf-8")
        app = study_app(path, language=language, store=store)
        async with app.run_test(size=size) as pilot:
            await until_ready(app, pilot)
            answer(app, store, "1", 2, datetime.now(timezone.utc) - timedelta(days=30))
            screen = await open_stats(app, pilot)
            table = screen.query_one(DataTable)
            assert table.virtual_size.width <= table.scrollable_content_region.width  # nothing off to the right
            lines = screen_rows(table)
            assert lines[0].rstrip().endswith(t("stats_mastery"))
            keys = [*(section.id for section in app.workbook.opened.walk()), "total"]
            assert len(lines) > len(keys)  # every row in view at this size
            for key, line in zip(keys, lines[1:], strict=False):
                heading, *_, percent = row_text(table, key)
                assert line.rstrip().endswith(percent.split()[-1]) and "▱" in line, (key, line)
                assert heading.endswith("…") or key == "total"
                assert line.startswith(f" {heading} ") and cell_len(heading) < size[0] - 40
            # The first heading, cut, is still its own beginning.
            assert lines[1].split()[0].startswith("一、坚持以人民为中心")

    async def test_a_resize_cuts_the_headings_again(self, store: Store, tmp_path: Path) -> None:
        path = tmp_path / "long-headings.txt"
        path.write_text(LONG_HEADINGS, encoding="utf-8")
        app = study_app(path, language="zh", store=store)
        async with app.run_test(size=(160, 30)) as pilot:
            await until_ready(app, pilot)
            screen = await open_stats(app, pilot)
            table = screen.query_one(DataTable)
            whole = row_text(table, "2")[0]
            assert not whole.endswith("…")  # room enough for the whole heading
            table.move_cursor(row=2)
            await resize(pilot, 80, 24)
            await until(pilot, lambda: row_text(table, "2")[0].endswith("…"), "the heading cut")
            await pilot.pause()
            assert whole.startswith(row_text(table, "2")[0][:-1])
            assert table.virtual_size.width <= table.scrollable_content_region.width
            assert table.cursor_row == 2  # the row chosen stays chosen


class TestStatusLine:
    async def test_the_cards_due_today_and_after_answers(self, store: Store) -> None:
        app = study_app(SPEECH, language="zh", store=store)
        async with app.run_test(size=SIZE) as pilot:
            await until_ready(app, pilot)
            assert status(app) == f"{t('phrase_count', count=len(app.workbook.cards))}  ·  今日待复习 0 张"
            answer(app, store, "1", 3, datetime.now(timezone.utc) - timedelta(days=30))
            # Back in the reader from any screen, the count is the store's as it is now.
            await open_stats(app, pilot)
            await pilot.press("escape")
            await until(pilot, lambda: status(app).endswith("今日待复习 3 张"), "three due today")

    async def test_in_english_and_without_a_store(self, store: Store) -> None:
        app = study_app(SPEECH, language="en", store=store)
        async with app.run_test(size=SIZE) as pilot:
            await until_ready(app, pilot)
            assert status(app).endswith("key phrases  ·  0 due today")
        bare = study_app(SPEECH, language="en")
        async with bare.run_test(size=SIZE) as pilot:
            await until_ready(bare, pilot)
            assert status(bare).endswith("key phrases")  # nothing stored, nothing due


def test_the_bar_and_the_durations() -> None:
    assert mastery_bar(0.0) == "▱▱▱▱▱▱▱▱▱▱   0%"
    assert mastery_bar(0.35) == "▰▰▰▱▱▱▱▱▱▱  35%"
    assert mastery_bar(0.999) == "▰▰▰▰▰▰▰▰▰▱  99%"  # full only when every card is mastered
    assert mastery_bar(1.0) == "▰▰▰▰▰▰▰▰▰▰ 100%"
    from tui.i18n import set_language

    set_language("en")
    assert [duration(s) for s in (0, 59.9, 60, 3599, 3600, 3725)] == [
        "0 s", "59 s", "1 min", "59 min", "1 h 00 min", "1 h 02 min"
    ]


class TestExamDate:
    """The stats screen shows the exam plan, and d sets or removes the date."""

    async def test_a_date_typed_in_one_burst_after_d_goes_into_the_field(self, store: Store) -> None:
        from datetime import date

        from textual import events

        app = study_app(SPEECH, language="en", store=store)
        async with app.run_test(size=(100, 40)) as pilot:
            await until_ready(app, pilot)
            await open_stats(app, pilot)
            when = (date.today() + timedelta(days=20)).isoformat()
            driver = app._driver
            assert driver is not None
            for key, character in [("d", "d"), *[(c if c != "-" else "minus", c) for c in when], ("enter", None)]:
                event = events.Key(key, character)
                event.set_sender(app)
                driver.send_message(event)  # as a terminal hands over a paste: no pause between
            await until(pilot, lambda: store.exam_date(app.workbook.document_id()) is not None, "the date saved")
            assert str(store.exam_date(app.workbook.document_id())) == when

    async def test_d_sets_the_date_and_the_plan_shows_then_an_empty_date_removes_it(self, store: Store) -> None:
        from datetime import date

        app = study_app(SPEECH, language="en", store=store)
        async with app.run_test(size=(100, 40)) as pilot:
            await until_ready(app, pilot)
            screen = await open_stats(app, pilot)
            line = lambda: str(screen.query_one("#stats-exam", Static).render())  # noqa: E731
            assert line() == "No exam date: d sets one."
            when = date.today() + timedelta(days=20)
            await pilot.press("d")
            await pilot.press(*when.isoformat(), "enter")
            await pilot.pause()
            assert store.exam_date(app.workbook.document_id()) == when
            assert line().startswith(f"Exam {when.isoformat()}, in 20 day(s): 0/"), line()
            assert "new a day" in line() and isinstance(app.screen, StatsScreen)
            await pilot.press("d", "enter")
            await pilot.pause()
            assert store.exam_date(app.workbook.document_id()) is None
            assert line() == "No exam date: d sets one."

    async def test_a_bad_date_is_told_and_changes_nothing_and_esc_closes_only_the_input(self, store: Store) -> None:
        app = study_app(SPEECH, language="zh", store=store)
        notices: list[str] = []
        shown = app.notify
        app.notify = lambda message, *a, **k: (notices.append(message), shown(message, *a, **k))  # type: ignore[method-assign]
        async with app.run_test(size=SIZE) as pilot:
            await until_ready(app, pilot)
            screen = await open_stats(app, pilot)
            await pilot.press("d", *"2020-01-01", "enter")
            await pilot.pause()
            assert notices == [t("exam_past_date", value="2020-01-01")]
            await pilot.press("ctrl+a", "ctrl+k", *"明天", "enter")
            await pilot.pause()
            assert notices[-1] == t("exam_bad_date", value="明天")
            assert store.exam_date(app.workbook.document_id()) is None
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is screen and not screen.query_one("#exam-date").has_class("-open")
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, ReaderScreen)
