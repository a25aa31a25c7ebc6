"""Tests of tui/core/text_places.py: places as lines and back, a place held until laid out, matches near the view."""

from __future__ import annotations

from tui.core.outline import parse
from tui.core.text_lines import BLANK, HEADING
from tui.core.text_places import TextPlaces

NOTES = (
    "# 笔记\n\n## 总体要求\n\n坚持两个确立，做到两个维护，增强四个意识，坚定四个自信。\n\n第二段也提到两个确立。\n\n"
    "## 重点任务\n\n反对四风，坚持两个确立。\n"
)


def places(width: int | None = 12) -> TextPlaces:
    text = TextPlaces({"preamble": "开篇"})
    text.take_document(parse(NOTES, "notes.md"))
    if width is not None:
        text._wrap_lines(width)
    return text


def test_a_section_is_its_heading_and_a_place_in_it_a_paragraph_and_offset() -> None:
    text = places()
    number = text._index["1"]
    assert text.section_place("1") == (number, HEADING, 0)
    paragraph = text._source(number, 0)
    assert text.section_place("1", at=0.5) == (number, 0, len(paragraph) // 2)
    assert text.section_place("1", at=9.0) == (number, HEADING, 0)  # past its last paragraph: its heading
    assert text.section_place("nowhere") is None


def test_the_position_of_a_line_leads_back_to_it_and_a_heading_to_its_first_line() -> None:
    text = places()
    for y in range(text.line_count):
        if text._lines[y][1] == BLANK:
            continue
        if text._lines[y][1] == HEADING:
            info = text.line_info(y)
            assert info is not None and text.position_at(y) == (info.section_id, 0.0)
            continue
        position = text.position_at(y)
        assert position is not None
        place = text.section_place(*position)
        # The start of the first paragraph is 0.0, as the heading is: the heading is shown with it.
        expected = y if position[1] > 0 else text.section_line(position[0])
        assert place is not None and text.line_to_show(place) == expected


def test_a_blank_line_is_the_place_of_the_text_after_it() -> None:
    text = places()
    blank = next(y for y in range(text.line_count) if text._lines[y][1] == BLANK)
    assert text.position_at(blank) == text.position_at(blank + 1)
    assert text.anchor_at(blank) == text._lines[blank + 1][:3]


def test_a_place_asked_for_before_the_layout_is_held_and_named_in_view_until_shown() -> None:
    text = places(width=None)
    place = text.section_place("2")
    assert place is not None
    assert text.line_to_show(place) is None and text.held == place
    assert text.section_in_view(0) is None  # no lines yet
    text._wrap_lines(12)
    assert text.section_in_view(0) == "2"  # the section held, not the one at the top
    assert text.anchor_at(0) == place
    line = text.line_to_show(place)
    assert line == text.section_line("2") and text.held is None
    assert text.section_in_view(0) == "1"


def test_a_new_document_forgets_the_place_held() -> None:
    text = places(width=None)
    text.line_to_show((1, HEADING, 0))
    text.take_document(parse(NOTES, "notes.md"))
    assert text.held is None


def test_matches_from_the_view_first_then_in_turn_both_ways() -> None:
    text = places()
    text._find("两个确立")
    assert text.match_count == 3
    lines = [text.match_line(index) for index in range(3)]
    assert lines == sorted(lines)
    assert text.match_step(0, +1) == 0
    assert text.match_step(lines[1], +1) == 1  # the first at or below the top
    assert text.match_step(lines[1], -1) == 0  # the last above it
    assert text.match_step(0, -1) == 2  # none above: the last
    assert text.choose_match(2) == "2" and text.match_index == 2
    assert text.match_step(0, +1) == 0 and text.match_step(0, -1) == 1  # from the current one, round
    text._find("没有")
    assert text.match_step(0, +1) is None
