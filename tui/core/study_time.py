"""The store's figures of time: how long was spent answering, and the streak of days studied."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Any

from tui.core import scheduler


def _local_day(epoch: float) -> date:
    return datetime.fromtimestamp(epoch).date()


class StudyTime:
    """Time spent and days studied, read from the reviews; mixed into `Store`, which supplies `_read`.

    `document_id` None means every document in the store (a library's figures).
    """

    def _read(self, sql: str, parameters: Iterable[object] = ()) -> list[tuple[Any, ...]]:
        raise NotImplementedError

    def _review_rows(self, columns: str, document_id: int | None, since: float) -> list[tuple[Any, ...]]:
        if document_id is None:
            return self._read(f"SELECT {columns} FROM reviews WHERE time >= ?", (since,))
        return self._read(f"SELECT {columns} FROM reviews WHERE document_id = ? AND time >= ?", (document_id, since))

    def time_spent(self, document_id: int | None, since: datetime | None = None) -> float:
        """Seconds spent answering: the sum of the reviews' durations (since a moment, if given).

        A review stored without a duration (an answer shown, or one from before durations
        were kept) adds nothing.
        """
        since_epoch = scheduler.utc(since).timestamp() if since is not None else 0.0
        rows = self._review_rows("COALESCE(SUM(duration), 0)", document_id, since_epoch)
        return float(rows[0][0] or 0.0)

    def streak(self, document_id: int | None, now: datetime | None = None) -> int:
        """Consecutive local days with at least one review, ending today, or yesterday when
        nothing was studied yet today (the streak is not lost before the day is over)."""
        today = scheduler.utc(now).astimezone().date()
        days = {_local_day(when) for (when,) in self._review_rows("time", document_id, 0.0)}
        day = today if today in days else today - timedelta(days=1)
        count = 0
        while day in days:
            count += 1
            day -= timedelta(days=1)
        return count
