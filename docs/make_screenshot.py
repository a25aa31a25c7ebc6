"""Save docs/reader.svg and docs/quiz.svg: the reader and a quiz on the bundled speech at 100x30, in Chinese.

Run it with `.venv/bin/python docs/make_screenshot.py` after a change to how the reader looks.
"""

from __future__ import annotations

import asyncio
import html
import os
import re
import sys
import tempfile
from pathlib import Path

from rich.cells import cell_len

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
SIZE = (100, 30)


def fix_wide_text(svg: str) -> str:
    """Size each text run by its terminal cells, not its characters.

    Rich gives every run a textLength of one cell per character, so a viewer that honours
    textLength squeezes Chinese (two cells a character) into half its room.
    """

    def resize(match: re.Match[str]) -> str:
        attributes, text = match.group(1), match.group(2)
        length = re.search(r'textLength="([\d.]+)"', attributes)
        plain = html.unescape(text)
        if length is None or not plain or cell_len(plain) == len(plain):
            return match.group(0)
        cell = float(length.group(1)) / len(plain)
        attributes = attributes.replace(length.group(0), f'textLength="{cell * cell_len(plain):g}"')
        return f"<text{attributes}>{text}</text>"

    return re.sub(r"<text([^>]*)>([^<]*)</text>", resize, svg)


async def reader_screenshot() -> str:
    """The reader at the first subsection, key phrases highlighted."""
    from tui.app import StudyApp
    from tui.cli import default_document
    from tui.core.loader import load
    from tui.core.store import Store
    from tui.core.workbook import Workbook
    from tui.i18n import set_language

    path = default_document()
    with tempfile.TemporaryDirectory() as data_dir:
        os.environ["STUDY_DATA_DIR"] = data_dir  # never the user's own progress
        store = Store.open(data_dir)
        set_language("zh")
        app = StudyApp(Workbook(path, load(path), store))
        async with app.run_test(size=SIZE) as pilot:
            # The phrases are found in a worker started after the first frame: wait for them.
            while not app.workbook.phrases:
                await pilot.pause()
                await app.workers.wait_for_complete()
            await pilot.press("right_square_bracket", "right_square_bracket", "h")
            await pilot.pause()
            app.clear_notifications()
            await pilot.pause()
            svg = app.export_screenshot(title="study")
        store.close()
    return svg


async def quiz_screenshot() -> str:
    """A quiz of the first subsection with one right, one nearly right and one wrong answer, its diff showing."""
    from tui.app import StudyApp
    from tui.cli import default_document
    from tui.core.loader import load
    from tui.core.store import Store
    from tui.core.workbook import Workbook
    from tui.i18n import set_language

    path = default_document()
    with tempfile.TemporaryDirectory() as data_dir:
        os.environ["STUDY_DATA_DIR"] = data_dir
        store = Store.open(data_dir)
        set_language("zh")
        app = StudyApp(Workbook(path, load(path), store), start="quiz", section="2.1")
        async with app.run_test(size=SIZE) as pilot:
            while not app.screen.__class__.__name__ == "QuizScreen":
                await pilot.pause()
            answers = app.screen.answer_bar.input
            for typed in ("作风建设关系党的生死存亡", "必须抓常、抓细、抓紧", "延安事件"):
                answers.value = typed
                await pilot.press("enter")
                await pilot.pause()
            svg = app.export_screenshot(title="study")
        store.close()
    return svg


def main() -> int:
    for name, make in (("reader.svg", reader_screenshot), ("quiz.svg", quiz_screenshot)):
        out = DOCS / name
        out.write_text(fix_wide_text(asyncio.run(make())), encoding="utf-8")
        print(f"wrote {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
