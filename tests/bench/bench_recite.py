"""Benchmark of reciting: hiding a long section at every level, grading a long typed paragraph, and the
recite screen's level change and Space on a 1 MB section, key press to redrawn lines."""

from __future__ import annotations

import asyncio
import statistics
import time
from pathlib import Path

from textual.app import App

from tests.bench.bench_text_view import make_document
from tui.core.hiding import LEVELS, hide
from tui.core.model import Document, Section
from tui.core.recital import grade
from tui.core.workbook import Workbook
from tui.screens.recite_screen import ReciteScreen
from tui.widgets.passage_text import PassageText

RUNS = 5


def long_section() -> Document:
    """A 1 MB document whose one section holds every paragraph: the longest passage a reciter could open."""
    paragraphs = [p for section in make_document().walk() for p in section.paragraphs]
    return Document("基准", "text", [Section("s1", "heading", 1, "一、", "长节", paragraphs)])


def median_ms(samples: list[float]) -> str:
    return f"{statistics.median(samples) * 1000:.1f} ms"


def bench_hide(document: Document) -> None:
    paragraphs = document.sections[0].paragraphs
    size = sum(len(p.encode()) for p in paragraphs) / 1e6
    print(f"hide, every paragraph of a {size:.2f} MB section ({len(paragraphs)} paragraphs), median of {RUNS}:")
    for level in range(LEVELS):
        samples = []
        for _ in range(RUNS):
            started = time.perf_counter()
            for paragraph in paragraphs:
                hide(paragraph, level, [(3, 9)], revealed=1)
            samples.append(time.perf_counter() - started)
        print(f"  level {level}: {median_ms(samples)}")
    paragraph = "".join(paragraphs)[:2000]
    samples = []
    for _ in range(RUNS * 20):
        started = time.perf_counter()
        hide(paragraph, 3, revealed=4)
        samples.append(time.perf_counter() - started)
    print(f"  one 2,000-character paragraph at level 3: {median_ms(samples)}")


def bench_grade(document: Document) -> None:
    paragraph = "".join(document.sections[0].paragraphs)[:2000]
    # What a reciter types: a few characters wrong, a clause left out, one added.
    typed = paragraph[:500] + "的" + paragraph[520:1200] + paragraph[1200:1900].replace("发展", "发达")
    samples = []
    for _ in range(RUNS):
        started = time.perf_counter()
        result = grade(typed, paragraph)
        samples.append(time.perf_counter() - started)
    print(f"typed recitation of a 2,000-character paragraph (score {result.percent}%): {median_ms(samples)}")
    from tui.core import pinyin

    def spelled(text: str) -> str:
        return " ".join(r[0] if pinyin.is_chinese(c) and (r := pinyin.readings(c)) else c for c in text)

    # In pinyin: all of it, one syllable in five wrong, and only its first 300 characters.
    syllables = spelled(paragraph).split(" ")
    for label, letters in (
        ("right", spelled(paragraph)),
        ("1 syllable in 5 wrong", " ".join("zzz" if i % 5 == 2 else s for i, s in enumerate(syllables))),
        ("its start only", spelled(paragraph[:300])),
    ):
        samples = []
        for _ in range(RUNS):
            started = time.perf_counter()
            result = grade(letters, paragraph)
            samples.append(time.perf_counter() - started)
        print(f"  typed in pinyin, {label} (score {result.percent}%): {median_ms(samples)}")


class ReciteApp(App[None]):
    def __init__(self, workbook: Workbook) -> None:
        super().__init__()
        self.workbook = workbook

    def on_mount(self) -> None:
        self.push_screen(ReciteScreen(self.workbook, "s1"))


async def bench_screen(document: Document) -> dict[str, list[float]]:
    drawn = [0.0]
    original = PassageText.render_line

    def noting(view: PassageText, y: int):  # type: ignore[no-untyped-def]
        strip = original(view, y)
        drawn[0] = time.perf_counter()
        return strip

    PassageText.render_line = noting  # type: ignore[method-assign]
    workbook = Workbook(Path("bench.txt"), "")
    workbook.document = document
    results: dict[str, list[float]] = {name: [] for name in ("open", "level", "space", "next", "layout")}
    try:
        for _ in range(RUNS):
            started = time.perf_counter()
            app = ReciteApp(workbook)
            async with app.run_test(size=(120, 40)) as pilot:
                while not isinstance(app.screen, ReciteScreen) or not drawn[0]:
                    await pilot.pause()
                await pilot.pause()
                results["open"].append(drawn[0] - started)
                view = app.screen.query_one(PassageText)
                for key, name in (("plus", "level"), ("space", "space"), ("j", "next")) * 3:
                    started = time.perf_counter()
                    await pilot.press(key)
                    await pilot.pause()
                    results[name].append(drawn[0] - started)
                started = time.perf_counter()
                view._width = 0
                view._layout()
                results["layout"].append(time.perf_counter() - started)
                drawn[0] = 0.0
    finally:
        PassageText.render_line = original  # type: ignore[method-assign]
    return results


def main() -> None:
    document = long_section()
    bench_hide(document)
    bench_grade(document)
    results = asyncio.run(bench_screen(document))
    print(f"recite screen on that section, 120x40, median of {RUNS} runs:")
    print(f"  open (screen pushed to first lines drawn): {median_ms(results['open'])}")
    print(f"  + (level up), key press to lines redrawn: {median_ms(results['level'])}")
    print(f"  Space (next clause), key press to lines redrawn: {median_ms(results['space'])}")
    print(f"  j (next paragraph), key press to lines redrawn: {median_ms(results['next'])}")
    print(f"  layout of the whole section (a resize): {median_ms(results['layout'])}")


if __name__ == "__main__":
    main()
