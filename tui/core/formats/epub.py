"""An EPUB as text: its chapters in spine order as top-level sections, the headings inside them below.

ebooklib reads the package (container, manifest, spine, table of contents); each
chapter's XHTML is then read with lxml: its title from the table of contents or its
first heading, its paragraphs, list items and table rows in order.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator
from typing import Any

from ..heading_patterns import SPACES
from ..loader import LoadError
from .blocks import Block, compose

_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_PARAGRAPHS = {"p", "li", "blockquote", "dt", "dd", "pre", "figcaption", "caption"}
_SKIP = {"script", "style", "head", "nav", "aside", "rt", "rp"}


def read(data: bytes, name: str) -> str:
    """The text of an EPUB, in the form the outline reads."""
    import ebooklib
    from ebooklib import epub

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # ebooklib warns about options it will change in later versions
            book = epub.read_epub(io.BytesIO(data), {"ignore_ncx": False})
    except Exception as error:  # ebooklib raises bare exceptions of many kinds for a damaged book
        raise LoadError("corrupt", name=name, format="EPUB", detail=_message(error)) from None
    titles = _toc_titles(book.toc)
    blocks: list[Block] = []
    for item_id, _linear in book.spine:
        item = book.get_item_with_id(item_id)
        if item is None or item.get_type() != ebooklib.ITEM_DOCUMENT:
            continue
        blocks.extend(chapter(item.get_content(), titles.get(_base(item.get_name()), "")))
    title = ""
    found = book.get_metadata("DC", "title")
    if found:
        title = str(found[0][0] or "")
    if not any(block.text.strip(SPACES) for block in blocks):
        raise LoadError("no_text", name=name, format="EPUB")
    return compose(blocks, title=title)


def chapter(content: bytes, toc_title: str = "") -> list[Block]:
    """One chapter: its title a level-1 heading, its own headings one level below, then its text."""
    from lxml import etree, html

    try:
        root = html.fromstring(content)
    except (etree.ParserError, ValueError):
        return []
    body = root.find(".//body")
    blocks = list(_blocks(body if body is not None else root))
    if not blocks:
        return []
    headings = [block for block in blocks if block.level]
    title = toc_title
    if headings and (not title or _same(headings[0].text, title)) and blocks[0] is headings[0]:
        title = headings[0].text
        blocks = blocks[1:]  # the chapter's own first heading is its title
    elif not title and headings and blocks[0] is headings[0]:
        title = headings[0].text
        blocks = blocks[1:]
    top = min((block.level for block in blocks if block.level), default=2)
    shift = 2 - top  # the chapter's headings, whatever their tags, start one level below it
    inner = [Block(block.text, max(2, min(block.level + shift, 9)) if block.level else 0) for block in blocks]
    return ([Block(title, 1)] if title else []) + inner


def _blocks(element: Any) -> Iterator[Block]:
    """The headings and paragraphs of an XHTML element, in order; text in a <div> outside any paragraph too."""
    for child in element.iterchildren():
        tag = child.tag if isinstance(child.tag, str) else ""
        tag = tag.rsplit("}", 1)[-1].lower()
        if not tag or tag in _SKIP:
            continue
        if tag in _HEADINGS:
            yield Block(_text(child), _HEADINGS[tag])
        elif tag in _PARAGRAPHS and not _holds_blocks(child):
            yield Block(_text(child))
        elif tag == "tr":
            cells = [_text(cell).strip(SPACES) for cell in child.iterchildren() if isinstance(cell.tag, str)]
            line = " | ".join(cell for cell in cells if cell)
            if line:
                yield Block(line)
        else:
            if (child.text or "").strip():
                yield Block(child.text or "")
            yield from _blocks(child)
        if (child.tail or "").strip() and tag not in _HEADINGS:
            yield Block(child.tail or "")


def _holds_blocks(element: Any) -> bool:
    """A list item or quote holding paragraphs of its own is read paragraph by paragraph."""
    return any(
        isinstance(child.tag, str) and child.tag.rsplit("}", 1)[-1].lower() in _PARAGRAPHS | set(_HEADINGS) | {"div"}
        for child in element.iterchildren()
    )


def _text(element: Any) -> str:
    """An element's text, <br> as a line break, ruby annotations left out."""
    parts = [element.text or ""]
    for child in element.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1].lower() if isinstance(child.tag, str) else ""
        if tag == "br":
            parts.append("\n")
        elif tag and tag not in _SKIP:
            parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts).strip(SPACES + "\n")


def _toc_titles(toc: Any) -> dict[str, str]:
    """The table of contents' title for each chapter file (its first entry when several point into it)."""
    titles: dict[str, str] = {}

    def walk(entries: Any) -> None:
        if not isinstance(entries, (list, tuple)):
            entries = [entries]
        for entry in entries:
            if isinstance(entry, tuple) and len(entry) == 2:
                section, children = entry
                walk([section])
                walk(children)
                continue
            href = getattr(entry, "href", "") or ""
            title = getattr(entry, "title", "") or ""
            titles.setdefault(_base(href), title)

    walk(toc)
    return titles


def _base(href: str) -> str:
    return href.split("#", 1)[0].rsplit("/", 1)[-1]


def _same(a: str, b: str) -> bool:
    return "".join(a.split()) == "".join(b.split())


def _message(error: BaseException) -> str:
    words = str(error).strip().splitlines()
    return (words[0] if words else type(error).__name__)[:80]
