"""End-to-end: a Word file, and a document piped in, opened by the real `study` in tmux."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import pytest

from tests.core.formats.fixtures import speech_docx
from tests.e2e.test_reader_e2e import Terminal, breadcrumb, outline_shown, ready, terminal  # noqa: F401

pytest.importorskip("docx")


def test_a_word_file_opens_with_its_outline_and_text(terminal: Terminal, tmp_path: Path) -> None:  # noqa: F811
    path = speech_docx(tmp_path / "zuofeng-speech.docx")
    terminal.start(str(path))
    screen = terminal.wait_for(ready, "the Word file's outline and text")
    left = [line.split("▕", 1)[0] for line in screen.splitlines() if "▕" in line]
    assert left[0].strip() == "zuofeng-speech"
    # The automatic numbers are in the headings, as the reader sees them in Word.
    assert any("一、提高政治站位" in line for line in left)
    terminal.press("]")
    terminal.wait_for(lambda s: breadcrumb(s) == "一、提高政治站位,深化思想认识", "the first heading")
    terminal.press("q")
    assert terminal.wait_for_exit() == "EXIT:0"


def test_a_document_piped_in_is_the_same_document_as_its_file(terminal: Terminal, tmp_path: Path) -> None:  # noqa: F811
    path = speech_docx(tmp_path / "zuofeng-speech.docx")
    pipe = f"cat {shlex.quote(str(path))} | {shlex.quote(sys.executable)} -m tui -"
    terminal.start(program=("sh", "-c", pipe))
    screen = terminal.wait_for(ready, "the piped document")
    assert "<stdin>" in screen  # no title of its own: named after where it came from
    # Keys reach it although standard input was the pipe.
    terminal.press("]", "]", "]", "]")
    terminal.wait_for(lambda s: breadcrumb(s) == "二、坚持问题导向,精准靶向施策", "二、")
    terminal.press("q")
    assert terminal.wait_for_exit() == "EXIT:0"

    # The Word file holds the same text: it is found by its content and opens where the pipe was left.
    terminal.start(str(path))
    screen = terminal.wait_for(outline_shown, "the Word file")
    assert breadcrumb(screen) == "二、坚持问题导向,精准靶向施策"
    terminal.press("q")
    assert terminal.wait_for_exit() == "EXIT:0"


def test_standard_input_that_is_not_the_terminal_still_leaves_the_keys_to_it(terminal: Terminal) -> None:  # noqa: F811
    # study FILE < /dev/null (or under nohup): keys come from the terminal, not from the end of a file.
    study = f"{shlex.quote(sys.executable)} -m tui data/zuofeng-speech.txt < /dev/null"
    terminal.start(program=("sh", "-c", study))
    terminal.wait_for(ready, "the document")
    terminal.press("]")
    terminal.wait_for(lambda s: breadcrumb(s) == "一、提高政治站位,深化思想认识", "the first heading")
    terminal.press("q")
    assert terminal.wait_for_exit() == "EXIT:0"
