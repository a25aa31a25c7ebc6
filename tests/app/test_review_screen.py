"""ReviewScreen: due cards and new ones across the document, one sentence and one blank at a time."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.pilot import Pilot

from tui.app import StudyApp
from tui.core import quiz
from tui.core.framework import in_reading_order
from tui.core.names import display_heading
from tui.core.records import Answer
from tui.core.sentences import MAX_CARD_CHARS, sentence_for, sentence_group
from tui.core.store import Store
from tui.i18n import captions
from tui.screens.reader_screen import ReaderScreen
from tui.screens.review_screen import ReviewScreen
from tui.screens.summary_screen import SummaryScreen
from tui.widgets.blank_text import BlankText

from .conftest import study_app, until
from .test_quiz_screen import burst

ROOT = Path(__file__).resolve().parents[2]
SPEECH = ROOT / "data" / "zuofeng-speech.txt"
SIZE = (100, 30)


@pytest.fixture
def open_app(store: Store) -> Callable[..., StudyApp]:
    def build(start: str = "read", **options) -> StudyApp:
        return study_app(SPEECH, language="zh", store=store, start=start, **options)

    return build


async def reader_ready(pilot: Pilot) -> None:
    app: StudyApp = pilot.app  # type: ignore[assignment]
    await until(pilot, lambda: bool(app.workbook.cards) and isinstance(app.screen, ReaderScreen), "phrases found")


async def review_open(pilot: Pilot) -> ReviewScreen:
    await until(pilot, lambda: isinstance(pilot.app.screen, ReviewScreen), "the review opened")
    return pilot.app.screen  # type: ignore[return-value]


async def submit(pilot: Pilot, text: str) -> None:
    screen = pilot.app.screen
    assert isinstance(screen, ReviewScreen)
    screen.answer_bar.input.value = text
    await pilot.press("enter")
    await pilot.pause()


def reviews(app: StudyApp) -> list:
    return app.workbook.store.reviews(app.workbook.document_id())  # type: ignore[union-attr]


def seed_due(app: StudyApp, store: Store, keys: list[str], days_ago: int = 30) -> None:
    """Give cards a review long ago, so they are due now."""
    moment = datetime.now(timezone.utc) - timedelta(days=days_ago)
    for key in keys:
        store.record_review(app.workbook.document_id(), Answer(key, "", quiz.GOOD, outcome="right", time=moment))


def drawn(screen: ReviewScreen) -> list[str]:
    return [line for line in screen.query_one(BlankText).plain_lines if line]


class TestOpening:
    async def test_r_opens_the_new_cards_of_the_day_each_in_its_sentence(self, open_app, clock) -> None:
        app = open_app()
        async with app.run_test(size=SIZE) as pilot:
            await reader_ready(pilot)
            await pilot.press("r")
            screen = await review_open(pilot)
            queue = [blank.card for blank in screen.session.blanks]
            assert len(queue) == 20  # nothing is due yet: the day's twenty new cards
            # In reading order, a heading's card before the phrases under it (tui/core/framework.py).
            in_order = in_reading_order(app.workbook.opened, app.workbook.all_cards)
            assert {card.key for card in queue} == {card.key for card in in_order[:20]}
            card = queue[0]
            assert card.key == app.workbook.cards[0].key  # reading order, only spread where sentences repeat
            path = " › ".join(display_heading(s, captions()) for s in app.workbook.opened.path(card.section_id))
            text, start, end = sentence_for(app.workbook.opened, card)
            lines = drawn(screen)
            assert lines[0] == path
            shown = "".join(lines[1:])
            assert shown.startswith(text[:start] + "1") and shown.endswith(text[end:])
            assert cell_len(shown) == cell_len(text)  # one blank, as wide as its answer
            assert shown.count("_") == cell_len(card.phrase.text) - 1
            assert str(screen.answer_bar.input.placeholder).startswith("第 1 空")
            assert screen.query_one("#drill-title").content == "复习"

    async def test_study_review_opens_it_directly(self, open_app, clock) -> None:
        app = open_app(start="review", new_per_day=5)
        async with app.run_test(size=SIZE) as pilot:
            screen = await review_open(pilot)
            assert len(screen.session.blanks) == 5
            assert [type(s) for s in app.screen_stack] == [ReaderScreen, ReviewScreen]

    async def test_nothing_due_and_no_new_cards_says_so(self, open_app, clock) -> None:
        app = open_app(new_per_day=0)
        notices: list[str] = []
        shown = app.notify
        app.notify = lambda message, *a, **k: (notices.append(message), shown(message, *a, **k))  # type: ignore[method-assign]
        async with app.run_test(size=SIZE) as pilot:
            await reader_ready(pilot)
            await pilot.press("r")
            await pilot.pause()
            assert isinstance(app.screen, ReaderScreen)
            assert "现在没有要复习的卡片。" in notices


class TestQueue:
    async def test_due_cards_first_then_at_most_n_new(self, open_app, store, clock) -> None:
        app = open_app(new_per_day=3)
        async with app.run_test(size=SIZE) as pilot:
            await reader_ready(pilot)
            # One card from each of four sections, so spreading sentences apart moves none of them.
            due = [next(c.key for c in app.workbook.cards if c.section_id == sid) for sid in ("2.1", "2.2", "3.1", "3.2")]
            seed_due(app, store, due)
            await pilot.press("r")
            screen = await review_open(pilot)
            keys = [blank.card.key for blank in screen.session.blanks]
            assert len(keys) == 4 + 3
            assert set(keys[:4]) == set(due)
            new = set(keys[4:])
            assert new == {card.key for card in app.workbook.cards[:3]}  # new cards come in reading order
            assert len(new) == 3

    async def test_new_cards_answered_today_count_against_the_limit(self, open_app, clock) -> None:
        app = open_app(new_per_day=5)
        async with app.run_test(size=SIZE) as pilot:
            await reader_ready(pilot)
            await pilot.press("r")
            screen = await review_open(pilot)
            assert screen.session.blanks
            await submit(pilot, screen.session.active_blank.answer)
            await submit(pilot, "")  # the next card
            await submit(pilot, "")  # shown
            await pilot.press("escape")
            await until(pilot, lambda: isinstance(app.screen, ReaderScreen), "back in the reader")
            assert len(reviews(app)) == 2
            await pilot.press("r")
            screen = await review_open(pilot)
            second = [blank.card.key for blank in screen.session.blanks]
            # Three new cards are left for today; the two answered are not due yet.
            assert len(second) == 3
            assert not set(second) & {r.card_key for r in reviews(app)}
            assert set(second) <= {card.key for card in app.workbook.cards[:7]}

    async def test_cards_of_one_sentence_are_never_back_to_back(self, open_app, store, clock) -> None:
        app = open_app(new_per_day=0)
        async with app.run_test(size=SIZE) as pilot:
            await reader_ready(pilot)
            group = sentence_group(app.workbook.opened)
            # Due at once: the preamble's sentences hold one, two and (of the last five, the first
            # three) cards, so that each card can have another sentence's before and after it.
            preamble = [card for card in app.workbook.cards if card.section_id == "1"][:-2]
            seed_due(app, store, [card.key for card in preamble])
            await pilot.press("r")
            screen = await review_open(pilot)
            assert len(screen.session.blanks) == len(preamble) == 6
            sentences: list[str] = []
            for _ in preamble:
                lines = drawn(screen)
                card = screen.session.active_blank.card
                sentences.append(sentence_for(app.workbook.opened, card)[0])
                assert len(lines) >= 2 and lines[0] == "开篇"
                await submit(pilot, "")  # shown
                await submit(pilot, "")  # the next card
            for before, after in zip(sentences, sentences[1:]):
                assert before != after
            groups = [group(blank.card) for blank in screen.session.blanks]
            assert all(a != b for a, b in zip(groups, groups[1:]))
            assert len(set(sentences)) < len(sentences)  # the case was worth testing


class TestAnswering:
    async def test_an_answered_card_stays_in_view_until_the_next_key(self, open_app, clock) -> None:
        app = open_app()
        async with app.run_test(size=SIZE) as pilot:
            await reader_ready(pilot)
            await pilot.press("r")
            screen = await review_open(pilot)
            first, second = screen.session.blanks[0], screen.session.blanks[1]
            view = screen.query_one(BlankText)
            before = drawn(screen)
            clock[0] += 30
            await submit(pilot, first.answer)
            [review] = reviews(app)
            assert (review.card_key, review.outcome, review.rating) == (first.card.key, "right", quiz.GOOD)
            assert screen.session.active == 1 and not screen.session.states[1].graded
            # The card answered is still there, its blank filled in green, until a key.
            assert drawn(screen)[0] == before[0] and "".join(drawn(screen)[1:]).count("_") == 0
            assert first.answer in "".join(drawn(screen)[1:])
            line = next(line for line in view.lines if first.answer[:4] in line.plain)
            at = line.plain.index(first.answer[:4])
            assert [span.style for span in line.spans if span.start <= at < span.end][-1] == (
                view.get_component_rich_style("blank-text--right")
            )
            assert screen.answer_bar.feedback.content.plain.startswith("第 1 空 正确")
            assert str(screen.answer_bar.input.placeholder) == "回车看下一张，或直接输入它的答案"
            await pilot.press("enter")  # the next card, not a reveal of it unseen
            await pilot.pause()
            assert "".join(drawn(screen)[1:]).count("2_") == 1
            assert str(screen.answer_bar.input.placeholder).startswith("第 2 空")
            assert len(reviews(app)) == 1
            clock[0] += 30
            await pilot.press("ctrl+t")
            await submit(pilot, second.answer)
            assert [(r.card_key, r.hints, r.rating) for r in reviews(app)][1] == (second.card.key, 1, quiz.HARD)

    async def test_any_key_on_a_card_in_view_brings_the_next(self, open_app, clock) -> None:
        app = open_app()
        async with app.run_test(size=SIZE) as pilot:
            await reader_ready(pilot)
            await pilot.press("r")
            screen = await review_open(pilot)
            await submit(pilot, "")  # shown
            await pilot.press("ctrl+r")  # a key: brings card 2, and does not give it up unseen
            await pilot.pause()
            assert "".join(drawn(screen)[1:]).count("2_") == 1 and not screen.session.states[1].graded
            await submit(pilot, "")
            await pilot.press("x")  # typing on: card 3 comes, with what is typed as its answer
            await pilot.pause()
            assert "".join(drawn(screen)[1:]).count("3_") == 1
            assert screen.answer_bar.input.value == "x"
            await pilot.press("enter")
            await pilot.press("3")  # a lone digit rates it: the card it rates stays in view
            await pilot.pause()
            assert screen.session.states[2].rating == quiz.GOOD
            assert "".join(drawn(screen)[1:]).count("_") == 0
            await pilot.press("enter")  # confirms the rating, and brings card 4
            await pilot.pause()
            assert "".join(drawn(screen)[1:]).count("4_") == 1 and screen.answer_bar.input.value == ""
            assert [(r.typed, r.rating) for r in reviews(app)] == [("", 1), ("", 1), ("x", 3)]

    async def test_wrong_answer_is_stored_and_rated_again(self, open_app, clock) -> None:
        app = open_app()
        async with app.run_test(size=SIZE) as pilot:
            await reader_ready(pilot)
            await pilot.press("r")
            screen = await review_open(pilot)
            await submit(pilot, "完全不对")
            [review] = reviews(app)
            assert (review.outcome, review.typed, review.rating, review.correct) == ("wrong", "完全不对", 1, False)
            await pilot.press("3")
            await pilot.pause()
            assert reviews(app)[0].rating == quiz.GOOD
            assert "良好" in screen.answer_bar.feedback.content.plain

    async def test_an_answer_that_starts_with_a_digit_is_graded_whole(self, open_app, clock) -> None:
        app = open_app()
        async with app.run_test(size=SIZE) as pilot:
            await reader_ready(pilot)
            await pilot.press("r")
            screen = await review_open(pilot)
            first = screen.session.blanks[0]
            clock[0] += 30
            await submit(pilot, first.answer)
            await pilot.press("1")
            await pilot.pause()
            assert reviews(app)[0].rating == quiz.AGAIN  # for now: a lone digit rates
            await pilot.press("9", "4", "9", "enter")
            await pilot.pause()
            assert screen.session.states[0].rating == quiz.GOOD
            assert screen.session.states[1].typed == "1949"
            assert [(r.card_key, r.typed, r.rating) for r in reviews(app)] == [
                (first.card.key, first.answer, quiz.GOOD),
                (screen.session.blanks[1].card.key, "1949", quiz.AGAIN),
            ]
            assert "第 2 空 不对" in screen.answer_bar.feedback.content.plain

    async def test_reveal_keeps_what_was_typed_for_its_card(self, open_app, clock) -> None:
        app = open_app()
        async with app.run_test(size=SIZE) as pilot:
            await reader_ready(pilot)
            await pilot.press("r")
            screen = await review_open(pilot)
            await pilot.press(*"作风")
            await pilot.press("ctrl+r")
            await pilot.pause()
            assert screen.answer_bar.input.value == ""
            assert screen.session.active == 1 and not screen.session.states[1].graded
            [review] = reviews(app)
            assert (review.card_key, review.outcome, review.typed) == (
                screen.session.blanks[0].card.key, "revealed", "作风"
            )

    async def test_reviewing_due_cards_clears_them_from_the_outline(self, open_app, store, clock) -> None:
        app = open_app(new_per_day=0)
        async with app.run_test(size=SIZE) as pilot:
            await reader_ready(pilot)
            due = [card.key for card in app.workbook.cards if card.section_id == "2.1"][:4]
            seed_due(app, store, due)
            app.reader.show_progress()
            assert store.section_stats(app.workbook.document_id(), {"2.1": due})["2.1"].due == 4
            await pilot.press("r")
            await review_open(pilot)
            for _ in due:
                clock[0] += 30
                await submit(pilot, app.screen.session.active_blank.answer)
            assert store.section_stats(app.workbook.document_id(), {"2.1": due})["2.1"].due == 0
            await pilot.press("enter")
            summary = await _summary(pilot)
            assert summary.summary.right == 4
            await pilot.press("enter")
            await until(pilot, lambda: isinstance(app.screen, ReaderScreen), "back in the reader")
            tree = app.reader.query_one("#outline")
            label = tree.render_label(tree.root.children[1], tree.rich_style, tree.rich_style).plain
            assert label.rstrip()[-1] in "○◔◑◕●"  # the node of 一、 shows a mark and no due count

    async def test_escape_leaves_keeping_the_answers(self, open_app, clock) -> None:
        app = open_app()
        async with app.run_test(size=SIZE) as pilot:
            await reader_ready(pilot)
            await pilot.press("r")
            screen = await review_open(pilot)
            await submit(pilot, screen.session.active_blank.answer)
            await pilot.press("escape")
            await until(pilot, lambda: isinstance(app.screen, ReaderScreen), "back in the reader")
            assert len(reviews(app)) == 1


class TestTypingAhead:
    async def test_an_answer_typed_fast_still_leaves_its_card_in_view_to_be_rated(self, open_app, clock) -> None:
        app = open_app(start="review")
        async with app.run_test(size=SIZE) as pilot:
            screen = await review_open(pilot)
            first = screen.session.blanks[0]
            burst(app, [*first.answer, "enter"])  # each key's Changed arrives after Enter took the text
            await until(pilot, lambda: len(reviews(app)) == 1, "the answer stored")
            await pilot.pause()
            assert screen.lingering == 0 and first.answer in "".join(drawn(screen)[1:])
            await pilot.press("4")
            await pilot.pause()
            assert reviews(app)[0].rating == quiz.EASY and screen.lingering == 0

    async def test_answers_typed_without_a_pause_are_each_stored_with_their_own_card(self, open_app, clock) -> None:
        app = open_app(start="review")
        async with app.run_test(size=SIZE) as pilot:
            screen = await review_open(pilot)
            burst(app, [key for n in range(5) for key in [*f"x{n}", "enter"]])
            await until(pilot, lambda: len(reviews(app)) >= 5, "five answers stored")
            assert [(r.card_key, r.typed) for r in reviews(app)] == [
                (blank.card.key, f"x{n}") for n, blank in enumerate(screen.session.blanks[:5])
            ]


async def _summary(pilot: Pilot) -> SummaryScreen:
    await until(pilot, lambda: isinstance(pilot.app.screen, SummaryScreen), "the summary")
    return pilot.app.screen  # type: ignore[return-value]


class TestCardText:
    async def test_a_card_shows_its_whole_sentence(self, store, tmp_path, clock) -> None:
        # Parallel clauses: "坚持真抓实干、务求实效，" alone would leave nothing but 坚持 to recall by.
        notes = tmp_path / "notes.md"
        notes.write_text(
            "# 会议纪要\n\n会议强调：要坚持学习理论武装头脑，坚持调查研究掌握实情，坚持真抓实干、务求实效，"
            "坚持守正创新、开拓进取，坚持问题导向、精准施策，为推动高质量发展作出新的更大贡献。\n",
            encoding="utf-8",
        )
        app = study_app(notes, language="zh", store=store, start="review")
        async with app.run_test(size=SIZE) as pilot:
            screen = await review_open(pilot)
            shown = {}
            for blank in screen.session.blanks:
                screen.session.go(blank.index)
                screen.redraw()
                shown[blank.answer] = "".join(drawn(screen)[1:])
            # The whole sentence, not the clause 坚持____， that five answers would fit.
            assert re.fullmatch(r"会议强调：要坚持学习理论武装头脑，.*坚持\d_{17}，坚持问题导向、精准施策，.*贡献。", shown["守正创新、开拓进取"])
            assert all(len(text) <= MAX_CARD_CHARS + 2 for text in shown.values())

    async def test_an_answer_that_is_another_phrase_of_the_card_is_right_but_not_the_one_asked(
        self, store, tmp_path, clock
    ) -> None:
        notes = tmp_path / "notes.md"
        notes.write_text(
            "# 会议纪要\n\n会议指出，各级干部务必“守住底线、不越红线”，务必“敢于担当、勇于作为”，"
            "务必“真抓实干、务求实效”，不断开创工作新局面。\n",
            encoding="utf-8",
        )
        app = study_app(notes, language="zh", store=store, start="review")
        async with app.run_test(size=SIZE) as pilot:
            screen = await review_open(pilot)
            blank = screen.session.active_blank
            assert blank.answer == "守住底线、不越红线"
            assert "务必“1_________________”，务必“敢于担当、勇于作为”，务必“真抓实干、务求实效”，" in "".join(
                drawn(screen)[1:]
            )
            await submit(pilot, "敢于担当，勇于作为")
            feedback = screen.answer_bar.feedback.content.plain
            assert feedback == "第 1 空：答案对，但问的不是它，再想想"
            assert not screen.session.states[0].graded and reviews(app) == []
            field = screen.answer_bar.input
            assert field.value == "敢于担当，勇于作为" and field.selected_text == field.value  # typed over next
            await pilot.press(*"守住底线不越红线", "enter")
            await pilot.pause()
            assert [(r.typed, r.outcome) for r in reviews(app)] == [("守住底线不越红线", "right")]
