"""Benchmark of the quiz core: storing an answer, opening review over 5,000 cards, checking an answer."""

from __future__ import annotations

import random
import sqlite3
import statistics
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from tui.core import scheduler
from tui.core.model import Document, Phrase, Section
from tui.core.quiz import cards_for, check, diff, keys_by_section, normalize
from tui.core.records import Answer
from tui.core.sentences import sentence_group
from tui.core.session import QuizSession, blanks_for
from tui.core.store import FILENAME, Store

CARDS = 5_000
ANSWERS = 200
CHARACTERS = "作风建设永远在路上两个确立维护抓常细长零容忍党的人心向背发展需求行动自觉问题导向精准靶向施策责任担当长效机制"
NOW = datetime.now(timezone.utc)


def make_document(cards: int = CARDS, seed: int = 7) -> tuple[Document, dict[str, list[Phrase]]]:
    """About `cards` phrases in sections of three paragraphs, five phrases to a paragraph."""
    rng = random.Random(seed)
    sections: list[Section] = []
    phrases: dict[str, list[Phrase]] = {}
    made = 0
    number = 0
    while made < cards:
        number += 1
        section_id = f"s{number}"
        paragraphs: list[str] = []
        found: list[Phrase] = []
        for index in range(3):
            text = ""
            for _ in range(5):
                lead = "".join(rng.choices(CHARACTERS, k=rng.randint(4, 12)))
                phrase = "".join(rng.choices(CHARACTERS, k=rng.randint(3, 8)))
                start = len(text) + len(lead) + 1
                text += f"{lead}“{phrase}”,"
                found.append(Phrase(index, start, start + len(phrase), phrase, "quote"))
                made += 1
            paragraphs.append(text[:-1] + "。")
        sections.append(Section(section_id, "heading", 1, f"{number}.", f"第{number}部分", paragraphs))
        phrases[section_id] = found
    return Document("bench", "text", sections), phrases


def fill(path: Path, doc_id: int, doc: Document, phrases: dict[str, list[Phrase]], reviewed: float = 0.8) -> None:
    """Give most cards a history, written in one transaction as a long-used database would hold."""
    rng = random.Random(3)
    keys = doc.section_keys()
    card_rows, review_rows = [], []
    for card in cards_for(doc, phrases):
        if rng.random() > reviewed:
            continue
        when = NOW - timedelta(days=rng.randint(1, 60))
        state = None
        for _ in range(rng.randint(1, 4)):
            state, due = scheduler.review(state, rng.choice((1, 3, 3, 3, 4)), when, key=card.key)
            review_rows.append((doc_id, card.key, keys[card.section_id], when.timestamp(), card.phrase.text, "right", 1, 0, 3, 3.0))
            when = due
        card_rows.append((doc_id, card.key, keys[card.section_id], state, due.timestamp(), NOW.timestamp() - 86400 * 30))
    with sqlite3.connect(path) as db:
        db.executemany("INSERT INTO cards (document_id, key, section_key, state, due, introduced) VALUES (?, ?, ?, ?, ?, ?)", card_rows)
        db.executemany(
            "INSERT INTO reviews (document_id, card_key, section_key, time, typed, outcome, correct, hints, rating, duration) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            review_rows,
        )


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def timed(action, repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        samples.append(time.perf_counter() - started)
    return samples


def main() -> None:
    doc, phrases = make_document()
    with tempfile.TemporaryDirectory(prefix="study-bench-") as data:
        started = time.perf_counter()
        store = Store.open(data)
        opened = time.perf_counter() - started
        doc_id = store.document(Path(data) / "bench.txt", "bench-hash", "bench")
        fill(store.path.parent / FILENAME, doc_id, doc, phrases)
        store.close()

        started = time.perf_counter()
        store = Store.open(data)
        reopened = time.perf_counter() - started
        size = (Path(data) / FILENAME).stat().st_size + (Path(data) / f"{FILENAME}-wal").stat().st_size

        # Opening review: the cards (phrases come from the cache), their states, the queue.
        def open_review() -> list:
            cards = cards_for(doc, phrases)
            due = store.due_times(doc_id)
            new_today = store.new_cards_today(doc_id)
            return scheduler.due_queue(cards, due, NOW, new_today=new_today, group_of=sentence_group(doc))

        cards = cards_for(doc, phrases)
        queue = open_review()
        review_samples = timed(open_review, 15)

        # The outline's marks and due counts, refreshed after every answer.
        keys = doc.section_keys()
        by_node = keys_by_section(doc, cards, subtree=True)
        stats_samples = timed(lambda: store.section_stats(doc_id, by_node, NOW), 5)

        # Storing one answer, as the quiz does before it draws the feedback.
        picks = random.Random(5).sample(cards, ANSWERS)
        answer_samples = []
        for card in picks:
            started = time.perf_counter()
            store.record_review(doc_id, Answer(card.key, keys[card.section_id], 3, outcome="right", typed=card.phrase.text, duration=2.0))
            answer_samples.append(time.perf_counter() - started)
        store.close()

    # Checking an answer: what Enter costs before anything is drawn.
    pairs = [(c.phrase.text[:-1] + "错", c.phrase.text) for c in cards[:500]]

    def check_all() -> None:
        for typed, expected in pairs:
            normalize(typed)
            check(typed, expected)
            diff(typed, expected)

    check_samples = [s / len(pairs) for s in timed(check_all, 5)]
    section = doc.sections[0]
    quiz_samples = []
    for _ in range(200):
        quiz = QuizSession(blanks_for(section, cards), now=0.0)
        started = time.perf_counter()
        verdict = quiz.answer("两个确立", now=1.0)
        diff("两个确立", quiz.blanks[0].answer)
        quiz.next_pending(now=1.0)
        quiz_samples.append(time.perf_counter() - started)
    assert verdict is not None

    print(f"store: open a new database:              {opened * 1000:7.1f} ms")
    print(f"store: reopen with {len(cards)} cards ({size / 1e6:.1f} MB):  {reopened * 1000:7.1f} ms")
    print(f"store one answer (median of {ANSWERS}):        {median_ms(answer_samples):7.2f} ms  (max {max(answer_samples) * 1000:.1f} ms)")
    print(f"open review, {len(cards)} cards ({len(queue)} queued):  {median_ms(review_samples):7.1f} ms  (median of 15)")
    print(f"outline marks and due counts, all nodes: {median_ms(stats_samples):7.1f} ms  (median of 5)")
    print(f"check an answer (normalize+check+diff):  {median_ms(check_samples) * 1000:7.1f} µs")
    print(f"quiz session: grade a blank and move on: {median_ms(quiz_samples) * 1000:7.1f} µs")


if __name__ == "__main__":
    main()
