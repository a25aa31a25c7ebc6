"""What the store and the workbook take and hand back: answers, a reading position, cards, reviews, progress, stats.

Each record is a NamedTuple: immutable and typed like a frozen dataclass, and defined in a
fifth of the time (a frozen dataclass compiles six methods when its module is imported,
and the app imports these before its first frame).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from .database import StoreError
    from .model import Phrase


class Answer(NamedTuple):
    """One graded answer on its way to the store: which card, how it went, when."""

    card_key: str
    section_key: str
    rating: int
    outcome: str
    typed: str = ""
    hints: int = 0
    duration: float | None = None
    time: datetime | None = None  # when it was given; None: when it is stored
    score: float | None = None  # a typed recitation's share of characters right, 0..1


class DocumentRecord(NamedTuple):
    """A document as the store found it: its id, whether its sections must be matched again, its original."""

    id: int
    changed: bool  # new, edited, or never matched: call `Store.match_sections` with its layout
    copied_from: int | None = None


class OrphanedCard(NamedTuple):
    """A reviewed card the document no longer has: kept, with its reviews, and shown."""

    key: str
    section_key: str
    phrase: str
    reviews: int
    last_review: datetime


class Position(NamedTuple):
    """Where the reader was: the section in view and the scroll offset."""

    section_id: str
    scroll: float


class StoredCard(NamedTuple):
    """A card that has been reviewed at least once: its FSRS state as JSON and when it is due."""

    key: str
    section_key: str
    state: str
    due: datetime


class Recorded(NamedTuple):
    """What `record_review` wrote: the review's id and the card's new state."""

    review_id: int
    state: str
    due: datetime


class Review(NamedTuple):
    """One graded answer as stored."""

    id: int
    card_key: str
    section_key: str
    time: datetime
    typed: str
    outcome: str
    correct: bool
    hints: int
    rating: int
    duration: float | None
    score: float | None = None


class SectionStats(NamedTuple):
    """Progress of one section (or of the whole document, for totals)."""

    cards: int
    new: int
    due: int
    reviews: int
    mastery: float  # 0..1, 1 when every card is mastered (see scheduler.mastery)
    mastered: int = 0  # cards with FSRS stability of 21 days or more, last answer not failed


class Progress(NamedTuple):
    """What the outline shows of a section and its subsections: mastery 0..1 (None: no cards), due count."""

    mastery: float | None = None
    due: int = 0


class FoundPhrases(NamedTuple):
    """What `find_phrases` found: the phrases as extracted, with the user's edits applied, and
    why the edits could not be read (None when they were)."""

    extracted: dict[str, list[Phrase]]
    edited: dict[str, list[Phrase]]
    problem: StoreError | None = None
    too_large: bool = False  # the document is longer than MAX_PHRASE_CHARS: no phrases were looked for


class SectionRow(NamedTuple):
    """One section's line in the stats: its id and the figures of its cards with its subsections'."""

    section_id: str
    stats: SectionStats


class DocumentStats(NamedTuple):
    """Everything `study stats` shows: per section, totals, accuracy, reviews per day, due forecast."""

    sections: list[SectionRow]
    totals: SectionStats
    accuracy: float | None
    reviews_per_day: list[tuple[date, int]]
    due_forecast: list[tuple[date, int]]
    orphaned: list[OrphanedCard]  # reviewed cards the text no longer has: kept, and shown
