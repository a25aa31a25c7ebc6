"""When the terminal goes away (a closed window, a dropped SSH, SIGHUP or SIGTERM): save, exit, never spin.

Run directly, study is its terminal session's leader and the hang-up's SIGHUP ends it.
Under `make run` make leads the session and holds SIGHUP back until its child ends, so
study is never signalled; its input thread then reads end-of-file from the dead
terminal in a loop, at full CPU, for ever. So study watches its terminal itself.
"""

from __future__ import annotations

import asyncio
import os
import select
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Protocol

# How long a leaving app may take to save and close before the process ends regardless.
GRACE_SECONDS = 10.0
# How long it may take, once it has saved, to leave a terminal that has gone away.
SAVED_GRACE_SECONDS = 1.0
SIGNALS = tuple(getattr(signal, name) for name in ("SIGHUP", "SIGTERM") if hasattr(signal, name))


class Leaving(Protocol):
    """What is asked of the app: to quit as the user's quit key does, saving what it holds first."""

    async def action_quit(self) -> None: ...

    def call_from_thread(self, callback: Callable[..., Any], *args: Any, **kwargs: Any) -> Any: ...


@contextmanager
def leave_when_the_terminal_goes(app: Leaving, terminal: int | None = None) -> Iterator[threading.Event]:
    """While the block runs `app`, a hang-up or SIGHUP/SIGTERM asks it to exit.

    Yields an event set once that happened. If the app has not ended `GRACE_SECONDS`
    after being asked, the process ends: nothing may be left running with no terminal.
    """
    gone = threading.Event()
    finished = threading.Event()

    def leave() -> None:
        if gone.is_set():
            return
        gone.set()
        threading.Thread(target=_end_after_grace, args=(finished,), name="study-grace", daemon=True).start()

    fd = _terminal(terminal)

    def on_signal(signum: int, frame: object) -> None:
        hung_up = fd is not None and _hung_up(fd)  # not a `kill -HUP` with the terminal still there
        if hung_up:
            assert fd is not None
            _let_go_of(fd)
        leave()
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            raise SystemExit(128 + signum) from None  # the app is not running (yet, or any more)

        def quit_app() -> None:
            task = loop.create_task(app.action_quit())
            if hung_up:
                task.add_done_callback(lambda _: _end_soon(finished))

        loop.call_soon_threadsafe(quit_app)

    previous = {}
    if threading.current_thread() is threading.main_thread():
        for number in SIGNALS:
            previous[number] = signal.signal(number, on_signal)

    def on_hangup() -> None:
        assert fd is not None
        _let_go_of(fd)
        leave()
        _ask(app)
        _end_soon(finished)

    if fd is not None:
        threading.Thread(target=_watch, args=(fd, finished, on_hangup), name="study-hangup", daemon=True).start()
    try:
        yield gone
    finally:
        finished.set()
        for number, handler in previous.items():
            signal.signal(number, handler)


def _terminal(fd: int | None) -> int | None:
    if fd is None:
        try:
            fd = sys.__stdin__.fileno() if sys.__stdin__ is not None else None
        except (OSError, ValueError):
            fd = None
    if fd is None or not hasattr(select, "poll"):
        return None
    try:
        return fd if os.isatty(fd) else None
    except OSError:
        return None


def _watch(fd: int, finished: threading.Event, on_hangup: Callable[[], object]) -> None:
    """Block until the terminal hangs up (POLLHUP), checking now and then that the app still runs."""
    while not finished.is_set():
        if _hung_up(fd, wait_ms=500):
            if not finished.is_set():
                on_hangup()
            return


def _hung_up(fd: int, wait_ms: int = 0) -> bool:
    """Whether the terminal on `fd` has hung up, waiting up to `wait_ms` for it to."""
    poller = select.poll()
    # No events asked for: poll still reports hang-up and errors, and nothing else.
    poller.register(fd, 0)
    events = poller.poll(wait_ms)
    return any(mask & (select.POLLHUP | select.POLLERR | select.POLLNVAL) for _, mask in events)


def _let_go_of(terminal: int) -> None:
    """The terminal is gone: standard input and output that were it become /dev/null.

    The app still writes on its way out (leaving the alternate screen, the cursor). To a
    terminal that hung up, Textual's output thread fails on the first write and ends; the
    writes after it then wait for it for ever, and the grace timer ends the process with the
    reading position unsaved. Written to /dev/null, they go nowhere at once.
    """
    try:
        device = os.fstat(terminal).st_rdev
        null = os.open(os.devnull, os.O_RDWR)
    except OSError:
        return
    try:
        for fd in (0, 1, 2):
            try:
                if os.isatty(fd) and os.fstat(fd).st_rdev == device:
                    os.dup2(null, fd)
            except OSError:
                pass  # not open, or not that terminal
    finally:
        os.close(null)


def _ask(app: Leaving) -> None:
    try:
        app.call_from_thread(app.action_quit)
    except Exception:
        pass  # the app is already gone, or going: the grace timer ends the process if not


def _end_soon(finished: threading.Event) -> None:
    """The app has saved what it holds and been told to exit: with the terminal gone, nothing it
    does after that matters, and Textual's leaving may wait for ever on writes to the dead
    terminal made before it was let go of. Give it `SAVED_GRACE_SECONDS`, then end as a hang-up does."""

    def end() -> None:
        if not finished.wait(SAVED_GRACE_SECONDS):
            os._exit(128 + getattr(signal, "SIGHUP", 1))

    threading.Thread(target=end, name="study-saved", daemon=True).start()


def _end_after_grace(finished: threading.Event) -> None:
    if not finished.wait(GRACE_SECONDS):
        os._exit(1)  # every answer is already in the database; only the reading position is lost
