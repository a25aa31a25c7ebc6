"""Tests of tui/app.py: a document read in the background, with progress, and one that cannot be read."""

from __future__ import annotations

import threading

from textual.widgets import Static

from tui.app import StudyApp
from tui.core.loader import Loaded, LoadError
from tui.core.workbook import Workbook
from tui.i18n import set_language, t
from tui.screens.help_screen import HelpScreen

from .conftest import SPEECH, until

NOTES = "学习笔记\n\n一、总体要求\n我们要坚持“两个确立”，做到“两个维护”。\n二、重点任务\n坚决反对“四风”。\n"


def status(app: StudyApp) -> str:
    return str(app.reader.query_one("#status", Static).render())


async def test_a_long_document_is_read_in_the_background_with_its_pages_counted() -> None:
    set_language("en")
    turned = threading.Event()
    release = threading.Event()

    def read(progress):
        progress(1, 3)
        turned.set()
        release.wait(30)  # the rest of the pages, while the app keeps answering keys
        progress(3, 3)
        return Loaded(NOTES)

    app = StudyApp(Workbook(SPEECH.with_name("report.pdf"), "", read=read))
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await until(pilot, lambda: turned.is_set() and "page 1 of 3" in status(app), "the first page counted")
            assert status(app) == t("load_progress", name="report.pdf", done=1, total=3)
            await pilot.press("question_mark")  # the app answers keys while the file is read
            await until(pilot, lambda: isinstance(app.screen, HelpScreen), "the help open")
            await pilot.press("escape")
            release.set()
            await until(pilot, lambda: app.workbook.phrases_ready, "the document read and its phrases found")
            assert app.workbook.opened.title == "学习笔记" and app.reader.document is app.workbook.document
    finally:
        release.set()
        for thread in threading.enumerate():
            if thread.name == "study-read":
                thread.join(10)  # nothing of this test goes on running into the next


async def test_a_document_that_cannot_be_read_after_all_ends_the_app_with_its_reason() -> None:
    set_language("en")

    def read(progress):
        raise LoadError("scanned", name="scan.pdf")

    app = StudyApp(Workbook(SPEECH.with_name("scan.pdf"), "", read=read))
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: not app.is_running, "the app ended")
    assert app.return_code == 1
    assert app.failure == t("load_scanned", name="scan.pdf")


async def test_a_letter_handed_to_another_widget_while_a_field_has_the_focus_is_typed_there(make_app) -> None:
    # What a burst of keys leaves behind when a field takes the focus (see the search's test):
    # the letter reaches the App from the widget that had the focus, and goes into the field,
    # over its selection as a key typed there would.
    from textual import events
    from textual.widgets import Input

    from tui.widgets.outline_tree import OutlineTree

    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: app.workbook.phrases_ready, "the phrases")
        await pilot.press("slash")
        await pilot.pause()
        field = app.reader.query_one("#search-input", Input)
        field.value = "作风建设"
        field.selection = field.selection.__class__(2, 4)  # 建设 selected
        outline = app.reader.query_one(OutlineTree)
        for letter in "党风":
            key = events.Key(letter, letter)
            key.set_sender(app)
            outline._forward_event(key)  # as the App hands a key to the widget it thinks has the focus
        await pilot.pause()
        assert field.value == "作风党风" and isinstance(app.screen, type(app.reader))


def test_the_readers_keys_import_no_text_field(tmp_path) -> None:
    # Every letter key passes the App's own handler (the one above): it looks the fields up,
    # and importing them (8 ms) would fall on a reader's first key press. A fresh process, so
    # that nothing the tests imported counts.
    import subprocess
    import sys
    import textwrap

    script = textwrap.dedent(
        """
        import asyncio, sys
        from pathlib import Path
        from tui.app import StudyApp
        from tui.core.loader import load
        from tui.core.store import Store
        from tui.core.workbook import Workbook

        async def main():
            path = Path("data/zuofeng-speech.txt")
            app = StudyApp(Workbook(path, load(path), Store.open(Path(sys.argv[1]))))
            async with app.run_test() as pilot:
                while not app.workbook.phrases_ready:
                    await pilot.pause()
                await pilot.press("j", "k", "]")
                await pilot.pause()
                print("textual.widgets._text_area" in sys.modules)

        asyncio.run(main())
        """
    )
    root = SPEECH.parents[1]
    result = subprocess.run([sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True, cwd=root)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
