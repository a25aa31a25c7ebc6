"""The answer bar: feedback on the last answer above a real Input for the next one."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from ..core.quiz import answer_diff
from ..core.session import BlankState
from ..i18n import t
from .answer_input import AnswerInput

RATING_KEYS = {1: "rating_again", 2: "rating_hard", 3: "rating_good", 4: "rating_easy"}


class AnswerBar(Vertical):
    """Typed answers go through an `Input`, so an input method's candidate window lands here."""

    DEFAULT_CSS = """
    AnswerBar { height: auto; dock: bottom; background: $panel; padding: 0 1; }
    AnswerBar > #feedback { height: auto; min-height: 1; }
    AnswerBar > Input { border: tall $accent; }
    AnswerBar > .answer-bar--same { color: $text-success; }
    AnswerBar > .answer-bar--wrong { color: $text-error; text-style: strike; }
    AnswerBar > .answer-bar--extra { color: $text-error; text-style: strike; }
    AnswerBar > .answer-bar--missing { color: $text-warning; text-style: bold underline; }
    AnswerBar > .answer-bar--right { color: $text-success; text-style: bold; }
    AnswerBar > .answer-bar--near { color: $text-warning; text-style: bold; }
    AnswerBar > .answer-bar--wrong-outcome { color: $text-error; text-style: bold; }
    AnswerBar > .answer-bar--revealed { color: $text-secondary; text-style: bold; }
    """
    COMPONENT_CLASSES = {
        "answer-bar--same",
        "answer-bar--wrong",
        "answer-bar--extra",
        "answer-bar--missing",
        "answer-bar--right",
        "answer-bar--near",
        "answer-bar--wrong-outcome",
        "answer-bar--revealed",
    }

    def compose(self) -> ComposeResult:
        yield Static("", id="feedback", markup=False)
        # Enter and the quiz's other keys are the screen's bindings, which the input
        # runs in the order the keys were typed.
        yield AnswerInput(id="answer")

    @property
    def input(self) -> AnswerInput:
        return self.query_one(AnswerInput)

    @property
    def feedback(self) -> Static:
        return self.query_one("#feedback", Static)

    def prompt(self, number: int | None, status: str | None = None) -> None:
        """Ask for the answer of blank `number` (None: nothing left to answer).

        With a `status`, blank `number` is already answered and the bar says how it went.
        """
        # The longest that fits the bar: a small terminal gets a shorter one, not one cut off.
        if number is None:
            self.input.offer(t("answer_done"), t("answer_done_short"))
        elif status is not None:
            self.input.offer(t(f"outcome_{status}", number=number))
        else:
            keys = ("answer_placeholder", "answer_placeholder_short", "answer_placeholder_tiny")
            self.input.offer(*(t(key, number=number) for key in keys))
        self.input.focus()

    def prompt_next(self) -> None:
        """The answered card is still in view: Enter brings the next (review)."""
        self.input.offer(t("review_next"), t("review_next_short"))
        self.input.focus()

    def show_elsewhere(self, number: int) -> None:
        """The answer typed for blank `number` is right for another phrase of its context."""
        text = Text(t("outcome_elsewhere", number=number), self.get_component_rich_style("answer-bar--near"))
        self.feedback.update(text)

    def show_verdict(self, number: int, answer: str, state: BlankState) -> None:
        """What happened to a graded blank: the outcome, a diff when wrong, and the rating."""
        text = Text()
        outcome_style = {
            "right": "answer-bar--right",
            "near": "answer-bar--near",
            "wrong": "answer-bar--wrong-outcome",
            "revealed": "answer-bar--revealed",
        }[state.status]
        text.append(t(f"outcome_{state.status}", number=number), self.get_component_rich_style(outcome_style))
        if state.status in ("wrong", "near") and state.typed:
            typed, wanted = answer_diff(state.typed, answer)
            text.append("  " + t("typed") + " ")
            for tag, part in typed:
                text.append(part, self.get_component_rich_style(f"answer-bar--{tag}"))
            text.append("  " + t("expected") + " ")
            for tag, part in wanted:
                text.append(part, self.get_component_rich_style(f"answer-bar--{tag}"))
        elif state.status == "revealed":
            text.append("  " + t("expected") + " ")
            text.append(answer, self.get_component_rich_style("answer-bar--missing"))
        if state.rating:
            text.append("   " + t("rating_line", rating=t(RATING_KEYS[state.rating])))
        self.feedback.update(text)
