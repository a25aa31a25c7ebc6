"""Tests for tui.core.worksheet (and tui.core.blanked): the paper worksheet as text, Markdown and HTML."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from tui.core.model import Card, Document, Phrase
from tui.core.outline import parse
from tui.core.quiz import cards_for
from tui.core.worksheet import line_length, md_escape, to_html, to_markdown, worksheet

GOLDEN = Path(__file__).parent / "golden"

OUTLINE = """作风建设学习提纲

今天我们学习《论述摘编》，共同研讨。
一、提高政治站位
（一）把握核心要义
习近平总书记强调：“作风建设永远在路上”。要坚决克服“松口气、歇歇脚”的麻痹思想。
（二）对标发展需求
深刻理解“抓作风就是抓发展”的辩证关系。
二、坚持问题导向
查摆<形式主义>与“官僚主义 & 享乐主义”问题，效率提高*一倍*_以上_。
- 开头的横线不是列表，# 也不是标题。
"""
# The phrases by hand, so the worksheet does not move when the phrase rules improve.
OUTLINE_PHRASES = {
    "1": ["论述摘编"],
    "2.1": ["作风建设永远在路上", "松口气、歇歇脚"],
    "2.2": ["抓作风就是抓发展"],
    "3": ["形式主义", "官僚主义 & 享乐主义", "一倍"],
}
CAPTIONS = {"preamble": "开篇", "closing": "结语"}


def cards_of(doc: Document, phrases: dict[str, list[str]]) -> list[Card]:
    """Cards for phrases given by their text: each at its first occurrence in its section's own paragraphs."""
    found: dict[str, list[Phrase]] = {}
    for section_id, texts in phrases.items():
        section = doc.find(section_id)
        assert section is not None
        for text in texts:
            paragraph = next(i for i, p in enumerate(section.paragraphs) if text in p)
            start = section.paragraphs[paragraph].index(text)
            found.setdefault(section_id, []).append(Phrase(paragraph, start, start + len(text), text, "quote"))
    return cards_for(doc, found)


def outline_sheet(section_id: str | None = None):
    doc = parse(OUTLINE, "提纲.txt")
    return worksheet(doc, cards_of(doc, OUTLINE_PHRASES), section_id, CAPTIONS, answers="答案")


class TestMarkdown:
    def test_the_worksheet_of_a_small_document_is_its_golden_file(self) -> None:
        # Looked at: headings by level, blanks numbered through with lines half as long again
        # as their answers, Markdown syntax in the text escaped, the key by section.
        assert to_markdown(outline_sheet()) == (GOLDEN / "worksheet.md").read_text(encoding="utf-8")

    def test_one_section_with_its_subsections(self) -> None:
        sheet = outline_sheet("2")
        assert to_markdown(sheet) == (
            "# 作风建设学习提纲\n"
            "\n"
            "## 一、提高政治站位\n"
            "\n"
            "### （一）把握核心要义\n"
            "\n"
            "习近平总书记强调：“（1）＿＿＿＿＿＿＿＿＿＿＿＿＿＿”。要坚决克服“（2）＿＿＿＿＿＿＿＿＿＿＿”的麻痹思想。\n"
            "\n"
            "### （二）对标发展需求\n"
            "\n"
            "深刻理解“（3）＿＿＿＿＿＿＿＿＿＿＿＿”的辩证关系。\n"
            "\n"
            "---\n"
            "\n"
            "## 答案\n"
            "\n"
            "**一、（一）把握核心要义**：（1）作风建设永远在路上\u3000（2）松口气、歇歇脚\n"
            "\n"
            "**一、（二）对标发展需求**：（3）抓作风就是抓发展\n"
        )

    def test_a_subsection_alone_is_headed_as_people_cite_it_with_its_parents_numbering(self) -> None:
        # A document has many a （一）: alone on the page, it says whose it is, as its key does.
        lines = to_markdown(outline_sheet("2.2")).splitlines()
        assert lines[2] == "## 一、（二）对标发展需求"
        assert "**一、（二）对标发展需求**：（1）抓作风就是抓发展" in lines
        assert "<h2>一、（二）对标发展需求</h2>" in to_html(outline_sheet("2.2"))

    def test_an_english_worksheet_draws_escaped_underscores_and_half_width_numbers(self) -> None:
        doc = parse("# Notes\n\n## Rules\n\nThe rule is stay humble and work hard, always.\n", "notes.md")
        sheet = worksheet(doc, cards_of(doc, {"1": ["stay humble"]}), answers="Answers")
        text = to_markdown(sheet)
        assert "The rule is (1)" + "\\_" * 17 + " and work hard, always." in text
        assert text.endswith("---\n\n## Answers\n\n**Rules**: (1)stay humble\n")

    def test_markdown_markers_of_the_document_are_hidden_as_the_quiz_hides_them(self) -> None:
        doc = parse("# Notes\n\n## Rules\n\nKeep **stay humble** in mind.\n", "notes.md")
        section = doc.find("1")
        assert section is not None
        text = section.paragraphs[0]
        phrase = Phrase(0, text.index("**"), text.index("**", 8) + 2, "**stay humble**", "emphasis")
        sheet = worksheet(doc, cards_for(doc, {"1": [phrase]}))
        assert [gap.answer for gap in sheet.gaps] == ["stay humble"]
        assert "Keep (1)" + "\\_" * 17 + " in mind." in to_markdown(sheet)

    def test_escaping_keeps_text_as_written(self) -> None:
        assert md_escape("a*b_c [x](y) <t> & `c` ~~s~~ | $") == r"a\*b\_c \[x\](y) \<t\> \& \`c\` \~\~s\~\~ \| \$"
        assert md_escape("# no heading", start=True) == r"\# no heading"
        assert md_escape("- no list", start=True) == r"\- no list"
        assert md_escape("12. no list", start=True) == r"12\. no list"
        assert md_escape("- mid-line", start=False) == "- mid-line"
        assert md_escape("line one\n# two", start=False) == "line one\\\n\\# two"

    def test_a_line_grows_with_its_answer_a_cjk_character_counting_two(self) -> None:
        assert line_length(1) == 6  # never shorter than a short word
        assert line_length(8) == 12  # four Chinese characters
        assert line_length(9) == 14


