"""Tests for tui.screens.help_screen and tui/bindings.py: every key of a screen listed from its bindings, in both languages."""

from __future__ import annotations

import pytest
from textual.binding import Binding
from textual.containers import ScrollableContainer
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget

from tui.app import StudyApp
from tui.bindings import declared_bindings
from tui.i18n import STRINGS, t
from tui.screens.blank_screen import BlankScreen
from tui.screens.confirm_screen import ConfirmScreen
from tui.screens.help_screen import TWO_COLUMNS_FROM, HelpScreen
from tui.screens.library_screen import LibraryScreen
from tui.screens.open_path_screen import OpenPathScreen
from tui.screens.phrase_editor_screen import PhraseEditorScreen
from tui.screens.reader_screen import ReaderScreen
from tui.screens.stats_screen import StatsScreen
from tui.screens.summary_screen import SummaryScreen
from tui.widgets.answer_bar import AnswerBar
from tui.widgets.key_bar import KeyBar
from tui.widgets.outline_tree import OutlineTree
from tui.widgets.text_view import TextView

from .conftest import resize, until_ready


def screen_text(widget: Widget) -> str:
    strips = widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))
    return "\n".join(strip.text for strip in strips)


def help_text(screen: HelpScreen) -> str:
    return "\n".join(screen_text(column) for column in screen.query(".help-column"))


async def ready(app: StudyApp, pilot: Pilot) -> None:
    await until_ready(app, pilot)


async def open_help(app: StudyApp, pilot: Pilot) -> HelpScreen:
    await ready(app, pilot)
    await pilot.press("question_mark")
    await pilot.pause()
    assert isinstance(app.screen, HelpScreen)
    return app.screen


DECLARING = [StudyApp, ReaderScreen, OutlineTree, TextView, BlankScreen, AnswerBar, SummaryScreen, HelpScreen,
             PhraseEditorScreen, StatsScreen, LibraryScreen, ConfirmScreen, OpenPathScreen]


def test_every_binding_with_an_id_names_itself_in_both_languages():
    for cls in DECLARING:
        for binding in cls.BINDINGS:
            assert isinstance(binding, Binding)
            if binding.id is None:
                continue
            for key in (binding.description, binding.tooltip or binding.description):
                assert key in STRINGS and all(STRINGS[key]), (cls.__name__, binding.id, key)
            if binding.group is not None:
                assert binding.group.description in STRINGS


@pytest.mark.parametrize("language", ["zh", "en"])
async def test_at_100_by_30_every_key_of_the_reader_is_on_one_page_in_the_current_language(make_app, language):
    app = make_app(language=language)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_help(app, pilot)
        dialog = screen.query_one("#help-dialog", ScrollableContainer)
        # Nothing to scroll: the whole list is in view.
        assert dialog.max_scroll_y == 0
        assert len(screen.query(".help-column")) == 2
        shown = help_text(screen)
        flat = shown.replace(" ", "").replace("\n", "")
        for _node, binding in declared_bindings(app.reader):
            assert app.get_key_display(binding) in shown, binding.id
            # A long description may wrap inside its column: compare without the breaks.
            description = binding.group.description if binding.group else binding.description
            assert description.replace(" ", "") in flat, binding.id
        for title in ("help_outline", "help_reading", "help_search", "help_quiz", "help_general"):
            assert t(title) in shown
        assert t("help_title") in screen_text(screen.query_one("#help-title"))
        # The keys Textual's widgets bring are there in the project's words: arrows, paging, the palette.
        for key in ("↑", "PgUp", "Home", "Enter", "Tab", "Esc", "^p"):
            assert key in shown


async def test_in_a_quiz_the_help_lists_the_quiz_keys(make_app, store):
    app = make_app(store=store)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(app, pilot)
        await pilot.press("t")
        await pilot.pause()
        quiz = app.screen
        app.action_help()
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        shown = help_text(app.screen)
        for binding_id in ("hint", "reveal", "next_blank", "rate_1", "leave", "answer"):
            [binding] = [b for _, b in declared_bindings(quiz) if b.id == binding_id]
            assert app.get_key_display(binding) in shown
        assert t("key_outline_move") not in shown  # the reader's keys are not the quiz's
        # q and ? type into the answer there: not offered as keys (Esc leaves, ^p has the rest).
        assert t("key_quit") not in shown and t("key_help") not in shown
        assert "Esc" in shown and "^p" in shown


class Extended(ReaderScreen):
    BINDINGS = [Binding("f5", "mark", "key_highlight_long", tooltip="palette_help_highlight", id="f5")]

    marked = False

    def action_mark(self) -> None:
        self.marked = True


async def test_a_key_added_to_a_screen_is_in_its_help_key_bar_and_palette(make_app, monkeypatch):
    monkeypatch.setattr(StudyApp, "get_default_screen", lambda self: Extended(self.workbook))
    app = make_app(language="en")
    async with app.run_test(size=(160, 30)) as pilot:  # wide enough for every key of the bar and f5
        await ready(app, pilot)
        assert "f5 " + t("key_highlight_long") in screen_text(app.reader.query_one(KeyBar))
        assert t("key_highlight_long") in [command.title for command in app.get_system_commands(app.reader)]
        screen = await open_help(app, pilot)
        assert "f5" in help_text(screen)
        await pilot.press("escape", "f5")
        assert app.reader.marked


async def test_a_narrow_terminal_gets_one_column_that_scrolls(make_app):
    app = make_app()
    async with app.run_test(size=(TWO_COLUMNS_FROM - 20, 20)) as pilot:
        screen = await open_help(app, pilot)
        assert screen.has_class("-narrow")
        dialog = screen.query_one("#help-dialog", ScrollableContainer)
        assert dialog.region.width <= TWO_COLUMNS_FROM - 20
        assert dialog.max_scroll_y > 0
        column = screen.query_one(".help-column")
        assert column.size.width > 40  # the keys and their descriptions side by side
        await resize(pilot, 100, 30)
        assert not screen.has_class("-narrow")


@pytest.mark.parametrize("key", ["escape", "question_mark", "q"])
async def test_escape_question_mark_or_q_close_it_back_to_the_reader(make_app, key):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.is_running


async def test_reader_keys_do_nothing_behind_the_help(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(app, pilot)
        reader = app.reader
        await pilot.press("question_mark", "right_square_bracket", "j", "h")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert reader.current_section == "1"
        assert not reader.query_one(TextView).highlight_phrases
