"""One open document and all about it: the service every screen of the app calls.

A `Workbook` owns the parsed `Document`, its key phrases (as found and as edited), its
cards, the answers on their way to the store, and the store itself. Screens ask it and
draw what it says; it never asks them. Nothing here imports Textual, so every
operation a screen needs is tested as plain Python (tests/core/test_workbook.py).
Operations that only read the workbook live beside it, each taking one: what to quiz
and review next (queues.py), progress and stats (progress.py), phrase edits (phrase_edits.py).

The slow steps, `open` and `find_phrases`, are pure enough to run in a worker thread:
`open` sets `document` last, and `find_phrases` returns what `use_phrases` then takes
on the app's own thread.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from .answers import AnswerQueue
from .database import StoreError
from .exam import answer_scheduler
from .model import Card, Document, Phrase
from .records import Answer, FoundPhrases, Position, Recorded
from .scheduler import NEW_PER_DAY

if TYPE_CHECKING:  # the quiz's and the store's modules load when first used, not before the first frame
    from collections.abc import Callable

    from .framework import Frame
    from .loader import Loaded
    from .session import BlankState
    from .store import Store


# Finding key phrases takes about 90 bytes of memory and 2 µs per character: above this,
# a document is read but not quizzed (a 60 MB file took 5 GB and 3 minutes), and says so.
MAX_PHRASE_CHARS = 4_000_000
# Texts up to this size are parsed before the app's first frame (larger ones in a worker),
# and their outlines kept in the store: reopening one then needs no parser.
FIRST_FRAME_CHARS = 100_000


class Workbook:
    """One document being studied: parsed text, phrases, cards, answers and their store.

    `store` may be None (a document read without a database): answers are then not
    kept and progress is empty. When the store refuses at opening (busy, read-only),
    `problem` says why; reading works, and answers wait in `answers` for the store,
    which is asked for the document's record again with each answer.
    """

    def __init__(
        self,
        path: Path,
        text: str,
        store: Store | None = None,
        *,
        new_per_day: int = NEW_PER_DAY,
        read: Callable[[Callable[[int, int], None] | None], Loaded] | None = None,
        visit: bool = True,
    ) -> None:
        self.path = path
        self.visit = visit  # opened to study, not only to export or plan: the library's "last opened"
        self.text = text
        # A document whose reading takes a while (a long PDF) is read by `open`, in the
        # app's background thread, with `on_progress(done, total)` told as it goes.
        self.read = read
        self.on_progress: Callable[[int, int], None] | None = None
        self.store = store
        self.new_per_day = new_per_day
        self.document: Document | None = None
        self.content_hash = ""
        self.saved_position: Position | None = None
        self.problem: StoreError | None = None
        self.read_only = False  # the store can be read but not written: progress shows, answers wait
        self.extracted: dict[str, list[Phrase]] = {}
        self.phrases: dict[str, list[Phrase]] = {}
        self.cards: list[Card] = []
        self.phrases_ready = False
        self.revision = 0  # goes up with every new set of phrases, so views redraw only when it moved
        self._document_id: int | None = None
        self._outline_to_keep = False  # parsed by `open`, to be kept in the store by `find_phrases`
        self._section_keys: dict[str, str] = {}
        # Answers are scheduled with the exam plan's FSRS settings when the document has an exam date.
        self.answers = AnswerQueue(store, self.document_id, answer_scheduler) if store is not None else None

    # ------------------------------------------------------------- opening

    @classmethod
    def for_reading(cls, path: Path, text: str, store: Store) -> Workbook:
        """A document's workbook for a command that reads its progress (stats, export, phrases):
        opened without counting as a visit, its phrases found with the user's edits applied.
        A read-only database still serves; any other problem of the store is raised."""
        workbook = cls(path, text, store, visit=False)
        workbook.open()
        if workbook.problem is not None and not workbook.read_only:
            raise workbook.problem
        workbook.use_phrases(workbook.find_phrases())
        return workbook

    def open(self) -> Document:
        """Parse the text, and find the document in the store: by path, by content, or as a copy or
        a moved and edited file (tui/core/identity.py), its sections matched so progress follows
        the text; then its saved position."""
        from .loader import content_hash

        if self.read is not None:
            self.text = self.read(self.on_progress).text  # LoadError: the file cannot be studied
            self.read = None
        self.content_hash = content_hash(self.text)
        document, parsed = self._outline()
        self._outline_to_keep = parsed and self.store is not None and len(self.text) <= FIRST_FRAME_CHARS
        self._section_keys = document.section_keys()
        if self.store is not None:
            try:
                record = self.store.open_document(
                    self.path, self.content_hash, document.title, text=self.text, visit=self.visit
                )
                self._document_id = record.id
                if record.changed:  # only then is `identity` imported: not before an unchanged text's first frame
                    from .identity import layout

                    self.store.match_sections(record.id, layout(document))
                self.saved_position = self.store.position(record.id)
            except StoreError as error:
                self.problem = error  # reading still works; answers wait for the store
                if error.kind == "read_only":
                    self._find_read_only()
        self.document = document  # last: a thread that sees it sees it whole
        return document

    def _outline(self) -> tuple[Document, bool]:
        """The text's outline, and whether it was parsed now: as the store kept it from an earlier opening
        (tui/core/stored_outlines.py), which spares loading the parser before the first frame; else parsed."""
        if self.store is not None and len(self.text) <= FIRST_FRAME_CHARS:
            try:
                kept = self.store.cached_outline(self.content_hash, self.path.name)
            except StoreError:
                kept = None  # the store's own problem is met, and told, when the document is looked up
            if kept is not None:
                return kept, False
        from .outline import parse

        return parse(self.text, self.path.name), True

    def _keep_outline(self, document: Document) -> None:
        """Keep the outline parsed now, so that the next opening of this text reads it back."""
        assert self.store is not None
        try:
            self.store.cache_outline(self.content_hash, self.path.name, document)
        except StoreError:
            pass  # not kept: the text is parsed again next time, and nothing else is lost

    def _find_read_only(self) -> None:
        """A database that cannot be written can still be read: its record, if it has one."""
        assert self.store is not None
        self.read_only = True
        try:
            self._document_id = self.store.find_document(self.path, self.content_hash)
            if self._document_id is not None:
                self.saved_position = self.store.position(self._document_id)
        except StoreError:
            self._document_id = None

    @property
    def too_large(self) -> bool:
        """Whether the document is too long to look for key phrases in (see MAX_PHRASE_CHARS)."""
        return len(self.text) > MAX_PHRASE_CHARS

    @property
    def stored_id(self) -> int | None:
        """The document's record in the store as found so far, without asking the store for one."""
        return self._document_id

    @property
    def opened(self) -> Document:
        """The parsed document; a screen is only shown one after `open`."""
        if self.document is None:
            raise LookupError("the workbook is not open yet")
        return self.document

    def find_section(self, reference: str) -> str | None:
        """The id of the section a reader names by id, numbering (二、（一）) or heading words."""
        from .locate import find_section

        section = find_section(self.opened, reference)
        return section.id if section is not None else None

    def document_id(self) -> int:
        """The document's record in the store, asked for again if opening could not get it."""
        if self._document_id is None or self.read_only:
            if self.store is None:
                raise StoreError("No study database is open.", "unavailable")
            document = self.opened
            self._document_id = self.store.document(self.path, self.content_hash, document.title, text=self.text)
            self.problem, self.read_only = None, False
        return self._document_id

    # ------------------------------------------------------------- phrases and cards

    def find_phrases(self) -> FoundPhrases:
        """Extract the phrases (or take them from the store's cache) and apply the saved edits.

        The stored cards are then matched to these phrases' cards, so a card whose phrase moved
        within its section, or whose section was merged, keeps its history (identity.match_cards).
        """
        from .framework import frame_places
        from .identity import card_places
        from .phrases import phrases_for
        from .quiz import cards_for

        document = self.opened
        if self._outline_to_keep:  # here, after the first frame: a write of its own, not before it
            self._outline_to_keep = False
            self._keep_outline(document)
        self.framework  # noqa: B018 (built here, so the framework quiz opens at once)
        if self.too_large:
            empty: dict[str, list[Phrase]] = {section.id: [] for section in document.walk()}
            return FoundPhrases(empty, empty, too_large=True)
        try:
            extracted, edited = phrases_for(document, self.content_hash, self.store, self._document_id)
        except StoreError as error:
            extracted, edited = phrases_for(document, self.content_hash)
            return FoundPhrases(extracted, edited, error)
        if self.store is not None and self._document_id is not None and not self.read_only:
            try:
                places = card_places(document, cards_for(document, edited)) + frame_places(document, self.heading_cards)
                self.store.match_cards(self._document_id, places)
            except StoreError:
                pass  # matched again next time; the cards themselves are not lost
        return FoundPhrases(extracted, edited)

    def use_phrases(self, found: FoundPhrases) -> None:
        """Take phrases found by `find_phrases`: they make the cards quizzed from now on."""
        self.extracted = found.extracted
        self.phrases_ready = True
        self.set_phrases(found.edited)

    def set_phrases(self, phrases: dict[str, list[Phrase]]) -> None:
        """Quiz these phrases from now on (found, or as edited: phrase_edits.py): the cards follow them."""
        from .quiz import cards_for

        self.phrases = phrases
        self.cards = cards_for(self.opened, phrases)
        self.revision += 1
        if self.store is not None and self._document_id is not None and not self.read_only and not self.too_large:
            try:  # what the library shows of the document without reading it
                self.store.set_counts(self._document_id, len(self._section_keys), len(self.all_cards))
            except StoreError:
                pass  # counted again the next time it is opened

    @cached_property
    def framework(self) -> Frame:
        """The document's framework (framework.py), built once: in `find_phrases`' thread, off the event loop."""
        from .framework import frame

        return frame(self.opened)

    @cached_property
    def heading_cards(self) -> list[Card]:
        """The framework's cards: each heading, a long one's clauses, a question's points (framework.py)."""
        return self.framework.cards

    @property
    def all_cards(self) -> list[Card]:
        """Every card a review brings: the phrases', then the framework's (whose cards are never orphans)."""
        return self.cards + self.heading_cards

    # ------------------------------------------------------------- answers

    def record(self, card: Card, state: BlankState) -> Recorded | None:
        """Store one graded answer before its feedback is drawn; its record, or None without a store.

        When the store refuses (busy past its timeout, disk full, read-only), the answer
        waits in `answers` and StoreError is raised: it goes in with the next answer or
        on leaving, or to a file beside the database.
        """
        if self.answers is None:
            return None
        answer = Answer(
            card_key=card.key,
            section_key=self._section_keys.get(card.section_id, ""),
            rating=state.rating or 1,
            outcome=state.outcome,
            typed=state.typed,
            hints=state.hints,
            duration=round(state.seconds, 3),
        )
        return self.answers.record(answer)

    def rerate(self, card: Card, state: BlankState) -> None:
        """Give the answer just recorded for `card` the rating `state` now has (keys 1-4).

        An answer still waiting for the store has its entry changed. Raises StoreError
        when the store refuses the change.
        """
        if self.answers is None or state.rating is None:
            return
        if state.review_id is None:
            self.answers.rerate_waiting(card.key, state.rating)
        elif self.store is not None:
            chosen = answer_scheduler(self.store, self.document_id())
            self.store.rerate(state.review_id, state.rating, chosen)

    @property
    def waiting_answers(self) -> int:
        return len(self.answers.waiting) if self.answers is not None else 0

    def leave(self, position: tuple[str, float] | None) -> None:
        """On leaving: store the answers still waiting and the reading position.

        When the store refuses, the answers go to a file beside the database (the CLI
        says where); if the disk refuses that too, they stay in `answers.waiting`.
        """
        if self.answers is None:
            return
        try:
            self.answers.flush()
            if position is not None:
                self.answers.store.set_position(self.document_id(), *position)
        except StoreError:
            self.answers.keep_in_file()
