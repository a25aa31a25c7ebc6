"""Tests of tui/core/exam.py: an exam date's plan (new cards a day, retention, on track) and its wiring."""

from __future__ import annotations

import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.core.exam_simulation import at, cards_of, simulate
from tui.core import exam, quiz
from tui.core.exam import (
    BASE_RETENTION,
    FINAL_RETENTION,
    MARGIN_DAYS,
    capped,
    plan,
    retention_for,
    scheduler_for,
)
from tui.core.queues import review_queue
from tui.core.records import Answer
from tui.core.scheduler import default_scheduler, utc
from tui.core.session import BlankState
from tui.core.store import Store
from tui.core.workbook import Workbook

BUNDLED = Path(__file__).resolve().parents[2] / "data" / "zuofeng-speech.txt"
TODAY = date(2027, 2, 1)
EXAM = TODAY + timedelta(days=20)


class TestPlan:
    def test_days_left_and_the_target_day(self) -> None:
        found = plan(EXAM, TODAY, cards=300, introduced=0)
        assert (found.days_left, found.target, found.left) == (20, date(2027, 2, 18), 300)
        assert not found.over

    def test_the_pace_spreads_the_cards_left_over_the_days_to_the_target(self) -> None:
        # 300 cards over the 17 days before the target day: 17.6, rounded up.
        assert plan(EXAM, TODAY, cards=300, introduced=0, new_per_day=5).pace == 18
        assert plan(EXAM, TODAY, cards=300, introduced=0, new_per_day=5).new_per_day == 18
        # Ten days later, 120 still to go over the 7 days left before the target.
        later = plan(EXAM, TODAY + timedelta(days=10), cards=300, introduced=180, new_per_day=5)
        assert (later.pace, later.new_per_day) == (18, 18)

    def test_the_users_own_number_wins_when_it_is_higher(self) -> None:
        found = plan(EXAM, TODAY, cards=300, introduced=0, new_per_day=30)
        assert (found.pace, found.new_per_day) == (18, 30)

    def test_at_least_one_a_day_while_cards_remain(self) -> None:
        found = plan(TODAY + timedelta(days=400), TODAY, cards=3, introduced=2, new_per_day=0)
        assert (found.pace, found.new_per_day) == (1, 1)
        done = plan(EXAM, TODAY, cards=3, introduced=3, new_per_day=0)
        assert (done.pace, done.new_per_day) == (0, 0)

    def test_the_pace_stays_put_while_todays_new_cards_go_in(self) -> None:
        morning = plan(EXAM, TODAY, cards=300, introduced=0, introduced_today=0, new_per_day=0)
        evening = plan(EXAM, TODAY, cards=300, introduced=18, introduced_today=18, new_per_day=0)
        assert morning.pace == evening.pace == 18

    def test_a_skipped_day_raises_the_pace(self) -> None:
        assert plan(EXAM, TODAY + timedelta(days=1), cards=300, introduced=0).pace == 19

    def test_past_the_target_every_card_left_is_due_today(self) -> None:
        found = plan(EXAM, EXAM - timedelta(days=2), cards=300, introduced=250, new_per_day=5)
        assert (found.pace, found.new_per_day) == (50, 50)
        assert not found.cards_on_track and not found.on_track

    def test_on_and_after_the_exam_day_nothing_is_planned(self) -> None:
        for today in (EXAM, EXAM + timedelta(days=3)):
            found = plan(EXAM, today, cards=300, introduced=10, new_per_day=7)
            assert found.over
            assert (found.pace, found.new_per_day, found.retention) == (0, 7, BASE_RETENTION)

    def test_on_track_while_the_cards_fit_and_reviews_keep_up(self) -> None:
        assert plan(EXAM, TODAY, cards=300, introduced=0).on_track
        # Reviews pile up: more left over from earlier days than a day's work.
        piled = plan(EXAM, TODAY, cards=300, introduced=100, overdue=60, reviews_last_week=140, new_per_day=5)
        assert piled.day_reviews == 20  # the week's mean; the pace is 12
        assert piled.cards_on_track and not piled.reviews_on_track and not piled.on_track
        # The same backlog is a normal day's work for someone who does 70 a day.
        assert plan(EXAM, TODAY, cards=300, introduced=100, overdue=60, reviews_last_week=490).on_track
        # A day's new cards count as a day's work even without a history.
        assert plan(EXAM, TODAY, cards=300, introduced=0, overdue=18, new_per_day=0).reviews_on_track
        assert not plan(EXAM, TODAY, cards=300, introduced=0, overdue=19, new_per_day=0).reviews_on_track

    def test_all_introduced_is_on_track_even_past_the_target(self) -> None:
        assert plan(EXAM, EXAM - timedelta(days=1), cards=300, introduced=300).on_track

    def test_as_data(self) -> None:
        data = plan(EXAM, TODAY, cards=300, introduced=30).as_data()
        assert data["exam_date"] == "2027-02-21" and data["target"] == "2027-02-18"
        assert (data["days_left"], data["left"], data["pace"], data["on_track"]) == (20, 270, 16, True)


