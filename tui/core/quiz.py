"""Quiz rules: answer normalisation and checking, diffs, hints, ratings and card keys."""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Literal

from tui.core import meaning, pinyin
from tui.core.model import Card, Document, Phrase, Section
from tui.core.pinyin import Way  # how an answer was typed: characters, pinyin, or (any of it) initials
from tui.core.search import fold_char

# "elsewhere": not this blank's answer, but right for another phrase of its context.
Outcome = Literal["right", "near", "wrong", "empty", "elsewhere"]
Tag = Literal["same", "wrong", "missing", "extra"]

AGAIN, HARD, GOOD, EASY = 1, 2, 3, 4

# Kept although Unicode calls them punctuation: "5%" and "5" are different answers.
_MEANINGFUL = frozenset("%‰‱")


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
    by: Way = "characters"

    @property
    def correct(self) -> bool:
        return self.outcome in ("right", "near")


def _near(typed: str, wanted: str) -> bool:
    """One character off in four or more, the character not one that carries the meaning."""
    edit = meaning.one_edit(typed, wanted)
    return len(wanted) >= 4 and edit is not None and not meaning.changes_meaning(*edit)


def check(answer: str, expected: str, others: Iterable[str] = ()) -> Verdict:
    """Grade a typed answer: right, near (one character off in four or more), wrong or empty.

    The character off makes it wrong, not near, when it changes the meaning: a digit
    or Chinese numeral, an opposite, a negation added or left out. In pinyin, near is
    one letter off inside the syllables typed, never a syllable left out.

    A Chinese answer may be typed in pinyin or initials (see `tui.core.pinyin`); the
    verdict says how it was (`by`). A wrong answer in Latin letters is "pinyin".

    `others` are the answers of the other phrases of the same context (the other blanks
    of the paragraph, the other phrases a review card shows): a wrong answer that is
    right for one of them is "elsewhere", to try again rather than to count as wrong.
    """
    if not answer.strip():
        return Verdict("empty", answer, expected)
    typed, wanted = normalize(answer), normalize(expected)
    if not wanted:
        # A phrase of nothing but punctuation: compare it as written.
        wanted, typed = expected.strip(), answer.strip()
    if typed == wanted:
        return Verdict("right", answer, expected)
    by: Way = "characters"
    if pinyin.applies(typed, wanted):
        by = "pinyin"
        found = pinyin.check(typed, expected, near=len(wanted) >= 4)
        if found is not None:
            return Verdict("right" if found.edits == 0 else "near", answer, expected, found.by)
    # Read as pinyin, an answer is near only as pinyin says: a letter typed for a
    # character is no character mistyped (xinfazhan is not one off 新发展理念).
    if by == "characters" and _near(typed, wanted):
        return Verdict("near", answer, expected)
    if any(check(answer, other).outcome == "right" for other in others):
        return Verdict("elsewhere", answer, expected, by)
    return Verdict("wrong", answer, expected, by)


# ---------------------------------------------------------------- diffs


def _absorb_islands(ops: Sequence[tuple[str, int, int, int, int]]) -> list[tuple[str, int, int, int, int]]:
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
    matcher = SequenceMatcher(None, [fold_char(c) for c in answer], [fold_char(c) for c in expected], autojunk=False)
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
    typed: list[tuple[Tag, str]] = [(tag, text) for tag, text in segments if tag in ("same", "wrong", "extra")]
    wanted: list[tuple[Tag, str]] = [(tag, text) for tag, text in segments if tag in ("same", "missing")]
    return typed, wanted


def answer_diff(answer: str, expected: str) -> tuple[list[tuple[Tag, str]], list[tuple[Tag, str]]]:
    """The two lines of a diff to show for a typed answer: by character, or by syllable when typed in pinyin."""
    if pinyin.applies(normalize(answer), normalize(expected)):
        return pinyin.diff_rows(answer, expected)
    return diff_rows(diff(answer, expected))


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


def letters_right(typed: str, expected: str) -> int:
    """How many letters of `expected`, from its start, `typed` has right, compared as answers are
    (or spelled in pinyin)."""
    have = normalize(typed)
    if pinyin.applies(have, normalize(expected)):
        return pinyin.spelled(have, expected)
    at = count = 0
    for char in expected:
        if _ignorable(char):
            continue
        form = normalize(char)
        if not have.startswith(form, at):
            break
        at += len(form)
        count += 1
    return count


def suggest_rating(
    outcome: Outcome,
    hints_used: int,
    revealed: bool,
    seconds: float,
    length: int,
    pasted: bool = False,
    initials: bool = False,
) -> int:
    """The FSRS rating to suggest: Again 1, Hard 2, Good 3, Easy 4.

    `length` is the number of letters in the phrase; a hint for every one of them
    is the same as a reveal. A `pasted` answer is at most Good: it came quick
    because it was not typed, not because it was known cold. So is one typed in
    `initials`: recalling the first letters is less than recalling the words.
    """
    if revealed or outcome in ("wrong", "empty", "elsewhere") or (length and hints_used >= length):
        return AGAIN
    if outcome == "near" or hints_used:
        return HARD
    if seconds < 1.5 + 0.4 * length and not pasted and not initials:
        return EASY
    return GOOD


# ---------------------------------------------------------------- cards


def card_key(section_key: str, phrase_text: str, occurrence: int) -> str:
    """The key a card's progress is stored under: section path, phrase and occurrence (from 1)."""
    return f"{section_key} :: {phrase_text} #{occurrence}"


def _reading_order(phrase: Phrase) -> tuple[int, int, int]:
    return (phrase.paragraph, phrase.start, phrase.end)


def cards_for(doc: Document, phrases_by_section: Mapping[str, Iterable[Phrase]]) -> list[Card]:
    """Every card of a document in reading order.

    The occurrence counts phrases with the same text under the same section key,
    so two sections that happen to share a heading path still get distinct keys.
    """
    keys = doc.section_keys()
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


def has_cards(doc: Document, cards: Iterable[Card], section_id: str) -> bool:
    """Whether a section, with its subsections, has anything to quiz."""
    section = doc.find(section_id)
    inside = {s.id for s in section.walk()} if section else set()
    return any(card.section_id in inside for card in cards)


def next_section_with_cards(doc: Document, cards: Iterable[Card], after: str | None = None) -> str | None:
    """The first section after `after` and its subsections (or the first of all) whose own text has cards."""
    order = [s.id for s in doc.walk()]
    start = 0
    if after is not None and after in order:
        section = doc.find(after)
        inside = {s.id for s in section.walk()} if section else {after}
        start = max(order.index(i) for i in inside) + 1
    with_cards = {card.section_id for card in cards}
    return next((section_id for section_id in order[start:] if section_id in with_cards), None)
