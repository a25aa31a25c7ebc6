"""Tests of tui/core/text_lines.py: a document's shown text in lines of a width, its phrases and matches."""

from __future__ import annotations

from tui.core.model import Phrase
from tui.core.outline import parse
from tui.core.text_lines import BLANK, HEADING, DrawnLine, LineInfo, TextLines

NOTES = "# 笔记\n\n## 总体要求\n\n坚持**两个确立**，做到两个维护。\n\n## 重点任务\n\n反对四风，坚持两个确立。\n"


def laid(width: int) -> TextLines:
    text = TextLines({"preamble": "开篇"})
    text.take_document(parse(NOTES, "notes.md"))
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



def test_a_line_is_drawn_with_its_markdown_styles_then_phrases_when_highlighted_then_matches() -> None:
    text = laid(40)
    assert text.drawn_line(0, False) == DrawnLine("总体要求", 1, [])
    shown = "坚持两个确立，做到两个维护。"
    bold = (2, 6, "bold", True)
    assert text.drawn_line(1, False) == DrawnLine(shown, 0, [bold])
    assert text.drawn_line(2, False) is None and text.drawn_line(text.line_count, False) is None  # blank; past the end
    text._take_phrases({"1": [Phrase(0, 0, 2, "坚持", "term")]})
    assert text.drawn_line(1, False) == DrawnLine(shown, 0, [bold])
    assert text.drawn_line(1, True) == DrawnLine(shown, 0, [bold, (0, 2, "phrase", False)])
    text._find("两个")
    text._match_index = 0
    assert text.drawn_line(1, False) == DrawnLine(
        shown, 0, [bold, (2, 4, "current-match", False), (9, 11, "match", False)]
    )


def test_a_style_across_a_line_end_is_cut_at_it() -> None:
    text = laid(8)  # four characters a line
    assert text.line_text(1) == "坚持两个" and text.line_text(2) == "确立，做"
    assert text.drawn_line(1, False) == DrawnLine("坚持两个", 0, [(2, 4, "bold", True)])
    assert text.drawn_line(2, False) == DrawnLine("确立，做", 0, [(0, 2, "bold", True)])
