"""tui.core.headings: the heading grammar, line by line and within whole documents."""

from __future__ import annotations

import pytest

from tests.core.test_outline import assert_nothing_lost, outline
from tui.core.contents import toc_end, toc_entry
from tui.core.headings import Heading, atx_heading, classify
from tui.core.names import display_heading
from tui.core.outline import parse


class TestClassify:
    def test_a_run_on_heading_and_its_body(self) -> None:
        heading = classify("（一）把握核心要义。习近平总书记强调。", markdown=False)
        assert heading == Heading("cn_paren", 0, "（一）", "把握核心要义", "习近平总书记强调。")

    @pytest.mark.parametrize("line", ["一、二、三等奖各评若干名。", "3.5亿元投向民生。", "第三条规定的情形", "第一节课我们学习了党章，大家收获很大。"])
    def test_lines_that_open_no_section(self, line: str) -> None:
        assert classify(line, markdown=False) is None

    def test_a_numbered_item_inside_an_article_is_no_heading(self) -> None:
        assert classify("（一）处理个人信息", markdown=False) is not None
        assert classify("（一）处理个人信息", markdown=False, in_article=True) is None

    def test_markdown_headings_only_in_markdown(self) -> None:
        assert classify("## 一、总体要求", markdown=True) == Heading("md", 2, "一、", "总体要求")
        assert classify("## 一、总体要求", markdown=False) is None

    def test_atx_heading_with_a_closing_sequence(self) -> None:
        assert atx_heading("### Linux ###") == (3, "Linux")
        assert atx_heading("#hashtag") is None
        assert atx_heading("    # indented code") is None


class TestTableOfContentsLines:
    def test_an_entry_ends_with_leaders_and_a_page_number(self) -> None:
        assert toc_entry("一、总体要求……………………1")
        assert toc_entry("Article I.  .  .  .  .  3")
        assert not toc_entry("一、总体要求")
        assert not toc_entry("2023年全县生产总值增长6.5%")

    def test_the_contents_end_where_the_first_entry_comes_again(self) -> None:
        body = ["目录", "一、总体要求", "二、主要任务", "一、总体要求", "正文。"]
        assert toc_end(body, 0) == 3
        assert toc_end(["目录", "一、总体要求", "本方案旨在推动工作落实。", "一、总体要求"], 0) == 1


