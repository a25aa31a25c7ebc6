"""A PDF as text: pages in order, running headers, footers and page numbers dropped, hard-wrapped lines joined.

pypdf reads the text (measured against pdfminer.six on Chinese text: the same characters,
about four times faster, which a 300-page file needs). A PDF keeps no paragraphs, only
lines: a line that stops short of the measure, or a next line that is indented or
opens with a heading's number, ends a paragraph; the other lines are joined, Chinese
directly and English with a space, a hyphenated word made whole.
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from rich.cells import cell_len

from ..heading_patterns import HEADING_END, MAX_HEADING, SPACES
from ..headings import classify
from ..loader import LoadError
from .blocks import Block, compose, join_lines

Progress = Callable[[int, int], None]

# A page number alone on its line, as Chinese and English documents print them.
RE_PAGE_NUMBER = re.compile(
    r"[-—–－~·]{1,2}\s*\d{1,4}\s*[-—–－~·]{1,2}|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}(?:\s*/\s*\d{1,4})?|(?:Page|page|PAGE|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?"
)
_EDGE = 3  # lines at the top and at the bottom of a page where headers, footers and numbers are looked for
_RUNNING_SHARE = 0.4  # a line at the edge of at least this share of pages runs on every page: a header or footer
_INDENT = ("\u3000", "  ", "\t")
_SCANNED_CHARS = 10  # fewer characters than this per page, with images on the pages: a scan


def read(data: bytes, name: str, progress: Progress | None = None) -> str:
    """The text of a PDF, in the form the outline reads."""
    pages = page_texts(data, name, progress)
    return compose(paragraphs(pages))


def page_texts(data: bytes, name: str, progress: Progress | None = None) -> list[str]:
    """Each page's text as pypdf reads it; LoadError for an encrypted, damaged or scanned file."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PyPdfError

    # pypdf reports what it forgives in a damaged file through logging, which would reach the terminal.
    logger = logging.getLogger("pypdf")
    logger.setLevel(logging.CRITICAL)
    logger.propagate = False
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                # Many published PDFs are encrypted only to restrict printing: their user password is empty.
                if not reader.decrypt(""):
                    raise LoadError("encrypted", name=name)
            except (DependencyError, FileNotDecryptedError, NotImplementedError):
                raise LoadError("encrypted", name=name) from None
        count = len(reader.pages)
    except LoadError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError, RecursionError) as error:
        raise LoadError("corrupt", name=name, format="PDF", detail=_message(error)) from None
    texts: list[str] = []
    images = 0
    for number in range(count):
        try:
            page = reader.pages[number]
            texts.append(page.extract_text() or "")
            images += _has_images(page)
        except FileNotDecryptedError:
            raise LoadError("encrypted", name=name) from None
        except Exception:  # one unreadable page costs itself, not the document
            texts.append("")
        if progress is not None:
            progress(number + 1, count)
    characters = sum(len("".join(text.split())) for text in texts)
    if characters < _SCANNED_CHARS * max(count, 1) and images:
        raise LoadError("scanned", name=name)
    if not characters:
        raise LoadError("no_text", name=name, format="PDF")
    return texts


def _has_images(page: object) -> bool:
    try:
        resources = page["/Resources"]  # type: ignore[index]  # pypdf: a page is a dictionary, its objects untyped
        objects = resources.get("/XObject") if resources is not None else None
        if objects is None:
            return False
        objects = objects.get_object()
        return any(objects[key].get_object().get("/Subtype") == "/Image" for key in objects)
    except Exception:
        return False


# ---------------------------------------------------------------- lines into paragraphs


@dataclass
class _Line:
    text: str  # stripped
    indented: bool
    width: int  # terminal cells: a CJK character counts two, so widths compare across scripts


