"""End to end in tmux: recite the first part of the framework of `study frame` in pinyin initials (and one heading
in full pinyin), kill the program with SIGKILL, find the answers stored."""

from __future__ import annotations

import os
import shutil
import signal
from pathlib import Path

import pytest

from tests.reliability.terminal import Tmux, alive, start_study, wait_for
from tui.core.store import Store

ROOT = Path(__file__).resolve().parents[2]
# The first part of the bundled speech's framework, as one types it without a Chinese input method:
# 提高政治站位,深化思想认识 / 把握核心要义,校准政治方向 / 对标发展需求,增强行动自觉.
ANSWERS = ["tgzzzwshsxrs", "ba wo he xin yao yi jiao zhun zheng zhi fang xiang", "dbfzxqzqxdzj"]
KEYS = [
    "提高政治站位,深化思想认识 :: § #1",
    "提高政治站位,深化思想认识 / 把握核心要义,校准政治方向 :: § #1",
    "提高政治站位,深化思想认识 / 对标发展需求,增强行动自觉 :: § #1",
]

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")



def test_framework_answers_survive_sigkill(tmux: Tmux, data_dir: Path, tmp_path: Path) -> None:
    pidfile = tmp_path / "pid"
    start_study(tmux, data_dir, pidfile, "frame --lang zh")

    wait_for(lambda: "第 1 空：" in tmux.screen(), "the framework quiz to open")
    wait_for(lambda: "一、 1___" in tmux.screen(), "the headings hidden behind their labels")
    assert "背框架：zuofeng-speech" in tmux.screen() and "提高政治站位" not in tmux.screen()
    for number, answer in enumerate(ANSWERS, start=1):
        tmux("send-keys", "-l", answer)
        wait_for(lambda: answer in tmux.screen(), "the answer in the input")
        tmux("send-keys", "Enter")
        wait_for(lambda: f"第 {number} 空 正确" in tmux.screen(), f"answer {number} graded")

    pid = int(pidfile.read_text().strip())
    os.kill(pid, signal.SIGKILL)
    wait_for(lambda: not alive(pid), "the program to die", timeout=10)

    with Store.open(data_dir) as store:
        [document_id] = {store.find_document(ROOT / "data" / "zuofeng-speech.txt", "")} - {None}
        stored = store.reviews(document_id)
    assert [(review.card_key, review.outcome, review.typed) for review in stored] == [
        (key, "right", answer) for key, answer in zip(KEYS, ANSWERS)
    ]
