"""The library with 200 documents and 100,000 cards: its query, the app's first frame on it, a review across it."""

from __future__ import annotations

import asyncio
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from tests.bench.peak import PEAK
from tui.core import quiz, scheduler
from tui.core.records import Answer
from tui.core.review_across import review_across
from tui.core.store import FILENAME, Store
from tui.core.workbook import Workbook

ROOT = Path(__file__).resolve().parents[2]
SPEECH = ROOT / "data" / "zuofeng-speech.txt"
CORPUS = ROOT.parent / "shared" / "corpus"
DOCUMENTS = 200
CARDS = 100_000
DUE_PER_DOCUMENT = 30  # cards due now in each of the few documents with any
NOW = datetime.now(timezone.utc)

# `study` itself on the library, reporting its first frame (the library's rows are filled before it).
STUDY = PEAK + textwrap.dedent(
    """
    import sys, time
    import tui.app

    class Timed(tui.app.StudyApp):
        def on_ready(self):
            print("frame", time.time(), flush=True)
            self.exit()

        def run(self, **kwargs):
            return super().run(headless=True, size=(110, 30))

    tui.app.StudyApp = Timed
    from tui.cli import main
    main([])
    """
)


def due_documents(folder: Path) -> list[Path]:
    """The few documents with cards due: the bundled speech and the corpus' Chinese texts when present."""
    sources = [SPEECH] + sorted(CORPUS.glob("zh_*.txt"))
    paths = []
    for source in sources[:3]:
        path = folder / source.name
        path.write_text(source.read_text("utf-8"), "utf-8")
        paths.append(path)
    return paths


def build(data: Path, folder: Path) -> int:
    """The store: a few real documents with due cards, the rest with cards due later; the total of cards."""
    store = Store.open(data)
    long_ago = NOW - timedelta(days=60)
    made = 0
    for path in due_documents(folder):
        workbook = Workbook(path, path.read_text("utf-8"), store)
        workbook.open()
        workbook.use_phrases(workbook.find_phrases())  # extracted once, into the phrase cache
        for card in workbook.cards[:DUE_PER_DOCUMENT]:
            store.record_review(workbook.document_id(), Answer(card.key, "", quiz.GOOD, outcome="right", time=long_ago))
            made += 1
    store.close()
    state, _ = scheduler.review(None, quiz.GOOD, NOW, key="bench")
    others = DOCUMENTS - 3
    per_document = (CARDS - made) // others
    with sqlite3.connect(data / FILENAME) as db:
        for number in range(others):
            cursor = db.execute(
                "INSERT INTO documents (path, content_hash, title, opened_at, section_count, card_count) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (str(folder / f"gone-{number}.txt"), f"hash-{number}", f"文档 {number}", NOW.timestamp() - number * 3600,
                 40, per_document + 50),
            )
            document_id = cursor.lastrowid
            later = (NOW + timedelta(days=3 + number % 20)).timestamp()
            db.executemany(
                "INSERT INTO cards (document_id, key, section_key, state, due, introduced, stability) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (document_id, f"一/phrase {card}/1", "一", state, later, NOW.timestamp(), 2.0 + card % 30)
                    for card in range(per_document)
                ],
            )
            made += per_document
    return made


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


async def app_samples(data: Path, runs: int) -> tuple[list[float], list[float]]:
    """In-process: from starting the app to the library's rows; from `r` to the review across on screen."""
    from tui.app import StudyApp
    from tui.i18n import set_language
    from tui.screens.library_screen import LibraryScreen
    from tui.screens.review_screen import ReviewScreen
    from tui.widgets.library_table import LibraryTable

    set_language("zh")
    opened, reviewed = [], []
    for _ in range(runs):
        store = Store.open(data)
        started = time.perf_counter()
        app = StudyApp(store=store, always=[SPEECH])
        async with app.run_test(size=(110, 30)) as pilot:
            while not (isinstance(app.screen, LibraryScreen) and app.screen.query_one(LibraryTable).rows):
                await pilot.pause()
            opened.append(time.perf_counter() - started)
            started = time.perf_counter()
            await pilot.press("r")
            while not isinstance(app.screen, ReviewScreen):
                await asyncio.sleep(0.005)
            reviewed.append(time.perf_counter() - started)
            await pilot.pause()  # mounted before the app ends
        store.close()
    return opened, reviewed


def first_frame(data: Path, runs: int) -> list[float]:
    """`study` as typed: a new process, to its first frame showing the library."""
    samples = []
    for _ in range(runs):
        env = dict(os.environ, STUDY_DATA_DIR=str(data), STUDY_LANG="zh")
        started = time.time()
        out = subprocess.run([sys.executable, "-c", STUDY], capture_output=True, text=True, env=env, cwd=ROOT, check=True)
        frame = next(float(line.split()[1]) for line in out.stdout.splitlines() if line.startswith("frame "))
        samples.append(frame - started)
    return samples


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="study-bench-library-") as temporary:
        data, folder = Path(temporary) / "data", Path(temporary) / "files"
        folder.mkdir()
        cards = build(data, folder)
        store = Store.open(data)
        query = []
        for _ in range(15):
            started = time.perf_counter()
            entries = store.library(always=[SPEECH])
            query.append(time.perf_counter() - started)
        across = []
        for _ in range(5):
            started = time.perf_counter()
            review = review_across(store)
            across.append(time.perf_counter() - started)
        store.close()
        opened, reviewed = asyncio.run(app_samples(data, 5))
        frames = first_frame(data, 5)

    documents = len(review.workbooks)
    print(f"library: {len(entries)} documents, {cards} cards; {documents} with {len(review.items)} cards due")
    print(f"library query (store.library):            {median_ms(query):7.1f} ms  (median of 15)")
    print(f"app: start to the library's rows:         {median_ms(opened):7.1f} ms  (median of 5, in process)")
    print(f"study: new process to its first frame:    {median_ms(frames):7.1f} ms  (median of 5)")
    print(f"review across: read the due documents:    {median_ms(across):7.1f} ms  (median of 5)")
    print(f"app: r to the review across on screen:    {median_ms(reviewed):7.1f} ms  (median of 5, in process)")


if __name__ == "__main__":
    main()
