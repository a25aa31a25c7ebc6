"""Search that ignores full-/half-width and case: the text pane's matches, the quiz's diffs."""

from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from itertools import accumulate


class _Folded(dict[str, str]):
    """Each character's search form: NFKC (full-width to half-width) then casefold."""

    def __missing__(self, char: str) -> str:
        folded = unicodedata.normalize("NFKC", char).casefold()
        self[char] = folded
        return folded


_FOLDED = _Folded()


def fold(text: str) -> str:
    """The search form of `text`, folded character by character."""
    return "".join(map(_FOLDED.__getitem__, text))


def find_all(text: str, folded_query: str) -> list[tuple[int, int]]:
    """Spans of `text` whose search form contains `folded_query`, as indices into `text`."""
    if not folded_query:
        return []
    pieces = list(map(_FOLDED.__getitem__, text))
    folded = "".join(pieces)
    found: list[tuple[int, int]] = []
    position = folded.find(folded_query)
    if position < 0:
        return found
    identity = len(folded) == len(text) and all(len(piece) == 1 for piece in pieces)
    offsets = None if identity else list(accumulate(map(len, pieces), initial=0))
    size = len(folded_query)
    while position >= 0:
        end = position + size
        if offsets is None:
            found.append((position, end))
        else:
            # A folded character may be longer or shorter than the original (ﬁ → fi):
            # the match covers every original character it touches.
            found.append((bisect_right(offsets, position) - 1, bisect_left(offsets, end)))
        position = folded.find(folded_query, end)
    return found


def fold_char(char: str) -> str:
    """One character's search form (cached)."""
    folded: str = _FOLDED[char]
    return folded
