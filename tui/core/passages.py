"""Passages to recite: a section's paragraphs (with its subsections'), their cards, and their graded recitals.

A passage card is one paragraph. Its key is the section's key, a pilcrow, the
paragraph's first twelve characters as compared (`quiz.normalize`: punctuation and
width do not count) and which paragraph of the section opens so (from 1):
`一、提高政治站位 / （一）把握核心要义 ¶ 习近平总书记强调作风建设 #1`. So a paragraph
keeps its progress when paragraphs are added or removed around it, or its end is
edited; its opening edited, it starts afresh. A phrase card's key has " :: " after
the section key (`quiz.card_key`), so the two never meet, and `identity.split_key`
reads no passage key as a phrase card's.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .inline import parse_inline, plain_inline
from .model import Document, Phrase
from .names import display_heading
from .quiz import normalize
from .records import Answer

if TYPE_CHECKING:
    from .records import Recorded
    from .workbook import Workbook

__all__ = ["MARK", "Passage", "passage_key", "passage_keys", "passages_for", "record_recital", "rerate_recital"]

MARK = " ¶ "
OPENING = 12


@dataclass(frozen=True)
class Passage:
    """One paragraph to recite: its card key, where it is, its text as shown and its key phrases' spans there."""

    key: str
    section_id: str
    paragraph: int
    text: str
    phrases: tuple[tuple[int, int], ...]
    heading: str | None = None  # the section's heading, on the first paragraph of each section shown


def passage_key(section_key: str, paragraph: str, occurrence: int) -> str:
    """The card key of a paragraph: section key, ¶, its opening as compared, which such opening (from 1)."""
    opening = normalize(paragraph)[:OPENING] or paragraph.strip()[:OPENING]
    return f"{section_key}{MARK}{opening} #{occurrence}"


def is_passage_key(key: str, section_key: str) -> bool:
    return key.startswith(f"{section_key}{MARK}")


def passage_keys(doc: Document) -> list[str]:
    """The passage card key of every paragraph of the document, in reading order."""
    keys = doc.section_keys()
    found: list[str] = []
    for section in doc.walk():
        seen: Counter[str] = Counter()
        for paragraph in section.paragraphs:
            opening = passage_key(keys[section.id], paragraph, 0)
            seen[opening] += 1
            found.append(passage_key(keys[section.id], paragraph, seen[opening]))
    return found


def passages_for(
    doc: Document,
    section_id: str,
    phrases: Mapping[str, Iterable[Phrase]],
    captions: Mapping[str, str] | None = None,
) -> list[Passage]:
    """The paragraphs of a section and its subsections, in reading order: what its recital goes through.

    A section's heading comes with its first paragraph (headings are the framework,
    shown, not recited here); a section without paragraphs of its own gives none.
    """
    top = doc.find(section_id)
    if top is None:
        return []
    keys = doc.section_keys()
    passages: list[Passage] = []
    for section in top.walk():
        spans: dict[int, list[tuple[int, int]]] = {}
        for phrase in phrases.get(section.id, ()):
            spans.setdefault(phrase.paragraph, []).append((phrase.start, phrase.end))
        heading = display_heading(section, dict(captions or {}), preview=False) if section.kind == "heading" else None
        seen: Counter[str] = Counter()
        for number, raw in enumerate(section.paragraphs):
            inline = parse_inline(raw) if doc.markdown else plain_inline(raw)
            shown = tuple(inline.shown_span(start, end) for start, end in sorted(spans.get(number, ())))
            opening = passage_key(keys[section.id], raw, 0)
            seen[opening] += 1
            key = passage_key(keys[section.id], raw, seen[opening])
            passages.append(Passage(key, section.id, number, inline.text, shown, heading if number == 0 else None))
    return passages


def record_recital(
    workbook: Workbook,
    passage: Passage,
    rating: int,
    *,
    outcome: str,
    typed: str = "",
    seconds: float | None = None,
    score: float | None = None,
) -> Recorded | None:
    """Store a graded recital of a passage before its feedback is drawn (as `Workbook.record` does an answer).

    Raises StoreError when the store refuses: the answer then waits in the workbook's
    queue, written with the next one or on leaving.
    """
    if workbook.answers is None:
        return None
    answer = Answer(
        card_key=passage.key,
        section_key=workbook.opened.section_key(passage.section_id),
        rating=rating,
        outcome=outcome,
        typed=typed,
        duration=None if seconds is None else round(seconds, 3),
        score=score,
    )
    return workbook.answers.record(answer)


def rerate_recital(workbook: Workbook, passage: Passage, recorded: Recorded | None, rating: int) -> None:
    """Give the recital just recorded another rating (keys 1-4 after a typed recital's suggestion)."""
    if workbook.answers is None:
        return
    if recorded is None:
        workbook.answers.rerate_waiting(passage.key, rating)
    elif workbook.store is not None:
        workbook.store.rerate(recorded.review_id, rating)
