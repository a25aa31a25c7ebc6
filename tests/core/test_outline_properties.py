"""tui.core.outline, as properties: on any mix of headings, residue and text, nothing is lost."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.core.test_outline import assert_nothing_lost
from tui.core.model import Document
from tui.core.names import to_data
from tui.core.outline import parse

CJK = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞"
LATIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
DIGITS = "0123456789０１２３"
PUNCTUATION = "。，、；：？！“”‘’（）《》【】……——·,.;:?!()[]\"'-*#_=~`<>|/ \t\u3000"

words = st.text(alphabet=CJK + LATIN + DIGITS + PUNCTUATION, min_size=0, max_size=70)
cjk_words = st.text(alphabet=CJK, min_size=1, max_size=30)

MARKERS = [
    "一、", "二、", "十二、", "三．", "（一）", "(二)", "（十）", "〔三〕",
    "1.", "2、", "3．", "1.2 ", "1.2.3 ", "(1)", "（2）",
    "第一编 ", "第二章 ", "第三章", "第一节 ", "第十条 ", "第5条", "第二部分：",
    "# ", "## ", "### ", "#### ", "**一、", "**（二）",
    "Part 1 ", "Chapter 2: ", "Article IV", "Section 3. ", "SubSection 2.",
    "一是", "二是", "第一，", "第二、",
    "第一百二十一条 ", "第一百一十一条", "第两百条 ", "壹、", "一）", "㈠", "第一讲 ", "第二课", "第一课时 ", "第三篇 ",
    "专题一 ", "模块二：", "单元三 ", "第一讲话", "第二课堂", "①", "⑵", "⒊", "❶", "1）", "2) ", "Ⅰ、", "Ⅱ．",
    "I. ", "II. ", "A. ", "B. ", "(a) ", "(iv) ", "b) ", "Chapter One ", "PART I", "§ 1 ", "Section 1.2 ", "Lesson 3 ",
    "第一分编 ", "第三回 ", "第二卷", "ACT I", "Scene 2: ",
]
RESIDUE = [
    "浏览量:447", "发布时间：2025-03-26 10:30", "来源：人民网　作者：张三", "作者：", "（责任编辑：李四）",
    "点赞", "收藏 12", "分享到：", "【打印本页】【关闭窗口】", "返回顶部", "字号：大 中 小",
    "- 3 -", "— 12 —", "第 5 页 共 9 页", "<!-- INFO END -->", "<!--", "-->", "注释 -->",
    "目录", "目　　录", "Contents", "同志们：", "同志们！", "各位代表！", "谢谢大家！", "Thank you.",
    "===", "-----", "* * *", "```", "```python", "~~~", "---", "title: 笔记", "> 引用", "| 表 | 格 |",
    "……………… 3", "\t\t12",
]
BLANKS = ["", " ", "\u3000\u3000", "\t"]

heading_lines = st.builds(lambda marker, text: marker + text, st.sampled_from(MARKERS), words)
toc_lines = st.builds(lambda marker, text, page: f"{marker}{text}……{page}", st.sampled_from(MARKERS), cjk_words, st.integers(1, 300))
residue_lines = st.sampled_from(RESIDUE)
blank_lines = st.sampled_from(BLANKS)
indented = st.builds(lambda indent, text: indent + text, st.sampled_from(["\u3000\u3000", "    ", "\t", " "]), words)
lines = st.one_of(heading_lines, heading_lines, toc_lines, residue_lines, blank_lines, words, words, indented)
documents = st.lists(lines, min_size=0, max_size=40).map("\n".join)
names = st.sampled_from(["speech.txt", "notes.md", "law.txt", "guide.rst", ""])


def check(text: str, name: str) -> Document:
    doc = parse(text, name)
    assert_nothing_lost(text, doc)

    ids = [s.id for s in doc.walk()]
    assert len(ids) == len(set(ids))
    for section in doc.walk():
        assert section.level == section.id.count(".") + 1
        assert section.kind in ("preamble", "heading", "closing")
        assert not section.heading.endswith(("。", "；", "！", ";", "!"))
        assert all(p.strip(" \t\u3000\xa0") for p in section.paragraphs)
        for child in section.children:
            assert child.id.startswith(section.id + ".")
            assert child.kind == "heading"
    kinds = [s.kind for s in doc.sections]
    assert "preamble" not in kinds[1:] and "closing" not in kinds[:-1]
    assert doc.title_from in ("text", "filename")
    # The same text always gives the same outline, ids included.
    assert to_data(parse(text, name)) == to_data(doc)
    return doc


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents, names)
def test_mixed_documents_lose_nothing(text: str, name: str) -> None:
    check(text, name)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400), names)
def test_arbitrary_text_never_raises_and_loses_nothing(text: str, name: str) -> None:
    check(text, name)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["\n", "\r\n", "\r"]), min_size=1, max_size=1), documents)
def test_line_ends_do_not_matter(line_end: list[str], text: str) -> None:
    assert to_data(parse(text.replace("\n", line_end[0]), "x.txt")) == to_data(parse(text, "x.txt"))


@settings(max_examples=100, deadline=None)
@given(st.lists(heading_lines, min_size=1, max_size=12))
@example(["Chapter One ", "Ⅰ、!"])  # a capital that is no Latin letter let a title below end in !
def test_headings_keep_their_order(headings: list[str]) -> None:
    text = "\n".join(headings)
    doc = check(text, "x.txt")
    # Reading the outline back in order gives the counted characters in the order written.
    written = "".join(ch for ch in text if ch.isalnum())
    read = [doc.title] if doc.title_from == "text" else []
    for section in doc.walk():
        read.append(section.label + section.heading + "".join(section.paragraphs))
    if not doc.meta and not doc.noise:  # meta and noise are kept apart, out of reading order
        assert "".join(ch for ch in "".join(read) if ch.isalnum()) == written


def test_a_ten_thousand_character_line_of_markers() -> None:
    text = ("（一）" * 3000) + "\n" + ("第一条" * 3000) + "\n" + ("#" * 5000) + " x\n" + ("一、" * 4000)
    check(text, "x.txt")


def test_pathological_residue() -> None:
    # Residue words that can be split two ways (返回顶部 = 返回 + 顶部) must not make the
    # residue pattern backtrack exponentially when the line turns out not to be residue.
    doc = check("大中小" * 20 + "\n" + "返回顶部" * 14 + "x\n" + "<!--" * 50 + "\n正文。", "x.txt")
    assert doc.noise == ["大中小" * 20]
