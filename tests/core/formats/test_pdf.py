"""tui.core.formats.pdf: PDFs read in order, page furniture dropped, hard-wrapped lines joined into paragraphs."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.formats.pdf import paragraphs
from tui.core.loader import LoadError, load

from .fixtures import SPEECH, outline_of, pdf, phrases_of, scanned_pdf, speech_pdf

pytest.importorskip("pypdf")
pytest.importorskip("reportlab")

ENGLISH = [
    "Article 1. Purpose",
    "This regulation is made to strengthen the supervision of public administration and to safeguard "
    "the lawful rights and interests of citizens, legal persons and other organizations, in accordance "
    "with the Constitution and the relevant laws.",
    "Article 2. Scope",
    "It applies to every administrative organ at every level of government, including the departments "
    "directly under them and the organizations authorized by laws and regulations to administer public "
    "affairs, with notwithstanding exceptions.",
]


class TestTheSpeechAsAPrintedPdf:
    @pytest.mark.parametrize(
        "page_number", ["- {n} -", "— {n} —", "第 {n} 页", "第{n}页 共3页", "{n}", "Page {n} of 3", ""]
    )
    def test_headers_footers_and_page_numbers_are_dropped_and_lines_joined(self, tmp_path: Path, page_number: str) -> None:
        path = speech_pdf(tmp_path / "zuofeng-speech.pdf", page_number=page_number)
        assert load(path) == SPEECH.read_text(encoding="utf-8")

    def test_outline_and_key_phrases_equal_the_text_files(self, tmp_path: Path) -> None:
        text = load(speech_pdf(tmp_path / "zuofeng-speech.pdf"))
        original = SPEECH.read_text(encoding="utf-8")
        assert outline_of(text, "zuofeng-speech.pdf") == outline_of(original, "zuofeng-speech.txt")
        assert phrases_of(text, "zuofeng-speech.pdf") == phrases_of(original, "zuofeng-speech.txt")

    def test_a_pdf_whose_paragraphs_are_not_indented(self, tmp_path: Path) -> None:
        # The short last line of each paragraph still ends it.
        path = speech_pdf(tmp_path / "flush.pdf", indent="")
        assert load(path) == SPEECH.read_text(encoding="utf-8")


class TestLines:
    def test_english_lines_join_with_spaces_and_hyphenated_words_are_made_whole(self, tmp_path: Path) -> None:
        path = pdf(tmp_path / "rules.pdf", ENGLISH * 3, latin=True, indent="    ", header="Draft for comment",
                   page_number="Page {n}", lines_per_page=12)
        text = load(path)
        assert text.split("\n\n") == ENGLISH * 3
        assert "Draft for comment" not in text

    def test_a_heading_set_large_and_wrapped_is_one_line(self, tmp_path: Path) -> None:
        heading = "一、坚持以人民为中心的发展思想，推动经济社会高质量发展迈上新台阶"
        body = "全面贯彻党的二十大精神，统筹发展和安全，扎实推进各项工作，确保目标任务圆满完成。"
        paragraphs_ = [heading, body, "二、总体要求", "坚持稳中求进工作总基调。"] * 3
        text = load(pdf(tmp_path / "plan.pdf", paragraphs_, large=(heading, "二、总体要求"), lines_per_page=8))
        assert text.splitlines() == paragraphs_
        sections = outline_of(text, "plan.pdf")["sections"]
        assert sections[0]["heading"] == heading[2:]  # type: ignore[index]

    def test_paragraphs_from_page_texts(self) -> None:
        full = "这是一行排满的正文文字这是一行排满的正文文字这是一行排满的正文"
        pages = [
            f"机关文件\n一、总体要求\n　　{full[:-2]}\n{full}\n到此为止。\n— 1 —",
            f"机关文件\n{full}\n结束了。\n（一）下一节\n　　短的一段。\n— 2 —",
        ]
        assert [block.text for block in paragraphs(pages)] == [
            "一、总体要求",
            f"{full[:-2]}{full}到此为止。",
            f"{full}结束了。",  # a paragraph goes on over the page break
            "（一）下一节",
            "短的一段。",
        ]

    def test_a_number_inside_a_page_is_kept(self) -> None:
        full = "这是一行排满的正文文字这是一行排满的正文文字这是一行排满的正文"
        lines = [full, "第一段。", full, "第二段。", "2024", full, "第三段。", full, "第四段。"]
        pages = ["页眉\n" + "\n".join(lines) + "\n3"]
        # One page: its header cannot be told from its first line, but its number at the foot can.
        assert [block.text for block in paragraphs(pages)] == [
            "页眉", full + "第一段。", full + "第二段。", "2024", full + "第三段。", full + "第四段。"
        ]


class TestBadPdfs:
    def test_a_scanned_pdf_says_so(self, tmp_path: Path) -> None:
        with pytest.raises(LoadError) as caught:
            load(scanned_pdf(tmp_path / "scan.pdf"))
        assert caught.value.kind == "scanned"
        assert str(caught.value) == f"{tmp_path / 'scan.pdf'}: a scanned PDF with no text layer; run it through OCR first"

    def test_a_password_is_needed(self, tmp_path: Path) -> None:
        with pytest.raises(LoadError) as caught:
            load(speech_pdf(tmp_path / "locked.pdf", encrypt="secret"))
        assert caught.value.kind == "encrypted"

    def test_encrypted_only_against_printing_opens(self, tmp_path: Path) -> None:
        from reportlab.lib.pdfencrypt import StandardEncryption

        encryption = StandardEncryption("", ownerPassword="owner", canPrint=0)
        assert load(speech_pdf(tmp_path / "restricted.pdf", encrypt=encryption)) == SPEECH.read_text(encoding="utf-8")

    @pytest.mark.parametrize("damage", ["truncated", "garbage"])
    def test_a_damaged_pdf(self, tmp_path: Path, damage: str) -> None:
        data = speech_pdf(tmp_path / "whole.pdf").read_bytes()
        data = data[:400] if damage == "truncated" else b"%PDF-1.4\n" + bytes(range(256)) * 20
        (tmp_path / "bad.pdf").write_bytes(data)
        with pytest.raises(LoadError) as caught:
            load(tmp_path / "bad.pdf")
        assert caught.value.kind in ("corrupt", "no_text")
        assert "\n" not in str(caught.value)

    def test_told_by_content(self, tmp_path: Path) -> None:
        data = speech_pdf(tmp_path / "real.pdf").read_bytes()
        (tmp_path / "download").write_bytes(data)
        assert load(tmp_path / "download") == SPEECH.read_text(encoding="utf-8")

    def test_progress_is_reported_page_by_page(self, tmp_path: Path) -> None:
        from tui.core.loader import load_text

        seen: list[tuple[int, int]] = []
        load_text(speech_pdf(tmp_path / "speech.pdf"), progress=lambda done, total: seen.append((done, total)))
        assert seen == [(1, 3), (2, 3), (3, 3)]
