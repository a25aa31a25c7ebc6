"""Quiz rules: answer normalisation and checking, diffs, hints, ratings, card keys and blanks."""

from __future__ import annotations

import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Callable, Hashable, Iterable, Literal, Mapping, Union

from rich.cells import cell_len

from tui.core.model import Card, Document, Phrase, Section

Outcome = Literal["right", "near", "wrong", "empty"]
Status = Literal["pending", "right", "near", "wrong", "revealed"]
Tag = Literal["same", "wrong", "missing", "extra"]

AGAIN, HARD, GOOD, EASY = 1, 2, 3, 4

# Kept although Unicode calls them punctuation: "5%" and "5" are different answers.
_MEANINGFUL = frozenset("%‰‱")

# A sentence ends at these; closing marks right after one still belong to the sentence.
_SENTENCE_ENDS = frozenset("。！？!?")
_CLOSERS = frozenset("”’」』）)》〉】]")
_TRAILERS = _CLOSERS | frozenset("\"'")
# A long sentence is cut to its clause at these (not at 、, which joins list items).
_CLAUSE_ENDS = frozenset("，,；;：:") | _SENTENCE_ENDS


# ---------------------------------------------------------------- normalising and checking


@lru_cache(maxsize=4096)
def _ignorable(char: str) -> bool:
    """Whether a character is left out when comparing answers: spaces, punctuation, format marks."""
    if char in _MEANINGFUL:
        return False
    category = unicodedata.category(char)
    return category[0] in "PZ" or category in ("Cc", "Cf") or char.isspace()


def normalize(text: str) -> str:
    """The form answers are compared in: NFKC, case-folded, without spaces or punctuation."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(char for char in folded if not _ignorable(char))


@dataclass(frozen=True)
class Verdict:
    """The result of checking one typed answer against the expected phrase."""

    outcome: Outcome
    answer: str
    expected: str

    @property
    def correct(self) -> bool:
        return self.outcome in ("right", "near")


def _one_edit_apart(a: str, b: str) -> bool:
    """True when one insertion, deletion or substitution turns `a` into `b` (and a != b)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :]
    return a[i:] == b[i + 1 :]


def check(answer: str, expected: str) -> Verdict:
    """Grade a typed answer: right, near (one character off in four or more), wrong or empty."""
    if not answer.strip():
        return Verdict("empty", answer, expected)
    typed, wanted = normalize(answer), normalize(expected)
    if not wanted:
        # A phrase of nothing but punctuation: compare it as written.
        wanted, typed = expected.strip(), answer.strip()
    if typed == wanted:
        return Verdict("right", answer, expected)
    if len(wanted) >= 4 and _one_edit_apart(typed, wanted):
        return Verdict("near", answer, expected)
    return Verdict("wrong", answer, expected)


# ---------------------------------------------------------------- diffs


def _fold(char: str) -> str:
    return unicodedata.normalize("NFKC", char).casefold()


def _absorb_islands(ops: list[tuple[str, int, int, int, int]]) -> list[tuple[str, int, int, int, int]]:
    """Merge a one-character match between two changes into one change.

    In Chinese a lone common character (的, 和, 抓) matched in the middle of an
    otherwise different answer makes the diff read as confetti; one block of
    "you typed this, it should be that" is what a learner can take in.
    """
    merged = list(ops)
    k = 1
    while k < len(merged) - 1:
        tag, i1, i2, _, _ = merged[k]
        before, after = merged[k - 1], merged[k + 1]
        if tag == "equal" and i2 - i1 == 1 and before[0] != "equal" and after[0] != "equal":
            merged[k - 1 : k + 2] = [("replace", before[1], after[2], before[3], after[4])]
            k = max(1, k - 1)
        else:
            k += 1
    return merged


