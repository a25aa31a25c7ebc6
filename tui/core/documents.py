"""The store's documents: found by path, content or fingerprint; progress carried through copies, moves, edits."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.core import scheduler
from tui.core.records import DocumentRecord, OrphanedCard

if TYPE_CHECKING:
    from tui.core.identity import CardPlace, SectionPlace

# `identity` (and the answer matching it brings) is imported where a document has changed or
# is new, not on every opening: a document opened as it was needs none of it before its first frame.


class Documents:
    """What `Store` does with documents; it supplies `_read` and `_write`."""

    def _read(self, sql: str, parameters: Iterable[object] = ()) -> list[tuple[Any, ...]]:
        raise NotImplementedError

    def _write(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError

    # ------------------------------------------------------------ which document

    def document(
        self,
        path: str | os.PathLike[str],
        content_hash: str,
        title: str,
        now: datetime | None = None,
        text: str | None = None,
    ) -> int:
        """The id of a document (see `open_document`)."""
        return self.open_document(path, content_hash, title, text=text, now=now).id

    def open_document(
        self,
        path: str | os.PathLike[str],
        content_hash: str,
        title: str | None,
        text: str | None = None,
        now: datetime | None = None,
        visit: bool = True,
    ) -> DocumentRecord:
        """The document at `path` with this content: found, or created; its progress carried over.

        By its path first (an edited file keeps its document); else by its content, else
        by its fingerprint (most sentences in common). A document found that way whose
        file is gone was moved (and perhaps edited): it takes the new path. One whose
        file is still there was copied: the copy is a document of its own that starts
        with the original's progress, and the original keeps its own; but the same text
        in a file of another format (a .docx and its .txt export) is the same document.

        `text` is the document's text, for its fingerprint; without it the file is read
        again, but only when the fingerprint is needed (a new or edited text). A title
        of None keeps the one stored. Without `visit` (an export, a plan, stats on the
        command line) the document is not recorded as opened: a new one stays never opened.
        """
        where = str(Path(path).expanduser().resolve())
        opened = scheduler.utc(now).timestamp() if visit else None
        with self._write() as db:
            row = db.execute("SELECT id, content_hash, layout FROM documents WHERE path = ?", (where,)).fetchone()
            if row is not None:
                document_id, known_hash, layout = row
                if known_hash == content_hash:
                    db.execute(
                        "UPDATE documents SET title = COALESCE(?, title), opened_at = COALESCE(?, opened_at) "
                        "WHERE id = ?",
                        (title, opened, document_id),
                    )
                    return DocumentRecord(document_id, changed=not layout)
                db.execute(
                    "UPDATE documents SET content_hash = ?, title = COALESCE(?, title), "
                    "opened_at = COALESCE(?, opened_at), fingerprint = ? "
                    "WHERE id = ?",
                    (content_hash, title, opened, _sketch(text, where), document_id),
                )
                return DocumentRecord(document_id, changed=True)
            sketch = None
            row = db.execute(
                "SELECT id, path, layout FROM documents WHERE content_hash = ? ORDER BY opened_at DESC LIMIT 1",
                (content_hash,),
            ).fetchone()
            if row is None:
                import json  # a new text only, as the matching of its sections is

                sketch = _sketch(text, where)
                row = _most_alike(db, json.loads(sketch)) if sketch else None
            if row is None:
                cursor = db.execute(
                    "INSERT INTO documents (path, content_hash, title, opened_at, fingerprint) VALUES (?, ?, ?, ?, ?)",
                    (where, content_hash, title or "", opened or 0, _sketch(text, where) if sketch is None else sketch),
                )
                return DocumentRecord(int(cursor.lastrowid or 0), changed=True)
            source, source_path, layout = row
            # The same text in another format (a .docx and its .txt export) is one document,
            # whichever file is opened; a copy in the same format is a document of its own.
            exported = sketch is None and Path(source_path).suffix.lower() != Path(where).suffix.lower()
            if _is_elsewhere(source_path, where) and not exported:
                cursor = db.execute(
                    "INSERT INTO documents (path, content_hash, title, opened_at, fingerprint, layout, copied_from) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        where,
                        content_hash,
                        title or "",
                        opened or 0,
                        sketch if sketch is not None else _sketch(text, where),
                        layout,
                        source,
                    ),
                )
                copy = int(cursor.lastrowid or 0)
                _copy_progress(db, source, copy)
                return DocumentRecord(copy, changed=sketch is not None or not layout, copied_from=source)
            # Moved: the record follows the file.
            db.execute(
                "UPDATE documents SET path = ?, content_hash = ?, title = COALESCE(?, title), "
                "opened_at = COALESCE(?, opened_at) "
                "WHERE id = ?",
                (where, content_hash, title, opened, source),
            )
            if sketch is not None:
                db.execute("UPDATE documents SET fingerprint = ? WHERE id = ?", (sketch, source))
            return DocumentRecord(source, changed=sketch is not None or not layout)

    def find_document(self, path: str | os.PathLike[str], content_hash: str) -> int | None:
        """The id `document` would return, found without writing (for a read-only database); None if new."""
        where = str(Path(path).expanduser().resolve())
        for sql, key in (
            ("SELECT id FROM documents WHERE path = ?", where),
            ("SELECT id FROM documents WHERE content_hash = ? ORDER BY opened_at DESC LIMIT 1", content_hash),
        ):
            rows = self._read(sql, (key,))
            if rows:
                return int(rows[0][0])
        return None

    # ------------------------------------------------------------ progress follows the text

    def match_sections(self, document_id: int, places: Sequence[SectionPlace]) -> dict[str, str]:
        """Carry cards, reviews and phrase edits over to the sections as they are now; remember them.

        Call it when `open_document` says the document changed, with `identity.layout`
        of the parsed text, before its phrases are found (phrase edits are kept by
        section). A heading with a character fixed or its punctuation changed keeps
        its cards. Returns the section keys that changed, old -> new.
        """
        import json

        from tui.core import identity

        with self._write() as db:
            row = db.execute("SELECT layout FROM documents WHERE id = ?", (document_id,)).fetchone()
            if row is None:
                return {}
            by_position = bool(row[0])
            if row[0]:
                old = [identity.SectionPlace(*fields) for fields in json.loads(row[0])]
            else:  # stored before layouts were: rebuilt from the keys progress is kept under
                keys = db.execute(
                    "SELECT section_key FROM cards WHERE document_id = ? UNION SELECT section_key FROM phrase_edits "
                    "WHERE document_id = ?",
                    (document_id, document_id),
                ).fetchall()
                old = identity.layout_from_keys(key for (key,) in keys)
            renamed = {
                before: after
                for before, after in identity.match_sections(old, places, by_position).items()
                if before != after
            }
            if renamed:
                for edit_id, section_key in db.execute(
                    "SELECT id, section_key FROM phrase_edits WHERE document_id = ?", (document_id,)
                ).fetchall():
                    if section_key in renamed:
                        db.execute(
                            "UPDATE phrase_edits SET section_key = ? WHERE id = ?", (renamed[section_key], edit_id)
                        )
                moves = {}
                for key, section_key in db.execute(
                    "SELECT key, section_key FROM cards WHERE document_id = ?", (document_id,)
                ).fetchall():
                    if section_key in renamed:
                        new_key = identity.rekey(key, section_key, renamed[section_key])
                        if new_key is not None:
                            moves[key] = (new_key, renamed[section_key])
                _move_cards(db, document_id, moves)
            db.execute(
                "UPDATE documents SET layout = ? WHERE id = ?",
                (json.dumps([[p.key, p.parent, p.part] for p in places], ensure_ascii=False), document_id),
            )
            return renamed

    def match_cards(self, document_id: int, places: Sequence[CardPlace]) -> int:
        """Give each reviewed card whose key is no longer made the card it has become; how many moved.

        Call it once the document's cards are known (`identity.card_places`): a phrase
        whose occurrence number changed, or whose section is gone but which now
        appears once elsewhere, keeps its history. See `identity.match_cards`.
        """
        from tui.core import identity

        section_of = {place.key: place.section_key for place in places}
        with self._write() as db:
            stored = dict(
                db.execute("SELECT key, section_key FROM cards WHERE document_id = ?", (document_id,)).fetchall()
            )
            moved = identity.match_cards(stored, places)
            _move_cards(db, document_id, {old: (new, section_of[new]) for old, new in moved.items()})
            return len(moved)

    def orphans(self, document_id: int, current_keys: Iterable[str]) -> list[OrphanedCard]:
        """Reviewed cards the document no longer has, with their reviews: never dropped, shown.

        A card whose phrase the user switched off is not an orphan: it is where the
        user put it.
        """
        from tui.core import identity

        current = set(current_keys)
        switched_off = {
            (section_key, text)
            for section_key, text in self._read(
                "SELECT section_key, text FROM phrase_edits WHERE document_id = ? AND action = 'remove'", (document_id,)
            )
        }
        found = []
        for key, section_key, count, last in self._read(
            "SELECT cards.key, cards.section_key, COUNT(reviews.id), MAX(reviews.time) FROM cards "
            "LEFT JOIN reviews ON reviews.document_id = cards.document_id AND reviews.card_key = cards.key "
            "WHERE cards.document_id = ? GROUP BY cards.key ORDER BY cards.section_key, cards.key",
            (document_id,),
        ):
            if key in current:
                continue
            parts = identity.split_key(key, section_key)
            phrase = parts[0] if parts else key
            if (section_key, phrase) in switched_off:
                continue
            found.append(
                OrphanedCard(key, section_key, phrase, int(count), datetime.fromtimestamp(last or 0, timezone.utc))
            )
        return found


def _sketch(text: str | None, path: str) -> str:
    """A text's fingerprint as stored (JSON); the file is read when the text was not given ("" if it cannot be)."""
    import json

    from tui.core import identity

    if text is None:
        from tui.core.loader import LoadError, load

        try:
            text = load(path)
        except LoadError:
            return ""
    return json.dumps(identity.fingerprint(text))


