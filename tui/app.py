"""The Textual app: loads the document in workers, owns the store, and wires the screens."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen

from .core.model import Document, Phrase
from .i18n import set_language, t, translate_bindings
from .screens.help_screen import HelpScreen
from .screens.reader_screen import ReaderScreen


@dataclass
class Opened:
    """What the app knows of the open document once its worker has parsed it."""

    document: Document
    content_hash: str
    document_id: int | None
    section_id: str | None
    at: float


class StudyApp(App[None]):
    """study: the outline, the text, and (as they land) the quiz modes."""

    CSS_PATH = "study.tcss"
    TITLE = "study"
    BINDINGS = [
        Binding("q", "quit", "key_quit", id="quit"),
        Binding("question_mark", "help", "key_help", id="help"),
    ]

    class DocumentParsed(Message):
        def __init__(self, opened: Opened) -> None:
            super().__init__()
            self.opened = opened

    class PhrasesFound(Message):
        def __init__(self, phrases: dict[str, list[Phrase]]) -> None:
            super().__init__()
            self.phrases = phrases

    def __init__(
        self,
        path: Path,
        text: str,
        *,
        language: str | None = None,
        section: str | None = None,
        store: object | None = None,
    ) -> None:
        self.language = set_language(language)
        super().__init__()
        translate_bindings(self)
        self.path = path
        self.text = text
        self.start_section = section
        self.store = store
        self.opened: Opened | None = None
        self.phrases: dict[str, list[Phrase]] = {}

    # ------------------------------------------------------------- start-up

    def on_mount(self) -> None:
        self.push_screen(ReaderScreen())
        if self.store is not None and getattr(self.store, "notice", None):
            self.notify(self.store.notice, severity="warning", timeout=10)
        self.parse_document()

    @property
    def reader(self) -> ReaderScreen:
        for screen in self.screen_stack:
            if isinstance(screen, ReaderScreen):
                return screen
        raise LookupError("the reader is not open")

    @work(thread=True, exclusive=True, group="parse")
    def parse_document(self) -> None:
        from .core.outline import parse

        document = parse(self.text, self.path.name)
        content_hash = hashlib.sha256(self.text.encode("utf-8", "surrogatepass")).hexdigest()
        document_id = None
        section_id, at = self.start_section, 0.0
        if self.store is not None:
            document_id = self.store.document(self.path, content_hash, document.title)
            if section_id is None:
                saved = self.store.position(document_id)
                if saved is not None:
                    section_id, at = saved.section_id, saved.scroll
        self.post_message(self.DocumentParsed(Opened(document, content_hash, document_id, section_id, at)))

    def on_study_app_document_parsed(self, message: DocumentParsed) -> None:
        self.opened = message.opened
        reader = self.reader
        reader.show_document(message.opened.document, message.opened.section_id, message.opened.at)
        reader.set_status(t("extracting"))
        self.find_phrases(message.opened)

    @work(thread=True, exclusive=True, group="phrases")
    def find_phrases(self, opened: Opened) -> None:
        from .core import phrases as extractor

        found = None
        if self.store is not None:
            found = self.store.cached_phrases(opened.content_hash, extractor.EXTRACTOR_VERSION)
        if found is None:
            found = extractor.extract(opened.document)
            if self.store is not None:
                self.store.cache_phrases(opened.content_hash, extractor.EXTRACTOR_VERSION, found)
        if self.store is not None and opened.document_id is not None:
            edits = self.store.phrase_edits(opened.document_id)
            if edits:
                found = extractor.apply_edits(opened.document, found, edits)
        self.post_message(self.PhrasesFound(found))

    def on_study_app_phrases_found(self, message: PhrasesFound) -> None:
        self.phrases = message.phrases
        reader = self.reader
        reader.show_phrases(message.phrases)
        count = sum(len(found) for found in message.phrases.values())
        reader.set_status(t("phrase_count", count=count))

    # ------------------------------------------------------------- leaving

    def save_position(self) -> None:
        if self.store is None or self.opened is None or self.opened.document_id is None:
            return
        try:
            position = self.reader.position
        except LookupError:
            return
        if position is not None:
            self.store.set_position(self.opened.document_id, *position)

    async def action_quit(self) -> None:
        self.save_position()
        self.exit()

    def on_unmount(self) -> None:
        self.save_position()

    # ------------------------------------------------------------- help and commands

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        if isinstance(screen, ReaderScreen):
            yield SystemCommand(t("key_search"), t("palette_help_search"), screen.action_search)
            yield SystemCommand(t("key_highlight"), t("palette_help_highlight"), screen.action_toggle_highlight)
            yield SystemCommand(t("key_next_section"), t("palette_help_next_section"), screen.action_next_section)
            yield SystemCommand(
                t("key_previous_section"), t("palette_help_previous_section"), screen.action_previous_section
            )
        yield SystemCommand(t("key_help"), t("palette_help_help"), self.action_help)
        yield SystemCommand(t("key_quit"), t("palette_help_quit"), self.action_quit)
