"""What the rules learn from the whole document before choosing any section's blanks."""

from __future__ import annotations

import re

from tui.core.paragraph import (
    CLOSERS,
    GENERIC,
    MARK,
    OPENERS,
    Paragraph,
    has_word,
    known_formulations,
    size,
)
from tui.core.phrase_rules import QUOTE_WHOLE, SCORES, Candidate
from tui.core.term_scores import TermStats

MARKED_EVERY = 500  # characters per quote in a document that marks its own key points
FORGET_ABOVE = 2_000_000  # characters of a document whose segmentation is not kept between passes


class Context:
    """The document's quoted terms and where they occur unquoted, section by section."""

    def __init__(self, sections: list[list[Paragraph]], headings: list[str] | None = None) -> None:
        self.sections = [paragraphs for paragraphs in sections if paragraphs]
        self.terms = TermStats()
        # A long document is segmented again when its sections are done rather than held whole.
        forget = sum(len(p.text) for paragraphs in sections for p in paragraphs) > FORGET_ABOVE
        for number, paragraphs in enumerate(sections):
            self.terms.add_section(number, paragraphs)
            if forget:
                for paragraph in paragraphs:
                    paragraph.release()
        self.terms.finish()
        for number, heading in enumerate(headings or []):
            self.terms.add_heading(heading)
            self.terms.section_headings[number] = heading
        terms: set[str] = set()
        for paragraph in (p for paragraphs in sections for p in paragraphs):
            if not paragraph.text or not MARK.search(paragraph.text):
                continue
            for start, end, kind in paragraph.quotes:
                start, end = paragraph.strip(start, end)
                term = paragraph.text[start:end]
                if kind == "quote" and len(term) >= 2 and size(term) <= QUOTE_WHOLE and has_word(term):
                    if not MARK.search(term):
                        terms.add(term)
        self.quoted = terms
        # A document that marks its key points itself (a quote every few hundred characters)
        # needs statistics only for what is plainly a term: defined, framed or in a heading.
        marks = sum(len(p.quotes) for paragraphs in sections for p in paragraphs if MARK.search(p.text))
        characters = sum(len(p.text) for paragraphs in sections for p in paragraphs)
        self.terms.marked = marks * MARKED_EVERY >= characters > 0
        # The document marks these as terms; their unquoted occurrences are terms too,
        # unless they are everywhere (a word quoted for what it is: The Word "the").
        matcher = _Matcher(terms | set(known_formulations()))
        self.matches: list[list[tuple[int, int, int, str]]] = []
        spread: dict[str, int] = {}
        for paragraphs in sections:
            found = []
            for index, paragraph in enumerate(paragraphs):
                text = paragraph.text
                for start, end in matcher.find(text):
                    if start > 0 and end < len(text) and text[start - 1] in OPENERS and text[end] in CLOSERS:
                        continue  # the quote rule has it
                    if text[start - 1 : start] == '"' or text[end : end + 1] == '"':
                        continue
                    found.append((index, start, end, text[start:end]))
            for term in {f[3] for f in found}:
                spread[term] = spread.get(term, 0) + 1
            self.matches.append(found)
        filled = len(self.sections)
        self.common = {t for t, n in spread.items() if filled >= 4 and n > filled / 2}
        self.common |= {t for t in terms if t.lower() in GENERIC or (t.isascii() and len(t) < 4)}


class _Matcher:
    """Finds many literal terms in a text in one pass: at each position only the lengths of
    the terms that start with that character are tried (linear, unlike a long alternation)."""

    def __init__(self, terms: set[str]) -> None:
        self.terms = {t for t in terms if t}
        lengths: dict[str, set[int]] = {}
        for term in self.terms:
            lengths.setdefault(term[0], set()).add(len(term))
        self.lengths = {first: sorted(ls, reverse=True) for first, ls in lengths.items()}
        self.firsts = re.compile("[" + "".join(re.escape(c) for c in sorted(lengths)) + "]") if lengths else None

    def find(self, text: str) -> list[tuple[int, int]]:
        """Leftmost-longest, non-overlapping occurrences."""
        found: list[tuple[int, int]] = []
        if self.firsts is None:
            return found
        lengths, terms, taken = self.lengths, self.terms, 0
        for match in self.firsts.finditer(text):
            at = match.start()
            if at < taken:
                continue
            hit = next((n for n in lengths[text[at]] if text[at : at + n] in terms), 0)
            if hit:
                found.append((at, at + hit))
                taken = at + hit
        return found


def marked_term_candidates(
    paragraphs: list[Paragraph], context: Context, matches: list[tuple[int, int, int, str]]
) -> list[Candidate]:
    """Unquoted occurrences of the document's quoted terms and of well-known formulations
    (`matches`, from `Context.matches`): the first of each in a section."""
    found: list[Candidate] = []
    seen: set[str] = set(context.common)
    for index, start, end, term in matches:
        if term not in seen and start in paragraphs[index].bounds and end in paragraphs[index].bounds:
            seen.add(term)
            found.append(Candidate(SCORES["formulation"], index, start, end, "formulation"))
    return found
