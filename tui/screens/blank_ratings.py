"""The blank screens' ratings: 1-4 rate the blank just graded, typed alone for now or by key for good."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.widgets import Input

from ..core.database import StoreError
from ..i18n import store_message

if TYPE_CHECKING:
    from textual.screen import Screen

    from ..core.session import QuizSession
    from ..core.workbook import Workbook
    from ..widgets.answer_bar import AnswerBar

    _Screen = Screen[str | None]  # what this is mixed into, for the type checker
else:
    _Screen = object

RATING_DIGITS = ("1", "2", "3", "4")
# The digits reach the answer's Input, which reads them as ratings (see `on_input_changed`);
# the bindings name them for the help screen and the palette.
RATE = Binding.Group("key_rate")


def rating_digit(text: str) -> int | None:
    """The rating a lone digit 1-4 stands for, typed half- or full-width (an input method's １２３４)."""
    folded = unicodedata.normalize("NFKC", text)
    return int(folded) if folded in RATING_DIGITS else None


class BlankRatings(_Screen):
    """Rating the graded blank whose feedback shows: mixed into `BlankScreen`, whose bindings name the keys.

    Its handler of the input's changes is named, not `@on`: Textual collects `@on`
    handlers only from classes made by its own metaclass, which a mixin is not.
    """

    session: QuizSession
    feedback_index: int | None
    rating_before: int | None

    if TYPE_CHECKING:

        @property
        def answer_bar(self) -> AnswerBar: ...

        def workbook_of(self, index: int) -> Workbook: ...

        def _end_lingering(self) -> bool: ...

        def _take_input(self) -> str: ...

    def on_input_changed(self, event: Input.Changed) -> None:
        # The input has focus, so 1-4 reach it rather than a binding: typed alone while
        # feedback shows, they rate the blank just graded, as in Anki. Only for now: an
        # answer may begin with a digit ("3d day", "2035年"), so the digit stays in sight,
        # Enter confirms it, and typing on (or deleting it) gives the old rating back.
        index = self.feedback_index
        if index is None or event.value != event.input.value:
            # Stale: the keys came faster than their Changed, and Enter (or a hint, or
            # Tab) has already taken this text; what the input holds now is what counts.
            return
        digit = rating_digit(event.value)
        if digit is not None:
            if self.rating_before is None:
                self.rating_before = self.session.states[index].rating
            self.rerate(index, digit)
            return
        if self.rating_before is not None:
            self.rerate(index, self.rating_before)
            self.rating_before = None
        if event.value:
            self.feedback_index = None  # typing the next answer ends the chance to re-rate
            self._end_lingering()

    def action_rate(self, rating: int) -> None:
        """Rate the blank whose feedback shows, for good (a digit typed alone rates for now)."""
        index = self.feedback_index
        if index is None:
            return
        if self.rating_before is not None:
            self._take_input()  # the digit in the input was this very choice, made for now
        self.rerate(index, rating)

    def rerate(self, index: int, rating: int) -> None:
        """Change the rating of graded blank `index`, where it is kept and in its feedback."""
        state, blank = self.session.states[index], self.session.blanks[index]
        before = state.rating
        if rating != before:
            self.session.rate(rating, index)
            try:
                self.workbook_of(index).rerate(blank.card, state)
            except StoreError as error:
                state.rating = before  # refused: the feedback shows the rating that was kept
                self.notify(store_message(error), severity="error", markup=False)
        self.answer_bar.show_verdict(blank.number, blank.answer, state)
