"""Review: the cards due across the document, each in its sentence with one blank."""

from __future__ import annotations

from ..core.model import Card
from ..core.names import heading_path
from ..core.sentences import sentence_for
from ..core.session import Blank, QuizSession
from ..core.workbook import Workbook
from ..i18n import captions, t
from ..widgets.blank_text import Row
from .blank_screen import BlankScreen
from .summary_screen import SummaryScreen


class ReviewScreen(BlankScreen):
    """One card at a time: the section's path, then its sentence (or clause) with the blank."""

    def __init__(self, workbook: Workbook, queue: list[Card]) -> None:
        super().__init__(workbook, QuizSession(Blank(i, card) for i, card in enumerate(queue)), t("review_title"))

    def rows(self) -> list[Row]:
        blank = self.session.active_blank
        assert blank is not None  # the app opens no review with an empty queue
        names = captions()
        document = self.workbook.opened
        path = heading_path(document, blank.section_id, names)
        text, start, end = sentence_for(document, blank.card)
        return [Row("caption", [path]), Row("paragraph", [text[:start], blank, text[end:]])]

    def finish(self) -> None:
        self.app.push_screen(SummaryScreen(self.session.summary(), None), self._after_summary)

    def _after_summary(self, _: str | None) -> None:
        # Not a lambda: Textual awaits what a screen callback returns, and awaiting
        # dismiss() from inside this screen's own handler is an error.
        self.dismiss()
