"""The store's outlines: a text's `Document` as parsed, kept so that opening the text again needs no parser.

Reopening a document is what study does most, and before its first frame. Parsing the
bundled speech takes half a millisecond, but the parser's modules and the regular
expressions its lines need take ten times that to load and compile in a fresh process.
A kept outline is read back instead, as long as the parser is the one that made it:
`parser_version` is a digest of the parser's own source, so any change to it, however
small, makes every kept outline stale, and the text is parsed again.
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
# Libraries whose answers the parser uses: `rich.cells` measures a title's width.
PARSER_LIBRARIES = ("rich.cells",)


@cache
def parser_version() -> str:
    """A digest of the parser: its modules' source, and the Python and libraries it runs on.

    "" when a source file cannot be read (an installation without sources): outlines
    are then neither kept nor read back.
    """
    digest = hashlib.sha256(sys.version.encode())
    folder = Path(__file__).parent
    try:
        for name in PARSER_MODULES:
            digest.update((folder / f"{name}.py").read_bytes())
        for library in PARSER_LIBRARIES:
            module = sys.modules.get(library) or __import__(library, fromlist=["_"])
            stat = Path(str(module.__file__)).stat()  # a new release is a new file
            digest.update(f"{library} {stat.st_size} {stat.st_mtime_ns}".encode())
    except (OSError, TypeError):
        return ""
    return digest.hexdigest()[:16]


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
            db.execute(
                "DELETE FROM outline_cache WHERE content_hash NOT IN (SELECT content_hash FROM documents) "
                "AND content_hash != ?",
                (content_hash,),
            )
