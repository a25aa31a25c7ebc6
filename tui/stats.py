"""`study stats`: a document's progress per section, with totals, accuracy, reviews by day and orphans."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from .cli import STATS_DAYS, print_json, show
from .core.progress import document_stats

if TYPE_CHECKING:
    from .core.store import Store


def show_stats(path: Path, text: str, *, as_json: bool, store: Store) -> int:
    """Per-section progress (cards, new, due, reviews, mastered, mastery), each section's figures
    counting its subsections as the outline does, and totals; accuracy, reviews per day, due
    forecast, and the reviewed cards the text no longer has."""
    from .core.names import display_heading
    from .core.records import SectionStats
    from .core.report import mastery_percent
    from .core.workbook import Workbook
    from .exam import plan_of, plan_summary
    from .i18n import captions, t

    try:
        workbook = Workbook.for_reading(path, text, store)
        doc = workbook.opened
        stats = document_stats(workbook, days=STATS_DAYS)
        plan = plan_of(workbook)
    finally:
        store.close()
    names = captions()
    sections = {section.id: section for section in doc.walk()}
    rows = [(sections[row.section_id], row.stats) for row in stats.sections]
    if as_json:

        def figures(s: SectionStats) -> dict[str, object]:
            return {
                "cards": s.cards, "new": s.new, "due": s.due, "reviews": s.reviews,
                "mastered": s.mastered, "mastery": round(s.mastery, 4),
            }

        print_json({
            "title": doc.title,
            # A section's figures are those of its cards and its subsections' cards.
            "section_figures": "with_subsections",
            "sections": [
                {"id": section.id, "level": section.level, "heading": section.heading, **figures(s)}
                for section, s in rows
            ],
            "totals": figures(stats.totals),
            "accuracy": None if stats.accuracy is None else round(stats.accuracy, 4),
            "reviews_per_day": [{"date": day.isoformat(), "reviews": count} for day, count in stats.reviews_per_day],
            "due_forecast": [{"date": day.isoformat(), "due": count} for day, count in stats.due_forecast],
            # Reviewed cards the text no longer has: kept in the database, never dropped in silence.
            "orphaned": [
                {
                    "key": card.key,
                    "section": card.section_key,
                    "phrase": card.phrase,
                    "reviews": card.reviews,
                    "last_review": card.last_review.isoformat(),
                }
                for card in stats.orphaned
            ],
            **({"exam": plan.as_data()} if plan is not None else {}),
        })
        return 0
    from rich.cells import cell_len

    def cells(name: str, s: SectionStats) -> list[str]:
        # Rounded down, so 100% means every card mastered.
        percent = f"{mastery_percent(s.mastery)}%"
        return [name, str(s.cards), str(s.new), str(s.due), str(s.reviews), str(s.mastered), percent]

    headers = [
        "stats_section_subtree", "stats_cards", "stats_new", "stats_due", "stats_reviews", "stats_mastered",
        "stats_mastery",
    ]
    table = [[t(header) for header in headers]]
    table += [cells("  " * (section.level - 1) + display_heading(section, names), s) for section, s in rows]
    table.append(cells(t("stats_total"), stats.totals))
    # Columns measured in terminal cells, so Chinese headings line up; figures to the right.
    widths = [max(cell_len(row[column]) for row in table) for column in range(len(table[0]))]
    show(doc.title)
    for row in table:
        padded = [
            cell + " " * (width - cell_len(cell)) if column == 0 else " " * (width - cell_len(cell)) + cell
            for column, (cell, width) in enumerate(zip(row, widths))
        ]
        show("  ".join(padded))

    def by_day(key: str, counts: list[tuple[date, int]]) -> str:
        first, last = counts[0][0], counts[-1][0]
        numbers = " ".join(str(count) for _, count in counts)
        return t(key, days=len(counts), first=f"{first:%m-%d}", last=f"{last:%m-%d}", counts=numbers)

    print()
    print(t("stats_accuracy", accuracy="—" if stats.accuracy is None else f"{stats.accuracy:.0%}"))
    print(by_day("stats_reviews_per_day", stats.reviews_per_day))
    print(by_day("stats_due_forecast", stats.due_forecast))
    if plan is not None:
        show(plan_summary(plan))
    if stats.orphaned:
        print()
        print(t("stats_orphaned", cards=len(stats.orphaned), reviews=sum(card.reviews for card in stats.orphaned)))
        for card in stats.orphaned:
            section = " / ".join(
                names.get(part[1:], part) if part.startswith("@") else part for part in card.section_key.split(" / ")
            )
            show(f"  {section} :: {card.phrase} ({card.reviews})")
    return 0
