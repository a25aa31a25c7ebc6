"""End to end in tmux: quiz two documents, then `study` opens the library and `r` reviews the cards due in both."""

from __future__ import annotations

import shlex
import shutil
import sqlite3
import sys
import time
from pathlib import Path

import pytest

from tests.app.test_library_screen import FIRST, SECOND  # the same two notes as the screen's tests
from tests.reliability.terminal import Tmux, alive, wait_for

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def run_study(data_dir: Path, *arguments: str) -> Tmux:
    """`study ARGUMENTS` in a tmux of its own, with the store in `data_dir`."""
    program = " ".join(shlex.quote(part) for part in (sys.executable, "-m", "tui", *arguments, "--lang", "zh"))
    server = Tmux()
    server.start(f"cd {shlex.quote(str(ROOT))} && STUDY_DATA_DIR={shlex.quote(str(data_dir))} exec {program}", 110, 30)
    return server


def ended(server: Tmux, pid: int) -> None:
    wait_for(lambda: not alive(pid), "study to end", timeout=20)
    server.close()


def reviews_by_document(data_dir: Path) -> dict[str, int]:
    with sqlite3.connect(data_dir / "study.db") as db:
        rows = db.execute(
            "SELECT documents.title, COUNT(reviews.id) FROM documents LEFT JOIN reviews "
            "ON reviews.document_id = documents.id GROUP BY documents.id"
        ).fetchall()
    return dict(rows)


def test_review_across_two_documents(data_dir: Path, tmp_path: Path) -> None:
    for name, text in (("first.txt", FIRST), ("second.txt", SECOND)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        server = run_study(data_dir, "quiz", str(path))
        pid = int(server("display-message", "-p", "#{pane_pid}").stdout.strip())
        wait_for(lambda: "第 1 空：" in server.screen(), f"the quiz of {name}")
        server("send-keys", "Enter")  # an empty answer shows it: rated Again, and stored
        wait_for(lambda: "第 1 空 已显示" in server.screen(), "the answer shown")
        server("send-keys", "Escape")
        wait_for(lambda: "第 1 空" not in server.screen(), "back in the reader")
        server("send-keys", "q")
        ended(server, pid)
    assert reviews_by_document(data_dir) == {"第一份笔记": 1, "第二份笔记": 1}

    # Answered cards come back later: make them due now.
    with sqlite3.connect(data_dir / "study.db") as db:
        db.execute("UPDATE cards SET due = ?", (time.time() - 60,))

    server = run_study(data_dir)
    pid = int(server("display-message", "-p", "#{pane_pid}").stdout.strip())
    wait_for(lambda: "书库：3 份文档" in server.screen(), "the library")
    screen = server.screen()
    assert "第一份笔记" in screen and "第二份笔记" in screen and "zuofeng-speech.txt" in screen
    assert "现在到期 2 张卡片，在 2 份文档里" in screen
    server("send-keys", "r")
    wait_for(lambda: "复习：全部文档" in server.screen(), "the review across the library")
    titles = set()
    for number in (1, 2):
        wait_for(lambda: f"第 {number} 空：" in server.screen() and "笔记 › " in server.screen(), f"card {number}")
        screen = server.screen()
        titles |= {title for title in ("第一份笔记 › ", "第二份笔记 › ") if title in screen}
        server("send-keys", "Enter")
        wait_for(lambda: f"第 {number} 空 已显示" in server.screen(), f"card {number} answered")
        server("send-keys", "Enter")  # on to the next card, or the summary
    assert titles == {"第一份笔记 › ", "第二份笔记 › "}  # each card under its own document's title
    wait_for(lambda: "本轮小结" in server.screen(), "the summary")
    assert reviews_by_document(data_dir) == {"第一份笔记": 2, "第二份笔记": 2}
    server("send-keys", "Escape")
    wait_for(lambda: "现在没有到期的卡片" in server.screen(), "back in the library, nothing due")
    server("send-keys", "q")
    ended(server, pid)
