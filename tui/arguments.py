"""The command line's grammar: its commands, their options, and how a file named like an option is told apart."""

from __future__ import annotations

import argparse
import os
from typing import NoReturn

from . import __version__
from .core.scheduler import NEW_PER_DAY

COMMANDS = ("outline", "phrases", "stats", "quiz", "review", "restore")
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


def files_named_like_options(parser: argparse.ArgumentParser, argv: list[str]) -> list[str]:
    """`-notes.txt` is a file when such a file exists and no option has that name."""
    options = {name for action in parser._actions for name in action.option_strings}

    def file_named_like_an_option(arg: str) -> bool:
        return arg.startswith("-") and arg != "-" and arg.split("=")[0] not in options and os.path.exists(arg)

    return [f".{os.sep}{arg}" if file_named_like_an_option(arg) else arg for arg in argv]
