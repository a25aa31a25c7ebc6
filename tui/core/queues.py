"""What a workbook's quiz and review take next: sections with blanks, the section a quiz opens, the review's cards."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from .exam import queue_settings

if TYPE_CHECKING:
    from .model import Card
    from .workbook import Workbook


def has_blanks(workbook: Workbook, section_id: str) -> bool:
    """Whether a section, with its subsections, has anything to quiz."""
    from .quiz import has_cards

    return has_cards(workbook.opened, workbook.cards, section_id)


def next_quiz_section(workbook: Workbook, after: str | None) -> str | None:
    """The next section with blanks after `after` and its subsections (or the first of all)."""
    from .quiz import next_section_with_cards

    return next_section_with_cards(workbook.opened, workbook.cards, after)


def quiz_section(workbook: Workbook, wanted: str | None) -> str | None:
    """The section a quiz asked for at `wanted` opens: it, if it has blanks, else the next that has."""
    document = workbook.opened
    if wanted is not None and document.find(wanted) is not None and has_blanks(workbook, wanted):
        return wanted
    return next_quiz_section(workbook, wanted if wanted is not None and document.find(wanted) else None)


def review_queue(workbook: Workbook, now: datetime | None = None) -> list[Card]:
    """The cards due now, then up to `new_per_day` new ones (more if an exam date needs), kept apart by sentence."""
    from .framework import in_reading_order, review_group
    from .scheduler import due_queue

    store, document_id = workbook.store, workbook.stored_id
    if store is None or document_id is None:
        return []
    all_cards = workbook.all_cards
    keys = {card.key for card in all_cards}
    new_limit, due = queue_settings(store, document_id, keys, workbook.new_per_day, now)
    return due_queue(
        in_reading_order(workbook.opened, all_cards),
        due,
        now,
        new_limit=new_limit,
        new_today=store.new_cards_today(document_id, now),
        group_of=review_group(workbook.opened),
    )
