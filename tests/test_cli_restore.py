"""`study restore`: the documents the library forgot, listed, and one brought back with its progress."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui import cli
from tui.core.records import Answer
from tui.core.store import Store


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def forgotten(data_dir: Path, tmp_path: Path) -> int:
    with Store.open(data_dir) as store:
        doc = store.document(tmp_path / "notes.txt", "hash", "学习笔记")
        store.record_review(doc, Answer("一 :: 两个确立 #1", "一", 3, outcome="right"))
        return store.forget(doc)


def test_nothing_forgotten(capsys) -> None:
    assert run(capsys, "restore", "--lang", "en") == (0, "No document has been forgotten.\n", "")


def test_lists_then_restores(capsys, forgotten: int, data_dir: Path, tmp_path: Path) -> None:
    code, out, err = run(capsys, "restore", "--lang", "zh")
    assert (code, err) == (0, "")
    first, hint = out.splitlines()
    assert first.startswith(f"{forgotten}  学习笔记  {tmp_path / 'notes.txt'}（") and first.endswith("移出）")
    assert hint == "用 study restore 编号 恢复其中一份。"

    assert run(capsys, "restore", str(forgotten), "--lang", "en") == (
        0, "“学习笔记” is back in the library with its progress.\n", ""
    )
    with Store.open(data_dir) as store:
        [entry] = store.library()
        assert (entry.title, entry.cards) == ("学习笔记", 1)
        assert store.forgotten() == []


def test_an_unknown_number_is_one_line(capsys, forgotten: int) -> None:
    code, out, err = run(capsys, "restore", str(forgotten + 5), "--lang", "en")
    assert (code, out) == (1, "")
    assert err == f"study: no forgotten document numbered {forgotten + 5}; study restore lists them\n"


def test_not_over_a_document_known_at_its_path_since(capsys, forgotten: int, data_dir: Path, tmp_path: Path) -> None:
    with Store.open(data_dir) as store:
        store.document(tmp_path / "notes.txt", "hash", "学习笔记")
    code, out, err = run(capsys, "restore", str(forgotten), "--lang", "en")
    assert (code, out) == (1, "")
    assert err.startswith("study: cannot restore “学习笔记”: the library knows another document at ")
