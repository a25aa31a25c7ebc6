"""Tests of tui/widgets/key_bar.py: the keys in force on one line, whole entries only."""

from __future__ import annotations

from textual.app import App, ComposeResult, RenderResult
from textual.binding import Binding
from textual.widgets import Button

from tui.widgets.key_bar import KeyBar

from .conftest import resize

PAIR = Binding.Group("Prev/next", compact=True)


class KeysApp(App[None]):
    BINDINGS = [
        Binding("q", "quit", "Quit"),
        Binding("h", "bell", "Highlight"),
        Binding("left_square_bracket", "bell", "Previous", group=PAIR),
        Binding("right_square_bracket", "bell", "Next", group=PAIR),
        Binding("x", "bell", "Hidden", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield KeyBar()


async def test_shown_keys_in_order_with_a_group_as_one_entry():
    app = KeysApp()
    async with app.run_test(size=(80, 5)) as pilot:
        await pilot.pause()
        text = app.query_one(KeyBar).keys_text().plain
        assert text.startswith(" q Quit  h Highlight  [] Prev/next ")
        assert "Hidden" not in text and "Previous" not in text
        assert text.rstrip().endswith("palette")


class FirstFrameBar(KeyBar):
    """A key bar that keeps what it showed the first time it was painted at a width."""

    first: str | None = None

    def render(self) -> RenderResult:
        shown = super().render()
        if self.first is None and self.size.width:
            self.first = str(shown)
        return shown


class FirstFrameApp(KeysApp):
    def compose(self) -> ComposeResult:
        yield FirstFrameBar()


async def test_the_keys_are_in_the_first_frame_the_bar_is_in():
    app = FirstFrameApp()
    async with app.run_test(size=(80, 5)) as pilot:
        await pilot.pause()
        first = app.query_one(FirstFrameBar).first
        assert first is not None and first.startswith(" q Quit  h Highlight ")
        assert first.rstrip().endswith("palette")  # drawn at the bar's width, the palette's key at its end


async def test_a_narrow_bar_drops_whole_entries_never_half_of_one():
    app = KeysApp()
    async with app.run_test(size=(20, 5)) as pilot:
        await pilot.pause()
        text = app.query_one(KeyBar).keys_text().plain
        # " h Highlight " would need 21 cells with " q Quit ": it goes whole.
        assert text.startswith(" q Quit ") and "Highl" not in text
        assert len(text) <= 20


async def test_clicking_a_key_presses_it():
    app = KeysApp()
    async with app.run_test(size=(80, 5)) as pilot:
        await pilot.pause()
        await pilot.click(KeyBar, offset=(1, 0))  # the "q" of " q Quit"
        await pilot.pause()
        assert app.return_code is not None or not app.is_running


class HelpKeysApp(App[None]):
    """An app whose ? lists every key, as study's does."""

    BINDINGS = [
        Binding("q", "quit", "Quit"),
        Binding("question_mark", "help", "Help"),
        Binding("t", "quiz", "Quiz section"),
        Binding("r", "review", "Review"),
        Binding("e", "edit", "Edit phrases"),
    ]

    def compose(self) -> ComposeResult:
        yield KeyBar()

    def action_help(self) -> None:
        self.helped = True


async def test_when_keys_are_dropped_the_bar_says_that_question_mark_lists_them():
    app = HelpKeysApp()
    async with app.run_test(size=(44, 5)) as pilot:
        await pilot.pause()
        bar = app.query_one(KeyBar)
        text = bar.keys_text().plain
        assert text.startswith(" q Quit  ? Help  t Quiz section ")
        assert "Review" not in text and "Edit" not in text
        assert text.endswith(" ? … ") and len(text) == 44
        # The mark is a key like the others: clicking its ? opens the help.
        await pilot.click(KeyBar, offset=(len(text) - 4, 0))
        await pilot.pause()
        assert getattr(app, "helped", False)


async def test_the_palette_stays_while_there_is_room_beside_the_mark():
    app = HelpKeysApp()
    async with app.run_test(size=(100, 5)) as pilot:
        await pilot.pause()
        bar = app.query_one(KeyBar)
        text = bar.keys_text().plain
        assert "…" not in text and text.rstrip().endswith("palette")  # every key fits
        entries = " q Quit  ? Help  t Quiz section  r Review  e Edit phrases "
        # Every key but the last, the palette and the mark fit.
        await resize(pilot, len(entries) + 2, 5)
        text = bar.keys_text().plain
        assert "Edit" not in text and text.endswith("^p palette  ? … ")
        # Room for every key and the mark, not for the palette as well: the palette goes.
        await resize(pilot, len(entries) + 5, 5)
        text = bar.keys_text().plain
        assert "palette" not in text and text.startswith(entries) and text.endswith(" ? … ")


async def test_without_a_help_key_the_mark_is_an_ellipsis():
    app = KeysApp()
    async with app.run_test(size=(24, 5)) as pilot:
        await pilot.pause()
        text = app.query_one(KeyBar).keys_text().plain
        assert text.startswith(" q Quit ") and text.endswith(" … ") and len(text) <= 24


class FocusApp(App[None]):
    """A plain button, one with a hidden key, and one with a key of its own."""

    BINDINGS = [Binding("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Button("one", id="one")
        yield HiddenKeyButton("two", id="two")
        yield KeyedButton("three", id="three")
        yield KeyBar()


class HiddenKeyButton(Button):
    BINDINGS = [Binding("x", "bell", "Hidden", show=False)]


class KeyedButton(Button):
    BINDINGS = [Binding("d", "bell", "Delete")]


async def test_the_bar_is_drawn_again_only_when_what_it_shows_changes():
    app = FocusApp()
    async with app.run_test(size=(60, 8)) as pilot:
        await pilot.pause()
        bar = app.query_one(KeyBar)
        drawn: list[str] = []
        keys_text = bar.keys_text
        bar.keys_text = lambda: drawn.append("drawn") or keys_text()  # type: ignore[method-assign]
        app.query_one("#two", Button).focus()  # only a hidden key more: nothing to draw
        await pilot.pause()
        assert drawn == [] and "Delete" not in str(bar.render())
        app.query_one("#three", Button).focus()  # a key of its own
        await pilot.pause()
        assert drawn == ["drawn"] and "d Delete" in str(bar.render())
        await resize(pilot, 40, 8)  # another width
        assert drawn == ["drawn", "drawn"] and "d Delete" in str(bar.render())
