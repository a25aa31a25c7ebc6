"""Tests for tui/core/stored_phrases.py: the store's phrase edits and its cache of phrases found."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone
from pathlib import Path

import pytest

from tui.core.model import Phrase, PhraseEdit
from tui.core.store import FILENAME, Store

NOW = datetime(2026, 3, 1, 9, 0, tzinfo=timezone.utc)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store.open(tmp_path) as opened:
        yield opened


@pytest.fixture
def doc_id(store: Store, tmp_path: Path) -> int:
    return store.document(tmp_path / "speech.txt", "hash-1", "讲话", now=NOW)


def raw(tmp_path: Path) -> sqlite3.Connection:
    """A connection of its own, as a second process would have."""
    return sqlite3.connect(tmp_path / FILENAME)


class TestPhrases:
    def test_edits_round_trip_in_order(self, store: Store, doc_id: int) -> None:
        first = PhraseEdit("一 / 甲", "add", "两个确立", 0, 5)
        second = PhraseEdit("一 / 甲", "remove", "抓发展")
        store.add_phrase_edit(doc_id, first)
        store.add_phrase_edit(doc_id, second)
        assert store.phrase_edits(doc_id) == [first, second]
        assert store.remove_phrase_edit(doc_id, first)
        assert not store.remove_phrase_edit(doc_id, first)
        assert store.phrase_edits(doc_id) == [second]

    def test_an_edit_cancels_its_opposite_and_replaces_its_twin(self, store: Store, doc_id: int) -> None:
        store.add_phrase_edit(doc_id, PhraseEdit("一", "remove", "零容忍"))
        store.add_phrase_edit(doc_id, PhraseEdit("一", "add", "零容忍"))
        store.add_phrase_edit(doc_id, PhraseEdit("一", "add", "零容忍"))
        store.add_phrase_edit(doc_id, PhraseEdit("一", "add", "零容忍", 2, 0))  # another occurrence
        assert store.phrase_edits(doc_id) == [PhraseEdit("一", "add", "零容忍"), PhraseEdit("一", "add", "零容忍", 2, 0)]

    def test_edits_belong_to_their_document(self, store: Store, doc_id: int, tmp_path: Path) -> None:
        other = store.document(tmp_path / "other.txt", "h-other", "B")
        store.add_phrase_edit(doc_id, PhraseEdit("一", "add", "零容忍"))
        assert store.phrase_edits(other) == []

    def test_phrase_cache(self, store: Store) -> None:
        phrases = {"s1": [Phrase(0, 2, 6, "两个确立", "formulation")], "s2": []}
        assert store.cached_phrases("h", 1) is None
        store.cache_phrases("h", 1, phrases)
        assert store.cached_phrases("h", 1) == phrases
        assert store.cached_phrases("h", 2) is None
        store.cache_phrases("h", 2, {"s1": []})
        assert store.cached_phrases("h", 1) is None  # the old version is gone
        assert store.cached_phrases("h", "2") == {"s1": []}

    def test_an_unreadable_cache_entry_is_a_miss(self, store: Store, tmp_path: Path) -> None:
        store.cache_phrases("h", 1, {})
        with raw(tmp_path) as db:
            db.execute("UPDATE phrase_cache SET phrases = 'not json'")
        assert store.cached_phrases("h", 1) is None
