"""tui.core.outline on the numbering styles of study material: long laws, courses, lists, Roman numerals, letters."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.core.test_numerals import standard, written
from tests.core.test_outline import assert_nothing_lost, outline
from tui.core.outline import parse

# ---------------------------------------------------------------- numbers past one hundred and ten


def long_law() -> str:
    """A law of seven chapters and 143 articles, the last chapter numbered 第一百二十一条 on."""
    ends = [0, 20, 40, 60, 80, 100, 120, 143]
    lines = ["中华人民共和国示范管理法", ""]
    for chapter in range(1, len(ends)):
        lines.append(f"第{standard(chapter)}章　示范规则")
        for article in range(ends[chapter - 1] + 1, ends[chapter] + 1):
            lines.append(f"第{standard(article)}条　开展示范活动，应当遵守本章规定。")
            if article % 7 == 0:
                lines += ["（一）依法进行；", "（二）及时报告。"]
    return "\n".join(lines) + "\n"


class TestLongLaw:
    def test_every_article_is_a_section(self) -> None:
        text = long_law()
        doc = parse(text, "law.txt")
        chapters = doc.sections
        assert [len(c.children) for c in chapters] == [20, 20, 20, 20, 20, 20, 23]
        articles = [s.label for c in chapters for s in c.children]
        assert articles == [f"第{standard(n)}条" for n in range(1, 144)]
        assert {"第一百一十一条", "第一百二十一条", "第一百四十三条"} <= set(articles)
        assert chapters[-1].children[0].label == "第一百二十一条"
        assert chapters[-1].children[5].paragraphs == ["开展示范活动，应当遵守本章规定。", "（一）依法进行；", "（二）及时报告。"]
        assert_nothing_lost(text, doc)


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 300), st.data())
def test_ordered_articles_are_all_sections(n: int, data: st.DataObject) -> None:
    labels = [f"第{data.draw(st.sampled_from(sorted(written(k))))}条" for k in range(1, n + 1)]
    text = "\n".join(f"{label}　本条规定示范事项。" for label in labels)
    doc = parse(text, "law.txt")
    assert [(s.level, s.label) for s in doc.walk()] == [(1, label) for label in labels]
    assert_nothing_lost(text, doc)


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 300))
def test_ordered_numbered_headings_are_all_sections(n: int) -> None:
    text = "".join(f"{standard(k)}、示范标题\n（{standard(k)}）示范小标题\n正文。\n" for k in range(1, n + 1))
    doc = parse(text, "notes.txt")
    assert [s.label for s in doc.sections] == [f"{standard(k)}、" for k in range(1, n + 1)]
    assert all([c.label for c in s.children] == [f"（{standard(k)}）"] for k, s in enumerate(doc.sections, 1))


# ---------------------------------------------------------------- courses and study material


class TestCourses:
    PARTY_LESSONS = (
        "学习贯彻党的创新理论专题党课讲稿\n"
        "\n"
        "专题一　坚定理想信念　筑牢信仰之基\n"
        "\u3000\u3000开展专题学习，是加强党的思想建设的重要举措。\n"
        "第一讲　理想信念是共产党人的精神之钙\n"
        "一、深刻认识理想信念的重要意义\n"
        "\u3000\u3000理想信念是共产党人精神上的“钙”。\n"
        "二、把坚定理想信念落到行动上\n"
        "\u3000\u3000第一讲话要点已印发各支部，本讲不再赘述。\n"
        "第二讲　补足精神之钙\n"
        "\u3000\u3000第二课堂活动要常态化开展。\n"
        "专题二：践行初心使命\n"
        "第三讲 始终坚持以人民为中心\n"
        "\u3000\u3000人民是我们党执政的最大底气。\n"
    )

    def test_topics_and_lectures(self) -> None:
        doc = parse(self.PARTY_LESSONS, "lessons.txt")
        assert doc.title == "学习贯彻党的创新理论专题党课讲稿"
        assert outline(doc) == [
            (1, "专题一", "坚定理想信念\u3000筑牢信仰之基"),
            (2, "第一讲", "理想信念是共产党人的精神之钙"),
            (3, "一、", "深刻认识理想信念的重要意义"),
            (3, "二、", "把坚定理想信念落到行动上"),
            (2, "第二讲", "补足精神之钙"),
            (1, "专题二", "践行初心使命"),
            (2, "第三讲", "始终坚持以人民为中心"),
        ]
        # 第一讲话…, 第二课堂… begin sentences: they stay in their sections.
        assert doc.find("1.1.2").paragraphs == ["第一讲话要点已印发各支部，本讲不再赘述。"]
        assert doc.find("1.2").paragraphs == ["第二课堂活动要常态化开展。"]
        assert_nothing_lost(self.PARTY_LESSONS, doc)

    TEXTBOOK = (
        "思想政治课程教学设计\n"
        "模块一　政治理论\n"
        "单元一　马克思主义基本原理\n"
        "第1课　唯物论\n"
        "第一课时　物质的概念\n"
        "理解物质的概念。\n"
        "第二课时　意识的本质\n"
        "理解意识的本质。\n"
        "第2课　辩证法\n"
        "单元一体化设计是本单元的要求。\n"
        "单元二　中国特色社会主义\n"
        "第3课　道路自信\n"
        "模块二　经济与社会\n"
    )

    def test_modules_units_lessons_and_periods(self) -> None:
        doc = parse(self.TEXTBOOK, "course.txt")
        assert outline(doc) == [
            (1, "模块一", "政治理论"),
            (2, "单元一", "马克思主义基本原理"),
            (3, "第1课", "唯物论"),
            (4, "第一课时", "物质的概念"),
            (4, "第二课时", "意识的本质"),
            (3, "第2课", "辩证法"),
            (2, "单元二", "中国特色社会主义"),
            (3, "第3课", "道路自信"),
            (1, "模块二", "经济与社会"),
        ]
        assert doc.find("1.1.2").paragraphs == ["单元一体化设计是本单元的要求。"]
        assert_nothing_lost(self.TEXTBOOK, doc)

    def test_a_novel_in_volumes_and_chapters(self) -> None:
        text = "小说选读\n第一卷\n第一回　甄士隐梦幻识通灵\n正文。\n第二回　贾夫人仙逝扬州城\n第一回合的比赛很精彩。\n第二卷\n第三回　托内兄如海荐西宾\n"
        doc = parse(text, "novel.txt")
        assert outline(doc) == [(1, "第一卷", ""), (2, "第一回", "甄士隐梦幻识通灵"), (2, "第二回", "贾夫人仙逝扬州城"), (1, "第二卷", ""), (2, "第三回", "托内兄如海荐西宾")]
        assert doc.find("1.2").paragraphs == ["第一回合的比赛很精彩。"]

    def test_parts_of_a_book(self) -> None:
        text = "第一篇　总论\n第一章　导言\n正文。\n第二章　方法\n正文。\n第二篇　分论\n第三章　应用\n正文。\n"
        doc = parse(text, "book.txt")
        assert outline(doc) == [(1, "第一篇", "总论"), (2, "第一章", "导言"), (2, "第二章", "方法"), (1, "第二篇", "分论"), (2, "第三章", "应用")]


class TestTitleOnTheNextLine:
    LAW = (
        "示范条例\n"
        "\n"
        "第一章\n"
        "总　　则\n"
        "第一条　为了示范，制定本条例。\n"
        "第二条　本条例适用于示范活动。\n"
        "\n"
        "第二章\n"
        "\n"
        "监督管理\n"
        "\n"
        "第三条　示范活动接受监督。\n"
        "第三章\n"
        "本章规定示范活动的法律责任。\n"
        "第四条　违反本条例的，依法处理。\n"
    )

    def test_a_chapter_and_its_title_on_two_lines(self) -> None:
        doc = parse(self.LAW, "rules.txt")
        assert outline(doc) == [
            (1, "第一章", "总\u3000\u3000则"),
            (2, "第一条", ""),
            (2, "第二条", ""),
            (1, "第二章", "监督管理"),
            (2, "第三条", ""),
            (1, "第三章", ""),  # a sentence below is no title
            (2, "第四条", ""),
        ]
        assert doc.find("3").paragraphs == ["本章规定示范活动的法律责任。"]
        assert_nothing_lost(self.LAW, doc)

    NOVEL = (
        "The Whale\n\n"
        "Chapter 1\n\n"
        "Loomings\n\n"
        "Call me Ishmael. Some years ago, never mind how long precisely, having little\n"
        "or no money in my purse, I thought I would sail about a little.\n\n"
        "Chapter 2\n\n"
        "It was a bright cold day in April, and the clocks were striking thirteen\n"
        "as the ship left the harbour\n\n"
        "CHAPTER THREE\n"
        "The Carpet-Bag\n\n"
        "I stuffed a shirt or two into my old carpet-bag.\n"
    )

    def test_english_chapters(self) -> None:
        doc = parse(self.NOVEL, "whale.txt")
        assert outline(doc) == [(1, "Chapter 1", "Loomings"), (1, "Chapter 2", ""), (1, "CHAPTER THREE", "The Carpet-Bag")]
        assert doc.find("2").paragraphs[0].startswith("It was a bright cold day")
        assert_nothing_lost(self.NOVEL, doc)


# ---------------------------------------------------------------- enclosed and bracketed numbers


class TestListsAndHeadings:
    NOTES = (
        "党章学习笔记\n"
        "一、党的性质\n"
        "①工人阶级的先锋队\n"
        "中国共产党是中国工人阶级的先锋队。\n"
        "②中国人民和中华民族的先锋队\n"
        "同时是中国人民和中华民族的先锋队。\n"
        "二、党员的义务\n"
        "党员必须履行下列义务：\n"
        "①认真学习马克思列宁主义\n"
        "②贯彻执行党的基本路线\n"
        "③坚持党和人民的利益高于一切\n"
        "三、学习体会\n"
        "学习要做到①原原本本学；②联系实际学。\n"
        "⑴学深悟透\n"
        "要在学懂弄通做实上下功夫。\n"
        "⑵知行合一\n"
        "要把学习成果转化为实际行动。①\n"
        "①参见《示范文集》，示范出版社2019年版，第3页。\n"
        "四、工作要求\n"
        "1）提高站位\n"
        "各级党组织要高度重视。\n"
        "2）压实责任\n"
        "具体要求如下：\n"
        "1）按时参加组织生活；\n"
        "2）认真开展批评和自我批评。\n"
    )

    def test_circled_and_bracketed_numbers(self) -> None:
        doc = parse(self.NOTES, "notes.txt")
        assert outline(doc) == [
            (1, "一、", "党的性质"),
            (2, "①", "工人阶级的先锋队"),
            (2, "②", "中国人民和中华民族的先锋队"),
            (1, "二、", "党员的义务"),
            (1, "三、", "学习体会"),
            (2, "⑴", "学深悟透"),
            (2, "⑵", "知行合一"),
            (1, "四、", "工作要求"),
            (2, "1）", "提高站位"),
            (2, "2）", "压实责任"),
        ]
        # After a lead-in ending in ：, a list is a list, titled items or not.
        assert doc.find("2").paragraphs == ["党员必须履行下列义务：", "①认真学习马克思列宁主义", "②贯彻执行党的基本路线", "③坚持党和人民的利益高于一切"]
        assert doc.find("3.2").paragraphs[-1].startswith("①参见《示范文集》")  # a footnote
        assert doc.find("4.2").paragraphs == ["具体要求如下：", "1）按时参加组织生活；", "2）认真开展批评和自我批评。"]
        assert_nothing_lost(self.NOTES, doc)

    def test_items_inside_an_article_stay_text(self) -> None:
        text = "第一章　总则\n第五条　党员应当：\n①认真学习\n②遵守纪律\n⑴带头示范\n1）服从决定\n第六条　本条例自发布之日起施行。\n"
        doc = parse(text, "rules.txt")
        assert outline(doc) == [(1, "第一章", "总则"), (2, "第五条", ""), (2, "第六条", "")]
        assert doc.find("1.1").paragraphs == ["党员应当：", "①认真学习", "②遵守纪律", "⑴带头示范", "1）服从决定"]


class TestRomanNumeralsAndLetters:
    def test_chinese_text_with_roman_numerals(self) -> None:
        text = "Ⅰ、总论\n正文。\nⅡ、分论\nⅠ型糖尿病患者应当定期复查。\nⅢ、结论\n"
        doc = parse(text, "paper.txt")
        assert outline(doc) == [(1, "Ⅰ、", "总论"), (1, "Ⅱ、", "分论"), (1, "Ⅲ、", "结论")]
        assert doc.find("2").paragraphs == ["Ⅰ型糖尿病患者应当定期复查。"]

    PAPER = (
        "On Study Methods\n\n"
        "I. Introduction\n\n"
        "Spaced review is older than most people think.\n\n"
        "I think the evidence is clear.\n\n"
        "I. e. the gaps between reviews grow.\n\n"
        "II. Background\n\n"
        "A. Early Work\n\n"
        "Ebbinghaus measured forgetting.\n\n"
        "B. Later Work\n\n"
        "I. M. Pei designed the pyramid at the Louvre.\n\n"
        "A. Lincoln said the nation would endure.\n\n"
        "A. Lincoln\n\n"
        "III. Method\n\n"
        "(a) Materials\n\n"
        "Cards.\n\n"
        "(b) Procedure\n\n"
        "Reviews.\n\n"
        "IV. Results\n\n"
        "Which city is the capital of France?\n"
        "A. Paris\n"
        "B. London\n"
        "C. Rome\n"
    )

    def test_an_english_paper(self) -> None:
        doc = parse(self.PAPER, "paper.txt")
        assert outline(doc) == [
            (1, "I.", "Introduction"),
            (1, "II.", "Background"),
            (2, "A.", "Early Work"),
            (2, "B.", "Later Work"),
            (1, "III.", "Method"),
            (2, "(a)", "Materials"),
            (2, "(b)", "Procedure"),
            (1, "IV.", "Results"),
        ]
        assert doc.find("1").paragraphs == ["Spaced review is older than most people think.", "I think the evidence is clear.", "I. e. the gaps between reviews grow."]
        # Initials are no headings; nor is an A. with no B. after it, nor a list of choices.
        assert doc.find("2.2").paragraphs == ["I. M. Pei designed the pyramid at the Louvre.", "A. Lincoln said the nation would endure.", "A. Lincoln"]
        assert doc.find("4").paragraphs[1:] == ["A. Paris", "B. London", "C. Rome"]
        assert_nothing_lost(self.PAPER, doc)

    def test_i_after_h_is_a_letter(self) -> None:
        text = "Appendices\n\n" + "".join(f"{ch}. Table {ch}\n\nRows.\n\n" for ch in "ABCDEFGHIJ")
        doc = parse(text, "appendices.txt")
        assert [s.label for s in doc.sections] == [f"{ch}." for ch in "ABCDEFGHIJ"]
        assert all(s.level == 1 for s in doc.walk())


class TestEnglishDivisions:
    TEXT = (
        "A Guide to the Rules\n\n"
        "PART I\n\n"
        "Foundations\n\n"
        "Chapter One: Scope\n\n"
        "These rules apply to every member.\n\n"
        "Section 1 Overview\n\n"
        "What follows.\n\n"
        "Section 1.1 Purpose\n\n"
        "Why.\n\n"
        "Section 1.2 Background\n\n"
        "How it began.\n\n"
        "Section 2 Terms\n\n"
        "Words.\n\n"
        "PART II\n\n"
        "Practice\n\n"
        "§ 1 Meetings\n\n"
        "Members meet monthly.\n\n"
        "§ 2 Votes\n\n"
        "§ 3 of the old rules is repealed and replaced by the\n"
        "provisions of this part.\n"
    )

    def test_parts_chapters_sections_and_paragraph_signs(self) -> None:
        doc = parse(self.TEXT, "rules.txt")
        assert outline(doc) == [
            (1, "PART I", "Foundations"),
            (2, "Chapter One", "Scope"),
            (3, "Section 1", "Overview"),
            (4, "Section 1.1", "Purpose"),
            (4, "Section 1.2", "Background"),
            (3, "Section 2", "Terms"),
            (1, "PART II", "Practice"),
            (2, "§ 1", "Meetings"),
            (2, "§ 2", "Votes"),
        ]
        assert doc.find("2.2").paragraphs == ["§ 3 of the old rules is repealed and replaced by the provisions of this part."]
        assert_nothing_lost(self.TEXT, doc)
