"""Benchmark of the text pane: wrapping speed, first frame and page-down on a 1 MB document."""

from __future__ import annotations

import asyncio
import random
import statistics
import time

from textual.app import App, ComposeResult

from tui.core.model import Document, Section
from tui.core.wrap import wrap
from tui.widgets.text_view import TextView

MEGABYTE = 1_000_000
RUNS = 5
# Common characters of official documents, so the text looks like what users read.
CHARACTERS = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动"
    "同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自"
    "二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日"
    "那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变"
    "条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总"
    "次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指"
    "几九区强放决西被干做必战先回则任取据处理世车"
)
CLOSERS = "，，，，、；。"


def make_document(size: int = MEGABYTE, seed: int = 4) -> Document:
    """A document of about `size` bytes of UTF-8 Chinese, in sections of a few paragraphs."""
    rng = random.Random(seed)
    numerals = "一二三四五六七八九十"
    sections: list[Section] = []
    total = 0
    number = 0
    while total < size:
        number += 1
        children = []
        for child in range(1, 5):
            paragraphs = []
            for _ in range(rng.randint(2, 5)):
                clauses = [
                    "".join(rng.choices(CHARACTERS, k=rng.randint(4, 24))) + rng.choice(CLOSERS)
                    for _ in range(rng.randint(4, 16))
                ]
                paragraph = "".join(clauses)[:-1] + "。"
                paragraphs.append(paragraph)
                total += len(paragraph.encode())
            label = f"（{numerals[(child - 1) % 10]}）"
            heading = "".join(rng.choices(CHARACTERS, k=10))
            children.append(Section(f"s{number}.{child}", "heading", 2, label, heading, paragraphs))
        label = f"{numerals[(number - 1) % 10]}、"
        heading = "".join(rng.choices(CHARACTERS, k=8))
        sections.append(Section(f"s{number}", "heading", 1, label, heading, [], children))
    return Document("基准", "text", sections)


def median_ms(samples: list[float]) -> str:
    return f"{statistics.median(samples) * 1000:.1f} ms"


def bench_wrap(document: Document) -> tuple[float, float]:
    """Median seconds to wrap every paragraph at width 80, and the megabytes wrapped."""
    paragraphs = [p for section in document.walk() for p in section.paragraphs]
    size = sum(len(p.encode()) for p in paragraphs) / MEGABYTE
    samples = []
    for _ in range(RUNS):
        start = time.perf_counter()
        for paragraph in paragraphs:
            wrap(paragraph, 80)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples), size


class FirstFrameView(TextView):
    """A TextView noting when its first line of text is drawn, and when it last drew a line."""

    first_frame: float | None = None
    last_drawn: float = 0.0

    def render_line(self, y: int):
        strip = super().render_line(y)
        self.last_drawn = time.perf_counter()
        if self.first_frame is None and self.line_count:
            self.first_frame = self.last_drawn
        return strip


class BenchApp(App[None]):
    def __init__(self, document: Document) -> None:
        super().__init__()
        self.document = document

    def compose(self) -> ComposeResult:
        yield FirstFrameView(self.document, captions={"preamble": "开篇", "closing": "结语"})


async def first_frame_and_page_down(document: Document) -> dict[str, list[float]]:
    """Seconds to the first drawn line; page-down handled and redrawn; layout; search."""
    results: dict[str, list[float]] = {
        name: [] for name in ("first", "press", "drawn", "redraw", "layout", "search")
    }
    for _ in range(RUNS):
        start = time.perf_counter()
        app = BenchApp(document)
        async with app.run_test(size=(120, 40)) as pilot:
            view = app.query_one(FirstFrameView)
            while view.first_frame is None:
                await pilot.pause()
            results["first"].append(view.first_frame - start)
            for _ in range(10):
                # A key press through the app's queue, until the screen is idle again.
                t0 = time.perf_counter()
                await pilot.press("pagedown")
                await pilot.pause()
                results["press"].append(time.perf_counter() - t0)
                # From the key press to the last line of the new page drawn.
                results["drawn"].append(view.last_drawn - t0)
                # The widget's own share: scroll a page and draw every visible line afresh.
                t0 = time.perf_counter()
                view.scroll_page_down(animate=False)
                for y in range(view.scrollable_content_region.height):
                    view.render_line(y)
                results["redraw"].append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            view._layout()  # what a change of width costs
            results["layout"].append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            view.search("发展")
            results["search"].append(time.perf_counter() - t0)
    return results


def main() -> None:
    document = make_document()
    seconds, size = bench_wrap(document)
    print(
        f"wrap: {size:.2f} MB of Chinese at width 80 in {seconds * 1000:.1f} ms"
        f" (median of {RUNS}) = {size / seconds:.1f} MB/s"
    )
    results = asyncio.run(first_frame_and_page_down(document))
    lines = sum(len(s.paragraphs) for s in document.walk())
    print(f"text view, {size:.2f} MB document ({lines} paragraphs), 120x40, median of {RUNS}:")
    print(f"  first frame (app start to first text line drawn): {median_ms(results['first'])}")
    print(f"  page down, key press to new page drawn: {median_ms(results['drawn'])}")
    print(f"  page down, key press to idle (Pilot round trip): {median_ms(results['press'])}")
    print(f"  page down, scroll and draw the visible lines: {median_ms(results['redraw'])}")
    print(f"  full layout (a resize): {median_ms(results['layout'])}")
    print(f"  search for a common word: {median_ms(results['search'])}")


if __name__ == "__main__":
    main()
