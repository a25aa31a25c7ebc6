"""Tests for tui.core.wrap: CJK-aware line breaking in terminal cells."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from tui.core.wrap import CLOSING, OPENING, cell_width, rewrap, wrap


def lines(text: str, width: int, indent: int = 0) -> list[str]:
    return [text[a:b] for a, b in wrap(text, width, indent)]


def assert_covers(text: str, spans: list[tuple[int, int]]) -> None:
    """Spans are in order and only spaces and newlines fall between them."""
    position = 0
    for start, end in spans:
        assert position <= start <= end
        assert text[position:start].strip(" \n") == "", (text, spans)
        position = end
    assert text[position:].strip(" \n") == ""


SPEECH = "我们要坚持以人民为中心的发展思想，推动高质量发展。"


class TestChinese:
    def test_even_width_fills_every_line(self):
        expected = ["我们要坚持", "以人民为中", "心的发展思", "想，推动高", "质量发展。"]
        assert lines(SPEECH, 10) == expected

    @pytest.mark.parametrize("width", [5, 7, 9, 11, 21])
    def test_odd_width_leaves_last_cell_empty(self, width):
        result = lines(SPEECH, width)
        assert all(cell_len(line) <= width for line in result)
        # A wide character never straddles the edge, so full lines are one cell short.
        assert cell_len(result[0]) == width - 1
        assert "".join(result) == SPEECH

    def test_closing_punctuation_pulls_previous_character_down(self):
        text = "发展思想，推动高质量"
        # Four characters fill the first line; the fifth is "，", which must not start a line.
        assert lines(text, 8) == ["发展思", "想，推动", "高质量"]

    def test_closing_quote_and_full_stop_stay_with_the_text(self):
        text = "他说：“作风建设永远在路上。”我们同意。"
        result = lines(text, 8)
        assert result == ["他说：", "“作风建", "设永远在", "路上。”", "我们同", "意。"]
        assert not any(line[0] in CLOSING for line in result[1:])

    def test_opening_punctuation_never_ends_a_line(self):
        text = "要学习《习近平谈治国理政》这本书"
        result = lines(text, 8)
        assert all(line[-1] not in OPENING for line in result)
        assert "".join(result) == text

    def test_enumeration_comma_never_starts_a_line(self):
        text = "态度冷漠、推诿扯皮、吃拿卡要、庸懒散拖"
        for width in range(4, 20):
            result = lines(text, width)
            assert not any(line[0] == "、" for line in result[1:]), (width, result)


class TestMixed:
    TEXT = "使用Python语言编写the quick brown fox程序，很好。"

    def test_words_are_not_split(self):
        assert lines(self.TEXT, 12) == ["使用Python语", "言编写the", "quick brown", "fox程序，很", "好。"]

    @pytest.mark.parametrize("width", [6, 7, 8, 9, 13, 17, 40])
    def test_within_width_and_complete(self, width):
        spans = wrap(self.TEXT, width)
        assert all(cell_len(self.TEXT[a:b]) <= width for a, b in spans)
        assert_covers(self.TEXT, spans)
        for (_, prev_end), (start, _) in zip(spans, spans[1:]):
            # Every word of the text is shorter than 6 cells, so none is ever cut.
            if start == prev_end:
                assert not (self.TEXT[start - 1].isascii() and self.TEXT[start].isascii()), (width, spans)

    def test_breaking_space_is_dropped(self):
        spans = wrap("hello world", 7)
        assert spans == [(0, 5), (6, 11)]

    def test_ascii_comma_stays_with_word(self):
        assert lines("one two three, four", 13) == ["one two", "three, four"]

    def test_space_before_closing_punctuation_is_not_a_break(self):
        # "hello ," must not leave "," first on a line.
        result = lines("aaaa hello , world", 10)
        assert not any(line.startswith(",") for line in result)

    def test_long_url_is_cut_only_because_it_must(self):
        text = "访问 https://example.com/very/long/path/to/resource 获取"
        result = lines(text, 12)
        assert result[0] == "访问"
        assert result[1] == "https://exam"
        assert "".join(result) == text.replace(" ", "")
        assert all(cell_len(line) <= 12 for line in result)

    def test_long_word_before_comma_takes_a_letter_down(self):
        result = lines("abcdefghij,", 5)
        assert result == ["abcde", "fghi", "j,"]

    def test_newline_ends_a_line(self):
        assert wrap("a\nb c", 10) == [(0, 1), (2, 5)]
        assert lines("甲乙\n\n丙", 10) == ["甲乙", "", "丙"]


class TestEdges:
    def test_empty_text_has_one_empty_line(self):
        assert wrap("", 10) == [(0, 0)]

    def test_text_that_fits(self):
        assert wrap("中文 text", 80) == [(0, 7)]

    def test_indent_shortens_first_line_only(self):
        assert lines("一二三四五六七八九十", 10, indent=4) == ["一二三", "四五六七八", "九十"]

    def test_indent_is_clamped(self):
        assert lines("一二三", 4, indent=10) == ["一", "二三"]

    @pytest.mark.parametrize("width", [-3, 0, 1])
    def test_tiny_widths_terminate(self, width):
        assert lines("中a文 b", width) == ["中", "a", "文", "b"]

    def test_width_one_never_splits_a_combining_mark(self):
        assert lines("e\u0301x", 1) == ["e\u0301", "x"]

    def test_control_characters_count_one_cell(self):
        assert cell_width("a\tb") == 3
        assert lines("ab\tcd", 3) == ["ab\t", "cd"]

    def test_leading_spaces_are_kept(self):
        assert wrap("  中文", 10) == [(0, 4)]
        assert lines("　　中文中文", 6) == ["　　中", "文中文"]

    def test_run_of_closing_punctuation_cannot_be_avoided(self):
        result = lines("好。。。。。。", 4)
        assert "".join(result) == "好。。。。。。"
        assert all(cell_len(line) <= 4 for line in result)

    def test_one_megabyte_is_handled(self):
        # Not a timing test: the layout of a big paragraph stays linear and correct.
        text = ("推动高质量发展，" * 4000 + "。") * 10
        spans = wrap(text, 80)
        assert_covers(text, spans)
        assert all(cell_len(text[a:b]) <= 80 for a, b in spans)


# ---- properties ----

CJK = "我们要坚持以人民为中心的发展思想推动高质量作风建设永远在路上"
LATIN = "abcdefxyzABC0129-/"
ALPHABET = CJK + LATIN + "".join(sorted(CLOSING)) + "".join(sorted(OPENING)) + "…—·"


def narrow(char: str) -> bool:
    return cell_len(char) == 1 and char != " "


def legal(text: str, k: int) -> bool:
    """An independent statement of the rules: may a line break before text[k]?"""
    before, after = text[k - 1], text[k]
    if after == " ":
        rest = text[k:].lstrip(" ")
        return not rest or rest[0] not in CLOSING
    if after in CLOSING:
        return False
    if before == " ":
        return True
    if before in OPENING:
        return False
    return not (narrow(before) and narrow(after))


texts = st.text(alphabet=st.sampled_from(ALPHABET + " "), max_size=200)


@settings(max_examples=300, deadline=None)
@given(text=texts, width=st.integers(min_value=2, max_value=30), indent=st.integers(min_value=0, max_value=6))
def test_lines_fit_cover_the_text_and_break_legally(text, width, indent):
    spans = wrap(text, width, indent)
    assert spans
    assert_covers(text, spans)
    first_width = width - max(0, min(indent, width - 2))
    for number, (start, end) in enumerate(spans):
        assert cell_len(text[start:end]) <= (first_width if number == 0 else width)
    for (prev_start, prev_end), (start, _end) in zip(spans, spans[1:]):
        if start != prev_end:
            continue  # a break at spaces
        if legal(text, start):
            continue
        # An illegal break (a cut word, closing punctuation first) only when the
        # previous line offered no legal break at all.
        assert not any(
            legal(text, k) and text[prev_start:k].strip(" ") for k in range(prev_start + 1, prev_end)
        ), (text, width, spans)


clauses = st.lists(
    st.tuples(st.text(alphabet=st.sampled_from(CJK), min_size=1, max_size=12), st.sampled_from(["", *"，。、；：？！"])),
    max_size=20,
).map(lambda parts: "".join(run + mark for run, mark in parts))


@settings(max_examples=200, deadline=None)
@given(text=clauses, width=st.integers(min_value=4, max_value=40))
def test_chinese_lines_never_start_with_closing_punctuation(text, width):
    result = lines(text, width)
    assert "".join(result) == text
    assert not any(line and line[0] in CLOSING for line in result)


class TestRewrap:
    """Laying out again after an edit gives the lines a full layout gives, looking only near the edit."""

    @staticmethod
    def spliced(old: str, new: str, start: int, removed: int, inserted: int, width: int) -> list[tuple[int, int]]:
        spans = wrap(old, width)
        first, stop, fresh = rewrap(new, spans, start, removed, inserted, width)
        moved = inserted - removed
        return spans[:first] + fresh + [(a + moved, b + moved) for a, b in spans[stop:]]

    @settings(max_examples=400, deadline=None)
    @given(
        text=st.text(alphabet="作风建设永远在路上ab1 ，。、“”《》()\n\u0301_", max_size=120),
        replacement=st.text(alphabet="作风ab1 ，。“”_\n", max_size=12),
        where=st.integers(0, 120),
        length=st.integers(0, 12),
        width=st.integers(1, 24),
    )
    def test_same_lines_as_a_full_layout(self, text, replacement, where, length, width):
        start = min(where, len(text))
        removed = min(length, len(text) - start)
        new = text[:start] + replacement + text[start + removed :]
        assert self.spliced(text, new, start, removed, len(replacement), width) == wrap(new, width)

    def test_an_edit_in_a_long_paragraph_lays_out_a_few_lines(self):
        # As wide as what it replaces: the lines after it start where they did.
        old = SPEECH * 400
        at = old.index("高质量发展", 5000)
        new = old[:at] + "作风建设好" + old[at + 5 :]
        first, stop, fresh = rewrap(new, wrap(old, 40), at, 5, 5, 40)
        assert stop - first <= 3 and len(fresh) <= 3
        assert self.spliced(old, new, at, 5, 5, 40) == wrap(new, 40)
        # Words of English: the lines after a longer word soon start where they did.
        old = "We the People of the United States, in Order to form a more perfect Union, " * 300
        at = old.index("perfect", 9000)
        new = old[:at] + "perfectly" + old[at + 7 :]
        first, stop, fresh = rewrap(new, wrap(old, 40), at, 7, 9, 40)
        assert stop - first <= 8
        assert self.spliced(old, new, at, 7, 9, 40) == wrap(new, 40)

    def test_spaces_that_run_past_the_width_are_read_across(self):
        # The line before the edit looked across a run of spaces to the word after them.
        old = "ab" + " " * 30 + "cd ef"
        new = "ab" + " " * 30 + ", ef"
        start = old.index("cd")
        assert self.spliced(old, new, start, 2, 1, 8) == wrap(new, 8)
