"""The store's phrases: the user's phrase edits of a document, and the phrases found earlier in a text."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping
from contextlib import AbstractContextManager
from datetime import datetime
from typing import Any

from tui.core import scheduler
from tui.core.model import Phrase, PhraseEdit


def _epoch(moment: datetime | None) -> float:
    return scheduler.utc(moment).timestamp()


class StoredPhrases:
    """What `Store` keeps of phrases (phrase_edits, phrase_cache); it supplies `_read` and `_write`."""

    def _read(self, sql: str, parameters: Iterable[object] = ()) -> list[tuple[Any, ...]]:
        raise NotImplementedError

    def _write(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError

    def phrase_edits(self, document_id: int) -> list[PhraseEdit]:
        """The user's phrase edits, oldest first (the order to apply them in)."""
        rows = self._read(
            "SELECT section_key, action, text, paragraph, start FROM phrase_edits WHERE document_id = ? ORDER BY id",
            (document_id,),
        )
        return [PhraseEdit(key, action, text, paragraph, start) for key, action, text, paragraph, start in rows]

    def add_phrase_edit(self, document_id: int, edit: PhraseEdit, now: datetime | None = None) -> None:
        """Save an edit; it replaces an identical one and cancels the opposite one for that text."""
        with self._write() as db:
            db.execute(
                "DELETE FROM phrase_edits WHERE document_id = ? AND section_key = ? AND text = ? "
                "AND (action != ? OR (paragraph IS ? AND start IS ?))",
                (document_id, edit.section_key, edit.text, edit.action, edit.paragraph, edit.start),
            )
            db.execute(
                "INSERT INTO phrase_edits (document_id, section_key, action, text, paragraph, start, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (document_id, edit.section_key, edit.action, edit.text, edit.paragraph, edit.start, _epoch(now)),
            )

    def remove_phrase_edit(self, document_id: int, edit: PhraseEdit) -> bool:
        """Forget a saved edit; False when there was no such edit."""
        with self._write() as db:
            cursor = db.execute(
                "DELETE FROM phrase_edits WHERE document_id = ? AND section_key = ? AND action = ? AND text = ? "
                "AND paragraph IS ? AND start IS ?",
                (document_id, edit.section_key, edit.action, edit.text, edit.paragraph, edit.start),
            )
            return cursor.rowcount > 0

    def cached_phrases(self, content_hash: str, extractor_version: object) -> dict[str, list[Phrase]] | None:
        """The phrases extracted earlier from this content by this extractor version, if any."""
        rows = self._read(
            "SELECT phrases FROM phrase_cache WHERE content_hash = ? AND extractor_version = ?",
            (content_hash, str(extractor_version)),
        )
        if not rows:
            return None
        import json  # found in the background, after the first frame

        try:
            raw = json.loads(rows[0][0])
            return {section: [Phrase(*fields) for fields in phrases] for section, phrases in raw.items()}
        except (ValueError, TypeError):
            return None  # an unreadable entry is just a cache miss

    def cache_phrases(
        self,
        content_hash: str,
        extractor_version: object,
        phrases: Mapping[str, Iterable[Phrase]],
        now: datetime | None = None,
    ) -> None:
        """Keep extracted phrases for this content; entries of older extractor versions go."""
        import json

        payload = json.dumps(
            {
                section: [[p.paragraph, p.start, p.end, p.text, p.kind] for p in items]
                for section, items in phrases.items()
            },
            ensure_ascii=False,
            separators=(",", ":"),
        )
        with self._write() as db:
            db.execute("DELETE FROM phrase_cache WHERE content_hash = ?", (content_hash,))
            db.execute(
                "INSERT INTO phrase_cache (content_hash, extractor_version, phrases, created_at) VALUES (?, ?, ?, ?)",
                (content_hash, str(extractor_version), payload, _epoch(now)),
            )
