"""A tmux server of the test's own, and the processes it runs: started, watched, always cleaned up (reliability and e2e tests)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
import uuid
from collections.abc import Callable
from pathlib import Path

HAVE_TMUX = shutil.which("tmux") is not None


def wait_for(condition: Callable[[], object], what: str, timeout: float = 60.0) -> object:
    """Poll `condition` until it returns something true, or fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        result = condition()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


class Tmux:
    """A tmux server on a socket of its own, so nothing else is touched; `close` removes the socket."""

    def __init__(self) -> None:
        self.socket = f"study-reliability-{uuid.uuid4().hex[:8]}"
        self.socket_path = ""

    def start(self, command: str, width: int = 100, height: int = 30) -> int:
        """Run `command` in a new session; the pid of the pane's process."""
        started = self("new-session", "-d", "-x", str(width), "-y", str(height), command)
        assert started.returncode == 0, started.stderr
        self.socket_path = self("display-message", "-p", "#{socket_path}").stdout.strip()
        return int(self("display-message", "-p", "#{pane_pid}").stdout.strip())

    def __call__(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, timeout=30)

    def screen(self) -> str:
        return self("capture-pane", "-p").stdout

    def title(self) -> str:
        return self("display-message", "-p", "#{pane_title}").stdout.strip()

    def close(self) -> None:
        self("kill-server")
        if self.socket_path:
            Path(self.socket_path).unlink(missing_ok=True)  # tmux leaves the socket file behind


def alive(pid: int) -> bool:
    """Whether `pid` runs (a zombie waiting for its parent does not)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def children(pid: int) -> list[int]:
    """The processes whose parent is `pid`."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def cpu_seconds(pid: int) -> float:
    """User and system CPU time `pid` has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def end(pids: list[int]) -> None:
    """Kill what a failed test left running, by pid."""
    for pid in pids:
        if alive(pid):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


def start_study(tmux: Tmux, data_dir: Path, pidfile: Path, arguments: str) -> None:
    """Run `python -m tui ARGUMENTS` in the tmux pane, in the project, on `data_dir`; its pid written to `pidfile`."""
    import shlex
    import sys

    root = Path(__file__).resolve().parents[2]
    program = f"{shlex.quote(sys.executable)} -m tui {arguments}"
    tmux.start(
        f"cd {shlex.quote(str(root))} && STUDY_DATA_DIR={shlex.quote(str(data_dir))} "
        f"sh -c {shlex.quote(f'echo $$ > {shlex.quote(str(pidfile))}; exec {program}')}"
    )
