"""A section quiz in rounds: at most twelve blanks each, a round ending where a paragraph ends."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tui.core.model import Section
from tui.core.session import Blank, QuizSession

ROUND_SIZE = 12  # blanks: what can be answered in a sitting and remembered as one stretch of text

Place = tuple[int, int]  # (a section's place in reading order, a paragraph of it; -1 for its heading)


def rounds(blanks: Sequence[Blank], size: int = ROUND_SIZE) -> list[list[Blank]]:
    """The blanks (in reading order) in rounds of at most `size`, each ending at a paragraph's end.

    Whole paragraphs are put together while they fit, so a round may be shorter than
    `size`. A paragraph with more blanks than a round holds is cut every `size` blanks,
    and its last part begins the next round.
    """
    if size < 1:
        raise ValueError(f"a round holds at least one blank, not {size}")
    planned: list[list[Blank]] = []
    current: list[Blank] = []
    for group in _paragraphs(blanks):
        while len(group) > size:
            if current:
                planned.append(current)
                current = []
            planned.append(group[:size])
            group = group[size:]
        if current and len(current) + len(group) > size:
            planned.append(current)
            current = []
        current += group
    if current:
        planned.append(current)
    return planned


def _paragraphs(blanks: Sequence[Blank]) -> list[list[Blank]]:
    groups: list[list[Blank]] = []
    for blank in blanks:
        if groups and (groups[-1][-1].section_id, groups[-1][-1].paragraph) == (blank.section_id, blank.paragraph):
            groups[-1].append(blank)
        else:
            groups.append([blank])
    return groups


def numbered(blanks: Sequence[Blank]) -> list[Blank]:
    """The blanks of one round numbered from 1 again, as a quiz of their own."""
    return [Blank(index, blank.card) for index, blank in enumerate(blanks)]


def session_of(chosen: Sequence[Blank], every: Sequence[Blank]) -> QuizSession:
    """A quiz of the `chosen` blanks of a section whose blanks are `every`.

    An answer right for another blank of the same paragraph is tried again, not
    wrong, whether or not that blank is asked in this round.
    """
    blanks = numbered(chosen)
    by_paragraph: dict[tuple[str, int], list[Blank]] = {}
    for blank in every:
        by_paragraph.setdefault((blank.section_id, blank.paragraph), []).append(blank)
    others = {
        blank.index: [
            b.answer for b in by_paragraph.get((blank.section_id, blank.paragraph), []) if b.card.key != blank.card.key
        ]
        for blank in blanks
    }
    return QuizSession(blanks, others=others)


@dataclass(frozen=True)
class Shown:
    """A section as a round shows it: its heading or not, and which of its paragraphs."""

    section: Section
    heading: bool
    paragraphs: list[int]


def shown(section: Section, planned: Sequence[Sequence[Blank]], number: int) -> list[Shown]:
    """The text round `number` (from 0) of a quiz of `section` shows, in reading order.

    The rounds share out the text at their paragraph ends: a round shows what follows
    the last paragraph of the one before, up to its own last paragraph (the first from
    the section's start, the last to its end), and the heading of the section it starts in.
    One round shows the whole section.
    """
    order = {s.id: n for n, s in enumerate(section.walk())}

    def place(blank: Blank) -> Place:
        return (order.get(blank.section_id, -1), blank.paragraph)

    this = planned[number] if 0 <= number < len(planned) else []
    first = place(this[0]) if this else (-1, -1)
    after: Place = place(planned[number - 1][-1]) if 0 < number < len(planned) else (-1, -2)
    until: Place = place(this[-1]) if this and number < len(planned) - 1 else (len(order), 0)

    def wanted(at: Place) -> bool:
        return (after < at or at == first) and at <= until

    result: list[Shown] = []
    for n, part in enumerate(section.walk()):
        paragraphs = [p for p in range(len(part.paragraphs)) if wanted((n, p))]
        heading = wanted((n, -1)) or n == first[0]
        if heading or paragraphs:
            result.append(Shown(part, heading, paragraphs))
    return result
