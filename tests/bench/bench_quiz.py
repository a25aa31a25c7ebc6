"""The quiz as the user feels it: Enter to a redrawn screen, r to a drawn review over 5,000 cards, one stored answer.

Headless apps, timed from the key press to the end of the screen's next compositor
refresh (the frame the terminal would be sent). Textual paints at most once per
1/MAX_FPS seconds, so a frame's wait for its slot is part of every figure.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from pathlib import Path

from textual import constants
from textual.pilot import Pilot
from textual.screen import Screen

ROOT = Path(__file__).resolve().parents[2]
SPEECH = ROOT / "data" / "zuofeng-speech.txt"
ANSWERS = 30
CARDS = 5_000
QUOTED = 6_500  # quoted phrases written; the extractor keeps a little over CARDS of them
OPENINGS = 9
CHARACTERS = "作风建设永远在路上两个确立维护抓常细长零容忍党的人心向背发展需求行动自觉问题导向精准靶向施策责任担当长效机制"


# ---------------------------------------------------------------- timing frames


class Frames:
    """Records when each screen finished a compositor refresh (a frame)."""

    def __init__(self) -> None:
        self.times: list[tuple[float, Screen]] = []

    @contextmanager
    def watching(self) -> Iterator[Frames]:
        original = Screen._compositor_refresh
        frames = self

        def refresh(screen: Screen) -> None:
            original(screen)
            frames.times.append((time.perf_counter(), screen))

        Screen._compositor_refresh = refresh  # type: ignore[method-assign]
        try:
            yield self
        finally:
            Screen._compositor_refresh = original  # type: ignore[method-assign]

    def first_after(self, moment: float, screen: Screen | None = None) -> float | None:
        for when, drawn in self.times:
            if when >= moment and (screen is None or drawn is screen):
                return when
        return None


async def until(pilot: Pilot, condition: Callable[[], object], tries: int = 2_000) -> None:
    for _ in range(tries):
        if condition():
            return
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
    raise RuntimeError("the app never got there")


async def settled(pilot: Pilot, screen: Screen) -> None:
    """Until the screen has nothing left to draw."""

    def clean() -> bool:
        return not (screen._dirty_widgets or screen._layout_required or screen._repaint_required)

    await until(pilot, clean)


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


# ---------------------------------------------------------------- checking an answer


async def answer_and_redraw(path: Path, text: str, data: str, answers: int = ANSWERS) -> tuple[list[float], list[float]]:
    """Enter on a typed answer until the frame that shows it graded; and the handler alone."""
    from tui.app import StudyApp
    from tui.core.store import Store
    from tui.core.workbook import Workbook
    from tui.i18n import set_language
    from tui.screens.blank_screen import BlankScreen
    from tui.screens.quiz_screen import QuizScreen

    store = Store.open(data)
    set_language("zh")
    app = StudyApp(Workbook(path, text, store), start="quiz")
    handler: list[float] = []
    original = BlankScreen.graded

    def graded(self: BlankScreen, index: int) -> None:
        started = time.perf_counter()
        original(self, index)
        handler.append(time.perf_counter() - started)

    BlankScreen.graded = graded  # type: ignore[method-assign]
    samples: list[float] = []
    rng = random.Random(11)
    try:
        with Frames().watching() as frames:
            async with app.run_test(size=(100, 30)) as pilot:
                await until(pilot, lambda: isinstance(app.screen, QuizScreen))
                while len(samples) < answers:
                    screen = app.screen
                    if not isinstance(screen, QuizScreen) or screen.session.done:
                        # Round done: the summary, then Enter into the next round or section's quiz.
                        session = getattr(screen, "session", None)
                        await pilot.press("enter")
                        await until(pilot, lambda: not isinstance(app.screen, QuizScreen) or app.screen is not screen)
                        await pilot.press("enter")
                        await until(pilot, lambda: isinstance(app.screen, QuizScreen)
                                    and (app.screen is not screen or app.screen.session is not session))
                        continue
                    await settled(pilot, screen)
                    blank = screen.session.active_blank
                    typed = blank.answer if rng.random() < 0.6 else blank.answer[:-1] + "错"
                    screen.answer_bar.input.value = typed
                    await pilot.pause()
                    await settled(pilot, screen)
                    index = screen.session.active
                    started = time.perf_counter()
                    await pilot.press("enter")
                    await until(pilot, lambda: screen.session.states[index].graded and frames.first_after(started, screen))
                    samples.append(frames.first_after(started, screen) - started)  # type: ignore[operator]
    finally:
        BlankScreen.graded = original  # type: ignore[method-assign]
        store.close()
    return samples, handler


# ---------------------------------------------------------------- a document of 5,000 cards


def big_document(quoted: int = QUOTED, seed: int = 7) -> str:
    """Markdown sections of three paragraphs, each with five quoted phrases, `quoted` in all."""
    rng = random.Random(seed)
    seen: set[str] = set()
    lines = ["# 作风建设学习笔记", ""]
    made = number = 0
    while made < quoted:
        number += 1
        lines += [f"## 第{number}部分 学习要点", ""]
        for _ in range(3):
            parts = []
            for _ in range(5):
                lead = "".join(rng.choices(CHARACTERS, k=rng.randint(4, 10)))
                while True:
                    phrase = "".join(rng.choices(CHARACTERS, k=rng.randint(4, 8)))
                    if phrase not in seen:
                        seen.add(phrase)
                        break
                parts.append(f"{lead}“{phrase}”")
                made += 1
            lines += ["，".join(parts) + "。", ""]
    return "\n".join(lines)


def fill_store(data: str, path: Path, text: str, reviewed: float = 0.8) -> int:
    """Cache the document's phrases and give most of its cards a history, as years of use would."""
    import sqlite3

    from tui.core import phrases as extractor
    from tui.core import scheduler
    from tui.core.outline import parse
    from tui.core.quiz import cards_for
    from tui.core.store import FILENAME, Store

    doc = parse(text, path.name)
    found = extractor.extract(doc)
    content_hash = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    cards = cards_for(doc, found)
    keys = doc.section_keys()
    now = datetime.now(timezone.utc)
    rng = random.Random(3)
    card_rows, review_rows = [], []
    with Store.open(data) as store:
        store.cache_phrases(content_hash, extractor.EXTRACTOR_VERSION, found)
        document_id = store.document(path, content_hash, doc.title)
    for card in cards:
        if rng.random() > reviewed:
            continue
        when = now - timedelta(days=rng.randint(1, 60))
        state = None
        for _ in range(rng.randint(1, 4)):
            state, due = scheduler.review(state, rng.choice((1, 3, 3, 3, 4)), when, key=card.key)
            review_rows.append((document_id, card.key, keys[card.section_id], when.timestamp(), card.phrase.text,
                                "right", 1, 0, 3, 3.0))
            when = due
        card_rows.append((document_id, card.key, keys[card.section_id], state, due.timestamp(),
                          now.timestamp() - 86400 * 30))
    with sqlite3.connect(Path(data) / FILENAME) as db:
        db.executemany("INSERT INTO cards (document_id, key, section_key, state, due, introduced) VALUES (?, ?, ?, ?, ?, ?)",
                       card_rows)
        db.executemany(
            "INSERT INTO reviews (document_id, card_key, section_key, time, typed, outcome, correct, hints, rating, "
            "duration) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            review_rows,
        )
    return len(cards)


