"""The reader: the outline beside the text, with search and key-phrase highlighting; quizzes start here."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.events import Resize
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Static

from ..core.database import StoreError
from ..core.model import Document
from ..core.names import heading_path
from ..core.progress import section_progress
from ..core.records import Progress
from ..core.workbook import Workbook
from ..i18n import captions, t, translate_bindings
from ..widgets.key_bar import KeyBar
from ..widgets.outline_tree import OutlineTree
from ..widgets.text_view import TextView
from .reader_search import ReaderSearch
from .study_actions import StudyActions

MIN_WIDTH, MIN_HEIGHT = 60, 15
# The outline pane: this share of the width, within these many cells.
OUTLINE_PERCENT, OUTLINE_MIN, OUTLINE_MAX = 34, 24, 48


def outline_width(width: int) -> int:
    """The outline pane's width on a screen `width` cells wide, the line on its right included."""
    return min(max(width * OUTLINE_PERCENT // 100, OUTLINE_MIN), OUTLINE_MAX)


def _columns(outline: int) -> str:
    """The grid's columns: the outline, the line that divides the panes, the text."""
    return f"{outline - 1} 1 1fr"


def printable(text: str) -> str:
    """`text` on one line with nothing a terminal would act on: for titles from file names."""
    return "".join(char if char.isprintable() else " " for char in text).strip()
SECTIONS = Binding.Group("key_sections_short", compact=True)
RECITE = Binding.Group("key_recite_short", compact=True)


class ReaderScreen(StudyActions, ReaderSearch, Screen[None]):
    """Outline pane, breadcrumb and text pane on a workbook; quiz, review and the phrase editor open from here.

    The study keys are in `StudyActions` (study_actions.py), the search in `ReaderSearch` (reader_search.py).
    """

    HELP_TITLE = "help_reading"
    HELP_SECTIONS = {
        "help_quiz": ("quiz", "review", "edit_phrases", "stats"),
        "help_recite": ("frame", "recite", "recite_typed"),
        "help_search": ("search", "next_match", "next_match_enter", "previous_match", "close_search"),
    }
    HELP_APART = ("key_recite_short",)
    BINDINGS = [
        Binding("t", "quiz", "key_quiz", tooltip="palette_help_quiz", id="quiz"),
        Binding("r", "review", "key_review", tooltip="palette_help_review", id="review"),
        Binding("e", "edit_phrases", "key_edit_phrases", tooltip="palette_help_edit_phrases", id="edit_phrases"),
        Binding("s", "stats", "key_stats", tooltip="palette_help_stats", id="stats"),
        # Reciting's three ways share one entry of the key bar ("fpw 背诵"), which has no room for three.
        Binding("f", "frame", "key_frame", tooltip="palette_help_frame", id="frame", group=RECITE),
        Binding("p", "recite", "key_recite", tooltip="palette_help_recite", id="recite", group=RECITE),
        Binding(
            "w",
            "recite_typed",
            "key_recite_typed",
            tooltip="palette_help_recite_typed",
            id="recite_typed",
            group=RECITE,
        ),
        Binding("slash", "search", "key_search", tooltip="palette_help_search", id="search"),
        Binding("n", "next_match", "key_next_match", show=False, id="next_match"),
        # Enter in the text goes on from the search bar's Enter: each one, the next match.
        Binding("enter", "next_match", "key_next_match", show=False, id="next_match_enter"),
        Binding("N", "previous_match", "key_previous_match", show=False, id="previous_match"),
        Binding("h", "toggle_highlight", "key_highlight", tooltip="palette_help_highlight", id="highlight"),
        # One key bar entry for both: "[] Prev/next section".
        Binding(
            "left_square_bracket",
            "previous_section",
            "key_previous_section",
            tooltip="palette_help_previous_section",
            id="previous_section",
            group=SECTIONS,
        ),
        Binding(
            "right_square_bracket",
            "next_section",
            "key_next_section",
            tooltip="palette_help_next_section",
            id="next_section",
            group=SECTIONS,
        ),
        Binding("tab", "app.focus_next", "key_switch_pane", show=False, id="switch_pane"),
        Binding("escape", "close_search", "key_close", show=False, id="close_search"),
    ]

    current_section: reactive[str | None] = reactive(None)
    too_small = reactive(False)

    class Leave(Message):
        """Esc with no search open: back to the library, when the document was opened from one."""

    def __init__(self, workbook: Workbook, *, section: str | None = None) -> None:
        super().__init__()
        translate_bindings(self)
        self.workbook = workbook
        self.start_section = section  # asked for on the command line; else the saved position
        self.document: Document | None = None  # the workbook's, once shown
        self._section_order: list[str] = []
        self._phrases_shown = 0  # the workbook revision the highlights and status show
        self._searched: str | None = None  # the query whose matches the text shows
        self._status = t("opening")  # the status line's text, kept if told before it is composed
        self._outline_width = 0  # the outline pane's width in cells, the line on its right included
        self._columns = ""  # the grid's columns as last set

    def compose(self) -> ComposeResult:
        # The screen is one grid, its cells the panes and bars themselves: a container would be
        # drawn in every frame under what it holds (nested panes took a fifth of the time to the
        # first frame). The key bar is docked, outside the grid.
        self._outline_width = outline_width(self.app.size.width)
        self._set_columns()
        # The document's title heads the outline, level with the breadcrumb; a line divides them.
        yield Static("", id="doc-title", markup=False)
        yield Static("", id="divider")
        yield Static("", id="breadcrumb", markup=False)
        yield OutlineTree(id="outline")
        yield TextView(id="text")
        # The search bar is mounted on first use, above the status line: its Input costs start-up time.
        yield Static(self._status, id="status", markup=False)
        yield Static(t("too_small", width=MIN_WIDTH, height=MIN_HEIGHT), id="too-small", markup=False)
        yield KeyBar()

    # ------------------------------------------------------------- loading

    def on_mount(self) -> None:
        self.set_status(self._status)  # what was said while the panes were being put up
        if self.workbook.document is not None:
            self.document_opened()

    def document_opened(self) -> None:
        """Fill the panes with the workbook's document (once), at the section asked for or the saved one."""
        document = self.workbook.document
        if document is None or self.document is document or not self.query(OutlineTree):
            return  # not parsed yet, shown already, or not composed yet (on_mount shows it)
        self.document = document
        self._section_order = [s.id for s in document.walk()]
        self.query_one("#doc-title", Static).update(printable(document.title), layout=False)  # one line
        names = captions()
        self.query_one(OutlineTree).load(document, names)
        text = self.query_one(TextView)
        text.set_captions(names)
        text.load(document)
        target, at = None, 0.0
        saved = self.workbook.saved_position
        if self.start_section is not None:
            target = self.workbook.find_section(self.start_section)
            if target is None:
                # Named on the command line: one line there and exit status 1, as for a bad file.
                from ..document_opening import DocumentOpening

                reason = t("section_missing", name=printable(self.workbook.path.name), section=self.start_section)
                self.post_message(DocumentOpening.Failed(self.workbook, reason))
                return
            self.start_section = target  # from here on an id
        elif saved is not None:
            target, at = saved.section_id, saved.scroll
        self._go_to(target if target in self._section_order else self._section_order[0], at)
        self.query_one(OutlineTree).focus()
        self.set_status(t("extracting"))

    def phrases_found(self, start: str = "read") -> None:
        """The workbook's phrases are ready: show them, then open what the command line asked for."""
        self.show_phrases()
        self.open_start(start)

    def show_phrases(self) -> None:
        """The phrases' highlights, their count and the outline's progress, if the phrases changed."""
        if self._phrases_shown == self.workbook.revision:
            return
        self._phrases_shown = self.workbook.revision
        self.query_one(TextView).set_phrases(self.workbook.phrases)
        self.show_progress()

    def show_progress(self) -> None:
        """Every outline node's mastery and due count, and the cards due today, as the store has them now."""
        from ..core.report import due_today

        try:
            progress: dict[str, Progress] | None = section_progress(self.workbook)
            due = due_today(self.workbook)
        except StoreError:
            progress, due = None, None  # the marks stay as they were; the next answer or return tries again
        status = self._too_large() if self.workbook.too_large else t("phrase_count", count=len(self.workbook.cards))
        if due is not None and not self.workbook.too_large:
            status += "  ·  " + t("stats_due_today", count=due)
        self.set_status(status)
        if progress is not None:
            self.query_one(OutlineTree).set_progress(progress)

    def on_screen_resume(self) -> None:
        # Back from a quiz, a review or the phrase editor: whatever path led there, the
        # outline shows every answer given and the phrases as edited.
        if self.document is not None and self.workbook.phrases_ready:
            self.show_phrases()
            self.show_progress()  # the status line's count of cards due today too

    def _go_to(self, section_id: str, at: float = 0.0) -> None:
        self.query_one(TextView).scroll_to_section(section_id, at=at)
        self.query_one(OutlineTree).show_section(section_id)
        self.current_section = section_id

    def set_status(self, message: str) -> None:
        # Progress of a file being read can come before the reader is composed: it is kept.
        self._status = message
        for status in self.query("#status").results(Static):
            status.update(message, layout=False)  # one line: no layout to redo

    # ------------------------------------------------------------- sync of the panes

    @on(OutlineTree.SectionChosen)
    def _outline_moved(self, event: OutlineTree.SectionChosen) -> None:
        if event.section_id != self.query_one(OutlineTree).current_section:
            # Stale: a key that came after it ([ ] or a search) has moved the outline on since
            # (k then [ typed quickly must end where [ went, not back where k went).
            return
        self.query_one(TextView).scroll_to_section(event.section_id)
        self.current_section = event.section_id

    @on(TextView.SectionChanged)
    def _text_scrolled(self, event: TextView.SectionChanged) -> None:
        if event.section_id != self.query_one(TextView).current_section:
            # Stale: the text has moved on since (] ] ] typed quickly must not step back).
            return
        self.query_one(OutlineTree).show_section(event.section_id)
        self.current_section = event.section_id

    def watch_current_section(self, section_id: str | None) -> None:
        if self.document is None or section_id is None:
            return
        names = captions()
        trail = heading_path(self.document, section_id, names)
        self.query_one("#breadcrumb", Static).update(trail, layout=False)  # one line, whatever it holds

    @property
    def position(self) -> tuple[str, float] | None:
        """The section in view and how far into it, for position memory.

        The section is the one the breadcrumb names: a jump ([, ], the outline) names it at
        once, while the text scrolls on the next refresh, and a quick q must keep the former.
        """
        if self.document is None:
            return None
        text = self.query_one(TextView)
        if self.current_section is None or text.current_section == self.current_section:
            return text.position  # the text has caught up with the breadcrumb
        return self.current_section, 0.0

    # ------------------------------------------------------------- small terminals

    def on_resize(self, event: Resize) -> None:
        self._outline_width = outline_width(event.size.width)  # first: the watcher of too_small reads it
        self.too_small = event.size.width < MIN_WIDTH or event.size.height < MIN_HEIGHT
        self._set_columns()

    def watch_too_small(self, too_small: bool) -> None:
        self.set_class(too_small, "-too-small")
        self._set_columns()

    def _set_columns(self) -> None:
        """The grid's columns: the panes', or on a terminal too small the notice's one, as wide as the screen."""
        columns = "1fr" if self.too_small else _columns(self._outline_width)
        if columns != self._columns:  # else the layout stands: no second one before the first frame
            self._columns = columns
            self.styles.grid_columns = columns

    # ------------------------------------------------------------- reading

    def action_next_section(self) -> None:
        self._step_section(+1)

    def action_previous_section(self) -> None:
        self._step_section(-1)

    def _step_section(self, step: int) -> None:
        if not self._section_order:
            return
        # The outline's cursor moves with the key that moved it, while the section it chose
        # arrives as a message: k then [ typed quickly step from where k went.
        current = self.query_one(OutlineTree).current_section or self.current_section or self._section_order[0]
        index = self._section_order.index(current) if current in self._section_order else 0
        index = max(0, min(len(self._section_order) - 1, index + step))
        self._go_to(self._section_order[index])

    def action_toggle_highlight(self) -> None:
        text = self.query_one(TextView)
        text.highlight_phrases = not text.highlight_phrases
        self.notify(t("highlight_on" if text.highlight_phrases else "highlight_off"), timeout=2)

    def _leave_message(self) -> Message:
        return self.Leave()
