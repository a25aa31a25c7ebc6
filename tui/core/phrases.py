"""Key phrases worth quizzing: rules over a document's own text, then the user's edits."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from tui.core.database import StoreError
from tui.core.keywords import filler_candidates, keyword_candidates
from tui.core.model import Document, Phrase, PhraseEdit, Section
from tui.core.names import display_heading
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
if TYPE_CHECKING:
    from tui.core.store import Store

EXTRACTOR_VERSION = "1"

CHARS_PER_BLANK = 20  # on average at most one blank per this many characters of a section
MIN_BLANKS_FROM = 50  # a section with this much text gets at least two blanks


# ---------------------------------------------------------------------------
# Public API


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
    keys = doc.section_keys()
    for section in doc.walk():
        by_key.setdefault(keys[section.id], []).append(section)
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
    doc: Document, phrases: Mapping[str, list[Phrase]], captions: Mapping[str, str] | None = None
) -> str:
    """The human form of `study phrases`: each section's name, then its phrases.

    `captions` names the sections without a heading, by kind (`preamble`, `closing`).
    """
    lines: list[str] = []
    for section in doc.walk():
        indent = "  " * max(section.level - 1, 0)
        lines.append(f"{indent}{display_heading(section, captions, preview=False)}")
        for p in phrases.get(section.id, []):
            lines.append(f"{indent}  · {p.text}  [{p.kind}]")
    return "\n".join(lines)


def phrases_for(
    doc: Document, content_hash: str, store: Store | None = None, document_id: int | None = None
) -> tuple[dict[str, list[Phrase]], dict[str, list[Phrase]]]:
    """The document's phrases as extracted, and with the user's saved edits applied.

    Extraction is a pure function of the text and `EXTRACTOR_VERSION`, so the store keeps
    its results by content hash. The cache is only a cache: when the store cannot read or
    write it, extraction goes on without it. The edits are the user's own: a store error
    reading them is raised.
    """
    found = None
    if store is not None:
        try:
            found = store.cached_phrases(content_hash, EXTRACTOR_VERSION)
        except StoreError:
            found = None
    if found is None:
        found = extract(doc)
        if store is not None:
            try:
                store.cache_phrases(content_hash, EXTRACTOR_VERSION, found)
            except StoreError:
                pass
    edited = found
    if store is not None and document_id is not None:
        edits = store.phrase_edits(document_id)
        if edits:
            edited = apply_edits(doc, found, edits)
    return found, edited


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