class TestHeadingStyles:
    def test_four_chinese_levels(self) -> None:
        doc = parse(
            "一、总体要求\n（一）指导思想\n1．坚持党的领导\n（1）把方向\n（2）谋大局\n2．坚持人民至上\n（二）基本原则\n二、主要任务\n",
            "plan.txt",
        )
        assert outline(doc) == [
            (1, "一、", "总体要求"),
            (2, "（一）", "指导思想"),
            (3, "1．", "坚持党的领导"),
            (4, "（1）", "把方向"),
            (4, "（2）", "谋大局"),
            (3, "2．", "坚持人民至上"),
            (2, "（二）", "基本原则"),
            (1, "二、", "主要任务"),
        ]

    def test_ascii_and_full_width_parentheses_are_one_level(self) -> None:
        doc = parse("一、甲\n(一)乙\n（二）丙\n(三) 丁\n二、戊\n", "x.txt")
        assert outline(doc) == [(1, "一、", "甲"), (2, "(一)", "乙"), (2, "（二）", "丙"), (2, "(三)", "丁"), (1, "二、", "戊")]

    def test_decimal_variants_are_one_level(self) -> None:
        doc = parse("一、甲\n1.乙\n2、丙\n3．丁\n4. 戊\n", "x.txt")
        assert outline(doc) == [(1, "一、", "甲"), (2, "1.", "乙"), (2, "2、", "丙"), (2, "3．", "丁"), (2, "4.", "戊")]

    def test_numbered_parentheses(self) -> None:
        doc = parse("1．概述\n(1)背景\n（2）目标\n2．方法\n", "x.txt")
        assert outline(doc) == [(1, "1．", "概述"), (2, "(1)", "背景"), (2, "（2）", "目标"), (1, "2．", "方法")]

    def test_multi_level_decimals_nest(self) -> None:
        doc = parse("1. 概述\n1.1 背景\n1.2 目标\n1.2.1 近期\n2. 方法\n", "x.txt")
        assert outline(doc) == [(1, "1.", "概述"), (2, "1.1", "背景"), (2, "1.2", "目标"), (3, "1.2.1", "近期"), (1, "2.", "方法")]

    def test_full_width_cn_period_marker(self) -> None:
        doc = parse("一．总体要求\n正文。\n二．主要任务\n", "x.txt")
        assert outline(doc) == [(1, "一．", "总体要求"), (1, "二．", "主要任务")]

    def test_a_chinese_heading_that_starts_with_latin_letters(self) -> None:
        doc = parse("一、经济\n正文。\n1. GDP增长稳中有进\n正文。\n2. CPI保持稳定\n", "x.txt")
        assert outline(doc) == [(1, "一、", "经济"), (2, "1.", "GDP增长稳中有进"), (2, "2.", "CPI保持稳定")]

    def test_a_heading_that_starts_with_a_year(self) -> None:
        doc = parse("一、2024年工作回顾\n正文。\n二、2025年工作安排\n", "x.txt")
        assert outline(doc) == [(1, "一、", "2024年工作回顾"), (1, "二、", "2025年工作安排")]

    def test_an_enumeration_of_numerals_is_text(self) -> None:
        doc = parse("一、评选\n一、二、三等奖各评若干名。\n", "x.txt")
        assert outline(doc) == [(1, "一、", "评选")]

    def test_numbers_that_are_not_markers(self) -> None:
        doc = parse("一、形势\n2023年全县生产总值增长6.5%。\n3.5亿元投向民生。\n3、4月份完成验收。\n一一对应地落实。\n", "x.txt")
        assert outline(doc) == [(1, "一、", "形势")]
        assert len(doc.sections[0].paragraphs) == 4

    def test_run_on_heading_ends_at_the_first_sentence_end(self) -> None:
        doc = parse("一、提高站位\n（一）把握核心要义，校准政治方向。习近平总书记强调：“……”我们要深刻认识。\n", "x.txt")
        section = doc.find("1.1")
        assert section.heading == "把握核心要义，校准政治方向"
        assert section.paragraphs == ["习近平总书记强调：“……”我们要深刻认识。"]

    @pytest.mark.parametrize("mark", ["；", "！", ";", "!"])
    def test_other_sentence_ends_end_a_run_on_heading(self, mark: str) -> None:
        doc = parse(f"（一）压实责任{mark}各级党组织要担负起主体责任。\n", "x.txt")
        assert outline(doc) == [(1, "（一）", "压实责任")]
        assert doc.sections[0].paragraphs == ["各级党组织要担负起主体责任。"]

    def test_a_question_heading_keeps_its_mark(self) -> None:
        doc = parse("一、为什么要加强作风建设？作风关系人心向背。\n", "x.txt")
        assert outline(doc) == [(1, "一、", "为什么要加强作风建设？")]
        assert doc.sections[0].paragraphs == ["作风关系人心向背。"]

    def test_short_label_before_a_colon_is_the_heading(self) -> None:
        doc = parse("（一）指导思想：以新时代中国特色社会主义思想为指导，全面贯彻落实。\n（二）习近平总书记指出：“作风建设永远在路上。”\n", "x.txt")
        first, second = doc.sections
        assert (first.heading, first.paragraphs) == ("指导思想", ["以新时代中国特色社会主义思想为指导，全面贯彻落实。"])
        # A colon before a quotation is a lead-in, not the end of a heading.
        assert second.heading.startswith("习近平总书记指出：“作风建设永远在路上")

    def test_a_long_numbered_paragraph_is_body_not_heading(self) -> None:
        long_item = "各地区各部门要把作风建设摆在更加突出的位置，主要负责同志要亲自抓、负总责，分管负责同志要具体抓、抓具体，层层压实责任，形成工作合力，确保各项任务落到实处"
        doc = parse(f"一、总体要求\n二、{long_item}。\n三、保障措施\n", "notice.txt")
        assert [(s.label, s.heading) for s in doc.sections] == [("一、", "总体要求"), ("二、", ""), ("三、", "保障措施")]
        assert doc.sections[1].paragraphs == [long_item + "。"]
        assert display_heading(doc.sections[1]).startswith("二、各地区各部门")

    def test_indentation_with_full_width_spaces_and_tabs(self) -> None:
        doc = parse("\u3000\u3000一、总体要求\n\u3000\u3000（一）指导思想\n\t1.\t坚持党的领导\n\u3000\u3000正文第一段。\n", "x.txt")
        assert outline(doc) == [(1, "一、", "总体要求"), (2, "（一）", "指导思想"), (3, "1.", "坚持党的领导")]
        assert doc.find("1.1.1").paragraphs == ["正文第一段。"]

    def test_bold_markdown_headings(self) -> None:
        doc = parse("**一、总体要求**\n**（一）把握核心要义。**习近平总书记强调。\n**注意**：这不是标题。\n", "notes.md")
        assert outline(doc) == [(1, "一、", "总体要求"), (2, "（一）", "把握核心要义")]
        assert doc.find("1.1").paragraphs == ["习近平总书记强调。", "**注意**：这不是标题。"]


