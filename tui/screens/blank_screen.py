"""What the quiz and review screens share: blanks to fill, an answer bar, grading and ratings."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Input, Static

from ..core.session import QuizSession
from ..i18n import t, translate_bindings
from ..widgets.key_bar import KeyBar
from ..widgets.answer_bar import AnswerBar
from ..widgets.blank_text import BlankText, Row


class BlankScreen(Screen[None]):
    """Blanks in reading order with one active; subclasses say what text surrounds them."""

    BINDINGS = [
        Binding("tab", "next_blank", "key_next_blank", priority=True, id="next_blank"),
        Binding("shift+tab", "previous_blank", "key_previous_blank", priority=True, id="previous_blank"),
        Binding("ctrl+t", "hint", "key_hint", priority=True, id="hint"),
        Binding("ctrl+r", "reveal", "key_reveal", priority=True, id="reveal"),
        Binding("escape", "leave", "key_leave", priority=True, id="leave"),
    ]

    def __init__(self, session: QuizSession, title: str) -> None:
        super().__init__()
        translate_bindings(self)
        self.session = session
        self.heading = title
        self.feedback_index: int | None = None  # the graded blank whose feedback shows

    def compose(self) -> ComposeResult:
        yield Static(self.heading, id="drill-title", markup=False)
        yield Static("", id="drill-progress", markup=False)
        yield BlankText(id="blanks")
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
        if self.session.done:
            self.finish()
            return
        state = self.session.active_state
        if state is not None and state.graded:
            # The active blank was answered already (Tab went back to it): go on to the
            # next open one and keep what was typed for it, rather than dropping it.
            self.session.next_pending()
            self.feedback_index = None
            self.redraw()
            self.answer_bar.input.value = text
            return
        verdict = self.session.answer(text)
        if verdict is not None:
            self.graded(self.session.active)

    def graded(self, index: int) -> None:
        """Store a graded blank before showing its feedback, then move on."""
        state = self.session.states[index]
        blank = self.session.blanks[index]
        recorded = self.app.record_answer(blank.card, state)  # type: ignore[attr-defined]
        if recorded is not None:
            state.review_id = recorded.review_id
        self.feedback_index = index
        self.answer_bar.show_verdict(blank.number, blank.answer, state)
        # After the last blank the feedback stays (and 1-4 can still re-rate it) until
        # Enter asks for the summary.
        self.session.next_pending()
        self.redraw()

    def finish(self) -> None:
        """Every blank is graded and Enter pressed: subclasses show their summary."""

    # ------------------------------------------------------------- keys

    @on(Input.Changed)
    def _rating_key(self, event: Input.Changed) -> None:
        # The input has focus, so 1-4 reach it rather than a binding: typed alone while
        # feedback shows, they rate the blank just graded, as in Anki.
        if self.feedback_index is not None and event.value in ("1", "2", "3", "4"):
            event.input.value = ""
            self.action_rate(int(event.value))
        elif event.value:
            self.feedback_index = None  # typing the next answer ends the chance to re-rate

    def action_rate(self, rating: int) -> None:
        index = self.feedback_index
        if index is None:
            return
        state = self.session.states[index]
        self.session.rate(rating, index)
        if state.review_id is not None:
            self.app.rerate_answer(state.review_id, rating)  # type: ignore[attr-defined]
        blank = self.session.blanks[index]
        self.answer_bar.show_verdict(blank.number, blank.answer, state)

    def action_next_blank(self) -> None:
        self.session.next()
        self.redraw()

    def action_previous_blank(self) -> None:
        self.session.prev()
        self.redraw()

    def action_hint(self) -> None:
        if self.session.hint() is not None:
            self.redraw()

    def action_reveal(self) -> None:
        state = self.session.active_state
        if state is None or state.graded:
            return
        self.session.reveal()
        self.graded(self.session.active)

    def action_leave(self) -> None:
        # Every graded answer is already in the store; pending blanks simply stay new.
        self.dismiss()
