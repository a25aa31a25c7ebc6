"""End to end in tmux: answer one blank of `study quiz`, kill the program with SIGKILL, find the answer in stats."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.reliability.terminal import Tmux, alive, start_study, wait_for

ROOT = Path(__file__).resolve().parents[2]
ANSWER = "习近平关于加强党的作风建设论述摘编"  # the first blank of the bundled speech

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")



def test_an_answer_survives_sigkill(tmux: Tmux, data_dir: Path, tmp_path: Path) -> None:
    pidfile = tmp_path / "pid"
    start_study(tmux, data_dir, pidfile, "quiz --lang zh")

    wait_for(lambda: "第 1 空：" in tmux.screen(), "the quiz to open")
    tmux("send-keys", "-l", ANSWER)
    wait_for(lambda: ANSWER in tmux.screen(), "the answer in the input")
    tmux("send-keys", "Enter")
    wait_for(lambda: "第 1 空 正确" in tmux.screen(), "the answer graded")

    pid = int(pidfile.read_text().strip())
    os.kill(pid, signal.SIGKILL)
    wait_for(lambda: not alive(pid), "the program to die", timeout=10)

    result = subprocess.run(
        [sys.executable, "-m", "tui", "stats", "--json"],
        cwd=ROOT, env={**os.environ, "STUDY_DATA_DIR": str(data_dir), "PYTHONIOENCODING": "utf-8"},
        capture_output=True, text=True, encoding="utf-8", timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # the database was closed by no one, and is not damaged
    data = json.loads(result.stdout)
    assert data["totals"]["reviews"] == 1
    preamble = next(section for section in data["sections"] if section["id"] == "1")
    assert (preamble["reviews"], preamble["new"]) == (1, preamble["cards"] - 1)
    assert all(section["reviews"] == 0 for section in data["sections"] if section["id"] != "1")
