"""Quiz a section: its text and its subsections' with every key phrase a numbered blank."""

from __future__ import annotations

from ..core.model import Card, Document
from ..core.outline import display_heading, heading_path
from ..core.session import QuizSession, blanks_for
from ..i18n import captions, t
from ..widgets.blank_text import Row
from .blank_screen import BlankScreen
from .summary_screen import SummaryScreen


class QuizScreen(BlankScreen):
    """Blanks in reading order, the first one active; a summary when all are graded."""

    def __init__(self, document: Document, section_id: str, cards: list[Card]) -> None:
        section = document.find(section_id)
        if section is None:
            raise KeyError(section_id)
        names = captions()
        path = heading_path(document, section_id, names)
        super().__init__(QuizSession(blanks_for(section, cards)), t("quiz_title", path=path))
        self.document = document
        self.section = section

    def rows(self) -> list[Row]:
        names = captions()
        rows: list[Row] = []
        for section in self.section.walk():
            rows.append(Row("heading", [display_heading(section, names)], section.level))
            for number, text in enumerate(section.paragraphs):
                rows.append(Row("paragraph", self.session.segments(section.id, number, text)))
        return rows

    def finish(self) -> None:
        summary = self.session.summary()
        following = self.app.next_quiz_section(self.section.id)  # type: ignore[attr-defined]
        self.app.push_screen(SummaryScreen(summary, following), self._after_summary)

    def _after_summary(self, go_on: str | None) -> None:
        self.dismiss()
        if go_on:
            self.app.start_quiz(go_on)  # type: ignore[attr-defined]
