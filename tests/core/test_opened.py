"""Tests of tui/core/opened.py: the workbooks of one run, each left once."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.opened import OpenedWorkbooks
from tui.core.store import Store
from tui.core.workbook import Workbook

from .notes_workbook import NOTES, NOTES_PATH, ready


def test_a_file_from_the_library_is_read_when_opened_with_the_runs_new_cards_a_day(
    store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "notes.txt"
    path.write_text(NOTES, encoding="utf-8")
    opened = OpenedWorkbooks(store, new_per_day=3)
    workbook = opened.open_file(path)
    assert opened.workbooks == [workbook] and workbook.text == "" and workbook.new_per_day == 3
    workbook.open()
    assert workbook.text == NOTES and workbook.opened.title == "学习笔记"


def test_a_workbook_is_left_once_its_position_stored(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    workbook = ready(store)
    opened = OpenedWorkbooks(store)
    opened.add(workbook)
    calls: list[object] = []
    real = workbook.leave
    monkeypatch.setattr(workbook, "leave", lambda position: (calls.append(position), real(position)))
    opened.leave(workbook, ("2.1", 1.5))
    opened.leave(workbook, ("1", 0.0))
    opened.leave_all()
    assert calls == [("2.1", 1.5)] and opened.was_left(workbook)
    again = Workbook(NOTES_PATH, NOTES, store)
    again.open()
    assert again.saved_position is not None and again.saved_position.section_id == "2.1"


def test_leaving_all_stores_each_ones_waiting_answers(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = ready(store), ready(store)
    opened = OpenedWorkbooks(store)
    opened.add(first, second)
    opened.forget(second)  # its document could not be read: nothing to store
    left: list[Workbook] = []
    for workbook in (first, second):
        monkeypatch.setattr(workbook, "leave", lambda position, workbook=workbook: left.append(workbook))
    opened.leave_all()
    assert left == [first]

