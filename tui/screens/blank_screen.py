"""What the quiz and review screens share: blanks to fill, an answer bar, grading and ratings."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static

from ..core.database import StoreError
from ..core.session import QuizSession
from ..core.workbook import Workbook
from ..i18n import store_message, t, translate_bindings
from ..widgets.answer_bar import AnswerBar
from ..widgets.blank_text import BlankText, Row
from ..widgets.key_bar import KeyBar
from .blank_ratings import RATE, BlankRatings, rating_digit


class BlankScreen(BlankRatings, Screen[str | None]):
    """Blanks in reading order with one active; subclasses say what text surrounds them (ratings: `BlankRatings`)."""

    CSS_PATH = "styles/blank_screen.tcss"  # read when the screen is first shown, not before the first frame

    HELP_TITLE = "help_quiz"
    # Whether a graded blank stays in view, answer filled in, until the next key (a
    # review shows one card at a time: it would vanish the moment it was answered).
    LINGERS = False
    # No priority bindings: each key reaches the answer's input in the order typed and
    # the input runs its binding there, so keys typed fast behind Enter or Tab are not
    # read as part of the answer before it (see AnswerInput).
    BINDINGS = [
        Binding("enter", "answer", "key_answer", show=False, id="answer"),
        Binding("tab", "next_blank", "key_next_blank", tooltip="palette_help_next_blank", id="next_blank"),
        Binding(
            "shift+tab", "previous_blank", "key_previous_blank", tooltip="palette_help_previous_blank",
            id="previous_blank",
        ),
        Binding("ctrl+t", "hint", "key_hint", tooltip="palette_help_hint", id="hint"),
        Binding("ctrl+r", "reveal", "key_reveal", tooltip="palette_help_reveal", id="reveal"),
        Binding("1", "rate(1)", "rate_again", tooltip="palette_help_rate", show=False, id="rate_1", group=RATE),
        Binding("2", "rate(2)", "rate_hard", tooltip="palette_help_rate", show=False, id="rate_2", group=RATE),
        Binding("3", "rate(3)", "rate_good", tooltip="palette_help_rate", show=False, id="rate_3", group=RATE),
        Binding("4", "rate(4)", "rate_easy", tooltip="palette_help_rate", show=False, id="rate_4", group=RATE),
        Binding("escape", "leave", "key_leave", tooltip="palette_help_leave", id="leave"),
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
        self.lingering: int | None = None  # the graded blank still in view (see LINGERS)

    def compose(self) -> ComposeResult:
        yield Static(self.heading, id="drill-title", markup=False)
        yield Static("", id="drill-progress", markup=False)
        yield BlankText(id="blanks", markdown=self.workbook.opened.markdown)
        yield AnswerBar(id="answer-bar")
        yield KeyBar()

    def rows(self) -> list[Row]:
        raise NotImplementedError

    def workbook_of(self, index: int) -> Workbook:
        """The workbook blank `index` is answered in: the screen's own, unless its cards come from several."""
        return self.workbook

    def on_mount(self) -> None:
        self.redraw()

    @property
    def in_view(self) -> int:
        """The blank drawn as the one at hand: the active one, or a graded one lingering."""
        return self.session.active if self.lingering is None else self.lingering

    @property
    def answer_bar(self) -> AnswerBar:
        return self.query_one(AnswerBar)

    def redraw(self) -> None:
        self.query_one(BlankText).show(self.rows(), self.session)
        graded = sum(1 for state in self.session.states if state.graded)
        progress = self.progress(graded, len(self.session.blanks))
        self.query_one("#drill-progress", Static).update(progress, layout=False)  # one line: no layout to redo
        blank = self.session.active_blank
        if self.lingering is not None and not self.session.done:
            self.answer_bar.prompt_next()
        elif blank is None or self.session.done:
            self.answer_bar.prompt(None)
        else:
            # Tab may rest on a blank already answered: say so rather than "all answered".
            state = self.session.states[blank.index]
            self.answer_bar.prompt(blank.number, state.status if state.graded else None)

    def progress(self, done: int, total: int) -> str:
        """The status line over the text: how many blanks are answered."""
        return t("drill_progress", done=done, total=total)

    def restart(self, session: QuizSession) -> None:
        """Quiz `session` next on this screen (another round): nothing of the last one stays."""
        self.session = session
        self.feedback_index = self.rating_before = self.lingering = None
        self.drafts.clear()
        self.answer_bar.feedback.update("")
        self._set_input("")
        self.redraw()

    # ------------------------------------------------------------- answering

    def action_answer(self) -> None:
        """Enter: take what was typed, at once, as the answer of the blank active now."""
        field = self.answer_bar.input
        pasted = field.pasted
        self.answered(field.take(), pasted)

    def answered(self, text: str, pasted: bool = False) -> None:
        """Enter in the answer bar: grade the active blank, or show the summary when all are.

        `pasted`: some of `text` was pasted rather than typed.
        """
        if self.rating_before is not None:
            if rating_digit(text) is not None:
                # Enter on a lone rating digit confirms the rating; it is not an answer.
                self.rating_before = None
                self._end_lingering()
                return
            # The digit began this answer, typed on faster than the input told of it (its
            # changes came after Enter took the text): the graded blank gets its rating back.
            if self.feedback_index is not None:
                self.rerate(self.feedback_index, self.rating_before)
            self.rating_before = None
        if self.session.done:
            self.finish()
            return
        if self._end_lingering() and not text.strip():
            return  # Enter on the card answered brings the next, rather than revealing it unseen
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
            self.answer_bar.input.pasted = pasted and bool(text)
            return
        verdict = self.session.answer(text, pasted=pasted)
        if verdict is None:
            return
        if verdict.outcome == "elsewhere":
            # Right for another phrase here: not graded; the answer stays, selected, to
            # be typed over.
            blank = self.session.blanks[self.session.active]
            self.feedback_index = None
            self.answer_bar.show_elsewhere(blank.number)
            field = self.answer_bar.input
            self._set_input(text)
            field.pasted = pasted
            field.select_all()
            return
        self.graded(self.session.active)

    def graded(self, index: int) -> None:
        """Store a graded blank before showing its feedback, then move on."""
        state = self.session.states[index]
        blank = self.session.blanks[index]
        try:
            recorded = self.workbook_of(index).record(blank.card, state)
        except StoreError as error:
            waiting = self.workbook_of(index).waiting_answers
            message = t("answer_not_saved", count=waiting, error=store_message(error))
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
        if self.LINGERS:
            self.lingering = index
        self.redraw()
        self._set_input(self.drafts.pop(self.session.active, ""))

    def finish(self) -> None:
        """Every blank is graded and Enter pressed: subclasses show their summary."""

    def _end_lingering(self) -> bool:
        """Bring the active blank into view instead of the graded one; False if none lingered."""
        if self.lingering is None:
            return False
        self.lingering = None
        self.redraw()
        return True

    # ------------------------------------------------------------- keys

    def _set_input(self, text: str) -> None:
        """Put `text` in the input as the screen's doing: it is not typing, so it rates nothing."""
        self.answer_bar.input.put(text)

    def _take_input(self) -> str:
        """Empty the input and return the answer it held, for the active blank; a lone
        rating digit is a rating, kept. The blank is marked if any of it was pasted."""
        field = self.answer_bar.input
        text = field.value
        if self.rating_before is not None:
            self.rating_before = None
            text = ""
        state = self.session.active_state
        if state is not None and text and field.pasted:
            state.pasted = True
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
        self.lingering = None
        self.session.go(index)
        self.redraw()
        self._set_input(self.drafts.pop(self.session.active, ""))

    def action_next_blank(self) -> None:
        self._move(self.session.active + 1)

    def action_previous_blank(self) -> None:
        self._move(self.session.active - 1)

    def action_hint(self) -> None:
        """One more letter of the active blank, on the blank and in the input, to type on from."""
        state = self.session.active_state
        if state is None or state.graded or self._end_lingering():
            return  # lingering: the key brings the blank into view first
        # A lone rating digit in the input is a rating, kept; a hint begins the next answer.
        typed = self._take_input()
        self.feedback_index = None
        text = self.session.hint(typed)
        self._set_input(text if text is not None else typed)
        self.redraw()

    def action_reveal(self) -> None:
        state = self.session.active_state
        if state is None or state.graded or self._end_lingering():
            return  # lingering: never give up on a blank not yet seen
        # What was typed is the attempt given up on: stored with the blank, not left in
        # the input to be taken as the next blank's answer.
        typed = self._take_input()
        self.session.reveal()
        state.typed = typed
        self.graded(self.session.active)

    def action_leave(self) -> None:
        # Every graded answer is already in the store; pending blanks simply stay new.
        self.dismiss()
