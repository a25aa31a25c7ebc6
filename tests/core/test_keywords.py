"""tui.core.keywords: statistical keywords fill the sections that no rule filled."""

from __future__ import annotations

from tests.core.test_phrases import assert_rules, section_of, texts
from tui.core.model import Document, Section
from tui.core.phrases import extract, extract_paragraph


def test_keywords_fill_a_section_with_nothing_marked() -> None:
    doc = Document(
        "t",
        "text",
        [
            Section("1", "heading", 1, "一、", "甲", ["要建立作风建设的跟踪问效机制,定期对作风建设情况进行评估考核。通过持续跟踪问效,确保作风建设常抓不懈。"]),
            Section("2", "heading", 1, "二、", "乙", ["组织部门要加强作风建设,选优配强干部,为作风建设提供人才保障,把干部队伍建设摆在突出位置。"]),
            Section("3", "heading", 1, "三、", "丙", ["宣传部门要加大作风建设宣传力度,营造良好的舆论氛围,推动作风建设取得实效,让群众看到变化。"]),
        ],
    )
    found = extract(doc)
    assert "跟踪问效机制" in texts(found["1"])
    for section in doc.walk():
        assert len(found[section.id]) >= 2
        assert all(p.kind == "keyword" for p in found[section.id])
        # Words found in every section sink; generic verbs never rise.
        assert not {"作风建设", "作风", "坚持", "加强", "推进"} & set(texts(found[section.id]))


def test_keywords_are_not_used_where_better_phrases_exist() -> None:
    found = extract_paragraph("延安时期,党对作风问题“零容忍”的坚定立场十分鲜明。我们要坚决克服“松口气、歇歇脚”的麻痹思想。")
    assert texts(found) == ["零容忍", "松口气、歇歇脚"]


def test_english_notes_get_blanks_too() -> None:
    paragraph = 'The "separation of powers" keeps each branch in check; Congress makes the laws.'
    found = extract_paragraph(paragraph)
    assert "separation of powers" in texts(found)
    assert_rules(section_of(paragraph), {"1": found})
