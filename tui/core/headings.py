"""The heading grammar: whether a line opens a section, with what label and heading; tables of contents."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Every pattern here is anchored at the start of a line and bounded, or runs on a slice
# of bounded length: a 10 MB line must cost one pass, never a quadratic search.

SPACES = " \t\u3000\xa0"
_CN = "一二三四五六七八九十百千零〇"
_CN_NUM = rf"[{_CN}]{{1,4}}"

# Not 一、二、三等奖: a run of numerals and 、 is an enumeration inside a sentence.
RE_CN = re.compile(rf"({_CN_NUM}[ \t\u3000]?(?:、|[．.](?![.．\d])))(?!{_CN_NUM}[、．.])")  # 一、 一．
RE_CN_PAREN = re.compile(rf"([（(〔]{_CN_NUM}[）)〕])[、．.]?")                    # (一) （一）
RE_DECIMAL = re.compile(r"(\d{1,3}(?:[.．]\d{1,3}){0,4}[.．、])(?![\d.．])")     # 1. 1、 1． 1.2.
RE_DECIMAL_BARE = re.compile(r"(\d{1,3}(?:[.．]\d{1,3}){1,4})(?=[ \t\u3000])")  # 1.2 heading
RE_NUM_PAREN = re.compile(r"([（(]\d{1,3}[）)])[、．.]?")                         # (1) （1）
RE_DI = re.compile(rf"(第[ \t\u3000]?(?:{_CN_NUM}|\d{{1,4}})[ \t\u3000]?(编|部分|章|节|条)(?:之{_CN_NUM})?)")  # 第三章 第五条之一
RE_WORD = re.compile(
    r"((Part|PART|Book|BOOK|Title|TITLE|Chapter|CHAPTER|Article|ARTICLE|Section|SECTION|"
    r"Sub-?[Ss]ection|SUB-?SECTION|Clause|CLAUSE)\.?[ \t]+"
    r"(?:[IVXLCDM]{1,8}|\d{1,4}(?:\.\d{1,3}){0,3}|[A-Z])\b\.?)"
)
RE_MD_LIST = re.compile(r"(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
RE_FENCE = re.compile(r"[ ]{0,3}(`{3,}|~{3,})")
RE_SETEXT = re.compile(r"[ ]{0,3}(=+|-+)[ \t]*")
# reStructuredText underlines (and overlines) with any of its adornment characters.
RE_ADORNMENT = re.compile(r"([=\-~^*+#\"'`:._])\1{2,}[ \t]*")
RE_BREAK = re.compile(r"[ ]{0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|(?:=[ \t]*){3,})")
RE_ITEM = re.compile(rf"({_CN_NUM}是|第{_CN_NUM}[，,、])")                          # 一是 / 第一，

FAMILY_ORDER = {"编": 0, "部分": 0, "章": 1, "节": 2, "条": 3}
WORD_DEPTH = {"part": 0, "book": 0, "title": 0, "chapter": 1, "article": 2, "section": 3, "subsection": 4, "sub-section": 4, "clause": 5}
# After 第X条 with no space, these show a reference (第三条第二款, 第五条规定的) or an
# ordinary word (条件, 条例), not an article.
NOT_ARTICLE = set("、，,。；;的第款项之规件例或和及与至到")

# A salutation (同志们：, 各位代表！) is text: never a heading, never a title; it opens the closing.
SALUTATION = re.compile(
    r"(?:尊敬的|亲爱的)?(同志们|同事们|朋友们|同学们|老师们|各位[\u4e00-\u9fff]{1,6}?|女士们[、，,]先生们)"
    r"[，,！!：:、]"
)

# A table of contents: its marker line, and the leaders and page numbers ending its entries.
RE_TOC_MARKER = re.compile(r"(?:目[ \t\u3000]*录|(?i:contents|table of contents))[:：]?")
RE_PAGE_TAIL = re.compile(r"(?:[.…·•_\-—–－][ \t\u3000]*){3,}\d{1,4}$|…+[ \t\u3000]*\d{1,4}$|(?:[ \t\u3000]{2,}|\t)\d{1,4}$")

# A heading's text is short: a run-on heading ends at its first sentence end within this
# many characters, and a numbered line with no sentence end this early is a numbered paragraph.
MAX_HEADING = 60
HEADING_END = "。；！？;!?"
TRAILING_PUNCT = "。；！？;!?：:，,、 \t\u3000"
# A short label before a colon is a heading too: （一）指导思想：以……为指导。
MAX_COLON_HEADING = 16


@dataclass
class Heading:
    """What a heading line says: its marker family and depth, its label, its heading, the rest."""

    family: str          # "md", "di", "word", "cn", "cn_paren", "decimal", "num_paren"
    depth: int           # order inside the family (md: number of #, di: 编 0 … 条 3)
    label: str
    heading: str
    body: str = ""       # the rest of a run-on heading line
    latin: bool = False  # the text after the label is Latin: stricter rules apply
    rest: str = ""       # everything after the label, for a heading that turns out to be text


def atx_heading(line: str) -> tuple[int, str] | None:
    """A Markdown `#` heading: (level, text), or None. Hand-parsed to stay linear."""
    stripped = line.lstrip(" ")
    if len(line) - len(stripped) > 3 or not stripped.startswith("#"):
        return None
    level = len(stripped) - len(stripped.lstrip("#"))
    rest = stripped[level:]
    if level > 6 or (rest and rest[0] not in " \t"):
        return None
    text = rest.strip(" \t")
    closing = text.rstrip("#")
    if closing != text and (not closing or closing[-1] in " \t"):
        text = closing.rstrip(" \t")  # the optional closing sequence: ## Title ##
    return level, text


def classify(line: str, markdown: bool, in_article: bool = False) -> Heading | None:
    """The heading a stripped line starts with, or None when it is text."""
    first = line[:1]
    if not first:
        return None
    if first == "#":
        atx = atx_heading(line)
        if atx is None or not markdown:
            return None
        level, text = atx
        inner = classify(text, markdown=False) if text else None
        if inner is not None and inner.family not in ("word",):
            heading = f"{inner.heading} {inner.body}".strip(SPACES) if inner.body else inner.heading
            return Heading("md", level, inner.label, heading)
        return Heading("md", level, "#" * level, text.rstrip("。；！;!"))
    if first in "*_" and line[:2] in ("**", "__"):
        return _emphasised(line, markdown, in_article)
    if first == "第":
        return _di(line)
    if in_article:
        return None  # （一）, 1. inside an article are list items of that article
    if first in _CN:
        match = RE_CN.match(line)
        return _run_on("cn", 0, match.group(1), line[match.end():]) if match else None
    if first in "(（〔":
        match = RE_CN_PAREN.match(line)
        if match:
            return _run_on("cn_paren", 0, match.group(1), line[match.end():])
        match = RE_NUM_PAREN.match(line)
        return _run_on("num_paren", 0, match.group(1), line[match.end():]) if match else None
    if first.isdigit():
        if markdown and RE_MD_LIST.match(line):
            return None  # a Markdown list item
        match = RE_DECIMAL.match(line) or RE_DECIMAL_BARE.match(line)
        if match:
            label = match.group(1)
            depth = len(re.findall(r"\d+", label))
            return _run_on("decimal", depth, label, line[match.end():])
        return None
    if first in "PBTCASpbtcas":
        return _word(line)
    return None


def _emphasised(line: str, markdown: bool, in_article: bool) -> Heading | None:
    """`**一、总体要求**` or `**（一）把握核心要义。**习近平……`: a heading in bold."""
    marker = line[:2]
    close = line.find(marker, 2, 2 + MAX_HEADING + 8)
    if close < 0:
        return None
    inner = line[2:close].strip(SPACES)
    if not inner or inner[:1] in "*_":
        return None
    heading = classify(inner, markdown, in_article)
    if heading is None or heading.family == "md":
        return None
    rest = line[close + 2:].strip(SPACES)
    if rest:
        heading.body = f"{heading.body}{rest}" if heading.body else rest
    return heading


def _di(line: str) -> Heading | None:
    """第X编/部分/章/节/条: the regulation family, nested in that order."""
    match = RE_DI.match(line)
    if not match:
        return None
    unit = match.group(2)
    label = match.group(1)
    after = line[match.end():]
    rest = after.strip(SPACES)
    spaced = after[:1] in SPACES
    if unit == "条":
        if not spaced and rest and rest[0] in NOT_ARTICLE:
            return None
        title = re.match(r"[【\[（(]([^】\]）)\d一二三四五六七八九十]{2,20})[】\]）)]", rest)
        if title:
            # 第五条【适用范围】……: a bracketed article title is the article's heading.
            return Heading("di", FAMILY_ORDER[unit], label, title.group(1), rest[title.end():].lstrip(SPACES))
        return Heading("di", FAMILY_ORDER[unit], label, "", rest)
    if not spaced and rest[:1] in "、：:．.":
        rest = rest[1:].lstrip(SPACES)
    text = rest.rstrip(TRAILING_PUNCT)
    if len(text) > MAX_HEADING or any(mark in rest for mark in HEADING_END):
        return None  # 第一节课我们学习了……。 is a sentence
    if not spaced and text and text[0] in NOT_ARTICLE:
        return None
    return Heading("di", FAMILY_ORDER[unit], label, text)


def _word(line: str) -> Heading | None:
    """Part/Chapter/Article/Section/SubSection/Clause N: English document divisions."""
    match = RE_WORD.match(line)
    if not match:
        return None
    label = match.group(1)
    after = line[match.end():]
    depth = WORD_DEPTH.get(match.group(2).lower().replace("sub-section", "subsection"), 3)
    if after and after[0] not in SPACES + ":-–—":
        return None
    rest = after.lstrip(SPACES + ":-–—")
    punctuated = label.endswith(".") or after.lstrip(SPACES)[:1] in (":", "-", "–", "—")
    if not rest:
        return Heading("word", depth, label, "", latin=True)
    text = rest.rstrip(". ")
    if len(text) <= MAX_HEADING and not any(mark in text for mark in ".;!?") and (rest[0].isupper() or rest[0] in "(\"'“"):
        return Heading("word", depth, label, text, latin=True, rest=rest if punctuated else "")
    if punctuated:
        # Section 1. All legislative Powers herein granted…: a run-on division, like 第一条.
        return Heading("word", depth, label, "", rest, latin=True)
    return None  # Section 2 of this Act…: a sentence


def _run_on(family: str, depth: int, label: str, after: str) -> Heading:
    """Split `（一）把握核心要义。习近平总书记强调……` into heading and body."""
    rest = after.lstrip(SPACES)
    # English text after the number (not 1. GDP增长6%, which is Chinese).
    latin = rest[:1].isascii() and rest[:1].isalpha() and all(ord(ch) < 0x2E80 for ch in rest[:30])
    colon = _colon_end(rest)
    cut = heading_end(rest)
    if colon is not None and (cut is None or colon < cut):
        return Heading(family, depth, label, rest[:colon].rstrip(TRAILING_PUNCT), rest[colon + 1:].lstrip(SPACES), latin)
    if cut is None:
        if len(rest) > MAX_HEADING:
            # A numbered paragraph: the number still orders the outline, the text is body.
            return Heading(family, depth, label, "", rest, latin)
        return Heading(family, depth, label, rest.rstrip(TRAILING_PUNCT), "", latin)
    keep = 1 if rest[cut] in "？?" else 0  # a question keeps its mark
    heading = rest[: cut + keep].rstrip(TRAILING_PUNCT if not keep else SPACES)
    return Heading(family, depth, label, heading, rest[cut + 1:].lstrip(SPACES), latin)


def heading_end(rest: str) -> int | None:
    for i, ch in enumerate(rest[: MAX_HEADING + 1]):
        if ch in HEADING_END:
            return i
        if ch == "." and i > 0 and rest[i - 1].isalpha() and (i + 1 == len(rest) or rest[i + 1] in " \t"):
            return i
    return None


def _colon_end(rest: str) -> int | None:
    """`指导思想：以……` — a short label before a colon, not a quotation's lead-in."""
    head = rest[: MAX_COLON_HEADING + 1]
    for mark in "：:":
        at = head.find(mark)
        if 1 < at and rest[at + 1: at + 2] not in ("", "“", "\"", "「", "‘") and not rest[:at].isdigit():
            if not any(ch in HEADING_END or ch in "，," for ch in rest[:at]):
                return at
    return None


