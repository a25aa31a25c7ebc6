"""`study` and its subcommands: open the app, or print a document's outline, phrases and stats."""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import sys
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from . import __version__
from .core.scheduler import NEW_PER_DAY
from .i18n import set_language

if TYPE_CHECKING:
    from .app import Start, StudyApp
    from .core.loader import Loaded
    from .core.store import Store
    from .core.workbook import Workbook

DEFAULT_DOCUMENT = "zuofeng-speech.txt"
COMMANDS = ("outline", "phrases", "stats", "quiz", "review")
PATH_HELP = "a .txt .md .docx .pdf .html .mhtml or .epub file, or - for standard input (default: the bundled speech)"
STDIN = "-"
STATS_DAYS = 7  # `study stats` shows the reviews of this many past days and the cards due in as many ahead


class CliError(Exception):
    """A user error: printed as `study: <message>` with exit status 1."""


def default_document() -> Path:
    """The bundled speech, wherever the package was installed."""
    return Path(str(resources.files("tui.bundled").joinpath(DEFAULT_DOCUMENT)))


class _Parser(argparse.ArgumentParser):
    """argparse, whose usage errors quote arguments (file names) only in terminal-safe form."""

    def error(self, message: str) -> NoReturn:
        from .core.sanitize import clean_line

        super().error(clean_line(message))


