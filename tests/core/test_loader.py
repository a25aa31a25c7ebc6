"""tui.core.loader: encodings, line ends, and a clear LoadError for every bad file."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from tui.core import loader
from tui.core.loader import LoadError, decode, is_markdown, load

BUNDLED = Path(__file__).resolve().parents[2] / "data" / "zuofeng-speech.txt"

# The same text in every encoding the loader promises to read.
ENCODINGS = {
    "utf-8": lambda text: text.encode("utf-8"),
    "utf-8 with BOM": lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
    "gbk": lambda text: text.encode("gbk"),
    "gb18030": lambda text: text.encode("gb18030"),
    "utf-16-le with BOM": lambda text: codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
    "utf-16-be with BOM": lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
    "utf-16-le without BOM": lambda text: text.encode("utf-16-le"),
    "utf-16-be without BOM": lambda text: text.encode("utf-16-be"),
    "utf-32-le with BOM": lambda text: codecs.BOM_UTF32_LE + text.encode("utf-32-le"),
    "utf-32-be with BOM": lambda text: codecs.BOM_UTF32_BE + text.encode("utf-32-be"),
}


@pytest.fixture(scope="module")
def speech() -> str:
    return BUNDLED.read_text(encoding="utf-8")


class TestEncodings:
    @pytest.mark.parametrize("encoding", list(ENCODINGS))
    def test_bundled_speech_reads_back_identically(self, speech: str, encoding: str) -> None:
        assert decode(ENCODINGS[encoding](speech), "speech.txt") == speech

    @pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
    def test_utf16_without_bom_with_only_cjk_and_full_width_punctuation(self, encoding: str) -> None:
        # 一 (U+4E00) and the ideographic space put NUL bytes on the "wrong" side too.
        text = "一、总体要求\n\u3000\u3000一是加强学习，二是改进作风。\n" * 20
        assert decode(text.encode(encoding)) == text

    def test_english_in_utf16_without_bom_is_not_taken_for_utf8(self) -> None:
        assert decode("Hello, world.\nSecond line.\n".encode("utf-16-le")) == "Hello, world.\nSecond line.\n"

    @pytest.mark.parametrize("encoding", ["gbk", "gb18030"])
    def test_a_sixteen_character_heading_is_not_misdetected(self, tmp_path: Path, encoding: str) -> None:
        heading = "一、提高政治站位深化思想认识巩固"
        assert len(heading) == 16
        path = tmp_path / "heading.txt"
        path.write_bytes(heading.encode(encoding))
        assert load(path) == heading

    def test_gbk_file_of_short_lines(self, tmp_path: Path) -> None:
        text = "关于加强作风建设的通知\n一、总体要求\n二、主要任务\n三、保障措施\n"
        path = tmp_path / "short.txt"
        path.write_bytes(text.encode("gbk"))
        assert load(path) == text

    @pytest.mark.parametrize("line_end", ["\r\n", "\r"])
    def test_crlf_and_cr_become_lf(self, speech: str, line_end: str) -> None:
        assert decode(speech.replace("\n", line_end).encode("utf-8")) == speech

    def test_a_stray_bom_inside_the_text_goes(self) -> None:
        assert decode("一、总体\ufeff要求\n\ufeff正文".encode("utf-8")) == "一、总体要求\n正文"

    def test_text_is_not_nfkc_normalised(self) -> None:
        text = "（一）全角，ＡＢＣ１２３　空格\n"
        assert decode(text.encode("utf-8")) == text

    def test_last_resort_detection_reads_a_latin1_file(self) -> None:
        text = "Café au lait, s'il vous plaît. Très bien, merci beaucoup !\n" * 30
        # Not UTF-8 and not GB18030 (é followed by a space is not a GB18030 pair).
        data = text.encode("latin-1")
        with pytest.raises(UnicodeDecodeError):
            data.decode("gb18030")
        decoded = decode(data)
        assert "Caf" in decoded and decoded.count("\n") == 30


class TestBadInput:
    def assert_one_line_naming(self, error: LoadError, path: Path | str) -> str:
        message = str(error)
        assert "\n" not in message
        assert message.startswith(f"{path}: ")
        return message

    def test_missing_file(self, tmp_path: Path) -> None:
        path = tmp_path / "nope.txt"
        with pytest.raises(LoadError) as caught:
            load(path)
        assert "no such file" in self.assert_one_line_naming(caught.value, path)

    def test_folder(self, tmp_path: Path) -> None:
        with pytest.raises(LoadError) as caught:
            load(tmp_path)
        assert "folder" in self.assert_one_line_naming(caught.value, tmp_path)

    def test_fifo_is_refused_without_blocking(self, tmp_path: Path) -> None:
        if not hasattr(os, "mkfifo"):
            pytest.skip("no FIFOs on this system")
        path = tmp_path / "pipe.txt"
        os.mkfifo(path)
        with pytest.raises(LoadError) as caught:
            load(path)
        assert "not a regular file" in self.assert_one_line_naming(caught.value, path)

    def test_no_read_permission_simulated(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        path = tmp_path / "secret.txt"
        path.write_text("一、总体要求\n", encoding="utf-8")

        def refuse(*args: object, **kwargs: object) -> None:
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(loader, "open", refuse, raising=False)
        with pytest.raises(LoadError) as caught:
            load(path)
        assert "permission denied" in self.assert_one_line_naming(caught.value, path)

    @pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
    def test_no_read_permission_for_real(self, tmp_path: Path) -> None:
        path = tmp_path / "secret.txt"
        path.write_text("一、总体要求\n", encoding="utf-8")
        path.chmod(0)
        try:
            with pytest.raises(LoadError) as caught:
                load(path)
        finally:
            path.chmod(0o600)
        assert "permission denied" in self.assert_one_line_naming(caught.value, path)

    @pytest.mark.parametrize(
        "data",
        [
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 8,
            b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 8 + bytes(range(256)) * 8,
            b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(1, 32)) * 40,
        ],
        ids=["png", "elf", "zip"],
    )
    def test_binary_file(self, tmp_path: Path, data: bytes) -> None:
        path = tmp_path / "picture.txt"
        path.write_bytes(data)
        with pytest.raises(LoadError) as caught:
            load(path)
        assert "binary" in self.assert_one_line_naming(caught.value, path)

    def test_undecodable_file(self, tmp_path: Path) -> None:
        path = tmp_path / "garbled.txt"
        path.write_bytes(bytes(range(0x80, 0x100)) * 20)
        with pytest.raises(LoadError) as caught:
            load(path)
        assert "encoding" in self.assert_one_line_naming(caught.value, path)

    def test_bad_bytes_after_a_bom(self, tmp_path: Path) -> None:
        path = tmp_path / "broken.txt"
        path.write_bytes(codecs.BOM_UTF8 + b"\xff\xfe\xfd abc")
        with pytest.raises(LoadError) as caught:
            load(path)
        assert "UTF-8" in self.assert_one_line_naming(caught.value, path)

    def test_empty_file(self, tmp_path: Path) -> None:
        path = tmp_path / "empty.txt"
        path.write_bytes(b"")
        with pytest.raises(LoadError) as caught:
            load(path)
        assert "empty" in self.assert_one_line_naming(caught.value, path)

    @pytest.mark.parametrize(
        "data",
        [b" \n\t\r\n  ", "\u3000\u3000\n\xa0\n".encode("utf-8"), codecs.BOM_UTF8, " \n \n".encode("utf-16-le")],
        ids=["ascii", "full-width", "bom-only", "utf-16"],
    )
    def test_whitespace_only_file(self, tmp_path: Path, data: bytes) -> None:
        path = tmp_path / "blank.txt"
        path.write_bytes(data)
        with pytest.raises(LoadError) as caught:
            load(path)
        assert "empty" in self.assert_one_line_naming(caught.value, path)

    def test_too_large(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(loader, "MAX_BYTES", 10)
        path = tmp_path / "big.txt"
        path.write_text("一、总体要求\n二、主要任务\n", encoding="utf-8")
        with pytest.raises(LoadError) as caught:
            load(path)
        assert "too large" in self.assert_one_line_naming(caught.value, path)

    def test_decode_names_what_it_was_given(self) -> None:
        with pytest.raises(LoadError, match=r"^upload\.txt: "):
            decode(b"", "upload.txt")


class TestLoad:
    def test_reads_the_bundled_speech(self, speech: str) -> None:
        assert load(BUNDLED) == speech
        assert load(str(BUNDLED)) == speech

    def test_is_markdown(self) -> None:
        assert is_markdown("notes.md")
        assert is_markdown("NOTES.MARKDOWN")
        assert is_markdown(Path("guide.rst"))
        assert not is_markdown("speech.txt")
        assert not is_markdown("md")
