"""A workbook's progress from the store: each section's mastery and due count for the outline; the stats' figures."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from .database import StoreError
from .records import DocumentStats, Progress, SectionRow

if TYPE_CHECKING:
    from .workbook import Workbook

NO_DOCUMENT = -1  # an id no document has: the figures of a document the store never saw are all zero


def section_progress(workbook: Workbook, now: datetime | None = None) -> dict[str, Progress]:
    """Mastery and due count of every section with its subsections, for the outline."""
    from .quiz import keys_by_section

    document_id = workbook.stored_id
    if workbook.store is None or document_id is None or not workbook.phrases_ready:
        return {}
    keys = keys_by_section(workbook.opened, workbook.all_cards, subtree=True)
    stats = workbook.store.section_stats(document_id, keys, now)
    return {sid: Progress(s.mastery if s.cards else None, s.due) for sid, s in stats.items()}


def document_stats(
    workbook: Workbook, days: int = 7, now: datetime | None = None, ahead: int | None = None
) -> DocumentStats:
    """Per section the figures of its cards and its subsections' (as the outline marks it), the
    totals, accuracy, reviews of the last `days` days, cards due in the next `ahead` (else `days`), orphans.

    Only reads: a read-only database shows its progress too (none for a document it never saw).
    """
    from .passages import passage_keys
    from .quiz import keys_by_section

    store = workbook.store
    if store is None:
        raise StoreError("No study database is open.", "unavailable")
    document_id = workbook.stored_id if workbook.read_only else workbook.document_id()
    if document_id is None:
        document_id = NO_DOCUMENT
    document = workbook.opened
    all_cards = workbook.all_cards
    keys = [card.key for card in all_cards]
    subtree = store.section_stats(document_id, keys_by_section(document, all_cards, subtree=True), now)
    return DocumentStats(
        sections=[SectionRow(section.id, subtree[section.id]) for section in document.walk()],
        totals=store.section_stats(document_id, {"all": keys}, now)["all"],
        accuracy=store.accuracy(document_id),
        reviews_per_day=store.reviews_per_day(document_id, days=days, now=now),
        due_forecast=store.due_forecast(document_id, days=ahead or days, now=now, keys=keys),
        orphaned=store.orphans(document_id, keys + passage_keys(document)),  # heading and recited paragraph cards too
    )
