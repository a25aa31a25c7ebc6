"""Text -> Document: residue and title set aside, then the section tree, preamble, closing and numbering."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from pathlib import PurePath

from .contents import RE_TOC_MARKER, toc_end, toc_entry
from .heading_patterns import (
    FAMILY_ORDER,
    HEADING_END,
    MAX_HEADING,
    MINOR_FAMILIES,
    RE_ADORNMENT,
    RE_BREAK,
    RE_FENCE,
    RE_LATIN_ENUM,
    RE_MD_LIST,
    RE_SETEXT,
    SALUTATION,
    SPACES,
)
from .headings import (
    Heading,
    as_letter,
    atx_heading,
    classify,
    latin_start,
    minor_family,
    successor,
)
from .loader import is_markdown
from .model import Document, Section
from .residue import RE_PAGE_NUMBER, strip_comments, strip_residue, take_title
from .section_tree import items_as_sections, join_paragraphs, number_sections, split_closing


@dataclass
class _Node:
    section: Section
    rank: tuple[int, int]
    article: bool = False
    next_label: str | None = None  # B. after A., III. after II.: where this heading's run goes on


def parse(text: str, name: str = "", markdown: bool | None = None) -> Document:
    """Turn a document's text into a `Document`; never raises on any text."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    noise: list[str] = []
    comments: list[str] = []
    if "<!--" in text:
        text = strip_comments(text, comments)
    lines = text.split("\n")
    if markdown is None:
        markdown = is_markdown(name) or any((atx := atx_heading(line)) and atx[1] for line in lines[:2000])
    meta: dict[str, str] = {}
    start, end, tail_noise = strip_residue(lines, meta, noise)
    noise.extend(comments)
    title, title_from, body = take_title(lines[start:end], name, markdown, meta, noise)
    sections = _build(body, markdown, noise, rst=PurePath(name).suffix.lower() == ".rst")
    noise.extend(tail_noise)
    return Document(title=title, title_from=title_from, sections=sections, meta=meta, noise=noise, markdown=markdown)


# ---------------------------------------------------------------- tree building


class _Builder:
    """Walks the body's lines once, opening sections at headings and collecting paragraphs."""

    def __init__(self, markdown: bool, body: list[str]) -> None:
        self.markdown = markdown
        self.body = body
        self.adornments: dict[tuple[str, bool], int] = {}  # reStructuredText styles, by first use
        self.root = _Node(Section(id="", kind="heading", level=0, label="", heading=""), rank=(-9, 0))
        self.preamble = Section(id="", kind="preamble", level=1, label="", heading="")
        self.stack: list[_Node] = [self.root]
        self.families: dict[str, int] = {}
        self.numbers: dict[str, int] = {}  # the number of each family's last heading
        self.block: list[str] = []       # lines of the paragraph(s) being read
        self.saw_heading = False
        self.enumerators: dict[str, list[int]] | None = None  # A. (b) IV. …: where each label opens a line

    def current(self) -> Section:
        return self.stack[-1].section if len(self.stack) > 1 else self.preamble

    def flush(self) -> None:
        if self.block:
            self.current().paragraphs.extend(join_paragraphs(self.block, self.markdown))
            self.block = []

    def text(self, line: str) -> None:
        self.block.append(line)

    def verbatim(self, paragraph: str) -> None:
        self.flush()
        self.current().paragraphs.append(paragraph)

    def open(self, heading: Heading) -> None:
        self.flush()
        self.saw_heading = True
        rank = self.rank(heading)
        while len(self.stack) > 1 and self.stack[-1].rank >= rank:
            self.stack.pop()
        parent = self.stack[-1].section
        section = Section(id="", kind="heading", level=len(self.stack), label=heading.label, heading=heading.heading)
        parent.children.append(section)
        article = heading.family == "di" and heading.depth == FAMILY_ORDER["条"]
        self.stack.append(_Node(section, rank, article, successor(heading) if heading.family[:5] in ("alpha", "roman") else None))
        self.numbers[heading.family] = heading.number
        if heading.body:
            self.block.append(heading.body)  # so that hard-wrapped lines that follow join it

    def in_sequence(self, heading: Heading, i: int) -> Heading | None:
        """A single letter (A. I. (a)) numbers a heading only in a run: after its predecessor, or before its successor.

        So `A. Lincoln said` and `I. M. Pei` alone are text, and I. after H. is the ninth letter.
        The successor must come before the heading that encloses this one goes on (II. → III.).
        """
        letter = as_letter(heading)
        if letter is not None and self.numbers.get(letter.family) == letter.number - 1:
            heading = letter
        name = heading.label.strip("()（）.．、")
        if len(name) != 1 or not name.isascii() or not heading.family.startswith(("alpha", "roman")):
            return heading
        if self.numbers.get(heading.family) == heading.number - 1:
            return heading
        label = successor(heading)
        at = self.next_line(label, i) if label else None
        if at is None:
            return None
        for node in self.stack[1:]:
            ends = self.next_line(node.next_label, i) if node.next_label else None
            if ends is not None and ends < at:
                return None
        return heading

    def next_line(self, label: str, i: int) -> int | None:
        """The first line after line i that opens with this letter or Roman numeral label."""
        if self.enumerators is None:
            self.enumerators = {}
            for j, raw in enumerate(self.body):
                match = RE_LATIN_ENUM.match(raw.strip(SPACES))
                if match:
                    self.enumerators.setdefault(_enum_key(match.group(0)), []).append(j)
        lines = self.enumerators.get(_enum_key(label), [])
        at = bisect_right(lines, i)
        return lines[at] if at < len(lines) else None

    def in_list(self, heading: Heading, line: str) -> bool:
        """①, ⑴ or 1） after a lead-in (以下几点：) or after an item of the same list that is text."""
        if not self.block:
            return False
        previous = self.block[-1]
        return previous[-1:] in "：:" or minor_family(previous) == heading.family

    def adornment(self, char: str, overlined: bool) -> int:
        """reStructuredText levels: each adornment style is one level, in order of first use."""
        return self.adornments.setdefault((char, overlined), len(self.adornments) + 1)

    def rank(self, heading: Heading) -> tuple[int, int]:
        """Markdown headings outrank all others; other families rank by first appearance."""
        if heading.family == "md":
            return (-1, heading.depth)
        if heading.family not in self.families:
            self.families[heading.family] = len(self.families)
        return (self.families[heading.family], heading.depth)


