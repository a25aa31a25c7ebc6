"""Review: the cards due across the document, each in its sentence with one blank."""

from __future__ import annotations

from ..core.framework import is_frame_card
from ..core.model import Card
from ..core.names import display_heading, heading_path
from ..core.sentences import card_texts
from ..core.session import Blank, QuizSession
from ..core.workbook import Workbook
from ..i18n import captions, t
from ..widgets.blank_text import Row
from .blank_screen import BlankScreen
from .frame_screen import line_row
from .summary_screen import SummaryScreen


class ReviewScreen(BlankScreen):
    """One card at a time: the section's path, then its sentence (or more) with the blank.

    A heading's card (framework.py) shows the path of the headings above it, then its
    label with the blank; a point's, the question above it.

    An answered card stays in view, its answer filled in, until the next key.
    """

    LINGERS = True

    def __init__(self, workbook: Workbook, queue: list[Card]) -> None:
        self.texts = card_texts(workbook.opened, workbook.cards, wanted=[c for c in queue if not is_frame_card(c)])
        self.frame = workbook.framework
        # An answer that is another phrase the card shows is right, but not the one asked.
        others = {
            index: self.frame.others(card) if is_frame_card(card) else self.texts[card.key].others
            for index, card in enumerate(queue)
        }
        session = QuizSession((Blank(i, card) for i, card in enumerate(queue)), others=others)
        super().__init__(workbook, session, t("review_title"))

    def rows(self) -> list[Row]:
        assert self.session.blanks  # the app opens no review with an empty queue
        blank = self.session.blanks[self.in_view]
        if is_frame_card(blank.card):
            return self._heading_rows(blank)
        path = heading_path(self.workbook.opened, blank.section_id, captions())
        card = self.texts[blank.card.key]
        return [Row("caption", [path]), Row("paragraph", [card.text[: card.start], blank, card.text[card.end :]])]

    def _heading_rows(self, blank: Blank) -> list[Row]:
        document = self.workbook.opened
        above = document.path(blank.section_id)[:-1]
        path = " › ".join(display_heading(section, captions()) for section in above) or document.title
        asked = {blank.card.key: blank}
        return [Row("caption", [path])] + [line_row(line, asked) for line in self.frame.place(blank.card)]

    def finish(self) -> None:
        self.app.push_screen(SummaryScreen(self.session.summary(), None), self._after_summary)

    def _after_summary(self, _: object) -> None:
        # Not a lambda: Textual awaits what a screen callback returns, and awaiting
        # dismiss() from inside this screen's own handler is an error.
        self.dismiss()
