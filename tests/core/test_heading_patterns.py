"""Tests for tui/core/heading_patterns.py: the markers of numbered headings and Markdown's lines, hits and near-misses."""

from __future__ import annotations

import pytest

from tui.core.heading_patterns import (
    HEADING_STARTS,
    RE_BREAK,
    RE_CN,
    RE_CN_PAREN,
    RE_DECIMAL,
    RE_DI,
    RE_FENCE,
    RE_ITEM,
    RE_PREFIX,
    RE_SETEXT,
    RE_WORD,
    SALUTATION,
)


class TestMarkers:
    @pytest.mark.parametrize(
        ("pattern", "line", "label"),
        [
            (RE_CN, "一、总体要求", "一、"),
            (RE_CN, "壹．总则", "壹．"),
            (RE_CN_PAREN, "（三）加强学习", "（三）"),
            (RE_DECIMAL, "1.2. 范围", "1.2."),
            (RE_DI, "第三章 总则", "第三章"),
            (RE_DI, "第五条之一 规定", "第五条之一"),
            (RE_PREFIX, "专题一 理论学习", "专题一"),
            (RE_WORD, "Chapter 12 The End", "Chapter 12"),
            (RE_ITEM, "一是要加强学习", "一是"),
        ],
    )
    def test_a_marker_is_read_with_its_label(self, pattern, line: str, label: str) -> None:
        match = pattern.match(line)
        assert match is not None and match.group(1) == label

    @pytest.mark.parametrize(
        ("pattern", "line"),
        [
            (RE_CN, "一、二、三等奖"),  # an enumeration inside a sentence
            (RE_DECIMAL, "3.14159 is pi"),
            (RE_PREFIX, "专题研究"),
            (RE_WORD, "Chapters of history"),
        ],
    )
    def test_a_near_miss_is_no_marker(self, pattern, line: str) -> None:
        assert pattern.match(line) is None

    def test_headings_start_with_what_the_grammar_reads(self) -> None:
        assert {"一", "（", "〔", "专", "Ⅳ", "①"} <= HEADING_STARTS
        assert "我" not in HEADING_STARTS


class TestLines:
    def test_markdown_lines(self) -> None:
        assert RE_FENCE.match("```python") and RE_FENCE.match("~~~") and not RE_FENCE.match("``inline``")
        assert RE_SETEXT.fullmatch("=====") and RE_SETEXT.fullmatch("---") and not RE_SETEXT.fullmatch("-=-")
        assert RE_BREAK.fullmatch("* * *") and not RE_BREAK.fullmatch("**")

    def test_a_salutation_and_a_near_miss(self) -> None:
        assert SALUTATION.match("同志们：") and SALUTATION.match("各位代表，")
        assert SALUTATION.match("同志们的努力") is None
