"""Days of study toward an exam, simulated on a store: what the exam plan does to new cards and recall.

Each day at 09:00 local time the reviewer answers every card the review queue offers
(the plan's new cards a day and due times, tui/core/exam.py), then again every quarter of
an hour until nothing is due: new cards go through FSRS's learning steps the same day.
Every answer is stored with `Store.record_review` and the scheduler the plan gives for it.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from tui.core import exam
from tui.core.model import Card, Phrase
from tui.core.records import Answer
from tui.core.scheduler import due_queue, retrievability
from tui.core.store import Store

FIRST_DAY = date(2027, 1, 4)
REVIEW = 2  # fsrs.State.Review: a card past its learning steps
SESSIONS = 12  # rounds a day: enough for the learning steps (1 and 10 minutes) to run out


@dataclass
class Simulated:
    """What happened: cards introduced by the end of each day, answers each day, recall at the exam."""

    introduced: list[int] = field(default_factory=list)
    answers: list[int] = field(default_factory=list)
    recall: float = 0.0  # the mean predicted recall of every card at 09:00 on the exam day (0 for unseen cards)

    def all_introduced_on(self, cards: int) -> int | None:
        """The first day (0 = the first) by whose end every card had been answered."""
        return next((day for day, count in enumerate(self.introduced) if count >= cards), None)


def cards_of(count: int) -> list[Card]:
    """`count` cards, ten to a section, one to a paragraph."""
    return [
        Card(f"s{n // 10} :: p{n} #1", f"s{n // 10}", Phrase(n % 10, 0, 2, f"p{n}", "term"), 1) for n in range(count)
    ]


def at(day: date, hour: int = 9) -> datetime:
    """`hour` o'clock local time on `day`, as an aware datetime."""
    return datetime(day.year, day.month, day.day, hour).astimezone()


def simulate(
    data_dir: Path,
    *,
    cards: int = 300,
    days: int = 20,
    with_plan: bool = True,
    new_per_day: int = 5,
    mixed: bool = False,
    seed: int = 7,
) -> Simulated:
    """Study `cards` cards for the `days` days before an exam on day `days` (with its plan or without).

    `mixed`: answers as a person gives them, drawn with a fixed seed: a new card right
    four times in five, a learning card nine in ten, a review card with the chance FSRS
    predicts (at least one in two). Otherwise every answer is Good.
    """
    random.seed(seed)  # FSRS fuzzes intervals with the random module
    draw = random.Random(seed)
    store = Store.open(data_dir)
    store._db.execute("PRAGMA synchronous = OFF")  # a test's store need not survive a power cut
    document = store.document(data_dir / "notes.txt", f"exam-{with_plan}-{new_per_day}-{mixed}", "notes")
    deck = cards_of(cards)
    keys = {card.key for card in deck}
    exam_date = FIRST_DAY + timedelta(days=days)
    if with_plan:
        store.set_exam_date(document, exam_date)
    result = Simulated()
    for day in range(days):
        now = at(FIRST_DAY + timedelta(days=day))
        answered = 0
        for _ in range(SESSIONS):
            new_limit, due = exam.queue_settings(store, document, keys, new_per_day, now)
            queue = due_queue(deck, due, now, new_limit=new_limit, new_today=store.new_cards_today(document, now))
            if not queue:
                break
            stored = store.cards(document)
            for card in queue:
                state = stored[card.key].state if card.key in stored else None
                rating = 3
                if mixed:
                    if state is None:
                        chance = 0.8
                    elif json.loads(state)["state"] == REVIEW:
                        chance = max(0.5, retrievability(state, now))
                    else:
                        chance = 0.9
                    rating = 3 if draw.random() < chance else 1
                answer = Answer(card.key, card.section_id, rating, "right", time=now)
                store.record_review(document, answer, exam.answer_scheduler(store, document, now))
                answered += 1
            now += timedelta(minutes=15)
        result.answers.append(answered)
        result.introduced.append(len(keys & set(store.due_times(document))))
    stored = store.cards(document)
    exam_morning = at(exam_date)
    result.recall = sum(retrievability(stored[key].state, exam_morning) if key in stored else 0.0 for key in keys) / cards
    store.close()
    return result
