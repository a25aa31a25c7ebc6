"""The outline's paragraphs and finishing touches: wrapped lines re-joined, 一是……二是…… items as sections, the closing address, the numbering."""

from __future__ import annotations

from .heading_patterns import MAX_HEADING, RE_ITEM, RE_MD_LIST, SALUTATION, SPACES, TRAILING_PUNCT
from .headings import heading_end, latin_end, latin_start
from .lazy_pattern import lazy_compile
from .model import Section
from .numerals import read_numeral

# The thanks that end a speech: with a salutation, they open the closing section.
CLOSING_WORDS = lazy_compile(r"(?:谢谢大家|谢谢|Thank you)[！!。.]?$")


def join_paragraphs(lines: list[str], markdown: bool) -> list[str]:
    """Re-join hard-wrapped Latin lines; CJK lines are paragraphs as they stand."""
    paragraphs: list[list[str]] = []
    previous = ""
    for line in lines:
        if paragraphs and _joins(previous, line, markdown):
            if previous.endswith("-") and previous[-2:-1].isalpha() and line[:1].islower():
                paragraphs[-1].append(line)  # a word hyphenated at the line end
            else:
                paragraphs[-1].append(" " + line)
        else:
            paragraphs.append([line])
        previous = line
    return ["".join(parts) for parts in paragraphs]


def _joins(previous: str, line: str, markdown: bool) -> bool:
    if RE_MD_LIST.match(line) or line[:1] in ">|" or previous[:1] == "|":
        return False
    if not (latin_end(previous) and latin_start(line)):
        return False
    # Outside Markdown a short line ended its paragraph (an address, a verse, a list).
    return markdown or len(previous) >= 40


def items_as_sections(paragraphs: list[str]) -> list[Section]:
    """With no numbered headings, 一是……二是…… paragraphs become the sections."""
    starts = [i for i, p in enumerate(paragraphs) if (m := RE_ITEM.match(p)) and read_numeral(m.group(2) or m.group(3)) is not None]
    if len(starts) < 2 or not paragraphs[starts[0]].startswith(("一", "第一")):
        return []
    sections: list[Section] = []
    if starts[0] > 0:
        sections.append(Section(id="", kind="preamble", level=1, label="", heading="", paragraphs=paragraphs[: starts[0]]))
    bounds = starts + [len(paragraphs)]
    for here, there in zip(bounds, bounds[1:]):
        first = paragraphs[here]
        match = RE_ITEM.match(first)
        assert match is not None  # `starts` holds only paragraphs that open with an item
        rest = first[match.end():].lstrip(SPACES)
        cut = heading_end(rest)
        if cut is not None:
            heading, body = rest[:cut].rstrip(TRAILING_PUNCT), rest[cut + 1:]
        elif len(rest) <= MAX_HEADING:
            heading, body = rest.rstrip(TRAILING_PUNCT), ""
        else:
            # No sentence end early on: the first clause names the item, if it is short.
            comma = next((j for j, ch in enumerate(rest[:MAX_HEADING]) if ch in "，,"), None)
            heading, body = (rest[:comma], rest[comma + 1:]) if comma else ("", rest)
        paras = ([body.lstrip(SPACES)] if body.strip(SPACES) else []) + paragraphs[here + 1: there]
        label = match.group(1).rstrip("，,、")
        sections.append(Section(id="", kind="heading", level=1, label=label, heading=heading, paragraphs=paras))
    return sections


def split_closing(top: list[Section]) -> None:
    """Move the closing address (同志们，……谢谢大家！) after the last section to its own section."""
    last = top[-1]
    while last.children:
        last = last.children[-1]
    for j, paragraph in enumerate(last.paragraphs):
        if SALUTATION.match(paragraph) or CLOSING_WORDS.match(paragraph):
            if j == 0 and not last.heading:
                return  # the section would be left empty: its text is its own
            closing = Section(id="", kind="closing", level=1, label="", heading="", paragraphs=last.paragraphs[j:])
            del last.paragraphs[j:]
            top.append(closing)
            return


def number_sections(sections: list[Section], prefix: str, level: int = 1) -> None:
    """Give each section its id (1, 1.2, 1.2.3 under `prefix`) and its level, in order."""
    for index, section in enumerate(sections, 1):
        section.id = f"{prefix}{index}"
        section.level = level
        number_sections(section.children, f"{section.id}.", level + 1)
