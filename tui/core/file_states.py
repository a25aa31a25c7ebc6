"""What the library knows of its documents' files: missing, changed or as stored; each checked once while untouched."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .library import FileState, LibraryEntry


def stamp(path: Path) -> tuple[int, float]:
    """A file's size and modification time: when they are as they were, its content is taken to be too."""
    try:
        status = path.stat()
    except OSError:
        return (-1, 0.0)
    return (status.st_size, status.st_mtime)


class FileStates:
    """What checking each file found, by path and the file's (size, mtime): a file is hashed again only if touched."""

    def __init__(self) -> None:
        self._found: dict[Path, tuple[tuple[int, float], FileState]] = {}

    def of(self, entry: LibraryEntry) -> FileState | None:
        """What is known of an entry's file: missing at once; changed or not once a check has read it."""
        if entry.piped:
            return "piped"
        if entry.missing:
            return "missing"
        known = self._found.get(entry.path)
        if known is not None and known[0] == stamp(entry.path):
            return known[1]
        return None

    def found(self, path: Path, state: FileState) -> None:
        """What a check of the file at `path` found, as it is now."""
        self._found[path] = (stamp(path), state)

    def to_check(self, entries: Iterable[LibraryEntry]) -> list[tuple[Path, str]]:
        """The files to read and hash, with the hash the store knows: those of stored documents not known yet."""
        return [
            (entry.path, entry.content_hash)
            for entry in entries
            if entry.id is not None and not entry.missing and self.of(entry) is None
        ]
