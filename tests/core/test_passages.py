"""Tests for tui/core/passages.py: a section's passages, their card keys and recorded recitals."""

from __future__ import annotations

from pathlib import Path

from tui.core.identity import CardPlace, match_cards, rekey, split_key
from tui.core.loader import load
from tui.core.outline import parse
from tui.core.passages import passage_key, passage_keys, passages_for, record_recital
from tui.core.phrases import phrases_for
from tui.core.progress import document_stats
from tui.core.quiz import card_key, cards_for
from tui.core.store import Store
from tui.core.workbook import Workbook

SPEECH = Path(__file__).resolve().parents[2] / "data" / "zuofeng-speech.txt"


def test_a_section_gives_its_own_and_its_subsections_paragraphs() -> None:
    document = parse(load(SPEECH), SPEECH.name)
    _, phrases = phrases_for(document, "h")
    passages = passages_for(document, "2", phrases)
    assert [(p.section_id, p.paragraph) for p in passages] == [("2.1", 0), ("2.2", 0)]
    assert passages[0].heading == "(一)把握核心要义,校准政治方向"
    assert passages[0].text.startswith("习近平总书记强调")
    start, end = passages[0].phrases[0]
    assert any(p.text == passages[0].text[start:end] for p in phrases["2.1"])


def test_passage_keys_are_stable_and_apart_from_phrase_card_keys() -> None:
    key = passage_key("一、 / （一）", "习近平总书记强调:“作风建设关系党的生死存亡”", 1)
    assert key == "一、 / （一） ¶ 习近平总书记强调作风建设 #1"
    assert passage_key("一、 / （一）", "习近平总书记强调：作风建设，关系到全局。", 1) == key
    assert split_key(key, "一、 / （一）") is None  # never read as a phrase card's key
    assert rekey(key, "一、 / （一）", "一、 / （二）") == "一、 / （二） ¶ 习近平总书记强调作风建设 #1"
    assert rekey(card_key("一、", "两个确立", 1), "一、", "二、") == card_key("二、", "两个确立", 1)


def test_two_paragraphs_opening_alike_get_their_own_keys() -> None:
    document = parse("一、开头\n同样的开头文字很长很长很长,甲。\n同样的开头文字很长很长很长,乙。\n", "x.txt")
    keys = passage_keys(document)
    assert len(set(keys)) == 2 and keys[1].endswith("#2")


def test_matching_phrase_cards_leaves_passage_cards_alone() -> None:
    document = parse(load(SPEECH), SPEECH.name)
    _, phrases = phrases_for(document, "h")
    places = [CardPlace(c.key, document.section_key(c.section_id), c.phrase.text, c.occurrence)
              for c in cards_for(document, phrases)]
    passages = {key: key.split(" ¶ ")[0] for key in passage_keys(document)}
    assert match_cards(passages, places) == {}


def test_a_recital_is_stored_with_its_score_and_is_no_orphan(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        workbook = Workbook(SPEECH, load(SPEECH), store)
        document = workbook.open()
        workbook.use_phrases(workbook.find_phrases())
        passage = passages_for(document, "2.1", workbook.phrases)[0]
        recorded = record_recital(workbook, passage, 3, outcome="typed", typed="习近平", seconds=12.5, score=0.98)
        assert recorded is not None
        [review] = store.reviews(workbook.document_id())
        assert (review.card_key, review.rating, review.score, review.typed) == (passage.key, 3, 0.98, "习近平")
        assert review.section_key == document.section_key("2.1")
        assert document_stats(workbook).orphaned == []
