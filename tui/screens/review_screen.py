"""Review: due cards, of one document or across the library, each in its sentence with one blank."""

from __future__ import annotations

from collections.abc import Sequence

from ..core.names import heading_path
from ..core.review_across import ReviewItem
from ..core.sentences import CardText, card_texts
from ..core.session import Blank, QuizSession
from ..core.workbook import Workbook
from ..i18n import captions, t
from ..widgets.blank_text import Row
from .blank_screen import BlankScreen
from .reader_screen import printable
from .summary_screen import SummaryScreen


class ReviewScreen(BlankScreen):
    """One card at a time: the section's path (after its document's title, across the library), then
    its sentence (or more) with the blank. Each card is answered in its own document's workbook.

    An answered card stays in view, its answer filled in, until the next key.
    """

    LINGERS = True

    def __init__(self, items: Sequence[ReviewItem], *, across: bool = False) -> None:
        assert items  # the app opens no review with an empty queue
        self.items = list(items)
        self.across = across  # cards of several documents: each path starts with its document's title
        self.texts: list[CardText] = []
        by_workbook: dict[int, list[ReviewItem]] = {}
        for item in self.items:
            by_workbook.setdefault(id(item.workbook), []).append(item)
        found: dict[tuple[int, str], CardText] = {}
        for group in by_workbook.values():
            workbook = group[0].workbook
            texts = card_texts(workbook.opened, workbook.cards, wanted=[item.card for item in group])
            found.update(((id(workbook), key), text) for key, text in texts.items())
        # Two documents may have cards of one key: each card's text is its own document's.
        self.texts = [found[(id(item.workbook), item.card.key)] for item in self.items]
        # An answer that is another phrase the card shows is right, but not the one asked.
        others = {index: text.others for index, text in enumerate(self.texts)}
        session = QuizSession((Blank(i, item.card) for i, item in enumerate(self.items)), others=others)
        super().__init__(self.items[0].workbook, session, t("review_across_title" if across else "review_title"))

    def workbook_of(self, index: int) -> Workbook:
        return self.items[index].workbook

    def rows(self) -> list[Row]:
        blank = self.session.blanks[self.in_view]
        workbook = self.workbook_of(self.in_view)
        path = heading_path(workbook.opened, blank.section_id, captions())
        if self.across:
            path = f"{printable(workbook.opened.title)} › {path}"
        card = self.texts[self.in_view]
        return [Row("caption", [path]), Row("paragraph", [card.text[: card.start], blank, card.text[card.end :]])]

    def finish(self) -> None:
        self.app.push_screen(SummaryScreen(self.session.summary(), None), self._after_summary)

    def _after_summary(self, _: str | None) -> None:
        # Not a lambda: Textual awaits what a screen callback returns, and awaiting
        # dismiss() from inside this screen's own handler is an error.
        self.dismiss()
