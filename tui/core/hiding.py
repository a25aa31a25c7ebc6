"""Progressive hiding for reciting a paragraph: five levels from the full text to its punctuation skeleton.

0 the full text; 1 the key phrases hidden; 2 every other clause (the first, third, …)
reduced to its cue; 3 every clause reduced to its first character; 4 only the
punctuation. Clauses end at ，。；：、！？ and their ASCII forms (not a point or comma
between digits: 3.6, 1,000), taking closing quotes and brackets with them.

Numbering at the start of a clause ((一) 1. 2) 一、 ① 一是 二要) is part of that clause
and stays up to level 3.
A cue (首字提示) is a clause's first character, or its first two when the first is a
common one-character function word (要 在 把 对 以 …): 要坚持 shows 要坚, not a bare 要
that would cue any clause of an official text. Level 3 shows the first character only.

Every hidden character becomes a placeholder of its own width (＿ for a wide
character, _ for a narrow one); punctuation, spaces and line breaks stay. So the
hidden text has the original's length and cell widths, and the original's line
breaks lay it out at every level: the passage keeps its shape as the levels change.
`revealed` clauses from the start show in full (Space reveals one more).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import Literal

from rich.cells import get_character_cell_size

__all__ = ["LEVELS", "SKELETON", "Kind", "clauses", "cue_end", "hide", "next_reveal", "segments"]

FULL, PHRASES, ALTERNATE, INITIALS, SKELETON = range(5)
LEVELS = 5

# "text": shown as written; "hidden": placeholders; "cue": a clause's first character(s)
# shown among hidden ones; "revealed": a clause shown again with Space.
Kind = Literal["text", "hidden", "cue", "revealed"]

CLAUSE_ENDS = frozenset("，。；：、！？,.;:!?")
_BETWEEN_DIGITS = frozenset(".,:")  # 3.6 1,000 10:30 are one number, not a clause end
_CLOSERS = frozenset("”’）》」』】〉〕〗)]}\"'")
# One-character words that begin many clauses and say little alone: their cue is two characters.
FUNCTION_WORDS = frozenset("要在把对以为从和与同及并而也都就是不将向于由让使被给跟比又还更再才只既即则若如但却因所其之")
WIDE_PLACEHOLDER, NARROW_PLACEHOLDER = "＿", "_"
# A clause's numbering ((一) 1. 2) 一、 ① 一是 二要) is the passage's frame, not words to recite: up to
# level 3 it stays, and the cue comes after it. It opens its clause: the point of 1. or the 、 of 一、
# ends no clause (3.6 is a number, not the label 3.).
_LABEL = re.compile(
    r"\s*(?:[（(][一二三四五六七八九十百\d]+[）)]|[一二三四五六七八九十百]+[、是要]|\d+(?:[.．](?!\d)|[、)）])"
    r"|[\u2460-\u2473])"
)


@lru_cache(maxsize=8192)
def _kept(char: str) -> bool:
    """Whether a character is part of the skeleton: punctuation, spaces, line breaks, controls."""
    category = unicodedata.category(char)
    return category[0] in "PZ" or category in ("Cc", "Cf") or char.isspace()


@lru_cache(maxsize=8192)
def _placeholder(char: str) -> str:
    width = get_character_cell_size(char)
    if width == 2:
        return WIDE_PLACEHOLDER
    return NARROW_PLACEHOLDER if width == 1 else char  # a combining mark keeps its (zero) width


def clauses(text: str) -> list[tuple[int, int]]:
    """The clauses of `text` as (start, end), covering it end to end."""
    spans: list[tuple[int, int]] = []
    start, i, n = 0, 0, len(text)
    while i < n:
        if i == start:
            label = _LABEL.match(text, i)
            if label and label.end() < n:
                i = label.end()  # the numbering is part of the clause it opens
                continue
        char = text[i]
        if char in CLAUSE_ENDS and not (
            char in _BETWEEN_DIGITS and 0 < i < n - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()
        ):
            i += 1
            while i < n and (text[i] in CLAUSE_ENDS or text[i] in _CLOSERS):
                i += 1
            spans.append((start, i))
            start = i
        else:
            i += 1
    if start < n:
        spans.append((start, n))
    return spans


def cue_end(text: str, start: int, end: int, function_words: bool = True) -> int:
    """Where the cue of the clause text[start:end] ends: after its first character, or two (see above)."""
    i = start
    while i < end and _kept(text[i]):
        i += 1  # an opening quote or bracket is not the cue: it shows anyway
    if i >= end:
        return end
    if function_words and text[i] in FUNCTION_WORDS and i + 1 < end and not _kept(text[i + 1]):
        return i + 2
    return i + 1


def _hidden_in(level: int, index: int) -> bool:
    """Whether clause `index` is reduced to its cue at levels 2 and 3."""
    return level == INITIALS or index % 2 == 0


def segments(
    text: str, level: int, phrases: Iterable[tuple[int, int]] = (), revealed: int = 0
) -> list[tuple[str, Kind]]:
    """`text` at `level`, as runs of (shown text, kind); `phrases` are (start, end) offsets, for level 1.

    The runs' texts joined are `hide(...)`: as long as `text`, character for character.
    """
    level = max(FULL, min(SKELETON, level))
    if level == FULL:
        return [(text, "text")] if text else []
    kinds: list[Kind] = ["text"] * len(text)
    spans = clauses(text)
    if level == PHRASES:
        for start, end in phrases:
            for k in range(max(0, start), min(len(text), end)):
                kinds[k] = "hidden"
    elif level >= ALTERNATE:
        for index, (start, end) in enumerate(spans):
            if level == SKELETON or _hidden_in(level, index):
                label = _LABEL.match(text, start, end) if level < SKELETON else None
                first = label.end() if label else start
                cue = first if level == SKELETON else cue_end(text, first, end, level == ALTERNATE)
                for k in range(first, end):
                    kinds[k] = "cue" if k < cue else "hidden"
    if level > FULL:
        for start, end in spans[:revealed]:
            for k in range(start, end):
                if kinds[k] != "text":
                    kinds[k] = "revealed"
    runs: list[tuple[str, Kind]] = []
    run: list[str] = []
    current: Kind | None = None
    for char, kind in zip(text, kinds):
        if kind == "hidden" and _kept(char):
            kind = "text"  # punctuation and line breaks are the skeleton
        if kind != current:
            if run and current is not None:
                runs.append(("".join(run), current))
            run, current = [], kind
        run.append(_placeholder(char) if kind == "hidden" else char)
    if run and current is not None:
        runs.append(("".join(run), current))
    return runs


def hide(text: str, level: int, phrases: Iterable[tuple[int, int]] = (), revealed: int = 0) -> str:
    """`text` at `level` (0-4) with its first `revealed` clauses in full, as plain text."""
    return "".join(piece for piece, _ in segments(text, level, phrases, revealed))


def next_reveal(text: str, level: int, phrases: Iterable[tuple[int, int]] = (), revealed: int = 0) -> int:
    """How many clauses show in full after Space: up to the next clause with something hidden.

    A clause already in full at this level (every other one at level 2, one without a
    key phrase at level 1) is stepped over, so each Space shows something new.
    """
    spans = clauses(text)
    if level <= FULL:
        return revealed
    runs = segments(text, level, phrases, 0)
    hidden_at: list[bool] = []
    for piece, kind in runs:
        hidden_at.extend([kind in ("hidden", "cue")] * len(piece))
    index = revealed
    while index < len(spans) and not any(hidden_at[spans[index][0] : spans[index][1]]):
        index += 1
    return min(len(spans), index + 1)
