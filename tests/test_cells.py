"""Tests for tui/cells.py: Text cut to a width in terminal cells, at its end or its start."""

from __future__ import annotations

from rich.text import Text

from tui.cells import cut_end, cut_start


def test_the_end_cut_counts_wide_characters_as_two_and_leaves_no_gap_before_the_mark() -> None:
    assert cut_end(Text("一二三四五"), 10).plain == "一二三四五"  # it fits: kept whole
    assert cut_end(Text("一二三四五"), 7).plain == "一二三…"
    assert cut_end(Text("一二三四五"), 6).plain == "一二…"  # not "一二 …": half a character is no room
    assert cut_end(Text("ab cd"), 4).plain == "ab …"  # a space of the text's own is kept
    assert cut_end(Text("一二", style="bold"), 3).style == "bold"


def test_the_start_cut_keeps_the_end_the_files_name() -> None:
    path = Text("/home/someone/笔记/notes.txt", style="dim")
    assert cut_start(path, 40) is path
    short = cut_start(path, 12)
    assert short.plain == "…/notes.txt"  # 记 would make 13 cells
    assert cut_start(path, 13).plain == "…记/notes.txt"
    assert cut_start(Text("路径路径"), 4).plain == "…径"  # a wide character that does not fit is left out
    assert cut_start(path, 0).plain == ""
