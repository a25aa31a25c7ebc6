"""Typed recitation (默写): a paragraph typed from memory, compared character by character, scored and rated.

Compared as answers are (`quiz.normalize`): punctuation, spaces, full/half width and
case do not count. The diff is drawn on the texts as written: the expected paragraph
with its punctuation, the typed text's wrong and extra characters among it.

The score is the share of the paragraph's characters right: 1 - edits / length, where
the edits are those of the diff (a character missing, one extra, one wrong; a wrong
run counts as long as the longer of what was typed and what was expected), never
below 0. The rating: under 90 % Again, under 97 % Hard, under 100 % Good; all of it
right is Easy when typed at 1.5 s a character or faster (recalled fluently), else Good.

A recitation may be typed in pinyin or its initials, as any answer (tui/core/pinyin.py):
the letters are read as the paragraph's characters, each stretch standing for one
character right, one wrong (□) or one too many, and then compared as above; letters
for only the start of the paragraph are read as its start, the rest missing. All of
it right in initials is Good at most.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher

from .quiz import AGAIN, EASY, GOOD, HARD, Tag, _absorb_islands, normalize

__all__ = ["Recital", "grade", "rating"]

AGAIN_BELOW, HARD_BELOW = 0.90, 0.97
EASY_SECONDS_PER_CHAR = 1.5


@dataclass(frozen=True)
class Recital:
    """A typed recitation graded: its score 0..1, the diff's segments and the edit counts."""

    score: float
    segments: list[tuple[Tag, str]]
    length: int  # the paragraph's characters that count (no punctuation or spaces)
    missing: int
    extra: int
    wrong: int
    by: str = "characters"  # how it was typed: characters, pinyin or initials

    @property
    def percent(self) -> int:
        """The score in whole percent, rounded down: 99.6 % is not yet 100."""
        return int(self.score * 100 + 1e-9)


def _letters(text: str) -> tuple[str, list[int]]:
    """`text` as compared (normalised) and, for each compared character, where it stands in `text`."""
    chars: list[str] = []
    places: list[int] = []
    for index, char in enumerate(text):
        for folded in normalize(char):
            chars.append(folded)
            places.append(index)
    return "".join(chars), places


def _span(text: str, places: list[int], i: int, j: int, first: bool) -> str:
    """The text as written of compared characters i..j, with the punctuation after them (and before, if first)."""
    if i >= j:
        return ""
    start = 0 if first else places[i]
    end = places[j] if j < len(places) else len(text)
    return text[start:end]


Opcode = tuple[str, int, int, int, int]


def _opcodes(have: str, want: str) -> list[Opcode]:
    """The edits turning `have` into `want`, as SequenceMatcher's opcodes.

    The common start and end are taken out first: a paragraph recited nearly right is
    compared only between its first and last slip. SequenceMatcher is fast on Chinese
    (hundreds of distinct characters: 9 ms for 2,000) and slower on a small alphabet
    (English, 0.25 s; a few words repeated, seconds), once, on submitting.
    """
    head = 0
    limit = min(len(have), len(want))
    while head < limit and have[head] == want[head]:
        head += 1
    tail = 0
    while tail < limit - head and have[-1 - tail] == want[-1 - tail]:
        tail += 1
    middle = SequenceMatcher(None, have[head : len(have) - tail], want[head : len(want) - tail], autojunk=False)
    ops: list[Opcode] = [("equal", 0, head, 0, head)] if head else []
    ops += [(op, head + i1, head + i2, head + j1, head + j2) for op, i1, i2, j1, j2 in middle.get_opcodes()]
    if tail:
        ops.append(("equal", len(have) - tail, len(have), len(want) - tail, len(want)))
    return ops


BEAM = 8  # edits a reading of letters may fall behind the best one and still be followed
WRONG_MARK = "□"  # a character typed in pinyin as some other character


def in_characters(typed: str, expected: str) -> tuple[str, str]:
    """A recitation typed (partly) in pinyin or initials as the characters it stands for, and how it was typed."""
    from . import pinyin

    if not pinyin.applies(typed, expected):
        return typed, "characters"
    # Readings far behind the best at each character dropped: the paragraph read in a band
    # around its best reading (a 2,000-character paragraph in pinyin in about a second,
    # not half a minute or more).
    found = pinyin.match(normalize(typed), expected, len(expected) + len(typed), start=True, beam=BEAM)
    if found is None:  # cannot happen with every edit allowed; the letters as typed, then
        return typed, "characters"
    cells = pinyin.units(expected)
    spelled = []
    for kind, stretch, unit in found.steps:
        latin = any("a" <= c <= "z" for c in stretch)
        if kind == "same":
            spelled.append(cells[unit].char)
        elif kind in ("wrong", "extra"):
            spelled.append(WRONG_MARK if latin else stretch)
    return "".join(spelled), found.by


def grade(typed: str, expected: str) -> Recital:
    """Compare a typed recitation with the paragraph: score, diff and counts (see the module's rule)."""
    typed, by = in_characters(unicodedata.normalize("NFC", typed), expected)
    have, typed_at = _letters(typed)
    want, wanted_at = _letters(expected)
    segments: list[tuple[Tag, str]] = []

    def add(tag: Tag, text: str) -> None:
        if not text:
            return
        if segments and segments[-1][0] == tag:
            segments[-1] = (tag, segments[-1][1] + text)
        else:
            segments.append((tag, text))

    missing = extra = wrong = 0
    for op, i1, i2, j1, j2 in _absorb_islands(_opcodes(have, want)):
        first = j1 == 0
        if op == "equal":
            add("same", _span(expected, wanted_at, j1, j2, first))
        elif op == "replace":
            add("wrong", _span(typed, typed_at, i1, i2, False).strip())
            add("missing", _span(expected, wanted_at, j1, j2, first))
            wrong += max(i2 - i1, j2 - j1)
        elif op == "delete":
            add("extra", _span(typed, typed_at, i1, i2, False).strip())
            extra += i2 - i1
        else:
            add("missing", _span(expected, wanted_at, j1, j2, first))
            missing += j2 - j1
    if not want:
        return Recital(1.0 if not have else 0.0, segments, 0, missing, extra, wrong, by)
    score = max(0.0, 1.0 - (missing + extra + wrong) / len(want))
    return Recital(score, segments, len(want), missing, extra, wrong, by)


def rating(recital: Recital, seconds: float) -> int:
    """The FSRS rating a typed recitation suggests: Again under 90 %, Hard under 97 %, Good, Easy if quick."""
    if recital.score < AGAIN_BELOW:
        return AGAIN
    if recital.score < HARD_BELOW:
        return HARD
    if recital.score < 1.0 or recital.by == "initials":
        return GOOD  # initials say which characters, not that they were recalled in full
    return EASY if seconds <= EASY_SECONDS_PER_CHAR * max(1, recital.length) else GOOD
