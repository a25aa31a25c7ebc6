"""A Word .docx as text: paragraphs and tables in order, heading styles as levels, automatic numbering written out.

python-docx opens the package (zip, relationships, parts); the document's XML is then
walked directly, since python-docx neither renders list numbers nor exposes footnotes,
and looking up each paragraph's style through its objects is slow on long files.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from typing import Any

from ..loader import LoadError
from .blocks import Block, compose
from .numbering import Numbering, W

_HEADING_NAME = re.compile(r"(?:heading|标题)\s*([1-9])", re.I)
_MATH = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_BODY_TEXT = 9  # outline level 9: body text, whatever the style says
_FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
_ENDNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes"
# Inline containers whose runs are shown: links, insertions, content controls, fields, smart tags.
_CONTAINERS = {
    f"{W}{tag}" for tag in ("hyperlink", "ins", "smartTag", "fldSimple", "customXml", "moveTo", "dir", "bdo")
}


def read(data: bytes, name: str) -> str:
    """The text of a .docx, in the form the outline reads."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, SyntaxError, OSError) as error:
        raise LoadError("corrupt", name=name, format="Word", detail=_short(error)) from None
    except Exception as error:  # lxml's XMLSyntaxError and the like: a damaged part
        raise LoadError("corrupt", name=name, format="Word", detail=_short(error)) from None
    part = document.part
    try:
        numbering_root = part.numbering_part.element
    except (NotImplementedError, KeyError):
        numbering_root = None
    reader = _Reader(part.styles.element, Numbering(numbering_root), _notes(part))
    return compose(reader.blocks(document.element.body))


class _Reader:
    """Walks the body once, keeping the list counters as Word does."""

    def __init__(self, styles: Any, numbering: Numbering, notes: dict[str, str]) -> None:
        self.numbering = numbering
        self.notes = notes
        self.styles: dict[str, Any] = {}
        self.default_style = ""
        for style in styles.iterchildren(f"{W}style"):
            if style.get(f"{W}type") == "paragraph":
                style_id = style.get(f"{W}styleId", "")
                self.styles[style_id] = style
                if style.get(f"{W}default") in ("1", "true", "on"):
                    self.default_style = style_id
        self.levels: dict[str, int] = {}
        self.lists: dict[str, tuple[str, int] | None] = {}

    def blocks(self, container: Any) -> Iterator[Block]:
        for child in container.iterchildren():
            tag = child.tag
            if tag == f"{W}p":
                yield from self.paragraph(child)
            elif tag == f"{W}tbl":
                yield from self.table(child)
            elif tag == f"{W}sdt":
                content = child.find(f"{W}sdtContent")
                if content is not None:
                    yield from self.blocks(content)
            elif tag in (f"{W}customXml", f"{W}ins", f"{W}moveTo"):
                yield from self.blocks(child)

    def paragraph(self, p: Any) -> Iterator[Block]:
        ppr = p.find(f"{W}pPr")
        style_id = self.default_style
        direct_level: int | None = None
        direct_list: tuple[str | None, int | None] = (None, None)
        if ppr is not None:
            pstyle = ppr.find(f"{W}pStyle")
            if pstyle is not None:
                style_id = pstyle.get(f"{W}val", style_id)
            outline = ppr.find(f"{W}outlineLvl")
            if outline is not None:
                direct_level = _level_of(outline.get(f"{W}val"))
            numpr = ppr.find(f"{W}numPr")
            if numpr is not None:
                direct_list = _num_pr(numpr)
        extra: list[Block] = []
        notes: list[str] = []
        text = "".join(self.runs(p, extra, notes))
        level = direct_level if direct_level is not None else self.style_level(style_id)
        number = ""
        listed = self.style_list(style_id)
        num_id = direct_list[0] if direct_list[0] is not None else (listed[0] if listed else None)
        if num_id is not None and text.strip():
            # An empty numbered paragraph shows its number in Word but holds nothing to read.
            ilvl = direct_list[1] if direct_list[1] is not None else (listed[1] if listed else 0)
            number = self.numbering.label(num_id, ilvl)
            suffix = self.numbering.suffix(num_id, ilvl)
        if number:
            stripped = text.lstrip()
            text = number + Numbering.separator(suffix, number, stripped) + stripped
        yield Block(text, level)
        yield from extra
        for note in notes:
            yield Block(note)

    def runs(self, element: Any, extra: list[Block], notes: list[str]) -> Iterator[str]:
        """The text a paragraph shows: runs, links and fields; text boxes and notes go to `extra` and `notes`."""
        for child in element.iterchildren():
            tag = child.tag
            if tag == f"{W}r":
                yield from self.run(child, extra, notes)
            elif tag in _CONTAINERS:
                yield from self.runs(child, extra, notes)
            elif tag == f"{W}sdt":
                content = child.find(f"{W}sdtContent")
                if content is not None:
                    yield from self.runs(content, extra, notes)
            elif tag == f"{_MATH}oMath" or tag == f"{_MATH}oMathPara":
                yield "".join(t.text or "" for t in child.iter(f"{_MATH}t"))

    def run(self, r: Any, extra: list[Block], notes: list[str]) -> Iterator[str]:
        rpr = r.find(f"{W}rPr")
        if rpr is not None and _on(rpr.find(f"{W}vanish")):
            return  # hidden text is not shown, so not read
        for child in r.iterchildren():
            tag = child.tag
            if tag == f"{W}t":
                yield child.text or ""
            elif tag == f"{W}tab" or tag == f"{W}ptab":
                yield "\t"
            elif tag == f"{W}br":
                if child.get(f"{W}type") not in ("page", "column"):
                    yield "\n"
            elif tag == f"{W}cr":
                yield "\n"
            elif tag == f"{W}noBreakHyphen":
                yield "-"
            elif tag in (f"{W}footnoteReference", f"{W}endnoteReference"):
                note = self.notes.get(("f" if tag.endswith("footnoteReference") else "e") + child.get(f"{W}id", ""))
                if note:
                    notes.append(note)
            elif tag in (f"{W}drawing", f"{W}pict", f"{_MC}AlternateContent", f"{W}object"):
                extra.extend(self.text_boxes(child))

    def text_boxes(self, element: Any) -> Iterator[Block]:
        """The paragraphs of text boxes in a drawing, once: the fallback of alternate content repeats them."""
        for box in element.iter(f"{W}txbxContent"):
            if any(ancestor.tag == f"{_MC}Fallback" for ancestor in box.iterancestors()):
                continue
            yield from self.blocks(box)

    def table(self, tbl: Any) -> Iterator[Block]:
        """A table row by row: a row of one-line cells is one line, cells apart; longer cells are read as paragraphs."""
        for tr in tbl.iterchildren(f"{W}tr"):
            cells = [list(self.blocks(tc)) for tc in tr.iterchildren(f"{W}tc")]
            cells = [[block for block in cell if block.text.strip()] for cell in cells]
            if len(cells) > 1 and all(len(cell) <= 1 and not (cell and cell[0].level) for cell in cells):
                line = " | ".join(cell[0].text.strip() if cell else "" for cell in cells).strip(" |")
                if line:
                    yield Block(line)
            else:
                for cell in cells:
                    yield from cell

    def style_level(self, style_id: str) -> int:
        """The heading level a style gives (0 for body text): its outline level, else its name (Heading 2, 标题 2)."""
        if style_id not in self.levels:
            self.levels[style_id] = 0  # a style based on itself must not loop
            self.levels[style_id] = self._style_level(style_id)
        return self.levels[style_id]

    def _style_level(self, style_id: str) -> int:
        style = self.styles.get(style_id)
        if style is None:
            return 0
        outline = style.find(f"{W}pPr/{W}outlineLvl")
        if outline is not None:
            level = _level_of(outline.get(f"{W}val"))
            if level is not None:
                return level
        name = style.find(f"{W}name")
        match = _HEADING_NAME.fullmatch((name.get(f"{W}val", "") if name is not None else "").strip())
        if match:
            return int(match.group(1))
        based = style.find(f"{W}basedOn")
        return self.style_level(based.get(f"{W}val", "")) if based is not None else 0

    def style_list(self, style_id: str) -> tuple[str, int] | None:
        """The list a style numbers its paragraphs in (Heading 1 linked to 一、), with its level."""
        if style_id not in self.lists:
            self.lists[style_id] = None
            style = self.styles.get(style_id)
            found: tuple[str, int] | None = None
            if style is not None:
                numpr = style.find(f"{W}pPr/{W}numPr")
                if numpr is not None:
                    num_id, ilvl = _num_pr(numpr)
                    if num_id is not None:
                        found = (num_id, ilvl or 0)
                else:
                    based = style.find(f"{W}basedOn")
                    found = self.style_list(based.get(f"{W}val", "")) if based is not None else None
            self.lists[style_id] = found
        return self.lists[style_id]


