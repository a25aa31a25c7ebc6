"""Fixtures for the app tests: a store in the temporary data directory and the app on the bundled speech."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from textual._compositor import Compositor, LayoutUpdate
from textual.message import Message
from textual.pilot import Pilot
from textual.widgets import Static

from tui.app import Start, StudyApp
from tui.core import session
from tui.core.loader import load
from tui.core.scheduler import NEW_PER_DAY
from tui.core.store import Store
from tui.core.workbook import Workbook
from tui.i18n import set_language, t

ROOT = Path(__file__).resolve().parents[2]
SPEECH = ROOT / "data" / "zuofeng-speech.txt"


class Recorder(list):
    """A message hook keeping each message once (the hook sees a message at every node it bubbles to)."""

    def __call__(self, message: Message) -> None:
        if not any(message is seen for seen in self):
            self.append(message)

    def of(self, kind: type) -> list:
        return [message for message in self if isinstance(message, kind)]


@pytest.fixture
def speech_text() -> str:
    return load(SPEECH)


def study_app(
    path: Path,
    text: str | None = None,
    *,
    language: str = "zh",
    store: Store | None = None,
    section: str | None = None,
    start: Start = "read",
    new_per_day: int = NEW_PER_DAY,
) -> StudyApp:
    """The app on a workbook of `path` (its text loaded unless given), as the CLI builds it."""
    set_language(language)
    workbook = Workbook(path, load(path) if text is None else text, store, new_per_day=new_per_day)
    return StudyApp(workbook, section=section, start=start)


@pytest.fixture
def make_app(speech_text: str) -> Callable[..., StudyApp]:
    """Build the app on the bundled speech: make_app(language="zh", section=None, store=None)."""

    def build(language: str = "zh", section: str | None = None, store: Store | None = None) -> StudyApp:
        return study_app(SPEECH, speech_text, language=language, section=section, store=store)

    return build


@pytest.fixture
def full_frames(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Every whole-screen frame the app draws from here on, each as its lines of plain text.

    A screen's first frame is drawn before its widgets hear their sizes (their on_resize):
    what it shows is what a user sees first, before any pause of a test.
    """
    frames: list[list[str]] = []
    full_update = Compositor.render_full_update

    def kept(compositor: Compositor, *, simplify: bool = False) -> LayoutUpdate:
        update = full_update(compositor, simplify=simplify)
        frames.append(["".join(segment.text for segment in strip) for strip in update.strips])
        return update

    monkeypatch.setattr(Compositor, "render_full_update", kept)
    return frames


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The quiz's clock, frozen so times never vary: a test moves it with `clock[0] += seconds`."""
    now = [1000.0]
    monkeypatch.setattr(session, "_now", lambda given=None: now[0] if given is None else given)
    return now


# How long a test waits for what the app does in the background (reading, finding phrases)
# before it fails: far more than it takes, so that a machine under load never fails a test.
PATIENCE = 60.0


async def until(pilot: Pilot, condition: Callable[[], object], what: str) -> None:
    """Let workers and messages run until `condition` holds, then let what it started settle.

    A screen is current as soon as it is pushed, before it has composed its widgets: the
    pause after the condition lets the messages queued on it by then run.
    """
    deadline = time.monotonic() + PATIENCE
    while time.monotonic() < deadline:
        if condition():
            await pilot.pause()
            return
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
    raise AssertionError(f"never happened: {what}")


async def resize(pilot: Pilot, width: int, height: int) -> None:
    """Resize the terminal and wait until the screen has taken the new size.

    Textual hands a resize to the screen from a timer (1/120 s), which one pause need not outlast.
    """
    await pilot.resize_terminal(width, height)
    await until(pilot, lambda: pilot.app.screen.region.size == (width, height), f"the screen at {width}x{height}")
    await pilot.pause()


async def until_ready(app: StudyApp, pilot: Pilot) -> None:
    """Wait until the document is shown and its phrases found.

    The phrase worker starts only after the frame that shows the outline, so one
    wait for the workers can come too early: wait until the status line says so.
    """
    deadline = time.monotonic() + PATIENCE
    while time.monotonic() < deadline:
        await pilot.pause()
        await app.workers.wait_for_complete()
        if app.workbook.document is not None:
            status = str(app.reader.query_one("#status", Static).render())
            if status not in (t("opening"), t("extracting")):
                await pilot.pause()
                return
    raise AssertionError("the document and its phrases never appeared")