def _build(body: list[str], markdown: bool, noise: list[str], rst: bool = False) -> list[Section]:
    b = _Builder(markdown, body)
    n = len(body)
    i = 0
    while i < n:
        raw = body[i]
        line = raw.strip(SPACES)
        if not line:
            b.flush()
            i += 1
            continue
        if markdown and RE_FENCE.match(raw):
            i = _fence(body, i, b)
            continue
        if RE_PAGE_NUMBER.fullmatch(line):
            noise.append(line)  # a page header or footer left in the middle of the text
            i += 1
            continue
        if RE_TOC_MARKER.fullmatch(line) and len(line) <= 24:
            end = toc_end(body, i)
            for entry in body[i:end]:
                if entry.strip(SPACES):
                    b.verbatim(entry.strip(SPACES))  # the contents are text, not headings
            i = end
            continue
        heading = classify(line, markdown, b.stack[-1].article if len(b.stack) > 1 else False)
        if heading is not None and heading.family != "md" and toc_entry(line):
            heading = None
        if heading is not None and heading.latin and heading.family != "md":
            heading = _latin_heading(heading, body, i, b, markdown)
        if heading is not None and heading.family in MINOR_FAMILIES and b.in_list(heading, line):
            heading = None
        if heading is not None and heading.family[:5] in ("alpha", "roman"):
            heading = b.in_sequence(heading, i)
        if heading is not None and heading.family in ("di", "prefix", "word") and not (heading.heading or heading.body):
            below = None if heading.depth == FAMILY_ORDER["条"] and heading.family == "di" else _title_below(body, i, markdown)
            if below is not None:
                i, heading.heading = below  # 第一章, and its title on the next line
        if rst and heading is None and not b.block and i + 2 < n and RE_ADORNMENT.fullmatch(raw):
            title = body[i + 1].strip(SPACES)
            if title and body[i + 2].strip() == raw.strip() and not RE_ADORNMENT.fullmatch(title):
                b.open(Heading("md", b.adornment(raw.strip()[0], True), "", title))
                i += 3  # overline and underline are punctuation only
                continue
        if heading is None and not b.block and len(line) <= MAX_HEADING * 2 and i + 1 < n and line[-1] not in "。！；：;:!.":
            # A sentence over a rule is a sentence and a rule, not a setext heading.
            underline = (RE_ADORNMENT if rst else RE_SETEXT).fullmatch(body[i + 1])
            if underline and len(underline.group(1) if not rst else body[i + 1].strip()) >= 2 and not RE_MD_LIST.match(line):
                char = body[i + 1].strip()[0]
                depth = b.adornment(char, False) if rst else (1 if char == "=" else 2)
                b.open(Heading("md", depth, "", line.rstrip("。；！;!")))
                i += 2  # the underline is punctuation only
                continue
        if heading is None:
            if RE_BREAK.fullmatch(raw):
                b.flush()
                i += 1  # a thematic break: punctuation only, nothing to keep
                continue
            b.text(line)
            i += 1
            continue
        b.open(heading)
        i += 1
    b.flush()
    return _finish(b)


