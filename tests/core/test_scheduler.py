"""Tests for tui/core/scheduler.py: FSRS states, retrievability, mastery and the review queue."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.model import Card, Phrase
from tui.core.scheduler import (
    MARKS,
    MASTERED_STABILITY,
    NEW_PER_DAY,
    card_id,
    day_start,
    due_queue,
    is_mastered,
    mastery,
    mastery_mark,
    retrievability,
    review,
    spread,
    stability,
    utc,
)

NOW = datetime(2026, 3, 1, 9, 0, tzinfo=timezone.utc)


def card(n: int, section: str = "s", paragraph: int = 0) -> Card:
    return Card(f"{section} :: p{n} #1", section, Phrase(paragraph, n, n + 2, f"p{n}", "keyword"), 1)


class TestStates:
    def test_card_ids_are_stable_distinct_and_small(self) -> None:
        assert card_id("a :: 两个确立 #1") == card_id("a :: 两个确立 #1")
        assert card_id("a :: 两个确立 #1") != card_id("a :: 两个确立 #2")
        assert 0 <= card_id("x") < 2**48

    def test_review_of_a_new_card(self) -> None:
        state, due = review(None, 3, NOW, key="k")
        assert json.loads(state)["card_id"] == card_id("k")
        assert NOW < due <= NOW + timedelta(days=1)
        assert datetime.fromisoformat(json.loads(state)["due"]) == due

    def test_again_comes_back_sooner_than_easy(self) -> None:
        _, again = review(None, 1, NOW, key="k")
        _, easy = review(None, 4, NOW, key="k")
        assert again - NOW <= timedelta(minutes=10)
        assert easy > again

    def test_successful_reviews_stretch_the_interval(self) -> None:
        state, due = review(None, 3, NOW, key="k")
        intervals = []
        when = due
        for _ in range(4):
            state, next_due = review(state, 3, when)
            intervals.append(next_due - when)
            when = next_due
        assert intervals[-1] > intervals[0]
        assert intervals[-1] > timedelta(days=3)

    def test_any_time_zone_or_a_naive_time_is_accepted(self) -> None:
        shanghai = NOW.astimezone(ZoneInfo("Asia/Shanghai"))
        assert review(None, 1, shanghai, key="k")[1] == review(None, 1, NOW, key="k")[1]
        assert utc(NOW.replace(tzinfo=None)) == NOW
        assert utc(shanghai).tzinfo is timezone.utc

    def test_rating_out_of_range_fails(self) -> None:
        with pytest.raises(ValueError):
            review(None, 5, NOW, key="k")


class TestMastery:
    def test_retrievability_falls_with_time(self) -> None:
        state, _ = review(None, 3, NOW, key="k")
        soon = retrievability(state, NOW + timedelta(days=1))
        later = retrievability(state, NOW + timedelta(days=30))
        assert 0 < later < soon <= 1

    def test_new_cards_count_zero(self) -> None:
        assert retrievability(None, NOW) == 0
        assert stability(None) == 0
        assert mastery(stability(None)) == 0
        assert mastery_mark(mastery(stability(None))) == "○"

    def test_one_good_answer_is_not_mastery(self) -> None:
        # Recall tomorrow would be 0.95 after one Good answer: the old measure showed ●.
        good, _ = review(None, 3, NOW, key="k")
        assert retrievability(good, NOW + timedelta(days=1)) > 0.9
        assert 0 < stability(good) < 7
        assert not is_mastered(stability(good))
        assert mastery_mark(mastery(stability(good))) == "◔"
        easy, _ = review(None, 4, NOW, key="k")
        assert not is_mastered(stability(easy))  # nor one Easy answer

    def test_a_card_with_three_weeks_of_stability_is_mastered(self) -> None:
        assert MASTERED_STABILITY == 21
        assert is_mastered(21.0) and is_mastered(300.0)
        assert not is_mastered(20.9)
        assert mastery(21.0) == mastery(300.0) == 1.0
        assert mastery(10.5) == pytest.approx(0.5)
        # At 21 days, recall three weeks after the review is still 90%: the rule's meaning.
        state, when = review(None, 3, NOW, key="k")
        reviewed = NOW
        while stability(state) < MASTERED_STABILITY:
            reviewed = when
            state, when = review(state, 3, when)
        assert retrievability(state, reviewed + timedelta(days=21)) >= 0.9
        assert retrievability(state, reviewed + timedelta(days=60)) < 0.9
        assert mastery_mark(mastery(stability(state))) == "●"

    def test_a_card_last_failed_counts_zero_whatever_its_stability(self) -> None:
        assert mastery(40.0, failed=True) == 0
        assert not is_mastered(40.0, failed=True)
        again, _ = review(None, 1, NOW, key="k")
        assert mastery_mark(mastery(stability(again), failed=True)) == "○"

    def test_eight_failed_blanks_of_nine_are_not_known(self) -> None:
        # A section quizzed with 8 of its 9 blanks shown or rated Again.
        states = [(review(None, 1, NOW, key=f"k{n}")[0], True) for n in range(8)] + [(review(None, 3, NOW, key="k8")[0], False)]
        mean = sum(mastery(stability(state), failed=failed) for state, failed in states) / len(states)
        assert mean < 0.15
        assert mastery_mark(mean) == "◔"

    @pytest.mark.parametrize(
        ("value", "mark"),
        [(0.0, "○"), (0.01, "◔"), (0.37, "◔"), (0.4, "◑"), (0.62, "◑"), (0.7, "◕"), (0.9, "◕"), (0.999, "◕"), (1.0, "●")],
    )
    def test_marks(self, value: float, mark: str) -> None:
        assert mastery_mark(value) == mark
        assert mark in MARKS


def runs(cards: list[Card], group=lambda c: (c.section_id, c.phrase.paragraph)) -> int:
    """How many neighbours share a group."""
    return sum(1 for a, b in zip(cards, cards[1:]) if group(a) == group(b))


class TestDueQueue:
    def test_due_cards_oldest_first_then_new_cards_in_reading_order(self) -> None:
        cards = [card(n, section=f"s{n}") for n in range(6)]
        due = {
            cards[0].key: NOW + timedelta(hours=1),  # not yet
            cards[1].key: NOW - timedelta(hours=1),
            cards[2].key: NOW - timedelta(days=2),
            cards[3].key: NOW,
        }
        queue = due_queue(cards, due, NOW)
        assert queue == [cards[2], cards[1], cards[3], cards[4], cards[5]]

    def test_new_cards_are_limited_per_day(self) -> None:
        cards = [card(n, section=f"s{n}") for n in range(50)]
        assert len(due_queue(cards, {}, NOW)) == NEW_PER_DAY
        assert len(due_queue(cards, {}, NOW, new_limit=5)) == 5
        assert due_queue(cards, {}, NOW, new_limit=5, new_today=3) == cards[:2]
        assert due_queue(cards, {}, NOW, new_limit=5, new_today=9) == []

    def test_due_cards_are_not_limited(self) -> None:
        cards = [card(n, section=f"s{n}") for n in range(50)]
        due = {c.key: NOW - timedelta(minutes=n) for n, c in enumerate(cards)}
        assert len(due_queue(cards, due, NOW, new_limit=0)) == 50

    def test_learning_ahead(self) -> None:
        cards = [card(0)]
        due = {cards[0].key: NOW + timedelta(minutes=5)}
        assert due_queue(cards, due, NOW) == []
        assert due_queue(cards, due, NOW, learn_ahead=timedelta(minutes=20)) == cards

    def test_cards_of_one_sentence_are_not_back_to_back(self) -> None:
        # Four cards in paragraph 0, two in paragraph 1, all new: reading order bunches them.
        cards = [card(n, paragraph=0) for n in range(4)] + [card(n, paragraph=1) for n in range(4, 6)]
        queue = due_queue(cards, {}, NOW)
        assert sorted(c.key for c in queue) == sorted(c.key for c in cards)
        assert runs(queue) == 1  # 4 + 2 cannot avoid one pair

    def test_a_custom_sentence_grouping(self) -> None:
        cards = [card(n) for n in range(4)]
        queue = due_queue(cards, {}, NOW, group_of=lambda c: c.phrase.start % 2)
        assert [c.phrase.start % 2 for c in queue] == [0, 1, 0, 1]


class TestSpread:
    def test_two_blocks_interleave(self) -> None:
        cards = [card(n, paragraph=0) for n in range(3)] + [card(n, paragraph=1) for n in range(3, 6)]
        out = spread(cards, lambda c: c.phrase.paragraph)
        assert runs(out) == 0
        assert out[0] == cards[0]

    def test_one_group_keeps_its_order(self) -> None:
        cards = [card(n) for n in range(5)]
        assert spread(cards, lambda c: 0) == cards

    def test_a_huge_sentence_does_not_stall(self) -> None:
        cards = [card(n, paragraph=0) for n in range(3000)] + [card(n, paragraph=1) for n in range(3000, 3010)]
        out = spread(cards, lambda c: c.phrase.paragraph)
        assert len(out) == 3010
        assert runs(out, lambda c: c.phrase.paragraph) == 3000 - 11

    @settings(max_examples=200, deadline=None)
    @given(st.lists(st.integers(0, 4), max_size=40))
    def test_a_permutation_never_worse_than_its_input(self, groups: list[int]) -> None:
        cards = [card(n, paragraph=g) for n, g in enumerate(groups)]
        out = spread(cards, lambda c: c.phrase.paragraph)
        assert sorted(c.key for c in out) == sorted(c.key for c in cards)
        assert runs(out) <= runs(cards)


def test_day_start_is_local_midnight() -> None:
    start = day_start(NOW)
    assert start <= NOW < start + timedelta(days=1)
    local = start.astimezone()
    assert (local.hour, local.minute, local.second) == (0, 0, 0)


def test_importing_the_scheduler_leaves_the_optimizer_alone() -> None:
    # The optimizer pulls in torch-sized dependencies; start-up must never pay for them.
    code = "import sys, tui.core.scheduler; print('fsrs.optimizer' in sys.modules, 'textual' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "False"]
