"""`study` on Word, PDF, web pages, EPUB and standard input, run as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.core.formats.fixtures import (
    BOOK_TITLE,
    SPEECH,
    SPEECH_TITLE,
    mhtml,
    minimal_docx,
    scanned_pdf,
    speech_chapters,
    speech_docx,
    speech_epub,
    speech_html,
    speech_pdf,
)

ROOT = Path(__file__).resolve().parents[1]


def study(*args: str, stdin: bytes | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "tui.cli", *args],
        cwd=cwd, env=env, input=stdin if stdin is not None else b"", capture_output=True, timeout=120,
    )


def outline(*args: str, stdin: bytes | None = None) -> dict[str, object]:
    result = study("outline", "--json", *args, stdin=stdin)
    assert (result.returncode, result.stderr.decode()) == (0, "")
    return json.loads(result.stdout)


def same_text_as(folder: Path, text: str, stem: str) -> Path:
    folder.mkdir()
    path = folder / f"{stem}.txt"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def speech_files(tmp_path: Path) -> dict[str, tuple[Path, Path]]:
    """Each format's file of the speech, and a .txt of the same text under the same name."""
    html_path = tmp_path / "zuofeng-speech.html"
    html_path.write_text(speech_html(), encoding="utf-8")
    speech = SPEECH.read_text(encoding="utf-8")
    book = BOOK_TITLE + "\n" + "\n".join(line for chapter in speech_chapters() for line in chapter)
    return {
        "docx": (speech_docx(tmp_path / "zuofeng-speech.docx"), same_text_as(tmp_path / "docx", speech, "zuofeng-speech")),
        "pdf": (speech_pdf(tmp_path / "zuofeng-speech.pdf"), same_text_as(tmp_path / "pdf", speech, "zuofeng-speech")),
        "html": (html_path, same_text_as(tmp_path / "html", f"{SPEECH_TITLE}\n{speech}", "zuofeng-speech")),
        "epub": (speech_epub(tmp_path / "zuofeng-speech.epub"), same_text_as(tmp_path / "epub", book, "zuofeng-speech")),
    }


@pytest.mark.parametrize("kind", ["docx", "pdf", "html", "epub"])
def test_outline_and_phrases_equal_those_of_the_same_text(speech_files: dict[str, tuple[Path, Path]], kind: str) -> None:
    document, text = speech_files[kind]
    assert outline(str(document)) == outline(str(text))
    phrases = study("phrases", "--json", str(document))
    assert phrases.returncode == 0
    assert json.loads(phrases.stdout) == json.loads(study("phrases", "--json", str(text)).stdout)


class TestBadFiles:
    @pytest.mark.parametrize(
        ("lang", "expected"),
        [
            ("en", "study: {path}: a Word 97-2003 .doc file; save it as .docx (or .txt) to study it"),
            ("zh", "study: {path}：这是 Word 97–2003 的 .doc 文件；请另存为 .docx（或 .txt）再打开"),
        ],
    )
    def test_a_word_97_file(self, tmp_path: Path, lang: str, expected: str) -> None:
        path = tmp_path / "old.doc"
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "WordDocument".encode("utf-16-le"))
        result = study("outline", str(path), "--lang", lang)
        assert (result.returncode, result.stdout) == (1, b"")
        assert result.stderr.decode().splitlines() == [expected.format(path=path)]

    @pytest.mark.parametrize(
        ("content", "expected"),
        [
            (b"{\\rtf1\\ansi Hello}", "study: {path}: study cannot read RTF files; save it as .docx, .pdf or .txt"),
            (
                b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504,
                "study: {path}: study cannot read Office 97-2003 files; save it as .docx, .pdf or .txt",
            ),
        ],
        ids=["rtf", "office 97"],
    )
    def test_a_format_study_cannot_read_is_named(self, tmp_path: Path, content: bytes, expected: str) -> None:
        path = tmp_path / "old.bin"
        path.write_bytes(content)
        result = study("outline", str(path), "--lang", "en")
        assert (result.returncode, result.stdout) == (1, b"")
        assert result.stderr.decode().splitlines() == [expected.format(path=path)]

    def test_a_scanned_pdf(self, tmp_path: Path) -> None:
        path = scanned_pdf(tmp_path / "scan.pdf")
        result = study("phrases", str(path))
        assert result.returncode == 1
        assert result.stderr.decode() == f"study: {path}: a scanned PDF with no text layer; run it through OCR first\n"

    def test_a_corrupt_docx_and_an_encrypted_pdf(self, tmp_path: Path) -> None:
        data = speech_docx(tmp_path / "whole.docx").read_bytes()
        (tmp_path / "cut.docx").write_bytes(data[:3000])
        speech_pdf(tmp_path / "locked.pdf", encrypt="secret")
        for name, words in (("cut.docx", "a damaged zip file"), ("locked.pdf", "protected by a password")):
            result = study("outline", str(tmp_path / name))
            assert result.returncode == 1
            lines = result.stderr.decode().splitlines()
            assert len(lines) == 1 and words in lines[0]

    def test_a_damaged_file_is_said_in_chinese_without_its_librarys_english(self, tmp_path: Path) -> None:
        data = speech_docx(tmp_path / "whole.docx").read_bytes()
        (tmp_path / "cut.docx").write_bytes(data[:3000])
        result = study("outline", str(tmp_path / "cut.docx"), "--lang", "zh")
        assert result.returncode == 1
        assert result.stderr.decode() == f"study: {tmp_path / 'cut.docx'}：zip 文件已损坏\n"

    def test_a_word_file_with_nothing_in_it(self, tmp_path: Path) -> None:
        path = minimal_docx(tmp_path / "empty.docx", "<w:p/>")
        result = study("outline", str(path), "--lang", "zh")
        assert result.returncode == 1
        assert result.stderr.decode() == f"study: {path}：这个 Word 文件里没有找到文字\n"


