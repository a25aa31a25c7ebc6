"""Studying toward an exam date: how many new cards a day, how hard FSRS aims, and whether it is on track.

The plan is worked out afresh from the store every time it is asked (nothing of it is
stored but the date), so skipping a day simply raises the pace for the days left.

- **New cards.** Every card is introduced by `MARGIN_DAYS` before the exam (the
  *target* day), leaving those days for reviews only. The *pace* is the cards not yet
  introduced at the start of today, divided by the days from today to the target day
  (today counted, the target day not), rounded up: at least 1 while cards remain. A
  review brings in the pace or the user's own new-cards-a-day, whichever is higher:
  an exam date only ever raises it.
- **Reviews.** FSRS schedules a card's next review for when its predicted recall falls
  to the desired retention. Far from the exam that is FSRS's 90%; from four weeks out it
  rises evenly to 97% a week before, and stays there: more, shorter intervals as the
  date nears. No interval may end after the eve of the exam (`maximum_interval`), so
  every card is seen again by then (one answered on the eve itself comes back on the
  exam day), and a card already scheduled past the exam day (before the date was set)
  is due on the eve.
- **On track.** Two things: the new cards fit (none are left, or the target day is still
  ahead, so the pace finishes them by it), and reviews are not piling up (the cards
  left overdue from earlier days are no more than one day's reviews: the mean of the
  last seven days, and at least the day's new cards).
- **After the exam** (from the exam day itself), nothing changes any more: the user's
  own new cards a day and FSRS's defaults.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import date, datetime, timedelta
from functools import lru_cache
from math import ceil
from typing import TYPE_CHECKING, NamedTuple

from . import scheduler as fsrs_scheduling
from .scheduler import NEW_PER_DAY

if TYPE_CHECKING:
    from fsrs import Scheduler

    from .store import Store

MARGIN_DAYS = 3  # every card introduced this many days before the exam: the last days are for reviews
BASE_RETENTION = 0.90  # FSRS's own desired retention
FINAL_RETENTION = 0.97  # the last week's
RAMP_START_DAYS = 28  # desired retention starts rising four weeks before the exam…
RAMP_END_DAYS = 7  # …and is at FINAL_RETENTION from a week before
WEEK = 7  # one day's reviews: the mean of this many days


def retention_for(days_left: int) -> float:
    """FSRS's desired retention with `days_left` days to the exam, to two decimals."""
    if days_left >= RAMP_START_DAYS:
        return BASE_RETENTION
    if days_left <= RAMP_END_DAYS:
        return FINAL_RETENTION
    share = (RAMP_START_DAYS - days_left) / (RAMP_START_DAYS - RAMP_END_DAYS)
    return round(BASE_RETENTION + (FINAL_RETENTION - BASE_RETENTION) * share, 2)


class ExamPlan(NamedTuple):
    """Where a document stands on the way to its exam date, as of `today`."""

    exam_date: date
    today: date
    cards: int  # the document's cards now
    introduced: int  # of them, answered at least once
    introduced_today: int  # cards answered for the first time today
    pace: int  # new cards a day the plan needs from today on (0: none left, or the exam is here)
    new_per_day: int  # what a review brings in today: the pace, or the user's own number when higher
    retention: float  # FSRS's desired retention today
    overdue: int  # cards due before today that are still waiting
    day_reviews: int  # one day's reviews, the yardstick for `overdue`

    @property
    def days_left(self) -> int:
        """Days from today to the exam: 1 on its eve, 0 on the day, negative after it."""
        return (self.exam_date - self.today).days

    @property
    def over(self) -> bool:
        """The exam is today or past: the plan no longer changes anything."""
        return self.days_left <= 0

    @property
    def target(self) -> date:
        """The day by which every card is to have been introduced."""
        return self.exam_date - timedelta(days=MARGIN_DAYS)

    @property
    def left(self) -> int:
        """Cards never answered yet."""
        return max(0, self.cards - self.introduced)

    @property
    def cards_on_track(self) -> bool:
        """Every card introduced already, or the target day still ahead (the pace finishes them by it)."""
        return self.left == 0 or self.today < self.target

    @property
    def reviews_on_track(self) -> bool:
        """The reviews left over from earlier days are no more than one day's."""
        return self.overdue <= self.day_reviews

    @property
    def on_track(self) -> bool:
        return self.cards_on_track and self.reviews_on_track

    def as_data(self) -> dict[str, object]:
        """The plan as JSON-able data (dates in ISO 8601)."""
        return {
            "exam_date": self.exam_date.isoformat(),
            "days_left": self.days_left,
            "target": self.target.isoformat(),
            "cards": self.cards,
            "introduced": self.introduced,
            "left": self.left,
            "pace": self.pace,
            "new_per_day": self.new_per_day,
            "retention": self.retention,
            "overdue": self.overdue,
            "day_reviews": self.day_reviews,
            "on_track": self.on_track,
        }


