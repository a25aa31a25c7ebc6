"""The command line's grammar: its commands, their options, and how a file named like an option is told apart."""

from __future__ import annotations

import argparse
import os
import sys
from typing import NoReturn

from . import __version__
from .core.scheduler import NEW_PER_DAY

COMMANDS = ("outline", "phrases", "stats", "quiz", "review", "frame", "export", "exam", "backup", "restore")
STDIN = "-"


class CliError(Exception):
    """A user error: printed as `study: <message>` with exit status 1."""


class CellWidthFormatter(argparse.HelpFormatter):
    """argparse's help, its lines broken by the cells they take (a Chinese character takes two),
    by the rules the reader breaks Chinese text by: argparse counts characters, and its Chinese
    lines ran up to twice the width of the terminal."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        from .core.wrap import wrap

        text = " ".join(text.split())
        return [text[start:end].strip() for start, end in wrap(text, max(width, 10))] or [""]

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(indent + line for line in self._split_lines(text, width - len(indent)))


class Parser(argparse.ArgumentParser):
    """argparse in the interface language, whose usage errors quote arguments (file names) only in
    terminal-safe form. Its own words (usage, options, its errors) are English in argparse: they
    are put in Chinese here, as its help and errors are written out."""

    def __init__(self, *, prog: str, description: str | None = None) -> None:
        from .i18n import t

        super().__init__(prog=prog, description=description, formatter_class=CellWidthFormatter, add_help=False)
        self.add_argument("-h", "--help", action="help", help=t("cli_help"))

    def format_usage(self) -> str:
        return _in_language(super().format_usage())

    def format_help(self) -> str:
        return _in_language(super().format_help())

    def error(self, message: str) -> NoReturn:
        from .core.sanitize import clean_line
        from .i18n import language, t

        message = clean_line(message)
        if language() == "zh":
            message = _error_in_chinese(message)
        self.print_usage(sys.stderr)
        self.exit(2, t("cli_error", prog=self.prog, message=message) + "\n")


def _in_language(text: str) -> str:
    from .i18n import language
    from .strings_cli import ARGPARSE_HELP_ZH

    if language() == "zh":
        for english, chinese in ARGPARSE_HELP_ZH:
            text = text.replace(english, chinese)
    return text


def _error_in_chinese(message: str) -> str:
    import re

    from .strings_cli import ARGPARSE_ERRORS_ZH

    for pattern, chinese in ARGPARSE_ERRORS_ZH:
        if re.fullmatch(pattern, message):
            return re.sub(pattern, chinese, message)
    return message


def parser_for(command: str | None) -> argparse.ArgumentParser:
    """The parser of `command` (None: opening a document), its help in the interface language."""
    from .i18n import t

    if command is None:
        parser = Parser(prog="study", description=t("cli_description", commands=", ".join(COMMANDS)))
        parser.add_argument("path", nargs="?", help=t("cli_path"))
        parser.add_argument("--section", metavar="SECTION", help=t("cli_section_open"))
        parser.add_argument("--version", action="version", version=f"study {__version__}", help=t("cli_version"))
    elif command == "restore":
        parser = Parser(prog="study restore", description=t("cli_restore_description"))
        parser.add_argument("number", nargs="?", type=int, help=t("cli_restore_number"))
    else:
        parser = Parser(prog=f"study {command}")
        if command != "backup":  # backups are of the database, not of a document
            parser.add_argument("path", nargs="?", help=t("cli_path"))
        if command in ("outline", "phrases", "stats", "exam"):
            parser.add_argument("--json", action="store_true", help=t("cli_json"))
        if command == "exam":
            parser.add_argument("date", nargs="?", help=t("cli_exam_date"))
            parser.add_argument("--clear", action="store_true", help=t("cli_exam_clear"))
        if command == "backup":
            parser.add_argument("--restore", nargs="?", const="", metavar="NAME", help=t("cli_backup_restore"))
            parser.add_argument("--yes", action="store_true", help=t("cli_backup_yes"))
        if command == "quiz":
            parser.add_argument("--section", metavar="SECTION", help=t("cli_section_quiz"))
    if command == "export":
        parser.description = t("cli_export_description")
        parser.add_argument("--anki", metavar="FILE.apkg", help=t("cli_export_anki"))
        parser.add_argument("--worksheet", metavar="FILE.md|FILE.html", help=t("cli_export_worksheet"))
        parser.add_argument("--section", metavar="SECTION", help=t("cli_section_export"))
    if command == "frame":
        parser.add_argument("--section", metavar="SECTION", help=t("cli_section_frame"))
    if command in (None, "quiz", "review", "frame"):
        # Each opens the app, whose review (r) brings in new cards.
        parser.add_argument(
            "--new-per-day", type=int, default=NEW_PER_DAY, metavar="N", help=t("cli_new_per_day", count=NEW_PER_DAY)
        )
    parser.add_argument("--lang", choices=("zh", "en"), help=t("cli_lang"))
    return parser


def language_asked(argv: list[str]) -> str | None:
    """The language --lang names on the command line, read before the parser is made (its help is
    in that language); None when it names none or none it knows (the parser then says so)."""
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        elif arg.startswith("--lang="):
            value = arg.removeprefix("--lang=")
        else:
            continue
        if value in ("zh", "en"):
            return value
    return None


def files_named_like_options(parser: argparse.ArgumentParser, argv: list[str]) -> list[str]:
    """`-notes.txt` is a file when such a file exists and no option has that name."""
    options = {name for action in parser._actions for name in action.option_strings}

    def file_named_like_an_option(arg: str) -> bool:
        return arg.startswith("-") and arg != "-" and arg.split("=")[0] not in options and os.path.exists(arg)

    return [f".{os.sep}{arg}" if file_named_like_an_option(arg) else arg for arg in argv]
