"""The framework quiz (背框架): the outline with every heading hidden behind its label, recalled in order."""

from __future__ import annotations

from collections.abc import Mapping

from ..core.framework import FrameLine, split_typed
from ..core.model import Card
from ..core.names import heading_path
from ..core.session import Blank, QuizSession
from ..core.workbook import Workbook
from ..i18n import captions, t
from ..widgets.blank_text import Row
from .blank_screen import BlankScreen
from .summary_screen import Next, SummaryScreen

INDENT = "\u3000"  # an ideographic space a level: two cells, which no line breaker drops


class FrameScreen(BlankScreen):
    """The headings of a document (or of one section and its subsections), each a blank after its label.

    A long heading's clauses are blanks of their own; a question shows, its points are
    the blanks. Graded as the quiz grades, each answer stored before its feedback shows.
    """

    def __init__(self, workbook: Workbook, section_id: str | None = None) -> None:
        document = workbook.opened
        whole = workbook.framework
        self.lines = whole.within(document, section_id)
        blanks = [Blank(index, card) for index, card in enumerate(c for line in self.lines for c in line.cards)]
        others = {blank.index: whole.others(blank.card) for blank in blanks}
        self.blank_of = {blank.card.key: blank for blank in blanks}
        self.line_of = {card.key: line for line in self.lines for card in line.cards}
        # Built once: every key redraws, and thousands of headings take milliseconds to make rows of.
        self._rows: tuple[QuizSession, list[Row]] | None = None
        scope = heading_path(document, section_id, captions()) if section_id is not None else document.title
        super().__init__(workbook, QuizSession(blanks, others=others), t("frame_title", path=scope))
        self.section_id = section_id

    def rows(self) -> list[Row]:
        """The lines as rows: one list for the session (what changes, the states of the blanks, the session holds)."""
        if self._rows is None or self._rows[0] is not self.session:
            top = min((line.level for line in self.lines), default=1)
            rows = [line_row(line, self.blank_of, INDENT * (line.level - top)) for line in self.lines]
            self._rows = (self.session, rows)
        return self._rows[1]

    def answered(self, text: str, pasted: bool = False) -> None:
        """A whole heading typed at its first clause still to answer answers each of its clauses."""
        pieces = self._clauses_typed(text)
        if pieces is None:
            super().answered(text, pasted)
            return
        for piece in pieces:
            if self.session.answer(piece, pasted=pasted) is None:
                break
            self.graded(self.session.active)

    def _clauses_typed(self, text: str) -> list[str] | None:
        blank = self.session.active_blank
        state = self.session.active_state
        if blank is None or state is None or state.graded or self.rating_before is not None:
            return None
        line = self.line_of[blank.card.key]
        rest = line.cards[line.cards.index(blank.card) :]
        if any(self.session.states[self.blank_of[card.key].index].graded for card in rest):
            return None
        return split_typed(text, [card.phrase.text for card in rest])

    def finish(self) -> None:
        self.app.push_screen(SummaryScreen(self.session.summary(), None), self._after_summary)

    def _after_summary(self, _: str | Next | None) -> None:
        # Not a lambda: Textual awaits what a screen callback returns, and awaiting
        # dismiss() from inside this screen's own handler is an error.
        self.dismiss()


def line_row(line: FrameLine, blanks: Mapping[str, Blank], indent: str = "") -> Row:
    """A line of the framework as a row to draw: its label, then its text, its cards blanks (by key)
    or, for a card not asked, its answer."""
    parts: list[str | Blank] = []
    for part in line.parts:
        if isinstance(part, Card):
            parts.append(blanks.get(part.key) or part.phrase.text)
        elif part:
            parts.append(part)
    return Row("paragraph", [part for part in [indent + line.label + _gap(line.label, parts), *parts] if part != ""])


def _gap(label: str, parts: list[str | Blank]) -> str:
    """A space after a label ending in a Latin letter, a digit or a point (1. They…, (二) 3___), or before a
    blank, whose number would otherwise read as the label's (四、 4___); none after 一、 before words."""
    if not label or label[-1].isspace() or not parts:
        return ""
    last = label[-1]
    return " " if last.isascii() or last.isdigit() or isinstance(parts[0], Blank) else ""
