"""Review: due cards, of one document or across the library, each in its sentence with one blank."""

from __future__ import annotations

from collections.abc import Sequence

from ..core.framework import Frame, is_frame_card
from ..core.names import display_heading, heading_path
from ..core.review_across import ReviewItem
from ..core.sentences import CardText, card_texts
from ..core.session import Blank, QuizSession
from ..core.workbook import Workbook
from ..i18n import captions, t
from ..widgets.blank_text import Row
from .blank_screen import BlankScreen
from .frame_screen import line_row
from .reader_screen import printable
from .summary_screen import Next, SummaryScreen


class ReviewScreen(BlankScreen):
    """One card at a time: the section's path (after its document's title, across the library), then
    its sentence (or more) with the blank. Each card is answered in its own document's workbook.

    A heading's card (framework.py) shows the path of the headings above it, then its
    label with the blank; a point's, the question above it.

    An answered card stays in view, its answer filled in, until the next key.
    """

    LINGERS = True

    def __init__(self, items: Sequence[ReviewItem], *, across: bool = False) -> None:
        assert items  # the app opens no review with an empty queue
        self.items = list(items)
        self.across = across  # cards of several documents: each path starts with its document's title
        by_workbook: dict[int, list[ReviewItem]] = {}
        for item in self.items:
            by_workbook.setdefault(id(item.workbook), []).append(item)
        found: dict[tuple[int, str], CardText] = {}
        self.frames: dict[int, Frame] = {}
        for group in by_workbook.values():
            workbook = group[0].workbook
            wanted = [item.card for item in group if not is_frame_card(item.card)]
            texts = card_texts(workbook.opened, workbook.cards, wanted=wanted)
            found.update(((id(workbook), key), text) for key, text in texts.items())
            if len(wanted) < len(group):
                self.frames[id(workbook)] = workbook.framework
        # Two documents may have cards of one key: each card's text is its own document's.
        self.texts: list[CardText | None] = [found.get((id(item.workbook), item.card.key)) for item in self.items]
        # An answer that is another phrase the card shows is right, but not the one asked.
        others = {
            index: self.frames[id(item.workbook)].others(item.card) if text is None else text.others
            for index, (item, text) in enumerate(zip(self.items, self.texts))
        }
        session = QuizSession((Blank(i, item.card) for i, item in enumerate(self.items)), others=others)
        super().__init__(self.items[0].workbook, session, t("review_across_title" if across else "review_title"))

    def workbook_of(self, index: int) -> Workbook:
        return self.items[index].workbook

    def rows(self) -> list[Row]:
        blank = self.session.blanks[self.in_view]
        workbook = self.workbook_of(self.in_view)
        card = self.texts[self.in_view]
        if card is None:
            rows = self._heading_rows(workbook, blank)
        else:
            path = heading_path(workbook.opened, blank.section_id, captions())
            rows = [
                Row("caption", [path]),
                Row("paragraph", [card.text[: card.start], blank, card.text[card.end :]]),
            ]
        if self.across:
            # Each path starts with its document's title, once: a top-level heading's is the title.
            title, caption = printable(workbook.opened.title), rows[0].parts[0]
            if caption != title:
                rows[0] = Row("caption", [f"{title} › {caption}"])
        return rows

    def _heading_rows(self, workbook: Workbook, blank: Blank) -> list[Row]:
        document = workbook.opened
        above = document.path(blank.section_id)[:-1]
        path = " › ".join(display_heading(section, captions()) for section in above) or printable(document.title)
        asked = {blank.card.key: blank}
        place = self.frames[id(workbook)].place(blank.card)
        return [Row("caption", [path])] + [line_row(line, asked) for line in place]

    def finish(self) -> None:
        # Across the library the review was opened from it, and goes back to it.
        summary = SummaryScreen(self.session.summary(), None, to_library=self.across)
        self.app.push_screen(summary, self._after_summary)

    def _after_summary(self, _: str | Next | None) -> None:
        # Not a lambda: Textual awaits what a screen callback returns, and awaiting
        # dismiss() from inside this screen's own handler is an error.
        self.dismiss()
