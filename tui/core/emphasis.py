"""Markdown emphasis, the author's own pick of key phrases (**bold**, __bold__, ==highlight==, `code`), and code blocks."""

from __future__ import annotations

import re

from tui.core.paragraph import SENTENCE_END, Paragraph, size
from tui.core.phrase_rules import QUOTE_WHOLE, SCORES, Candidate, quote_parts

# The inside of the markers may not start or end with a space (2 ** 3 ** 4 is no emphasis), and
# the markers may not touch a Latin letter or digit (snake_case__name); Chinese needs no spaces.
_EMPHASIS = re.compile(
    r"(?<![*A-Za-z0-9])\*\*(?=\S)(.+?)(?<=\S)\*\*(?![*A-Za-z0-9])"
    r"|(?<![_A-Za-z0-9])__(?=\S)(.+?)(?<=\S)__(?![_A-Za-z0-9])"
    r"|(?<![=A-Za-z0-9])==(?=\S)(.+?)(?<=\S)==(?![=A-Za-z0-9])"
    r"|(?<![`A-Za-z0-9])`(?=[^`\s])([^`\n]+?)(?<=[^`\s])`(?![`A-Za-z0-9])"
)
_FENCE = re.compile(r"^ {0,3}(```|~~~)", re.MULTILINE)


def emphasis_candidates(index: int, paragraph: Paragraph) -> list[Candidate]:
    """The text inside emphasis markers: whole when short, in parts at its clauses when long."""
    text = paragraph.text
    if not any(mark in text for mark in ("**", "__", "==", "`")):
        return []
    found: list[Candidate] = []
    for match in _EMPHASIS.finditer(text):
        group = next(g for g in range(1, 5) if match.group(g) is not None)
        start, end = paragraph.strip(match.start(group), match.end(group))
        if start >= end:
            continue
        inner = text[start:end]
        if size(inner) <= QUOTE_WHOLE and not SENTENCE_END.search(inner):
            found.append(Candidate(SCORES["emphasis"], index, start, end, "emphasis"))
        else:
            found += [Candidate(SCORES["part"], index, s, e, "emphasis") for s, e in quote_parts(paragraph, start, end)]
    return found


def code_paragraphs(paragraphs: list[str]) -> set[int]:
    """The paragraphs of a section that are (or are inside) fenced code blocks."""
    code: set[int] = set()
    inside = False
    for index, text in enumerate(paragraphs):
        fences = len(_FENCE.findall(text))
        if inside or fences:
            code.add(index)
        if fences % 2:
            inside = not inside
    return code
