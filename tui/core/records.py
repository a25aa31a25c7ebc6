"""What the store takes and hands back: answers, a reading position, cards, reviews and progress."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Answer:
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


@dataclass(frozen=True)
class DocumentRecord:
    """A document as the store found it: its id, whether its sections must be matched again, its original."""

    id: int
    changed: bool  # new, edited, or never matched: call `Store.match_sections` with its layout
    copied_from: int | None = None


@dataclass(frozen=True)
class OrphanedCard:
    """A reviewed card the document no longer has: kept, with its reviews, and shown."""

    key: str
    section_key: str
    phrase: str
    reviews: int
    last_review: datetime


@dataclass(frozen=True)
class Position:
    """Where the reader was: the section in view and the scroll offset."""

    section_id: str
    scroll: float


@dataclass(frozen=True)
class StoredCard:
    """A card that has been reviewed at least once: its FSRS state as JSON and when it is due."""

    key: str
    section_key: str
    state: str
    due: datetime


@dataclass(frozen=True)
class Recorded:
    """What `record_review` wrote: the review's id and the card's new state."""

    review_id: int
    state: str
    due: datetime


@dataclass(frozen=True)
class Review:
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


@dataclass(frozen=True)
class SectionStats:
    """Progress of one section (or of the whole document, for totals)."""

    cards: int
    new: int
    due: int
    reviews: int
    mastery: float  # 0..1, 1 when every card is mastered (see scheduler.mastery)
    mastered: int = 0  # cards with FSRS stability of 21 days or more, last answer not failed
