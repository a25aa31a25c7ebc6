"""The terminal goes away (tmux session killed, SIGHUP, SIGTERM): study saves, exits at once, never spins."""

from __future__ import annotations

import os
import shlex
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.reliability.terminal import HAVE_TMUX, Tmux, alive, children, cpu_seconds, end, wait_for

ROOT = Path(__file__).resolve().parents[2]
NOTES = "# Notes\n\n## First\n\nThe first section.\n\n## Second\n\nThe second section.\n\n## Third\n\nThe third.\n"

pytestmark = pytest.mark.skipif(not HAVE_TMUX, reason="tmux is not installed")


@pytest.fixture
def tmux():
    server = Tmux()
    yield server
    server.close()


@pytest.fixture
def notes(tmp_path: Path) -> Path:
    path = tmp_path / "notes.md"
    path.write_text(NOTES, encoding="utf-8")
    return path


def saved_section(data_dir: Path) -> str | None:
    with sqlite3.connect(data_dir / "study.db") as db:
        row = db.execute("SELECT section_id FROM positions").fetchone()
    return row[0] if row else None


def gone_without_spinning(pid: int, within: float = 5.0) -> None:
    """Wait for `pid` to end; if it does not, say how fast it burns CPU, then kill it."""
    deadline = time.monotonic() + within
    while alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    if alive(pid):
        before = cpu_seconds(pid)
        time.sleep(1.0)
        burning = cpu_seconds(pid) - before
        end([pid])
        raise AssertionError(f"study still runs {within:.0f} s after its terminal went away, using {burning:.0%} of a CPU")


def move_to_the_second_section(tmux: Tmux) -> None:
    wait_for(lambda: "The first section." in tmux.screen(), "the reader to show the notes")
    tmux("send-keys", "]")
    wait_for(lambda: "Second" in tmux.screen().splitlines()[0], "the reader to move to the second section")


def test_make_run_in_a_killed_tmux_session(tmux: Tmux, data_dir: Path, notes: Path) -> None:
    if not (ROOT / ".venv" / "bin" / "study").exists() or subprocess.run(
        ["make", "-q", ".venv/.installed"], cwd=ROOT, capture_output=True
    ).returncode != 0:
        pytest.skip("`make run` would set up the virtual environment first")
    make = tmux.start(
        f"cd {shlex.quote(str(ROOT))} && STUDY_DATA_DIR={shlex.quote(str(data_dir))} STUDY_LANG=en "
        f"exec make run ARGS={shlex.quote(str(notes))}"
    )
    try:
        study = wait_for(lambda: children(make), "make to start study")[0]
        move_to_the_second_section(tmux)
        tmux("kill-session")
        gone_without_spinning(study)
        wait_for(lambda: not alive(make), "make to end after study")
    finally:
        end([make, *children(make)])
    assert saved_section(data_dir) == "2"  # the reading position, saved on the way out


def test_sigterm_saves_and_exits(tmux: Tmux, data_dir: Path, notes: Path) -> None:
    program = f"{shlex.quote(sys.executable)} -m tui {shlex.quote(str(notes))}"
    # The pane's shell stays, so the terminal is still there when the signal comes.
    shell = tmux.start(
        f"cd {shlex.quote(str(ROOT))} && STUDY_DATA_DIR={shlex.quote(str(data_dir))} STUDY_LANG=en "
        f"{program}; echo exit=$?; sleep 60"
    )
    try:
        study = wait_for(lambda: children(shell), "the shell to start study")[0]
        move_to_the_second_section(tmux)
        os.kill(study, signal.SIGTERM)
        gone_without_spinning(study)
        wait_for(lambda: "exit=129" in tmux.screen(), "the exit status")
    finally:
        end([*children(shell)])
    assert saved_section(data_dir) == "2"



def test_study_leading_its_session_leaves_at_once_when_the_session_is_killed(tmux: Tmux, data_dir: Path, notes: Path) -> None:
    # Run directly, study leads its session and the hang-up's SIGHUP asks it to leave. Its way
    # out still writes to the terminal that is gone: those writes must not hold it until the
    # grace timer (10 s) ends it.
    program = f"{shlex.quote(sys.executable)} -m tui {shlex.quote(str(notes))}"
    study = tmux.start(f"cd {shlex.quote(str(ROOT))} && STUDY_DATA_DIR={shlex.quote(str(data_dir))} STUDY_LANG=en exec {program}")
    try:
        move_to_the_second_section(tmux)
        tmux("kill-session")
        gone_without_spinning(study)
    finally:
        end([study])
    assert saved_section(data_dir) == "2"