class TestTableOfContents:
    def test_entries_with_page_numbers_are_text(self) -> None:
        text = (
            "实施方案\n目　录\n一、总体要求……………………1\n（一）指导思想………………1\n二、主要任务…………………3\n"
            "一、总体要求\n（一）指导思想\n正文。\n二、主要任务\n正文。\n"
        )
        doc = parse(text, "plan.txt")
        assert outline(doc) == [(1, "一、", "总体要求"), (2, "（一）", "指导思想"), (1, "二、", "主要任务")]
        assert doc.sections[0].kind == "preamble"
        assert doc.sections[0].paragraphs[1] == "一、总体要求……………………1"
        assert_nothing_lost(text, doc)

    def test_entries_without_page_numbers_end_where_the_first_comes_again(self) -> None:
        text = "示范法典\n目　　录\n序　　言\n第一编　总　　则\n第一章　基本规定\n第二章　自然人\n序　　言\n本法典是示范。\n第一编　总　　则\n第一章　基本规定\n第一条　为了示范，制定本法。\n第二章　自然人\n第二条　自然人有权利。\n"
        doc = parse(text, "code.txt")
        assert outline(doc) == [(1, "第一编", "总\u3000\u3000则"), (2, "第一章", "基本规定"), (3, "第一条", ""), (2, "第二章", "自然人"), (3, "第二条", "")]
        assert doc.sections[0].paragraphs[:2] == ["目\u3000\u3000录", "序\u3000\u3000言"]
        assert_nothing_lost(text, doc)

    def test_contents_never_repeated_do_not_swallow_the_headings(self) -> None:
        text = "目录\n一、总体要求\n二、主要任务\n本方案旨在推动工作落实。\n一、总体要求（修订）\n正文。\n二、主要任务（修订）\n正文。\n"
        doc = parse(text, "plan.txt")
        # No entry is written again, so the short lines stay headings: nothing is hidden.
        assert [label for _, label, _ in outline(doc)] == ["一、", "二、", "一、", "二、"]

    def test_page_footers_in_the_text_are_noise(self) -> None:
        text = "一、总体要求\n第一段。\n- 3 -\n第二段。\n— 4 —\n第 5 页 共 9 页\n二、主要任务\n"
        doc = parse(text, "x.txt")
        assert doc.sections[0].paragraphs == ["第一段。", "第二段。"]
        assert doc.noise == ["- 3 -", "— 4 —", "第 5 页 共 9 页"]


