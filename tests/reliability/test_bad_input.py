"""Every command against every kind of bad or hostile file: one line and exit 1, or safe output; never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tui import cli
from tui.app import StudyApp
from tui.core.sanitize import is_unsafe

ROOT = Path(__file__).resolve().parents[2]

# The commands that print, and those that open the app (checked up to the point where the
# app would start: the file is loaded, the store opened, the app given the text).
PRINTING = [
    ["outline"], ["outline", "--json"], ["phrases"], ["phrases", "--json"], ["stats"], ["stats", "--json"],
    ["exam"], ["exam", "--json"],
]
APP = [[], ["quiz"], ["review"]]
COMMANDS = PRINTING + APP


def _ids(command: list[str]) -> str:
    return " ".join(command) or "open"


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


# name -> (how to make it in a folder, the word its message holds)
BAD: dict[str, tuple[Callable[[Path], Path], str]] = {
    "missing": (lambda d: d / "missing.txt", "no such file"),
    "folder": (lambda d: d, "folder"),
    "fifo": (lambda d: _fifo(d / "pipe.txt"), "not a regular file"),
    "/dev/null": (lambda d: Path("/dev/null"), "not a regular file"),
    "/dev/zero": (lambda d: Path("/dev/zero"), "not a regular file"),
    "binary": (lambda d: _write(d / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4), "binary"),
    "empty": (lambda d: _write(d / "empty.txt", b""), "empty"),
    "whitespace": (lambda d: _write(d / "blank.txt", " \n\u3000\n\t\x0c\n".encode("utf-8")), "empty"),
    "undecodable": (lambda d: _write(d / "garbled.txt", bytes(range(0x80, 0x100)) * 20), "encoding"),
}

PROSE = (
    '# Notes\n\n## Rules\n\nThe rule is "stay humble and work hard". Said twice: "stay humble and work hard".\n'
    + "An ordinary line of text, long enough that a few stray controls stay under one in a hundred.\n" * 6
)
HOSTILE: dict[str, bytes] = {
    "control characters": (PROSE + "Bell\x07 back\x08 vt\x0b ff\x0c del\x7f c1\u0085 nul-free.\n").encode("utf-8"),
    "escape sequences": (
        PROSE + 'Intro "quoted phrase one" here. \x1b]0;PWNED\x1b\\ \x1b]52;c;SGVsbG8=\x1b\\ \x1b[2J\x1b[31mred\x1b[0m end.\n'
        "## \x1b[5mBlinking\x1b[0m heading\n\nText \x1bc after a reset.\n"
    ).encode("utf-8"),
    "bidi overrides": (PROSE + "## \u202eroF\u202c heading\n\nA file named \u202etxt.exe\u202c and \u2066isolated\u2069 text.\n").encode("utf-8"),
    "a 1 MB line": b"# Notes\n\n" + b"x" * (1024 * 1024) + b"\n",
}


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[StudyApp]:
    """The apps the app commands would run; none is run."""
    apps: list[StudyApp] = []
    monkeypatch.setattr(StudyApp, "run", lambda self, *a, **k: apps.append(self))
    return apps


def run(capsys: pytest.CaptureFixture[str], args: list[str]) -> tuple[int, str, str]:
    code = cli.main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("command", COMMANDS, ids=_ids)
@pytest.mark.parametrize("case", list(BAD))
def test_a_bad_file_is_one_line_and_exit_one(command, case, tmp_path, capsys, started) -> None:
    make, word = BAD[case]
    path = make(tmp_path)
    code, out, err = run(capsys, [*command, str(path), "--lang", "en"])
    assert (code, out) == (1, "")
    assert err.count("\n") == 1 and err.startswith(f"study: {path}: ")
    assert word in err
    assert started == []


@pytest.mark.parametrize("command", COMMANDS, ids=_ids)
@pytest.mark.parametrize("case", list(HOSTILE))
def test_a_hostile_file_never_reaches_the_terminal_raw(command, case, tmp_path, capsys, started) -> None:
    path = _write(tmp_path / "hostile.md", HOSTILE[case])
    code, out, err = run(capsys, [*command, str(path), "--lang", "en"])
    assert (code, err) == (0, "")
    assert not [ch for ch in out if is_unsafe(ch) and ch not in "\n\t"]
    if command in APP:
        [app] = started
        assert not [ch for ch in app.workbook.text if is_unsafe(ch) and ch not in "\n\t"]
        assert app.start_mode == (command[0] if command else "read")
    else:
        assert out


@pytest.mark.parametrize("command", PRINTING, ids=_ids)
def test_a_file_name_that_holds_escapes(command, tmp_path, capsys) -> None:
    # No heading in the text: the title comes from the file name.
    path = _write(tmp_path / "notes\x1b]0;PWNED\x07\u009b2J\u202e.txt", b'Plain text, "without headings" here.\n')
    code, out, err = run(capsys, [*command, str(path), "--lang", "en"])
    assert (code, err) == (0, "")
    assert not [ch for ch in out if is_unsafe(ch) and ch not in "\n\t"]


@pytest.mark.parametrize("command", COMMANDS, ids=_ids)
def test_a_missing_file_whose_name_holds_escapes(command, tmp_path, capsys, started) -> None:
    path = tmp_path / "gone\x1b[2J\x1b]52;c;SGVsbG8=\x07.txt"
    code, out, err = run(capsys, [*command, str(path), "--lang", "zh"])
    assert (code, out) == (1, "")
    assert err.count("\n") == 1 and not [ch for ch in err if is_unsafe(ch) and ch != "\n"]
    assert "没有这个文件" in err


def test_usage_errors_quote_arguments_safely(capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        cli.main(["outline", "one.txt", "two\x1b]0;PWNED\x07.txt"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "unrecognized arguments" in err and "\x1b" not in err and "\x07" not in err


@pytest.mark.parametrize("command", [["outline"], ["phrases"], ["stats"]], ids=_ids)
def test_a_section_option_that_looks_like_markup(command, tmp_path, capsys) -> None:
    # These commands take no --section: a usage error, never a traceback.
    path = _write(tmp_path / "notes.md", PROSE.encode("utf-8"))
    with pytest.raises(SystemExit) as exit_:
        cli.main([*command, str(path), "--section", "[/x]"])
    assert exit_.value.code == 2
    assert "unrecognized arguments: --section [/x]" in capsys.readouterr().err


def test_quiz_hands_a_section_that_looks_like_markup_to_the_app(tmp_path, capsys, started) -> None:
    path = _write(tmp_path / "notes.md", PROSE.encode("utf-8"))
    assert run(capsys, ["quiz", str(path), "--section", "[/x]"])[:2] == (0, "")
    assert started[0].start_section == "[/x]"


class TestRealProcess:
    """The same as a user runs it: bytes on a real stdout and stderr."""

    def study(self, *args: str) -> subprocess.CompletedProcess[bytes]:
        env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
        return subprocess.run([sys.executable, "-m", "tui", *args], cwd=ROOT, env=env, capture_output=True, timeout=60)

    def test_no_escape_byte_in_the_output_of_a_hostile_file(self, tmp_path) -> None:
        path = _write(tmp_path / "osc\x1b[2J.md", HOSTILE["escape sequences"] + HOSTILE["control characters"])
        result = self.study("phrases", str(path))
        assert (result.returncode, result.stderr) == (0, b"")
        assert b"\x1b" not in result.stdout and b"\x07" not in result.stdout and b"\xc2\x9b" not in result.stdout
        assert b"stay humble and work hard" in result.stdout

    @pytest.mark.parametrize("case", ["fifo", "/dev/zero", "undecodable"])
    def test_no_traceback(self, tmp_path, case) -> None:
        path = BAD[case][0](tmp_path)
        result = self.study("stats", str(path), "--lang", "en")
        assert result.returncode == 1
        assert b"Traceback" not in result.stderr and result.stderr.count(b"\n") == 1


@pytest.mark.parametrize("command", APP, ids=_ids)
def test_no_terminal_at_all_is_one_line_and_exit_one(command, tmp_path) -> None:
    # Run from cron or a service: no terminal to draw in or take keys from. The app would
    # draw into the void and read end-of-file for ever; it says so and ends instead.
    result = subprocess.run(
        [sys.executable, "-m", "tui", *command, str(ROOT / "data" / "zuofeng-speech.txt"), "--lang", "en"],
        stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60, cwd=ROOT,
        env=dict(os.environ, STUDY_DATA_DIR=str(tmp_path)),
        start_new_session=True,  # no controlling terminal: /dev/tty cannot be opened
    )
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == "study: no terminal to show the app in; study outline, study phrases and study export work without one\n"
