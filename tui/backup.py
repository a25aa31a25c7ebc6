"""`study backup`: the database's daily copies listed, one restored after a y/N question; the copy made at opening."""

from __future__ import annotations

import argparse
import sys
import threading
from pathlib import Path

_running: threading.Thread | None = None


def back_up_daily(database: Path) -> None:
    """Start today's copy of the database in a thread, if none was made today (tui/core/backups.py)."""
    global _running
    from .core.backups import in_background

    _running = in_background(database) or _running


def finish_backup() -> None:
    """Wait for a copy begun at opening: a process never ends half-way through one."""
    global _running
    if _running is not None:
        _running.join()
        _running = None


def backup_command(args: argparse.Namespace) -> int:
    """List the backups; with --restore [NAME], restore one (the newest by default) once confirmed."""
    from .arguments import CliError
    from .cli import show
    from .core import backups
    from .core.store import FILENAME, default_data_dir
    from .i18n import os_error_detail, t

    database = default_data_dir() / FILENAME
    found = backups.backups(database)
    if not found:
        if args.restore is not None:
            raise CliError(t("backup_none", folder=backups.folder_of(database)))
        show(t("backup_none", folder=backups.folder_of(database)))
        return 0
    show(t("backup_list", folder=backups.folder_of(database)))
    for backup in found:
        show(f"  {backup.name}  {_size(backup.size)}")
    if args.restore is None:
        return 0
    try:
        chosen = backups.find(database, args.restore or None)
    except backups.NoSuchBackup:
        raise CliError(t("backup_no_such", name=args.restore)) from None
    if not args.yes and not _confirmed(t("backup_confirm", name=chosen.name)):
        raise CliError(t("backup_not_confirmed"))
    from .core.in_use import in_use_elsewhere

    if in_use_elsewhere(database):
        # Its later answers would go to the file moved aside: close it first.
        raise CliError(t("backup_in_use"))
    try:
        aside = backups.restore(database, chosen)
    except backups.DamagedBackup:
        raise CliError(t("backup_damaged", name=chosen.name)) from None
    except OSError as error:  # a folder that is read-only or full: the database was left as it was
        raise CliError(t("backup_cannot_write", folder=database.parent, detail=os_error_detail(error))) from None
    if aside is None:
        show(t("backup_restored_fresh", name=chosen.name))
    else:
        show(t("backup_restored", name=chosen.name, aside=aside.name))
    return 0


def _confirmed(question: str) -> bool:
    """A y (or yes, 是) typed on the terminal; no terminal, or anything else, is no."""
    if not sys.stdin.isatty():
        return False
    try:
        answer = input(question)
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes", "是")


def _size(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 1_000_000 else f"{max(1, round(size / 1000))} kB"
