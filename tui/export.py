"""`study export`: the blanks as an Anki deck (.apkg) or a worksheet (.md, .html), written whole or not at all."""

from __future__ import annotations

import argparse
import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from .arguments import CliError
from .cli import show
from .core.queues import has_blanks

if TYPE_CHECKING:
    from .core.store import Store

WORKSHEET_SUFFIXES = (".md", ".html", ".htm")


def export(path: Path, text: str, args: argparse.Namespace, *, open_store: Callable[[], Store]) -> int:
    """Write what `--anki` and `--worksheet` ask for, from the blanks a quiz would show (the user's edits applied)."""
    from .core.workbook import Workbook
    from .i18n import captions, t

    anki = Path(args.anki) if args.anki else None
    sheet = Path(args.worksheet) if args.worksheet else None
    # Mistakes in the command line first, before any work.
    if anki is None and sheet is None:
        raise CliError(t("export_nothing"))
    if anki is not None and anki.suffix.lower() != ".apkg":
        raise CliError(t("export_anki_extension", name=anki))
    if sheet is not None and sheet.suffix.lower() not in WORKSHEET_SUFFIXES:
        raise CliError(t("export_worksheet_extension", name=sheet))
    for target in (anki, sheet):
        if target is not None and _same_file(target, path):
            raise CliError(t("export_same_file", name=target))
    store = open_store()
    try:
        workbook = Workbook.for_reading(path, text, store)
    finally:
        store.close()
    doc = workbook.opened
    section_id = None
    if args.section is not None:
        section_id = workbook.find_section(args.section)
        if section_id is None:
            raise CliError(t("export_no_section", section=args.section))
    if not (has_blanks(workbook, section_id) if section_id is not None else workbook.cards):
        raise CliError(t("export_no_blanks", name=path))
    names = captions()
    if anki is not None:
        from .core.anki import cloze_notes, write_apkg

        notes = cloze_notes(doc, workbook.cards, section_id, names)
        _write_atomically(anki, lambda temp: write_apkg(notes, doc.title, temp))
        clozes = sum(len(note.keys) for note in notes)
        show(t("export_wrote_anki", name=anki, notes=len(notes), clozes=clozes))
    if sheet is not None:
        from .core.worksheet import to_html, to_markdown, worksheet

        paper = worksheet(doc, workbook.cards, section_id, names, answers=t("export_answers"))
        if sheet.suffix.lower() == ".md":
            page = to_markdown(paper)
        else:
            page = to_html(paper, "zh-CN" if paper.cjk else "en")
        _write_atomically(sheet, lambda temp: _write_text(temp, page))
        show(t("export_wrote_worksheet", name=sheet, blanks=len(paper.gaps)))
    return 0


def _write_text(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def _same_file(target: Path, source: Path) -> bool:
    try:
        return target.exists() and source.exists() and os.path.samefile(target, source)
    except OSError:
        return False


def _write_atomically(target: Path, write: Callable[[Path], None]) -> None:
    """Write to a temporary file beside `target`, then rename it: a failure leaves no half-written file."""
    from .i18n import os_error_detail, t

    temp: str | None = None
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
        os.close(handle)
        write(Path(temp))
        os.chmod(temp, _mode_for(target))
        os.replace(temp, target)
        temp = None
    except OSError as error:
        raise CliError(t("export_cannot_write", name=target, detail=os_error_detail(error))) from None
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)


def _mode_for(target: Path) -> int:
    """The permissions a new file gets (mkstemp's are private), or the ones the file being replaced had."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
