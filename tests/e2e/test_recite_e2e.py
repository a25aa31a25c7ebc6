"""End to end in tmux: grade a recited paragraph and submit a typed one, kill the program with SIGKILL, find both."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.reliability.terminal import Tmux, alive, start_study, wait_for

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")



def test_recitals_survive_sigkill(tmux: Tmux, data_dir: Path, tmp_path: Path) -> None:
    pidfile = tmp_path / "pid"
    start_study(tmux, data_dir, pidfile, "--lang zh --section 一、")

    wait_for(lambda: "要点" in tmux.screen(), "the reader with its phrases")
    tmux("send-keys", "p")
    wait_for(lambda: "背诵：" in tmux.screen(), "the recital to open")
    tmux("send-keys", "+", "+")
    wait_for(lambda: "级别 2" in tmux.screen(), "level 2")
    tmux("send-keys", "3")
    wait_for(lambda: "第 2/2 段" in tmux.screen() and "已评 1 段" in tmux.screen(), "the first paragraph graded")
    tmux("send-keys", "w")
    wait_for(lambda: "Ctrl+S" in tmux.screen(), "the typing box")
    tmux("send-keys", "-l", "深刻理解抓作风就是抓发展的辩证关系")
    wait_for(lambda: "辩证关系" in tmux.screen(), "the typed text")
    tmux("send-keys", "C-s")
    wait_for(lambda: "得分" in tmux.screen(), "the typed paragraph scored")

    pid = int(pidfile.read_text().strip())
    os.kill(pid, signal.SIGKILL)
    wait_for(lambda: not alive(pid), "the program to die", timeout=10)

    with sqlite3.connect(data_dir / "study.db") as db:
        rows = db.execute("SELECT card_key, rating, outcome, score FROM reviews ORDER BY id").fetchall()
    assert [(rating, outcome) for _, rating, outcome, _ in rows] == [(3, "recited:2"), (1, "typed")]
    assert all(" ¶ " in key for key, *_ in rows)
    assert rows[1][3] is not None and 0 < rows[1][3] < 0.9

    result = subprocess.run(
        [sys.executable, "-m", "tui", "stats", "--json"],
        cwd=ROOT, env={**os.environ, "STUDY_DATA_DIR": str(data_dir), "PYTHONIOENCODING": "utf-8"},
        capture_output=True, text=True, encoding="utf-8", timeout=120,
    )
    assert result.returncode == 0 and result.stderr == ""
    assert json.loads(result.stdout)["orphaned"] == []  # the passage cards are the text's own
