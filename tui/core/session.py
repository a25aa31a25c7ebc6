"""A quiz in progress: the blanks of a section, its paragraphs cut around them, and what the user did with each."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from rich.cells import cell_len

from tui.core.model import Card, Section
from tui.core.quiz import AGAIN, EASY, GOOD, HARD, Verdict, check, hint, letters, letters_right, suggest_rating

Status = Literal["pending", "right", "near", "wrong", "revealed"]


# ---------------------------------------------------------------- blanks


@dataclass(frozen=True)
class Blank:
    """One hidden phrase in a quizzed section: `index` counts from 0 in reading order."""

    index: int
    card: Card

    @property
    def section_id(self) -> str:
        return self.card.section_id

    @property
    def paragraph(self) -> int:
        return self.card.phrase.paragraph

    @property
    def start(self) -> int:
        return self.card.phrase.start

    @property
    def end(self) -> int:
        return self.card.phrase.end

    @property
    def answer(self) -> str:
        return self.card.phrase.text

    @property
    def number(self) -> int:
        """The number drawn on the blank (from 1)."""
        return self.index + 1

    @property
    def cells(self) -> int:
        """The width of the answer in terminal cells, which the blank takes on screen."""
        return cell_len(self.answer)


def blanks_for(section: Section, cards: Iterable[Card]) -> list[Blank]:
    """The blanks of a section and its subsections, in reading order.

    Overlapping phrases cannot both be blanks; the one that starts first wins.
    """
    order = {s.id: n for n, s in enumerate(section.walk())}
    chosen = sorted(
        (card for card in cards if card.section_id in order),
        key=lambda c: (order[c.section_id], c.phrase.paragraph, c.phrase.start, -c.phrase.end),
    )
    blanks: list[Blank] = []
    for card in chosen:
        if card.phrase.end <= card.phrase.start:
            continue
        last = blanks[-1].card if blanks else None
        if (
            last is not None
            and last.section_id == card.section_id
            and last.phrase.paragraph == card.phrase.paragraph
            and card.phrase.start < last.phrase.end
        ):
            continue
        blanks.append(Blank(len(blanks), card))
    return blanks


Segment = str | Blank


def paragraph_segments(text: str, blanks: Iterable[Blank]) -> list[Segment]:
    """A paragraph cut into plain text (str) and blanks, for a screen to draw in order.

    `blanks` are the blanks of this paragraph; any that do not fit the text are left out.
    """
    segments: list[Segment] = []
    at = 0
    for blank in sorted(blanks, key=lambda b: b.start):
        if blank.start < at or blank.end > len(text):
            continue
        if blank.start > at:
            segments.append(text[at : blank.start])
        segments.append(blank)
        at = blank.end
    if at < len(text):
        segments.append(text[at:])
    return segments


def placeholder(number: int, cells: int, shown: str = "", fill: str = "_") -> str:
    """What an unanswered blank shows: its number, any hinted letters, then fill up to `cells`.

    It is never narrower than the number and the hint need, so it may exceed `cells`.
    """
    text = f"{number}{shown}"
    return text + fill * max(1, cells - cell_len(text))


# ---------------------------------------------------------------- a quiz in progress


@dataclass
class BlankState:
    """What has happened to one blank so far."""

    status: Status = "pending"
    typed: str = ""
    hints: int = 0  # hint presses that gave something
    hinted: int = 0  # letters of the answer the hints show
    pasted: bool = False  # some of the answer was pasted, not typed
    seconds: float = 0.0
    verdict: Verdict | None = None
    rating: int | None = None
    suggested: int | None = None  # the rating given when graded, before keys 1-4 changed it
    review_id: int | None = None  # the stored review, for re-rating with keys 1-4

    @property
    def graded(self) -> bool:
        return self.status != "pending"

    @property
    def final(self) -> Status:
        """How the blank counts in a summary: its status, or what a changed rating says.

        Rated Good or Easy by the user, it was known (a shown answer recited right);
        Hard, nearly; Again, missed (a right answer that was a guess counts as wrong).
        """
        if not self.graded or self.rating is None or self.rating == self.suggested:
            return self.status
        if self.rating >= GOOD:
            return "right"
        if self.rating == HARD:
            return "near"
        return self.status if self.status in ("wrong", "revealed") else "wrong"

    @property
    def outcome(self) -> str:
        """What to store: right, near, wrong, empty (revealed by Enter), revealed (by the key) or pending."""
        return self.verdict.outcome if self.verdict else self.status


@dataclass(frozen=True)
class Summary:
    """The end of a quiz: counts, time, and the phrases to look at again."""

    right: int
    near: int
    wrong: int
    revealed: int
    pending: int
    seconds: float
    missed: list[Blank] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.right + self.near + self.wrong + self.revealed + self.pending


class QuizSession:
    """The blanks of one quiz and what the user did with each; a screen only draws it.

    Times are `time.monotonic()` seconds; pass `now` to control them. Time spent
    on a blank is counted while it is active and pending.
    """

    def __init__(
        self, blanks: Iterable[Blank], now: float | None = None, others: Mapping[int, Sequence[str]] | None = None
    ) -> None:
        self.blanks: list[Blank] = list(blanks)
        self.states: list[BlankState] = [BlankState() for _ in self.blanks]
        self.active: int = 0
        self.started: float = _now(now)
        self._since: float = self.started
        self._by_paragraph: dict[tuple[str, int], list[Blank]] = {}
        for blank in self.blanks:
            self._by_paragraph.setdefault((blank.section_id, blank.paragraph), []).append(blank)
        # The answers that are right, but for another phrase of a blank's context: by
        # default the other blanks of its paragraph.
        self.others: Mapping[int, Sequence[str]] = others if others is not None else {
            blank.index: [b.answer for b in self._by_paragraph[(blank.section_id, blank.paragraph)] if b is not blank]
            for blank in self.blanks
        }

    # ---- looking
    @property
    def active_blank(self) -> Blank | None:
        return self.blanks[self.active] if self.blanks else None

    @property
    def active_state(self) -> BlankState | None:
        return self.states[self.active] if self.blanks else None

    @property
    def done(self) -> bool:
        return all(state.graded for state in self.states)

    def segments(self, section_id: str, paragraph: int, text: str) -> list[Segment]:
        """One paragraph of the quizzed text as plain text and blanks."""
        return paragraph_segments(text, self._by_paragraph.get((section_id, paragraph), ()))

    def shown(self, index: int) -> str:
        """The text a blank shows now: the answer once graded, else the hinted letters."""
        state, blank = self.states[index], self.blanks[index]
        if state.graded:
            return blank.answer
        return hint(blank.answer, state.hinted - 1) if state.hinted else ""

    # ---- acting
    def _tick(self, now: float | None) -> float:
        moment = _now(now)
        state = self.active_state
        if state is not None and not state.graded:
            state.seconds += max(0.0, moment - self._since)
        self._since = moment
        return moment

    def answer(self, text: str, now: float | None = None, pasted: bool = False) -> Verdict | None:
        """Check `text` against the active blank; an empty answer reveals it for self-grading.

        `pasted`: some of `text` was pasted (it is rated at most Good). Returns None when
        there is nothing to grade (no blanks, or already graded). An answer right for
        another phrase of the blank's context ("elsewhere") leaves the blank pending.
        """
        state, blank = self.active_state, self.active_blank
        if state is None or blank is None or state.graded:
            return None
        self._tick(now)
        verdict = check(text, blank.answer, self.others.get(blank.index, ()))
        if verdict.outcome == "elsewhere":
            return verdict
        state.verdict = verdict
        state.typed = text
        state.pasted = state.pasted or pasted
        state.status = "revealed" if verdict.outcome == "empty" else verdict.outcome
        state.rating = suggest_rating(
            verdict.outcome,
            state.hints,
            state.status == "revealed",
            state.seconds,
            letters(blank.answer),
            state.pasted,
            initials=verdict.by == "initials",
        )
        state.suggested = state.rating
        return verdict

    def hint(self, typed: str = "") -> str | None:
        """One more letter of the active blank than `typed` has right from its start.

        Returns what the answer's input should hold now: `typed` when it already has
        every hinted letter right, else the hinted start of the answer (mending what was
        typed wrong). None when there is no pending blank.
        """
        state, blank = self.active_state, self.active_blank
        if state is None or blank is None or state.graded:
            return None
        right = letters_right(typed, blank.answer)
        wanted = min(letters(blank.answer), max(state.hinted + 1, right + 1))
        if wanted > state.hinted and wanted > right:
            state.hints += 1
            state.hinted = wanted
        return typed if right >= state.hinted else self.shown(self.active)

    def reveal(self, now: float | None = None) -> None:
        """Give up on the active blank."""
        state = self.active_state
        if state is None or state.graded:
            return
        self._tick(now)
        state.status = "revealed"
        state.rating = state.suggested = AGAIN

    def rate(self, rating: int, index: int | None = None) -> None:
        """Override the suggested rating of a graded blank (keys 1-4)."""
        if not AGAIN <= rating <= EASY:
            raise ValueError(f"rating must be 1..4, not {rating}")
        state = self.states[self.active if index is None else index]
        if state.graded:
            state.rating = rating

    def go(self, index: int, now: float | None = None) -> None:
        """Make blank `index` the active one."""
        if not self.blanks:
            return
        self._tick(now)
        self.active = index % len(self.blanks)

    def next(self, now: float | None = None) -> None:
        self.go(self.active + 1, now)

    def prev(self, now: float | None = None) -> None:
        self.go(self.active - 1, now)

    def next_pending(self, now: float | None = None) -> bool:
        """Move to the next blank still to answer (wrapping round); False when none is left."""
        count = len(self.blanks)
        for step in range(1, count + 1):
            index = (self.active + step) % count
            if not self.states[index].graded:
                self.go(index, now)
                return True
        return False

    def summary(self, now: float | None = None) -> Summary:
        moment = self._tick(now)
        counts = Counter(state.final for state in self.states)
        missed = [b for b, s in zip(self.blanks, self.states) if s.final in ("wrong", "revealed")]
        return Summary(
            right=counts["right"],
            near=counts["near"],
            wrong=counts["wrong"],
            revealed=counts["revealed"],
            pending=counts["pending"],
            seconds=moment - self.started,
            missed=missed,
        )


def _now(now: float | None) -> float:
    return time.monotonic() if now is None else now
