"""Tests of tui/core/progress.py: the outline's mastery per section, the stats' figures."""

from __future__ import annotations

from tui.core.progress import document_stats, section_progress
from tui.core.records import Progress
from tui.core.workbook import Workbook

from .notes_workbook import right


class TestProgress:
    def test_progress_per_section_counts_its_subsections(self, workbook: Workbook) -> None:
        assert section_progress(workbook) == {
            "1": Progress(0.0, 0), "2": Progress(0.0, 0), "2.1": Progress(0.0, 0), "2.2": Progress(0.0, 0)
        }
        for card in workbook.cards:
            if card.section_id == "2.1":
                workbook.record(card, right(card.phrase.text))
        progress = section_progress(workbook)
        assert progress["2.1"].mastery is not None and 0 < progress["2.1"].mastery < 0.5  # once right: not mastered
        assert progress["2"].mastery is not None and 0 < progress["2"].mastery < progress["2.1"].mastery
        assert progress["1"].mastery == 0.0

    def test_stats_per_section_and_in_total(self, workbook: Workbook) -> None:
        workbook.record(workbook.cards[0], right("两个确立"))
        stats = document_stats(workbook, days=7)
        assert [row.section_id for row in stats.sections] == ["1", "2", "2.1", "2.2"]
        first = stats.sections[0].stats
        assert (first.cards, first.new, first.reviews) == (2, 1, 1)  # its phrase's card and its heading's
        # A parent counts its subsections' cards, as the outline marks it: its own text has none, its heading one.
        parent, children = stats.sections[1].stats, [row.stats for row in stats.sections[2:]]
        assert parent.cards == sum(child.cards for child in children) + 1 > 1
        assert parent.new == sum(child.new for child in children) + 1
        assert (stats.totals.cards, stats.totals.reviews) == (len(workbook.all_cards), 1)
        assert stats.accuracy == 1.0
        assert len(stats.reviews_per_day) == 7 and stats.reviews_per_day[-1][1] == 1
        assert len(stats.due_forecast) == 7
