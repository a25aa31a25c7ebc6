"""A web page saved from a browser (.html, .htm, .mhtml) as text: the article's title and main text only.

trafilatura finds the main content (no menus, related links, comments or footer) and
keeps its headings and bold. It reads the page as given and fetches nothing. Headings
come from <h1>-<h6>, and from paragraphs wholly in bold, which is how news sites set
their 一、 headings; an editor's line (责任编辑：…) is dropped.
"""

from __future__ import annotations

import re
from typing import Any

from ..heading_patterns import HEADING_END, MAX_HEADING, SPACES
from ..headings import classify
from ..loader import LoadError
from .blocks import Block, compose

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
# The lines a news page signs off with: who edited, checked and approved the article.
EDITOR_LINE = re.compile(
    r"[（(【\[]?\s*(?:责任编辑|责编|编辑|实习编辑|校对|审校|审核|初审|复审|终审|监制|值班编辑|签发|美编)\s*[:：]"
    r"[^。！？]{0,30}[）)】\]]?"
)
_MAX_BOLD_HEADING = MAX_HEADING
# What an lxml tree cannot hold, XML having no place for it: C0 controls but tab, line feed
# and carriage return, and U+FFFE, U+FFFF. trafilatura drops these where they stand in a
# page as they are; the HTML parser also makes them from a numeric character reference
# (&#x1b;, &#27, &#7;), and one of those in the tree made trafilatura give up the whole page.
_NOT_XML = r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]"
_NOT_XML_CHARACTER = re.compile(_NOT_XML)
_NOT_XML_IN_PAGE = re.compile(rf"{_NOT_XML}|&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));?")


def read(data: bytes, name: str, mhtml: bool = False) -> str:
    """The text of a saved web page, in the form the outline reads."""
    page = _mhtml_page(data, name) if mhtml else decode_page(data)
    title, blocks = article(page)
    if not blocks:
        raise LoadError("no_text", name=name, format="MHTML" if mhtml else "HTML")
    return compose(blocks, title=title)


def decode_page(data: bytes) -> str:
    """A page's bytes as text: its BOM, else the charset its <meta> names, else UTF-8, else GB18030."""
    from ..loader import decode

    for bom, encoding in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(encoding, "replace")
    declared = _CHARSET.search(data[:4096])
    if declared:
        encoding = declared.group(1).decode("ascii").lower()
        if encoding in ("gb2312", "gbk", "gb_2312-80", "x-gbk"):
            encoding = "gb18030"  # what pages that say GB2312 or GBK really hold
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return decode(data)
    except LoadError:
        return data.decode("utf-8", "replace")


def _mhtml_page(data: bytes, name: str) -> str:
    """The HTML of a page saved as one MIME file (.mhtml): its first text/html part."""
    import email
    import email.policy

    message = email.message_from_bytes(data, policy=email.policy.default)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if not isinstance(payload, bytes):
                continue
            charset = part.get_content_charset()
            if charset:
                try:
                    return payload.decode("gb18030" if charset.lower() in ("gb2312", "gbk") else charset)
                except (LookupError, UnicodeDecodeError):
                    pass
            return decode_page(payload)
    raise LoadError("corrupt", name=name, format="MHTML", detail="no HTML part")


def article(page: str) -> tuple[str, list[Block]]:
    """The page's title and its main text as blocks."""
    import trafilatura
    from lxml import etree

    options: dict[str, Any] = {
        "output_format": "xml",
        "include_formatting": True,
        "include_tables": True,
        "include_comments": False,
        "include_images": False,
        "include_links": False,
        "with_metadata": True,
    }
    page = _NOT_XML_IN_PAGE.sub(_kept_in_xml, page)
    extracted = trafilatura.extract(page, **options) or trafilatura.extract(page, favor_recall=True, **options)
    if not extracted:
        return "", []
    root = etree.fromstring(extracted.encode("utf-8"))
    main = root.find("main")
    if main is None:
        return "", []
    blocks = list(_blocks(main))
    title = _title(root.get("title") or "", blocks)
    if title and blocks and blocks[0].level and _same(blocks[0].text, title):
        blocks = blocks[1:]  # the article's own <h1> is the title
    return title, _levels(blocks)


def _kept_in_xml(found: re.Match[str]) -> str:
    """A character an lxml tree cannot hold, as it is or as a reference, dropped as trafilatura drops a bare one
    (the terminal never sees it); any other reference kept for the parser to read."""
    digits, base = (found[1], 16) if found[1] is not None else (found[2], 10)
    if digits is None:
        return ""  # the character itself
    digits = digits.lstrip("0") or "0"
    if len(digits) > 5:
        return found[0]  # too large a number to be one of them
    return "" if _NOT_XML_CHARACTER.match(chr(int(digits, base))) else found[0]


def _blocks(container: Any) -> Any:
    """Paragraphs, headings, list items, quotes and table rows, in order."""
    for element in container:
        tag = element.tag
        if tag == "head":
            rend = element.get("rend") or "h2"
            level = int(rend[1]) if len(rend) == 2 and rend[1].isdigit() else 2
            yield Block(_text(element), level)
        elif tag == "p":
            text = _text(element)
            if EDITOR_LINE.fullmatch(text.strip(SPACES)):
                continue
            yield Block(text, -1 if _wholly_bold(element, text) else 0)
        elif tag == "list":
            for item in element.iter("item"):
                yield Block(_text(item))
        elif tag == "table":
            for row in element.iter("row"):
                cells = [_text(cell).strip(SPACES) for cell in row.iter("cell")]
                line = " | ".join(cell for cell in cells if cell)
                if line:
                    yield Block(line)
        elif tag in ("quote", "div", "section"):
            yield from _blocks(element)
        elif tag == "lb":
            continue
        elif _text(element).strip():
            yield Block(_text(element))


def _text(element: Any) -> str:
    """An element's text, its <lb/> line breaks kept."""
    parts = [element.text or ""]
    for child in element:
        parts.append("\n" if child.tag == "lb" else _text(child))
        parts.append(child.tail or "")
    return "".join(parts).strip(SPACES + "\n")


def _wholly_bold(element: Any, text: str) -> bool:
    """A paragraph whose every character is bold, short, and read as a heading: a heading a news site set in bold."""
    if not text or len(element) == 0:
        return False
    bold = "".join(_text(child) for child in element if child.tag == "hi" and "#b" in (child.get("rend") or ""))
    if "".join(bold.split()) != "".join(text.split()):
        return False
    heading = classify(text, markdown=False)
    if heading is not None and heading.family != "word":
        return True
    return len(text) <= _MAX_BOLD_HEADING and text[-1] not in HEADING_END + "，,：:"


def _levels(blocks: list[Block]) -> list[Block]:
    """Bold headings one level below the page's own deepest heading (level 1 when it has none)."""
    deepest = max((block.level for block in blocks if block.level > 0), default=0)
    bold = min(deepest + 1, 6)
    return [Block(block.text, bold) if block.level < 0 else block for block in blocks]


def _title(found: str, blocks: list[Block]) -> str:
    """The article's title: its first heading when that opens the text, else the page's title less its site name."""
    if blocks and blocks[0].level > 0 and not classify(blocks[0].text, markdown=False):
        return blocks[0].text
    for separator in ("_", "--", " - ", " | ", "—", "|"):
        if separator in found:
            found = found.split(separator)[0]
            break
    return found.strip(SPACES)


def _same(a: str, b: str) -> bool:
    return "".join(a.split()) == "".join(b.split())
