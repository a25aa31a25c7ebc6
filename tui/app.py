"""The Textual app: loads the document in workers, owns the store, and wires the screens."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from functools import partial
from pathlib import Path
from typing import Iterable

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen

from .core.answers import AnswerQueue
from .core.model import Card, Document, Phrase
from .core.outline import display_heading
from .core.scheduler import NEW_PER_DAY
from .i18n import captions, set_language, t, translate_bindings
from .screens.reader_screen import ReaderScreen
from .widgets.answer_bar import RATING_KEYS
from .widgets.outline_tree import Progress

# Texts up to this size are parsed before the first frame; larger ones in a worker.
INLINE_PARSE_CHARS = 100_000


@dataclass
class Opened:
    """What the app knows of the open document once its worker has parsed it."""

    document: Document
    content_hash: str
    document_id: int | None
    section_id: str | None
    at: float
    problem: str | None = None  # why progress cannot be kept, when the store failed


class StudyApp(App[None]):
    """study: the reader, the quiz and review screens, and the store every answer goes to."""

    CSS_PATH = Path(__file__).parent / "study.tcss"
    TITLE = "study"
    BINDINGS = [
        # Quit and help first: when a narrow footer cuts keys off, these stay in view.
        Binding("q", "quit", "key_quit", id="quit"),
        Binding("question_mark", "help", "key_help", id="help"),
        Binding("t", "quiz", "key_quiz", id="quiz"),
        Binding("r", "review", "key_review", id="review"),
        Binding("e", "edit_phrases", "key_edit_phrases", id="edit_phrases"),
    ]

    class DocumentParsed(Message):
        def __init__(self, opened: Opened) -> None:
            super().__init__()
            self.opened = opened

    class PhrasesFound(Message):
        def __init__(self, extracted: dict[str, list[Phrase]], phrases: dict[str, list[Phrase]]) -> None:
            super().__init__()
            self.extracted = extracted  # as the extractor found them
            self.phrases = phrases  # with the user's edits applied

    def __init__(
        self,
        path: Path,
        text: str,
        *,
        language: str | None = None,
        section: str | None = None,
        store: object | None = None,
        start: str = "read",
        new_per_day: int = NEW_PER_DAY,
    ) -> None:
        self.language = set_language(language)
        super().__init__()
        translate_bindings(self)
        self.path = path
        self.text = text
        self.start_section = section
        self.store = store
        self.opened: Opened | None = None
        self.extracted: dict[str, list[Phrase]] = {}
        self.phrases_ready = False
        self.phrases: dict[str, list[Phrase]] = {}
        self.cards: list[Card] = []
        self.section_keys: dict[str, str] = {}
        self.start_mode = start  # "read", "quiz" or "review": what to open once phrases are found
        self.new_per_day = new_per_day
        self.answers = AnswerQueue(store) if store is not None else None
        self.state_saved = False  # quitting saves, and unmounting would save again

    # ------------------------------------------------------------- start-up

    def get_default_screen(self) -> Screen:
        # The reader is the app's first screen, not pushed over an empty default one.
        return ReaderScreen()

    def on_mount(self) -> None:
        if self.store is not None and getattr(self.store, "moved_to", None) is not None:
            self.notify(t("database_moved_aside", name=self.store.moved_to.name), severity="warning", timeout=10)
        if len(self.text) <= INLINE_PARSE_CHARS:
            # A few milliseconds: the first frame then shows the document, not empty
            # panes. The reader shows it when it mounts (see `reader_mounted`).
            self.opened = self._open_document()
        else:
            self.parse_document()

    def reader_mounted(self) -> None:
        """The reader's panes exist: show the document if it is already parsed."""
        if self.opened is not None:
            self.on_study_app_document_parsed(self.DocumentParsed(self.opened))

    @property
    def reader(self) -> ReaderScreen:
        for screen in self.screen_stack:
            if isinstance(screen, ReaderScreen):
                return screen
        raise LookupError("the reader is not open")

    @work(thread=True, exclusive=True, group="parse")
    def parse_document(self) -> None:
        self.post_message(self.DocumentParsed(self._open_document()))

    def _open_document(self) -> Opened:
        """Parse the text and find the document's id and saved position in the store."""
        from .core.loader import content_hash
        from .core.outline import parse
        from .core.store import StoreError

        document = parse(self.text, self.path.name)
        text_hash = content_hash(self.text)
        document_id = None
        section_id, at = self.start_section, 0.0
        problem = None
        if self.store is not None:
            try:
                document_id = self.store.document(self.path, text_hash, document.title)
                saved = self.store.position(document_id) if section_id is None else None
            except StoreError as error:
                # Reading still works; progress cannot be kept, and the user is told so.
                document_id, saved, problem = None, None, str(error)
            if saved is not None:
                section_id, at = saved.section_id, saved.scroll
        return Opened(document, text_hash, document_id, section_id, at, problem)

    def on_study_app_document_parsed(self, message: DocumentParsed) -> None:
        self.opened = message.opened
        if message.opened.problem:
            self.notify(t("progress_not_kept", error=message.opened.problem), severity="error", timeout=15)
        if self.start_section is not None and message.opened.document.find(self.start_section) is None:
            self.notify(t("section_unknown", section=self.start_section), severity="warning")
        reader = self.reader
        reader.show_document(message.opened.document, message.opened.section_id, message.opened.at)
        reader.set_status(t("extracting"))
        # After the frame that shows the outline: extraction competes for the interpreter.
        self.call_after_refresh(self.find_phrases, message.opened)

    @work(thread=True, exclusive=True, group="phrases")
    def find_phrases(self, opened: Opened) -> None:
        from .core.phrases import phrases_for
        from .core.store import StoreError

        try:
            found, edited = phrases_for(opened.document, opened.content_hash, self.store, opened.document_id)
        except StoreError as error:
            # The saved phrase edits could not be read: quiz with the phrases as found.
            found, edited = phrases_for(opened.document, opened.content_hash)
            self.call_from_thread(self.notify, t("edits_not_read", error=str(error)), severity="error")
        self.post_message(self.PhrasesFound(found, edited))

    def on_study_app_phrases_found(self, message: PhrasesFound) -> None:
        self.extracted = message.extracted
        self.phrases_ready = True
        self.use_phrases(message.phrases)
        mode, self.start_mode = self.start_mode, "read"
        if mode == "quiz":
            wanted = self.start_section if self.start_section and self._has_blanks(self.start_section) else None
            first = wanted or self.next_quiz_section(None)
            if first is None:
                self.notify(t("quiz_no_blanks"), severity="warning")
            else:
                self.start_quiz(first if isinstance(first, str) else first[0])
        elif mode == "review":
            self.action_review()

    def use_phrases(self, phrases: dict[str, list[Phrase]]) -> None:
        """Take a (new) set of phrases: cards, the text's highlights and the outline's progress."""
        from .core.quiz import cards_for

        assert self.opened is not None
        self.phrases = phrases
        self.cards = cards_for(self.opened.document, phrases)
        if not self.section_keys:
            self.section_keys = self.opened.document.section_keys()
        reader = self.reader
        reader.show_phrases(phrases)
        reader.set_status(t("phrase_count", count=len(self.cards)))
        self.refresh_progress()

    # ------------------------------------------------------------- progress

    def refresh_progress(self) -> None:
        """Mastery and due count of every outline node (its subsections included)."""
        if self.store is None or self.opened is None or self.opened.document_id is None:
            return
        from .core.quiz import keys_by_section

        keys = keys_by_section(self.opened.document, self.cards, subtree=True)
        stats = self.store.section_stats(self.opened.document_id, keys)
        self.reader.show_progress(
            {sid: Progress(s.mastery if s.cards else None, s.due) for sid, s in stats.items()}
        )

    def record_answer(self, card: Card, state: object):
        """Commit one graded answer (before its feedback is drawn); the outline follows on leaving.

        If the database cannot take it (held by another program past the busy timeout,
        disk full), the answer waits in `answers` and is written with the next one or
        on leaving.
        """
        from .core.store import StoreError

        if self.answers is None or self.opened is None or self.opened.document_id is None:
            return None
        try:
            # The outline is out of sight behind the quiz: it catches up when the quiz
            # closes (`_drill_closed`), so an answer among thousands of cards stays quick.
            return self.answers.record(
                document_id=self.opened.document_id,
                card_key=card.key,
                section_key=self.section_keys.get(card.section_id, ""),
                rating=state.rating,
                outcome=state.outcome,
                typed=state.typed,
                hints=state.hints,
                duration=round(state.seconds, 3),
                now=datetime.now(timezone.utc),
            )
        except StoreError as error:
            self.notify(t("answer_not_saved", count=len(self.answers.waiting), error=str(error)), severity="error")
            return None

    def rerate_answer(self, card: Card, state: object) -> bool:
        """Give the answer just recorded for `card` the rating `state` now has (keys 1-4).

        An answer the database refused is still waiting: its entry changes. Returns
        False when the database refused the change, so the screen keeps the old rating.
        """
        from .core.store import StoreError

        if self.answers is None:
            return True
        if state.review_id is None:
            self.answers.rerate_waiting(card.key, state.rating)
            return True
        try:
            self.store.rerate(state.review_id, state.rating)
        except StoreError as error:
            self.notify(str(error), severity="error")
            return False
        return True

    def _drill_closed(self, _: object = None) -> None:
        self.refresh_progress()

    # ------------------------------------------------------------- quiz and review

    def _has_blanks(self, section_id: str) -> bool:
        from .core.quiz import has_cards

        return self.opened is not None and has_cards(self.opened.document, self.cards, section_id)

    def next_quiz_section(self, after: str | None) -> tuple[str, str] | None:
        """The next section with blanks after `after` and its subsections, with its name."""
        from .core.quiz import next_section_with_cards

        if self.opened is None:
            return None
        section_id = next_section_with_cards(self.opened.document, self.cards, after)
        if section_id is None:
            return None
        return section_id, display_heading(self.opened.document.find(section_id), captions())

    def start_quiz(self, section_id: str) -> None:
        from .screens.quiz_screen import QuizScreen

        if self.opened is None:
            return
        if not self._has_blanks(section_id):
            self.notify(t("quiz_no_blanks"), severity="warning")
            return
        self.push_screen(QuizScreen(self.opened.document, section_id, self.cards), self._drill_closed)

    def _phrases_missing(self) -> bool:
        """Say why there is nothing to quiz, if so: phrases still being found, or none in the text."""
        if not self.phrases_ready:
            self.notify(t("no_phrases_yet"), severity="warning")
            return True
        if not self.cards:
            self.notify(t("no_phrases_at_all"), severity="warning")
            return True
        return False

    def action_quiz(self) -> None:
        if self._phrases_missing():
            return
        section_id = self.reader.current_section
        if section_id is None or not self._has_blanks(section_id):
            following = self.next_quiz_section(section_id)
            section_id = following[0] if following else None
        if section_id is None:
            self.notify(t("quiz_no_blanks"), severity="warning")  # nothing from here to the end
            return
        self.start_quiz(section_id)

    def review_queue(self) -> list[Card]:
        from .core.sentences import sentence_group
        from .core.scheduler import due_queue

        if self.store is None or self.opened is None or self.opened.document_id is None:
            return []
        document_id = self.opened.document_id
        return due_queue(
            self.cards,
            self.store.due_times(document_id),
            new_limit=self.new_per_day,
            new_today=self.store.new_cards_today(document_id),
            group_of=sentence_group(self.opened.document),
        )

    def action_review(self) -> None:
        from .screens.review_screen import ReviewScreen

        if self.opened is None or self._phrases_missing():
            return
        queue = self.review_queue()
        if not queue:
            self.notify(t("review_nothing_due"))
            return
        self.push_screen(ReviewScreen(self.opened.document, queue), self._drill_closed)

    def action_edit_phrases(self) -> None:
        from .screens.phrase_editor_screen import PhraseEditorScreen

        if self.opened is None or not self.phrases:
            self.notify(t("no_phrases_yet"), severity="warning")
            return
        section_id = self.reader.current_section or self.opened.document.sections[0].id
        self.push_screen(PhraseEditorScreen(self.opened.document, section_id))

    def edit_phrase(self, section_id: str, action: str, text: str, undo: bool = False) -> None:
        """Save a phrase edit (or take one back) and quiz with the result at once."""
        from .core import phrases as extractor
        from .core.model import PhraseEdit

        if self.opened is None:
            return
        document = self.opened.document
        edit = PhraseEdit(document.section_key(section_id), action, text)  # type: ignore[arg-type]
        if self.store is not None and self.opened.document_id is not None:
            from .core.store import StoreError

            try:
                if undo:
                    self.store.remove_phrase_edit(self.opened.document_id, edit)
                else:
                    self.store.add_phrase_edit(self.opened.document_id, edit)
                edits = self.store.phrase_edits(self.opened.document_id)
            except StoreError as error:
                self.notify(t("edit_not_saved", error=str(error)), severity="error")
                return
        else:
            edits = [edit]
        self.use_phrases(extractor.apply_edits(document, self.extracted, edits))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("quiz", "review", "edit_phrases"):
            return isinstance(self.screen, ReaderScreen)
        return True

    # ------------------------------------------------------------- leaving

    def save_state(self) -> None:
        """On leaving: the reading position, and any answer the database could not take.

        Runs once: a second run could store an answer already written to the file.
        """
        from .core.store import StoreError

        if self.state_saved or self.answers is None or self.opened is None or self.opened.document_id is None:
            return
        self.state_saved = True
        try:
            self.answers.flush()
            position = self.reader.position
            if position is not None:
                self.store.set_position(self.opened.document_id, *position)
        except LookupError:
            pass
        except StoreError:
            # A file beside the database; if the disk refuses that too, the CLI prints them.
            self.answers.keep_in_file()

    async def action_quit(self) -> None:
        self.save_state()
        self.exit()

    def on_unmount(self) -> None:
        self.save_state()

    # ------------------------------------------------------------- help and commands

    def action_help(self) -> None:
        from .screens.help_screen import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        if isinstance(screen, ReaderScreen):
            yield SystemCommand(t("key_quiz"), t("palette_help_quiz"), self.action_quiz)
            yield SystemCommand(t("key_review"), t("palette_help_review"), self.action_review)
            yield SystemCommand(t("key_edit_phrases"), t("palette_help_edit_phrases"), self.action_edit_phrases)
            yield SystemCommand(t("key_search"), t("palette_help_search"), screen.action_search)
            yield SystemCommand(t("key_highlight"), t("palette_help_highlight"), screen.action_toggle_highlight)
            yield SystemCommand(t("key_next_section"), t("palette_help_next_section"), screen.action_next_section)
            yield SystemCommand(
                t("key_previous_section"), t("palette_help_previous_section"), screen.action_previous_section
            )
        from .screens.blank_screen import BlankScreen

        if isinstance(screen, BlankScreen):
            yield SystemCommand(t("key_hint"), t("palette_help_hint"), screen.action_hint)
            yield SystemCommand(t("key_reveal"), t("palette_help_reveal"), screen.action_reveal)
            yield SystemCommand(t("key_next_blank"), t("palette_help_next_blank"), screen.action_next_blank)
            yield SystemCommand(t("key_previous_blank"), t("palette_help_previous_blank"), screen.action_previous_blank)
            for rating in (1, 2, 3, 4):
                yield SystemCommand(
                    t("palette_rate", rating=t(RATING_KEYS[rating])),
                    t("palette_help_rate"),
                    partial(screen.action_rate, rating),
                )
            yield SystemCommand(t("key_leave"), t("palette_help_leave"), screen.action_leave)
        yield SystemCommand(t("key_help"), t("palette_help_help"), self.action_help)
        yield SystemCommand(t("key_quit"), t("palette_help_quit"), self.action_quit)
