"""Recite a section paragraph by paragraph: progressive hiding (+ - Space, graded 1-4) and typed recitation (w)."""

from __future__ import annotations

import time

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Static, TextArea

from ..core.database import StoreError
from ..core.hiding import LEVELS, next_reveal
from ..core.names import heading_path
from ..core.passages import Passage, passages_for, record_recital, rerate_recital
from ..core.recital import Recital, grade, rating
from ..core.records import Recorded
from ..core.workbook import Workbook
from ..i18n import captions, store_message, t, translate_bindings
from ..widgets.key_bar import KeyBar
from ..widgets.passage_text import PassageText

LEVEL_KEYS = Binding.Group("key_recite_level", compact=True)
GRADE = Binding.Group("key_recite_grade")
# The actions of the keys while the passage is read aloud, and of those while it is typed.
READING_KEYS = frozenset({"level", "reveal", "step", "grade", "type_recital"})
TYPING_KEYS = frozenset({"submit"})
# A typed recital's diff: characters left out, typed over (the wrong ones, before what was expected), added.
DIFF_STYLES = {"same": "", "missing": "bold underline red", "wrong": "bold reverse red", "extra": "strike yellow"}
RATING_NAMES = {1: "recite_rating_1", 2: "recite_rating_2", 3: "recite_rating_3", 4: "recite_rating_4"}


