"""Tests for tui/core/section_tree.py: paragraphs re-joined, items as sections, the closing address, numbering."""

from __future__ import annotations

from tui.core.model import Section
from tui.core.section_tree import items_as_sections, join_paragraphs, number_sections, split_closing


def heading(label: str, text: str, paragraphs: list[str], children: list[Section] | None = None) -> Section:
    return Section("", "heading", 1, label, text, paragraphs, children or [])


class TestParagraphs:
    def test_wrapped_english_lines_join_and_a_hyphenated_word_keeps_together(self) -> None:
        lines = [
            "A long line of English prose that goes on well past forty characters and then",
            "wraps onto the next line, where a word is broken across lines like govern-",
            "ment, and ends.",
        ]
        assert join_paragraphs(lines, markdown=False) == [
            "A long line of English prose that goes on well past forty characters and then "
            "wraps onto the next line, where a word is broken across lines like govern-ment, and ends."
        ]

    def test_chinese_lines_short_lines_and_list_items_stand_as_they_are(self) -> None:
        assert join_paragraphs(["今天天气很好。", "我们去公园散步。"], markdown=False) == ["今天天气很好。", "我们去公园散步。"]
        assert join_paragraphs(["Ten Downing Street", "London"], markdown=False) == ["Ten Downing Street", "London"]
        assert join_paragraphs(["Ten Downing Street", "london"], markdown=True) == ["Ten Downing Street london"]
        assert join_paragraphs(["Some notes on the way", "- an item"], markdown=True) == ["Some notes on the way", "- an item"]


class TestItems:
    def test_yi_shi_er_shi_paragraphs_become_sections_after_the_preamble(self) -> None:
        paragraphs = ["同志们：", "一是要加强学习。学习是基础。", "还要多读书。", "二是要改进作风，作风是形象。"]
        sections = items_as_sections(paragraphs)
        assert [(s.kind, s.label, s.heading) for s in sections] == [
            ("preamble", "", ""),
            ("heading", "一是", "要加强学习"),
            ("heading", "二是", "要改进作风，作风是形象"),
        ]
        assert sections[0].paragraphs == ["同志们："]
        assert sections[1].paragraphs == ["学习是基础。", "还要多读书。"]
        assert sections[2].paragraphs == []

    def test_one_item_or_a_list_not_starting_at_one_is_no_outline(self) -> None:
        assert items_as_sections(["一是不够的。", "我们去公园散步。"]) == []
        assert items_as_sections(["二是要学习。", "三是要实践。"]) == []


class TestClosing:
    def test_the_closing_address_after_the_last_section_is_its_own(self) -> None:
        last = heading("（一）", "作风", ["作风是形象。", "同志们，让我们一起努力！", "谢谢大家！"])
        top = [heading("一、", "学习", [], [last])]
        split_closing(top)
        assert [s.kind for s in top] == ["heading", "closing"]
        assert top[1].paragraphs == ["同志们，让我们一起努力！", "谢谢大家！"]
        assert last.paragraphs == ["作风是形象。"]

    def test_a_section_is_never_left_empty(self) -> None:
        top = [Section("", "heading", 1, "", "", ["谢谢大家！"])]
        split_closing(top)
        assert len(top) == 1 and top[0].paragraphs == ["谢谢大家！"]


class TestNumbering:
    def test_ids_and_levels_follow_the_tree(self) -> None:
        child = heading("（一）", "甲", [])
        top = [heading("一、", "学习", [], [child, heading("（二）", "乙", [])]), heading("二、", "实践", [])]
        number_sections(top, "")
        assert [s.id for s in top] == ["1", "2"] and [s.id for s in top[0].children] == ["1.1", "1.2"]
        assert child.level == 2 and top[1].level == 1