async def open_review(path: Path, text: str, data: str, runs: int = OPENINGS) -> tuple[list[float], int]:
    """r in the reader until the review screen's first frame."""
    from tui.app import StudyApp
    from tui.core.store import Store
    from tui.core.workbook import Workbook
    from tui.i18n import set_language
    from tui.screens.reader_screen import ReaderScreen
    from tui.screens.review_screen import ReviewScreen

    store = Store.open(data)
    set_language("zh")
    app = StudyApp(Workbook(path, text, store))
    samples: list[float] = []
    queued = 0
    try:
        with Frames().watching() as frames:
            async with app.run_test(size=(100, 30)) as pilot:
                await until(pilot, lambda: bool(app.workbook.cards) and isinstance(app.screen, ReaderScreen))
                for _ in range(runs):
                    await settled(pilot, app.screen)
                    started = time.perf_counter()
                    await pilot.press("r")
                    await until(pilot, lambda: isinstance(app.screen, ReviewScreen)
                                and frames.first_after(started, app.screen))
                    samples.append(frames.first_after(started, app.screen) - started)  # type: ignore[operator]
                    queued = len(app.screen.session.blanks)  # type: ignore[attr-defined]
                    await pilot.press("escape")
                    await until(pilot, lambda: isinstance(app.screen, ReaderScreen))
    finally:
        store.close()
    return samples, queued