def _fence(body: list[str], i: int, b: _Builder) -> int:
    """A Markdown code fence is one paragraph, kept verbatim with its line ends."""
    opening = RE_FENCE.match(body[i])
    assert opening is not None  # only called on a fence line
    fence = opening.group(1)
    j = i + 1
    while j < len(body) and not body[j].lstrip(" ").startswith(fence):
        j += 1
    end = min(j + 1, len(body))
    b.verbatim("\n".join(line.rstrip() for line in body[i:end]))
    return end


def _latin_heading(heading: Heading, body: list[str], i: int, b: _Builder, markdown: bool) -> Heading | None:
    """English numbered lines are headings only when they stand apart and read as titles.

    A hard-wrapped sentence may start a line with `Section 2 of` or `1. The`, and
    `1. Buy milk` next to `2. Eggs` is a list: neither opens a section.
    """
    if b.block:
        return None  # the line continues a paragraph
    following = body[i + 1].strip(SPACES) if i + 1 < len(body) else ""
    wrapped = len(body[i].strip(SPACES)) >= 50 and latin_start(following) and classify(following, markdown) is None
    if heading.family == "word" and heading.rest and wrapped:
        # `Section 1. All legislative Powers herein granted shall be vested in a` goes on
        # in the next line: the words after the label are the start of its body.
        return Heading("word", heading.depth, heading.label, "", heading.rest, latin=True)
    if heading.family != "word" and (heading.body or not heading.heading):
        return None  # a sentence after a number is a list item
    if wrapped:
        return None
    if heading.family.startswith(("decimal", "num_", "alpha", "roman")) and following:
        nxt = classify(following, markdown)
        if nxt is not None and nxt.family == heading.family and nxt.depth == heading.depth:
            return None
    return heading


def _enum_key(label: str) -> str:
    """B. and B．, (b) and （b） are one label."""
    return label.replace("．", ".").replace("（", "(").replace("）", ")")


def _title_below(body: list[str], i: int, markdown: bool) -> tuple[int, str] | None:
    """The title of a division written alone (第一章, Chapter 1) on the next line, a blank line between or not."""
    j = i + 1 if i + 1 < len(body) and body[i + 1].strip(SPACES) else i + 2
    line = body[j].strip(SPACES) if j < len(body) else ""
    if (
        not line
        or len(line) > MAX_HEADING
        or line[-1] in "，,、；;：:"
        or any(mark in line[:-1] for mark in HEADING_END)
        or (line[-1] in HEADING_END and not (line.isupper() and latin_start(line)))  # DOWN THE RABBIT-HOLE!
        or line[0] in "#>|-*+`=~<[!"
        or SALUTATION.match(line)
        or RE_PAGE_NUMBER.fullmatch(line)
        or RE_TOC_MARKER.fullmatch(line)
        or toc_entry(line)
        or classify(line, markdown) is not None
    ):
        return None
    if not latin_start(line):
        # A hard-wrapped line of a paragraph has its commas; a title on its own line is short.
        return (j, line) if len(line) <= 24 or not any(mark in line for mark in "，,；;") else None
    after = body[j + 1].strip(SPACES) if j + 1 < len(body) else ""
    if (line[-1] == "." and not line.isupper()) or (after and classify(after, markdown) is None):
        return None  # the first line of an English paragraph, not a title standing alone
    return j, line.rstrip(".!")  # DOWN THE RABBIT-HOLE.


def _finish(b: _Builder) -> list[Section]:
    top = b.root.section.children
    preamble = b.preamble
    if not b.saw_heading:
        top = items_as_sections(preamble.paragraphs)
        if top:
            preamble.paragraphs = []
    if top and top[-1].kind == "heading":
        split_closing(top)
    if preamble.paragraphs:
        top.insert(0, preamble)
    if not top:
        top = [preamble]
    number_sections(top, "")
    return top
