"""What the reader opens to study with: a quiz, a review, the phrase editor; each says why when it cannot."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..core.database import StoreError
from ..core.queues import quiz_section, review_queue
from ..i18n import store_message, t

if TYPE_CHECKING:
    from textual.screen import Screen

    from ..core.model import Document
    from ..core.workbook import Workbook

    _Screen = Screen[None]  # what this is mixed into, for the type checker
else:
    _Screen = object


class StudyActions(_Screen):
    """The reader's study keys (t, r, e, s, f, p, w): mixed into `ReaderScreen`, whose bindings name them.

    Kept apart from the reader's reading and search, so each mode that opens from the
    reader adds its action here.
    """

    workbook: Workbook
    document: Document | None
    current_section: str | None
    start_section: str | None  # the section the command line named

    def _too_large(self) -> str:
        from ..core.workbook import MAX_PHRASE_CHARS
        from .reader_screen import printable

        name = printable(self.workbook.path.name)
        return t("phrases_too_large", name=name, chars=len(self.workbook.text), limit=MAX_PHRASE_CHARS)

    def _phrases_missing(self) -> bool:
        """Say why there is nothing to quiz, if so: phrases still being found, or none in the text."""
        if not self.workbook.phrases_ready:
            self.notify(t("no_phrases_yet"), severity="warning")
            return True
        if self.workbook.too_large:
            self.notify(self._too_large(), severity="warning", markup=False)
            return True
        if not self.workbook.cards:
            self.notify(t("no_phrases_at_all"), severity="warning")
            return True
        return False

    def action_quiz(self) -> None:
        if self.document is None or self._phrases_missing():
            return
        section_id = quiz_section(self.workbook, self.current_section)
        if section_id is None:
            self.notify(t("quiz_no_blanks"), severity="warning")  # nothing from here to the end
            return
        self.start_quiz(section_id)

    def start_quiz(self, section_id: str) -> None:
        from .quiz_screen import QuizScreen

        self.app.push_screen(QuizScreen(self.workbook, section_id), self._quiz_closed)

    def _quiz_closed(self, go_on: str | None) -> None:
        # The summary's Enter: the next section's quiz, straight away.
        if go_on is not None:
            self.start_quiz(go_on)

    def action_review(self) -> None:
        from ..core.review_across import review_items
        from .review_screen import ReviewScreen

        if self.document is None or self._phrases_missing():
            return
        try:
            queue = review_queue(self.workbook)
        except StoreError as error:
            self.notify(store_message(error), severity="error", markup=False)
            return
        if not queue:
            self.notify(t("review_nothing_due"))
            return
        self.app.push_screen(ReviewScreen(review_items(self.workbook, queue)))

    def action_edit_phrases(self) -> None:
        from .phrase_editor_screen import PhraseEditorScreen

        if self.document is None or not self.workbook.phrases_ready:
            self.notify(t("no_phrases_yet"), severity="warning")
            return
        section_id = self.current_section or self.document.sections[0].id
        self.app.push_screen(PhraseEditorScreen(self.workbook, section_id))

    def action_recite(self, typing: bool = False) -> None:
        """p: recite the section in view paragraph by paragraph (w: typing each from memory)."""
        from .recite_screen import ReciteScreen

        if self.document is None:
            return
        section_id = self.current_section or self.document.sections[0].id
        section = self.document.find(section_id)
        if section is None or not any(s.paragraphs for s in section.walk()):
            self.notify(t("recite_nothing"), severity="warning")
            return
        self.app.push_screen(ReciteScreen(self.workbook, section_id, typing=typing))

    def action_recite_typed(self) -> None:
        self.action_recite(typing=True)

    def action_stats(self) -> None:
        from ..core.report import study_report
        from .stats_screen import StatsScreen

        if self.document is None or not self.workbook.phrases_ready:
            self.notify(t("no_phrases_yet"), severity="warning")
            return
        try:
            report = study_report(self.workbook)
        except StoreError as error:
            self.notify(store_message(error), severity="error", markup=False)
            return
        self.app.push_screen(StatsScreen(self.workbook, report))

    def action_frame(self) -> None:
        """The framework quiz: of the whole document at a top-level section (or the opening, the
        closing); inside one, of that top-level section and its subsections."""
        if self.document is None:
            return
        path = self.document.path(self.current_section) if self.current_section is not None else []
        self.start_frame(path[0].id if len(path) > 1 else None)

    def start_frame(self, section_id: str | None) -> None:
        """The framework quiz of a section and its subsections (None: the whole document), if it has headings."""
        from .frame_screen import FrameScreen

        document = self.workbook.opened
        if section_id is not None and document.find(section_id) is None:
            section_id = self.workbook.find_section(section_id)  # as the command line named it (二、)
        if not any(line.cards for line in self.workbook.framework.within(document, section_id)):
            self.notify(t("frame_no_headings"), severity="warning")
            return
        self.app.push_screen(FrameScreen(self.workbook, section_id))

    def open_start(self, start: str) -> None:
        """Once the phrases are found, open what the command line asked for (study quiz, review, frame, stats)."""
        if start == "quiz":
            section_id = quiz_section(self.workbook, self.start_section)
            if section_id is None:
                self.notify(t("quiz_no_blanks"), severity="warning")
            else:
                self.start_quiz(section_id)
        elif start == "review":
            self.action_review()
        elif start == "frame":
            self.start_frame(self.start_section)
        elif start == "stats":
            self.action_stats()
