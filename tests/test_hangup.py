"""tui.hangup: a terminal that hangs up, or SIGHUP/SIGTERM, asks the app to quit, and the process never lingers."""

from __future__ import annotations

import asyncio
import os
import pty
import signal
import threading

import pytest

from tui import hangup


class FakeApp:
    """Records being asked to quit, from which thread."""

    def __init__(self) -> None:
        self.asked = threading.Event()

    async def action_quit(self) -> None:
        self.asked.set()

    def call_from_thread(self, callback, *args, **kwargs):
        return asyncio.run(callback(*args, **kwargs))


def test_the_terminal_hanging_up_asks_the_app_to_quit() -> None:
    master, terminal = pty.openpty()
    app = FakeApp()
    with hangup.leave_when_the_terminal_goes(app, terminal) as gone:
        assert not app.asked.wait(0.2)  # a live terminal: nothing happens
        os.close(master)  # the window closes
        assert app.asked.wait(5)
        assert gone.is_set()
    os.close(terminal)


def test_nothing_is_asked_once_the_app_has_ended() -> None:
    master, terminal = pty.openpty()
    app = FakeApp()
    with hangup.leave_when_the_terminal_goes(app, terminal) as gone:
        pass
    os.close(master)
    assert not app.asked.wait(0.7) and not gone.is_set()
    os.close(terminal)


@pytest.mark.parametrize("number", hangup.SIGNALS, ids=lambda n: signal.Signals(n).name)
def test_a_signal_while_the_app_runs(number: int) -> None:
    app = FakeApp()

    async def run() -> None:
        with hangup.leave_when_the_terminal_goes(app, terminal=-1) as gone:
            os.kill(os.getpid(), number)
            await asyncio.wait_for(asyncio.to_thread(app.asked.wait, 5), 6)
            assert gone.is_set()

    asyncio.run(run())
    assert app.asked.is_set()


def test_a_signal_before_the_app_runs_ends_the_process_politely() -> None:
    with pytest.raises(SystemExit) as exit_:
        with hangup.leave_when_the_terminal_goes(FakeApp(), terminal=-1):
            os.kill(os.getpid(), signal.SIGTERM)
            signal.pthread_kill(threading.main_thread().ident, 0)  # the handler runs here
    assert exit_.value.code == 128 + signal.SIGTERM


def test_the_previous_handlers_come_back() -> None:
    before = signal.getsignal(signal.SIGHUP)
    with hangup.leave_when_the_terminal_goes(FakeApp(), terminal=-1):
        assert signal.getsignal(signal.SIGHUP) is not before
    assert signal.getsignal(signal.SIGHUP) is before


def test_an_app_that_never_ends_is_ended_after_the_grace(monkeypatch: pytest.MonkeyPatch) -> None:
    ended = threading.Event()
    monkeypatch.setattr(hangup, "GRACE_SECONDS", 0.1)
    monkeypatch.setattr(hangup.os, "_exit", lambda code: ended.set())
    master, terminal = pty.openpty()
    with hangup.leave_when_the_terminal_goes(FakeApp(), terminal):
        os.close(master)
        assert ended.wait(5)
    os.close(terminal)