def toc_entry(line: str) -> bool:
    """A table-of-contents line: text ending with dot leaders or a run of spaces and a page number."""
    tail = line[-40:]
    return bool(tail[-1:].isdigit() and RE_PAGE_TAIL.search(tail))


def toc_end(body: list[str], marker: int) -> int:
    """Where the text after a 目录 line begins: at the first contents entry written again.

    The entries are short lines (headings, 序言, 附则, with or without page numbers). When
    no entry comes again before a sentence does, only the marker line is taken; entries with
    page numbers are still recognised one by one.
    """
    first = next((j for j in range(marker + 1, min(len(body), marker + 50)) if body[j].strip(SPACES)), None)
    if first is None or not _toc_like(body[first].strip(SPACES)):
        return marker + 1
    key = _toc_key(body[first].strip(SPACES))
    for j in range(first + 1, min(len(body), first + 3000)):
        line = body[j].strip(SPACES)
        if not line:
            continue
        if _toc_key(line) == key:
            return j
        if not _toc_like(line):
            break
    return marker + 1


def _toc_like(line: str) -> bool:
    return toc_entry(line) or (len(line) <= 40 and not any(mark in line for mark in HEADING_END))


def _toc_key(line: str) -> str:
    """A heading line reduced to what a table of contents repeats of it."""
    tail = line[-40:]
    match = RE_PAGE_TAIL.search(tail) if tail[-1:].isdigit() else None
    if match:
        line = line[: len(line) - len(tail) + match.start()]
    return "".join(ch for ch in line if ch.isalnum())


def latin_end(text: str) -> bool:
    """Whether the text ends in a Latin (not CJK) character: a hard-wrapped English line may go on."""
    return bool(text) and ord(text[-1]) < 0x2E80 and not text[-1].isspace()


def latin_start(text: str) -> bool:
    """Whether the text starts with a Latin (not CJK) character."""
    return bool(text) and ord(text[0]) < 0x2E80