class TestRetention:
    def test_fsrs_default_far_from_the_exam_rising_to_the_final_in_the_last_week(self) -> None:
        assert retention_for(100) == retention_for(28) == BASE_RETENTION == 0.90
        assert retention_for(7) == retention_for(1) == FINAL_RETENTION == 0.97
        assert retention_for(14) == 0.95
        schedule = [retention_for(days) for days in range(40, 0, -1)]
        assert schedule == sorted(schedule)  # never falls as the date nears

    def test_the_scheduler_aims_higher_and_ends_every_interval_by_the_eve(self) -> None:
        near = scheduler_for(EXAM, EXAM - timedelta(days=10))
        assert (near.desired_retention, near.maximum_interval) == (retention_for(10), 9)
        assert scheduler_for(EXAM, EXAM - timedelta(days=1)).maximum_interval == 1  # the shortest FSRS has
        assert scheduler_for(EXAM, EXAM - timedelta(days=10)) is near  # made once
        for today in (EXAM, EXAM + timedelta(days=1)):
            assert scheduler_for(EXAM, today) is default_scheduler()
        assert scheduler_for(None, TODAY) is default_scheduler()

    def test_a_known_card_answered_before_the_exam_is_due_by_the_eve(self, store: Store) -> None:
        document = store.document(Path("notes.txt"), "h", "notes")
        start = at(TODAY)
        for days in (0, 1, 5, 20):  # Easy after ever longer gaps: a card FSRS would put off for months
            store.record_review(document, Answer("k", "s", 4, "right", time=start + timedelta(days=days)))
        answered = start + timedelta(days=40)
        exam_date = answered.date() + timedelta(days=12)
        unplanned = store.record_review(document, Answer("k", "s", 4, "right", time=answered)).due
        assert unplanned.date() > exam_date
        store.set_exam_date(document, exam_date)
        chosen = exam.answer_scheduler(store, document, answered)
        store.rerate(store.reviews(document)[-1].id, 4, chosen)
        due = store.cards(document)["k"].due
        assert due <= utc(at(exam_date - timedelta(days=1), 23))


@pytest.fixture(params=["UTC", "America/Los_Angeles", "Asia/Shanghai"])
def local_zone(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch):
    """The process's local time zone set to each of a few, on both sides of UTC."""
    monkeypatch.setenv("TZ", request.param)
    time.tzset()
    yield request.param
    monkeypatch.undo()
    time.tzset()


class TestCapped:
    def test_the_eve_starts_at_local_midnight_in_any_zone(self, local_zone: str) -> None:
        eve = exam.eve_start(EXAM).astimezone()
        assert (eve.date(), eve.hour, eve.minute) == (EXAM - timedelta(days=1), 0, 0)

    def test_cards_due_after_the_exam_day_come_back_on_the_eve(self) -> None:
        eve = exam.eve_start(EXAM)
        assert eve.astimezone().date() == EXAM - timedelta(days=1) and eve.astimezone().hour == 0
        due = {
            "soon": utc(at(TODAY + timedelta(days=2))),
            "exam day": utc(at(EXAM, 10)),  # answered on the eve: it must not come straight back
            "after": utc(at(EXAM + timedelta(days=30))),
        }
        assert capped(due, EXAM, TODAY) == {**due, "after": eve}
        assert capped(due, EXAM, EXAM) == due  # the exam is here: nothing is moved


