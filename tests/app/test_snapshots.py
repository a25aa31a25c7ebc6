"""Snapshot tests of the reader's screens at fixed sizes, one class per screen.

Each snapshot was looked at before it was accepted. They are deterministic: a fresh
data directory, the language forced, the workers finished and no toast on screen.
Update them with `pytest tests/app/test_snapshots.py --snapshot-update`, and look again.
"""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Input

from .conftest import until_ready

SIZE = (100, 30)


async def settle(pilot: Pilot) -> None:
    """Wait for the document and its phrases; freeze what moves on its own."""
    await until_ready(pilot.app, pilot)
    for field in pilot.app.query(Input):
        field.cursor_blink = False


async def press(pilot: Pilot, *keys: str) -> None:
    await settle(pilot)
    await pilot.press(*keys)
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    pilot.app.clear_notifications()
    await pilot.pause()


class TestReaderScreen:
    def test_chinese(self, snap_compare, make_app, store):
        assert snap_compare(make_app(language="zh", store=store), terminal_size=SIZE, run_before=settle)

    def test_english(self, snap_compare, make_app, store):
        assert snap_compare(make_app(language="en", store=store), terminal_size=SIZE, run_before=settle)

    def test_at_a_subsection_after_moving_in_the_outline(self, snap_compare, make_app, store):
        async def run_before(pilot: Pilot) -> None:
            await press(pilot, "j", "j", "j", "j", "j")

        assert snap_compare(make_app(language="zh", store=store), terminal_size=SIZE, run_before=run_before)

    def test_80_by_24(self, snap_compare, make_app, store):
        assert snap_compare(make_app(language="zh", store=store), terminal_size=(80, 24), run_before=settle)


class TestSearch:
    def test_matches_marked_after_enter(self, snap_compare, make_app, store):
        async def run_before(pilot: Pilot) -> None:
            await press(pilot, "slash")
            pilot.app.reader.query_one("#search-input", Input).insert_text_at_cursor("整改")
            await press(pilot, "enter")

        assert snap_compare(make_app(language="zh", store=store), terminal_size=SIZE, run_before=run_before)


class TestTinyTerminal:
    def test_notice_instead_of_the_layout(self, snap_compare, make_app, store):
        assert snap_compare(make_app(language="zh", store=store), terminal_size=(50, 12), run_before=settle)


class TestHelpScreen:
    def test_chinese(self, snap_compare, make_app, store):
        async def run_before(pilot: Pilot) -> None:
            await press(pilot, "question_mark")

        assert snap_compare(make_app(language="zh", store=store), terminal_size=SIZE, run_before=run_before)

    def test_english(self, snap_compare, make_app, store):
        async def run_before(pilot: Pilot) -> None:
            await press(pilot, "question_mark")

        assert snap_compare(make_app(language="en", store=store), terminal_size=SIZE, run_before=run_before)
