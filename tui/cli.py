"""`study` and its subcommands: open the app, print a document's outline, phrases and stats, or export it."""

from __future__ import annotations

import argparse
import os
import re
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from .arguments import COMMANDS, STDIN, CliError, files_named_like_options, language_asked, parser_for
from .core.scheduler import NEW_PER_DAY
from .i18n import set_language
from .reading import read_in_the_app, read_stdin, show_progress

if TYPE_CHECKING:
    from .app import Start, StudyApp
    from .core.loader import Loaded
    from .core.store import Store

DEFAULT_DOCUMENT = "zuofeng-speech.txt"
STATS_DAYS = 7  # `study stats` shows the reviews of this many past days and the cards due in as many ahead
# The commands that open the app, and what it opens at once.
APP_STARTS: dict[str | None, Start] = {None: "read", "quiz": "quiz", "review": "review", "frame": "frame"}


def default_document() -> Path:
    """The bundled speech, wherever the package was installed."""
    from importlib import resources

    return Path(str(resources.files("tui.bundled").joinpath(DEFAULT_DOCUMENT)))


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    command = argv[0] if argv and argv[0] in COMMANDS else None
    set_language(language_asked(argv))  # once, before the help or any command says a word
    parser = parser_for(command)
    args = parser.parse_args(files_named_like_options(parser, argv[1:] if command else argv))
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
    finally:
        from .backup import finish_backup

        finish_backup()  # a day's copy begun at opening ends before the process does


def _terminal_gone(error: OSError) -> bool:
    import errno

    return error.errno in (errno.EIO, errno.ENXIO)


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
    from .i18n import load_message, t

    if command == "restore":
        from .restore import restore

        return restore(args.number, _open_store())
    if command == "backup":
        from .backup import backup_command

        return backup_command(args)
    if command == "exam":
        from .exam import check_arguments

        check_arguments(args)  # a bad date is told before the file is read
    if args.path is None and command in (None, "review"):
        # No file named: the library of the documents studied (at first, the bundled speech alone).
        store = _open_store()
        if command == "review" or store.knows_documents():
            return _open_library(args, store, review=command == "review")
        store.close()
    try:
        if args.path == STDIN:
            loaded, path = read_stdin(opens_app=command in APP_STARTS)
        else:
            path = Path(args.path) if args.path else default_document()
            if command in APP_STARTS:
                deferred = read_in_the_app(path)
                if deferred is not None:
                    return _open_app(path, "", args, APP_STARTS[command], read=deferred)
            loaded = load_text(path, progress=show_progress(path))
    except LoadError as error:
        raise CliError(load_message(error)) from None
    text = loaded.text
    if loaded.replaced:
        _warn(t("load_replaced", name=path, count=loaded.replaced))
    if command in APP_STARTS:
        return _open_app(path, text, args, APP_STARTS[command])
    if command == "stats":
        from .stats import show_stats

        _refuse_if_too_large(path, text)
        return show_stats(path, text, as_json=args.json, store=_open_store())
    if command == "export":
        from .export import export

        _refuse_if_too_large(path, text)
        return export(path, text, args, open_store=_open_store)
    if command == "exam":
        from .exam import exam_command

        _refuse_if_too_large(path, text)
        return exam_command(path, text, args, store=_open_store())
    if command == "phrases":
        _refuse_if_too_large(path, text)
        return _show_phrases(path, text, as_json=args.json, store=_open_store())
    if command == "outline":
        from .core.names import format_outline, to_data
        from .core.outline import parse  # not for the app: a workbook reads back an outline it kept
        from .i18n import captions

        doc = parse(text, path.name)
        if args.json:
            print_json(to_data(doc))
        else:
            show(format_outline(doc, captions()))
        return 0
    raise CliError(f"unknown command {command}")


