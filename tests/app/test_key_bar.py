"""Tests of tui/widgets/key_bar.py: the keys in force on one line, whole entries only."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding

from tui.widgets.key_bar import KeyBar

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
