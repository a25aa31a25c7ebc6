"""The framework quiz on a 1 MB document of 2,700 headings: `frame(doc)`, opening it, and each key to its redrawn frame.

Headless app started as `study frame` starts it, timed from the key press to the end of
the screen's next compositor refresh (as bench_quiz does): typed keys, Enter on a right
and on a wrong answer, a rating key, Tab, Ctrl+T; then Esc and `f` in the reader, to the
first frame after the text pane's last layout (the one that shows the lines as they stay).
"""

from __future__ import annotations

import asyncio
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

from textual import constants

from tests.bench.bench_quiz import Frames, settled, until

ROUNDS = 20  # presses of each key
OPENINGS = 7
SIZE = (100, 30)
# Common characters of official documents, so the text looks like what users read.
CHARACTERS = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动"
    "同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自"
    "二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日"
    "那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变"
)
NUMERALS = "一二三四五六七八九十"
WRONG = "完全答错了"  # none of CHARACTERS: never right, near or right elsewhere


def numeral(n: int) -> str:
    """1-99 in Chinese numerals."""
    if n <= 10:
        return NUMERALS[n - 1]
    tens, units = divmod(n, 10)
    return ("" if tens == 1 else NUMERALS[tens - 1]) + "十" + (NUMERALS[units - 1] if units else "")


def make_text(size: int = 1_000_000, seed: int = 5) -> str:
    """About `size` bytes of study notes: 第N章, 一、 to 五、, （一） to （四）, 1. to 3., paragraphs between.

    A third of the headings are two clauses (asked clause by clause); one in ten a question
    (为什么要……？) whose numbered subsections are its points.
    """
    rng = random.Random(seed)

    def words(low: int, high: int) -> str:
        return "".join(rng.choices(CHARACTERS, k=rng.randint(low, high)))

    def paragraph() -> str:
        clauses = [words(4, 20) + rng.choice("，，，、；") for _ in range(rng.randint(4, 10))]
        return "".join(clauses)[:-1] + "。"

    def heading() -> str:
        roll = rng.random()
        if roll < 0.3:
            return words(6, 9) + "，" + words(6, 9)
        if roll < 0.4:
            return "为什么要" + words(4, 8) + "？"
        return words(4, 10)

    blocks = ["学习提纲"]
    total = chapter = 0
    while total < size:
        chapter += 1
        blocks.append(f"第{numeral(chapter)}章 {words(4, 8)}")
        for first in range(1, 6):
            blocks += [f"{numeral(first)}、{heading()}", paragraph()]
            for second in range(1, 5):
                blocks.append(f"（{numeral(second)}）{heading()}")
                if rng.random() < 0.5:
                    blocks.append(paragraph())
                for third in range(1, 4):
                    blocks.append(f"{third}.{words(4, 10)}")
                    blocks += [paragraph() for _ in range(rng.randint(1, 2))]
        total = sum(len(block.encode()) + 2 for block in blocks)
    return "\n\n".join(blocks) + "\n"


def figures(samples: list[float]) -> str:
    return f"median {statistics.median(samples) * 1000:6.1f} ms, max {max(samples) * 1000:6.1f} ms (of {len(samples)})"


def bench_frame(text: str, runs: int = 5) -> tuple[list[float], int, int]:
    from tui.core.framework import frame
    from tui.core.outline import parse

    document = parse(text, "notes.txt")
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        built = frame(document)
        samples.append(time.perf_counter() - started)
    return samples, sum(1 for s in document.walk() if s.kind == "heading"), len(built.cards)


