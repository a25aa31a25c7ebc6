"""Benchmark of exam plans and backups: 300 cards over 20 days with and without an exam date; a day's copy at opening."""

from __future__ import annotations

import sqlite3
import tempfile
import time
from pathlib import Path

from tests.core.exam_simulation import simulate
from tui.core import backups
from tui.core.store import Store

CARDS, DAYS = 300, 20
RUNS = (
    ("exam date, own pace 5/day, all Good", {"new_per_day": 5}),
    ("exam date, own pace 5/day, mixed answers", {"new_per_day": 5, "mixed": True}),
    ("no exam date, 5/day, mixed answers", {"new_per_day": 5, "mixed": True, "with_plan": False}),
    ("no exam date, 20/day, mixed answers", {"new_per_day": 20, "mixed": True, "with_plan": False}),
    ("exam date, own pace 20/day, mixed answers", {"new_per_day": 20, "mixed": True}),
)
SIZES = (10_000, 50_000, 200_000)  # reviews in the database copied


def main() -> None:
    print(f"{CARDS} cards, exam on day {DAYS}: all introduced by | introduced by day 17 | answers | last 3 days | recall on the exam morning")
    for label, options in RUNS:
        with tempfile.TemporaryDirectory() as folder:
            result = simulate(Path(folder), cards=CARDS, days=DAYS, **options)  # type: ignore[arg-type]
        done = result.all_introduced_on(CARDS)
        print(
            f"  {label:44} day {done if done is not None else '-':>3} | {result.introduced[16]:>4} | "
            f"{sum(result.answers):>5} | {result.answers[-3:]} | {result.recall:.3f}"
        )
    print("the day's copy at opening (Store.open, then backups.in_background):")
    for reviews in SIZES:
        with tempfile.TemporaryDirectory() as folder:
            data_dir = Path(folder)
            _fill(data_dir, reviews)
            started = time.perf_counter()
            store = Store.open(data_dir)
            opened = time.perf_counter()
            thread = backups.in_background(store.path)
            handed = time.perf_counter()
            assert thread is not None
            thread.join()
            copied = time.perf_counter()
            again = backups.in_background(store.path)
            checked = time.perf_counter()
            store.close()
            size = store.path.stat().st_size / 1e6
            print(
                f"  {size:5.1f} MB: Store.open {1000 * (opened - started):6.1f} ms; starting the copy "
                f"{1000 * (handed - opened):5.2f} ms; the copy itself (in its thread) {1000 * (copied - handed):6.1f} ms; "
                f"a later opening that day {1000 * (checked - copied):.3f} ms ({again})"
            )


def _fill(data_dir: Path, reviews: int) -> None:
    """A database with `reviews` reviews of 5,000 cards, their states, and a 1 MB phrase cache."""
    with Store.open(data_dir) as store:
        document = store.document(data_dir / "report.txt", "h", "report")
    connection = sqlite3.connect(data_dir / "study.db")
    state = '{"card_id": 1, "state": 2, "step": null, "stability": 12.3, "difficulty": 5.1}'
    with connection:
        connection.executemany(
            "INSERT INTO reviews (document_id, card_key, section_key, time, typed, outcome, correct, hints, rating, "
            "duration, state_before) VALUES (?, ?, '一、总体要求', ?, '作风建设永远在路上', 'right', 1, 0, 3, 2.5, ?)",
            ((document, f"一、总体要求 :: 短语{n % 5000} #1", 1.7e9 + n, state) for n in range(reviews)),
        )
        connection.execute(
            "INSERT INTO phrase_cache (content_hash, extractor_version, phrases, created_at) VALUES ('h', '1', ?, 0)",
            ("x" * 1_000_000,),
        )
    connection.close()
