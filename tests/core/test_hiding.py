"""Tests for tui/core/hiding.py: each level of progressive hiding on the bundled speech, and reveals."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.hiding import clauses, cue_end, hide, next_reveal, segments
from tui.core.loader import load
from tui.core.outline import parse

SPEECH = Path(__file__).resolve().parents[2] / "data" / "zuofeng-speech.txt"


@pytest.fixture(scope="module")
def passage() -> str:
    """The first two sentences of the speech's section 二、（二）: 针对查摆出的…要严肃处理。"""
    document = parse(load(SPEECH), SPEECH.name)
    section = document.find("3.2")
    assert section is not None
    text = section.paragraphs[0]
    return text[: text.index("。", text.index("。") + 1) + 1]


def test_level_0_is_the_text(passage: str) -> None:
    assert hide(passage, 0, [(0, 5)], revealed=3) == passage


def test_level_1_hides_the_key_phrases_by_their_size(passage: str) -> None:
    at = passage.index("整改措施")
    hidden = hide(passage, 1, [(at, at + 4)])
    assert hidden.startswith("针对查摆出的作风问题,要逐一制定切实可行的＿＿＿＿。一是要加强教育培训,")
    assert hidden.replace("＿＿＿＿", "整改措施", 1) == passage


def test_level_2_cues_every_other_clause(passage: str) -> None:
    assert hide(passage, 2).startswith(
        "针＿＿＿＿＿＿＿＿＿,要逐一制定切实可行的整改措施。一是要加＿＿＿＿＿,提升干部职工的思想认识和业务能力,"
        "通＿＿＿＿＿＿＿、组织业务培训等方式,让干＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿,"
    )


def test_level_3_cues_every_clause_by_its_first_character(passage: str) -> None:
    assert hide(passage, 3).startswith(
        "针＿＿＿＿＿＿＿＿＿,要＿＿＿＿＿＿＿＿＿＿＿＿＿。一是要＿＿＿＿＿＿,提＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿,"
        "通＿＿＿＿＿＿＿、组＿＿＿＿＿＿＿＿,"
    )


def test_level_4_keeps_only_the_punctuation(passage: str) -> None:
    hidden = hide(passage, 4)
    assert hidden.startswith("＿＿＿＿＿＿＿＿＿＿,＿＿＿＿＿＿＿＿＿＿＿＿＿＿。＿＿＿＿＿＿＿＿＿,")
    assert set(hidden) == {"＿", ",", "。", "、", ";"}


@pytest.mark.parametrize("level", range(5))
def test_every_level_keeps_the_length_and_the_punctuation(passage: str, level: int) -> None:
    hidden = hide(passage, level, [(3, 8)])
    assert len(hidden) == len(passage)
    assert [c for c in hidden if c in ",。、;"] == [c for c in passage if c in ",。、;"]


def test_line_breaks_and_narrow_characters_stay_in_place() -> None:
    assert hide("增长3.6%以上,\n共12项。", 4) == "＿＿_._%＿＿,\n＿__＿。"


def test_a_function_word_cues_two_characters_at_level_2_only() -> None:
    assert hide("要坚持,在路上。", 2) == "要坚＿,在路上。"
    assert hide("要坚持,在路上。", 3) == "要＿＿,在＿＿。"
    assert cue_end("“作风建设”", 0, 6) == 2  # the opening quote shows anyway; the cue is after it


def test_numbering_stays_and_the_cue_follows_it() -> None:
    assert hide("（一）把握要义。二是完善制度。", 3) == "（一）把＿＿＿。二是完＿＿＿。"


def test_a_leading_number_is_part_of_the_clause_it_opens() -> None:
    item = "1. They produce energy for the cell."
    assert [item[a:b] for a, b in clauses(item)] == [item]
    assert hide(item, 2) == "1. T___ _______ ______ ___ ___ ____."  # hidden at level 2, not only at 3
    points = "一、加强学习，提高认识。\n2) 抓好落实；(3) 完善制度。\n4.狠抓落实，①健全机制。"
    assert [points[a:b] for a, b in clauses(points)] == [
        "一、加强学习，", "提高认识。", "\n2) 抓好落实；", "(3) 完善制度。", "\n4.狠抓落实，", "①健全机制。"
    ]
    assert hide(points, 2) == "一、加＿＿＿，提高认识。\n2) 抓＿＿＿；(3) 完善制度。\n4.狠＿＿＿，①健全机制。"
    assert hide("3.6倍。", 3) == "3._＿。"  # a decimal is no numbering


def test_clauses_end_at_chinese_and_ascii_punctuation_not_inside_numbers() -> None:
    text = "他说:“好。”增长3.6%,共1,000人;完"
    assert [text[a:b] for a, b in clauses(text)] == ["他说:", "“好。”", "增长3.6%,", "共1,000人;", "完"]


def test_reveals_show_clauses_in_full_cumulatively(passage: str) -> None:
    one = hide(passage, 4, revealed=1)
    two = hide(passage, 4, revealed=2)
    assert one.startswith("针对查摆出的作风问题,＿＿＿")
    assert two.startswith("针对查摆出的作风问题,要逐一制定切实可行的整改措施。＿＿＿")
    assert {kind for _, kind in segments(passage, 4, revealed=1)} == {"revealed", "hidden", "text"}


def test_space_steps_over_clauses_already_shown(passage: str) -> None:
    # Level 2 shows clauses 1, 3, 5… in full: after clause 0, the next reveal is clause 2.
    assert next_reveal(passage, 2, revealed=0) == 1
    assert next_reveal(passage, 2, revealed=1) == 3
    assert next_reveal(passage, 0, revealed=0) == 0
    last = len(clauses(passage))
    assert next_reveal(passage, 4, revealed=last) == last
