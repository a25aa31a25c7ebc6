"""Key phrases worth quizzing: rules over a document's own text, then the user's edits."""

from __future__ import annotations

import bisect
import hashlib
from typing import Any, Iterable, Mapping

from tui.core.keywords import filler_candidates, keyword_candidates
from tui.core.model import Document, Phrase, PhraseEdit, Section
from tui.core.paragraph import Paragraph
from tui.core.phrase_rules import (
    Candidate,
    Context,
    enumeration_candidates,
    formulation_candidates,
    list_candidates,
    quote_candidates,
    term_candidates,
)

# Bump whenever a rule changes: cached results are keyed by it.
EXTRACTOR_VERSION = "1"

CHARS_PER_BLANK = 20  # on average at most one blank per this many characters of a section
MIN_BLANKS_FROM = 50  # a section with this much text gets at least two blanks


# ---------------------------------------------------------------------------
# Public API


def cache_key(text: str) -> str:
    """A key for cached phrases: the extraction is a pure function of the text and the version."""
    return hashlib.sha256(f"{EXTRACTOR_VERSION}\0{text}".encode("utf-8")).hexdigest()


def extract(doc: Document) -> dict[str, list[Phrase]]:
    """The key phrases of every section, by section id, ordered by (paragraph, start)."""
    sections = list(doc.walk())
    paragraphs = [[Paragraph(p) for p in s.paragraphs] for s in sections]
    context = Context(paragraphs)
    return {s.id: _extract_section(paragraphs[i], context, i) for i, s in enumerate(sections)}


def extract_paragraph(text: str) -> list[Phrase]:
    """The key phrases of one paragraph taken on its own (paragraph index 0)."""
    paragraph = Paragraph(text)
    return _extract_section([paragraph], Context([[paragraph]]), 0)


def find_occurrence(section: Section, text: str, phrases: Iterable[Phrase] = ()) -> tuple[int, int] | None:
    """Where `text` first occurs in the section's own paragraphs, or None.

    An occurrence that overlaps none of `phrases` is preferred over an earlier one that does.
    """
    if not text or not text.strip():
        return None
    taken = list(phrases)
    first: tuple[int, int] | None = None
    for index, paragraph in enumerate(section.paragraphs):
        start = paragraph.find(text)
        while start != -1:
            if first is None:
                first = (index, start)
            end = start + len(text)
            if not any(p.paragraph == index and p.start < end and start < p.end for p in taken):
                return index, start
            start = paragraph.find(text, start + 1)
    return first


def apply_edits(
    doc: Document, phrases: Mapping[str, list[Phrase]], edits: Iterable[PhraseEdit]
) -> dict[str, list[Phrase]]:
    """The phrases with the user's edits applied in order; `phrases` is left untouched.

    An edit for a section that no longer exists, or adding text that no longer occurs, is
    skipped: the file changed since the edit was made.
    """
    result = {section_id: list(found) for section_id, found in phrases.items()}
    by_key: dict[str, list[Section]] = {}
    for section in doc.walk():
        by_key.setdefault(doc.section_key(section.id), []).append(section)
        result.setdefault(section.id, [])
    for edit in edits:
        for section in by_key.get(edit.section_key, []):
            current = result[section.id]
            if edit.action == "remove":
                result[section.id] = [p for p in current if p.text != edit.text]
                continue
            where = _edit_position(section, edit, current)
            if where is None:
                continue
            index, start = where
            end = start + len(edit.text)
            kept = [p for p in current if not (p.paragraph == index and p.start < end and start < p.end)]
            kept.append(Phrase(index, start, end, edit.text, "user"))
            result[section.id] = sorted(kept, key=lambda p: (p.paragraph, p.start))
            break  # sections sharing a key: the edit belongs to the first that holds the text
    return result


def phrases_to_data(phrases: Mapping[str, list[Phrase]]) -> dict[str, Any]:
    """Phrases as JSON-able data, for a cache."""
    return {
        "version": EXTRACTOR_VERSION,
        "sections": {
            section_id: [[p.paragraph, p.start, p.end, p.text, p.kind] for p in found]
            for section_id, found in phrases.items()
        },
    }


def phrases_from_data(data: Any) -> dict[str, list[Phrase]]:
    """The inverse of `phrases_to_data`; ValueError when the data is not what it wrote."""
    try:
        sections = data["sections"]
        result = {
            str(section_id): [
                Phrase(int(paragraph), int(start), int(end), str(text), str(kind))
                for paragraph, start, end, text, kind in found
            ]
            for section_id, found in sections.items()
        }
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise ValueError(f"not cached phrases: {error}") from None
    for found in result.values():
        for p in found:
            if p.end - p.start != len(p.text) or p.start < 0:
                raise ValueError(f"not cached phrases: bad span for {p.text!r}")
    return result


