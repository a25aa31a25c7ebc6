"""A document's sections with their blanks cut out, numbered through, as exports print them (worksheets, Anki)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rich.cells import cell_len

from .inline import parse_inline
from .model import Card, Document, Section
from .names import display_heading
from .session import Blank, blanks_for, paragraph_segments


@dataclass(frozen=True)
class Gap:
    """One blank as an export prints it: its number (from 1, through the whole export) and its answer as shown."""

    number: int
    answer: str
    card: Card

    @property
    def cells(self) -> int:
        """The answer's width, a CJK character counting two."""
        return cell_len(self.answer)


Piece = str | Gap


@dataclass(frozen=True)
class BlankedSection:
    """A section as exported: its names, and its own paragraphs as text and gaps."""

    section: Section
    heading: str  # as written above its text ("" for the opening and closing, which have none)
    name: str  # for people everywhere else: the heading, or a caption for the opening and closing
    path: tuple[str, ...]  # the names from the top section down to this one
    numbered: str  # the name after its ancestors' numbering, as people cite it: 二、（一）把握核心要义
    paragraphs: tuple[tuple[Piece, ...], ...]

    @property
    def gaps(self) -> list[Gap]:
        return [piece for paragraph in self.paragraphs for piece in paragraph if isinstance(piece, Gap)]


def blanked_sections(
    doc: Document, cards: Sequence[Card], section_id: str | None = None, captions: Mapping[str, str] | None = None
) -> list[BlankedSection]:
    """Every section (or `section_id` and its subsections) in reading order, blanks numbered from 1.

    The blanks are those a quiz of the same sections shows (`session.blanks_for`): of
    overlapping phrases, the first. In a Markdown document the text is as a reader sees
    it, markers hidden.
    """
    if section_id is None:
        roots = list(doc.sections)
    else:
        found = doc.find(section_id)
        roots = [found] if found is not None else []
    names: dict[str, str] = {}

    def name(section: Section) -> str:
        # An article with no heading is named by its number (第三条), not the start of its text.
        shown = display_heading(section, captions, preview=False) or display_heading(section, captions)
        return parse_inline(shown).text if doc.markdown else shown

    out: list[BlankedSection] = []
    number = 0
    for root in roots:
        by_paragraph: dict[tuple[str, int], list[Blank]] = {}
        for blank in blanks_for(root, cards):
            by_paragraph.setdefault((blank.section_id, blank.paragraph), []).append(blank)
        for section in root.walk():
            names[section.id] = name(section)
            paragraphs = []
            for index, text in enumerate(section.paragraphs):
                pieces: list[Piece] = []
                for piece in _shown(text, by_paragraph.get((section.id, index), []), doc.markdown):
                    if isinstance(piece, tuple):
                        number += 1
                        pieces.append(Gap(number, piece[1], piece[0].card))
                    else:
                        pieces.append(piece)
                paragraphs.append(tuple(pieces))
            heading = names[section.id] if section.kind == "heading" else ""
            ancestors = doc.path(section.id)[:-1]
            path = tuple(names.get(s.id) or name(s) for s in ancestors) + (names[section.id],)
            numbering = "".join(s.label.strip().strip("#").strip() for s in ancestors if s.kind == "heading")
            numbered = numbering + names[section.id]
            out.append(BlankedSection(section, heading, names[section.id], path, numbered, tuple(paragraphs)))
    return out


def _shown(text: str, blanks: list[Blank], markdown: bool) -> list[str | tuple[Blank, str]]:
    """A paragraph as text and (blank, its answer as shown); Markdown markers hidden, as the quiz does."""
    segments = paragraph_segments(text, blanks)
    if not markdown:
        return [segment if isinstance(segment, str) else (segment, segment.answer) for segment in segments]
    inline = parse_inline(text)
    shown: list[str | tuple[Blank, str]] = []
    at = 0
    for segment in segments:
        size = len(segment) if isinstance(segment, str) else len(segment.answer)
        low, high = inline.shown_span(at, at + size)  # blanks are raw offsets: markers move them
        at += size
        if isinstance(segment, str):
            if high > low:
                shown.append(inline.text[low:high])
        else:
            shown.append((segment, inline.text[low:high]))
    return shown


def has_cjk(doc: Document) -> bool:
    """Whether the document is written in Chinese (or Japanese, Korean): wide characters in its first text."""
    for section in doc.walk():
        for text in (section.heading, *section.paragraphs[:3]):
            if cell_len(text) != len(text):
                return True
    return cell_len(doc.title) != len(doc.title)
