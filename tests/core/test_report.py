"""Tests for tui/core/report.py: the stats screen's report and the count of cards due today."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tui.core.model import Card
from tui.core.records import Answer
from tui.core.report import FORECAST_DAYS, REVIEW_DAYS, due_today, study_report
from tui.core.store import Store
from tui.core.workbook import Workbook

from .test_workbook import NOTES  # the same notes as the workbook's own tests

NOW = datetime(2026, 3, 10, 12, 0).astimezone()  # local noon: days before it are whole local days


@pytest.fixture
def workbook(store: Store) -> Workbook:
    book = Workbook(Path("notes.txt"), NOTES, store)
    book.open()
    book.use_phrases(book.find_phrases())
    return book


def answer(workbook: Workbook, card: Card, when: datetime, rating: int = 3, seconds: float = 30.0) -> None:
    assert workbook.store is not None
    key = workbook.opened.section_keys()[card.section_id]
    workbook.store.record_review(
        workbook.document_id(), Answer(card.key, key, rating, outcome="right", duration=seconds, time=when)
    )


class TestStudyReport:
    def test_before_any_answer(self, workbook: Workbook) -> None:
        report = study_report(workbook, NOW)
        assert (report.time_today, report.time_total, report.streak, report.due_today) == (0, 0, 0, 0)
        assert len(report.stats.reviews_per_day) == REVIEW_DAYS == 30
        assert len(report.stats.due_forecast) == FORECAST_DAYS == 14
        assert report.stats.reviews_per_day[-1][0] == report.stats.due_forecast[0][0] == NOW.date()
        assert report.stats.totals.new == len(workbook.all_cards)

    def test_figures_of_answers_given_on_chosen_days(self, workbook: Workbook) -> None:
        first, second, third = workbook.cards[:3]
        answer(workbook, first, NOW - timedelta(days=40))  # long overdue now
        answer(workbook, second, NOW - timedelta(days=2), seconds=20.0)
        answer(workbook, second, NOW - timedelta(days=1), seconds=25.0)
        answer(workbook, third, NOW - timedelta(hours=1), rating=1, seconds=15.0)
        report = study_report(workbook, NOW)
        assert report.streak == 3  # today, yesterday, the day before; not 40 days ago
        assert (report.time_today, report.time_total) == (15.0, 90.0)
        per_day = dict(report.stats.reviews_per_day)
        assert sum(per_day.values()) == 3  # the answer of 40 days ago is older than 30 days
        assert per_day[NOW.date() - timedelta(days=1)] == per_day[NOW.date()] == 1
        forecast = report.stats.due_forecast
        assert sum(count for _, count in forecast) <= 3
        # The overdue card and the one failed an hour ago are due today.
        assert report.due_today == forecast[0][1] >= 2
        assert report.due_today == due_today(workbook, NOW)
        assert report.stats.accuracy == pytest.approx(3 / 4)

    def test_the_forecast_looks_two_weeks_ahead(self, workbook: Workbook) -> None:
        card = workbook.cards[0]
        answer(workbook, card, NOW - timedelta(days=1), rating=4)  # Easy: due in about a week
        forecast = study_report(workbook, NOW).stats.due_forecast
        [day] = [day for day, count in forecast if count]
        assert NOW.date() < day <= NOW.date() + timedelta(days=13)


class TestDueToday:
    def test_none_without_a_store_or_before_the_phrases(self, store: Store) -> None:
        bare = Workbook(Path("notes.txt"), NOTES)
        bare.open()
        bare.use_phrases(bare.find_phrases())
        assert due_today(bare, NOW) is None
        waiting = Workbook(Path("notes.txt"), NOTES, store)
        waiting.open()
        assert due_today(waiting, NOW) is None

    def test_only_the_cards_the_text_has(self, workbook: Workbook) -> None:
        answer(workbook, workbook.cards[0], NOW - timedelta(days=30))
        assert workbook.store is not None
        workbook.store.record_review(
            workbook.document_id(), Answer("gone :: 旧提法 #1", "gone", 3, outcome="right", time=NOW - timedelta(days=30))
        )
        assert due_today(workbook, NOW) == 1


@pytest.mark.parametrize(("value", "percent"), [(0.0, 0), (0.29, 29), (0.5, 50), (0.996, 99), (1.0, 100)])
def test_mastery_percent_rounds_down_so_100_means_every_card(value: float, percent: int) -> None:
    from tui.core.report import mastery_percent

    assert mastery_percent(value) == percent