class TestNumbersInHeadings:
    @pytest.mark.parametrize(
        "line, label",
        [
            ("第一百二十一条 处理个人信息应当遵守本法。", "第一百二十一条"),
            ("第一百一十一条 本法自公布之日起施行。", "第一百一十一条"),
            ("第一千零一条 示范。", "第一千零一条"),
            ("第两百条 示范。", "第两百条"),
            ("第１２条 示范。", "第１２条"),
            ("第一十一条 示范。", "第一十一条"),
        ],
    )
    def test_articles_numbered_past_one_hundred_and_ten(self, line: str, label: str) -> None:
        heading = classify(line, markdown=False)
        assert heading is not None and (heading.family, heading.label) == ("di", label)

    @pytest.mark.parametrize("line", ["第一一条 示范。", "第百条 示范。", "一一、示范", "一百五、示范", "壹二、示范"])
    def test_malformed_numerals_open_no_section(self, line: str) -> None:
        assert classify(line, markdown=False) is None

    def test_financial_numerals_are_a_level_of_their_own(self) -> None:
        assert classify("壹、总说明", markdown=False) == Heading("cn_financial", 0, "壹、", "总说明")
        assert classify("一百二十一、示范", markdown=False) == Heading("cn", 0, "一百二十一、", "示范")
        assert classify("一）示范", markdown=False) == Heading("cn_close", 0, "一）", "示范")

    def test_the_number_is_read(self) -> None:
        assert [classify(line, markdown=False).number for line in ("第一百二十一条 示范", "十二、示范", "（二十）示范", "⑿示范", "Ⅻ、示范", "Chapter Twenty-One")] == [121, 12, 20, 12, 12, 21]


class TestCourseDivisions:
    @pytest.mark.parametrize(
        "line, label, heading",
        [
            ("第一讲　理想信念是共产党人的精神之钙", "第一讲", "理想信念是共产党人的精神之钙"),
            ("第三课：党的性质和宗旨", "第三课", "党的性质和宗旨"),
            ("第二课时 导入新课", "第二课时", "导入新课"),
            ("第一篇 总论", "第一篇", "总论"),
            ("第二单元 走近科学", "第二单元", "走近科学"),
            ("第十二讲", "第十二讲", ""),
            ("第一分编　通则", "第一分编", "通则"),
            ("第二卷 治国理政", "第二卷", "治国理政"),
            ("第三回　贾雨村夤缘复旧职", "第三回", "贾雨村夤缘复旧职"),
        ],
    )
    def test_di_units(self, line: str, label: str, heading: str) -> None:
        found = classify(line, markdown=False)
        assert found is not None and (found.family, found.label, found.heading) == ("di", label, heading)

    @pytest.mark.parametrize(
        "line, label, heading",
        [("专题一　坚定理想信念", "专题一", "坚定理想信念"), ("模块2：政治理论", "模块2", "政治理论"), ("单元三 辩证法", "单元三", "辩证法"), ("专题十一", "专题十一", "")],
    )
    def test_word_before_number(self, line: str, label: str, heading: str) -> None:
        found = classify(line, markdown=False)
        assert found is not None and (found.family, found.label, found.heading) == ("prefix", label, heading)

    @pytest.mark.parametrize(
        "line",
        [
            "第一讲话精神要传达到每个支部", "第二课堂活动丰富多彩", "第一篇章", "第一讲解员介绍了展览。", "单元一体化设计", "专题学习",
            "模块化管理", "专题一下子就讲清楚了", "第一回合比赛结束", "第一卷入其中", "第二回答问题",
        ],
    )
    def test_words_made_with_the_unit_are_text(self, line: str) -> None:
        assert classify(line, markdown=False) is None


class TestEnclosedAndBracketedNumbers:
    @pytest.mark.parametrize(
        "line, family, label, heading",
        [
            ("①坚持党的全面领导", "circled", "①", "坚持党的全面领导"),
            ("⑫ 加强作风建设", "circled", "⑫", "加强作风建设"),
            ("㉑党的建设", "circled", "㉑", "党的建设"),
            ("⑴把握方向", "paren", "⑴", "把握方向"),
            ("⒉坚持原则", "stop", "⒉", "坚持原则"),
            ("❶总体要求", "circled_dark", "❶", "总体要求"),
            ("1）提高站位", "num_close", "1）", "提高站位"),
            ("12）强化担当", "num_close", "12）", "强化担当"),
            ("㈠指导思想", "cn_paren", "㈠", "指导思想"),
        ],
    )
    def test_a_title_after_the_number(self, line: str, family: str, label: str, heading: str) -> None:
        assert classify(line, markdown=False) == Heading(family, 0, label, heading)

    @pytest.mark.parametrize(
        "line",
        [
            "①加强理论学习；②改进工作作风。",            # a list run into a sentence
            "①加强理论学习，",                              # a clause
            "①参见《示范文集》，示范出版社2019年版，第3页。",  # a footnote
            "①领导干部要带头，做到以下几点：",
            "1）按时参加组织生活；",
            "1)",
        ],
    )
    def test_a_sentence_or_a_clause_after_the_number_is_text(self, line: str) -> None:
        assert classify(line, markdown=False) is None

    def test_list_items_in_an_article_stay_text(self) -> None:
        assert classify("①处理个人信息", markdown=False, in_article=True) is None
        assert classify("1）处理个人信息", markdown=False, in_article=True) is None