class TestFromTheStore:
    def test_the_exam_date_is_kept_and_cleared(self, store: Store) -> None:
        document = store.document(Path("notes.txt"), "h", "notes")
        assert store.exam_date(document) is None
        store.set_exam_date(document, EXAM)
        assert store.exam_date(document) == EXAM
        store.set_exam_date(document, None)
        assert store.exam_date(document) is None

    def test_a_value_that_is_not_a_date_is_no_plan(self, store: Store) -> None:
        document = store.document(Path("notes.txt"), "h", "notes")
        with store._write() as db:
            db.execute("UPDATE documents SET exam_date = 'soon' WHERE id = ?", (document,))
        assert store.exam_date(document) is None

    def test_the_document_plan_counts_its_cards(self, store: Store) -> None:
        document = store.document(Path("notes.txt"), "h", "notes")
        keys = {card.key for card in cards_of(30)}
        assert exam.document_plan(store, document, keys) is None
        now = at(TODAY)
        store.set_exam_date(document, EXAM)
        for key in sorted(keys)[:4]:
            store.record_review(document, Answer(key, "s", 3, "right", time=now - timedelta(days=3)))
        found = exam.document_plan(store, document, keys, new_per_day=0, now=now)
        assert found is not None
        assert (found.cards, found.introduced, found.introduced_today, found.left) == (30, 4, 0, 26)
        assert found.overdue == 4  # the learning step's ten minutes ran out three days ago
        assert found.pace == 2  # 26 over 17 days

    def test_no_plan_no_change(self, store: Store) -> None:
        document = store.document(Path("notes.txt"), "h", "notes")
        assert exam.queue_settings(store, document, set(), 7) == (7, {})
        assert exam.answer_scheduler(store, document) is None


def opened(store: Store, new_per_day: int = 20) -> Workbook:
    """The bundled speech, opened with its phrases, as the app has it once ready."""
    book = Workbook(BUNDLED, BUNDLED.read_text(encoding="utf-8"), store, new_per_day=new_per_day)
    book.open()
    book.use_phrases(book.find_phrases())
    return book


class TestWorkbook:
    def test_the_review_queue_takes_the_plans_new_cards(self, store: Store) -> None:
        book = opened(store, new_per_day=1)
        assert len(book.cards) >= 20
        assert len(review_queue(book)) == 1
        today = exam.local_day()
        store.set_exam_date(book.document_id(), today + timedelta(days=MARGIN_DAYS + 2))
        # Two days to introduce them all (phrases and headings): half of them today.
        assert len(review_queue(book)) == -(-len(book.all_cards) // 2)

    def test_answers_are_scheduled_with_the_plan(self, store: Store) -> None:
        book = opened(store)
        first, second = book.cards[:2]
        unplanned = book.record(first, BlankState(status="right", typed="x", rating=quiz.EASY, seconds=2.0))
        assert unplanned is not None and unplanned.due - utc() > timedelta(days=4)  # FSRS's first Easy interval
        store.set_exam_date(book.document_id(), exam.local_day() + timedelta(days=3))
        planned = book.record(second, BlankState(status="right", typed="x", rating=quiz.EASY, seconds=2.0))
        assert planned is not None and planned.due - utc() < timedelta(days=2, minutes=1)  # by the eve

    def test_a_new_rating_is_scheduled_with_the_plan(self, store: Store) -> None:
        book = opened(store)
        store.set_exam_date(book.document_id(), exam.local_day() + timedelta(days=3))
        state = BlankState(status="wrong", typed="x", rating=quiz.AGAIN, seconds=2.0)
        recorded = book.record(book.cards[0], state)
        assert recorded is not None
        state.review_id, state.rating = recorded.review_id, quiz.EASY
        book.rerate(book.cards[0], state)
        due = store.cards(book.document_id())[book.cards[0].key].due
        assert due - utc() < timedelta(days=2, minutes=1)  # FSRS alone would give Easy more than four days


class TestSimulation:
    """300 cards, an exam 20 days away, a reviewer whose own pace is 5 new cards a day."""

    def test_every_card_is_introduced_by_day_17_and_known_on_the_exam_day(self, tmp_path: Path) -> None:
        planned = simulate(tmp_path, cards=300, days=20, new_per_day=5)
        assert planned.all_introduced_on(300) is not None and planned.all_introduced_on(300) < 17
        assert planned.introduced[:2] == [18, 36]  # the plan's 18 a day, not the reviewer's 5
        assert planned.answers[-1] == 300  # the eve: every card once more
        assert planned.recall >= 0.95

    def test_a_realistic_mix_of_answers_against_no_plan(self, tmp_path: Path) -> None:
        planned = simulate(tmp_path / "plan", mixed=True)
        unplanned = simulate(tmp_path / "none", mixed=True, with_plan=False)
        assert planned.all_introduced_on(300) is not None and planned.all_introduced_on(300) < 17
        assert unplanned.introduced[-1] < 300
        assert planned.recall >= 0.95 > unplanned.recall
