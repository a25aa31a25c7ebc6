"""End-to-end tests: the real `study` in a real terminal (tmux), driven by keys and read off the screen."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WIDTH, HEIGHT = 100, 30
DEADLINE = 30.0  # seconds; generous for a loaded 2-core machine, and only spent on failure

OUTLINE = [
    "一、提高政治站位",
    "二、坚持问题导向",
    "三、强化责任担当",
    "四、建立长效机制",
]

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


class Terminal:
    """One `study` running in its own tmux server (a unique socket), and its exit status once it ends."""

    def __init__(self, data_dir: Path, work_dir: Path) -> None:
        self.socket = f"study-e2e-{uuid.uuid4().hex[:12]}"
        self.data_dir = data_dir
        self.status_file = work_dir / f"{self.socket}.status"
        self.socket_path: Path | None = None
        # Our own configuration, not the user's: detached sessions take their size from it.
        self.config = work_dir / f"{self.socket}.conf"
        self.config.write_text(f"set -g default-size {WIDTH}x{HEIGHT}\nset -g status off\n")

    def tmux(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        environment = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "TMUX")}
        return subprocess.run(
            ["tmux", "-L", self.socket, "-f", str(self.config), *args],
            env=environment,
            capture_output=True,
            text=True,
            check=check,
            timeout=10,
        )

    def start(self, *arguments: str, program: tuple[str, ...] = (sys.executable, "-m", "tui")) -> None:
        # A study that just exited may still have its shell writing the status: its
        # session must be gone before a new one of the same name can start.
        deadline = time.monotonic() + DEADLINE
        while self.tmux("has-session", "-t", "study", check=False).returncode == 0:
            if time.monotonic() > deadline:
                pytest.fail("the previous study's session never ended")
            time.sleep(0.05)
        self.status_file.unlink(missing_ok=True)
        study = " ".join(shlex.quote(part) for part in [*program, *arguments])
        command = (
            f"cd {shlex.quote(str(ROOT))} && "
            # COLUMNS and LINES (set by the test runner's environment) would override the pane's size.
            f"env -u COLUMNS -u LINES STUDY_DATA_DIR={shlex.quote(str(self.data_dir))} STUDY_LANG=zh {study}; "
            f"echo EXIT:$? > {shlex.quote(str(self.status_file))}"
        )
        self.tmux("new-session", "-d", "-s", "study", "-x", str(WIDTH), "-y", str(HEIGHT), "sh", "-c", command)
        found = self.tmux("display-message", "-p", "#{socket_path}", check=False).stdout.strip()
        self.socket_path = Path(found) if found else self.socket_path

    def screen(self) -> str:
        result = self.tmux("capture-pane", "-p", "-t", "study", check=False)
        return result.stdout if result.returncode == 0 else ""

    def press(self, *keys: str) -> None:
        for key in keys:
            self.tmux("send-keys", "-t", "study", "-l", key)

    def wait_for(self, condition: Callable[[str], bool], what: str) -> str:
        """Poll the screen until `condition` holds, or fail after the deadline showing the screen."""
        deadline = time.monotonic() + DEADLINE
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if condition(screen):
                return screen
            time.sleep(0.05)  # between polls only: the wait itself is for the condition
        pytest.fail(f"timed out waiting for {what}; the screen was:\n{screen}")

    def wait_for_exit(self) -> str:
        deadline = time.monotonic() + DEADLINE
        while time.monotonic() < deadline:
            if self.status_file.exists() and self.status_file.read_text().strip():
                return self.status_file.read_text().strip()
            time.sleep(0.05)
        pytest.fail(f"study did not exit; the screen was:\n{self.screen()}")

    def stop(self) -> None:
        self.tmux("kill-server", check=False)
        if self.socket_path is not None:
            self.socket_path.unlink(missing_ok=True)  # tmux leaves the socket file behind


@pytest.fixture
def terminal(data_dir: Path, tmp_path: Path) -> Iterator[Terminal]:
    term = Terminal(data_dir, tmp_path)
    try:
        yield term
    finally:
        term.stop()


def breadcrumb(screen: str) -> str:
    """The first line right of the outline's border: the path of the section in view."""
    first = screen.splitlines()[0] if screen else ""
    return first.split("▕", 1)[1].strip() if "▕" in first else ""


def outline_shown(screen: str) -> bool:
    """The outline is drawn and the phrases are found (the status line counts them)."""
    return all(heading in screen for heading in OUTLINE) and "要点" in screen


def ready(screen: str) -> bool:
    """Opened at the start: the outline and the opening of the speech."""
    return outline_shown(screen) and "同志们" in screen