def _most_alike(db: sqlite3.Connection, sketch: list[int]) -> tuple[int, str, str] | None:
    """The document whose text shares the most sentences with this one, if it is a version of it."""
    import json

    from tui.core import identity

    best: tuple[float, tuple[int, str, str]] | None = None
    for document_id, path, layout, stored in db.execute(
        "SELECT id, path, layout, fingerprint FROM documents WHERE fingerprint != '' ORDER BY opened_at DESC"
    ):
        try:
            score = identity.similarity(sketch, json.loads(stored))
        except (ValueError, TypeError):
            continue
        if score >= identity.SAME_DOCUMENT and (best is None or score > best[0]):
            best = (score, (document_id, path, layout))
    return None if best is None else best[1]


def _is_elsewhere(recorded: str, opened: str) -> bool:
    """Whether the file a document was recorded at is still there, and another file than the one opened."""
    try:
        return os.path.exists(recorded) and not os.path.samefile(recorded, opened)
    except OSError:
        return False


def _copy_progress(db: sqlite3.Connection, source: int, copy: int) -> None:
    """Give a copy the original's cards, reviews, phrase edits and reading position."""
    db.execute(
        "INSERT INTO cards (document_id, key, section_key, state, due, introduced) "
        "SELECT ?, key, section_key, state, due, introduced FROM cards WHERE document_id = ?",
        (copy, source),
    )
    db.execute(
        "INSERT INTO reviews (document_id, card_key, section_key, time, typed, outcome, correct, hints, rating, "
        "duration, state_before) SELECT ?, card_key, section_key, time, typed, outcome, correct, hints, rating, "
        "duration, state_before FROM reviews WHERE document_id = ? ORDER BY id",
        (copy, source),
    )
    db.execute(
        "INSERT INTO phrase_edits (document_id, section_key, action, text, paragraph, start, created_at) "
        "SELECT ?, section_key, action, text, paragraph, start, created_at FROM phrase_edits WHERE document_id = ? "
        "ORDER BY id",
        (copy, source),
    )
    db.execute(
        "INSERT INTO positions (document_id, section_id, scroll) SELECT ?, section_id, scroll FROM positions "
        "WHERE document_id = ?",
        (copy, source),
    )


