"""Lines of text with blanks: a row cut into pieces of text and blanks, laid out in terminal cells.

A blank is laid out as its answer will be once filled in (see `blank_slot`), so that
filling it in moves no line: only hints that widen its unbreakable head do, and then
`LaidRow.replace` lays out again only the lines that move. Drawing a line takes only
its own pieces, however long the row. Used by the quiz's and the review's text pane.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from .inline import Inline
from .session import Blank
from .wrap import CONTROL_TO_SPACE, cell_width, rewrap, wrap

__all__ = ["LaidRow", "Piece", "blank_slot", "cut_cells", "styled_pieces"]


@dataclass
class Piece:
    """A run of a row: text in one style, or a blank. `text` is what the line breaker reads."""

    text: str
    blank: Blank | None = None
    style: str = ""  # a text run's styles, space-separated: heading, caption, bold, italic, code... ("" for the body)
    answer: str = ""  # a blank's answer as shown (Markdown markers left out)

    @property
    def shown_answer(self) -> str:
        assert self.blank is not None
        return self.answer or self.blank.answer


class LaidRow:
    """One row laid out at a width: its pieces, the string the line breaker reads, its lines."""

    def __init__(self, pieces: list[Piece], width: int) -> None:
        self.pieces = pieces
        self.starts: list[int] = []
        at = 0
        for piece in pieces:
            self.starts.append(at)
            at += len(piece.text)
        self.text = "".join(piece.text for piece in pieces)
        self.spans = wrap(self.text, width)

    def replace(self, index: int, text: str, width: int) -> int:
        """Put `text` in place of piece `index`'s and lay out the lines it moves; the change in line count."""
        at, old = self.starts[index], len(self.pieces[index].text)
        self.pieces[index].text = text
        self.text = self.text[:at] + text + self.text[at + old :]
        moved = len(text) - old
        if moved:
            self.starts[index + 1 :] = [start + moved for start in self.starts[index + 1 :]]
        first, stop, fresh = rewrap(self.text, self.spans, at, old, len(text), width)
        after = self.spans[stop:]
        if moved:
            after = [(start + moved, end + moved) for start, end in after]
        before = len(self.spans)
        self.spans[first:] = fresh + after
        return len(self.spans) - before

    def line_of(self, offset: int) -> int:
        """The line holding the character at `offset`."""
        return max(0, bisect_right(self.spans, offset, key=_span_start) - 1)

    def drawn(self, line: int, shown: Callable[[Piece], str]) -> list[tuple[Piece, str]]:
        """The runs of `line` as drawn: each piece's part of the line, a blank's showing `shown(piece)`."""
        start, end = self.spans[line]
        runs: list[tuple[Piece, str]] = []
        index = max(0, bisect_right(self.starts, start) - 1)
        while index < len(self.pieces) and self.starts[index] < end:
            piece, at = self.pieces[index], self.starts[index]
            low, high = max(start, at) - at, min(end, at + len(piece.text)) - at
            index += 1
            if high <= low:
                continue
            if piece.blank is None:
                runs.append((piece, piece.text[low:high].translate(CONTROL_TO_SPACE)))
            else:
                # The blank's cells on this line, cut from what it shows: its slot is as wide.
                cells = cell_width(piece.text[:low])
                runs.append((piece, cut_cells(shown(piece), cells, cells + cell_width(piece.text[low:high]))))
        return runs


def _span_start(span: tuple[int, int]) -> int:
    return span[0]


def styled_pieces(inline: Inline, start: int, end: int) -> list[Piece]:
    """The text shown from `start` to `end`, cut where its Markdown styles change."""
    cuts = {start, end}
    for low, high, _name in inline.styles:
        if low < end and high > start:
            cuts.update(at for at in (low, high) if start < at < end)
    points = sorted(cuts)
    pieces = []
    for low, high in zip(points, points[1:]):
        names = " ".join(name for a, b, name in inline.styles if a <= low and high <= b)
        pieces.append(Piece(inline.text[low:high], style=names))
    return pieces


def blank_slot(number: int, answer: str, hinted: str = "") -> str:
    """What the line breaker reads for a blank: as wide as the blank, breaking where its answer may.

    Its head (the number, the hinted letters and three cells of fill, four cells at
    least, up to where a character of the answer ends) never breaks, so a number never
    ends a line with less than three cells of fill after it; the head is one wide
    character and closing marks, which a line may break before. Past the head come the
    answer's own characters: the blank breaks where its answer will once filled in (a
    Chinese answer between any two characters, an English one at its spaces), so
    filling it in moves no line. When the number and the hints leave no cell of fill
    within the answer's width, the blank is as wide as its placeholder and unbroken.
    """
    shown = cell_width(f"{number}{hinted}")
    if shown + 1 > cell_width(answer):
        return _head(shown + 1)
    want = max(4, shown + 3)
    cells = taken = 0
    while taken < len(answer) and cells < want:
        cells += cell_width(answer[taken])
        taken += 1
    while taken < len(answer) and cell_width(answer[taken]) == 0:
        taken += 1  # a combining mark stays with its base
    return _head(cells) + answer[taken:].translate(CONTROL_TO_SPACE)


def cut_cells(text: str, start: int, end: int) -> str:
    """The cells start..end of `text`, padded with spaces where they end inside a wide character or past its end."""
    out = []
    cells = 0
    for char in text:
        width = cell_width(char)
        if cells >= end:
            break
        if cells >= start and cells + width <= end:
            out.append(char)
        elif cells + width > start:
            out.append(" " * (min(end, cells + width) - max(start, cells)))  # half a wide character
        cells += width
    if cells < end:
        out.append(" " * (end - max(cells, start)))
    return "".join(out).translate(CONTROL_TO_SPACE)


def _head(cells: int) -> str:
    """An unbreakable stand-in `cells` wide that may break before it: wide, then closing marks."""
    if cells < 2:
        return "x" * cells
    return _STAND_IN + "\uff09" * ((cells - 2) // 2) + ")" * (cells % 2)


_STAND_IN = "\uff3f"  # FULLWIDTH LOW LINE: two cells, and no punctuation rule applies to it