def _parser(command: str | None) -> argparse.ArgumentParser:
    if command is None:
        parser = _Parser(
            prog="study",
            description="Read a structured document and drill its key phrases. "
            f"Commands: {', '.join(COMMANDS)} (study COMMAND --help).",
        )
        parser.add_argument("path", nargs="?", help=PATH_HELP)
        parser.add_argument(
            "--section",
            metavar="SECTION",
            help="open at this section: its id (2.1), numbering (二、（一）) or heading words",
        )
        parser.add_argument("--version", action="version", version=f"study {__version__}")
    else:
        parser = _Parser(prog=f"study {command}")
        parser.add_argument("path", nargs="?", help=PATH_HELP)
        if command in ("outline", "phrases", "stats"):
            parser.add_argument("--json", action="store_true", help="print JSON for other programs")
        if command == "quiz":
            parser.add_argument(
                "--section",
                metavar="SECTION",
                help="quiz this section: id, numbering or heading words (default: the first with blanks)",
            )
    if command in (None, "quiz", "review"):
        # Each opens the app, whose review (r) brings in new cards.
        parser.add_argument(
            "--new-per-day",
            type=int,
            default=NEW_PER_DAY,
            metavar="N",
            help=f"new cards a review may bring in per day (default {NEW_PER_DAY})",
        )
    parser.add_argument(
        "--lang", choices=("zh", "en"), help="interface language (default: STUDY_LANG, then the locale)"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    command = argv[0] if argv and argv[0] in COMMANDS else None
    parser = _parser(command)
    args = parser.parse_args(_files_named_like_options(parser, argv[1:] if command else argv))
    set_language(args.lang)  # once, before any command prints a word
    from .core.database import StoreError

    try:
        return _run(command, args)
    except CliError as error:
        _warn(str(error))
        return 1
    except StoreError as error:
        # Busy past the timeout, read-only, a full disk: one line in the interface language.
        from .i18n import store_message

        _warn(store_message(error))
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `study outline x | head`: the reader went away; that is not an error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as error:
        # The terminal itself is gone (EIO): there is no one left to tell.
        if not _terminal_gone(error):
            raise
        return 1


def _terminal_gone(error: OSError) -> bool:
    import errno

    return error.errno in (errno.EIO, errno.ENXIO)


def _files_named_like_options(parser: argparse.ArgumentParser, argv: list[str]) -> list[str]:
    """`-notes.txt` is a file when such a file exists and no option has that name."""
    options = {name for action in parser._actions for name in action.option_strings}

    def file_named_like_an_option(arg: str) -> bool:
        return arg.startswith("-") and arg != "-" and arg.split("=")[0] not in options and os.path.exists(arg)

    return [f".{os.sep}{arg}" if file_named_like_an_option(arg) else arg for arg in argv]


def _warn(message: str) -> None:
    """One line on stderr; a file name in it cannot drive the terminal."""
    from .core.sanitize import clean_line

    print(f"study: {clean_line(message)}", file=sys.stderr)


def show(text: str) -> None:
    """Human output: whatever a file name or the text holds, only tab and line feed reach the terminal."""
    from .core.sanitize import clean

    print(clean(text))


def _run(command: str | None, args: argparse.Namespace) -> int:
    from .core.loader import LoadError, load_text
    from .core.outline import parse
    from .i18n import t

    try:
        if args.path == STDIN:
            loaded, path = _read_stdin(opens_app=command in (None, "quiz", "review"))
        else:
            path = Path(args.path) if args.path else default_document()
            if command in (None, "quiz", "review"):
                deferred = _read_in_the_app(path)
                if deferred is not None:
                    start: Start = "quiz" if command == "quiz" else "review" if command == "review" else "read"
                    return _open_app(path, "", args, start, read=deferred)
            loaded = load_text(path, progress=_progress(path))
    except LoadError as error:
        raise CliError(t(f"load_{error.kind}", **error.values)) from None
    text = loaded.text
    if loaded.replaced:
        _warn(t("load_replaced", name=path, count=loaded.replaced))
    if command is None:
        return _open_app(path, text, args, "read")
    if command == "quiz":
        return _open_app(path, text, args, "quiz")
    if command == "review":
        return _open_app(path, text, args, "review")
    if command == "stats":
        from .stats import show_stats

        _refuse_if_too_large(path, text)
        return show_stats(path, text, as_json=args.json, store=_open_store())
    doc = parse(text, path.name)

    if command == "outline":
        from .core.names import format_outline, to_data
        from .i18n import captions

        if args.json:
            print_json(to_data(doc))
        else:
            show(format_outline(doc, captions()))
        return 0
    if command == "phrases":
        from .core.phrases import extract, format_phrases, phrases_json
        from .i18n import captions

        _refuse_if_too_large(path, text)
        phrases = extract(doc)
        if args.json:
            print_json(phrases_json(doc, phrases))
        else:
            show(format_phrases(doc, phrases, captions()))
        return 0
    raise CliError(f"unknown command {command}")


def _read_in_the_app(path: Path) -> Callable[[Callable[[int, int], None] | None], Loaded] | None:
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


def _read_stdin(opens_app: bool) -> tuple[Loaded, Path]:
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
        _terminal_as_stdin()
    return loaded, Path(STDIN_NAME, content_hash(loaded.text)[:16], STDIN_NAME)


STDIN_NAME = "<stdin>"


def _terminal_as_stdin() -> None:
    """Keys come from the terminal once the pipe is read: it becomes standard input, as `less` and `vim -` do."""
    from .i18n import t

    try:
        terminal = os.open("/dev/tty", os.O_RDONLY)
    except OSError:
        raise CliError(t("stdin_no_terminal")) from None
    os.dup2(terminal, 0)
    os.close(terminal)


def _progress(path: Path) -> Callable[[int, int], None] | None:
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


def _refuse_if_too_large(path: Path, text: str) -> None:
    """Key phrases of a document too long for them: one line before any work starts."""
    from .core.workbook import MAX_PHRASE_CHARS
    from .i18n import t

    if len(text) > MAX_PHRASE_CHARS:
        raise CliError(t("phrases_too_large", name=path, chars=len(text), limit=MAX_PHRASE_CHARS))


def _open_store() -> Store:
    from .core.store import Store

    store = Store.open()
    if store.moved_to is not None:
        from .i18n import t

        # Every command that opens the database says so when it had to move a damaged one aside.
        _warn(t("database_moved_aside", name=store.moved_to.name))
    return store


def _open_app(
    path: Path,
    text: str,
    args: argparse.Namespace,
    start: Start,
    read: Callable[[Callable[[int, int], None] | None], Loaded] | None = None,
) -> int:
    from .app import StudyApp
    from .core.workbook import Workbook
    from .hangup import leave_when_the_terminal_goes
    from .i18n import t

    new_per_day = getattr(args, "new_per_day", NEW_PER_DAY)
    if new_per_day < 0:
        raise CliError(t("new_per_day_negative"))
    store = _open_store()
    workbook = Workbook(path, text, store, new_per_day=new_per_day, read=read)
    app = StudyApp(workbook, section=getattr(args, "section", None), start=start)
    try:
        with leave_when_the_terminal_goes(app) as terminal_gone:
            app.run()
    finally:
        store.close()
    code = _after_the_app(app, workbook)
    if terminal_gone.is_set():
        # Ended by its terminal going away (or a signal). With no terminal, Textual's own
        # input thread may go on reading end-of-file for ever: nothing is left to wait for.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(128 + signal.SIGHUP)
    return code


def _after_the_app(app: StudyApp, workbook: Workbook) -> int:
    """What the command line says once the app has ended, and its exit status."""
    from .i18n import t

    if app.failure is not None:
        _warn(app.failure)  # the document could not be read after all (a damaged page, a scan)
        return 1
    answers = workbook.answers
    if answers is not None and answers.file is not None:
        _warn(t("answers_kept_in_file", count=answers.filed, path=answers.file))
        return 1
    if answers is not None and answers.waiting:
        # Neither the database nor a file beside it took them: the terminal is the last place.
        _warn(t("answers_printed", count=len(answers.waiting)))
        for answer in answers.as_data():
            print(_safe_json(json.dumps(answer, ensure_ascii=False)), file=sys.stderr)
        return 1
    return app.return_code or 0


# JSON escapes C0 controls itself; these it would write as they are.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _safe_json(encoded: str) -> str:
    """JSON whose DEL, C1 and bidi-override characters are \\u escapes: the same data, safe on a terminal."""
    return _JSON_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", encoded)


def print_json(data: object) -> None:
    sys.stdout.write(_safe_json(json.dumps(data, ensure_ascii=False, indent=1)))
    sys.stdout.write("\n")


if __name__ == "__main__":
    sys.exit(main())
