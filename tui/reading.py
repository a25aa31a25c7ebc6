"""Reading a document for the command line: from standard input, in the app's background, with progress shown."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from .arguments import CliError
from .core.library import PIPED_NAME

if TYPE_CHECKING:
    from .core.loader import Loaded


def read_in_the_app(path: Path) -> Callable[[Callable[[int, int], None] | None], Loaded] | None:
    """For a document that takes a while to read (Word, PDF, a web page, EPUB): a reader the app runs
    in the background, showing its progress; None for plain text, read here at once.

    What can be told without reading (missing, a folder, too large, a Word 97 .doc) is told
    here, before the app starts.
    """
    from functools import partial

    from .core import formats
    from .core.loader import load_bytes, read_bytes

    data = read_bytes(path)
    if not data or formats.sniff(data, str(path)) == "text":
        return None
    return partial(load_bytes, data, str(path))


def read_stdin(opens_app: bool) -> tuple[Loaded, Path]:
    """The document piped in (`pbpaste | study -`), by its content, and the path the store knows it by.

    The path is made from the text's hash: the store finds a document by path first, and
    two different texts piped in from one folder must not be taken for one edited file.
    The same text piped in again, or opened from a file, is found by its content.
    """
    from .core.loader import MAX_BYTES, LoadError, content_hash, load_bytes

    if sys.stdin is None or sys.stdin.isatty():
        raise LoadError("stdin_tty", name=STDIN_NAME)
    data = sys.stdin.buffer.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise LoadError("too_large", name=STDIN_NAME, size=len(data) // (1024 * 1024), limit=MAX_BYTES // (1024 * 1024))
    loaded = load_bytes(data, STDIN_NAME)
    if opens_app:
        keys_from_the_terminal("stdin_no_terminal")
    return loaded, Path(STDIN_NAME, content_hash(loaded.text)[:16], STDIN_NAME)


STDIN_NAME = PIPED_NAME  # the name its messages give it, and where the library files it


def keys_from_the_terminal(no_terminal: str) -> None:
    """Make the terminal standard input, if it is not already: the app reads its keys there.

    After a pipe is read (`pbpaste | study -`), as `less` and `vim -` do; and when standard
    input is something else (`study FILE < /dev/null`), where keys would never come and the
    app would read end-of-file for ever. With no terminal at all: CliError, the message
    `no_terminal` says so.
    """
    from .i18n import t

    if sys.stdin is not None and sys.stdin.isatty():
        return
    try:
        terminal = os.open("/dev/tty", os.O_RDONLY)
    except OSError:
        raise CliError(t(no_terminal)) from None
    os.dup2(terminal, 0)
    os.close(terminal)


def show_progress(path: Path) -> Callable[[int, int], None] | None:
    """A line on a terminal's stderr while a long document (a PDF) is read page by page, cleared at the end."""
    if not sys.stderr.isatty():
        return None
    from time import monotonic

    from .core.sanitize import clean_line
    from .i18n import t

    shown = [0.0]

    def show(done: int, total: int) -> None:
        now = monotonic()
        if done < total and now - shown[0] < 0.1:
            return
        shown[0] = now
        line = "" if done >= total else clean_line(t("load_progress", name=path.name, done=done, total=total))
        sys.stderr.write(f"\r\x1b[K{line}")
        sys.stderr.flush()

    return show