class ReciteScreen(Screen[None]):
    """A section's paragraphs with one current: hide more or less of them, recite it aloud, grade it.

    Each paragraph is a passage card (tui/core/passages.py). A grade is written to the
    store before the next paragraph is drawn; a typed recitation is a review only once
    submitted, and its draft lives only while the screen is open.
    """

    CSS_PATH = "styles/recite_screen.tcss"  # read when the screen is first shown, not before the first frame

    HELP_TITLE = "help_recite"
    BINDINGS = [
        Binding("plus", "level(1)", "key_recite_more", tooltip="palette_help_recite_more", id="recite_more",
                group=LEVEL_KEYS),
        # = is + without Shift on most keyboards.
        Binding("equals_sign", "level(1)", "key_recite_more", show=False, id="recite_more_equals", group=LEVEL_KEYS),
        Binding("minus", "level(-1)", "key_recite_less", tooltip="palette_help_recite_less", id="recite_less",
                group=LEVEL_KEYS),
        Binding("space", "reveal", "key_recite_reveal", tooltip="palette_help_recite_reveal", id="recite_reveal"),
        Binding("down,j", "step(1)", "key_recite_next", tooltip="palette_help_recite_next", id="recite_next"),
        Binding("up,k", "step(-1)", "key_recite_previous", tooltip="palette_help_recite_previous",
                id="recite_previous", show=False),
        Binding("w", "type_recital", "key_recite_type", tooltip="palette_help_recite_type", id="recite_type"),
        Binding("ctrl+s", "submit", "key_recite_submit", tooltip="palette_help_recite_submit", id="recite_submit"),
        Binding("1", "grade(1)", "rate_again", tooltip="palette_help_recite_grade", show=False, id="recite_1",
                group=GRADE),
        Binding("2", "grade(2)", "rate_hard", tooltip="palette_help_recite_grade", show=False, id="recite_2",
                group=GRADE),
        Binding("3", "grade(3)", "rate_good", tooltip="palette_help_recite_grade", show=False, id="recite_3",
                group=GRADE),
        Binding("4", "grade(4)", "rate_easy", tooltip="palette_help_recite_grade", show=False, id="recite_4",
                group=GRADE),
        Binding("escape", "leave", "key_leave", tooltip="palette_help_recite_leave", id="recite_leave"),
    ]

    def __init__(self, workbook: Workbook, section_id: str, *, typing: bool = False) -> None:
        super().__init__()
        translate_bindings(self)
        self.workbook = workbook
        document = workbook.opened
        self.section_id = section_id
        self.passages: list[Passage] = passages_for(document, section_id, workbook.phrases, captions())
        self.heading = t("recite_title", path=heading_path(document, section_id, captions()))
        self.level = 0
        self.current = 0
        self.revealed: dict[int, int] = {}
        self.graded: dict[int, int] = {}  # paragraph index -> its last rating here
        self.drafts: dict[int, str] = {}  # typed and not submitted: in memory only, never a review
        self.typing = False
        self.typing_started = 0.0
        self.result: tuple[int, Recital, Recorded | None] | None = None  # the typed recital just graded
        self._type_first = typing

    def compose(self) -> ComposeResult:
        yield Static(self.heading, id="recite-title", markup=False)
        yield Static("", id="recite-status", markup=False)
        yield PassageText(id="passage")
        with Vertical(id="recital"):
            yield Static("", id="recital-prompt", markup=False)
            # Disabled until typing: a hidden TextArea would take the focus, and with it every key.
            yield TextArea(id="recital-input", soft_wrap=True, show_line_numbers=False, disabled=True)
            yield Static("", id="recital-result", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.redraw()
        if self._type_first:
            self.action_type_recital()

    # ------------------------------------------------------------- drawing

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While a paragraph is typed from memory the keys type it: only submitting and leaving are
        keys then (the key bar says so), and submitting is one only then."""
        if action in TYPING_KEYS:
            return self.typing or action != "submit"
        if action in READING_KEYS:
            return not self.typing
        return True

    def redraw(self) -> None:
        self.refresh_bindings()  # typing or not: the keys in force change
        # While typing, the paragraph typed from memory shows only its length and punctuation.
        masked = self.current if self.typing else None
        self.query_one(PassageText).show(self.passages, self.level, self.current, self.revealed, masked)
        self.query_one("#recite-status", Static).update(
            t(
                "recite_status",
                paragraph=self.current + 1,
                total=len(self.passages),
                level=self.level,
                name=t(f"recite_level_{self.level}"),
                graded=len(self.graded),
            ),
        )
        self.set_class(self.typing, "-typing")
        self.set_class(self.result is not None, "-result")

    @property
    def passage(self) -> Passage:
        return self.passages[self.current]

    # ------------------------------------------------------------- progressive hiding

    def action_level(self, step: int) -> None:
        if self.typing:
            return
        level = max(0, min(LEVELS - 1, self.level + step))
        if level != self.level:
            self.level = level
            self.revealed = {}  # a level change starts the reveals again
            self.result = None
            self.redraw()

    def action_reveal(self) -> None:
        if self.typing:
            return
        passage = self.passage
        shown = self.revealed.get(self.current, 0)
        more = next_reveal(passage.text, self.level, passage.phrases, shown)
        if more != shown:
            self.revealed[self.current] = more
            self.redraw()

    def action_step(self, step: int) -> None:
        if self.typing:
            return
        self.current = max(0, min(len(self.passages) - 1, self.current + step))
        self.result = None
        self.redraw()

    def action_grade(self, rating_: int) -> None:
        """1-4: the current paragraph recited aloud, graded; or a typed recital just scored, rated again."""
        if self.typing:
            return
        if self.result is not None:
            self._rerate(rating_)
            return
        passage = self.passage
        try:
            record_recital(self.workbook, passage, rating_, outcome=f"recited:{self.level}")
        except StoreError as error:
            self.notify(store_message(error), severity="error")  # kept in the queue, written later
        self.graded[self.current] = rating_
        self.notify(t("recite_graded", rating=t(RATING_NAMES[rating_])), timeout=2)
        if self.current + 1 < len(self.passages):
            self.current += 1
        self.redraw()

    # ------------------------------------------------------------- typed recitation

    def action_type_recital(self) -> None:
        if self.typing:
            return
        self.typing = True
        self.result = None
        self.typing_started = time.monotonic()
        area = self.query_one("#recital-input", TextArea)
        area.disabled = False
        area.load_text(self.drafts.get(self.current, ""))
        self.query_one("#recital-prompt", Static).update(t("recite_type_prompt", paragraph=self.current + 1))
        self.redraw()
        self.set_focus(area)  # at once: what is typed right after w is the paragraph's (StudyApp.on_key)

    def action_submit(self) -> None:
        if not self.typing:
            return
        typed = self.query_one("#recital-input", TextArea).text
        if not typed.strip():
            self.notify(t("recite_type_empty"), severity="warning")
            return
        seconds = time.monotonic() - self.typing_started
        recital = grade(typed, self.passage.text)
        suggested = rating(recital, seconds)
        recorded = None
        try:
            recorded = record_recital(
                self.workbook, self.passage, suggested, outcome="typed", typed=typed, seconds=seconds,
                score=round(recital.score, 4),
            )
        except StoreError as error:
            self.notify(store_message(error), severity="error")
        # Written (or queued) before the result is drawn.
        self.drafts.pop(self.current, None)
        self.graded[self.current] = suggested
        self.typing = False
        self.result = (suggested, recital, recorded)
        self._show_result()
        self.query_one("#recital-input", TextArea).disabled = True
        self.redraw()

    def _show_result(self) -> None:
        if self.result is None:
            return
        suggested, recital, _ = self.result
        self.query_one("#recital-result", Static).update(self.result_text(recital, suggested))

    @staticmethod
    def result_text(recital: Recital, suggested: int) -> Text:
        """The score, the rating and the diff: missing, extra and wrong characters each in its own style."""
        text = Text(
            t("recite_score", percent=recital.percent, rating=t(RATING_NAMES[suggested]), missing=recital.missing,
              extra=recital.extra, wrong=recital.wrong) + "\n",
            style="bold",
        )
        for tag, piece in recital.segments:
            text.append(piece, DIFF_STYLES[tag])
        return text

    def _rerate(self, rating_: int) -> None:
        assert self.result is not None
        suggested, recital, recorded = self.result
        if rating_ == suggested:
            return
        try:
            rerate_recital(self.workbook, self.passage, recorded, rating_)
        except StoreError as error:
            self.notify(store_message(error), severity="error")
            return
        self.graded[self.current] = rating_
        self.result = (rating_, recital, recorded)
        self._show_result()
        self.redraw()

    # ------------------------------------------------------------- leaving

    def action_leave(self) -> None:
        if self.typing:
            # Esc while typing puts the text away, kept as a draft while the screen is open.
            area = self.query_one("#recital-input", TextArea)
            self.drafts[self.current] = area.text
            area.disabled = True
            self.typing = False
            self.redraw()
            return
        if self.result is not None:
            self.result = None
            self.redraw()
            return
        self.dismiss(None)
