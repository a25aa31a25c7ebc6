"""tui.core.formats.web: a saved web page read as its article only, headings from <h1>-<h6> and bold paragraphs."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.loader import LoadError, load
from tui.core.sanitize import needs_cleaning

from .fixtures import SPEECH, SPEECH_TITLE, mhtml, outline_of, phrases_of, speech_html

pytest.importorskip("trafilatura")


def page_with(article: str, title: str = "测试页面") -> str:
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title></head><body>"
        "<nav><a href='/'>首页</a> <a href='/news'>新闻</a> <a href='/about'>关于我们</a></nav>"
        f"<article>{article}</article><footer>版权所有 © 2025</footer></body></html>"
    )


def the_speech_with_its_title() -> str:
    return f"{SPEECH_TITLE}\n{SPEECH.read_text(encoding='utf-8')}"


class TestTheSpeechOnANewsPage:
    @pytest.mark.parametrize("bold_headings", [True, False], ids=["bold-paragraphs", "h2"])
    def test_only_the_article_and_its_title(self, tmp_path: Path, bold_headings: bool) -> None:
        path = tmp_path / "article.html"
        path.write_text(speech_html(bold_headings=bold_headings), encoding="utf-8")
        text = load(path)
        assert text == the_speech_with_its_title()
        for residue in ("首页", "搜索", "相关阅读", "相关新闻", "网友", "责任编辑", "版权所有", "分享到", "window.track"):
            assert residue not in text

    def test_outline_and_key_phrases_equal_the_text_files(self, tmp_path: Path) -> None:
        path = tmp_path / "article.html"
        path.write_text(speech_html(), encoding="utf-8")
        text = load(path)
        outline = outline_of(text, "article.html")
        assert outline == outline_of(the_speech_with_its_title(), "article.txt")
        assert outline["title"] == SPEECH_TITLE
        assert phrases_of(text, "article.html") == phrases_of(the_speech_with_its_title(), "article.txt")

    def test_a_page_in_gbk(self, tmp_path: Path) -> None:
        path = tmp_path / "gbk.htm"
        path.write_bytes(speech_html(charset="gb2312").encode("gb18030"))
        assert load(path) == the_speech_with_its_title()

    def test_a_page_saved_as_mhtml(self, tmp_path: Path) -> None:
        path = tmp_path / "article.mhtml"
        path.write_bytes(mhtml(speech_html()))
        assert load(path) == the_speech_with_its_title()

    def test_told_by_content(self, tmp_path: Path) -> None:
        (tmp_path / "saved").write_text(speech_html(), encoding="utf-8")
        (tmp_path / "saved.txt").write_bytes(mhtml(speech_html()))
        assert load(tmp_path / "saved") == load(tmp_path / "saved.txt") == the_speech_with_its_title()


class TestHeadings:
    def test_headings_without_numbers_are_markdown_headings_below_the_title(self, tmp_path: Path) -> None:
        paragraphs = "".join(f"<p>第{n}段正文，讲清楚一件事情的来龙去脉和今后的安排。</p>" for n in range(1, 4))
        article = (
            "<h1>关于做好年度工作的通知</h1>"
            f"<h2>工作目标</h2>{paragraphs}"
            f"<p><b>重点任务</b></p>{paragraphs}"
            f"<h2>保障措施</h2>{paragraphs}"
            "<p><strong>这一句加粗强调的话比较长，是正文里的重点句子，并不是标题。</strong></p>"
        )
        path = tmp_path / "notice.html"
        path.write_text(page_with(article, "关于做好年度工作的通知_新闻网"), encoding="utf-8")
        outline = outline_of(load(path), "notice.html")
        assert outline["title"] == "关于做好年度工作的通知"
        top = outline["sections"]
        assert [s["heading"] for s in top] == ["工作目标", "保障措施"]  # type: ignore[index]
        assert [c["heading"] for c in top[0]["children"]] == ["重点任务"]  # type: ignore[index]
        assert top[1]["paragraphs"][-1] == "这一句加粗强调的话比较长，是正文里的重点句子，并不是标题。"  # type: ignore[index]

    def test_editor_lines_are_dropped_and_other_lines_kept(self, tmp_path: Path) -> None:
        body = "".join(f"<p>正文第{n}段，讲述基层治理的做法和成效，内容充实而具体。</p>" for n in range(1, 6))
        article = f"{body}<p>【责任编辑：李华】</p><p>（编辑：张三 校对：李四）</p><p>来源：人民网</p>"
        path = tmp_path / "page.html"
        path.write_text(page_with(article), encoding="utf-8")
        text = load(path)
        assert "李华" not in text and "校对" not in text
        assert "正文第5段" in text


class TestControlCharacters:
    @pytest.mark.parametrize(
        ("reference", "code"),
        [("&#x1b;", 0x1B), ("&#27;", 0x1B), ("&#X1B", 0x1B), ("&#x07;", 0x07), ("&#0011;", 0x0B), ("&#xFFFF;", 0xFFFF)],
        ids=["hex", "decimal", "no-semicolon", "bell", "vertical-tab", "noncharacter"],
    )
    def test_a_reference_to_one_reads_as_the_character_itself(self, tmp_path: Path, reference: str, code: int) -> None:
        def saved(name: str, control: str) -> Path:
            body = "".join(f"<p>第{n}条：值班人员按时巡查楼道，发现异常立即报告并写明时间。</p>" for n in range(1, 5))
            article = f"<h1>夜间值班须知{control}</h1><p>提示{control}[31m红色{control}[0m的条目必须先办。</p>{body}"
            path = tmp_path / name
            path.write_text(page_with(article, f"夜间值班须知{control}_新闻网"), encoding="utf-8")
            return path

        text = load(saved("references.html", reference))
        assert text == load(saved("raw.html", chr(code)))
        assert text.startswith("夜间值班须知\n")
        assert "红色" in text and "第4条" in text
        assert not needs_cleaning(text)


class TestBadPages:
    def test_a_page_with_no_article(self, tmp_path: Path) -> None:
        path = tmp_path / "empty.html"
        path.write_text("<!DOCTYPE html><html><head><title>x</title></head><body><nav><a href='/'>首页</a></nav></body></html>")
        with pytest.raises(LoadError) as caught:
            load(path)
        assert caught.value.kind == "no_text"
        assert str(caught.value) == f"{path}: no text found in this HTML file"

    def test_an_mhtml_without_a_page(self, tmp_path: Path) -> None:
        path = tmp_path / "odd.mhtml"
        path.write_bytes(b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=x\r\n\r\n--x\r\nContent-Type: text/css\r\n\r\np{}\r\n--x--\r\n")
        with pytest.raises(LoadError) as caught:
            load(path)
        assert caught.value.kind == "corrupt"
