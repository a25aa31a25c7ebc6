"""What the library's rows show (tui/screens/library_rows.py): the figures, the file's state, the time, the path."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tui.core.library import LibraryEntry
from tui.i18n import set_language
from tui.screens.library_rows import COLUMNS, PATH_CELLS, file_cell, header, row_cells, shown_path, shown_time


@pytest.fixture(autouse=True)
def english() -> None:
    set_language("en")


def entry(tmp_path: Path, **changes: int) -> LibraryEntry:
    notes = LibraryEntry(1, tmp_path / "notes.md", "Notes\x1b[31m", "h", 3, 12, 4, 0.5, None)
    return notes._replace(**changes)


def test_a_row_has_a_cell_per_column_the_figures_right_aligned(tmp_path: Path) -> None:
    cells = row_cells(entry(tmp_path), None)
    assert len(cells) == len(header()) == len(COLUMNS)
    assert [cell.plain for cell in cells[:6]] == ["Notes [31m", "", "3", "12", "4", cells[5].plain]
    assert cells[5].plain.endswith("50%") and cells[6].plain == "never"
    assert [cells[i].justify for i in (2, 3, 4)] == ["right"] * 3 and cells[4].style == "bold"
    none = row_cells(entry(tmp_path, sections=0, cards=0, due=0), None)
    assert [cell.plain for cell in none[2:6]] == ["-", "-", "0", "-"] and none[4].style == ""


def test_the_file_column_says_what_is_wrong_only(tmp_path: Path) -> None:
    assert file_cell(None).plain == "" and file_cell("ok").plain == ""
    assert (file_cell("missing").plain, file_cell("missing").style) == ("missing", "bold red")
    assert (file_cell("changed").plain, file_cell("changed").style) == ("changed", "yellow")


def test_the_time_today_else_the_date(tmp_path: Path) -> None:
    now = datetime.now().astimezone()
    assert shown_time(now, now) == f"today {now:%H:%M}"
    assert shown_time(now - timedelta(days=3), now) == f"{now - timedelta(days=3):%Y-%m-%d}"


def test_a_long_path_keeps_its_end(tmp_path: Path) -> None:
    path = Path.home() / ("a" * 80) / "notes.md"
    shown = shown_path(path)
    assert shown.startswith("…") and shown.endswith("/notes.md") and len(shown) == PATH_CELLS
    assert shown_path(Path.home() / "notes.md") == "~/notes.md"
