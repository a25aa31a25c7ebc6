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


class TestTerminalSafety:
    """Nothing in a file can drive the terminal: the loaded text is what the screen shows."""

    HOSTILE = '# Notes\n\nIntro "quoted phrase one" here. \x1b]0;PWNED\x1b\\ \x1b]52;c;SGVsbG8=\x1b\\ end. \x1b[2J\n'

    def test_escape_sequences_are_gone_after_loading(self, tmp_path: Path) -> None:
        path = tmp_path / "osc.md"
        path.write_bytes(self.HOSTILE.encode("utf-8"))
        text = load(path)
        assert "\x1b" not in text and "\x07" not in text
        assert "PWNED" not in text and "SGVsbG8" not in text  # a title and a clipboard were the payload
        assert 'Intro "quoted phrase one" here.' in text and "end." in text

    def test_the_count_of_what_was_neutralised(self, tmp_path: Path) -> None:
        path = tmp_path / "osc.md"
        path.write_bytes(self.HOSTILE.encode("utf-8"))
        loaded = loader.load_text(path)
        assert loaded.neutralised == 5 and loaded.replaced == 0

    def test_vertical_tab_and_form_feed_are_line_breaks(self, tmp_path: Path) -> None:
        # Rich drops \x07 \x08 \x0b \x0c when drawing, so offsets counted over them went wrong.
        path = tmp_path / "c.md"
        path.write_bytes(b'# Notes\n\nThe rule \x0b\x0c\x0b is "stay humble and work hard".\n')
        text = load(path)
        assert not any(ch in text for ch in "\x07\x08\x0b\x0c")
        assert text == '# Notes\n\nThe rule \n is "stay humble and work hard".\n'

    def test_a_page_break_between_lines_adds_no_line(self) -> None:
        data = "第一页的最后一行。\n\x0c第二页的第一行。\n\n\x0c\n新的段落。\n".encode()
        assert decode(data) == "第一页的最后一行。\n第二页的第一行。\n\n\n新的段落。\n"

    def test_other_controls_become_visible_marks(self) -> None:
        prose = "An ordinary paragraph of text around a few stray control characters.\n" * 8
        data = (prose + "bell\x07 back\x08 del\x7f next\x85 esc\x1b\n").encode("utf-8")
        assert decode(data) == prose + "bell\u2407 back\u2408 del\u2421 next\ufffd esc\u241b\n"

    def test_bidi_overrides_are_dropped(self) -> None:
        data = "invoice \u202egnp.exe\u202c and \u2066isolated\u2069 text\n".encode("utf-8")
        assert decode(data) == "invoice gnp.exe and isolated text\n"

    def test_a_file_of_nothing_but_escapes_is_empty(self, tmp_path: Path) -> None:
        path = tmp_path / "escapes.txt"
        path.write_bytes(b"\x1b[2J\x1b[H\x1b]0;title\x07\n")
        with pytest.raises(LoadError) as caught:
            load(path)
        assert caught.value.kind == "blank"


class TestReplacedBytes:
    """A few bytes that no encoding reads cost those bytes, not the file."""

    def test_utf8_with_three_invalid_bytes(self, speech: str, tmp_path: Path) -> None:
        data = bytearray(speech.encode("utf-8"))
        for at in (200, 2000, 5000):
            while data[at] & 0xC0 == 0x80:  # land on the start of a character
                at += 1
            data[at:at] = b"\xff"
        path = tmp_path / "damaged.txt"
        path.write_bytes(bytes(data))
        loaded = loader.load_text(path)
        assert loaded.replaced == 3
        assert loaded.text.replace("\ufffd", "") == speech

    def test_utf8_and_gbk_lines_mixed(self, tmp_path: Path) -> None:
        utf8 = "一、总体要求\n坚持以人民为中心的发展思想。\n"
        gbk = "二、主要任务\n深入推进作风建设，持之以恒纠治“四风”。\n"
        path = tmp_path / "mixed.txt"
        path.write_bytes(utf8.encode("utf-8") + gbk.encode("gbk") + utf8.encode("utf-8"))
        loaded = loader.load_text(path)
        assert loaded.text == utf8 + gbk + utf8
        assert loaded.replaced == 0

    def test_a_bad_byte_after_a_utf8_bom(self, speech: str) -> None:
        data = codecs.BOM_UTF8 + speech.encode("utf-8")[:3000].rsplit(b"\n", 1)[0] + b"\n\xfe\n"
        loaded = loader.decode_text(data)
        assert loaded.replaced == 1 and loaded.text.endswith("\ufffd\n")

    def test_a_clean_file_has_nothing_replaced(self, tmp_path: Path) -> None:
        path = tmp_path / "clean.txt"
        path.write_text("一、总体要求\n", encoding="utf-8")
        assert loader.load_text(path) == loader.Loaded("一、总体要求\n", 0, 0)


def test_a_lone_surrogate_from_a_formats_reader_is_replaced_and_counted(tmp_path: Path) -> None:
    # A PDF's reader can hand back half of a surrogate pair, which no file, database or terminal
    # can hold: opening such a document once failed when the store was given its text.
    from tui.core.loader import finish_text
    from tui.core.store import Store
    from tui.core.workbook import Workbook

    loaded = finish_text("第一章 总则\n甲\ud835乙\udc00丙\ufffd\n", "notes.pdf", "PDF")
    assert (loaded.text, loaded.replaced) == ("第一章 总则\n甲\ufffd乙\ufffd丙\ufffd\n", 2)
    store = Store.open(tmp_path)
    workbook = Workbook(tmp_path / "notes.pdf", loaded.text, store)
    assert workbook.open().title and workbook.problem is None
    workbook.find_phrases()
    store.close()
