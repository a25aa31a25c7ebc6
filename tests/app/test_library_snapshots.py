"""Snapshots of the library screen, in both languages, looked at before they were accepted.

The documents sit in a folder of a fixed name, so the paths shown are the same on every
machine; their times are fixed too. Update with `--snapshot-update`, and look again.
"""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

from textual.pilot import Pilot

from tui.app import StudyApp
from tui.core.store import Store
from tui.i18n import set_language
from tui.screens.library_screen import LibraryScreen
from tui.widgets.library_table import LibraryTable

from .conftest import until
from .test_library_screen import FIRST, SECOND, SPEECH, studied

MOVED = """搬走的笔记

一、生态保护
坚持“绿水青山就是金山银山”的理念，统筹山水林田湖草沙系统治理，守住“生态保护红线”不放松。
"""

# A title too long for its column: cut, so that the paths keep their room.
LONG_SECOND = SECOND.replace("第二份笔记", "第二份笔记学思想强党性重实践建新功的学习体会与心得", 1)

SIZE = (110, 24)
# A fixed folder, so the paths shown are the same on every machine; one a language, as the two
# snapshots may be taken at once by two test processes.
FOLDERS = {language: Path(f"/tmp/study-library-snapshot-{language}") for language in ("zh", "en")}
OPENED = datetime(2026, 3, 1, 9, 0, tzinfo=timezone.utc)


def library(store: Store, language: str) -> Store:
    """The store of a library of three documents studied (one moved away), and the bundled speech beside them."""
    FOLDER = FOLDERS[language]
    FOLDER.mkdir(exist_ok=True)
    speech = FOLDER / SPEECH.name
    shutil.copyfile(SPEECH, speech)
    studied(store, FOLDER / "moved-away.txt", MOVED, due=1)
    (FOLDER / "moved-away.txt").unlink(missing_ok=True)  # its file is gone: its progress stays
    studied(store, FOLDER / "second.txt", LONG_SECOND, due=1)
    studied(store, FOLDER / "first.txt", FIRST, due=2)
    with store._write() as db:
        for number, (path,) in enumerate(db.execute("SELECT path FROM documents ORDER BY id").fetchall()):
            db.execute("UPDATE documents SET opened_at = ? WHERE path = ?", ((OPENED - timedelta(days=number)).timestamp(), path))
    return store


def app_on(store: Store, language: str) -> StudyApp:
    set_language(language)
    return StudyApp(store=library(store, language), always=[FOLDERS[language] / SPEECH.name])


async def settle(pilot: Pilot) -> None:
    await until(pilot, lambda: isinstance(pilot.app.screen, LibraryScreen), "the library")
    await until(pilot, lambda: pilot.app.screen.query_one(LibraryTable).rows, "its rows")
    await pilot.pause()


class TestLibraryScreen:
    def test_chinese(self, snap_compare, store):
        assert snap_compare(app_on(store, "zh"), terminal_size=SIZE, run_before=settle)

    def test_english(self, snap_compare, store):
        assert snap_compare(app_on(store, "en"), terminal_size=SIZE, run_before=settle)
