"""Tests for tui.core.inline: Markdown markers hidden, styles kept, raw offsets mapped to shown ones."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.inline import parse_inline, plain_inline


def shown(raw: str) -> tuple[str, list[tuple[str, str]]]:
    """The text shown and each styled part of it with its style."""
    inline = parse_inline(raw)
    return inline.text, [(inline.text[a:b], style) for a, b, style in inline.styles]


class TestMarkers:
    @pytest.mark.parametrize(
        ("raw", "text", "styled"),
        [
            ("**We the People** of the United States", "We the People of the United States", [("We the People", "bold")]),
            ("an *italic* word and _another_", "an italic word and another", [("italic", "italic"), ("another", "italic")]),
            ("***both*** at once", "both at once", [("both", "bold"), ("both", "italic")]),
            ("**bold with *italic* inside**", "bold with italic inside",
             [("bold with italic inside", "bold"), ("italic", "italic")]),
            ("run `make test` now", "run make test now", [("make test", "code")]),
            ("``a ` tick``", "a ` tick", [("a ` tick", "code")]),
            ("see [the rubric](../shared/BLANKS-RUBRIC.md) first", "see the rubric first", [("the rubric", "link")]),
            ("![a chart](chart.png)", "a chart", [("a chart", "link")]),
            ("[**strong** link](https://example.com/a_(b)) end", "strong link end",
             [("strong link", "link"), ("strong", "bold")]),
            ("[titled](https://example.com \"a title\")", "titled", [("titled", "link")]),
            ("<https://example.com/x> is here", "https://example.com/x is here", [("https://example.com/x", "link")]),
            ("~~gone~~ and ==marked==", "gone and marked", [("gone", "strike"), ("marked", "mark")]),
            (r"\*not italic\* and \_not\_", "*not italic* and _not_", []),
            ("**“作风建设永远在路上”**是要求", "“作风建设永远在路上”是要求", [("“作风建设永远在路上”", "bold")]),
            ("坚持*实事求是*的原则", "坚持实事求是的原则", [("实事求是", "italic")]),
        ],
    )
    def test_markers_hidden_styles_kept(self, raw, text, styled):
        got_text, got_styled = shown(raw)
        assert got_text == text
        assert sorted(got_styled) == sorted(styled)

    @pytest.mark.parametrize(
        "raw",
        [
            "5 * 3 * 2 = 30",
            "snake_case_name stays",
            "a ** b",
            "**unclosed bold",
            "an `unclosed code span",
            "[not a link] (x)",
            "[no address]",
            "a_b_c",
            "x = a == b",
            "中文里的*号和_号",
        ],
    )
    def test_what_does_not_pair_stays_as_written(self, raw):
        assert shown(raw) == (raw, [])

    def test_plain_text_is_shown_as_written(self):
        raw = "文中的 **不是** Markdown"
        inline = plain_inline(raw)
        assert inline.text == raw and inline.styles == ()
        assert [inline.shown_offset(k) for k in range(len(raw) + 1)] == list(range(len(raw) + 1))


class TestOffsets:
    def test_a_phrase_inside_bold_keeps_its_place(self):
        raw = "**We the People** of the United States, in Order to form a more perfect Union, establish Justice"
        inline = parse_inline(raw)
        for phrase in ("We the People", "establish Justice", "United States"):
            start = raw.index(phrase)
            low, high = inline.shown_span(start, start + len(phrase))
            assert inline.text[low:high] == phrase

    def test_an_offset_inside_a_marker_lands_where_the_marker_was(self):
        inline = parse_inline("a **b** c")
        assert [inline.shown_offset(k) for k in range(10)] == [0, 1, 2, 2, 2, 3, 3, 3, 4, 5]

    @settings(max_examples=500, deadline=None)
    @given(st.text(alphabet="ab 中文“”*_`[]()!~=<>\\:/.h", max_size=60))
    def test_every_shown_character_is_a_raw_one_in_order(self, raw):
        inline = parse_inline(raw)
        offsets = [inline.shown_offset(k) for k in range(len(raw) + 1)]
        assert offsets[0] == 0 and offsets[-1] == len(inline.text)
        for k in range(len(raw)):
            step = offsets[k + 1] - offsets[k]
            assert step in (0, 1), (raw, k)
            if step:
                assert inline.text[offsets[k]] == raw[k]
        for start, end, _style in inline.styles:
            assert 0 <= start < end <= len(inline.text)
