"""A whole heading typed at its first clause, cut into the clauses it answers (in characters or in pinyin)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence

from . import pinyin
from .quiz import normalize

__all__ = ["split_typed"]


def split_typed(typed: str, answers: Sequence[str]) -> list[str] | None:
    """`typed` cut where each of `answers` ends, when it is all of them in order (compared as answers
    are: a whole heading typed at its first clause; in pinyin or initials, by which letters stand for
    which characters); None when it is not."""
    if len(answers) < 2 or not typed.strip():
        return None
    wanted = [normalize(answer) for answer in answers]
    if not all(wanted):
        return None
    have = normalize(typed)
    measure: Callable[[str], str]
    if have == "".join(wanted):
        sizes, measure = [len(form) for form in wanted[:-1]], normalize
    elif (spelled := _letters_per_answer(have, wanted)) is not None:
        sizes, measure = spelled, _folded
    else:
        return None
    pieces: list[str] = []
    at = 0
    for size in sizes:
        start, taken = at, 0
        while at < len(typed) and taken < size:
            taken += len(measure(typed[at]))
            at += 1
        pieces.append(typed[start:at])
    pieces.append(typed[at:])
    return pieces


def _folded(char: str) -> str:
    return pinyin.fold(normalize(char))


def _letters_per_answer(have: str, wanted: list[str]) -> list[int] | None:
    """How many letters (as matched) of `have`, typed in pinyin, stand for each answer but the last; None
    when it is not all of them right."""
    joined = "".join(wanted)
    if not pinyin.applies(have, joined):
        return None
    found = pinyin.match(have, joined, 0)
    if found is None:
        return None
    ends = [sum(map(len, wanted[: n + 1])) for n in range(len(wanted) - 1)]
    cells = pinyin.units(joined)
    sizes = [0] * len(ends)
    for _, stretch, unit in found.steps:  # all "same": one a character, in order
        answer = bisect_right(ends, cells[unit].at)
        if answer < len(sizes):
            sizes[answer] += len(stretch)
    return sizes