def phrases_json(doc: Document, phrases: Mapping[str, list[Phrase]]) -> dict[str, Any]:
    """The machine form of `study phrases --json`: every section in document order."""
    return {
        "sections": [
            {
                "id": section.id,
                "kind": section.kind,
                "heading": section.heading,
                "phrases": [
                    {"text": p.text, "paragraph": p.paragraph, "start": p.start, "end": p.end, "kind": p.kind}
                    for p in phrases.get(section.id, [])
                ],
            }
            for section in doc.walk()
        ]
    }


def format_phrases(
    doc: Document, phrases: Mapping[str, list[Phrase]], names: Mapping[str, str] | None = None
) -> str:
    """The human form of `study phrases`: each section's heading, then its phrases.

    `names` gives the words shown for sections without a heading, by kind
    (`preamble`, `closing`).
    """
    names = {"preamble": "(preamble)", "closing": "(closing)", **(names or {})}
    lines: list[str] = []
    for section in doc.walk():
        indent = "  " * max(section.level - 1, 0)
        heading = f"{section.label}{section.heading}" if section.kind == "heading" else names.get(section.kind, "")
        lines.append(f"{indent}{heading or section.label}")
        for p in phrases.get(section.id, []):
            lines.append(f"{indent}  · {p.text}  [{p.kind}]")
    return "\n".join(lines)

# ---------------------------------------------------------------------------
# Choosing the blanks


def _extract_section(paragraphs: list[Paragraph], context: Context, section: int) -> list[Phrase]:
    length = sum(len(p.text) for p in paragraphs) + max(len(paragraphs) - 1, 0)
    room = length // CHARS_PER_BLANK
    if room == 0:
        return []
    candidates: list[Candidate] = []
    for index, paragraph in enumerate(paragraphs):
        if not paragraph.text.strip():
            continue
        candidates += quote_candidates(index, paragraph)
        candidates += formulation_candidates(index, paragraph)
        candidates += list_candidates(index, paragraph)
    candidates += term_candidates(paragraphs, context, section)
    candidates += enumeration_candidates(paragraphs)
    chosen = _choose(paragraphs, candidates, room)
    wanted = min(room, max(2, length // 150))
    if len(chosen) < 2 and len(chosen) < wanted:
        keywords = keyword_candidates(paragraphs, context)
        chosen = _choose(paragraphs, [*chosen, *keywords], wanted)
        if len(chosen) < 2 and length >= MIN_BLANKS_FROM:
            chosen = _choose(paragraphs, [*chosen, *filler_candidates(paragraphs)], 2)
    return [
        Phrase(c.paragraph, c.start, c.end, paragraphs[c.paragraph].text[c.start : c.end], c.kind)
        for c in sorted(chosen, key=lambda c: (c.paragraph, c.start))
    ]


def _choose(paragraphs: list[Paragraph], candidates: list[Candidate], room: int) -> list[Candidate]:
    """The best candidates that obey the rules, never overlapping, at most `room` of them."""
    chosen: list[Candidate] = []
    taken: dict[int, list[tuple[int, int]]] = {}  # per paragraph, sorted and disjoint
    for c in sorted(candidates, key=lambda c: (c.tier, c.rank, c.paragraph, c.start, -c.end)):
        if len(chosen) >= room:
            break
        spans = taken.setdefault(c.paragraph, [])
        at = bisect.bisect_left(spans, (c.start, c.end))
        if (at > 0 and spans[at - 1][1] > c.start) or (at < len(spans) and spans[at][0] < c.end):
            continue  # overlaps a better one (or is the same span again)
        if not paragraphs[c.paragraph].valid(c.start, c.end):
            continue
        spans.insert(at, (c.start, c.end))
        chosen.append(c)
    return chosen


def _edit_position(section: Section, edit: PhraseEdit, current: list[Phrase]) -> tuple[int, int] | None:
    if not edit.text:
        return None
    if edit.paragraph is not None and edit.start is not None:
        if 0 <= edit.paragraph < len(section.paragraphs):
            paragraph = section.paragraphs[edit.paragraph]
            if paragraph[edit.start : edit.start + len(edit.text)] == edit.text and edit.start >= 0:
                return edit.paragraph, edit.start
    return find_occurrence(section, edit.text, current)
