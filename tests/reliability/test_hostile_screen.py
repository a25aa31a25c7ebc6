"""A hostile document in the real program, in a real terminal: the quiz opens, the terminal is untouched."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import pytest

from tests.reliability.terminal import HAVE_TMUX, Tmux, alive, children, end, wait_for

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(not HAVE_TMUX, reason="tmux is not installed")


def test_quiz_of_a_file_with_escapes_and_page_breaks(tmp_path: Path, data_dir: Path) -> None:
    path = tmp_path / "hostile.md"
    path.write_bytes(
        b"# Notes\n\n"
        b'Intro "quoted phrase one" here. \x1b]0;PWNED\x1b\\ \x1b]52;c;SGVsbG8=\x1b\\ end.\n\n'
        b'The rule \x0b\x0c\x0b is "stay humble and work hard".\n'  # Rich drops these when drawing: offsets went wrong
    )
    tmux = Tmux()
    try:
        shell = tmux.start(
            f"cd {shlex.quote(str(ROOT))} && STUDY_DATA_DIR={shlex.quote(str(data_dir))} "
            f"{shlex.quote(sys.executable)} -m tui quiz {shlex.quote(str(path))} --lang en; sleep 60"
        )
        try:
            study = wait_for(lambda: children(shell), "the shell to start study")[0]
            wait_for(lambda: "Blank 1" in tmux.screen(), "the quiz to open")
            tmux("send-keys", "-l", "quoted phrase one")
            tmux("send-keys", "Enter")
            wait_for(lambda: "1 of " in tmux.screen(), "the first answer graded", timeout=10)
            screen = tmux.screen()
            assert "stay humble" not in screen  # a blank still
            assert "Traceback" not in screen and "Error" not in screen
            assert alive(study)
            assert "PWNED" not in tmux.title()
        finally:
            end(children(shell))
    finally:
        tmux.close()
