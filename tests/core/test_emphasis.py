"""tui.core.emphasis: Markdown emphasis is the author's pick of key phrases; code blocks and addresses are never blanks."""

from __future__ import annotations

import pytest

from tests.core.test_phrases import assert_rules, texts
from tui.core.model import Document, Section
from tui.core.phrases import extract, extract_paragraph


@pytest.mark.parametrize(
    ("paragraph", "wanted"),
    [
        ("学习笔记：作风建设的根本在于**以人民为中心**，要常抓不懈，久久为功。", "以人民为中心"),
        ("复习时要记住__民主集中制__是党的根本组织原则，这一点很重要。", "民主集中制"),
        ("本章的重点是==校园安全风险评估==，考试时常常出现这样的题目。", "校园安全风险评估"),
        ("**We the People** of the United States, in Order to form a more perfect Union, ordain this.", "We the People"),
        ("In Python, use the `enumerate` builtin when you need the index as well as the item.", "enumerate"),
    ],
)
def test_emphasis_is_a_blank(paragraph: str, wanted: str) -> None:
    found = extract_paragraph(paragraph)
    assert (wanted, "emphasis") in [(p.text, p.kind) for p in found]


def test_emphasis_comes_before_statistics() -> None:
    found = extract_paragraph("要坚持和完善**民主集中制**这一根本组织原则，把党的政治建设摆在首位，一以贯之。")
    assert texts(found)[0] == "民主集中制"


def test_long_emphasis_is_quizzed_in_parts() -> None:
    found = extract_paragraph("**作风建设关系党的生死存亡，必须抓常、抓细、抓长，持之以恒、久久为功**，这是我们的结论。")
    parts = [p.text for p in found if p.kind == "emphasis"]
    assert parts and all(len(p) <= 16 for p in parts)
    assert "作风建设关系党的生死存亡" in parts


def test_nothing_in_a_code_block_is_a_blank() -> None:
    doc = Document(
        "t",
        "text",
        [
            Section(
                "1",
                "heading",
                1,
                "#",
                "笔记",
                [
                    "下面的例子说明了“两个确立”的用法，请把它背下来，这是一段足够长的话。",
                    "```\n**不是重点** 和 “也不是” 都在代码里，两个维护\n\n三个代表 ==高亮== `x`\n```",
                    "代码之后，**真正的重点**又出现了，这也是一段足够长的话，再长一些。",
                ],
            )
        ],
    )
    found = extract(doc)["1"]
    assert not any(p.paragraph == 1 for p in found), found
    assert "真正的重点" in texts(found) and "两个确立" in texts(found)
    assert_rules(doc, {"1": found})


@pytest.mark.parametrize(
    "paragraph",
    [
        "计算 2 ** 3 ** 2 的结果，再把它写进笔记里，这是一段足够长的话。",  # arithmetic, not emphasis
        "变量名 snake_case__name 和 a == b 的比较不是重点，这是一段足够长的话。",
    ],
)
def test_markers_that_are_not_emphasis(paragraph: str) -> None:
    assert not any(p.kind == "emphasis" for p in extract_paragraph(paragraph))


def test_no_blank_overlaps_a_url_or_an_email_address() -> None:
    paragraph = "详见“https://example.com/policy”和“team@example.org”两处说明，以及“作风建设”的要求。"
    found = extract_paragraph(paragraph)
    assert "作风建设" in texts(found)
    assert not any("example" in p.text or "https" in p.text or "policy" in p.text for p in found)
