"""tui.core.formats.word: Word files read as the text the outline reads, automatic numbering written out."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.formats.numbering import chinese, format_number
from tui.core.loader import LoadError, load

from .fixtures import (
    CHINESE_HEADINGS,
    SPEECH,
    W_NS,
    add_list,
    minimal_docx,
    number_paragraph,
    outline_of,
    phrases_of,
    speech_docx,
)

docx = pytest.importorskip("docx")


def p(text: str, style: str = "", extra: str = "") -> str:
    """A paragraph of hand-written document XML."""
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/>{extra}</w:pPr>' if style else (f"<w:pPr>{extra}</w:pPr>" if extra else "")
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


class TestTheSpeechAsWordWritesIt:
    """The bundled speech with its headings in heading styles and their numbers automatic."""

    @pytest.mark.parametrize("via_style", [False, True], ids=["numbered-paragraphs", "numbered-styles"])
    def test_the_text_is_the_text_file(self, tmp_path: Path, via_style: bool) -> None:
        path = speech_docx(tmp_path / "zuofeng-speech.docx", via_style=via_style)
        assert load(path) == SPEECH.read_text(encoding="utf-8")

    def test_outline_and_key_phrases_equal_the_text_files(self, tmp_path: Path) -> None:
        text = load(speech_docx(tmp_path / "zuofeng-speech.docx"))
        original = SPEECH.read_text(encoding="utf-8")
        outline = outline_of(text, "zuofeng-speech.docx")
        assert outline == outline_of(original, "zuofeng-speech.txt")
        top = [(s["label"], s["heading"]) for s in outline["sections"]]  # type: ignore[index]
        assert top[1] == ("一、", "提高政治站位,深化思想认识")
        assert phrases_of(text, "zuofeng-speech.docx") == phrases_of(original, "zuofeng-speech.txt")

    def test_without_automatic_numbers_the_heading_styles_still_give_the_levels(self, tmp_path: Path) -> None:
        # The numbers typed into the text: the styles agree with the grammar, and the text is the same.
        path = speech_docx(tmp_path / "typed.docx", numbered=False)
        assert load(path) == SPEECH.read_text(encoding="utf-8")


class TestHeadings:
    def test_headings_without_numbers_become_markdown_headings_at_their_style_level(self, tmp_path: Path) -> None:
        document = docx.Document()
        document.add_paragraph("Background", style="Heading 1")
        document.add_paragraph("The committee met twice in the spring to settle the plan.")
        document.add_paragraph("Scope", style="Heading 2")
        document.add_paragraph("It covers every county.")
        document.add_paragraph("Findings", style="Heading 1")
        document.add_paragraph("Most goals were met.")
        document.save(str(tmp_path / "notes.docx"))
        text = load(tmp_path / "notes.docx")
        assert text.splitlines()[:3] == ["# Background", "", "The committee met twice in the spring to settle the plan."]
        sections = outline_of(text, "notes.docx")["sections"]
        assert [(s["heading"], [c["heading"] for c in s["children"]]) for s in sections] == [  # type: ignore[union-attr]
            ("Background", ["Scope"]),
            ("Findings", []),
        ]
        assert sections[0]["children"][0]["paragraphs"] == ["It covers every county."]  # type: ignore[index]

    def test_chinese_headings_without_numbers_nest_the_numbered_run_in_headings(self, tmp_path: Path) -> None:
        document = docx.Document()
        document.add_paragraph("总体要求", style="Heading 1")
        document.add_paragraph("（一）坚持党的领导。这是根本保证。")
        document.add_paragraph("（二）坚持人民至上。这是价值取向。")
        document.add_paragraph("主要任务", style="Heading 1")
        document.add_paragraph("加快发展新质生产力。")
        document.save(str(tmp_path / "plan.docx"))
        sections = outline_of(load(tmp_path / "plan.docx"), "plan.docx")["sections"]
        assert [s["heading"] for s in sections] == ["总体要求", "主要任务"]  # type: ignore[index]
        children = sections[0]["children"]  # type: ignore[index]
        assert [(c["label"], c["heading"], c["paragraphs"]) for c in children] == [
            ("（一）", "坚持党的领导", ["这是根本保证。"]),
            ("（二）", "坚持人民至上", ["这是价值取向。"]),
        ]

    def test_outline_levels_and_localised_style_names_make_headings(self, tmp_path: Path) -> None:
        styles = (
            '<w:style w:type="paragraph" w:styleId="a1"><w:name w:val="标题 1"/></w:style>'
            '<w:style w:type="paragraph" w:styleId="Lvl2"><w:name w:val="My Section"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>'
            '<w:style w:type="paragraph" w:styleId="Lvl2b"><w:name w:val="Derived"/><w:basedOn w:val="Lvl2"/></w:style>'
        )
        body = (
            p("第一部分", "a1") + p("正文一。") + p("工作回顾", "Lvl2") + p("正文二。") + p("下步安排", "Lvl2b")
            + p("直接设置大纲级别", extra='<w:outlineLvl w:val="0"/>') + p("正文三。")
        )
        text = load(minimal_docx(tmp_path / "levels.docx", body, styles=styles))
        assert "# 第一部分" in text.splitlines() and "## 工作回顾" in text.splitlines() and "## 下步安排" in text.splitlines()
        assert "# 直接设置大纲级别" in text.splitlines()

    def test_a_heading_broken_over_lines_is_one_heading(self, tmp_path: Path) -> None:
        body = (
            '<w:p><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:r><w:t>一、坚持以人民为中心</w:t><w:br/><w:t>的发展思想</w:t></w:r></w:p>'
            + p("正文。")
        )
        text = load(minimal_docx(tmp_path / "wrapped.docx", body))
        assert text.splitlines()[0] == "一、坚持以人民为中心的发展思想"


class TestAutomaticNumbering:
    def test_chinese_counting(self) -> None:
        assert [chinese(n) for n in (1, 9, 10, 11, 19, 20, 21, 100, 101, 110, 1000, 1001)] == [
            "一", "九", "十", "十一", "十九", "二十", "二十一", "一百", "一百零一", "一百一十", "一千", "一千零一",
        ]
        assert chinese(11, legal=True) == "壹拾壹"
        assert chinese(10001) == "一万零一"

    @pytest.mark.parametrize(
        ("fmt", "n", "written"),
        [
            ("decimal", 12, "12"),
            ("upperLetter", 2, "B"),
            ("lowerLetter", 27, "aa"),
            ("upperRoman", 14, "XIV"),
            ("lowerRoman", 4, "iv"),
            ("decimalEnclosedCircle", 3, "③"),
            ("decimalEnclosedParen", 2, "⑵"),
            ("ideographTraditional", 3, "丙"),
            ("decimalFullWidth", 12, "１２"),
            ("decimalZero", 7, "07"),
            ("chineseCountingThousand", 15, "十五"),
            ("chineseLegalSimplified", 3, "叁"),
        ],
    )
    def test_formats(self, fmt: str, n: int, written: str) -> None:
        assert format_number(n, fmt) == written

    def test_levels_restart_and_a_restarted_list_counts_from_its_start(self, tmp_path: Path) -> None:
        document = docx.Document()
        add_list(document, CHINESE_HEADINGS, 90, 90)
        add_list(document, CHINESE_HEADINGS.replace('"90"', '"91"'), 91, 91)
        restart = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
        from docx.oxml import parse_xml

        numbering = document.part.numbering_part.element
        numbering.append(parse_xml(f'<w:num xmlns:w="{W_NS}" w:numId="92"><w:abstractNumId w:val="90"/>{restart}</w:num>'))
        for text, num, ilvl in (
            ("总体要求", 90, 0), ("指导思想", 90, 1), ("基本原则", 90, 1), ("具体一点", 90, 2), ("具体两点", 90, 2),
            ("重点任务", 90, 0), ("第一项", 90, 1),
            ("另起一个列表", 92, 0), ("其下一项", 92, 1),
        ):
            number_paragraph(document.add_paragraph(text), num, ilvl)
        document.add_paragraph("")  # an empty numbered paragraph would take no number: it holds nothing
        document.save(str(tmp_path / "lists.docx"))
        assert load(tmp_path / "lists.docx").splitlines() == [
            "一、总体要求", "(一)指导思想", "(二)基本原则", "1.具体一点", "2.具体两点",
            "二、重点任务", "(一)第一项",
            "一、另起一个列表", "(一)其下一项",
        ]

    def test_separators_bullets_legal_numbering_and_chapters(self, tmp_path: Path) -> None:
        numbering = (
            '<w:abstractNum w:abstractNumId="1">'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="第%1章"/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/><w:isLgl/></w:lvl>'
            "</w:abstractNum>"
            '<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>'
            '<w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
            '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
            '<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>'
            '<w:num w:numId="3"><w:abstractNumId w:val="3"/></w:num>'
        )

        def numbered(text: str, num: int, ilvl: int = 0) -> str:
            return p(text, extra=f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr>')

        body = (
            numbered("总则", 1) + numbered("目的", 1, 1) + numbered("范围", 1, 1) + numbered("分则", 1)
            + numbered("一条要点", 2) + numbered("Introduction", 3) + numbered("Scope", 3)
        )
        text = load(minimal_docx(tmp_path / "chapters.docx", body, numbering=numbering))
        assert text.splitlines() == ["第一章 总则", "1.1 目的", "1.2 范围", "第二章 分则", "一条要点", "1. Introduction", "", "2. Scope"]


class TestContent:
    def test_tables_notes_hidden_and_deleted_text(self, tmp_path: Path) -> None:
        table = (
            "<w:tbl>"
            "<w:tr><w:tc>" + p("项目") + "</w:tc><w:tc>" + p("完成情况") + "</w:tc></w:tr>"
            "<w:tr><w:tc>" + p("道路硬化") + "</w:tc><w:tc>" + p("120公里") + "</w:tc></w:tr>"
            "</w:tbl>"
            # A one-column table used for layout: its paragraphs are paragraphs.
            "<w:tbl><w:tr><w:tc>" + p("一、版式表格里的标题") + p("版式表格里的正文。") + "</w:tc></w:tr></w:tbl>"
        )
        body = (
            '<w:p><w:r><w:t>正文提到一个注释</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:t>。</w:t></w:r></w:p>'
            '<w:p><w:r><w:t>看得见</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>看不见</w:t></w:r>'
            "<w:del><w:r><w:delText>删掉的</w:delText></w:r></w:del><w:ins><w:r><w:t>加上的</w:t></w:r></w:ins></w:p>"
            + table
            + '<w:sdt><w:sdtContent>' + p("内容控件里的段落。") + "</w:sdtContent></w:sdt>"
        )
        footnotes = (
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
            '<w:footnote w:id="1"><w:p><w:r><w:t>《习近平谈治国理政》第三卷。</w:t></w:r></w:p></w:footnote>'
        )
        text = load(minimal_docx(tmp_path / "content.docx", body, footnotes=footnotes))
        assert text.splitlines() == [
            "正文提到一个注释。",
            "注1：《习近平谈治国理政》第三卷。",
            "看得见加上的",
            "项目 | 完成情况",
            "道路硬化 | 120公里",
            "一、版式表格里的标题",
            "版式表格里的正文。",
            "内容控件里的段落。",
        ]

    def test_text_boxes_once_and_soft_line_breaks(self, tmp_path: Path) -> None:
        box = "<w:txbxContent>" + p("文本框里的话。") + "</w:txbxContent>"
        body = (
            "<w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t></w:r>"
            f"<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing>{box}</w:drawing></mc:Choice>"
            f"<mc:Fallback><w:pict>{box}</w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
        )
        text = load(minimal_docx(tmp_path / "boxes.docx", body))
        assert text.splitlines() == ["第一行", "第二行", "文本框里的话。"]

    def test_english_paragraphs_stay_apart(self, tmp_path: Path) -> None:
        first = "The first paragraph is long enough to be taken for a hard-wrapped line"
        document = docx.Document()
        document.add_paragraph("Notes", style="Title")
        document.add_paragraph(first)
        document.add_paragraph("and this is a second paragraph")
        document.save(str(tmp_path / "en.docx"))
        text = load(tmp_path / "en.docx")
        outline = outline_of(text, "en.docx")
        assert outline["title"] == "Notes"
        assert outline["sections"][0]["paragraphs"] == [first, "and this is a second paragraph"]  # type: ignore[index]


class TestBadWordFiles:
    def test_a_truncated_docx_is_a_damaged_zip(self, tmp_path: Path) -> None:
        data = speech_docx(tmp_path / "whole.docx").read_bytes()
        (tmp_path / "cut.docx").write_bytes(data[: len(data) // 2])
        with pytest.raises(LoadError) as caught:
            load(tmp_path / "cut.docx")
        assert caught.value.kind == "corrupt"
        assert str(caught.value).startswith(f"{tmp_path / 'cut.docx'}: a damaged zip file")

    def test_a_docx_with_a_broken_document_part(self, tmp_path: Path) -> None:
        path = minimal_docx(tmp_path / "broken.docx", "<w:p><w:r><w:t>unclosed")
        with pytest.raises(LoadError) as caught:
            load(path)
        assert caught.value.kind == "corrupt" and "Word" in str(caught.value)

    def test_word_97_doc_and_an_encrypted_docx(self, tmp_path: Path) -> None:
        header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
        (tmp_path / "old.doc").write_bytes(header + "WordDocument".encode("utf-16-le") + b"\x00" * 1000)
        (tmp_path / "locked.docx").write_bytes(header + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 1000)
        for name, kind in (("old.doc", "doc"), ("locked.docx", "encrypted")):
            with pytest.raises(LoadError) as caught:
                load(tmp_path / name)
            assert caught.value.kind == kind

    def test_an_empty_document_has_no_text(self, tmp_path: Path) -> None:
        docx.Document().save(str(tmp_path / "empty.docx"))
        with pytest.raises(LoadError) as caught:
            load(tmp_path / "empty.docx")
        assert caught.value.kind == "no_text"
        assert str(caught.value) == f"{tmp_path / 'empty.docx'}: no text found in this Word file"

    def test_told_by_content_not_by_name(self, tmp_path: Path) -> None:
        data = speech_docx(tmp_path / "real.docx").read_bytes()
        (tmp_path / "misnamed.txt").write_bytes(data)
        assert load(tmp_path / "misnamed.txt") == SPEECH.read_text(encoding="utf-8")
        (tmp_path / "text.docx").write_text("一、标题\n正文。\n", encoding="utf-8")
        assert load(tmp_path / "text.docx") == "一、标题\n正文。\n"
