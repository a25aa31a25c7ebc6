"""Two studies on one database at once, answering in turn: every answer stored once, none lost."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from tests.reliability.terminal import HAVE_TMUX, Tmux, wait_for

ROOT = Path(__file__).resolve().parents[2]
ANSWERS = 3  # per study

pytestmark = pytest.mark.skipif(not HAVE_TMUX, reason="tmux is not installed")


@pytest.fixture
def two():
    servers = (Tmux(), Tmux())
    yield servers
    for server in servers:
        server.close()


def start_quiz(tmux: Tmux, data_dir: Path) -> None:
    program = f"{shlex.quote(sys.executable)} -m tui quiz --lang zh"
    tmux.start(f"cd {shlex.quote(str(ROOT))} && STUDY_DATA_DIR={shlex.quote(str(data_dir))} {program}")


def test_two_studies_answering_in_turn_keep_every_answer_once(two: tuple[Tmux, Tmux], data_dir: Path) -> None:
    for tmux in two:
        start_quiz(tmux, data_dir)
    for tmux in two:
        wait_for(lambda tmux=tmux: "第 1 空：" in tmux.screen(), "a quiz to open")
    # Enter on an empty bar shows the answer: a review rated Again, whatever the blank is.
    for number in range(1, ANSWERS + 1):
        for tmux in two:
            tmux("send-keys", "Enter")
        for tmux in two:
            wait_for(lambda tmux=tmux: f"第 {number} 空 已显示" in tmux.screen(), f"blank {number} shown")
    for tmux in two:
        tmux("send-keys", "Escape")
        wait_for(lambda tmux=tmux: "退出" in tmux.screen() and "第 1 空" not in tmux.screen(), "back in the reader")
        tmux("send-keys", "q")

    def stats() -> dict[str, object] | None:
        result = subprocess.run(
            [sys.executable, "-m", "tui", "stats", "--json"],
            cwd=ROOT,
            env={**os.environ, "STUDY_DATA_DIR": str(data_dir), "PYTHONIOENCODING": "utf-8"},
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,
        )
        return json.loads(result.stdout) if result.returncode == 0 else None

    data = wait_for(stats, "the stats")
    assert isinstance(data, dict)
    assert data["totals"]["reviews"] == 2 * ANSWERS  # type: ignore[index]
    opening = next(s for s in data["sections"] if s["id"] == "1")  # type: ignore[attr-defined]
    # The same three blanks answered by each: three cards with two reviews each.
    assert (opening["reviews"], opening["new"]) == (2 * ANSWERS, opening["cards"] - ANSWERS)
