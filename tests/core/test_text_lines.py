"""Tests of tui/core/text_lines.py: a document's shown text in lines of a width, its phrases and matches."""

from __future__ import annotations

from tui.core.model import Phrase
from tui.core.outline import parse
from tui.core.text_lines import BLANK, HEADING, LineInfo, TextLines

NOTES = "# 笔记\n\n## 总体要求\n\n坚持**两个确立**，做到两个维护。\n\n## 重点任务\n\n反对四风，坚持两个确立。\n"


def laid(width: int) -> TextLines:
    text = TextLines({"preamble": "开篇"})
    text._document = parse(NOTES, "notes.md")
    text._sections = list(text._document.walk())
    text._index = {section.id: number for number, section in enumerate(text._sections)}
    text._read_markdown()
    text._wrap_lines(width)
    return text


def test_every_line_is_part_of_a_heading_or_paragraph_as_shown_with_markers_hidden() -> None:
    text = laid(12)
    shown = [text.line_text(y) for y in range(text.line_count)]
    assert "".join(shown).count("两个确立") == 2 and "**" not in "".join(shown)
    assert text.line_info(0) == LineInfo("1", HEADING, 0, len("总体要求"))
    assert all(line[1] == BLANK or line[3] - line[2] <= 6 for line in text._lines)  # 12 cells, 2 a character
    assert text.section_line("2") is not None and text.line_info(text.section_line("2") or 0).section_id == "2"


def test_a_phrase_given_in_raw_offsets_falls_on_the_text_shown() -> None:
    text = laid(40)
    raw = text._sections[0].paragraphs[0]
    start = raw.index("两个确立")
    text._take_phrases({"1": [Phrase(0, start, start + 4, "两个确立", "emphasis")]})
    [(low, high)] = text._phrases[(0, 0)]
    assert text._source(0, 0)[low:high] == "两个确立"


def test_matches_in_every_section_ignoring_width_and_none_current_yet() -> None:
    text = laid(40)
    text._find("两个确立")
    assert text.match_count == 2 and text.match_index is None
    assert text.matched_sections == {"1", "2"}
    text._find("")
    assert text.match_count == 0
