"""Quiz a section: its text and its subsections' with every key phrase a numbered blank, in rounds of twelve at most."""

from __future__ import annotations

from collections.abc import Sequence

from ..core.names import display_heading, heading_path
from ..core.queues import next_quiz_section
from ..core.rounds import rounds, session_of, shown
from ..core.session import Blank, blanks_for
from ..core.workbook import Workbook
from ..i18n import captions, t
from ..widgets.blank_text import Row
from .blank_screen import BlankScreen
from .summary_screen import Next, SummaryScreen


class QuizScreen(BlankScreen):
    """Blanks in reading order, a round at a time, the first one active; a summary ends each round.

    The summary goes on to the next round, asks the round's missed blanks again, or
    (after the last round) offers the next section. Dismissed with the id of the
    section to quiz next, or None.
    """

    def __init__(self, workbook: Workbook, section_id: str) -> None:
        document = workbook.opened
        section = document.find(section_id)
        if section is None:
            raise KeyError(section_id)
        path = heading_path(document, section_id, captions())
        self.all_blanks = blanks_for(section, workbook.cards)
        self.rounds = rounds(self.all_blanks)
        self.round = 0  # the round under way, from 0
        self.again = False  # this round's missed blanks asked again
        self._missed: list[Blank] = []  # those of the last summary
        session = session_of(self.rounds[0] if self.rounds else [], self.all_blanks)
        super().__init__(workbook, session, t("quiz_title", path=path))
        self.section = section

    def rows(self) -> list[Row]:
        names = captions()
        rows: list[Row] = []
        for part in shown(self.section, self.rounds, self.round):
            if part.heading:
                rows.append(Row("heading", [display_heading(part.section, names)], part.section.level))
            for number in part.paragraphs:
                text = part.section.paragraphs[number]
                rows.append(Row("paragraph", self.session.segments(part.section.id, number, text)))
        return rows

    def progress(self, done: int, total: int) -> str:
        answered = super().progress(done, total)
        if len(self.rounds) < 2 and not self.again:
            return answered
        key = "quiz_round_again" if self.again else "quiz_round"
        return t(key, number=self.round + 1, total=len(self.rounds), progress=answered)

    def finish(self) -> None:
        last = self.round + 1 >= len(self.rounds)
        offer = None
        if last:
            following = next_quiz_section(self.workbook, self.section.id)
            next_section = self.workbook.opened.find(following) if following is not None else None
            offer = (following, display_heading(next_section, captions())) if following and next_section else None
        summary = self.session.summary()
        self._missed = summary.missed
        screen = SummaryScreen(summary, offer, rounds=(self.round + 1, len(self.rounds)), again=True)
        self.app.push_screen(screen, self._after_summary)

    def _after_summary(self, choice: str | Next | None) -> None:
        # Not a lambda: Textual awaits what a screen callback returns, and awaiting
        # dismiss() from inside this screen's own handler is an error.
        if choice is Next.ROUND:
            self._play(self.round + 1, self.rounds[self.round + 1], again=False)
        elif choice is Next.MISSED:
            self._play(self.round, self._missed, again=True)
        else:
            self.dismiss(choice)

    def _play(self, number: int, blanks: Sequence[Blank], again: bool) -> None:
        """Quiz round `number` on this screen: its blanks, or only those given (the ones missed)."""
        self.round, self.again = number, again
        self.restart(session_of(blanks, self.all_blanks))
