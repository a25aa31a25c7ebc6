"""Tests of tui/core/phrase_edits.py: a phrase switched off, on or added, saved and quizzed at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.database import StoreError
from tui.core.phrase_edits import edit_phrase
from tui.core.store import Store
from tui.core.workbook import Workbook

from .notes_workbook import NOTES, NOTES_PATH, Busy


class TestPhraseEdits:
    def test_an_edit_is_saved_and_quizzed_at_once(self, workbook: Workbook, store: Store) -> None:
        revision = workbook.revision
        edit_phrase(workbook, "2.1", "add", "悟原理")
        assert "悟原理" in [p.text for p in workbook.phrases["2.1"]]
        assert any(card.phrase.text == "悟原理" for card in workbook.cards)
        assert workbook.revision > revision
        assert [edit.text for edit in store.phrase_edits(workbook.document_id())] == ["悟原理"]
        # Reopened, the edit is there.
        again = Workbook(NOTES_PATH, NOTES, store)
        again.open()
        again.use_phrases(again.find_phrases())
        assert "悟原理" in [p.text for p in again.phrases["2.1"]]

    def test_switching_a_phrase_off_and_back_on(self, workbook: Workbook) -> None:
        edit_phrase(workbook, "1", "remove", "两个确立")
        assert "两个确立" not in [p.text for p in workbook.phrases["1"]]
        edit_phrase(workbook, "1", "remove", "两个确立", undo=True)
        assert "两个确立" in [p.text for p in workbook.phrases["1"]]

    def test_a_refused_edit_changes_nothing(self, workbook: Workbook, monkeypatch: pytest.MonkeyPatch) -> None:
        before = dict(workbook.phrases)
        assert workbook.store is not None
        monkeypatch.setattr(workbook.store, "add_phrase_edit", Busy(Path()).add_phrase_edit)
        with pytest.raises(StoreError):
            edit_phrase(workbook, "2.1", "add", "悟原理")
        assert workbook.phrases == before
