"""Tests of tui/core/file_states.py: what the library knows of each document's file, and which to check."""

from __future__ import annotations

import os
from pathlib import Path

from tui.core.file_states import FileStates, stamp
from tui.core.library import LibraryEntry


def entry(path: Path, id: int | None = 1) -> LibraryEntry:
    return LibraryEntry(id, path, "笔记", "hash", 2, 3, 0, 0.0, None)


def test_a_missing_file_is_known_at_once_and_never_checked(tmp_path: Path) -> None:
    gone = entry(tmp_path / "gone.txt")
    states = FileStates()
    assert states.of(gone) == "missing" and states.to_check([gone]) == []


def test_a_file_is_checked_once_until_it_is_touched(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("一", encoding="utf-8")
    notes, unseen = entry(path), entry(path, id=None)
    states = FileStates()
    assert states.of(notes) is None
    assert states.to_check([notes, unseen]) == [(path, "hash")]  # a document the store has not seen: nothing to compare
    states.found(path, "changed")
    assert states.of(notes) == "changed" and states.to_check([notes]) == []
    path.write_text("一二", encoding="utf-8")
    os.utime(path, (1_000_000, 1_000_000))
    assert states.of(notes) is None and states.to_check([notes]) == [(path, "hash")]


def test_the_stamp_of_a_file_that_is_gone(tmp_path: Path) -> None:
    assert stamp(tmp_path / "gone.txt") == (-1, 0.0)
