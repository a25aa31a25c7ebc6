"""Snapshots of the stats screen, in Chinese and English at 100×30 (each looked at before it was accepted).

The moment is frozen and the machine's time zone set to UTC for the test, so the charts'
dates and every figure are the same wherever and whenever the test runs.
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable

from tui.core import quiz
from tui.core.records import Answer
from tui.core.report import study_report
from tui.core.store import Store
from tui.screens.stats_screen import StatsScreen

from .conftest import SPEECH, study_app, until_ready

SIZE = (100, 30)
NOW = datetime(2026, 3, 10, 12, 0, tzinfo=timezone.utc)


@pytest.fixture
def utc_zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def fill(store: Store, app) -> None:
    """A month of answers on fixed days: 40 cards, one in six failed, one in three answered Easy again
    once its learning step was over (so it falls due in the days ahead); one card mastered."""
    workbook = app.workbook
    keys = workbook.opened.section_keys()
    document_id = workbook.document_id()
    # FSRS fuzzes intervals with the random module: seeded, the due dates are the same each run.
    kept = random.getstate()
    random.seed(20260310)
    try:
        _answer_a_month(store, workbook, keys, document_id)
    finally:
        random.setstate(kept)


def _answer_a_month(store: Store, workbook, keys: dict[str, str], document_id: int) -> None:
    for n, card in enumerate(workbook.cards[:40]):
        when = NOW - timedelta(days=(n * 7) % 29, hours=n % 5)
        rating = quiz.AGAIN if n % 6 == 0 else quiz.GOOD
        answer = Answer(card.key, keys[card.section_id], rating, outcome="right", duration=20.0 + n, time=when)
        recorded = store.record_review(document_id, answer)
        if n % 3 == 1:
            again = Answer(card.key, keys[card.section_id], quiz.EASY, outcome="right", duration=5.0, time=recorded.due)
            store.record_review(document_id, again)
    # One card kept up until it holds for three weeks: mastered.
    card, when = workbook.cards[45], NOW - timedelta(days=120)
    while when < NOW:
        recorded = store.record_review(document_id, Answer(card.key, keys[card.section_id], quiz.GOOD, outcome="right",
                                                           duration=8.0, time=when))
        when = recorded.due


class TestStatsScreen:
    @pytest.mark.parametrize("language", ["zh", "en"])
    def test_a_month_of_answers(self, snap_compare, store: Store, utc_zone: None, language: str) -> None:
        app = study_app(SPEECH, language=language, store=store)

        async def run_before(pilot: Pilot) -> None:
            await until_ready(app, pilot)
            fill(store, app)
            await app.push_screen(StatsScreen(app.workbook, study_report(app.workbook, NOW)))
            await pilot.pause()
            assert app.screen.query_one(DataTable).row_count > 10

        assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
