"""tui.core.residue: page residue, front matter, comments and the title."""

from __future__ import annotations

import pytest

from tests.core.test_outline import assert_nothing_lost, outline
from tui.core.outline import parse
from tui.core.residue import strip_comments, strip_residue, take_title


class TestParts:
    def test_residue_is_taken_from_both_ends(self) -> None:
        lines = ["浏览量:447", "", "标题", "正文。", "点赞", "（责任编辑：李四）"]
        meta: dict[str, str] = {}
        noise: list[str] = []
        assert strip_residue(lines, meta, noise) == (2, 4, ["点赞"])
        assert meta == {"浏览量": "447", "责任编辑": "李四"}
        assert noise == []

    def test_a_comment_alone_on_its_line_takes_the_line(self) -> None:
        comments: list[str] = []
        assert strip_comments("甲\n<!-- 注 -->\n乙<!-- x -->丙\n", comments) == "甲\n乙丙\n"
        assert comments == ["<!-- 注 -->", "<!-- x -->"]

    def test_a_title_needs_a_body_after_it(self) -> None:
        meta: dict[str, str] = {}
        assert take_title(["讲话", "正文。"], "x.txt", False, meta, []) == ("讲话", "text", ["正文。"])
        assert take_title(["讲话"], "x.txt", False, meta, []) == ("x", "filename", ["讲话"])


class TestTitle:
    def test_first_short_line_followed_by_body(self) -> None:
        doc = parse("关于加强作风建设的讲话\n同志们：\n一、总体要求\n", "x.txt")
        assert (doc.title, doc.title_from) == ("关于加强作风建设的讲话", "text")
        assert doc.sections[0].paragraphs == ["同志们："]

    @pytest.mark.parametrize(
        "first",
        ["今天我们召开会议。", "这是一个非常长的第一行，它远远超过了一个标题应有的长度，因此它只能是正文的一部分而不是标题", "一、总体要求", "2025年3月26日", "目录"],
    )
    def test_lines_that_are_not_titles(self, first: str) -> None:
        doc = parse(f"{first}\n正文。\n", "speech.txt")
        assert (doc.title, doc.title_from) == ("speech", "filename")

    def test_a_lone_line_is_not_a_title(self) -> None:
        doc = parse("标题一样的行\n", "x.txt")
        assert doc.title_from == "filename"

    def test_markdown_single_h1(self) -> None:
        doc = parse("# 学习笔记\n\n正文。\n", "notes.md")
        assert (doc.title, doc.title_from) == ("学习笔记", "text")
        assert outline(doc) == []

    def test_markdown_with_several_h1_takes_the_file_name(self) -> None:
        doc = parse("# 第一篇\n\n正文。\n\n# 第二篇\n\n正文。\n", "notes.md")
        assert (doc.title, doc.title_from) == ("notes", "filename")
        assert outline(doc) == [(1, "#", "第一篇"), (1, "#", "第二篇")]

    def test_no_name_and_no_title(self) -> None:
        assert parse("正文。\n").title == ""


class TestResidue:
    def test_key_values_at_the_top_and_bottom(self) -> None:
        text = "浏览量:447\n发布时间：2025-03-26 10:30\n来源：县委办公室　作者：张三\n标题在这里\n正文。\n一、总体\n正文。\n（责任编辑：李四）\n"
        doc = parse(text, "x.txt")
        assert doc.meta == {"浏览量": "447", "发布时间": "2025-03-26 10:30", "来源": "县委办公室", "作者": "张三", "责任编辑": "李四"}
        assert doc.title == "标题在这里"
        assert_nothing_lost(text, doc)

    def test_residue_right_under_the_title(self) -> None:
        doc = parse("关于加强作风建设的通知\n来源：人民网\n作者：\n正文。\n一、总体\n", "x.txt")
        assert doc.title == "关于加强作风建设的通知"
        assert doc.meta == {"来源": "人民网", "作者": ""}

    def test_button_words_are_noise_verbatim(self) -> None:
        text = "点赞\n一、总体\n正文。\n收藏 12\n分享到：\n【打印本页】【关闭窗口】\n返回顶部\n"
        doc = parse(text, "x.txt")
        assert doc.noise == ["点赞", "收藏 12", "分享到：", "【打印本页】【关闭窗口】", "返回顶部"]
        assert doc.sections[-1].paragraphs == ["正文。"]

    def test_residue_in_the_middle_is_text(self) -> None:
        doc = parse("一、总体\n时间：2025年\n收藏\n正文。\n二、其他\n", "x.txt")
        assert doc.meta == {}
        assert doc.sections[0].paragraphs == ["时间：2025年", "收藏", "正文。"]

    def test_a_repeated_key_stays_text(self) -> None:
        text = "来源：甲\n来源：乙\n正文很长很长。\n"
        doc = parse(text, "x.txt")
        assert doc.meta == {"来源": "甲"}
        assert_nothing_lost(text, doc)

    def test_sentences_with_colons_are_not_meta(self) -> None:
        doc = parse("习近平总书记指出：作风建设永远在路上。\n正文。\n", "x.txt")
        assert doc.meta == {}

    def test_html_comments_are_noise_verbatim(self) -> None:
        text = "# 示范法\n\n<!-- INFO END -->\n\n## 第一章 总则\n\n第一条 示范<!-- 注 -->条文。\n\n<!--\n多行\n注释\n-->\n"
        doc = parse(text, "law.md")
        assert doc.noise == ["<!-- INFO END -->", "<!-- 注 -->", "<!--\n多行\n注释\n-->"]
        assert doc.find("1.1").paragraphs == ["示范条文。"]
        assert_nothing_lost(text, doc)

    def test_an_unclosed_comment_is_text(self) -> None:
        doc = parse("正文。\n<!-- 没有结束\n更多正文。\n", "x.txt")
        assert doc.noise == []
        assert "<!-- 没有结束" in doc.sections[0].paragraphs
