"""The heading grammar: whether a line opens a section, with what label and heading (its patterns: heading_patterns.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .heading_patterns import (
    FAMILY_ORDER,
    HEADING_END,
    HEADING_STARTS,
    MAX_COLON_HEADING,
    MAX_HEADING,
    NOT_ARTICLE,
    RE_CN,
    RE_CN_CLOSE,
    RE_CN_PAREN,
    RE_DECIMAL,
    RE_DECIMAL_BARE,
    RE_DI,
    RE_LATIN_ENUM,
    RE_MD_LIST,
    RE_NUM_CLOSE,
    RE_NUM_PAREN,
    RE_PREFIX,
    RE_ROMAN_ENUM,
    RE_WORD,
    TRAILING_PUNCT,
    WORD_AFTER,
    WORD_DEPTH,
)

# What the page residue reads from here.
from .heading_patterns import RE_ADORNMENT as RE_ADORNMENT
from .heading_patterns import RE_FENCE as RE_FENCE
from .heading_patterns import RE_SETEXT as RE_SETEXT
from .heading_patterns import SALUTATION as SALUTATION
from .heading_patterns import SPACES as SPACES
from .numerals import (
    CN_CHARS,
    ENCLOSED,
    FINANCIAL,
    ROMAN_CHARS,
    next_enumerator,
    read_division,
    read_enumerator,
    read_letter,
    read_numeral,
)


@dataclass
class Heading:
    """What a heading line says: its marker family and depth, its label, its heading, the rest."""

    family: str          # "md", "di", "prefix", "word", "cn", "cn_financial", "cn_paren", "cn_close", "decimal",
    #                      "num_paren", "num_close", an enclosed style ("circled", "paren" …), "alpha_…", "roman_…"
    depth: int           # order inside the family (md: number of #, di: 编 0 … 条 5)
    label: str
    heading: str
    body: str = ""       # the rest of a run-on heading line
    latin: bool = False  # the text after the label is Latin: stricter rules apply
    rest: str = ""       # everything after the label, for a heading that turns out to be text
    number: int = field(default=0, compare=False)  # the value of the label's numeral, letter or Roman numeral


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
        # `## 一、总体要求` keeps its number as its label; `# 第一篇` alone is its own title.
        if inner is not None and inner.family != "word" and (inner.heading or inner.body):
            heading = f"{inner.heading} {inner.body}".strip(SPACES) if inner.body else inner.heading
            return Heading("md", level, inner.label, heading)
        return Heading("md", level, "#" * level, text.rstrip("。；！;!"))
    if first in "*_" and line[:2] in ("**", "__"):
        return _emphasised(line, markdown, in_article)
    if first == "第":
        return _di(line)
    if in_article:
        return None  # （一）, 1., ① inside an article are list items of that article
    if first.isascii() and first.isalpha():
        roman = "IVXLCDMivxlcdm"
        division = _word(line) if first in "PBTVMUCLAS" else None  # Part Book … Section
        if division is None and (line[1:2] in ".．)）、" or (first in roman and line[1:2] in roman)):
            return _latin_enum(line)  # A. b) IV. ii.
        return division
    if first not in HEADING_STARTS and not first.isdigit():
        return None  # most lines: text
    if first in CN_CHARS:
        return _cn(line)
    if first in "(（〔":
        match = RE_CN_PAREN.match(line)
        if match:
            return _numbered("cn_paren", match.group(1), match.group(2), line[match.end():])
        match = RE_NUM_PAREN.match(line)
        if match:
            return _run_on("num_paren", 0, match.group(1), line[match.end():], int(match.group(1)[1:-1]))
        return _latin_enum(line)
    if first in ENCLOSED:
        style, number = ENCLOSED[first]
        after = line[1:]
        label = first + after[:1] if after[:1] in "、．." else first
        if style == "cn_paren":
            return _run_on(style, 0, label, line[len(label):], number)  # ㈠ is （一）
        return _minor(style, label, line[len(label):], number)
    if first.isdigit():
        if markdown and RE_MD_LIST.match(line):
            return None  # a Markdown list item
        match = RE_DECIMAL.match(line) or RE_DECIMAL_BARE.match(line)
        if match:
            label = match.group(1)
            depth = len(re.findall(r"\d+", label))
            return _run_on("decimal", depth, label, line[match.end():], int(re.findall(r"\d+", label)[-1]))
        match = RE_NUM_CLOSE.match(line)
        return _minor("num_close", match.group(1), line[match.end():], int(match.group(1)[:-1])) if match else None
    if first in "专模单":
        return _prefix(line)
    return _word(line) if first == "§" else _latin_enum(line)  # § 1; Ⅱ、


def _numbered(family: str, label: str, numeral: str, after: str) -> Heading | None:
    number = read_numeral(numeral)
    return None if number is None else _run_on(family, 0, label, after, number)


def _cn(line: str) -> Heading | None:
    """一、 一． 壹、 and 一）: a Chinese numeral and its stop; financial numerals are a family of their own."""
    match = RE_CN.match(line)
    if match:
        family = "cn_financial" if match.group(2)[0] in FINANCIAL else "cn"
        return _numbered(family, match.group(1), match.group(2), line[match.end():])
    match = RE_CN_CLOSE.match(line)
    return _numbered("cn_close", match.group(1), match.group(2), line[match.end():]) if match else None


def _minor(family: str, label: str, after: str, number: int) -> Heading | None:
    """①, ⑴, 1）: headings only as a title standing alone; with a sentence or a clause they are list items."""
    heading = _run_on(family, 0, label, after, number)
    if heading.latin:
        return heading  # English is judged in context, as 1. is
    rest = after.strip(SPACES)
    if not heading.heading or heading.body or rest[-1] in "，,、：:" or any(mark in rest.rstrip("？?") for mark in HEADING_END):
        return None
    return heading


def _latin_enum(line: str) -> Heading | None:
    """A. (a) b) IV. (iv) Ⅱ、: letters head English text only; Roman numerals head either."""
    match = RE_LATIN_ENUM.match(line) or RE_ROMAN_ENUM.match(line)
    if not match:
        return None
    name = match.group(1) or match.group(2)
    label = match.group(0)
    style = "paren" if label[0] in "(（" else "close" if label[-1] in ")）" else "dot"
    case = "lower" if name.islower() else "upper"
    reading = read_enumerator(name)
    if reading is None:
        return None  # Mr. Dr. etc.
    family, number = f"{reading[0]}_{case}_{style}", reading[1]
    after = line[match.end():]
    heading = _run_on(family, 0, label, after, number)
    rest = after.lstrip(SPACES)
    if not heading.latin:
        # A．选项 is an answer to choose; Ⅰ、总论 is a heading.
        # Not Ⅱ、Ⅲ级响应: a run of numerals and 、 is an enumeration inside a sentence.
        return heading if family.startswith("roman") and rest and not rest[0].isascii() and rest[0] not in ROMAN_CHARS else None
    if not (rest[0].isupper() or rest[0].isdigit() or rest[0] in "\"'“‘(") or rest.rstrip(SPACES)[-1] == ".":
        return None  # I. e. …, A. Lincoln said so.: a sentence, not a title
    return heading


def as_letter(heading: Heading) -> Heading | None:
    """The other reading of I. V. X. (i) …: the 9th, 22nd or 24th letter rather than a Roman numeral."""
    letter = read_letter(heading.label.strip("()（）.．、")) if heading.family.startswith("roman") else None
    return None if letter is None else replace(heading, family=heading.family.replace("roman", "alpha", 1), number=letter)


def successor(heading: Heading) -> str | None:
    """How the label after a letter's or Roman numeral's is written (A. → B., (iv) → (v), II. → III.), or None."""
    name = heading.label.strip("()（）.．、")
    kind = heading.family.split("_")[0]
    following = next_enumerator(name, kind, heading.number) if kind in ("alpha", "roman") else None
    return heading.label.replace(name, following, 1) if following else None


def minor_family(line: str) -> str | None:
    """The family of a line opening with ①, ⑴ or 1）, whether or not it is a heading."""
    first = line[:1]
    if first in ENCLOSED:
        return ENCLOSED[first][0]
    return "num_close" if first.isdigit() and RE_NUM_CLOSE.match(line) else None


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
    """第X编/分编/章/节/条, 第X卷/篇/回, 第X讲/课/课时/单元: laws, books and courses, nested as FAMILY_ORDER says."""
    match = RE_DI.match(line)
    number = read_numeral(match.group(2)) if match else None
    if match is None or number is None or (match.group(4) and read_numeral(match.group(4)) is None):
        return None
    unit = match.group(3)
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
            return Heading("di", FAMILY_ORDER[unit], label, title.group(1), rest[title.end():].lstrip(SPACES), number=number)
        return Heading("di", FAMILY_ORDER[unit], label, "", rest, number=number)
    if not spaced and rest[:1] in WORD_AFTER.get(unit, ()):
        return None  # 第一讲话, 第二课堂
    return _titled("di", unit, label, after, number)


def _prefix(line: str) -> Heading | None:
    """专题一 模块2 单元三: a course's divisions, the word before the number."""
    match = RE_PREFIX.match(line)
    number = read_numeral(match.group(3)) if match else None
    if match is None or number is None:
        return None
    return _titled("prefix", match.group(2), match.group(1), line[match.end():], number)


