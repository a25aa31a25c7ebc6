"""The command line's grammar: its commands, their options, and how a file named like an option is told apart."""

from __future__ import annotations

import argparse
import os
from typing import NoReturn

from . import __version__
from .core.scheduler import NEW_PER_DAY

COMMANDS = ("outline", "phrases", "stats", "quiz", "review", "frame", "export", "exam", "backup", "restore")
PATH_HELP = "a .txt .md .docx .pdf .html .mhtml or .epub file, or - for standard input (default: the bundled speech)"
STDIN = "-"


class CliError(Exception):
    """A user error: printed as `study: <message>` with exit status 1."""


class Parser(argparse.ArgumentParser):
    """argparse, whose usage errors quote arguments (file names) only in terminal-safe form."""

    def error(self, message: str) -> NoReturn:
        from .core.sanitize import clean_line

        super().error(clean_line(message))


def parser_for(command: str | None) -> argparse.ArgumentParser:
    if command is None:
        parser = Parser(
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
    elif command == "restore":
        parser = Parser(prog="study restore", description="List the documents the library forgot, or restore one.")
        parser.add_argument("number", nargs="?", type=int, help="the number of the document to restore, as listed")
    else:
        parser = Parser(prog=f"study {command}")
        if command != "backup":  # backups are of the database, not of a document
            parser.add_argument("path", nargs="?", help=PATH_HELP)
        if command in ("outline", "phrases", "stats", "exam"):
            parser.add_argument("--json", action="store_true", help="print JSON for other programs")
        if command == "exam":
            parser.add_argument("date", nargs="?", help="the exam date, YYYY-MM-DD (without it: the plan)")
            parser.add_argument("--clear", action="store_true", help="remove the exam date")
        if command == "backup":
            parser.add_argument(
                "--restore", nargs="?", const="", metavar="NAME",
                help="put a backup (its name or date; default: the newest) in place of the database",
            )
            parser.add_argument("--yes", action="store_true", help="restore without asking")
        if command == "quiz":
            parser.add_argument(
                "--section",
                metavar="SECTION",
                help="quiz this section: id, numbering or heading words (default: the first with blanks)",
            )
    if command == "export":
        parser.description = (
            "Write the document's key phrases as blanks: an Anki deck of cloze notes (one a sentence, "
            "updated in place when exported again), or a worksheet for paper with an answer key."
        )
        parser.add_argument(
            "--anki",
            metavar="FILE.apkg",
            help="write an Anki package: a deck named after the document, its sections as tags",
        )
        parser.add_argument(
            "--worksheet",
            metavar="FILE.md|FILE.html",
            help="write a worksheet: numbered blanks sized to their answers, then the answers; "
            ".html is a page ready to print on A4",
        )
        parser.add_argument(
            "--section", metavar="SECTION", help="only this section: id, numbering or heading words (default: all)"
        )
    if command == "frame":
        parser.add_argument(
            "--section",
            metavar="SECTION",
            help="recall the headings of this section and its subsections (default: the whole document)",
        )
    if command in (None, "quiz", "review", "frame"):
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


def files_named_like_options(parser: argparse.ArgumentParser, argv: list[str]) -> list[str]:
    """`-notes.txt` is a file when such a file exists and no option has that name."""
    options = {name for action in parser._actions for name in action.option_strings}

    def file_named_like_an_option(arg: str) -> bool:
        return arg.startswith("-") and arg != "-" and arg.split("=")[0] not in options and os.path.exists(arg)

    return [f".{os.sep}{arg}" if file_named_like_an_option(arg) else arg for arg in argv]
