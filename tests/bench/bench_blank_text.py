"""Benchmark of the quiz's text: one answer in a long paragraph, from the redraw asked to the visible lines drawn.

A section of one paragraph of 50 KB to 1 MB of Chinese with a blank every 60 characters
or so. Each answer grades the active blank and moves to the next, as the quiz does, then
the screen's redraw: the rows cut around the blanks (the screen's part), then
`BlankText.show` and every visible line rendered (the widget's part, also shown alone). The first showing (the whole paragraph laid
out once) is timed apart. `python -m tests.bench blank_text [--sizes 50,100]` picks sizes.
"""

from __future__ import annotations

import asyncio
import random
import statistics
import sys
import time

from textual.app import App, ComposeResult

from tui.core.model import Document, Phrase, Section
from tui.core.quiz import cards_for
from tui.core.session import QuizSession, blanks_for
from tui.widgets.blank_text import BlankText, Row

KILOBYTE = 1000
SIZES_KB = (50, 100, 200, 1000)
ANSWERS = 9
TOO_SLOW = 30.0  # seconds: one answer slower than this ends that size's run
SIZE = (100, 30)
CHARACTERS = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动"
    "同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自"
)


def make_section(size: int, seed: int = 5) -> tuple[Section, list[Phrase]]:
    """One paragraph of about `size` bytes of UTF-8, with a quoted phrase every 60 characters or so."""
    rng = random.Random(seed)
    parts: list[str] = []
    phrases: list[Phrase] = []
    at = 0
    while at * 3 < size:
        lead = "".join(rng.choices(CHARACTERS, k=rng.randint(30, 70))) + "，"
        phrase = "".join(rng.choices(CHARACTERS, k=rng.randint(4, 9)))
        parts += [lead, "“", phrase, "”"]
        start = at + len(lead) + 1
        phrases.append(Phrase(0, start, start + len(phrase), phrase, "quote"))
        at = start + len(phrase) + 1
    return Section("1", "heading", 1, "一、", "长段落", ["".join(parts)]), phrases


class Host(App[None]):
    CSS = "BlankText { height: 1fr; padding: 0 2; }"

    def __init__(self, section: Section, session: QuizSession) -> None:
        super().__init__()
        self.section = section
        self.session = session

    def compose(self) -> ComposeResult:
        yield BlankText()

    def rows(self) -> list[Row]:
        """As the quiz screen builds them: the heading, then each paragraph cut around its blanks."""
        rows = [Row("heading", [self.section.heading])]
        for number, text in enumerate(self.section.paragraphs):
            rows.append(Row("paragraph", self.session.segments(self.section.id, number, text)))
        return rows

    def redraw(self) -> float:
        """The screen's redraw; returns the seconds the widget took (show and draw), rows apart."""
        view = self.query_one(BlankText)
        rows = self.rows()
        started = time.perf_counter()
        view.show(rows, self.session)
        for y in range(view.scrollable_content_region.height):
            view.render_line(y)
        return time.perf_counter() - started


async def answers_in(size: int) -> tuple[float, list[float], list[float]]:
    """Seconds to show the section at first; per answer to redraw, and the widget's part of it."""
    section, phrases = make_section(size)
    doc = Document("基准", "text", [section])
    session = QuizSession(blanks_for(section, cards_for(doc, {"1": phrases})), now=0.0)
    app = Host(section, session)
    rng = random.Random(2)
    samples: list[float] = []
    widget: list[float] = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        started = time.perf_counter()
        app.redraw()
        first = time.perf_counter() - started
        for _ in range(ANSWERS):
            blank = session.active_blank
            assert blank is not None
            session.answer(blank.answer if rng.random() < 0.7 else "不对", now=0.0)
            session.next_pending(now=0.0)
            started = time.perf_counter()
            widget.append(app.redraw())
            samples.append(time.perf_counter() - started)
            if samples[-1] > TOO_SLOW:
                break
            await pilot.pause()
    return first, samples, widget


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    sizes = SIZES_KB
    if "--sizes" in args:
        sizes = tuple(int(kb) for kb in args[args.index("--sizes") + 1].split(","))
    print(f"quiz text, one paragraph with a blank every ~60 characters, {SIZE[0]}x{SIZE[1]}:")
    for kb in sizes:
        first, samples, widget = asyncio.run(answers_in(kb * KILOBYTE))
        median = statistics.median(samples) * 1000
        note = f" (stopped: one answer took over {TOO_SLOW:.0f} s)" if samples[-1] > TOO_SLOW else ""
        print(
            f"  {kb:5d} KB: first showing {first * 1000:8.1f} ms; an answer redrawn {median:7.1f} ms"
            f" (median of {len(samples)}, max {max(samples) * 1000:.1f}; BlankText alone"
            f" {statistics.median(widget) * 1000:.1f} ms){note}",
            flush=True,
        )


if __name__ == "__main__":
    main()