def _titled(family: str, unit: str, label: str, after: str, number: int) -> Heading | None:
    """A division's title after its label: short, one line, no sentence."""
    rest = after.strip(SPACES)
    spaced = after[:1] in SPACES
    if not spaced and rest[:1] in "、：:．.—-–":
        rest = rest.lstrip("、：:．.—-–").lstrip(SPACES)
    text = rest.rstrip(TRAILING_PUNCT)
    if len(text) > MAX_HEADING or any(mark in rest for mark in HEADING_END):
        return None  # 第一节课我们学习了……。 is a sentence
    if not spaced and text and text[0] in NOT_ARTICLE:
        return None
    return Heading(family, FAMILY_ORDER[unit], label, text, number=number)


def _word(line: str) -> Heading | None:
    """Part/Chapter/Lesson/Article/Section/Clause N, § N: English document divisions."""
    match = RE_WORD.match(line)
    if not match:
        return None
    label = match.group(1)
    number = read_division(match.group(3)) if match.group(3) else 1
    if number is None:
        return None  # PART CIVIL, Part Time
    after = line[match.end():]
    depth = WORD_DEPTH.get((match.group(2) or "section").lower().replace("sub-section", "subsection"), WORD_DEPTH["section"])
    numeral = match.group(3) or label.lstrip("§ \t").rstrip(".")
    depth = depth * 10 + numeral.count(".")  # Section 1.2 inside Section 1, above Subsection
    if after and after[0] not in SPACES + ":-–—":
        return None
    rest = after.lstrip(SPACES + ":-–—")
    punctuated = label.endswith(".") or after.lstrip(SPACES)[:1] in (":", "-", "–", "—")
    if not rest:
        return Heading("word", depth, label, "", latin=True, number=number)
    text = rest.rstrip(". ")
    titled = rest[0].isupper() or rest[0] in "(\"'“" or not rest[0].isascii()
    if len(text) <= MAX_HEADING and not any(mark in text for mark in ".;!?。；！？") and titled:
        return Heading("word", depth, label, text, latin=True, rest=rest if punctuated else "", number=number)
    if punctuated:
        # Section 1. All legislative Powers herein granted…: a run-on division, like 第一条.
        return Heading("word", depth, label, "", rest, latin=True, number=number)
    return None  # Section 2 of this Act…: a sentence


