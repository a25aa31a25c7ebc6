"""tui.core.formats.epub: chapters in spine order as top-level sections, their headings below."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from tui.core.loader import LoadError, load

from .fixtures import BOOK_TITLE, epub_book, outline_of, phrases_of, speech_chapters, speech_epub

pytest.importorskip("ebooklib")


def the_chapters_as_text() -> str:
    return BOOK_TITLE + "\n" + "\n".join(line for chapter in speech_chapters() for line in chapter)


class TestTheSpeechAsABook:
    def test_three_chapters_and_the_books_title(self, tmp_path: Path) -> None:
        text = load(speech_epub(tmp_path / "book.epub"))
        assert text == the_chapters_as_text()
        outline = outline_of(text, "book.epub")
        assert outline["title"] == BOOK_TITLE
        assert [(s["label"], len(s["children"])) for s in outline["sections"]] == [("一、", 2), ("二、", 2), ("三、", 2)]  # type: ignore[index]

    def test_outline_and_key_phrases_equal_the_text_files(self, tmp_path: Path) -> None:
        text = load(speech_epub(tmp_path / "book.epub"))
        assert outline_of(text, "book.epub") == outline_of(the_chapters_as_text(), "book.txt")
        assert phrases_of(text, "book.epub") == phrases_of(the_chapters_as_text(), "book.txt")


class TestChapters:
    def test_spine_order_and_headings_inside_chapters(self, tmp_path: Path) -> None:
        body = "<p>这一章的正文，说明情况和打算，句子完整而且比较长。</p>"
        chapters = [
            ("序言", f"<h1>序言</h1>{body}"),
            ("上篇 理论", f"<h1>上篇 理论</h1>{body}<h2>历史渊源</h2>{body}<h2>主要内容</h2>{body}<h3>细目</h3>{body}"),
            ("下篇 实践", f"<h2>下篇 实践</h2>{body}<h3>基层经验</h3>{body}"),
        ]
        path = epub_book(tmp_path / "book.epub", chapters)
        sections = outline_of(load(path), "book.epub")["sections"]
        assert [s["heading"] for s in sections] == ["序言", "上篇 理论", "下篇 实践"]  # type: ignore[index]
        assert [c["heading"] for c in sections[1]["children"]] == ["历史渊源", "主要内容"]  # type: ignore[index]
        assert [c["heading"] for c in sections[1]["children"][1]["children"]] == ["细目"]  # type: ignore[index]
        assert [c["heading"] for c in sections[2]["children"]] == ["基层经验"]  # type: ignore[index]

    def test_the_spine_not_the_file_names_gives_the_order(self, tmp_path: Path) -> None:
        speech_epub(tmp_path / "reversed.epub", reverse_spine=True)
        sections = outline_of(load(tmp_path / "reversed.epub"), "reversed.epub")["sections"]
        assert [s["label"] for s in sections] == ["三、", "二、", "一、"]  # type: ignore[index]

    def test_a_chapter_without_a_heading_takes_its_title_from_the_contents(self, tmp_path: Path) -> None:
        body = "<p>没有标题的一章，正文从这里开始，内容完整。</p>"
        path = epub_book(tmp_path / "book.epub", [("第一章 开端", body), ("第二章 发展", body)])
        sections = outline_of(load(path), "book.epub")["sections"]
        assert [(s["label"], s["heading"]) for s in sections] == [("第一章", "开端"), ("第二章", "发展")]  # type: ignore[index]


class TestBadBooks:
    def test_a_damaged_book(self, tmp_path: Path) -> None:
        path = tmp_path / "bad.epub"
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("mimetype", "application/epub+zip")
            archive.writestr("META-INF/container.xml", "<container><rootfiles><rootfile full-path='missing.opf'/>")
        with pytest.raises(LoadError) as caught:
            load(path)
        assert caught.value.kind == "corrupt"
        assert str(caught.value).startswith(f"{path}: a damaged EPUB file (")

    def test_a_book_of_empty_chapters(self, tmp_path: Path) -> None:
        path = epub_book(tmp_path / "empty.epub", [("空", "<div></div>")], toc=False)
        with pytest.raises(LoadError) as caught:
            load(path)
        assert caught.value.kind == "no_text"

    def test_other_zips_are_named(self, tmp_path: Path) -> None:
        path = tmp_path / "sheet.xlsx"
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("[Content_Types].xml", "<Types/>")
            archive.writestr("xl/workbook.xml", "<workbook/>")
        with pytest.raises(LoadError) as caught:
            load(path)
        assert (caught.value.kind, caught.value.values["format"]) == ("unsupported", "Excel")
