"""A quiz's rows of text and blanks laid out at a width: where each blank is, the line each row starts on."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Literal

from .blank_lines import LaidRow, Piece, blank_slot, styled_pieces
from .inline import parse_inline
from .quiz import hint
from .session import Blank, QuizSession

__all__ = ["BlankLayout", "Row", "hinted_letters"]


@dataclass
class Row:
    """One block of the drawn text: a heading, or a paragraph of text and blanks."""

    kind: Literal["heading", "paragraph", "caption"]
    parts: list[str | Blank] = field(default_factory=list)
    level: int = 1


def hinted_letters(session: QuizSession, piece: Piece) -> str:
    """The letters of a blank's answer its hints show."""
    assert piece.blank is not None
    hinted = session.states[piece.blank.index].hinted
    return hint(piece.shown_answer, hinted - 1) if hinted else ""


class BlankLayout:
    """Rows laid out once per width and set of hints, an empty line between rows.

    A blank is laid out as its answer will be (see `blank_slot`), so answering one moves
    no line; a hint that widens a blank's unbreakable head lays out again only the lines
    it moves (`update_hints`).
    """

    def __init__(self, rows: list[Row], session: QuizSession, width: int, *, markdown: bool = False) -> None:
        """`markdown`: the text is Markdown, laid out with its inline markers hidden and their styles."""
        self.session = session
        self.width = width
        self.markdown = markdown
        self.hints = [state.hinted for state in session.states]  # the hints each blank was laid out with
        self.where: dict[int, tuple[int, int]] = {}  # blank index -> (row, piece)
        self.laid: list[LaidRow] = []
        self.first_lines: list[int] = []  # the line each row starts on
        self.line_count = 0
        for number, row in enumerate(rows):
            pieces: list[Piece] = []
            if row.kind != "paragraph":
                text = "".join(str(part) for part in row.parts)
                pieces.append(Piece(parse_inline(text).text if markdown else text, style=row.kind))
            elif markdown:
                pieces = self._markdown_pieces(number, row.parts)
            else:
                for part in row.parts:
                    if isinstance(part, str):
                        pieces.append(Piece(part))
                    else:
                        self.where[part.index] = (number, len(pieces))
                        pieces.append(self._with_slot(Piece("", part)))
            self.laid.append(LaidRow(pieces, width))
        self._count_lines()

    def _markdown_pieces(self, number: int, parts: list[str | Blank]) -> list[Piece]:
        """A paragraph of Markdown in pieces: the text shown, cut where its style changes, and its blanks."""
        inline = parse_inline("".join(part if isinstance(part, str) else part.answer for part in parts))
        pieces: list[Piece] = []
        at = 0
        for part in parts:
            size = len(part) if isinstance(part, str) else len(part.answer)
            low, high = inline.shown_span(at, at + size)  # blanks are raw offsets: markers move them
            at += size
            if isinstance(part, str):
                pieces += styled_pieces(inline, low, high)
            else:
                self.where[part.index] = (number, len(pieces))
                pieces.append(self._with_slot(Piece("", part, answer=inline.text[low:high])))
        return pieces

    def _with_slot(self, piece: Piece) -> Piece:
        assert piece.blank is not None
        piece.text = blank_slot(piece.blank.number, piece.shown_answer, hinted_letters(self.session, piece))
        return piece

    def update_hints(self) -> None:
        """Lay out again the lines of blanks whose hints changed (nothing else changes the layout)."""
        hints = [state.hinted for state in self.session.states]
        if hints == self.hints:
            return
        changed = [index for index, (now, then) in enumerate(zip(hints, self.hints)) if now != then]
        self.hints = hints
        for index in changed:
            where = self.where.get(index)
            if where is None:
                continue
            number, piece = where
            laid = self.laid[number]
            blank = laid.pieces[piece]
            assert blank.blank is not None
            slot = blank_slot(blank.blank.number, blank.shown_answer, hinted_letters(self.session, blank))
            if slot != blank.text:
                if laid.replace(piece, slot, self.width):
                    self._count_lines()

    def _count_lines(self) -> None:
        first_lines = []
        count = 0
        for number, laid in enumerate(self.laid):
            if number:
                count += 1  # an empty line between rows
            first_lines.append(count)
            count += len(laid.spans)
        self.first_lines = first_lines
        self.line_count = count

    def line_of_blank(self, index: int) -> int | None:
        """The line blank `index` starts on; None when no row holds it."""
        where = self.where.get(index)
        if where is None:
            return None
        number, piece = where
        laid = self.laid[number]
        return self.first_lines[number] + laid.line_of(laid.starts[piece])

    def line(self, y: int) -> tuple[LaidRow, int] | None:
        """The row laid on line `y` and which of its lines that is; None past the end and between rows."""
        if not 0 <= y < self.line_count:
            return None
        number = bisect_right(self.first_lines, y) - 1
        laid = self.laid[number]
        line = y - self.first_lines[number]
        if line >= len(laid.spans):
            return None  # the empty line after a row
        return laid, line
