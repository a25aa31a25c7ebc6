"""Quiz a section: its text and its subsections' with every key phrase a numbered blank."""

from __future__ import annotations

from ..core.names import display_heading, heading_path
from ..core.session import QuizSession, blanks_for
from ..core.workbook import Workbook
from ..i18n import captions, t
from ..widgets.blank_text import Row
from .blank_screen import BlankScreen
from .summary_screen import SummaryScreen


class QuizScreen(BlankScreen):
    """Blanks in reading order, the first one active; a summary when all are graded.

    Dismissed with the id of the section to quiz next (the summary's Enter), or None.
    """

    def __init__(self, workbook: Workbook, section_id: str) -> None:
        document = workbook.opened
        section = document.find(section_id)
        if section is None:
            raise KeyError(section_id)
        path = heading_path(document, section_id, captions())
        super().__init__(workbook, QuizSession(blanks_for(section, workbook.cards)), t("quiz_title", path=path))
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
        following = self.workbook.next_quiz_section(self.section.id)
        next_section = self.workbook.opened.find(following) if following is not None else None
        offer = (following, display_heading(next_section, captions())) if following and next_section else None
        self.app.push_screen(SummaryScreen(self.session.summary(), offer), self._after_summary)

    def _after_summary(self, go_on: str | None) -> None:
        # Not a lambda: Textual awaits what a screen callback returns, and awaiting
        # dismiss() from inside this screen's own handler is an error.
        self.dismiss(go_on)
