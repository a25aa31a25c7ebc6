"""Tests for tui.screens.help_screen: every key of the reader listed, in both languages, on one page."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App
from textual.containers import ScrollableContainer
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget

import tui.app
from tui.app import StudyApp
from tui.i18n import STRINGS, set_language, t
from tui.screens.help_screen import KEYS, TWO_COLUMNS_FROM, HelpScreen
from tui.screens.reader_screen import ReaderScreen
from tui.widgets.outline_tree import OutlineTree
from tui.widgets.text_view import TextView

from .conftest import until_ready

# How the help screen writes Textual's key names.
SHOWN = {
    "slash": "/",
    "question_mark": "?",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "escape": "Esc",
    "enter": "Enter",
    "tab": "Tab",
    "up": "↑",
    "down": "↓",
    "left": "←",
    "right": "→",
    "space": "Space",
    "pageup": "PgUp",
    "pagedown": "PgDn",
    "home": "Home",
    "end": "End",
    "ctrl+p": "Ctrl+P",
}
# The text pane's own scrolling keys (the rest of what it inherits scrolls sideways, which it never does).
SCROLL_KEYS = ["up", "down", "pageup", "pagedown", "home", "end"]


def listed_keys(groups) -> set[str]:
    return {key for _, rows in groups for keys, _ in rows for key in keys.split()}


def binding_keys(*classes: type) -> set[str]:
    keys = set()
    for cls in classes:
        for binding in cls.BINDINGS:
            for key in binding.key.split(","):
                keys.add(key.strip())
    return keys


def screen_text(widget: Widget) -> str:
    strips = widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))
    return "\n".join(strip.text for strip in strips)


async def ready(app: StudyApp, pilot: Pilot) -> None:
    await until_ready(app, pilot)


def test_every_key_of_the_reader_is_in_the_help():
    keys = binding_keys(StudyApp, ReaderScreen, OutlineTree, TextView) | set(SCROLL_KEYS) | {"ctrl+p"}
    listed = listed_keys(KEYS)
    missing = sorted(key for key in keys if SHOWN.get(key, key) not in listed)
    assert missing == []


def test_every_row_names_a_string_in_both_languages():
    for title, rows in KEYS:
        assert title in STRINGS
        for keys, description in rows:
            assert keys.strip()
            assert description in STRINGS
            zh, en = STRINGS[description]
            assert zh and en


class HelpApp(App[None]):
    """The help screen alone, over an empty screen."""

    CSS_PATH = Path(tui.app.__file__).with_name("study.tcss")  # the app's styles, found from here

    def __init__(self, language: str, extra=None) -> None:
        set_language(language)
        super().__init__()
        self.extra = extra

    def on_mount(self) -> None:
        self.push_screen(HelpScreen(self.extra))


@pytest.mark.parametrize("language", ["zh", "en"])
async def test_at_100_by_30_every_row_is_on_one_page_in_the_current_language(language):
    app = HelpApp(language)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HelpScreen)
        dialog = screen.query_one("#help-dialog", ScrollableContainer)
        # Nothing to scroll: the whole list is in view.
        assert dialog.max_scroll_y == 0
        assert len(screen.query(".help-column")) == 2
        shown = "\n".join(screen_text(column) for column in screen.query(".help-column"))
        for title, rows in KEYS:
            assert t(title) in shown
            for keys, description in rows:
                assert keys in shown
                # A long description may wrap inside its column: compare without the breaks.
                assert t(description).replace(" ", "") in shown.replace(" ", "").replace("\n", "")
        assert t("help_title") in screen_text(screen.query_one("#help-title"))


async def test_a_narrow_terminal_gets_one_column_that_scrolls():
    app = HelpApp("zh")
    async with app.run_test(size=(TWO_COLUMNS_FROM - 20, 20)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert screen.has_class("-narrow")
        dialog = screen.query_one("#help-dialog", ScrollableContainer)
        assert dialog.region.width <= TWO_COLUMNS_FROM - 20
        assert dialog.max_scroll_y > 0
        column = screen.query_one(".help-column")
        assert column.size.width > 40  # the keys and their descriptions side by side
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert not screen.has_class("-narrow")


async def test_extra_groups_are_listed_too():
    app = HelpApp("en", extra=[("help_general", [("F5", "key_help")])])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        shown = "\n".join(screen_text(column) for column in app.screen.query(".help-column"))
        assert "F5" in shown


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