def plan(
    exam_date: date,
    today: date,
    *,
    cards: int,
    introduced: int,
    introduced_today: int = 0,
    overdue: int = 0,
    reviews_last_week: int = 0,
    new_per_day: int = NEW_PER_DAY,
) -> ExamPlan:
    """The plan for a document of `cards` cards, `introduced` of them answered (`introduced_today` today).

    `new_per_day` is the user's own number of new cards a day; `overdue` the cards due
    before today still waiting; `reviews_last_week` the reviews of the last `WEEK` days.
    """
    introduced = min(max(0, introduced), cards)
    days_left = (exam_date - today).days
    if days_left <= 0:
        pace, retention = 0, BASE_RETENTION
    else:
        # Counted from the start of today, so the number stays put while today's new cards go in.
        unintroduced = min(cards, cards - introduced + max(0, introduced_today))
        days = max(1, (exam_date - timedelta(days=MARGIN_DAYS) - today).days)
        pace, retention = ceil(unintroduced / days), retention_for(days_left)
    daily = max(new_per_day, pace)
    return ExamPlan(
        exam_date=exam_date,
        today=today,
        cards=cards,
        introduced=introduced,
        introduced_today=max(0, introduced_today),
        pace=pace,
        new_per_day=daily,
        retention=retention,
        overdue=overdue,
        day_reviews=max(ceil(reviews_last_week / WEEK), daily if pace else 0),
    )


def scheduler_for(exam_date: date | None, today: date) -> Scheduler:
    """The FSRS scheduler for an answer given on `today`: the plan's while the exam is ahead, else the default."""
    if exam_date is None or today >= exam_date:
        return fsrs_scheduling.default_scheduler()
    days_left = (exam_date - today).days
    # An interval of whole days from today may end on the eve at the latest (and on the
    # exam day when today is the eve: FSRS's shortest review interval is a day).
    return _scheduler(retention_for(days_left), max(1, days_left - 1))


@lru_cache(maxsize=64)
def _scheduler(retention: float, maximum_interval: int) -> Scheduler:
    from fsrs import Scheduler

    return Scheduler(desired_retention=retention, maximum_interval=maximum_interval)


def eve_start(exam_date: date) -> datetime:
    """Local midnight at the start of the exam's eve, in UTC: no card is due later before the exam."""
    eve = exam_date - timedelta(days=1)
    # Noon of that local day (a naive datetime's astimezone() takes it as local time), whose day starts at midnight.
    return fsrs_scheduling.day_start(datetime(eve.year, eve.month, eve.day, 12).astimezone())


def capped(due: Mapping[str, datetime], exam_date: date, today: date) -> dict[str, datetime]:
    """Due times after the exam day brought back to the eve, while the exam is ahead.

    Only those: a card answered on the eve is due on the exam day (FSRS's shortest
    interval is a day), and must not come straight back.
    """
    if today >= exam_date:
        return dict(due)
    eve = eve_start(exam_date)
    after = eve_start(exam_date + timedelta(days=2))  # the start of the day after the exam
    return {key: eve if when >= after else when for key, when in due.items()}


def local_day(now: datetime | None = None) -> date:
    """The local date of `now` (now when None): the day a plan speaks of."""
    return fsrs_scheduling.utc(now).astimezone().date()


# ------------------------------------------------------------------ from the store


def document_plan(
    store: Store,
    document_id: int,
    card_keys: Collection[str],
    *,
    new_per_day: int = NEW_PER_DAY,
    now: datetime | None = None,
) -> ExamPlan | None:
    """The plan of a document with these cards, as the store has it; None without an exam date."""
    exam_date = store.exam_date(document_id)
    if exam_date is None:
        return None
    return _plan_of(store, document_id, exam_date, card_keys, store.due_times(document_id), new_per_day, now)


def _plan_of(
    store: Store,
    document_id: int,
    exam_date: date,
    card_keys: Collection[str],
    due: Mapping[str, datetime],
    new_per_day: int,
    now: datetime | None,
) -> ExamPlan:
    today_start = fsrs_scheduling.day_start(now)
    week = store.reviews_per_day(document_id, days=WEEK, now=now)
    return plan(
        exam_date,
        local_day(now),
        cards=len(card_keys),
        introduced=sum(1 for key in card_keys if key in due),
        introduced_today=store.new_cards_today(document_id, now),
        overdue=sum(1 for key in card_keys if key in due and due[key] < today_start),
        reviews_last_week=sum(count for _, count in week),
        new_per_day=new_per_day,
    )


def queue_settings(
    store: Store, document_id: int, card_keys: Collection[str], new_per_day: int, now: datetime | None = None
) -> tuple[int, dict[str, datetime]]:
    """What a review queue takes: new cards a day, and every reviewed card's due time (capped at the eve)."""
    due = store.due_times(document_id)
    exam_date = store.exam_date(document_id)
    if exam_date is None or local_day(now) >= exam_date:
        return new_per_day, due
    found = _plan_of(store, document_id, exam_date, card_keys, due, new_per_day, now)
    return found.new_per_day, capped(due, exam_date, found.today)


def answer_scheduler(store: Store, document_id: int, moment: datetime | None = None) -> Scheduler | None:
    """The scheduler for an answer given at `moment`: the exam plan's, or None (FSRS's default)."""
    exam_date = store.exam_date(document_id)
    if exam_date is None:
        return None
    return scheduler_for(exam_date, local_day(moment))