def test_the_outline_and_the_speech_are_on_screen(terminal):
    terminal.start()
    screen = terminal.wait_for(ready, "the outline and the text")
    lines = screen.rstrip("\n").splitlines()
    # The outline on the left, in order, with its opening and closing.
    left = [line.split("▕", 1)[0] for line in lines if "▕" in line]
    rows = [next(i for i, line in enumerate(left) if heading in line) for heading in OUTLINE]
    assert rows == sorted(rows)
    assert left[0].strip() == "zuofeng-speech"  # the title heads the outline
    assert left[1].startswith("开篇")
    assert any(line.startswith("结语") for line in left)
    # The text on the right, starting at the opening.
    assert breadcrumb(screen) == "开篇"
    assert "今天,我们召开理论学习中心组学习研讨会" in screen
    # The footer speaks Chinese.
    assert "搜索" in lines[-1] and "退出" in lines[-1]


def test_keys_move_between_sections(terminal):
    terminal.start()
    terminal.wait_for(ready, "the reader")
    terminal.press("]")
    terminal.wait_for(lambda s: breadcrumb(s) == "一、提高政治站位,深化思想认识", "the first heading")
    terminal.press("]")
    screen = terminal.wait_for(lambda s: breadcrumb(s).endswith("(一)把握核心要义,校准政治方向"), "(一)")
    assert "习近平总书记强调" in screen
    # j in the outline goes on to the next section; k comes back.
    terminal.press("j")
    screen = terminal.wait_for(lambda s: breadcrumb(s).endswith("(二)对标发展需求,增强行动自觉"), "(二)")
    assert "深刻理解“抓作风就是抓发展”的辩证关系" in screen
    terminal.press("k", "[")
    terminal.wait_for(lambda s: breadcrumb(s) == "一、提高政治站位,深化思想认识", "back at the first heading")


def test_search_finds_a_phrase_in_another_section(terminal):
    terminal.start()
    terminal.wait_for(ready, "the reader")
    terminal.press("/")
    terminal.wait_for(lambda s: "Esc" in s, "the search input")
    terminal.press("长效机制")
    terminal.tmux("send-keys", "-t", "study", "Enter")
    screen = terminal.wait_for(lambda s: "第 1/" in s, "the first match")
    assert breadcrumb(screen).startswith("四、建立长效机制")


def test_q_quits_with_status_zero(terminal):
    terminal.start()
    terminal.wait_for(ready, "the reader")
    terminal.press("q")
    assert terminal.wait_for_exit() == "EXIT:0"


def test_reopening_returns_to_the_section_left(terminal):
    terminal.start()
    terminal.wait_for(ready, "the reader")
    terminal.press("]", "]", "]", "]")
    terminal.wait_for(lambda s: breadcrumb(s) == "二、坚持问题导向,精准靶向施策", "二、")
    terminal.press("q")
    assert terminal.wait_for_exit() == "EXIT:0"

    terminal.start()  # the store knows a document now: the library, the speech in it
    terminal.wait_for(lambda s: "书库：1 份文档" in s and "zuofeng-speech" in s, "the library")
    terminal.tmux("send-keys", "-t", "study", "Enter")
    screen = terminal.wait_for(outline_shown, "the reader, reopened")
    assert breadcrumb(screen) == "二、坚持问题导向,精准靶向施策"
    terminal.press("q")
    terminal.wait_for(lambda s: "书库：1 份文档" in s, "back in the library")
    terminal.press("q")
    assert terminal.wait_for_exit() == "EXIT:0"


def test_a_section_option_opens_there_in_english(terminal):
    terminal.start("--section", "5.2", "--lang", "en")
    screen = terminal.wait_for(lambda s: "Search" in s and "key phrases" in s, "the English reader")
    assert breadcrumb(screen) == "四、建立长效机制,巩固建设成果 › (二)持续跟踪问效,确保常态长效"
    terminal.press("q")
    assert terminal.wait_for_exit() == "EXIT:0"


def test_the_title_heads_the_outline_and_names_the_terminal_window(terminal):
    terminal.start()
    screen = terminal.wait_for(ready, "the reader")
    assert screen.splitlines()[0].strip().startswith("zuofeng-speech")
    title = terminal.tmux("display-message", "-p", "-t", "study", "#{pane_title}").stdout.strip()
    assert title == "zuofeng-speech — study"
    terminal.press("q")
    assert terminal.wait_for_exit() == "EXIT:0"


SLOW_EXTRACTION = """
import sys, time
from tui.core.workbook import Workbook
Workbook.find_phrases = lambda self: time.sleep(600)  # as on a document of many megabytes
from tui.cli import main
sys.exit(main())
"""


def test_q_while_the_phrases_are_still_being_found_quits_at_once(terminal, tmp_path):
    # Extraction runs in a thread; leaving must not wait for it to finish.
    launcher = tmp_path / "slow_study.py"
    launcher.write_text(SLOW_EXTRACTION, encoding="utf-8")
    terminal.start(program=(sys.executable, str(launcher)))
    terminal.wait_for(lambda s: ready(s) and "正在找出要点" in s, "the reader, still finding phrases")
    started = time.monotonic()
    terminal.press("q")
    assert terminal.wait_for_exit() == "EXIT:0"
    assert time.monotonic() - started < 10