def _move_cards(db: sqlite3.Connection, document_id: int, moves: Mapping[str, tuple[str, str]]) -> None:
    """Re-key cards and their reviews: old key -> (new key, new section key).

    A move onto a key another card keeps is skipped (that card stays an orphan, never
    merged). Keys may swap, so everything moves through temporary keys first.
    """
    keeping = {key for (key,) in db.execute("SELECT key FROM cards WHERE document_id = ?", (document_id,))} - set(moves)
    targets: set[str] = set()
    plan = {}
    for old, (new, section_key) in moves.items():
        if new in keeping or new in targets:
            continue
        targets.add(new)
        plan[old] = (new, section_key)
    for number, old in enumerate(plan):
        temporary = f"\x00moving {number}"
        db.execute("UPDATE cards SET key = ? WHERE document_id = ? AND key = ?", (temporary, document_id, old))
        db.execute(
            "UPDATE reviews SET card_key = ? WHERE document_id = ? AND card_key = ?", (temporary, document_id, old)
        )
    for number, (new, section_key) in enumerate(plan.values()):
        temporary = f"\x00moving {number}"
        db.execute(
            "UPDATE cards SET key = ?, section_key = ? WHERE document_id = ? AND key = ?",
            (new, section_key, document_id, temporary),
        )
        db.execute(
            "UPDATE reviews SET card_key = ?, section_key = ? WHERE document_id = ? AND card_key = ?",
            (new, section_key, document_id, temporary),
        )
