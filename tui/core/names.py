"""How sections are named: for people (a heading as shown, a breadcrumb, the printed outline) and as JSON."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from typing import Any

from rich.cells import cell_len

from .model import Document, Section


def to_data(doc: Document) -> dict[str, Any]:
    """The outline as JSON-able data, in the shape `study outline --json` prints."""

    def section(s: Section) -> dict[str, Any]:
        return {
            "id": s.id,
            "kind": s.kind,
            "level": s.level,
            "label": s.label,
            "heading": s.heading,
            "paragraphs": list(s.paragraphs),
            "children": [section(c) for c in s.children],
        }

    return {
        "title": doc.title,
        "title_from": doc.title_from,
        "meta": dict(doc.meta),
        "noise": list(doc.noise),
        "sections": [section(s) for s in doc.sections],
    }


def display_heading(section: Section, captions: Mapping[str, str] | None = None, preview: bool = True) -> str:
    """A section's name for people: its label and heading as written, or a caption for its kind.

    一、 （一） 1． run straight into the heading; 第一章 and 1. take a space; an ASCII
    bracket runs into a Chinese heading as it is written there: (一)把握, but (a) Scope.
    Markdown markers are syntax, not a number, and are left out. With `preview`, a
    section with no heading (an article: 第三条) shows the start of its text.
    """
    if section.kind != "heading":
        caption = (captions or {}).get(section.kind)
        return caption if caption else (section.kind.capitalize() if preview else "")
    label = section.label.strip()
    heading = section.heading.strip()
    if not label.strip("#"):
        label = ""
    if not heading and preview and section.paragraphs:
        first = section.paragraphs[0].split("\n", 1)[0]
        heading = first[:24] + ("…" if len(first) > 24 else "")
    if not label or not heading:
        return label or heading
    last = label[-1]
    joined = unicodedata.category(last).startswith("P") and (
        cell_len(last) == 2 or (last in ")]" and cell_len(heading[0]) == 2)
    )
    return f"{label}{heading}" if joined else f"{label} {heading}"


def heading_path(doc: Document, section_id: str, captions: Mapping[str, str] | None = None) -> str:
    """The names of a section and its ancestors, top first: the breadcrumb above text and quizzes."""
    return " › ".join(display_heading(section, captions) for section in doc.path(section_id))


def format_outline(doc: Document, captions: dict[str, str] | None = None) -> str:
    """The outline as an indented tree, each section after its id (what `--section` takes)."""
    sections = list(doc.walk())
    width = max((len(section.id) for section in sections), default=0)
    lines = [doc.title]
    for section in sections:
        indent = "  " * (section.level - 1)
        lines.append(f"{section.id:<{width}}  {indent}{display_heading(section, captions)}")
    return "\n".join(lines)