class TestHtml:
    def test_a_complete_page_for_printing(self) -> None:
        page = to_html(outline_sheet())
        assert page.startswith('<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n')
        assert page.rstrip().endswith("</body>\n</html>")
        assert "<title>作风建设学习提纲</title>" in page
        assert '"Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", SimSun, serif' in page
        assert "@page { size: A4;" in page
        print_rules = page[page.index("@media print") :]
        assert re.search(r"\.answers \{ break-before: page; page-break-before: always;", print_rules)
        # A blank's line is as long as the Markdown one: an underscore is half an em.
        assert '<span class="blank">（2）<span class="line" style="width: 13.5em"></span></span>' in page

    def test_the_document_text_is_escaped(self) -> None:
        page = to_html(outline_sheet())
        assert '查摆&lt;<span class="blank">（5）' in page and "&gt;与“" in page
        assert "（6）官僚主义 &amp; 享乐主义" in page  # in the answer key
        assert "<形式主义>" not in page and " & " not in page

    def test_as_text_it_reads_as_the_markdown_does(self) -> None:
        class Text(HTMLParser):
            def __init__(self) -> None:
                super().__init__()
                self.parts: list[str] = []
                self.skip = False

            def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
                self.skip = tag in ("style", "title")
                if tag in ("h1", "h2", "h3", "p"):
                    self.parts.append("\n")

            def handle_endtag(self, tag: str) -> None:
                self.skip = False

            def handle_data(self, data: str) -> None:
                if not self.skip:
                    self.parts.append(data.strip("\n"))

        reader = Text()
        reader.feed(to_html(outline_sheet("3")))
        assert "".join(reader.parts).split("\n")[1:] == [
            "作风建设学习提纲",
            "二、坚持问题导向",
            "查摆<（1）>与“（2）”问题，效率提高*（3）*_以上_。",
            "- 开头的横线不是列表，# 也不是标题。",
            "答案",
            "二、坚持问题导向：（1）形式主义\u3000（2）官僚主义 & 享乐主义\u3000（3）一倍",
        ]


class TestBlankedSections:
    def test_blanks_are_numbered_through_the_document_in_reading_order(self) -> None:
        sheet = outline_sheet()
        assert [(gap.number, gap.answer) for gap in sheet.gaps] == [
            (1, "论述摘编"),
            (2, "作风建设永远在路上"),
            (3, "松口气、歇歇脚"),
            (4, "抓作风就是抓发展"),
            (5, "形式主义"),
            (6, "官僚主义 & 享乐主义"),
            (7, "一倍"),
        ]

    def test_the_opening_has_no_heading_but_a_name_in_the_key(self) -> None:
        opening = outline_sheet().sections[0]
        assert (opening.heading, opening.name, opening.numbered, opening.path) == ("", "开篇", "开篇", ("开篇",))
        sub = outline_sheet().sections[2]
        assert sub.path == ("一、提高政治站位", "（一）把握核心要义")
        assert sub.numbered == "一、（一）把握核心要义"

    def test_overlapping_phrases_give_one_blank_as_a_quiz_does(self) -> None:
        doc = parse(OUTLINE, "提纲.txt")
        cards = cards_of(doc, {"2.1": ["作风建设永远在路上", "永远在路上"]})
        assert [gap.answer for gap in worksheet(doc, cards).gaps] == ["作风建设永远在路上"]

    def test_an_article_without_a_heading_is_named_by_its_number_not_its_text(self) -> None:
        doc = parse("管理办法\n\n第一条 为了规范管理，制定本办法。\n第二条 本办法所称“作风”，是指干部的工作态度。\n", "x.txt")
        sheet = worksheet(doc, cards_of(doc, {"2": ["作风"]}))
        assert [(s.heading, s.name, s.path) for s in sheet.sections] == [
            ("第一条", "第一条", ("第一条",)),
            ("第二条", "第二条", ("第二条",)),
        ]
        assert to_markdown(sheet).endswith("## 第二条\n\n本办法所称“（1）＿＿＿”，是指干部的工作态度。\n\n---\n\n## Answers\n\n**第二条**：（1）作风\n")
