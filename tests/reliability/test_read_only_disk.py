"""A data folder on a read-only disk: progress is read and shown, and nothing pretends to be saved.

The disk is made read-only for real: the folder is bind-mounted read-only in a mount namespace
of its own (`unshare -m`), which needs root. Elsewhere the tests are skipped.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SPEECH = ROOT / "data" / "zuofeng-speech.txt"


def _can_mount() -> bool:
    """Whether a folder can be mounted read-only here: tried on a folder of its own."""
    if shutil.which("unshare") is None or os.geteuid() != 0:
        return False
    with tempfile.TemporaryDirectory() as scratch:
        folder = shlex.quote(scratch)
        script = f"mount --bind {folder} {folder} && mount -o remount,ro,bind {folder} && ! touch {folder}/x"
        tried = subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True, timeout=30)
    return tried.returncode == 0


pytestmark = pytest.mark.skipif(not _can_mount(), reason="needs root and unshare to mount a folder read-only")


def on_read_only_disk(data_dir: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    """`study argv` with `data_dir` mounted read-only, as on a read-only disk."""
    folder = shlex.quote(str(data_dir))
    study = " ".join(shlex.quote(part) for part in (sys.executable, "-m", "tui", *argv))
    script = f"mount --bind {folder} {folder} && mount -o remount,ro,bind {folder} && {study}"
    environment = dict(os.environ, STUDY_DATA_DIR=str(data_dir), STUDY_LANG="en")
    return subprocess.run(
        ["unshare", "-m", "sh", "-c", script], capture_output=True, text=True, cwd=ROOT, env=environment, timeout=60
    )


def test_progress_is_read_and_a_change_is_refused_in_one_line(data_dir: Path) -> None:
    made = subprocess.run(
        [sys.executable, "-m", "tui", "exam", str(SPEECH), "2099-01-01"], capture_output=True, text=True, cwd=ROOT
    )
    assert made.returncode == 0, made.stderr
    shown = on_read_only_disk(data_dir, "stats", str(SPEECH), "--json")
    assert (shown.returncode, shown.stderr) == (0, "")
    assert json.loads(shown.stdout)["exam"]["exam_date"] == "2099-01-01"  # read from the database as it is
    refused = on_read_only_disk(data_dir, "exam", str(SPEECH), "2099-02-01")
    assert (refused.returncode, refused.stdout) == (1, "")
    assert refused.stderr == "study: The study database is read-only: progress cannot be saved.\n"