async def bench_screen(path: Path, text: str, data: str) -> tuple[dict[str, list[float]], int]:
    from tui.app import StudyApp
    from tui.core.store import Store
    from tui.core.workbook import Workbook
    from tui.i18n import set_language
    from tui.screens.frame_screen import FrameScreen
    from tui.screens.reader_screen import ReaderScreen
    from tui.widgets.blank_text import BlankText

    laid: list[float] = []  # when the text pane finished laying its rows out
    original = BlankText.redraw

    def redraw(view: BlankText) -> None:
        original(view)
        if view._laid:
            laid.append(time.perf_counter())

    BlankText.redraw = redraw  # type: ignore[method-assign]
    store = Store.open(data)
    set_language("zh")
    app = StudyApp(Workbook(path, text, store), start="frame")
    names = ("typed key", "Enter, right", "Enter, wrong", "rating key", "Tab", "Ctrl+T", "open (f)")
    results: dict[str, list[float]] = {name: [] for name in names}
    try:
        with Frames().watching() as frames:
            async with app.run_test(size=SIZE) as pilot:
                # The phrases are found first (a while, once: then cached), then the quiz opens.
                await until(pilot, lambda: isinstance(app.screen, FrameScreen), tries=100_000)
                screen: FrameScreen = app.screen  # type: ignore[assignment]
                assert screen.section_id is None, "the quiz of the whole document"
                blanks = len(screen.session.blanks)

                async def timed(name: str, key: str, done: object) -> None:
                    await settled(pilot, screen)
                    started = time.perf_counter()
                    await pilot.press(key)
                    await until(pilot, lambda: done() and frames.first_after(started, screen))  # type: ignore[operator]
                    results[name].append(frames.first_after(started, screen) - started)  # type: ignore[operator]

                for round_ in range(ROUNDS):
                    # Typed key by key (a character at a time, as an input method hands them over), then Enter.
                    index = screen.session.active
                    answer = screen.session.blanks[index].answer
                    right = round_ % 2 == 0
                    for char in answer if right else WRONG:
                        value = screen.answer_bar.input.value
                        await timed("typed key", char, lambda v=value: screen.answer_bar.input.value != v)
                    state = screen.session.states[index]
                    await timed("Enter, right" if right else "Enter, wrong", "enter", lambda s=state: s.graded)
                    assert state.status == ("right" if right else "wrong"), state.status
                    # A rating key, then Enter to keep it.
                    rating = 2 if state.rating != 2 else 4
                    await timed("rating key", str(rating), lambda s=state, r=rating: s.rating == r)
                    await pilot.press("enter")
                    await until(pilot, lambda: not screen.answer_bar.input.value)
                    # Tab to the next blank, then a hint there.
                    before = screen.session.active
                    await timed("Tab", "tab", lambda b=before: screen.session.active != b)
                    hinted = screen.session.active_state.hinted  # type: ignore[union-attr]
                    await timed("Ctrl+T", "ctrl+t", lambda h=hinted: screen.session.active_state.hinted > h)  # type: ignore[union-attr]
                    screen.answer_bar.input.put("")  # the hinted letters out: the answer is typed whole
                    await pilot.pause()

                for _ in range(OPENINGS):
                    await pilot.press("escape")
                    await until(pilot, lambda: isinstance(app.screen, ReaderScreen))
                    await settled(pilot, app.screen)
                    laid.clear()
                    started = time.perf_counter()
                    await pilot.press("f")
                    await until(pilot, lambda: isinstance(app.screen, FrameScreen))
                    screen = app.screen  # type: ignore[assignment]
                    await settled(pilot, screen)
                    # To the frame that shows the lines as they stay: after their last layout.
                    await until(pilot, lambda: laid and frames.first_after(laid[-1], screen))
                    results["open (f)"].append(frames.first_after(laid[-1], screen) - started)  # type: ignore[operator]
                    assert screen.section_id is None
    finally:
        BlankText.redraw = original  # type: ignore[method-assign]
        store.close()
    return results, blanks


def main() -> None:
    os.environ.pop("STUDY_LANG", None)
    text = make_text()
    built, headings, cards = bench_frame(text)
    with tempfile.TemporaryDirectory(prefix="study-bench-frame-") as folder:
        path = Path(folder) / "notes.txt"
        path.write_text(text, encoding="utf-8")
        started = time.perf_counter()
        results, blanks = asyncio.run(bench_screen(path, text, os.path.join(folder, "data")))
        elapsed = time.perf_counter() - started
    size = len(text.encode()) / 1e6
    print(f"(a {size:.2f} MB document of {headings} headings; frames every {1000 / constants.MAX_FPS:.1f} ms: "
          f"MAX_FPS={constants.MAX_FPS}; app run {elapsed:.1f} s)")
    print(f"frame(doc), {cards} cards:          {figures(built)}")
    print(f"framework quiz of the whole document, {blanks} blanks, {SIZE[0]}x{SIZE[1]}, key to its frame:")
    for name, samples in results.items():
        print(f"  {name + ':':14} {figures(samples)}")


if __name__ == "__main__":
    main()