class TestStandardInput:
    def test_text_piped_in_reads_as_the_file(self) -> None:
        piped = outline("-", stdin=SPEECH.read_bytes())
        from_file = outline(str(SPEECH))
        assert piped["sections"] == from_file["sections"]
        assert piped["title"] == "<stdin>"  # the speech has no title line of its own

    @pytest.mark.parametrize("kind", ["docx", "pdf", "html", "epub"])
    def test_any_format_piped_in_is_told_by_its_content(self, speech_files: dict[str, tuple[Path, Path]], kind: str) -> None:
        document, text = speech_files[kind]
        assert outline("-", stdin=document.read_bytes())["sections"] == outline(str(text))["sections"]

    def test_an_mhtml_piped_in(self) -> None:
        assert outline("-", stdin=mhtml(speech_html()))["title"] == SPEECH_TITLE

    def test_nothing_piped_in(self) -> None:
        result = study("outline", "-", stdin=b"")
        assert (result.returncode, result.stderr.decode()) == (1, "study: <stdin>: the file is empty\n")

    def test_phrases_and_stats_of_standard_input(self) -> None:
        assert study("phrases", "-", stdin=SPEECH.read_bytes()).returncode == 0
        stats = study("stats", "--json", "-", stdin=SPEECH.read_bytes())
        assert stats.returncode == 0 and json.loads(stats.stdout)["totals"]["cards"] > 0

    def test_a_terminal_is_not_read_as_a_document(self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
        from tui import cli

        class Terminal:
            def isatty(self) -> bool:
                return True

        monkeypatch.setattr(sys, "stdin", Terminal())
        assert cli.main(["outline", "-", "--lang", "en"]) == 1
        assert capsys.readouterr().err == "study: <stdin>: standard input is a terminal; pipe a document in (pbpaste | study -)\n"


class TestIdentity:
    """A document piped in is known by its content: the same text from a file is the same document."""

    def test_piped_text_and_the_file_are_one_document_and_other_texts_are_not(self, tmp_path: Path) -> None:
        from tui import reading
        from tui.core.loader import content_hash, load
        from tui.core.store import Store

        text = load(SPEECH)
        other = text.replace("作风", "学风")
        stdin_path = Path(reading.STDIN_NAME, content_hash(text)[:16], reading.STDIN_NAME)
        other_path = Path(reading.STDIN_NAME, content_hash(other)[:16], reading.STDIN_NAME)
        store = Store.open()
        try:
            piped = store.document(stdin_path, content_hash(text), "t", text=text)
            assert store.document(stdin_path, content_hash(text), "t", text=text) == piped
            unrelated = "一、完全不同的文档\n" + "这里讲的是另外一件事情，和前面的讲话毫无关系。" * 20
            assert store.document(Path(reading.STDIN_NAME, content_hash(unrelated)[:16], reading.STDIN_NAME),
                                  content_hash(unrelated), "u", text=unrelated) != piped
            # An edited version piped in later is the same document, found by its fingerprint.
            assert store.document(other_path, content_hash(other), "t", text=text) == piped
            # The same text opened from a Word file: found by its content.
            docx_path = speech_docx(tmp_path / "zuofeng-speech.docx")
            assert load(docx_path) == text
            assert store.document(docx_path, content_hash(text), "t", text=text) == piped
        finally:
            store.close()


def test_the_app_reads_a_word_file_itself_and_a_text_file_is_read_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A Word file or a PDF can take seconds: the app reads it in the background, counting
    # pages on its status line; what can be told at once (a missing file) is told before.
    from tui import cli
    from tui.app import StudyApp

    started: list[StudyApp] = []
    monkeypatch.setattr(StudyApp, "run", lambda self, *a, **k: started.append(self))
    docx = speech_docx(tmp_path / "speech.docx")
    assert cli.main([str(docx), "--lang", "en"]) == 0
    assert started[-1].workbook.read is not None and started[-1].workbook.text == ""
    started[-1].workbook.open()
    assert started[-1].workbook.opened.find("2") is not None and started[-1].workbook.read is None
    assert cli.main(["quiz", str(SPEECH), "--lang", "en"]) == 0
    assert started[-1].workbook.read is None and started[-1].workbook.text
    assert cli.main([str(tmp_path / "gone.docx"), "--lang", "en"]) == 1
    assert len(started) == 2