class TestRomanNumeralsAndLetters:
    @pytest.mark.parametrize(
        "line, family, label, heading",
        [
            ("Ⅰ、总论", "roman_upper_dot", "Ⅰ、", "总论"),
            ("Ⅳ．研究方法", "roman_upper_dot", "Ⅳ．", "研究方法"),
            ("I. Introduction", "roman_upper_dot", "I.", "Introduction"),
            ("XIV. Conclusions", "roman_upper_dot", "XIV.", "Conclusions"),
            ("(iv) Transitional provisions", "roman_lower_paren", "(iv)", "Transitional provisions"),
            ("A. Scope", "alpha_upper_dot", "A.", "Scope"),
            ("b) Definitions", "alpha_lower_close", "b)", "Definitions"),
            ("(a) General rule", "alpha_lower_paren", "(a)", "General rule"),
        ],
    )
    def test_hits(self, line: str, family: str, label: str, heading: str) -> None:
        found = classify(line, markdown=False)
        assert found is not None and (found.family, found.label, found.heading) == (family, label, heading)

    @pytest.mark.parametrize(
        "line",
        [
            "I. e. the rule applies to all.", "I think the answer is clear.", "I.e. nothing", "Ⅰ型糖尿病患者应当定期复查。",
            "A. Lincoln said the nation would endure.", "A．中国共产党", "Mr. Smith arrived.", "U.S. Congress",
            "MM. Dupont et Durand", "(a) the person who processes data", "CIVIL. Law",
        ],
    )
    def test_near_misses(self, line: str) -> None:
        assert classify(line, markdown=False) is None


class TestEnglishDivisions:
    @pytest.mark.parametrize(
        "line, label, heading",
        [
            ("Chapter 1", "Chapter 1", ""),
            ("Chapter One: Loomings", "Chapter One", "Loomings"),
            ("CHAPTER TWENTY-ONE", "CHAPTER TWENTY-ONE", ""),
            ("PART I", "PART I", ""),
            ("Part II — Methods", "Part II", "Methods"),
            ("§ 1 Scope", "§ 1", "Scope"),
            ("§2. Definitions", "§2.", "Definitions"),
            ("Section 1.2 Background", "Section 1.2", "Background"),
            ("Lesson 3 Greetings", "Lesson 3", "Greetings"),
            ("Unit 4: Forces", "Unit 4", "Forces"),
            ("Appendix A Tables", "Appendix A", "Tables"),
            ("ACT III", "ACT III", ""),
            ("Scene 2: A Garden", "Scene 2", "A Garden"),
        ],
    )
    def test_hits(self, line: str, label: str, heading: str) -> None:
        found = classify(line, markdown=False)
        assert found is not None and (found.family, found.label, found.heading) == ("word", label, heading)

    @pytest.mark.parametrize(
        "line", ["Part Time Jobs", "PART CIVIL PROCEDURE", "Unit 3 of the plant was shut down.", "§ 2 of this Act applies.", "Chapter and verse", "Act 5 of the statute"]
    )
    def test_near_misses(self, line: str) -> None:
        assert classify(line, markdown=False) is None

    def test_divisions_nest(self) -> None:
        depths = [classify(line, markdown=False).depth for line in ("Volume 1", "Unit 2", "Chapter 3", "Article 4", "Section 5", "§ 6", "Clause 7")]
        assert depths == sorted(depths) and depths[4] == depths[5]
        assert classify("Act 1", markdown=False).depth < classify("Scene 1", markdown=False).depth
        assert classify("Section 1", markdown=False).depth < classify("Section 1.2", markdown=False).depth < classify("Subsection 1", markdown=False).depth
