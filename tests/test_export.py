"""`study export`: an Anki package and worksheets from the command line, and every way it can go wrong."""

from __future__ import annotations

import errno
import os
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tui import cli
from tui.core import anki
from tui.core.loader import load
from tui.core.phrase_edits import edit_phrase
from tui.core.sanitize import is_unsafe
from tui.core.store import Store
from tui.core.workbook import Workbook

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "data" / "zuofeng-speech.txt"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(["export", *args])
    out, err = capsys.readouterr()
    return code, out, err


def notes_in(path: Path, tmp_path: Path) -> list[tuple[str, str, str]]:
    with zipfile.ZipFile(path) as package:
        package.extract("collection.anki2", tmp_path)
    db = sqlite3.connect(tmp_path / "collection.anki2")
    try:
        return db.execute("select guid, flds, tags from notes order by id").fetchall()
    finally:
        db.close()


class TestAnki:
    def test_the_bundled_speech_as_a_deck(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        target = tmp_path / "speech.apkg"
        code, out, err = run(capsys, str(BUNDLED), "--anki", str(target), "--lang", "en")
        assert (code, err) == (0, "")
        notes = notes_in(target, tmp_path)
        assert out == f"Wrote {target}: {len(notes)} notes, {sum(f.count('{{c') for _, f, _ in notes)} clozes\n"
        assert len(notes) > 15
        for _guid, fields, tags in notes:
            text, context = fields.split("\x1f")
            numbers = [int(part.split("::")[0]) for part in text.split("{{c")[1:]]
            assert numbers == list(range(1, len(numbers) + 1))  # c1..cn in reading order
            assert context and tags.strip().startswith("study::")
            assert " " not in tags.strip().split(" ")[0]
        assert any("一、提高政治站位,深化思想认识 › (一)把握核心要义,校准政治方向" == f.split("\x1f")[1] for _, f, _ in notes)

    def test_exporting_again_after_study_keeps_every_note_id(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        first, second = tmp_path / "a" / "s.apkg", tmp_path / "b" / "s.apkg"
        first.parent.mkdir()
        second.parent.mkdir()
        assert run(capsys, str(BUNDLED), "--anki", str(first))[0] == 0
        assert run(capsys, str(BUNDLED), "--anki", str(second), "--worksheet", str(tmp_path / "s.html"))[0] == 0
        assert [n[0] for n in notes_in(first, first.parent)] == [n[0] for n in notes_in(second, second.parent)]
        assert (tmp_path / "s.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


class TestWorksheet:
    def test_a_section_of_the_speech_as_markdown(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        target = tmp_path / "二.md"
        code, out, err = run(capsys, str(BUNDLED), "--worksheet", str(target), "--section", "二", "--lang", "zh")
        assert (code, err) == (0, "")
        assert out == f"已写入 {target}：11 个空\n"
        sheet = target.read_text(encoding="utf-8")
        assert sheet.startswith("# zuofeng-speech\n\n## 二、坚持问题导向,精准靶向施策\n\n### (一)深入查摆问题,找准作风顽疾\n")
        assert "一、提高" not in sheet and "（12）" not in sheet
        assert "## 答案\n\n**二、(一)深入查摆问题,找准作风顽疾**：（1）自我剖析、群众评议、上级督查" in sheet

    def test_the_users_phrase_edits_are_what_is_exported(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        store = Store.open()
        workbook = Workbook(BUNDLED, load(BUNDLED), store)
        workbook.open()
        workbook.use_phrases(workbook.find_phrases())
        edit_phrase(workbook, "2.1", "remove", "两个确立")
        store.close()
        target = tmp_path / "s.md"
        assert run(capsys, str(BUNDLED), "--worksheet", str(target), "--section", "2.1", "--lang", "en")[0] == 0
        sheet = target.read_text(encoding="utf-8")
        text, key = sheet.split("## Answers")
        assert "捍卫“两个确立”" in text and "两个确立" not in key  # kept in the text, no longer a blank
        assert "）两个维护" in key
        assert text.startswith("# zuofeng-speech\n\n## 一、(一)把握核心要义,校准政治方向\n")


BAD_DOCUMENT = "Hello there.\n"


class TestBadInput:
    @pytest.mark.parametrize(
        ("args", "message"),
        [
            ([], "Say what to export: --anki FILE.apkg or --worksheet FILE.md|FILE.html"),
            (["--anki", "{dir}/deck.zip"], "{dir}/deck.zip: an Anki deck's file name must end in .apkg"),
            (["--worksheet", "{dir}/sheet.pdf"], "{dir}/sheet.pdf: a worksheet's file name must end in .md or .html"),
            (["--worksheet", "{dir}/missing/sheet.md"], "{dir}/missing/sheet.md: cannot be written (no such folder)"),
            (["--anki", "{dir}/taken.apkg"], "{dir}/taken.apkg: cannot be written (Is a directory)"),
            (["--worksheet", "{dir}/s.md", "--section", "九、[b]"], "No such section: 九、[b] (study outline lists them)"),
        ],
        ids=["nothing", "anki extension", "worksheet extension", "no such folder", "a folder", "bad section"],
    )
    def test_one_line_exit_one_and_no_file(
        self, args: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        (tmp_path / "taken.apkg").mkdir()
        before = sorted(tmp_path.iterdir())
        code, out, err = run(capsys, str(BUNDLED), *[arg.format(dir=tmp_path) for arg in args], "--lang", "en")
        assert (code, out, err) == (1, "", f"study: {message.format(dir=tmp_path)}\n")
        assert sorted(tmp_path.iterdir()) == before

    def test_why_a_file_cannot_be_written_is_said_in_chinese_too(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        target = tmp_path / "missing" / "sheet.md"
        code, out, err = run(capsys, str(BUNDLED), "--worksheet", str(target), "--lang", "zh")
        assert (code, out, err) == (1, "", f"study: {target}：无法写入（文件夹不存在）\n")

    def test_a_document_without_blanks(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        source = tmp_path / "hello.txt"
        source.write_text(BAD_DOCUMENT, encoding="utf-8")
        code, out, err = run(capsys, str(source), "--worksheet", str(tmp_path / "s.md"), "--lang", "zh")
        assert (code, out, err) == (1, "", f"study: {source}：没有可以挖空的要点\n")
        assert not (tmp_path / "s.md").exists()

    def test_a_missing_document(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, err = run(capsys, str(tmp_path / "gone.txt"), "--anki", str(tmp_path / "s.apkg"), "--lang", "en")
        assert (code, out, err) == (1, "", f"study: {tmp_path / 'gone.txt'}: no such file\n")

    def test_the_document_itself_is_never_overwritten(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        source = tmp_path / "notes.md"
        source.write_bytes(BUNDLED.read_bytes())
        code, out, err = run(capsys, str(source), "--worksheet", str(source), "--lang", "en")
        assert (code, out) == (1, "")
        assert err == f"study: {source}: is the document being exported; it is not overwritten\n"
        assert source.read_bytes() == BUNDLED.read_bytes()

    def test_a_failure_while_writing_leaves_the_old_file_and_no_part(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        def disk_full(notes: object, title: str, path: Path) -> None:
            path.write_bytes(b"PK half a package")
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(anki, "write_apkg", disk_full)
        target = tmp_path / "deck.apkg"
        target.write_bytes(b"the deck exported yesterday")
        code, out, err = run(capsys, str(BUNDLED), "--anki", str(target), "--lang", "en")
        assert (code, out, err) == (1, "", f"study: {target}: cannot be written (no space left on the disk)\n")
        assert target.read_bytes() == b"the deck exported yesterday"
        assert list(tmp_path.iterdir()) == [target]

    def test_a_file_name_with_escapes_reaches_the_terminal_safe(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        target = tmp_path / "s\x1b]0;PWNED\x07.md"
        code, out, err = run(capsys, str(BUNDLED), "--worksheet", str(target), "--section", "5")
        assert (code, err) == (0, "")
        assert target.exists() and not [ch for ch in out if is_unsafe(ch) and ch != "\n"]


def test_help_names_both_outputs(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["export", "--help"])
    out = capsys.readouterr().out
    assert "--anki FILE.apkg" in out and "--worksheet FILE.md|FILE.html" in out and "--section SECTION" in out


def test_genanki_is_imported_only_to_write_a_deck() -> None:
    code = (
        "import sys\n"
        "import tui.cli, tui.export, tui.core.anki, tui.core.worksheet\n"
        "assert 'genanki' not in sys.modules, 'genanki imported'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stderr) == (0, "")


def test_a_document_from_standard_input(tmp_path: Path) -> None:
    target = tmp_path / "s.md"
    result = subprocess.run(
        [sys.executable, "-m", "tui", "export", "-", "--worksheet", str(target), "--section", "5", "--lang", "en"],
        cwd=ROOT, input=BUNDLED.read_text(encoding="utf-8"), capture_output=True, text=True, encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8"}, timeout=120,
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert target.read_text(encoding="utf-8").startswith("# \\<stdin\\>\n\n## 四、")  # <stdin> as text, not a tag
