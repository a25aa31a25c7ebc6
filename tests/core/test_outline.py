"""tui.core.outline: whole documents parsed: levels, regulations, Markdown, English, preamble, closing, output."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from tests.core.test_loader import ENCODINGS
from tui.core.loader import load
from tui.core.model import Document, Section
from tui.core.names import display_heading, format_outline, heading_path, to_data
from tui.core.outline import parse

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = ROOT / "data" / "zuofeng-speech.txt"
GOLD = ROOT / "tests" / "zuofeng-speech.outline.json"
CORPUS = ROOT.parent / "shared" / "corpus"


# ---------------------------------------------------------------- helpers


def counted(text: str) -> Counter[str]:
    """The characters that must survive parsing: letters, digits and CJK characters."""
    return Counter(ch for ch in text if ch.isalnum())


def kept(doc: Document) -> Counter[str]:
    """Every counted character of a parsed document, wherever it landed."""
    total = counted(doc.title) if doc.title_from == "text" else Counter()
    for key, value in doc.meta.items():
        total += counted(key) + counted(value)
    for entry in doc.noise:
        total += counted(entry)
    for section in doc.walk():
        total += counted(section.label) + counted(section.heading)
        for paragraph in section.paragraphs:
            total += counted(paragraph)
    return total


def assert_nothing_lost(text: str, doc: Document) -> None:
    before, after = counted(text), kept(doc)
    assert before == after, f"lost {dict(before - after)}, invented {dict(after - before)}"


def outline(doc: Document) -> list[tuple[int, str, str]]:
    """(level, label, heading) of every heading section, in reading order."""
    return [(s.level, s.label, s.heading) for s in doc.walk() if s.kind == "heading"]


def sections_of(doc: Document, kind: str) -> list[Section]:
    return [s for s in doc.walk() if s.kind == kind]


def corpus_file(name: str) -> Path:
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"corpus file {name} is not available")
    return path


@pytest.fixture(scope="module")
def speech_text() -> str:
    return load(BUNDLED)


@pytest.fixture(scope="module")
def speech(speech_text: str) -> Document:
    return parse(speech_text, BUNDLED.name)


# ---------------------------------------------------------------- the bundled speech


class TestGold:
    def test_matches_the_gold_outline(self, speech: Document) -> None:
        gold = json.loads(GOLD.read_text(encoding="utf-8"))
        assert gold["document"] == BUNDLED.name
        assert speech.meta == gold["meta"]
        assert speech.noise == gold["noise"]
        self.assert_sections(speech.sections, gold["sections"])

    def assert_sections(self, sections: list[Section], expected: list[dict]) -> None:
        assert [s.kind for s in sections] == [e["kind"] for e in expected]
        for section, want in zip(sections, expected):
            for key in ("level", "label", "heading"):
                if key in want:
                    assert getattr(section, key) == want[key], (section.id, key)
            if "starts_with" in want:
                assert section.paragraphs, section.id
                assert section.paragraphs[0].startswith(want["starts_with"]), (section.id, section.paragraphs[0][:30])
            if section.kind == "heading" and "label" in want and section.level == 1:
                assert section.paragraphs == []  # 一、 lines carry no body of their own
            self.assert_sections(section.children, want.get("children", []))

    def test_title_comes_from_the_file_name(self, speech: Document) -> None:
        # The speech opens with 同志们: a salutation is never a title.
        assert (speech.title, speech.title_from) == ("zuofeng-speech", "filename")

    def test_closing_holds_the_address_and_the_thanks(self, speech: Document) -> None:
        closing = speech.sections[-1]
        assert closing.kind == "closing"
        assert closing.paragraphs[-1] == "谢谢大家!"
        last_child = speech.sections[-2].children[-1]
        assert not any(p.startswith("同志们") for p in last_child.paragraphs)

    def test_enumeration_stays_inside_its_paragraph(self, speech: Document) -> None:
        section = speech.find("3.1")
        assert section is not None and section.heading == "深入查摆问题,找准作风顽疾"
        assert len(section.paragraphs) == 1
        assert "一是要查摆" in section.paragraphs[0] and "三是要查摆" in section.paragraphs[0]

    def test_nothing_lost(self, speech_text: str, speech: Document) -> None:
        assert_nothing_lost(speech_text, speech)

    def test_ids_are_stable_and_hierarchical(self, speech_text: str, speech: Document) -> None:
        again = parse(speech_text, BUNDLED.name)
        assert [s.id for s in again.walk()] == [s.id for s in speech.walk()]
        assert [s.id for s in speech.sections] == ["1", "2", "3", "4", "5", "6"]
        assert [c.id for c in speech.sections[1].children] == ["2.1", "2.2"]


# Every encoding the loader reads, and the line ends it turns into LF.
ENCODED = {
    **ENCODINGS,
    "crlf": lambda t: t.replace("\n", "\r\n").encode("utf-8"),
    "cr": lambda t: t.replace("\n", "\r").encode("utf-8"),
    "gbk-crlf": lambda t: t.replace("\n", "\r\n").encode("gbk"),
}


@pytest.mark.parametrize("encoding", list(ENCODED))
def test_every_encoding_gives_the_same_outline(tmp_path: Path, speech: Document, speech_text: str, encoding: str) -> None:
    path = tmp_path / BUNDLED.name
    path.write_bytes(ENCODED[encoding](speech_text))
    assert to_data(parse(load(path), path.name)) == to_data(speech)


# ---------------------------------------------------------------- levels and families


class TestLevels:
    def test_a_file_starting_at_two(self) -> None:
        doc = parse("二、坚持问题导向\n（一）深入查摆问题\n（二）制定整改措施\n三、强化责任担当\n", "x.txt")
        assert outline(doc) == [(1, "二、", "坚持问题导向"), (2, "（一）", "深入查摆问题"), (2, "（二）", "制定整改措施"), (1, "三、", "强化责任担当")]

    def test_a_file_starting_at_a_second_level_marker(self) -> None:
        doc = parse("（三）加强监督\n正文。\n（四）严肃问责\n正文。\n", "x.txt")
        assert outline(doc) == [(1, "（三）", "加强监督"), (1, "（四）", "严肃问责")]

    def test_a_file_skipping_a_level(self) -> None:
        doc = parse("一、总体要求\n1．坚持党的领导\n2．坚持人民至上\n二、主要任务\n（一）加强教育\n1．办好学校\n", "x.txt")
        assert outline(doc) == [
            (1, "一、", "总体要求"),
            (2, "1．", "坚持党的领导"),
            (2, "2．", "坚持人民至上"),
            (1, "二、", "主要任务"),
            (2, "（一）", "加强教育"),
            # (一) appeared after 1. did, so it ranks below it; its 1. is then a sibling.
            (2, "1．", "办好学校"),
        ]

    def test_levels_follow_first_appearance_not_a_table(self) -> None:
        doc = parse("（1）第一项\n一、子项\n（2）第二项\n", "x.txt")
        assert outline(doc) == [(1, "（1）", "第一项"), (2, "一、", "子项"), (1, "（2）", "第二项")]


class TestRegulations:
    LAW = (
        "中华人民共和国示范法\n"
        "\n"
        "第一编 总则\n"
        "第一章 总 则\n"
        "第一条 为了规范示范活动，制定本法。\n"
        "第二条 本法适用于下列情形：\n"
        "（一）在境内开展示范活动；\n"
        "（二）在境外开展面向境内的示范活动。\n"
        "1. 不是标题的编号项。\n"
        "第二章 示范规则\n"
        "第一节 一般规定\n"
        "第三条　开展示范活动应当遵循合法原则。\n"
        "第四条开展示范活动，应当取得同意。\n"
        "第二节 特别规定\n"
        "第5条 特别示范活动另行规定。\n"
        "第三条第二款规定的情形除外。\n"
        "第十三条【适用范围】本法适用于全国。\n"
    )

    def test_nesting_and_articles(self) -> None:
        doc = parse(self.LAW, "law.txt")
        assert doc.title == "中华人民共和国示范法"
        assert outline(doc) == [
            (1, "第一编", "总则"),
            (2, "第一章", "总 则"),
            (3, "第一条", ""),
            (3, "第二条", ""),
            (2, "第二章", "示范规则"),
            (3, "第一节", "一般规定"),
            (4, "第三条", ""),
            (4, "第四条", ""),
            (3, "第二节", "特别规定"),
            (4, "第5条", ""),
            (4, "第十三条", "适用范围"),
        ]

    def test_items_stay_in_their_article(self) -> None:
        doc = parse(self.LAW, "law.txt")
        article = doc.find("1.1.2")
        assert article.label == "第二条"
        assert article.paragraphs == [
            "本法适用于下列情形：",
            "（一）在境内开展示范活动；",
            "（二）在境外开展面向境内的示范活动。",
            "1. 不是标题的编号项。",
        ]

    def test_article_without_a_space_and_references(self) -> None:
        doc = parse(self.LAW, "law.txt")
        assert doc.find("1.2.1.2").paragraphs == ["开展示范活动，应当取得同意。"]
        # 第三条第二款…… at the start of a line is a reference, not an article.
        assert doc.find("1.2.2.1").paragraphs == ["特别示范活动另行规定。", "第三条第二款规定的情形除外。"]

    def test_display_of_an_article(self) -> None:
        doc = parse(self.LAW, "law.txt")
        assert display_heading(doc.find("1.1.1")) == "第一条 为了规范示范活动，制定本法。"

    def test_nothing_lost(self) -> None:
        assert_nothing_lost(self.LAW, parse(self.LAW, "law.txt"))

    def test_amending_articles(self) -> None:
        doc = parse("第四十四条 原条文。\n第四十四条之一　新增条文。\n第四十五条 后续条文。\n", "x.txt")
        assert [s.label for s in doc.sections] == ["第四十四条", "第四十四条之一", "第四十五条"]

    def test_parts_and_chapters_without_spaces(self) -> None:
        doc = parse("第一部分：总体要求\n第一章总则\n正文。\n第二部分 主要任务\n", "x.txt")
        assert outline(doc) == [(1, "第一部分", "总体要求"), (2, "第一章", "总则"), (1, "第二部分", "主要任务")]

    def test_a_di_sentence_is_not_a_heading(self) -> None:
        doc = parse("一、回顾\n第一节课我们学习了党章，大家收获很大。\n", "x.txt")
        assert outline(doc) == [(1, "一、", "回顾")]


class TestMarkdown:
    def test_atx_headings_nest_by_level(self) -> None:
        doc = parse("# Guide\n\nIntro.\n\n## Setup\n\nText.\n\n### Linux ###\n\nMore.\n\n## Use\n", "guide.md")
        assert (doc.title, doc.title_from) == ("Guide", "text")
        assert outline(doc) == [(1, "##", "Setup"), (2, "###", "Linux"), (1, "##", "Use")]
        assert doc.sections[0].kind == "preamble" and doc.sections[0].paragraphs == ["Intro."]

    def test_chinese_markers_inside_markdown_headings(self) -> None:
        doc = parse("# 示范法\n\n## 第一章 总 则\n\n第一条 为了示范。\n\n### 第一节 一般规定\n\n## 一、其他\n", "law.md")
        assert outline(doc) == [(1, "第一章", "总 则"), (2, "第一条", ""), (2, "第一节", "一般规定"), (1, "一、", "其他")]

    def test_setext_headings(self) -> None:
        text = "Guide\n=====\n\nIntro text.\n\nInstall\n-------\n\nRun it.\n\nUse\n---\n\nType.\n"
        doc = parse(text, "guide.rst")
        assert (doc.title, doc.title_from) == ("Guide", "text")
        assert outline(doc) == [(1, "", "Install"), (1, "", "Use")]
        assert doc.find("2").paragraphs == ["Run it."]
        assert_nothing_lost(text, doc)

    def test_restructuredtext_adornments(self) -> None:
        text = (
            "=========\nThe Guide\n=========\n\nIntro.\n\n"
            "Install\n-------\n\nText.\n\nOn Linux\n~~~~~~~~\n\nMore.\n\n"
            "Use\n---\n\nType.\n\n***\nAppendix\n***\n\nNotes.\n"
        )
        doc = parse(text, "guide.rst")
        assert (doc.title, doc.title_from) == ("The Guide", "text")
        # As in reStructuredText, a style first used after others is one level deeper.
        assert outline(doc) == [(1, "", "Install"), (2, "", "On Linux"), (1, "", "Use"), (2, "", "Appendix")]
        assert doc.find("2.1").paragraphs == ["More."]
        assert_nothing_lost(text, doc)

    def test_setext_in_plain_text(self) -> None:
        doc = parse("前言\n正文。\n\n背景介绍\n========\n内容。\n\n小结\n----\n内容。\n", "notes.txt")
        assert [(s.label, s.heading) for s in doc.walk() if s.kind == "heading"] == [("", "背景介绍"), ("", "小结")]

    def test_lists_are_not_headings_and_do_not_join(self) -> None:
        doc = parse("# Notes\n\n## Shopping\n\n1. Milk\n2. Eggs\n- Bread\n* Jam\n\nAfter the list.\n", "notes.md")
        assert outline(doc) == [(1, "##", "Shopping")]
        assert doc.sections[0].paragraphs == ["1. Milk", "2. Eggs", "- Bread", "* Jam", "After the list."]

    def test_code_fences_are_verbatim_and_hide_headings(self) -> None:
        text = "# Notes\n\n## Code\n\n```python\n# not a heading\ndef f():\n    return 1\n```\n\nAfter.\n"
        doc = parse(text, "notes.md")
        assert outline(doc) == [(1, "##", "Code")]
        assert doc.sections[0].paragraphs == ["```python\n# not a heading\ndef f():\n    return 1\n```", "After."]
        assert_nothing_lost(text, doc)

    def test_front_matter_goes_to_meta(self) -> None:
        doc = parse("---\ntitle: Notes\nauthor: Li Lei\ntags:\n  - study\n---\n# Notes\n\nBody.\n", "notes.md")
        assert doc.meta == {"title": "Notes", "author": "Li Lei"}
        assert doc.noise == ["tags:", "- study"]
        assert doc.title == "Notes"

    def test_text_between_two_rules_is_not_front_matter(self) -> None:
        doc = parse("---\n一、总体要求\n正文：很重要。\n---\n二、主要任务\n", "notes.md")
        assert doc.meta == {}
        assert outline(doc) == [(1, "一、", "总体要求"), (1, "二、", "主要任务")]

    def test_markdown_detected_from_headings_in_a_txt_file(self) -> None:
        doc = parse("# 示范\n\n## 一节\n\n1. 列表项\n", "notes.txt")
        assert outline(doc) == [(1, "##", "一节")]

    def test_thematic_break_is_dropped(self) -> None:
        doc = parse("# T\n\nOne.\n\n***\n\nTwo.\n", "t.md")
        assert doc.sections[0].paragraphs == ["One.", "Two."]


class TestEnglish:
    def test_hard_wrapped_lines_are_joined(self) -> None:
        text = (
            "A Short Guide\n\n1. Introduction\n\n"
            "This guide explains things. It is written in plain text and its lines are\n"
            "hard-wrapped at about seventy-five columns so that they need to be joined\n"
            "again, and a word may be broken across lines with a hyphen like govern-\n"
            "ment.\n\nSecond paragraph.\n"
        )
        doc = parse(text, "guide.txt")
        assert doc.title == "A Short Guide"
        section = doc.find("1")
        assert section.heading == "Introduction"
        assert section.paragraphs == [
            "This guide explains things. It is written in plain text and its lines are "
            "hard-wrapped at about seventy-five columns so that they need to be joined "
            "again, and a word may be broken across lines with a hyphen like govern-ment.",
            "Second paragraph.",
        ]

    def test_short_lines_are_not_joined_outside_markdown(self) -> None:
        doc = parse("Address\n\nJohn Smith\n12 Main Street\nSpringfield\n", "a.txt")
        assert doc.sections[0].paragraphs == ["John Smith", "12 Main Street", "Springfield"]

    def test_chinese_lines_stay_paragraphs(self) -> None:
        doc = parse("# 笔记\n\n第一行文字\n第二行文字\n", "notes.md")
        assert doc.sections[0].paragraphs == ["第一行文字", "第二行文字"]

    def test_numbered_lists_in_plain_text_are_not_sections(self) -> None:
        text = (
            "Guide\n\n1. Shopping\n\nBuy these:\n1. Milk\n2. Eggs\n3. Bread\n\n"
            "1. Take the bus to the market early in the morning before the crowds.\n"
            "2. Pay in cash.\n\n2. Cooking\n\nBoil the eggs.\n"
        )
        doc = parse(text, "guide.txt")
        assert outline(doc) == [(1, "1.", "Shopping"), (1, "2.", "Cooking")]
        assert "3. Bread" in doc.find("1").paragraphs

    def test_a_wrapped_line_starting_with_a_division_word_is_text(self) -> None:
        text = "Rules\n\nThe powers that the committee may use are those described in\nSection 2 of this Act shall apply to every member of the club at all times and\nplaces.\n"
        doc = parse(text, "rules.txt")
        assert outline(doc) == []
        assert len(doc.sections[0].paragraphs) == 1

    def test_plain_text_articles_and_sections(self) -> None:
        text = (
            "The Constitution\n\nArticle I\n\n"
            "Section 1. All legislative Powers herein granted shall be vested in a\n"
            "Congress of the United States.\n\n"
            "Section 2. Elections\n\nThe House shall be chosen every second Year.\n\n"
            "Article II\n\nSection 1.\n\nThe executive Power shall be vested in a President.\n"
        )
        doc = parse(text, "constitution.txt")
        assert outline(doc) == [
            (1, "Article I", ""),
            (2, "Section 1.", ""),
            (2, "Section 2.", "Elections"),
            (1, "Article II", ""),
            (2, "Section 1.", ""),
        ]
        assert doc.find("1.1").paragraphs == ["All legislative Powers herein granted shall be vested in a Congress of the United States."]
        assert_nothing_lost(text, doc)


class TestNoHeadings:
    def test_enumeration_items_become_sections(self) -> None:
        text = (
            "关于改进作风的几点意见\n"
            "同志们：\n今天我们开会。\n"
            "一是要加强学习。学习是基础。\n"
            "二是要改进作风，提高效率，这是我们全部工作的出发点和落脚点，必须牢牢把握，一刻也不能放松，一刻也不能懈怠，始终如一地抓紧抓实抓好抓出成效。\n"
            "三是要守住底线。\n"
            "四是要狠抓落实\n"
            "谢谢大家！\n"
        )
        doc = parse(text, "x.txt")
        assert [s.kind for s in doc.sections] == ["preamble", "heading", "heading", "heading", "heading", "closing"]
        assert [(s.label, s.heading) for s in doc.sections[1:5]] == [
            ("一是", "要加强学习"),  # the first sentence
            ("二是", "要改进作风"),  # a first sentence too long to be a heading: its first clause
            ("三是", "要守住底线"),
            ("四是", "要狠抓落实"),
        ]
        assert doc.sections[2].paragraphs[0].startswith("提高效率，")
        assert doc.sections[1].paragraphs == ["学习是基础。"]
        assert doc.sections[0].paragraphs == ["同志们：", "今天我们开会。"]
        assert_nothing_lost(text, doc)

    def test_plain_prose_is_one_preamble(self) -> None:
        text = "今天天气很好。\n我们去公园散步。\n一是不够的。\n"
        doc = parse(text, "diary.txt")
        assert [s.kind for s in doc.sections] == ["preamble"]
        assert doc.sections[0].paragraphs == ["今天天气很好。", "我们去公园散步。", "一是不够的。"]
        assert doc.sections[0].id == "1"

    def test_a_single_line(self) -> None:
        doc = parse("只有一行字", "one.txt")
        assert (doc.title, doc.title_from) == ("one", "filename")
        assert [(s.kind, s.paragraphs) for s in doc.sections] == [("preamble", ["只有一行字"])]

    def test_empty_text(self) -> None:
        doc = parse("", "empty.txt")
        assert doc.title == "empty"
        assert [(s.kind, s.paragraphs) for s in doc.sections] == [("preamble", [])]


class TestRealLookingSpeech:
    TEXT = (
        "在全县作风建设大会上的讲话\n"
        "（2025年3月26日）\n"
        "县委书记　张三\n"
        "\n"
        "同志们：\n"
        "\u3000\u3000今天召开会议。\n"
        "\u3000\u3000一、2024年工作回顾\n"
        "\u3000\u3000过去一年，我们做了很多工作。\n"
        "\u3000\u3000（一）经济运行稳中有进。全年生产总值增长6%。\n"
        "\u3000\u3000（二）改革开放持续深化。\n"
        "\u3000\u3000二、2025年工作安排\n"
        "\u3000\u30002025年是“十四五”收官之年。\n"
        "\u3000\u3000同志们，让我们团结起来！\n"
    )

    def test_outline(self) -> None:
        doc = parse(self.TEXT, "speech.txt")
        assert (doc.title, doc.title_from) == ("在全县作风建设大会上的讲话", "text")
        assert doc.sections[0].paragraphs == ["（2025年3月26日）", "县委书记\u3000张三", "同志们：", "今天召开会议。"]
        assert outline(doc) == [(1, "一、", "2024年工作回顾"), (2, "（一）", "经济运行稳中有进"), (2, "（二）", "改革开放持续深化"), (1, "二、", "2025年工作安排")]
        assert doc.find("2").paragraphs == ["过去一年，我们做了很多工作。"]
        assert [s.kind for s in doc.sections] == ["preamble", "heading", "heading", "closing"]
        assert doc.sections[-1].paragraphs == ["同志们，让我们团结起来！"]
        assert_nothing_lost(self.TEXT, doc)


class TestSalutationAndClosing:
    @pytest.mark.parametrize("line", ["同志们：", "同志们:", "各位代表！", "尊敬的各位领导、各位来宾：", "同志们"])
    def test_a_lone_salutation_is_text(self, line: str) -> None:
        doc = parse(f"{line}\n一、总体要求\n正文。\n", "x.txt")
        assert doc.title_from == "filename"
        assert doc.meta == {}
        assert doc.sections[0].kind == "preamble" and doc.sections[0].paragraphs == [line]

    def test_closing_starts_at_the_first_salutation_after_the_last_heading(self) -> None:
        text = "一、甲\n（一）乙。正文。\n最后一段正文。\n同志们！时代呼唤着我们。\n团结就是力量。\n同志们！让我们团结奋斗！\n"
        doc = parse(text, "x.txt")
        closing = doc.sections[-1]
        assert closing.kind == "closing"
        assert closing.paragraphs == ["同志们！时代呼唤着我们。", "团结就是力量。", "同志们！让我们团结奋斗！"]
        assert doc.find("1.1").paragraphs == ["正文。", "最后一段正文。"]

    def test_no_closing_without_an_address(self) -> None:
        doc = parse("第一章 总则\n第一条 本法自公布之日起施行。\n", "law.txt")
        assert [s.kind for s in doc.sections] == ["heading"]


# ---------------------------------------------------------------- output


class TestOutput:
    def test_json_shape(self, speech: Document) -> None:
        data = to_data(speech)
        assert list(data) == ["title", "title_from", "meta", "noise", "sections"]
        first = data["sections"][1]
        assert list(first) == ["id", "kind", "level", "label", "heading", "paragraphs", "children"]
        assert first["id"] == "2" and first["kind"] == "heading" and first["level"] == 1
        assert first["label"] == "一、" and first["heading"] == "提高政治站位,深化思想认识"
        child = first["children"][0]
        assert (child["id"], child["level"], child["label"]) == ("2.1", 2, "(一)")
        assert child["paragraphs"][0].startswith("习近平总书记强调")
        assert json.loads(json.dumps(data, ensure_ascii=False)) == data

    def test_headings_carry_no_label_and_no_trailing_stop(self, speech: Document) -> None:
        for section in speech.walk():
            assert not section.heading.endswith(("。", "；", "！", ";", "!"))
            assert not section.heading.startswith(section.label or "\0")

    def test_ids_follow_the_text_not_the_run(self) -> None:
        text = "一、甲\n（一）乙\n二、丙\n"
        assert [s.id for s in parse(text, "a.txt").walk()] == ["1", "1.1", "2"]
        assert [s.id for s in parse("前言。\n" + text, "a.txt").walk()] == ["1", "2", "2.1", "3"]

    def test_format_outline(self, speech: Document) -> None:
        lines = format_outline(speech, {"preamble": "开篇", "closing": "结语"}).splitlines()
        assert lines[0] == "zuofeng-speech"
        # Each section after its id, which --section takes.
        assert lines[1] == "1    开篇"
        assert lines[2] == "2    一、提高政治站位,深化思想认识"
        assert lines[3] == "2.1    (一)把握核心要义,校准政治方向"
        assert lines[-1] == "6    结语"

    def test_display_heading_without_captions(self) -> None:
        assert display_heading(Section("1", "closing", 1, "", "")) == "Closing"
        assert display_heading(Section("2", "heading", 1, "##", "Setup")) == "Setup"
        assert display_heading(Section("3", "heading", 1, "第一章", "总则")) == "第一章 总则"


# ---------------------------------------------------------------- the corpus


class TestCorpus:
    def test_party_congress_report(self) -> None:
        path = corpus_file("zh_report_20th_party_congress_2022.txt")
        doc = parse(load(path), path.name)
        top = [s for s in doc.sections if s.kind == "heading"]
        numerals = "一 二 三 四 五 六 七 八 九 十 十一 十二 十三 十四 十五".split()
        assert [s.label for s in top] == [f"{n}、" for n in numerals]
        assert all(s.heading and len(s.heading) <= 40 for s in top)
        assert doc.sections[0].kind == "preamble" and doc.sections[0].paragraphs[0] == "同志们："
        assert doc.sections[-1].kind == "closing"
        assert doc.sections[-1].paragraphs[0].startswith("同志们！")
        last = top[-1].children[-1]
        assert last.paragraphs and not any(p.startswith("同志们") for p in last.paragraphs)
        # Each （一） list restarts under its own parent and counts up without gaps.
        for parent in top:
            labels = [c.label for c in parent.children]
            assert labels == [f"（{n}）" for n in numerals[: len(labels)]], parent.label
            assert all(c.level == 2 and c.heading and c.paragraphs for c in parent.children)
        assert sum(len(s.children) for s in top) == 41
        assert_nothing_lost(load(path), doc)

    def test_personal_information_law(self) -> None:
        path = corpus_file("zh_law_personal_information_protection_2021_md.txt")
        text = load(path)
        doc = parse(text, path.name)
        assert (doc.title, doc.title_from) == ("中华人民共和国个人信息保护法", "text")
        chapters = [s for s in doc.sections if s.kind == "heading"]
        assert len(chapters) == 8 and all(s.label.startswith("第") and s.label.endswith("章") for s in chapters)
        assert chapters[0].heading == "总 则"
        assert [s.label for s in chapters[1].children] == ["第一节", "第二节", "第三节"]
        articles = [s for s in doc.walk() if s.label.endswith("条")]
        assert len(articles) == 74
        assert all(a.paragraphs for a in articles)
        assert not any(s.label.startswith(("（", "(")) for s in doc.walk())
        assert any(p.startswith("（一）") for a in articles for p in a.paragraphs)
        assert any(n.startswith("<!--") and n.endswith("-->") for n in doc.noise)
        assert_nothing_lost(text, doc)

    def test_us_constitution(self) -> None:
        path = corpus_file("en_us_constitution_markdown.txt")
        text = load(path)
        doc = parse(text, path.name)
        assert doc.title_from == "text" and doc.title.startswith("The Constitution")
        articles = [s for s in doc.sections if s.kind == "heading"]
        assert len(articles) >= 7 and all(a.heading.lower().startswith("article") for a in articles)
        sections = [s for a in articles for s in a.children]
        assert sections and all(s.heading.lower().startswith("section") for s in sections)
        subsections = [s for s in doc.walk() if s.heading.lower().startswith("subsection")]
        assert subsections and all(s.level == 3 for s in subsections)
        # Hard-wrapped lines are joined: a paragraph is far longer than one 80-column line.
        paragraphs = [p for s in doc.walk() for p in s.paragraphs]
        assert max(len(p) for p in paragraphs) > 400
        assert sum(len(p) > 80 for p in paragraphs) > len(paragraphs) // 2
        assert not any("\n" in p for p in paragraphs)
        assert_nothing_lost(text, doc)


class TestCorpusVariants:
    """The corpus documents as other copies of them are often formatted."""

    @staticmethod
    def report_shape(doc: Document) -> tuple[int, int, str, str]:
        top = [s for s in doc.sections if s.kind == "heading"]
        return len(top), sum(len(s.children) for s in top), doc.sections[0].kind, doc.sections[-1].kind

    @staticmethod
    def law_shape(doc: Document) -> tuple[int, int, int, int]:
        chapters = [s for s in doc.sections if s.label.endswith("章")]
        sections = [s for s in doc.walk() if s.label.endswith("节")]
        articles = [s for s in doc.walk() if s.label.endswith("条")]
        items = [s for s in doc.walk() if s.label.startswith(("（", "("))]
        return len(chapters), len(sections), len(articles), len(items)

    def test_report_as_a_web_page(self, tmp_path: Path) -> None:
        lines = load(corpus_file("zh_report_20th_party_congress_2022.txt")).split("\n")
        text = (
            "浏览量：12345\n来源：新华社\n"
            "坚持创新驱动发展　为建设现代化智慧城市而团结奋斗\n"
            "——在中国共产党第二十次全国代表大会上的报告\n（2022年10月16日）\n习近平\n\n"
            + "\n".join("\u3000\u3000" + line + (f"\n- {i // 20} -" if i % 20 == 19 else "") for i, line in enumerate(lines))
            + "\n责任编辑：张三\n点赞 分享 收藏\n返回顶部\n"
        )
        path = tmp_path / "report.txt"
        path.write_bytes(text.replace("\n", "\r\n").encode("gbk"))
        doc = parse(load(path), path.name)
        assert self.report_shape(doc) == (15, 41, "preamble", "closing")
        assert doc.title.startswith("坚持创新驱动发展") and doc.title_from == "text"
        assert doc.meta == {"浏览量": "12345", "来源": "新华社", "责任编辑": "张三"}
        assert doc.noise[-2:] == ["点赞 分享 收藏", "返回顶部"] and "- 0 -" in doc.noise
        assert_nothing_lost(text, doc)

    def test_report_with_blank_lines_between_paragraphs(self) -> None:
        text = load(corpus_file("zh_report_20th_party_congress_2022.txt"))
        doc = parse(text.replace("\n", "\n\n"), "report.txt")
        assert self.report_shape(doc) == (15, 41, "preamble", "closing")

    @pytest.mark.parametrize("style", ["plain", "tight", "full-width", "no-space", "indented", "contents"])
    def test_law_as_plain_text(self, style: str) -> None:
        markdown = load(corpus_file("zh_law_personal_information_protection_2021_md.txt"))
        text = re.sub(r"^#+ ", "", markdown, flags=re.M)
        if style != "plain":
            text = "\n".join(line for line in text.split("\n") if line.strip())
        if style in ("full-width", "indented"):
            text = re.sub(r"^(第[一二三四五六七八九十百]+条) ", "\\1\u3000", text, flags=re.M)
        if style == "no-space":
            text = re.sub(r"^(第[一二三四五六七八九十百]+条) ", "\\1", text, flags=re.M)
        if style == "indented":
            text = "\n".join("\u3000\u3000" + line for line in text.split("\n"))
        if style == "contents":
            title, rest = text.split("\n", 1)
            entries = [line for line in rest.split("\n") if re.match(r"第\S+[章节] ", line)]
            text = "\n".join([title, "目　　录", *entries, rest])
        doc = parse(text, "law.txt")
        assert doc.title == "中华人民共和国个人信息保护法"
        assert self.law_shape(doc) == (8, 3, 74, 0)
        assert_nothing_lost(text, doc)

    def test_constitution_without_markdown_marks(self) -> None:
        text = re.sub(r"^#+ ", "", load(corpus_file("en_us_constitution_markdown.txt")), flags=re.M)
        doc = parse(text, "constitution.txt")
        assert doc.title == "The Constitution Of The United States Of America"
        articles = [s for s in doc.sections if s.kind == "heading"]
        assert len(articles) >= 7 and all(a.label.startswith("Article") for a in articles)
        assert all(c.label.startswith("Section") for a in articles for c in a.children)
        assert_nothing_lost(text, doc)


class TestDisplayHeading:
    CAPTIONS = {"preamble": "开篇", "closing": "结语"}

    @staticmethod
    def section(label: str, heading: str, kind: str = "heading", paragraphs: list[str] | None = None) -> Section:
        return Section("x", kind, 1, label, heading, paragraphs or [])  # type: ignore[arg-type]

    def test_label_and_heading_joined_as_written(self):
        name = lambda label, heading: display_heading(self.section(label, heading), self.CAPTIONS)  # noqa: E731
        assert name("一、", "提高政治站位") == "一、提高政治站位"
        assert name("（一）", "把握核心要义") == "（一）把握核心要义"
        assert name("(一)", "把握核心要义") == "(一)把握核心要义"
        assert name("(a)", "Scope") == "(a) Scope"
        assert name("第一章", "总则") == "第一章 总则"
        assert name("1.", "Scope") == "1. Scope"
        assert name("##", "Article I") == "Article I"

    def test_a_section_without_heading_previews_its_text_only_when_asked(self):
        article = self.section("第三条", "", paragraphs=["在本市行政区域内开展公共图书馆借阅服务的活动，适用本办法。"])
        assert display_heading(article, self.CAPTIONS) == "第三条 在本市行政区域内开展公共图书馆借阅服务的活动，适…"
        assert display_heading(article, self.CAPTIONS, preview=False) == "第三条"

    def test_preamble_and_closing_take_their_captions(self):
        assert display_heading(self.section("", "", "closing"), self.CAPTIONS) == "结语"
        assert display_heading(self.section("", "", "preamble"), {}) == "Preamble"
        assert display_heading(self.section("", "", "preamble"), {}, preview=False) == ""

    def test_heading_path_names_the_ancestors_top_first(self):
        doc = parse(load(BUNDLED), BUNDLED.name)
        assert heading_path(doc, "2.1", self.CAPTIONS) == "一、提高政治站位,深化思想认识 › (一)把握核心要义,校准政治方向"
        assert heading_path(doc, "1", self.CAPTIONS) == "开篇"
        assert heading_path(doc, "nowhere", self.CAPTIONS) == ""
