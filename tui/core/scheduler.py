"""FSRS scheduling: card states as JSON, reviews, retrievability, mastery and the review queue."""

from __future__ import annotations

import hashlib
from collections import deque
from collections.abc import Callable, Hashable, Iterable, Mapping
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from typing import TYPE_CHECKING

from tui.core.model import Card

if TYPE_CHECKING:
    from fsrs import Card as FsrsCard
    from fsrs import Scheduler

# `fsrs` is imported on first use, not at start-up: the reader opens without it. It loads
# its optimizer (and torch) only when `fsrs.Optimizer` is touched; never touch it.

NEW_PER_DAY = 20
# A card is mastered once FSRS expects it to stay above 90% recall for three weeks (its
# stability, in days). One right answer gives a new card about 2 days; Easy about 8.
MASTERED_STABILITY = 21.0
MARKS = "○◔◑◕●"

_default: Scheduler | None = None


def default_scheduler() -> Scheduler:
    """The FSRS scheduler with its default parameters (90% desired retention, fuzzed intervals)."""
    global _default
    if _default is None:
        from fsrs import Scheduler

        _default = Scheduler()
    return _default


def utc(moment: datetime | None = None) -> datetime:
    """`moment` (now when None) as an aware UTC datetime; naive ones are taken as UTC.

    fsrs insists on `tzinfo is timezone.utc`, not merely an equivalent zone.
    """
    if moment is None:
        return datetime.now(timezone.utc)
    if moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)


def card_id(key: str) -> int:
    """A stable FSRS card id from a card key (48 bits, so it stays exact in JSON and SQLite)."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=6).digest(), "big")


def review(
    state: str | None,
    rating: int,
    now: datetime | None = None,
    key: str = "",
    scheduler: Scheduler | None = None,
) -> tuple[str, datetime]:
    """Apply one rating (1 Again .. 4 Easy) to a card state; returns the new state and its due time.

    A `state` of None is a new card, whose id comes from `key`.
    """
    moment = utc(now)
    from fsrs import Card as FsrsCard
    from fsrs import Rating

    card = FsrsCard.from_json(state) if state else FsrsCard(card_id=card_id(key), due=moment)
    card, _ = (scheduler or default_scheduler()).review_card(card, Rating(int(rating)), review_datetime=moment)
    return card.to_json(), utc(card.due)


def stability(state: str | None) -> float:
    """A card's FSRS stability in days (the interval at which recall falls to 90%); 0 for a new card."""
    return float(_parsed(state).stability or 0.0) if state else 0.0


@lru_cache(maxsize=1 << 13)
def _parsed(state: str) -> FsrsCard:
    # The outline recomputes mastery after every answer from states that mostly did
    # not change; parsing them once keeps that redraw cheap. Callers must not mutate.
    from fsrs import Card as FsrsCard

    return FsrsCard.from_json(state)


def retrievability(state: str | None, now: datetime | None = None, scheduler: Scheduler | None = None) -> float:
    """The predicted chance of recalling a card at `now`; 0 for a card never reviewed."""
    if not state:
        return 0.0
    card = _parsed(state)
    if card.last_review is None:
        return 0.0
    return float((scheduler or default_scheduler()).get_card_retrievability(card, utc(now)))


def mastery(stability_days: float, failed: bool = False) -> float:
    """How far a card is towards mastered, 0..1: its FSRS stability over `MASTERED_STABILITY`, capped.

    1 means mastered: the card would still be recalled (at 90% or better) three weeks
    from its last review, and so 30 days ahead while it is kept up. A new card counts 0,
    and so does a card whose last answer failed (Again), until it is recalled again.
    """
    if failed or stability_days <= 0:
        return 0.0
    return min(1.0, stability_days / MASTERED_STABILITY)


def is_mastered(stability_days: float, failed: bool = False) -> bool:
    """Whether a card is mastered: stability of `MASTERED_STABILITY` days or more, last answer not failed."""
    return mastery(stability_days, failed) >= 1.0


def mastery_mark(value: float) -> str:
    """○ nothing yet, then ◔ ◑ ◕ by quarters of the way, ● only when every card is mastered (1.0)."""
    if value <= 0:
        return MARKS[0]
    if value >= 1:
        return MARKS[4]
    for mark, upper in zip(MARKS[1:3], (0.375, 0.625)):
        if value < upper:
            return mark
    return MARKS[3]


def day_start(now: datetime | None = None) -> datetime:
    """Local midnight at the start of `now`'s day, in UTC: new cards a day are counted from it."""
    day = utc(now).astimezone().date()
    # A naive local time converted with astimezone() gets that moment's own UTC offset,
    # which differs from `now`'s on the day clocks change.
    return utc(datetime(day.year, day.month, day.day).astimezone())


def spread(items: Iterable[Card], group_of: Callable[[Card], Hashable]) -> list[Card]:
    """Reorder as little as possible so that no two neighbours share a group (when avoidable)."""
    out: list[tuple[Hashable, Card]] = []
    held: deque[tuple[Hashable, Card]] = deque()
    last: Hashable = object()
    for item in items:
        group = group_of(item)
        while held and held[0][0] != last:
            out.append(held.popleft())
            last = out[-1][0]
        if group != last:
            out.append((group, item))
            last = group
        else:
            held.append((group, item))
    # Cards still held found no neighbour of another group in time: slot each into the
    # last gap between two other groups, else put it at the end. A group that finds no
    # gap is not searched again, which keeps one huge sentence from costing n² steps.
    hopeless: set[Hashable] = set()
    for group, item in held:
        at = None if group in hopeless else _gap(out, group)
        if at is None:
            hopeless.add(group)
            out.append((group, item))
        else:
            out.insert(at, (group, item))
    return [item for _, item in out]


def _gap(out: list[tuple[Hashable, Card]], group: Hashable) -> int | None:
    # From the end: a held card came late in the queue, so the nearest gap to where it
    # was moves it least, and keeps new cards behind the due ones where it can.
    for at in range(len(out), -1, -1):
        if (at == 0 or out[at - 1][0] != group) and (at == len(out) or out[at][0] != group):
            return at
    return None


def due_queue(
    cards: Iterable[Card],
    due: Mapping[str, datetime],
    now: datetime | None = None,
    *,
    new_limit: int = NEW_PER_DAY,
    new_today: int = 0,
    group_of: Callable[[Card], Hashable] | None = None,
    learn_ahead: timedelta = timedelta(0),
) -> list[Card]:
    """The cards to review now: those due (oldest first), then new cards in reading order.

    `due` maps the key of every card with a stored state to its due time; cards
    missing from it are new. At most `new_limit - new_today` new cards join, since
    `new_today` were already introduced today. `group_of` names a card's sentence
    (default: its paragraph) so that cards of one sentence do not come back to back.
    """
    moment = utc(now) + learn_ahead
    reviews: list[tuple[datetime, int, Card]] = []
    fresh: list[Card] = []
    allowance = max(0, new_limit - new_today)
    for position, card in enumerate(cards):
        when = due.get(card.key)
        if when is None:
            if len(fresh) < allowance:
                fresh.append(card)
        elif when <= moment:
            reviews.append((when, position, card))
    reviews.sort(key=lambda entry: (entry[0], entry[1]))
    ordered = [card for _, _, card in reviews] + fresh
    return spread(ordered, group_of or (lambda card: (card.section_id, card.phrase.paragraph)))
