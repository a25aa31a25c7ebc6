"""A review across the library: the cards due in every document, each with the workbook it belongs to."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from .library import PIPED_NAME
from .model import Card
from .queues import review_queue
from .workbook import Workbook

if TYPE_CHECKING:
    from .store import Store


@dataclass(frozen=True)
class ReviewItem:
    """One card of a review and the workbook (document) it is answered in."""

    workbook: Workbook
    card: Card


@dataclass(frozen=True)
class SkippedDocument:
    """A document with cards due that could not be reviewed: its file is gone or no longer readable,
    or it was piped in and has none."""

    title: str
    path: Path
    due: int
    reason: Literal["missing", "unreadable", "piped"]


@dataclass
class AcrossReview:
    """What a review across the library asks: its cards, the workbooks they came from, the documents skipped."""

    items: list[ReviewItem] = field(default_factory=list)
    workbooks: list[Workbook] = field(default_factory=list)
    skipped: list[SkippedDocument] = field(default_factory=list)


def review_items(workbook: Workbook, cards: list[Card]) -> list[ReviewItem]:
    """The cards of one workbook as review items (a review within one document)."""
    return [ReviewItem(workbook, card) for card in cards]


def review_across(store: Store, now: datetime | None = None) -> AcrossReview:
    """The cards due now in every document, the documents with the most due first.

    Only documents with due cards are read; their phrases come from the store's cache,
    so none is extracted again unless its text changed. No new cards join: each
    document's new ones are for a review of that document. A document whose file is
    gone, or can no longer be read, is skipped and named.
    """
    from .loader import LoadError, load_text

    review = AcrossReview()
    for due in store.due_documents(now):
        if due.path.name == PIPED_NAME:
            review.skipped.append(SkippedDocument(due.title, due.path, due.due, "piped"))
            continue
        if not due.path.is_file():
            review.skipped.append(SkippedDocument(due.title, due.path, due.due, "missing"))
            continue
        try:
            text = load_text(due.path).text
        except LoadError:
            review.skipped.append(SkippedDocument(due.title, due.path, due.due, "unreadable"))
            continue
        workbook = Workbook(due.path, text, store, new_per_day=0)
        workbook.open()
        if workbook.problem is not None:
            raise workbook.problem  # the store refused: nothing can be reviewed
        found = workbook.find_phrases()
        if found.problem is not None:
            raise found.problem
        workbook.use_phrases(found)
        # Due cards only: an exam date raises a document's new cards a day above new_per_day=0.
        stored = store.due_times(workbook.document_id())
        cards = [card for card in review_queue(workbook, now) if card.key in stored]
        if cards:
            review.workbooks.append(workbook)
            review.items.extend(review_items(workbook, cards))
    return review