def _show_phrases(path: Path, text: str, *, as_json: bool, store: Store) -> int:
    """Each section's key phrases as the quiz asks them: found, then with the user's edits (key `e`) applied,
    read from the store as `study export` and `study stats` read them."""
    from .core.phrases import format_phrases, phrases_json
    from .core.workbook import Workbook
    from .i18n import captions

    try:
        workbook = Workbook.for_reading(path, text, store)
    finally:
        store.close()
    doc = workbook.opened
    if as_json:
        print_json(phrases_json(doc, workbook.phrases))
    else:
        show(format_phrases(doc, workbook.phrases, captions()))
    return 0


def _refuse_if_too_large(path: Path, text: str) -> None:
    """Key phrases of a document too long for them: one line before any work starts."""
    from .core.workbook import MAX_PHRASE_CHARS
    from .i18n import t

    if len(text) > MAX_PHRASE_CHARS:
        raise CliError(t("phrases_too_large", name=path, chars=len(text), limit=MAX_PHRASE_CHARS))


def _open_store() -> Store:
    from .core.store import Store

    store = Store.open()
    from .backup import back_up_daily

    back_up_daily(store.path)  # in a thread: start-up pays for a look at the folder only
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

    new_per_day = _new_per_day(args)
    store = _open_store()
    workbook = Workbook(path, text, store, new_per_day=new_per_day, read=read)
    return _run_app(StudyApp(workbook, section=getattr(args, "section", None), start=start), store)


def _new_per_day(args: argparse.Namespace) -> int:
    from .i18n import t

    new_per_day: int = getattr(args, "new_per_day", NEW_PER_DAY)
    if new_per_day < 0:
        raise CliError(t("new_per_day_negative"))
    return new_per_day


def _open_library(args: argparse.Namespace, store: Store, *, review: bool) -> int:
    """The app on the library (`study`), or straight into a review across it (`study review`)."""
    from .app import StudyApp

    try:
        new_per_day = _new_per_day(args)
    except CliError:
        store.close()
        raise
    start: Start = "review" if review else "read"
    app = StudyApp(store=store, always=[default_document()], start=start, new_per_day=new_per_day)
    return _run_app(app, store)


def _run_app(app: StudyApp, store: Store) -> int:
    from .hangup import leave_when_the_terminal_goes

    try:
        with leave_when_the_terminal_goes(app) as terminal_gone:
            app.run()
    finally:
        store.close()
    code = _after_the_app(app)
    if terminal_gone.is_set():
        # Ended by its terminal going away (or a signal). With no terminal, Textual's own
        # input thread may go on reading end-of-file for ever: nothing is left to wait for.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(128 + signal.SIGHUP)
    return code


def _after_the_app(app: StudyApp) -> int:
    """What the command line says once the app has ended, and its exit status."""
    from .i18n import t

    if app.failure is not None:
        _warn(app.failure)  # the document could not be read after all (a damaged page, a scan)
        return 1
    code = app.return_code or 0
    for workbook in app.workbooks:  # one, or each document opened from the library
        answers = workbook.answers
        if answers is not None and answers.file is not None:
            _warn(t("answers_kept_in_file", count=answers.filed, path=answers.file))
            code = 1
        elif answers is not None and answers.waiting:
            # Neither the database nor a file beside it took them: the terminal is the last place.
            _warn(t("answers_printed", count=len(answers.waiting)))
            import json

            for answer in answers.as_data():
                print(_safe_json(json.dumps(answer, ensure_ascii=False)), file=sys.stderr)
            code = 1
    return code


# JSON escapes C0 controls itself; these it would write as they are.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _safe_json(encoded: str) -> str:
    """JSON whose DEL, C1 and bidi-override characters are \\u escapes: the same data, safe on a terminal."""
    return _JSON_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", encoded)


def print_json(data: object) -> None:
    import json

    sys.stdout.write(_safe_json(json.dumps(data, ensure_ascii=False, indent=1)))
    sys.stdout.write("\n")


if __name__ == "__main__":
    sys.exit(main())
