"""A document's study report for the stats screen: progress per section, days past and ahead, time, streak."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from . import scheduler
from .progress import document_stats

if TYPE_CHECKING:
    from .records import DocumentStats
    from .workbook import Workbook

REVIEW_DAYS = 30  # reviews per day, looking back
FORECAST_DAYS = 14  # cards due per day, looking ahead


def mastery_percent(value: float) -> int:
    """Mastery as a whole percentage, rounded down: 100% only when every card is mastered."""
    return int(value * 100 + 1e-9)


@dataclass(frozen=True)
class StudyReport:
    """Everything the stats screen shows of one document."""

    stats: DocumentStats  # per section (with subsections), totals, accuracy, reviews and due by day
    time_today: float  # seconds spent answering since local midnight
    time_total: float
    streak: int  # consecutive days studied up to today (or yesterday)
    due_today: int  # cards due by the end of today, overdue ones included


def study_report(workbook: Workbook, now: datetime | None = None) -> StudyReport:
    """The report of `workbook`'s document as the store has it at `now`. Raises StoreError."""
    stats = document_stats(workbook, days=REVIEW_DAYS, now=now, ahead=FORECAST_DAYS)
    document_id = workbook.stored_id
    store = workbook.store
    if store is None or document_id is None:
        return StudyReport(stats, 0.0, 0.0, 0, 0)
    return StudyReport(
        stats=stats,
        time_today=store.time_spent(document_id, since=scheduler.day_start(now)),
        time_total=store.time_spent(document_id),
        streak=store.streak(document_id, now),
        due_today=stats.due_forecast[0][1],
    )


def due_today(workbook: Workbook, now: datetime | None = None) -> int | None:
    """How many of the document's cards fall due by the end of today (overdue ones included); None
    without a store or a record in it, or before the phrases (and so the cards) are known."""
    store, document_id = workbook.store, workbook.stored_id
    if store is None or document_id is None or not workbook.phrases_ready:
        return None
    keys = [card.key for card in workbook.all_cards]
    return store.due_forecast(document_id, days=1, now=now, keys=keys)[0][1]
