"""A snapshot of the framework quiz, in Chinese at 100×30 (looked at before it was accepted)."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from tui.core.store import Store
from tui.screens.frame_screen import FrameScreen

from .conftest import study_app, until

ROOT = Path(__file__).resolve().parents[2]
SPEECH = ROOT / "data" / "zuofeng-speech.txt"


class TestFrameScreen:
    def test_midway_one_right_one_wrong_with_its_diff(self, snap_compare, store: Store, clock) -> None:
        async def run_before(pilot: Pilot) -> None:
            await until(pilot, lambda: isinstance(pilot.app.screen, FrameScreen), "the framework quiz")
            screen = pilot.app.screen
            screen.answer_bar.input.cursor_blink = False  # type: ignore[attr-defined]
            for text in ("提高政治站位深化思想认识", "把握核心要义,明确政治方向"):
                clock[0] += 20.0
                screen.answer_bar.input.value = text  # type: ignore[attr-defined]
                await pilot.press("enter")
                await pilot.pause()
            assert [state.status for state in screen.session.states[:3]] == ["right", "wrong", "pending"]  # type: ignore[attr-defined]

        app = study_app(SPEECH, language="zh", store=store, start="frame")
        assert snap_compare(app, terminal_size=(100, 30), run_before=run_before)
