"""What the quiz and review screens share: blanks to fill, an answer bar, grading and ratings."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Input, Static

from ..core.session import QuizSession
from ..core.database import StoreError
from ..core.workbook import Workbook
from ..i18n import store_message, t, translate_bindings
from ..widgets.answer_bar import AnswerBar
from ..widgets.blank_text import BlankText, Row
from ..widgets.key_bar import KeyBar

RATING_DIGITS = ("1", "2", "3", "4")
# The digits reach the answer's Input, which reads them as ratings (see `_rating_key`);
# the bindings name them for the help screen and the palette.
RATE = Binding.Group("key_rate")


class BlankScreen(Screen[str | None]):
    """Blanks in reading order with one active; subclasses say what text surrounds them."""

    HELP_TITLE = "help_quiz"
    BINDINGS = [
        Binding(
            "tab", "next_blank", "key_next_blank", tooltip="palette_help_next_blank",
            priority=True, id="next_blank",
        ),
        Binding(
            "shift+tab", "previous_blank", "key_previous_blank", tooltip="palette_help_previous_blank",
            priority=True, id="previous_blank",
        ),
        Binding("ctrl+t", "hint", "key_hint", tooltip="palette_help_hint", priority=True, id="hint"),
        Binding("ctrl+r", "reveal", "key_reveal", tooltip="palette_help_reveal", priority=True, id="reveal"),
        Binding("1", "rate(1)", "rate_again", tooltip="palette_help_rate", show=False, id="rate_1", group=RATE),
        Binding("2", "rate(2)", "rate_hard", tooltip="palette_help_rate", show=False, id="rate_2", group=RATE),
        Binding("3", "rate(3)", "rate_good", tooltip="palette_help_rate", show=False, id="rate_3", group=RATE),
        Binding("4", "rate(4)", "rate_easy", tooltip="palette_help_rate", show=False, id="rate_4", group=RATE),
        Binding("escape", "leave", "key_leave", tooltip="palette_help_leave", priority=True, id="leave"),
    ]

    def __init__(self, workbook: Workbook, session: QuizSession, title: str) -> None:
        super().__init__()
        translate_bindings(self)
        self.workbook = workbook
        self.session = session
        self.heading = title
        self.feedback_index: int | None = None  # the graded blank whose feedback shows
        # While the input holds a lone digit 1-4 under the feedback, that blank is rated
        # with it for now; this is the rating to go back to if the digit begins an answer.
        self.rating_before: int | None = None
        self.drafts: dict[int, str] = {}  # what was typed for a blank, while another is active

    def compose(self) -> ComposeResult:
        yield Static(self.heading, id="drill-title", markup=False)
        yield Static("", id="drill-progress", markup=False)
        yield BlankText(id="blanks", markdown=self.workbook.opened.markdown)
        yield AnswerBar(id="answer-bar")
        yield KeyBar()

    def rows(self) -> list[Row]:
        raise NotImplementedError

    def on_mount(self) -> None:
        self.redraw()

    @property
    def answer_bar(self) -> AnswerBar:
        return self.query_one(AnswerBar)

    def redraw(self) -> None:
        self.query_one(BlankText).show(self.rows(), self.session)
        graded = sum(1 for state in self.session.states if state.graded)
        self.query_one("#drill-progress", Static).update(
            t("drill_progress", done=graded, total=len(self.session.blanks))
        )
        blank = self.session.active_blank
        if blank is None or self.session.done:
            self.answer_bar.prompt(None)
        else:
            # Tab may rest on a blank already answered: say so rather than "all answered".
            state = self.session.states[blank.index]
            self.answer_bar.prompt(blank.number, state.status if state.graded else None)

    # ------------------------------------------------------------- answering

    def on_answer_bar_answered(self, event: AnswerBar.Answered) -> None:
        # Subclasses override `answered`, not this handler: Textual calls a handler
        # once for every class of the MRO that defines it.
        event.stop()
        self.answered(event.text)

    def answered(self, text: str) -> None:
        """Enter in the answer bar: grade the active blank, or show the summary when all are."""
        if self.rating_before is not None and text in RATING_DIGITS:
            # Enter on a lone rating digit confirms the rating; it is not an answer.
            self.rating_before = None
            return
        if self.session.done:
            self.finish()
            return
        state = self.session.active_state
        if state is not None and state.graded:
            # The active blank was answered already (Tab went back to it): go on to the
            # next open one and keep what was typed for it, rather than dropping it
            # (with nothing typed, that blank gets back its own draft).
            self.session.next_pending()
            self.feedback_index = None
            self.redraw()
            draft = self.drafts.pop(self.session.active, "")
            self._set_input(text or draft)
            return
        verdict = self.session.answer(text)
        if verdict is not None:
            self.graded(self.session.active)

    def graded(self, index: int) -> None:
        """Store a graded blank before showing its feedback, then move on."""
        state = self.session.states[index]
        blank = self.session.blanks[index]
        try:
            recorded = self.workbook.record(blank.card, state)
        except StoreError as error:
            message = t("answer_not_saved", count=self.workbook.waiting_answers, error=store_message(error))
            self.notify(message, severity="error", markup=False)
        else:
            state.review_id = recorded.review_id if recorded is not None else None
        self.drafts.pop(index, None)
        self.feedback_index = index
        self.rating_before = None
        self.answer_bar.show_verdict(blank.number, blank.answer, state)
        # After the last blank the feedback stays (and 1-4 can still re-rate it) until
        # Enter asks for the summary.
        self.session.next_pending()
        self.redraw()
        self._set_input(self.drafts.pop(self.session.active, ""))

    def finish(self) -> None:
        """Every blank is graded and Enter pressed: subclasses show their summary."""

    # ------------------------------------------------------------- keys

    @on(Input.Changed)
    def _rating_key(self, event: Input.Changed) -> None:
        # The input has focus, so 1-4 reach it rather than a binding: typed alone while
        # feedback shows, they rate the blank just graded, as in Anki. Only for now: an
        # answer may begin with a digit ("3d day", "2035年"), so the digit stays in sight,
        # Enter confirms it, and typing on (or deleting it) gives the old rating back.
        index = self.feedback_index
        if index is None:
            return
        if event.value in RATING_DIGITS:
            if self.rating_before is None:
                self.rating_before = self.session.states[index].rating
            self.rerate(index, int(event.value))
            return
        if self.rating_before is not None:
            self.rerate(index, self.rating_before)
            self.rating_before = None
        if event.value:
            self.feedback_index = None  # typing the next answer ends the chance to re-rate

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
                self.workbook.rerate(blank.card, state)
            except StoreError as error:
                state.rating = before  # refused: the feedback shows the rating that was kept
                self.notify(store_message(error), severity="error", markup=False)
        self.answer_bar.show_verdict(blank.number, blank.answer, state)

    def _set_input(self, text: str) -> None:
        """Put `text` in the input as the screen's doing: it is not typing, so it rates nothing."""
        field = self.answer_bar.input
        with self.prevent(Input.Changed):
            field.value = text
        field.cursor_position = len(text)

    def _take_input(self) -> str:
        """Empty the input and return the answer it held; a lone rating digit is a rating, kept."""
        text = self.answer_bar.input.value
        if self.rating_before is not None:
            self.rating_before = None
            text = ""
        self._set_input("")
        return text

    def _move(self, index: int) -> None:
        """Make blank `index` active; what was typed stays with the blank it was typed for."""
        left = self.session.active
        typed = self._take_input()
        if typed:
            self.drafts[left] = typed
        else:
            self.drafts.pop(left, None)
        self.session.go(index)
        self.redraw()
        self._set_input(self.drafts.pop(self.session.active, ""))

    def action_next_blank(self) -> None:
        self._move(self.session.active + 1)

    def action_previous_blank(self) -> None:
        self._move(self.session.active - 1)

    def action_hint(self) -> None:
        if self.session.hint() is not None:
            self.redraw()

    def action_reveal(self) -> None:
        state = self.session.active_state
        if state is None or state.graded:
            return
        # What was typed is the attempt given up on: stored with the blank, not left in
        # the input to be taken as the next blank's answer.
        typed = self._take_input()
        self.session.reveal()
        state.typed = typed
        self.graded(self.session.active)

    def action_leave(self) -> None:
        # Every graded answer is already in the store; pending blanks simply stay new.
        self.dismiss()
