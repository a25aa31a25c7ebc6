"""Tests for tui/core/review_across.py: the cards due in every document, read only where cards are due."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from tui.core import phrases, quiz
from tui.core.records import Answer
from tui.core.review_across import review_across
from tui.core.store import Store
from tui.core.workbook import Workbook

NOW = datetime.now(timezone.utc)
FIRST = """第一份笔记

一、总体要求
我们要坚持“两个确立”，做到“两个维护”，增强“四个意识”。
二、重点任务
坚决反对“四风”，牢记“作风建设永远在路上”。
"""
SECOND = """第二份笔记

一、理论学习
全体党员要把“学思想、强党性、重实践、建新功”作为主线，原原本本读原著，认认真真学原文，深入领会“以人民为中心”的发展思想。
二、推动落实
各级组织要推动“全面从严治党”向纵深发展，坚持“严管就是厚爱”，把“三会一课”制度落到实处，做到常抓不懈。
"""
THIRD = """第三份笔记

一、生态保护
坚持“绿水青山就是金山银山”的理念，统筹山水林田湖草沙系统治理，守住“生态保护红线”不放松。
"""


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "data") as opened:
        yield opened


def studied(store: Store, path: Path, text: str, due: int) -> Workbook:
    """A document opened and `due` of its cards answered long ago, so they are due now."""
    path.write_text(text, encoding="utf-8")
    workbook = Workbook(path, text, store)
    workbook.open()
    workbook.use_phrases(workbook.find_phrases())
    long_ago = NOW - timedelta(days=40)
    for card in workbook.cards[:due]:
        store.record_review(workbook.document_id(), Answer(card.key, "", quiz.GOOD, outcome="right", time=long_ago))
    return workbook


def test_the_due_cards_of_every_document_with_their_workbooks(store: Store, tmp_path: Path) -> None:
    first = studied(store, tmp_path / "first.txt", FIRST, due=2)
    second = studied(store, tmp_path / "second.txt", SECOND, due=1)
    studied(store, tmp_path / "third.txt", THIRD, due=0)

    review = review_across(store, NOW)

    assert [(item.workbook.path.name, item.card.key) for item in review.items] == [
        ("first.txt", first.cards[0].key),
        ("first.txt", first.cards[1].key),
        ("second.txt", second.cards[0].key),
    ]
    assert [workbook.path.name for workbook in review.workbooks] == ["first.txt", "second.txt"]  # third: not read
    assert review.skipped == []


def test_no_new_cards_join(store: Store, tmp_path: Path) -> None:
    studied(store, tmp_path / "first.txt", FIRST, due=0)
    assert review_across(store, NOW).items == []


def test_no_new_cards_join_even_when_an_exam_date_asks_for_new_cards_a_day(store: Store, tmp_path: Path) -> None:
    first = studied(store, tmp_path / "first.txt", FIRST, due=1)
    store.set_exam_date(first.document_id(), (NOW + timedelta(days=5)).date())
    assert [item.card.key for item in review_across(store, NOW).items] == [first.cards[0].key]


def test_phrases_come_from_the_cache(store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    studied(store, tmp_path / "first.txt", FIRST, due=1)

    def never(*_: object) -> None:
        raise AssertionError("phrases extracted again")

    monkeypatch.setattr(phrases, "extract", never)
    assert len(review_across(store, NOW).items) == 1


def test_a_document_whose_file_is_gone_is_skipped_and_named(store: Store, tmp_path: Path) -> None:
    studied(store, tmp_path / "first.txt", FIRST, due=2)
    studied(store, tmp_path / "second.txt", SECOND, due=1)
    (tmp_path / "first.txt").unlink()

    review = review_across(store, NOW)

    assert [item.workbook.path.name for item in review.items] == ["second.txt"]
    [skipped] = review.skipped
    assert (skipped.title, skipped.due, skipped.reason) == ("第一份笔记", 2, "missing")


def test_answers_go_to_each_cards_own_document(store: Store, tmp_path: Path) -> None:
    first = studied(store, tmp_path / "first.txt", FIRST, due=1)
    second = studied(store, tmp_path / "second.txt", SECOND, due=1)
    review = review_across(store, NOW)
    for item in review.items:
        item.workbook.record(item.card, quiz_state())
    assert len(store.reviews(first.document_id())) == 2
    assert len(store.reviews(second.document_id())) == 2


def quiz_state():
    from tui.core.session import BlankState

    return BlankState(status="right", typed="x", rating=quiz.GOOD, seconds=3.0)