# ---------------------------------------------------------------- storing an answer


def store_answers(data: str, path: Path, text: str, count: int = 200) -> list[float]:
    from tui.core import phrases as extractor
    from tui.core import records
    from tui.core.outline import parse
    from tui.core.quiz import cards_for
    from tui.core.store import Store

    doc = parse(text, path.name)
    content_hash = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    samples = []
    with Store.open(data) as store:
        found = store.cached_phrases(content_hash, extractor.EXTRACTOR_VERSION) or extractor.extract(doc)
        cards = cards_for(doc, found)
        keys = doc.section_keys()
        document_id = store.document(path, content_hash, doc.title)
        for card in random.Random(5).sample(cards, min(count, len(cards))):
            started = time.perf_counter()
            store.record_review(document_id, records.Answer(card.key, keys[card.section_id], 3, outcome="right", typed=card.phrase.text, hints=0, duration=2.0))
            samples.append(time.perf_counter() - started)
    return samples


def main() -> None:
    from tui.core.loader import load

    os.environ.pop("STUDY_LANG", None)
    speech = load(SPEECH)
    big = big_document()
    with tempfile.TemporaryDirectory(prefix="study-bench-quiz-") as folder:
        big_path = Path(folder) / "notes.md"
        big_path.write_text(big, encoding="utf-8")

        data = os.path.join(folder, "speech")
        checks, handler = asyncio.run(answer_and_redraw(SPEECH, speech, data))

        data = os.path.join(folder, "big")
        started = time.perf_counter()
        cards = fill_store(data, big_path, big)
        setup = time.perf_counter() - started
        big_checks, big_handler = asyncio.run(answer_and_redraw(big_path, big, data))
        reviews, queued = asyncio.run(open_review(big_path, big, data))
        stored = store_answers(data, big_path, big)

    frame = 1000 / constants.MAX_FPS
    print(f"(frames every {frame:.1f} ms: MAX_FPS={constants.MAX_FPS}; synthetic store filled in {setup:.1f} s)")
    print(f"answer → graded frame, the speech (median of {len(checks)}):   {median_ms(checks):6.1f} ms"
          f"  (max {max(checks) * 1000:.1f}; handler alone {median_ms(handler):.1f} ms)")
    print(f"answer → graded frame, {cards} cards (median of {len(big_checks)}): {median_ms(big_checks):6.1f} ms"
          f"  (max {max(big_checks) * 1000:.1f}; handler alone {median_ms(big_handler):.1f} ms)")
    print(f"r → review drawn, {cards} cards, {queued} queued (median of {len(reviews)}): {median_ms(reviews):6.1f} ms"
          f"  (max {max(reviews) * 1000:.1f})")
    print(f"store one answer, Store.record_review (median of {len(stored)}): {median_ms(stored):6.2f} ms"
          f"  (max {max(stored) * 1000:.1f})")


if __name__ == "__main__":
    main()
