"""The store's exam dates: one optional date per document (documents.exam_date, ISO YYYY-MM-DD)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from contextlib import AbstractContextManager
from datetime import date
from typing import Any


class ExamDates:
    """What `Store` keeps of a document's exam date; it supplies `_read` and `_write`."""

    def _read(self, sql: str, parameters: Iterable[object] = ()) -> list[tuple[Any, ...]]:
        raise NotImplementedError

    def _write(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError

    def exam_date(self, document_id: int) -> date | None:
        """The document's exam date; None when it has none (or holds a value that is not a date)."""
        rows = self._read("SELECT exam_date FROM documents WHERE id = ?", (document_id,))
        if not rows or not rows[0][0]:
            return None
        try:
            return date.fromisoformat(str(rows[0][0]))
        except ValueError:
            return None  # written by hand or by a later study: no plan rather than a crash

    def set_exam_date(self, document_id: int, when: date | None) -> None:
        """Set the document's exam date, or clear it with None."""
        with self._write() as db:
            db.execute(
                "UPDATE documents SET exam_date = ? WHERE id = ?",
                (when.isoformat() if when is not None else None, document_id),
            )
