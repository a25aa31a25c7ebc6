"""The document model: plain dataclasses shared by every part of study."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

SectionKind = Literal["preamble", "heading", "closing"]
PhraseKind = Literal[
    "quote", "title", "emphasis", "formulation", "enumeration", "item", "figure", "list", "term", "keyword",
    "heading", "user",
]


@dataclass
class Section:
    """One section of a document: its heading and its own body, then its children."""

    id: str
    kind: SectionKind
    level: int
    label: str
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)

    def walk(self) -> Iterator[Section]:
        """This section, then its descendants, in reading order."""
        yield self
        for child in self.children:
            yield from child.walk()

    @property
    def own_text(self) -> str:
        return "\n".join(self.paragraphs)


@dataclass
class Document:
    """A parsed document: title, page residue and a tree of sections."""

    title: str
    title_from: Literal["text", "filename"]
    sections: list[Section] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    noise: list[str] = field(default_factory=list)
    markdown: bool = False  # its text is Markdown (a .md name, or # headings): inline markers are syntax

    def walk(self) -> Iterator[Section]:
        """Every section in reading order (pre-order)."""
        for section in self.sections:
            yield from section.walk()

    def find(self, section_id: str) -> Section | None:
        for section in self.walk():
            if section.id == section_id:
                return section
        return None

    def path(self, section_id: str) -> list[Section]:
        """The sections from the top level down to `section_id` (empty when unknown)."""

        def search(sections: list[Section], trail: list[Section]) -> list[Section] | None:
            for section in sections:
                here = trail + [section]
                if section.id == section_id:
                    return here
                found = search(section.children, here)
                if found:
                    return found
            return None

        return search(self.sections, []) or []

    def section_keys(self) -> dict[str, str]:
        """`section_key` of every section by id, in one walk of the tree."""
        keys: dict[str, str] = {}

        def visit(sections: list[Section], trail: str) -> None:
            for section in sections:
                key = f"{trail} / {_key_part(section)}" if trail else _key_part(section)
                keys[section.id] = key
                visit(section.children, key)

        visit(self.sections, "")
        return keys

    def section_key(self, section_id: str) -> str:
        """A key for a section that survives renumbering and edits elsewhere in the file.

        It is the path of headings from the top (the label where a section has no
        heading, `@preamble`/`@closing` for those kinds), joined with " / ".
        """
        return " / ".join(_key_part(s) for s in self.path(section_id))


def _key_part(section: Section) -> str:
    if section.kind != "heading":
        return f"@{section.kind}"
    return section.heading or section.label


class Phrase(NamedTuple):
    """A key phrase: `text == section.paragraphs[paragraph][start:end]`."""

    paragraph: int
    start: int
    end: int
    text: str
    kind: str


class PhraseEdit(NamedTuple):
    """A user's change to a section's key phrases, saved by the store and applied by `phrases`.

    `add` marks `text` as a phrase (at `paragraph`/`start` when given, else its first
    occurrence in the section's own text); `remove` drops every phrase with that text.
    """

    section_key: str
    action: Literal["add", "remove"]
    text: str
    paragraph: int | None = None
    start: int | None = None


class Card(NamedTuple):
    """One phrase occurrence to recall, with the key that carries its progress across edits."""

    key: str
    section_id: str
    phrase: Phrase
    occurrence: int