def _level_of(value: str | None) -> int | None:
    """An outline level (0-8) as a heading level (1-9); 9 is body text."""
    try:
        level = int(value) if value is not None else None
    except ValueError:
        return None
    if level is None:
        return None
    return 0 if level >= _BODY_TEXT or level < 0 else level + 1


def _num_pr(numpr: Any) -> tuple[str | None, int | None]:
    num = numpr.find(f"{W}numId")
    ilvl = numpr.find(f"{W}ilvl")
    try:
        level = int(ilvl.get(f"{W}val", "0")) if ilvl is not None else None
    except ValueError:
        level = None
    return (num.get(f"{W}val") if num is not None else None), level


def _on(element: Any | None) -> bool:
    return element is not None and element.get(f"{W}val", "true") not in ("0", "false", "off")


def _notes(part: Any) -> dict[str, str]:
    """Footnotes and endnotes by id ("f1", "e1"), each as the note a reader sees after its paragraph: 注1：……"""
    from lxml import etree

    found: dict[str, str] = {}
    for rel in part.rels.values():
        if rel.is_external or rel.reltype not in (_FOOTNOTES, _ENDNOTES):
            continue
        prefix = "f" if rel.reltype == _FOOTNOTES else "e"
        try:
            root = etree.fromstring(rel.target_part.blob)
        except Exception:  # a damaged notes part costs the notes, not the document
            continue
        number = 0
        for note in root:
            if note.get(f"{W}type") not in (None, "normal"):
                continue  # the separators Word keeps among the notes
            number += 1
            text = "".join(t.text or "" for t in note.iter(f"{W}t")).strip()
            if text:
                found[prefix + note.get(f"{W}id", "")] = f"注{number}：{text}"
    return found


def _short(error: BaseException) -> str:
    words = str(error).strip().splitlines()
    return (words[0] if words else type(error).__name__)[:80]
