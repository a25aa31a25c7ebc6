"""A table of contents at the head of a document: its marker (目录, Contents), its entries, where it ends."""

from __future__ import annotations

from .heading_patterns import HEADING_END, SPACES
from .lazy_pattern import lazy_compile

RE_TOC_MARKER = lazy_compile(r"(?:目[ \t\u3000]*录|(?i:contents|table of contents))[:：]?")
RE_PAGE_TAIL = lazy_compile(r"(?:[.…·•_\-—–－][ \t\u3000]*){3,}\d{1,4}$|…+[ \t\u3000]*\d{1,4}$|(?:[ \t\u3000]{2,}|\t)\d{1,4}$")


def toc_entry(line: str) -> bool:
    """A table-of-contents line: text ending with dot leaders or a run of spaces and a page number."""
    tail = line[-40:]
    return bool(tail[-1:].isdigit() and RE_PAGE_TAIL.search(tail))


def toc_end(body: list[str], marker: int) -> int:
    """Where the text after a 目录 line begins: at the first contents entry written again.

    The entries are short lines (headings, 序言, 附则, with or without page numbers). When
    no entry comes again before a sentence does, only the marker line is taken; entries with
    page numbers are still recognised one by one.
    """
    first = next((j for j in range(marker + 1, min(len(body), marker + 50)) if body[j].strip(SPACES)), None)
    if first is None or not _toc_like(body[first].strip(SPACES)):
        return marker + 1
    key = _toc_key(body[first].strip(SPACES))
    for j in range(first + 1, min(len(body), first + 3000)):
        line = body[j].strip(SPACES)
        if not line:
            continue
        if _toc_key(line) == key:
            return j
        if not _toc_like(line):
            break
    return marker + 1


def _toc_like(line: str) -> bool:
    return toc_entry(line) or (len(line) <= 40 and not any(mark in line for mark in HEADING_END))


def _toc_key(line: str) -> str:
    """A heading line reduced to what a table of contents repeats of it."""
    tail = line[-40:]
    match = RE_PAGE_TAIL.search(tail) if tail[-1:].isdigit() else None
    if match:
        line = line[: len(line) - len(tail) + match.start()]
    return "".join(ch for ch in line if ch.isalnum())
