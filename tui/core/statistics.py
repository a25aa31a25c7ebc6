"""The store's figures: progress per section, reviews per day, the due forecast, accuracy."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta
from typing import Any

from tui.core import scheduler
from tui.core.records import SectionStats


def _epoch(moment: datetime | None) -> float:
    return scheduler.utc(moment).timestamp()


def _local_day(epoch: float) -> date:
    return datetime.fromtimestamp(epoch).date()


class Statistics:
    """What `Store` reads to show progress; it supplies `_read`. Nothing here writes."""

    def _read(self, sql: str, parameters: Iterable[object] = ()) -> list[tuple[Any, ...]]:
        raise NotImplementedError

    def section_stats(
        self, document_id: int, keys_by_section: Mapping[str, Iterable[str]], now: datetime | None = None
    ) -> dict[str, SectionStats]:
        """Progress per group of cards: `keys_by_section` maps any label (a section id, a
        section key) to the keys of the cards it holds now (see `quiz.keys_by_section`).

        Only the given keys count, so a phrase switched off no longer weighs on its
        section; reviews are those of the given cards. Mastery is the mean of
        `scheduler.mastery` over them (stability towards 21 days), new cards and cards
        last failed counting 0: it is 1 only when every card is mastered.
        """
        cutoff = scheduler.utc(now).timestamp()
        stored = {
            key: (stability, due)
            for key, stability, due in self._read(
                "SELECT key, stability, due FROM cards WHERE document_id = ?", (document_id,)
            )
        }
        reviews: dict[str, int] = {}
        failed: set[str] = set()  # cards whose latest answer was rated Again
        for key, count, last_rating in self._read(
            "SELECT latest.card_key, latest.count, reviews.rating FROM reviews JOIN "
            "(SELECT card_key, COUNT(*) AS count, MAX(id) AS last FROM reviews WHERE document_id = ? "
            "GROUP BY card_key) AS latest ON reviews.id = latest.last",
            (document_id,),
        ):
            reviews[key] = count
            if last_rating == 1:
                failed.add(key)
        known: dict[str, float] = {}  # a card may sit in several groups: work it out once

        def mastery(key: str) -> float:
            if key not in known:
                card = stored.get(key)
                known[key] = scheduler.mastery(float(card[0] or 0.0), failed=key in failed) if card else 0.0
            return known[key]

        stats: dict[str, SectionStats] = {}
        for label, keys in keys_by_section.items():
            keys = list(keys)
            cards = [stored.get(key) for key in keys]
            stats[label] = SectionStats(
                cards=len(keys),
                new=sum(1 for card in cards if card is None),
                due=sum(1 for card in cards if card is not None and card[1] <= cutoff),
                reviews=sum(int(reviews.get(key, 0)) for key in keys),
                mastery=sum(mastery(key) for key in keys) / len(keys) if keys else 0.0,
                mastered=sum(1 for key in keys if mastery(key) >= 1.0),
            )
        return stats

    def reviews_per_day(self, document_id: int, days: int = 30, now: datetime | None = None) -> list[tuple[date, int]]:
        """Reviews on each of the last `days` local days, oldest first, today last."""
        today = scheduler.utc(now).astimezone().date()
        first = today - timedelta(days=days - 1)
        since = scheduler.day_start(scheduler.utc(now) - timedelta(days=days - 1)).timestamp()
        counts: dict[date, int] = {}
        for (when,) in self._read("SELECT time FROM reviews WHERE document_id = ? AND time >= ?", (document_id, since)):
            day = _local_day(when)
            counts[day] = counts.get(day, 0) + 1
        return [(first + timedelta(days=n), counts.get(first + timedelta(days=n), 0)) for n in range(days)]

    def due_forecast(
        self, document_id: int, days: int = 7, now: datetime | None = None, keys: Iterable[str] | None = None
    ) -> list[tuple[date, int]]:
        """Cards falling due on each of the next `days` local days; overdue ones count today.

        With `keys`, only those cards count: a switched-off phrase's card never comes up again.
        """
        today = scheduler.utc(now).astimezone().date()
        wanted = None if keys is None else set(keys)
        counts: dict[date, int] = {}
        for key, due in self._read("SELECT key, due FROM cards WHERE document_id = ?", (document_id,)):
            if wanted is not None and key not in wanted:
                continue
            day = max(today, _local_day(due))
            counts[day] = counts.get(day, 0) + 1
        return [(today + timedelta(days=n), counts.get(today + timedelta(days=n), 0)) for n in range(days)]

    def accuracy(self, document_id: int, since: datetime | None = None) -> float | None:
        """The share of reviews rated above Again (since a moment, if given); None before any."""
        rows = self._read(
            "SELECT AVG(correct) FROM reviews WHERE document_id = ? AND time >= ?",
            (document_id, _epoch(since) if since else 0.0),
        )
        return None if rows[0][0] is None else float(rows[0][0])