def paragraphs(pages: list[str]) -> list[Block]:
    """The pages' lines as paragraphs: running headers, footers and page numbers dropped, wrapped lines joined."""
    lines = [line for page in body_lines(pages) for line in page]
    if not lines:
        return []
    measure = _measure([line.width for line in lines])
    blocks: list[Block] = []
    current: list[str] = []
    for i, line in enumerate(lines):
        if current and _starts_paragraph(lines[i - 1], line, measure):
            blocks.append(Block(join_lines(current)))
            current = []
        current.append(line.text)
    if current:
        blocks.append(Block(join_lines(current)))
    return blocks


def body_lines(pages: list[str]) -> list[list[_Line]]:
    """Each page's lines without its running header and footer and its page number."""
    split = [[line.rstrip() for line in page.split("\n") if line.strip(SPACES)] for page in pages]
    running = _running_lines(split)
    out: list[list[_Line]] = []
    for page in split:
        kept: list[_Line] = []
        last = len(page) - 1
        for i, raw in enumerate(page):
            text = raw.strip(SPACES)
            at_edge = i < _EDGE or i > last - _EDGE
            if at_edge and (RE_PAGE_NUMBER.fullmatch(text) or _key(text) in running):
                continue
            # The width counts the indent: an indented first line is as full as any.
            kept.append(_Line(text, raw.startswith(_INDENT), _width(raw.replace("\t", "    "))))
        out.append(kept)
    return out


def _width(text: str) -> int:
    """How wide a line is set, in half-ems: in a Chinese line its quotes and dashes are as wide as a character."""
    wide = sum(1 for ch in text if ord(ch) >= 0x2000)
    if wide * 2 < len(text):
        return cell_len(text)
    return len(text) + wide


def _key(text: str) -> str:
    """A header or footer as it repeats: its page number and spacing aside."""
    return re.sub(r"\d+", "#", "".join(text.split()))


def _running_lines(pages: list[list[str]]) -> set[str]:
    """Lines at the edge of many pages: the document's running headers and footers.

    Two pages share only their first or last two lines that way; from three on, a line at
    the top or bottom of two in five pages is taken for one.
    """
    if len(pages) < 2:
        return set()
    edge = 2 if len(pages) == 2 else _EDGE
    seen: Counter[str] = Counter()
    for page in pages:
        edges = page[:edge] + page[max(edge, len(page) - edge):]
        seen.update({_key(line) for line in edges if len(line.strip()) <= 60})
    least = 2 if len(pages) == 2 else max(3, round(len(pages) * _RUNNING_SHARE))
    return {key for key, count in seen.items() if count >= least and key}


def _measure(widths: list[int]) -> int:
    """The width of a full line: what most long lines reach."""
    ordered = sorted(widths)
    return ordered[int(len(ordered) * 0.9)] if len(ordered) >= 10 else ordered[-1]


def _short(line: _Line, measure: int) -> bool:
    """Whether a line stops before the measure: the last line of its paragraph."""
    cjk = sum(1 for ch in line.text if ord(ch) >= 0x2000) * 2 >= len(line.text)
    # Chinese is set on a grid, short only by the punctuation pushed to the next line;
    # English in a proportional font varies from line to line.
    slack = 4 if cjk else max(4, measure * 0.15)
    return line.width < measure - slack


def _starts_paragraph(previous: _Line, line: _Line, measure: int) -> bool:
    if line.indented:
        return True
    heading = classify(line.text, markdown=False)
    if heading is not None and heading.family != "word":
        return True
    if not _short(previous, measure):
        return False
    return not _heading_goes_on(previous, line, measure)


def _heading_goes_on(previous: _Line, line: _Line, measure: int) -> bool:
    """A heading set large, wrapped: its second line is short, ends without a full stop, and nothing else."""
    heading = classify(previous.text, markdown=False)
    if heading is None or heading.family == "word" or heading.body:
        return False
    if previous.text[-1] in "。！？!?；;：:，,、" or line.text[-1] in HEADING_END:
        return False
    return _short(line, measure) and len(previous.text) + len(line.text) <= MAX_HEADING


def _message(error: BaseException) -> str:
    words = str(error).strip().splitlines()
    return (words[0] if words else type(error).__name__)[:80]
