"""Choosing a section's blanks among the candidates: the best by score, never overlapping, under the density limit."""

from __future__ import annotations

import bisect

from tui.core.paragraph import Paragraph
from tui.core.phrase_rules import Candidate


def choose(paragraphs: list[Paragraph], candidates: list[Candidate], room: int) -> list[Candidate]:
    """The best candidates that obey the rules, never overlapping, at most `room` of them.

    The items of a long list (one `group`) are taken all together or not at all: one item
    cut out alone is no question (大局意识 out of 政治意识、大局意识、核心意识、看齐意识).
    """
    chosen: list[Candidate] = []
    taken: dict[int, list[tuple[int, int]]] = {}  # per piece, sorted and disjoint
    groups: dict[tuple[int, int], list[Candidate]] = {}
    for c in candidates:
        if c.group is not None:
            groups.setdefault(c.group, []).append(c)
    done: set[tuple[int, int]] = set()

    def fits(c: Candidate, spans: list[tuple[int, int]]) -> int | None:
        at = bisect.bisect_left(spans, (c.start, c.end))
        if (at > 0 and spans[at - 1][1] > c.start) or (at < len(spans) and spans[at][0] < c.end):
            return None  # overlaps a better one (or is the same span again)
        if not paragraphs[c.paragraph].valid(c.start, c.end):
            return None
        return at

    asked: set[str] = set()  # a phrase asked once in a section is not asked again in it
    for c in sorted(candidates, key=lambda c: (-c.score, c.paragraph, c.start, -c.end)):
        if len(chosen) >= room:
            break
        if c.group is None:
            text = paragraphs[c.paragraph].text[c.start : c.end]
            if text in asked:
                continue
        members = [c]
        if c.group is not None:
            if c.group in done:
                continue
            done.add(c.group)
            members = groups[c.group]
            if len(chosen) + len(members) > room:
                continue
        spots = []
        for m in members:
            spans = taken.setdefault(m.paragraph, [])
            at = fits(m, spans)
            if at is None:
                break
            spots.append((m, spans, at))
        if len(spots) < len(members):
            continue
        for m, spans, _ in spots:
            bisect.insort(spans, (m.start, m.end))
            chosen.append(m)
            asked.add(paragraphs[m.paragraph].text[m.start : m.end])
    return chosen
