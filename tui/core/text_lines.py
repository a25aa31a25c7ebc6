"""A document's text as the reader shows it, laid out in lines of a width: sections, phrases, matches.

Textual-free: the text pane (tui/widgets/text_view.py) draws these lines and scrolls them.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping
from typing import NamedTuple

from .inline import Inline, parse_inline
from .model import Document, Phrase, Section
from .names import display_heading
from .search import find_all, fold
from .wrap import wrap

# The "paragraph" of a line that is a heading or a blank separator.
HEADING = -1
BLANK = -2


class DrawnLine(NamedTuple):
    """How line y is drawn: its text shown, its heading's level (1-3; 0 for body text), and the spans to
    style in order, each (start, end, the style's name, partial: only the style's own attributes)."""

    text: str
    heading_level: int
    spans: list[tuple[int, int, str, bool]]


class LineInfo(NamedTuple):
    """What one laid-out line shows: `paragraph` is HEADING (-1) for the heading's text."""

    section_id: str
    paragraph: int
    start: int
    end: int


class TextLines:
    """The shown text of a document's sections, its lines at one width, its phrases and matches."""

    def __init__(self, captions: Mapping[str, str] | None = None) -> None:
        self._captions: dict[str, str] = dict(captions or {})
        self._document: Document | None = None
        self._sections: list[Section] = []
        self._index: dict[str, int] = {}
        self._headings: list[str] = []
        # Markdown paragraphs as shown (markers hidden), where that differs from the raw text.
        self._inline: dict[tuple[int, int], Inline] = {}
        # The layout: one (section index, paragraph, start, end) per line.
        self._lines: list[tuple[int, int, int, int]] = []
        self._section_lines: list[int] = []
        self._paragraph_lines: dict[tuple[int, int], tuple[int, list[int]]] = {}
        self._layout_width = 0
        self._phrases: dict[tuple[int, int], list[tuple[int, int]]] = {}
        self._matches: list[tuple[int, int, int, int]] = []
        self._match_spans: dict[tuple[int, int], list[tuple[int, int, int]]] = {}
        self._match_index: int | None = None

    def take_document(self, document: Document) -> None:
        """Show `document`: its sections in reading order, not laid out yet, with no matches."""
        self._document = document
        self._sections = list(document.walk())
        self._index = {section.id: number for number, section in enumerate(self._sections)}
        self._read_markdown()
        self._matches, self._match_spans, self._match_index = [], {}, None

    def _read_markdown(self) -> None:
        """The headings' names, and in a Markdown document the text shown of each paragraph."""
        self._headings = []
        self._inline = {}
        markdown = self._document is not None and self._document.markdown
        for number, section in enumerate(self._sections):
            heading = display_heading(section, self._captions, preview=False)
            self._headings.append(parse_inline(heading).text if markdown else heading)
            if markdown:
                for paragraph, text in enumerate(section.paragraphs):
                    inline = parse_inline(text)
                    if inline.text != text or inline.styles:
                        self._inline[(number, paragraph)] = inline

    def _take_phrases(self, phrases: Mapping[str, list[Phrase]]) -> None:
        """The key phrases, given per section id, as spans of the text shown; bad ones skipped."""
        spans: dict[tuple[int, int], list[tuple[int, int]]] = {}
        for section_id, section_phrases in phrases.items():
            number = self._index.get(section_id)
            if number is None:
                continue
            paragraphs = self._sections[number].paragraphs
            for phrase in section_phrases:
                if 0 <= phrase.paragraph < len(paragraphs) and 0 <= phrase.start < phrase.end <= len(
                    paragraphs[phrase.paragraph]
                ):
                    # Phrases are raw offsets; the text shown may have left Markdown markers out.
                    inline = self._inline.get((number, phrase.paragraph))
                    span = inline.shown_span(phrase.start, phrase.end) if inline else (phrase.start, phrase.end)
                    spans.setdefault((number, phrase.paragraph), []).append(span)
        for value in spans.values():
            value.sort()
        self._phrases = spans

    @property
    def line_count(self) -> int:
        """Lines of laid-out text (the view may add blank room after them)."""
        return len(self._lines)

    def line_info(self, y: int) -> LineInfo | None:
        """What line `y` of the layout shows (None for a blank line or past the end)."""
        if not 0 <= y < len(self._lines):
            return None
        number, paragraph, start, end = self._lines[y]
        if paragraph == BLANK:
            return None
        return LineInfo(self._sections[number].id, paragraph, start, end)

    def line_text(self, y: int) -> str:
        """The plain text of line `y` of the layout."""
        if not 0 <= y < len(self._lines):
            return ""
        number, paragraph, start, end = self._lines[y]
        return self._source(number, paragraph)[start:end]

    def drawn_line(self, y: int, highlight_phrases: bool) -> DrawnLine | None:
        """How line `y` is drawn (None for a blank line or past the end): Markdown styles, phrases, matches."""
        if not 0 <= y < len(self._lines):
            return None
        number, paragraph, start, end = self._lines[y]
        if paragraph == BLANK:
            return None
        level = min(max(self._sections[number].level, 1), 3) if paragraph == HEADING else 0
        spans: list[tuple[int, int, str, bool]] = []
        key = (number, paragraph)
        inline = self._inline.get(key)
        if inline is not None:
            for span_start, span_end, name in inline.styles:
                if span_end > start and span_start < end:
                    spans.append((max(span_start, start) - start, min(span_end, end) - start, name, True))
        if highlight_phrases:
            for span_start, span_end in self._phrases.get(key, []):  # sorted by start; a paragraph has few
                if span_start >= end:
                    break
                if span_end > start:
                    spans.append((max(span_start, start) - start, min(span_end, end) - start, "phrase", False))
        for match_start, match_end, index in self._match_spans.get(key, []):
            if match_end > start and match_start < end:
                chosen = "current-match" if index == self._match_index else "match"
                spans.append((max(match_start, start) - start, min(match_end, end) - start, chosen, False))
        return DrawnLine(self._source(number, paragraph)[start:end], level, spans)

    def section_line(self, section_id: str) -> int | None:
        """The line of a section's heading."""
        number = self._index.get(section_id)
        return None if number is None or not self._section_lines else self._section_lines[number]

    def _source(self, number: int, paragraph: int) -> str:
        if paragraph == HEADING:
            return self._headings[number]
        if paragraph == BLANK:
            return ""
        inline = self._inline.get((number, paragraph))
        return inline.text if inline else self._sections[number].paragraphs[paragraph]

    def _wrap_lines(self, width: int) -> None:
        """Lay every heading and paragraph out in lines of `width` cells."""
        lines: list[tuple[int, int, int, int]] = []
        section_lines: list[int] = []
        paragraph_lines: dict[tuple[int, int], tuple[int, list[int]]] = {}
        for number, section in enumerate(self._sections):
            if number:
                lines.append((number - 1, BLANK, 0, 0))
            section_lines.append(len(lines))
            spans = wrap(self._headings[number], width)
            paragraph_lines[(number, HEADING)] = (len(lines), [start for start, _ in spans])
            lines.extend([(number, HEADING, start, end) for start, end in spans])
            for paragraph in range(len(section.paragraphs)):
                if paragraph:
                    lines.append((number, BLANK, 0, 0))
                spans = wrap(self._source(number, paragraph), width)
                paragraph_lines[(number, paragraph)] = (len(lines), [start for start, _ in spans])
                lines.extend([(number, paragraph, start, end) for start, end in spans])
        self._lines = lines
        self._section_lines = section_lines
        self._paragraph_lines = paragraph_lines

    def _line_of(self, number: int, paragraph: int, offset: int) -> int | None:
        found = self._paragraph_lines.get((number, paragraph))
        if found is None:
            return None
        first, starts = found
        return first + max(0, bisect_right(starts, offset) - 1)

    # ---- search ----

    @property
    def match_count(self) -> int:
        return len(self._matches)

    @property
    def match_index(self) -> int | None:
        """The index of the current match, None before next_match/previous_match."""
        return self._match_index

    @property
    def matched_sections(self) -> set[str]:
        return {self._sections[number].id for number, _p, _s, _e in self._matches}

    def _find(self, query: str) -> None:
        """Every occurrence of `query` in the text shown, ignoring width and case; none current yet."""
        folded_query = fold(query)
        matches: list[tuple[int, int, int, int]] = []
        if folded_query:
            for number, section in enumerate(self._sections):
                for paragraph in range(HEADING, len(section.paragraphs)):
                    for start, end in find_all(self._source(number, paragraph), folded_query):
                        matches.append((number, paragraph, start, end))
        self._matches = matches
        self._match_index = None
        self._match_spans = {}
        for index, (number, paragraph, start, end) in enumerate(matches):
            self._match_spans.setdefault((number, paragraph), []).append((start, end, index))