def _run_on(family: str, depth: int, label: str, after: str, number: int = 0) -> Heading:
    """Split `（一）把握核心要义。习近平总书记强调……` into heading and body."""
    rest = after.lstrip(SPACES)
    # English text after the number (not 1. GDP增长6%, which is Chinese).
    latin = rest[:1].isascii() and rest[:1].isalpha() and all(ord(ch) < 0x2E80 for ch in rest[:30])
    colon = _colon_end(rest)
    cut = heading_end(rest)
    if colon is not None and (cut is None or colon < cut):
        return Heading(family, depth, label, rest[:colon].rstrip(TRAILING_PUNCT), rest[colon + 1:].lstrip(SPACES), latin, number=number)
    if cut is None:
        if len(rest) > MAX_HEADING:
            # A numbered paragraph: the number still orders the outline, the text is body.
            return Heading(family, depth, label, "", rest, latin, number=number)
        return Heading(family, depth, label, rest.rstrip(TRAILING_PUNCT), "", latin, number=number)
    keep = 1 if rest[cut] in "？?" else 0  # a question keeps its mark
    heading = rest[: cut + keep].rstrip(TRAILING_PUNCT if not keep else SPACES)
    return Heading(family, depth, label, heading, rest[cut + 1:].lstrip(SPACES), latin, number=number)


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


def latin_end(text: str) -> bool:
    """Whether the text ends in a Latin (not CJK) character: a hard-wrapped English line may go on."""
    return bool(text) and ord(text[-1]) < 0x2E80 and not text[-1].isspace()


def latin_start(text: str) -> bool:
    """Whether the text starts with a Latin (not CJK) character."""
    return bool(text) and ord(text[0]) < 0x2E80
