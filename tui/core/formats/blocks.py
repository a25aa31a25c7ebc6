"""What every reader produces, paragraphs and headings in order, written out as the text `outline.parse` reads."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..heading_patterns import SPACES
from ..headings import classify, latin_end, latin_start


@dataclass(frozen=True)
class Block:
    """A paragraph (level 0) or a heading (level 1-9) as the file marks it, numbering included."""

    text: str
    level: int = 0


def compose(blocks: Iterable[Block], title: str = "") -> str:
    """The blocks as one text, a line each, in the form the outline's grammar reads.

    When the heading grammar reads every marked heading as a heading on its own
    (一、…, （一）…, 第一章 …, 1. …), the text is written as plain lines: the same text a
    .txt of the document holds, so the outline (and the document's identity) is the
    same whichever file was opened. When some heading has no number the grammar knows
    (a Word heading "总体要求", an HTML <h2>Background</h2>), the headings are written as
    Markdown `#` headings at the file's levels. A heading that runs on into its body
    (（一）把握核心要义。习近平……) stays a plain line: the grammar cuts it at its first 。.

    A `title` (a web page's, a book's) comes first: a `#` heading above headings one
    level down in Markdown, a plain first line otherwise.
    """
    cleaned = [Block(text, block.level) for block in blocks if (text := _one_line(block))]
    markdown = any(block.level and not _reads_as_heading(block.text) for block in cleaned)
    title = join_lines([line.strip(SPACES) for line in title.split("\n") if line.strip(SPACES)])
    if title:
        if markdown:
            shift = 2 - min(block.level for block in cleaned if block.level)
            cleaned = [Block(b.text, min(b.level + shift, 9) if b.level else 0) for b in cleaned]
        cleaned.insert(0, Block(title, 1 if markdown else 0))
    lines: list[str] = []
    previous = ""
    for block in cleaned:
        text = block.text if block.level == 0 else _heading(block, markdown)
        for line in text.split("\n"):
            if not line.strip(SPACES):
                continue
            if previous and (_would_join(previous, line) or (markdown and "#" in (line[:1], previous[:1]))):
                lines.append("")  # a blank line keeps two paragraphs apart where the grammar would join them
            lines.append(line)
            previous = line
    return "\n".join(lines)


def _one_line(block: Block) -> str:
    """A paragraph keeps its line breaks; a heading broken over lines is one line again."""
    text = "\n".join(line.strip(SPACES) for line in block.text.split("\n"))
    text = "\n".join(line for line in text.split("\n") if line)
    if block.level:
        return join_lines(text.split("\n"))
    return text


def join_lines(lines: list[str]) -> str:
    """Lines of one paragraph or heading as one: CJK lines meet directly, Latin ones with a space."""
    out = ""
    for line in lines:
        if not out:
            out = line
        elif out.endswith("-") and out[-2:-1].isalpha() and line[:1].islower():
            out = out[:-1] + line  # a word hyphenated at the line end
        elif latin_end(out) and latin_start(line):
            out += " " + line
        else:
            out += line
    return out


def _reads_as_heading(text: str) -> bool:
    heading = classify(text, markdown=False)
    return heading is not None and heading.family != "word" and bool(heading.heading or heading.body)


def _heading(block: Block, markdown: bool) -> str:
    if not markdown:
        return block.text
    found = classify(block.text, markdown=False)
    if found is not None and found.body and found.family != "word":
        return block.text  # a heading run on into its body: the grammar reads it as it stands
    return "#" * min(block.level, 6) + " " + block.text


def _would_join(previous: str, line: str) -> bool:
    """Whether the outline would take these two lines for one hard-wrapped paragraph."""
    return latin_end(previous) and latin_start(line)