def diff(answer: str, expected: str) -> list[tuple[Tag, str]]:
    """Character-level comparison of a typed answer with the expected one, Anki style.

    Segments in order: "same" (expected text that was typed, ignoring width and
    case), "wrong" (typed text standing where the following "missing" text
    belongs), "missing" (expected text not typed), "extra" (typed text where
    nothing was expected). `diff_rows` splits them into the two lines to draw.
    """
    matcher = SequenceMatcher(None, [_fold(c) for c in answer], [_fold(c) for c in expected], autojunk=False)
    segments: list[tuple[Tag, str]] = []

    def add(tag: Tag, text: str) -> None:
        if not text:
            return
        if segments and segments[-1][0] == tag:
            segments[-1] = (tag, segments[-1][1] + text)
        else:
            segments.append((tag, text))

    for op, i1, i2, j1, j2 in _absorb_islands(matcher.get_opcodes()):
        if op == "equal":
            add("same", expected[j1:j2])
        elif op == "replace":
            add("wrong", answer[i1:i2])
            add("missing", expected[j1:j2])
        elif op == "delete":
            add("extra", answer[i1:i2])
        else:
            add("missing", expected[j1:j2])
    return segments


def diff_rows(segments: list[tuple[Tag, str]]) -> tuple[list[tuple[Tag, str]], list[tuple[Tag, str]]]:
    """The typed line (same, wrong, extra) and the expected line (same, missing) of a diff."""
    typed = [(tag, text) for tag, text in segments if tag in ("same", "wrong", "extra")]
    wanted = [(tag, text) for tag, text in segments if tag in ("same", "missing")]
    return typed, wanted


# ---------------------------------------------------------------- hints and ratings


def letters(expected: str) -> int:
    """How many characters of a phrase a hint can reveal (punctuation and spaces do not count)."""
    return sum(1 for char in expected if not _ignorable(char))


def hint(expected: str, shown: int) -> str:
    """The start of `expected` with one more letter than `shown` revealed.

    Punctuation on the way comes along for free, so every press reveals a letter.
    """
    seen = 0
    for index, char in enumerate(expected):
        if not _ignorable(char):
            seen += 1
            if seen > shown:
                return expected[: index + 1]
    return expected


def suggest_rating(outcome: Outcome, hints_used: int, revealed: bool, seconds: float, length: int) -> int:
    """The FSRS rating to suggest: Again 1, Hard 2, Good 3, Easy 4.

    `length` is the number of letters in the phrase; a hint for every one of them
    is the same as a reveal.
    """
    if revealed or outcome in ("wrong", "empty") or (length and hints_used >= length):
        return AGAIN
    if outcome == "near" or hints_used:
        return HARD
    if seconds < 1.5 + 0.4 * length:
        return EASY
    return GOOD


# ---------------------------------------------------------------- cards


def card_key(section_key: str, phrase_text: str, occurrence: int) -> str:
    """The key a card's progress is stored under: section path, phrase and occurrence (from 1)."""
    return f"{section_key} :: {phrase_text} #{occurrence}"


def section_keys(doc: Document) -> dict[str, str]:
    """`Document.section_key` for every section, in one walk of the tree."""
    keys: dict[str, str] = {}

    def visit(sections: list[Section], trail: str) -> None:
        for section in sections:
            part = f"@{section.kind}" if section.kind != "heading" else (section.heading or section.label)
            key = f"{trail} / {part}" if trail else part
            keys[section.id] = key
            visit(section.children, key)

    visit(doc.sections, "")
    return keys


def _reading_order(phrase: Phrase) -> tuple[int, int, int]:
    return (phrase.paragraph, phrase.start, phrase.end)


def cards_for(doc: Document, phrases_by_section: Mapping[str, Iterable[Phrase]]) -> list[Card]:
    """Every card of a document in reading order.

    The occurrence counts phrases with the same text under the same section key,
    so two sections that happen to share a heading path still get distinct keys.
    """
    keys = section_keys(doc)
    seen: Counter[tuple[str, str]] = Counter()
    cards: list[Card] = []
    for section in doc.walk():
        for phrase in sorted(phrases_by_section.get(section.id, ()), key=_reading_order):
            seen[(keys[section.id], phrase.text)] += 1
            occurrence = seen[(keys[section.id], phrase.text)]
            cards.append(Card(card_key(keys[section.id], phrase.text, occurrence), section.id, phrase, occurrence))
    return cards


