"""The store's outlines: a text's `Document` as parsed, kept so that opening the text again needs no parser.

Reopening a document is what study does most, and before its first frame. Parsing the
bundled speech takes half a millisecond, but the parser's modules and the regular
expressions its lines need take ten times that to load and compile in a fresh process.
A kept outline is read back instead, as long as the parser is the one that made it:
`parser_version` changes with any file of the parser (as Python's own bytecode cache
does, by each source file's size and time), so after any change to it every kept
outline is stale and the text is parsed again.
"""

from __future__ import annotations

import hashlib
import sqlite3
import sys
import time
from collections.abc import Iterable
from contextlib import AbstractContextManager
from functools import cache
from pathlib import Path
from typing import Any

from tui.core.model import Document, Section

# The modules whose code decides an outline (tui/core/outline.py and what it imports):
# tests/core/test_stored_outlines.py checks this list against what `outline` imports.
PARSER_MODULES = (
    "contents", "heading_patterns", "headings", "lazy_pattern", "loader", "model", "numerals", "outline",
    "residue", "sanitize", "section_tree",
)
# The libraries whose answers the parser uses: `rich.cells` measures a title's width.
PARSER_LIBRARIES = ("rich", "rich.cells", "rich._unicode_data")


@cache
def parser_version() -> str:
    """A digest of the parser: the size and time of each of its files (this module's, which writes and
    reads the outlines, among them), and the Python it runs on. "" when a file cannot be found: outlines
    are then neither kept nor read back."""
    folder = Path(__file__).parent
    files = [folder / f"{name}.py" for name in (*PARSER_MODULES, "stored_outlines")]
    digest = hashlib.sha256(sys.version.encode())
    try:
        for library in PARSER_LIBRARIES:
            if library not in sys.modules:
                __import__(library)
            files.append(Path(str(sys.modules[library].__file__)))
        for file in files:
            stat = file.stat()
            digest.update(f"{file} {stat.st_size} {stat.st_mtime_ns}\n".encode())
    except (OSError, ImportError):
        return ""
    return digest.hexdigest()[:16]


def drop_unused_outlines(db: sqlite3.Connection, keep: str = "") -> None:
    """Within a write: drop the outlines of texts no document has any longer (but `keep`'s)."""
    try:
        db.execute(
            "DELETE FROM main.outline_cache WHERE content_hash NOT IN (SELECT content_hash FROM main.documents) "
            "AND content_hash != ?",
            (keep,),
        )
    except sqlite3.OperationalError:
        pass  # no outline_cache in this file (created by a study that had none, and not writable since)


def outline_data(document: Document) -> dict[str, Any]:
    """The document as JSON-able data, every field of it."""

    def section(s: Section) -> list[Any]:
        return [s.id, s.kind, s.level, s.label, s.heading, s.paragraphs, [section(child) for child in s.children]]

    return {
        "title": document.title,
        "title_from": document.title_from,
        "meta": document.meta,
        "noise": document.noise,
        "markdown": document.markdown,
        "sections": [section(s) for s in document.sections],
    }


def outline_from_data(data: dict[str, Any]) -> Document:
    """The document `outline_data` made the data of."""

    def section(fields: list[Any]) -> Section:
        id_, kind, level, label, heading, paragraphs, children = fields
        return Section(id_, kind, level, label, heading, list(paragraphs), [section(child) for child in children])

    return Document(
        title=data["title"],
        title_from=data["title_from"],
        sections=[section(s) for s in data["sections"]],
        meta=dict(data["meta"]),
        noise=list(data["noise"]),
        markdown=bool(data["markdown"]),
    )


class StoredOutlines:
    """What `Store` keeps of outlines (outline_cache); it supplies `_read` and `_write`."""

    def _read(self, sql: str, parameters: Iterable[object] = ()) -> list[tuple[Any, ...]]:
        raise NotImplementedError

    def _write(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError

    def cached_outline(self, content_hash: str, name: str) -> Document | None:
        """The outline this parser made of this text under this file name (which can make it Markdown,
        or give its title), if it was kept."""
        version = parser_version()
        if not version:
            return None
        rows = self._read(
            "SELECT outline FROM outline_cache WHERE content_hash = ? AND name = ? AND parser_version = ?",
            (content_hash, name, version),
        )
        if not rows:
            return None
        import json  # the one import reading it back costs

        try:
            return outline_from_data(json.loads(rows[0][0]))
        except (ValueError, TypeError, KeyError):
            return None  # an unreadable entry is just a cache miss: the text is parsed

    def cache_outline(self, content_hash: str, name: str, document: Document) -> None:
        """Keep the outline of this text under this name; outlines of texts no document has any longer go."""
        version = parser_version()
        if not version:
            return
        import json

        payload = json.dumps(outline_data(document), ensure_ascii=False, separators=(",", ":"))
        with self._write() as db:
            db.execute(
                "INSERT OR REPLACE INTO outline_cache (content_hash, name, parser_version, outline, created_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (content_hash, name, version, payload, time.time()),
            )
            drop_unused_outlines(db, keep=content_hash)