def keys_by_section(doc: Document, cards: Iterable[Card], subtree: bool = False) -> dict[str, list[str]]:
    """Card keys per section id (every section, even without cards), for `Store.section_stats`.

    With `subtree`, a section also holds the cards of its subsections, as an
    outline node's mastery and due count do.
    """
    keys: dict[str, list[str]] = {section.id: [] for section in doc.walk()}
    for card in cards:
        keys.setdefault(card.section_id, []).append(card.key)
    if not subtree:
        return keys
    totals: dict[str, list[str]] = {}

    def gather(section: Section) -> list[str]:
        collected = list(keys.get(section.id, ()))
        for child in section.children:
            collected += gather(child)
        totals[section.id] = collected
        return collected

    for top in doc.sections:
        gather(top)
    return totals


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


Segment = Union[str, Blank]


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


# ---------------------------------------------------------------- sentences


def _stops_at(text: str, index: int, stops: frozenset[str]) -> bool:
    """Whether `text[index]` ends a sentence (or clause); a full stop only before a space or the end."""
    char = text[index]
    if char in stops:
        return True
    if char == ".":
        following = text[index + 1] if index + 1 < len(text) else " "
        return following.isspace() or following in _TRAILERS
    return False


def _sentence_bounds(text: str, start: int, end: int, stops: frozenset[str]) -> tuple[int, int]:
    left = start
    while left > 0 and not _stops_at(text, left - 1, stops):
        left -= 1
    # A stop followed by closing marks (。” or ，」) ends where the marks end.
    while left < start and (text[left] in _CLOSERS or text[left].isspace()):
        left += 1
    right = end
    while right < len(text) and not _stops_at(text, right, stops):
        right += 1
    if right < len(text):
        right += 1
        while right < len(text) and (text[right] in _TRAILERS or _stops_at(text, right, stops)):
            right += 1
    return left, right


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the sentence holding `text[start:end]`."""
    return _sentence_bounds(text, start, end, _SENTENCE_ENDS)


def sentence_around(paragraph_text: str, start: int, end: int, max_chars: int = 60) -> tuple[str, int, int]:
    """The sentence holding a phrase, cut to its clause when long, and the phrase's place in it.

    Returns (text, start, end) with `text[start:end]` the phrase. When even the
    clause is longer than `max_chars`, a window around the phrase is kept, with
    "…" where the text was cut.
    """
    left, right = sentence_bounds(paragraph_text, start, end)
    if right - left > max_chars:
        clause_left, clause_right = _sentence_bounds(paragraph_text, start, end, _CLAUSE_ENDS)
        left, right = _widen(
            paragraph_text, max(left, clause_left), min(right, clause_right), start, end, left, right, max_chars
        )
    before = after = ""
    if right - left > max_chars:
        room = max(0, max_chars - (end - start))
        new_left = max(left, start - room // 2)
        new_right = min(right, end + room - (start - new_left))
        new_left = max(left, start - (room - (new_right - end)))
        before = "…" if new_left > left else ""
        after = "…" if new_right < right else ""
        left, right = new_left, new_right
    text = before + paragraph_text[left:end] + paragraph_text[end:right].rstrip() + after
    offset = len(before) - left
    return text, start + offset, end + offset


MIN_CONTEXT = 4  # letters around a phrase below which its clause gives no cue


def _widen(
    text: str, left: int, right: int, start: int, end: int, floor: int, ceiling: int, max_chars: int
) -> tuple[int, int]:
    """Take in whole neighbouring clauses (the one before first) while the clause
    `text[left:right]` is little more than its phrase, as in a run of parallel ones
    (自信自强、守正创新，踔厉奋发、勇毅前行，): a blank alone gives nothing to recall it by.
    Never past the sentence (`floor`, `ceiling`) nor `max_chars`.
    """
    while letters(text[left:start]) + letters(text[end:right]) < MIN_CONTEXT:
        if left > floor:
            earlier = max(floor, _sentence_bounds(text, left - 1, left - 1, _CLAUSE_ENDS)[0])
            if earlier < left and right - earlier <= max_chars:
                left = earlier
                continue
        if right < ceiling:
            later = min(ceiling, _sentence_bounds(text, right, right, _CLAUSE_ENDS)[1])
            if later > right and later - left <= max_chars:
                right = later
                continue
        break
    return left, right


def sentence_for(doc: Document, card: Card, max_chars: int = 60) -> tuple[str, int, int]:
    """The sentence (or clause) a review card shows, with its phrase at `text[start:end]`."""
    section = doc.find(card.section_id)
    phrase = card.phrase
    if section is None or phrase.paragraph >= len(section.paragraphs):
        return phrase.text, 0, len(phrase.text)
    return sentence_around(section.paragraphs[phrase.paragraph], phrase.start, phrase.end, max_chars)


def sentence_group(doc: Document) -> Callable[[Card], Hashable]:
    """A function naming the sentence a card sits in, so a review queue can keep them apart."""
    sections = {section.id: section for section in doc.walk()}

    def group(card: Card) -> Hashable:
        section = sections.get(card.section_id)
        phrase = card.phrase
        if section is None or phrase.paragraph >= len(section.paragraphs):
            return (card.section_id, phrase.paragraph)
        left, _ = sentence_bounds(section.paragraphs[phrase.paragraph], phrase.start, phrase.end)
        return (card.section_id, phrase.paragraph, left)

    return group


# ---------------------------------------------------------------- a quiz in progress


@dataclass
class BlankState:
    """What has happened to one blank so far."""

    status: Status = "pending"
    typed: str = ""
    hints: int = 0
    seconds: float = 0.0
    verdict: Verdict | None = None
    rating: int | None = None
    review_id: int | None = None  # the stored review, for re-rating with keys 1-4

    @property
    def graded(self) -> bool:
        return self.status != "pending"

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

    def __init__(self, blanks: Iterable[Blank], now: float | None = None) -> None:
        self.blanks: list[Blank] = list(blanks)
        self.states: list[BlankState] = [BlankState() for _ in self.blanks]
        self.active: int = 0
        self.started: float = _now(now)
        self._since: float = self.started
        self._by_paragraph: dict[tuple[str, int], list[Blank]] = {}
        for blank in self.blanks:
            self._by_paragraph.setdefault((blank.section_id, blank.paragraph), []).append(blank)

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
        return hint(blank.answer, state.hints - 1) if state.hints else ""

    # ---- acting
    def _tick(self, now: float | None) -> float:
        moment = _now(now)
        state = self.active_state
        if state is not None and not state.graded:
            state.seconds += max(0.0, moment - self._since)
        self._since = moment
        return moment

    def answer(self, text: str, now: float | None = None) -> Verdict | None:
        """Check `text` against the active blank; an empty answer reveals it for self-grading.

        Returns None when there is nothing to grade (no blanks, or already graded).
        """
        state, blank = self.active_state, self.active_blank
        if state is None or blank is None or state.graded:
            return None
        self._tick(now)
        verdict = check(text, blank.answer)
        state.verdict = verdict
        state.typed = text
        state.status = "revealed" if verdict.outcome == "empty" else verdict.outcome
        state.rating = suggest_rating(
            verdict.outcome, state.hints, state.status == "revealed", state.seconds, letters(blank.answer)
        )
        return verdict

    def hint(self) -> str | None:
        """Reveal one more letter of the active blank; returns what it now shows."""
        state, blank = self.active_state, self.active_blank
        if state is None or blank is None or state.graded:
            return None
        if state.hints < letters(blank.answer):
            state.hints += 1
        return self.shown(self.active)

    def reveal(self, now: float | None = None) -> None:
        """Give up on the active blank."""
        state = self.active_state
        if state is None or state.graded:
            return
        self._tick(now)
        state.status = "revealed"
        state.rating = AGAIN

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
        counts = Counter(state.status for state in self.states)
        missed = [b for b, s in zip(self.blanks, self.states) if s.status in ("wrong", "revealed")]
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
