"""Text -> Document: the heading grammar, title, preamble, closing and page residue."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePath

from .model import Document, Section

CN_DIGITS = "一二三四五六七八九十百千零〇两"
_NUM = rf"[{CN_DIGITS}]+"

# Each marker style: a regex matched at the start of a stripped line.
RE_CN = re.compile(rf"({_NUM}[、])")                                      # 一、
RE_CN_PAREN = re.compile(rf"([（(]{_NUM}[）)])[、.．]?")                  # (一) （一）
RE_DI = re.compile(rf"(第(?:{_NUM}|\d{{1,4}})([编章节条]))(?=[ \t\u3000]|$)")  # 第三章
RE_DECIMAL = re.compile(r"(\d{1,3}(?:[.．]\d{1,3})*[.．、])(?!\d)")       # 1. 1、 1．  1.2.
RE_DECIMAL_BARE = re.compile(r"(\d{1,3}(?:\.\d{1,3})+)(?=[ \t\u3000])")  # 1.2 heading
RE_NUM_PAREN = re.compile(r"([（(]\d{1,3}[）)])")                         # (1) （1）
RE_ATX = re.compile(r" {0,3}(#{1,6})(?:[ \t]+|$)(.*?)(?:[ \t]+#+)?[ \t]*$")
RE_SETEXT = re.compile(r" {0,3}(=+|-+)[ \t]*$")
RE_FENCE = re.compile(r" {0,3}(```|~~~)")
RE_LIST_ITEM = re.compile(r"([-*+]|\d{1,3}[.)])[ \t]")
RE_ITEM = re.compile(rf"({_NUM}是|第{_NUM}[，,、])")                      # 一是 / 第一，

DI_ORDER = {"编": 0, "章": 1, "节": 2, "条": 3}

SALUTATION = re.compile(
    r"(同志们|同事们|朋友们|同学们|老师们|各位[\u4e00-\u9fff]{1,6}?|女士们[、，,]先生们)"
    r"[，,！!：:]"
)
CLOSING_WORDS = re.compile(r"(谢谢大家|谢谢)[！!。.]?$")

# Page residue: short key:value lines and widget words left over from a web page.
RE_META = re.compile(r"([^\s:：,，。；;!！?？]{1,8}?)[ \t]*[:：][ \t]*(\S.{0,48}?)")
NOISE_WORDS = (
    "点赞|收藏|分享|分享到|转发|评论|举报|在看|打印|打印本页|关闭|关闭窗口|关闭本页|返回顶部|"
    "返回|上一篇|下一篇|扫一扫|微信|微博|QQ空间|字号|大|中|小|默认|复制链接"
)
RE_NOISE = re.compile(rf"(?:[【\[]?(?:{NOISE_WORDS})[】\]]?[ \t]*\d*[ \t]*)+")
RE_HTML_COMMENT_OPEN = re.compile(r"[ \t]*<!--")

# Heading text longer than this is not a heading: a run-on heading ends at its first
# sentence end within it, and a longer marker line without one is a numbered paragraph.
MAX_HEADING = 60
HEADING_END = "。；！？;!?"
TRAILING_PUNCT = "。；！？;!?：:，,、 \t\u3000"
TITLE_MAX = 40

_SPACES = " \t\u3000\xa0"


@dataclass
class _Heading:
    family: str          # "md", "di", "decimal", "cn", "cn_paren", "num_paren", "item"
    depth: int           # order inside the family (md: number of #, di: 编 0 … 条 3)
    label: str
    heading: str
    body: str = ""       # the rest of a run-on heading line


@dataclass
class _Node:
    section: Section
    rank: tuple[int, int] | None
    family: str = ""
    article: bool = False
    pending: list[str] = field(default_factory=list)


def parse(text: str, name: str = "", markdown: bool | None = None) -> Document:
    """Turn a document's text into a `Document`; never raises on any text."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "").split("\n")
    if markdown is None:
        markdown = _is_markdown_name(name) or any(_atx(line) for line in lines[:2000])
    meta: dict[str, str] = {}
    noise: list[str] = []
    lines = _strip_comments(lines, noise)
    start, end = _strip_residue(lines, meta, noise)
    body = lines[start:end]

    title, title_from, body = _take_title(body, name, markdown, meta, noise)
    sections = _build(body, markdown)
    return Document(title=title, title_from=title_from, sections=sections, meta=meta, noise=noise)


def _is_markdown_name(name: str) -> bool:
    return PurePath(name).suffix.lower() in {".md", ".markdown", ".mdown", ".mkd", ".rst"}


# ---------------------------------------------------------------- residue and title


def _strip_comments(lines: list[str], noise: list[str]) -> list[str]:
    """HTML comments go to noise verbatim; a multi-line comment is one noise entry."""
    if not any("<!--" in line for line in lines):
        return lines
    kept: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if RE_HTML_COMMENT_OPEN.match(line):
            j = i
            while j < len(lines) and "-->" not in lines[j]:
                j += 1
            if j == len(lines):  # unclosed: not a comment after all
                kept.append(line)
                i += 1
                continue
            tail = lines[j].split("-->", 1)[1]
            comment = "\n".join(lines[i:j] + [lines[j][: len(lines[j]) - len(tail)]]).strip()
            noise.append(comment)
            if tail.strip():
                kept.append(tail)
            i = j + 1
            continue
        kept.append(line)
        i += 1
    return kept


def _residue(line: str, meta: dict[str, str], noise: list[str]) -> bool:
    stripped = line.strip(_SPACES)
    if len(stripped) > 60:
        return False
    if RE_NOISE.fullmatch(stripped):
        noise.append(stripped)
        return True
    match = RE_META.fullmatch(stripped)
    if match and not SALUTATION.match(stripped) and match.group(1) not in meta:
        meta[match.group(1)] = match.group(2).strip(_SPACES)
        return True
    return False


def _strip_residue(lines: list[str], meta: dict[str, str], noise: list[str]) -> tuple[int, int]:
    """Consume residue lines at the top and the bottom; return the body's line range."""
    start = 0
    while start < len(lines) and (not lines[start].strip(_SPACES) or _residue(lines[start], meta, noise)):
        start += 1
    end = len(lines)
    tail_meta: dict[str, str] = {}
    tail_noise: list[str] = []
    while end > start and (not lines[end - 1].strip(_SPACES) or _residue(lines[end - 1], tail_meta, tail_noise)):
        end -= 1
    for key in reversed(list(tail_meta)):
        meta.setdefault(key, tail_meta[key])
    noise.extend(reversed(tail_noise))
    return start, end


def _take_title(
    body: list[str], name: str, markdown: bool, meta: dict[str, str], noise: list[str]
) -> tuple[str, str, list[str]]:
    fallback = PurePath(name).stem if name else ""
    first = next((i for i, line in enumerate(body) if line.strip(_SPACES)), None)
    if first is None:
        return fallback, "filename", body
    line = body[first].strip(_SPACES)
    following = body[first + 1] if first + 1 < len(body) else ""

    atx = _atx(line)
    if atx is not None:
        level, text = atx
        others = [_atx(other) for other in body[first + 1:]]
        if level == 1 and not any(o is not None and o[0] == 1 for o in others) and text:
            return text, "text", _after_title(body, first + 1, meta, noise)
        return fallback, "filename", body
    setext = RE_SETEXT.fullmatch(following)
    if setext and following.strip().startswith("=") and 0 < len(line) <= TITLE_MAX * 2:
        return line, "text", _after_title(body, first + 2, meta, noise)
    if _reads_as_title(line, following, body[first + 1:]):
        return line, "text", _after_title(body, first + 1, meta, noise)
    return fallback, "filename", body


def _after_title(body: list[str], start: int, meta: dict[str, str], noise: list[str]) -> list[str]:
    """Residue lines right after a title (来源, 发布时间 under a web page's headline)."""
    i = start
    while i < len(body) and (not body[i].strip(_SPACES) or _residue(body[i], meta, noise)):
        i += 1
    return body[i:]


def _reads_as_title(line: str, following: str, rest: list[str]) -> bool:
    if len(line) > TITLE_MAX or _classify(line, markdown=False) is not None:
        return False
    if any(mark in line for mark in "。！？!?；;") or line[-1] in "：:，,、":
        return False
    if SALUTATION.match(line + "：") and len(line) <= 8:
        return False
    if not any(other.strip(_SPACES) for other in rest):
        return False  # a title must be followed by a body
    # A Latin line followed directly by more Latin text is the start of a paragraph.
    nxt = following.strip(_SPACES)
    if nxt and _latin_end(line) and _latin_start(nxt):
        return False
    return True


# ---------------------------------------------------------------- heading grammar


def _atx(line: str) -> tuple[int, str] | None:
    if "#" not in line[:4]:
        return None
    match = RE_ATX.fullmatch(line)
    if not match:
        return None
    return len(match.group(1)), match.group(2).strip(_SPACES)


def _classify(line: str, markdown: bool, in_article: bool = False) -> _Heading | None:
    """The heading a stripped line starts with, or None when it is text."""
    if not line:
        return None
    first = line[0]
    if first == "#":
        atx = _atx(line)
        if atx is None or not markdown:
            return None
        level, text = atx
        inner = _classify(text, markdown=False) if text else None
        if inner is not None and inner.family in ("di", "cn", "cn_paren"):
            return _Heading("md", level, inner.label, (inner.heading + " " + inner.body).strip(_SPACES) if inner.body else inner.heading)
        return _Heading("md", level, "#" * level, text.rstrip("。；！？;!?"))
    if first == "第":
        match = RE_DI.match(line)
        if match:
            rest = line[match.end():].strip(_SPACES)
            kind = match.group(2)
            if kind == "条":
                return _Heading("di", DI_ORDER[kind], match.group(1), "", rest)
            if len(rest) > MAX_HEADING:
                return None
            return _Heading("di", DI_ORDER[kind], match.group(1), rest.rstrip(TRAILING_PUNCT))
        return None
    if in_article:
        return None  # （一）, 1. inside an article are list items of that article
    if first in CN_DIGITS:
        match = RE_CN.match(line)
        return _run_on("cn", 0, match, line) if match else None
    if first in "(（":
        match = RE_CN_PAREN.match(line)
        if match:
            return _run_on("cn_paren", 0, match, line, label=match.group(1))
        if markdown:
            return None
        match = RE_NUM_PAREN.match(line)
        return _run_on("num_paren", 0, match, line) if match else None
    if first.isdigit() and not markdown:
        match = RE_DECIMAL.match(line) or RE_DECIMAL_BARE.match(line)
        if match:
            label = match.group(1)
            depth = len(re.findall(r"\d+", label))
            return _run_on("decimal", depth, match, line)
    return None


def _run_on(family: str, depth: int, match: re.Match[str], line: str, label: str | None = None) -> _Heading | None:
    """Split `（一）把握核心要义。习近平总书记强调……` into heading and body."""
    label = label if label is not None else match.group(1)
    rest = line[match.end():].lstrip(_SPACES)
    cut = _heading_end(rest)
    if cut is None:
        if len(rest) > MAX_HEADING:
            return None
        return _Heading(family, depth, label, rest.rstrip(TRAILING_PUNCT))
    return _Heading(family, depth, label, rest[:cut].rstrip(TRAILING_PUNCT), rest[cut + 1:].lstrip(_SPACES))


def _heading_end(rest: str) -> int | None:
    for i, ch in enumerate(rest[: MAX_HEADING + 1]):
        if ch in HEADING_END:
            return i
        if ch == "." and (i + 1 == len(rest) or rest[i + 1] in " \t") and i > 0 and rest[i - 1].isalpha():
            return i
    return None


# ---------------------------------------------------------------- tree building


def _build(body: list[str], markdown: bool) -> list[Section]:
    root = _Node(Section(id="", kind="heading", level=0, label="", heading=""), rank=None)
    preamble = _Node(Section(id="", kind="preamble", level=1, label="", heading=""), rank=None)
    stack: list[_Node] = [root]
    families: dict[str, int] = {}
    top: list[Section] = []
    block: list[str] = []
    fence = False
    saw_heading = False

    def current() -> _Node:
        return stack[-1] if len(stack) > 1 else preamble

    def flush() -> None:
        if block:
            current().section.paragraphs.extend(_paragraphs(block, markdown))
            block.clear()

    i = 0
    n = len(body)
    while i < n:
        raw = body[i]
        line = raw.strip(_SPACES)
        if markdown and RE_FENCE.match(raw):
            fence = not fence
            block.append(raw.rstrip())
            i += 1
            continue
        if fence:
            block.append(raw.rstrip())
            i += 1
            continue
        if not line:
            flush()
            i += 1
            continue
        in_article = current().article
        heading = _classify(line, markdown, in_article)
        if heading is None and i + 1 < n and not block and len(line) <= MAX_HEADING:
            underline = RE_SETEXT.fullmatch(body[i + 1])
            if underline and len(underline.group(1)) >= 2 and not RE_LIST_ITEM.match(line):
                heading = _Heading("md", 1 if underline.group(1)[0] == "=" else 2, "", line)
                i += 1  # the underline is punctuation only
        if heading is None:
            if RE_SETEXT.fullmatch(raw) and len(line) >= 3 and not block:
                i += 1  # a thematic break: punctuation only, nothing to keep
                continue
            block.append(line)
            i += 1
            continue
        flush()
        saw_heading = True
        rank = _rank(heading, families)
        while len(stack) > 1 and stack[-1].rank >= rank:
            stack.pop()
        parent = stack[-1]
        section = Section(id="", kind="heading", level=len(stack), label=heading.label, heading=heading.heading)
        if heading.body:
            section.paragraphs.append(heading.body)
        (top if parent is root else parent.section.children).append(section)
        stack.append(_Node(section, rank, heading.family, article=heading.family == "di" and heading.depth == 3))
        i += 1
    flush()

    if not saw_heading:
        top = _items_as_sections(preamble.section.paragraphs)
        if top:
            preamble.section.paragraphs = []
    else:
        _split_closing(top)
    if preamble.section.paragraphs:
        top.insert(0, preamble.section)
    if not top:
        top = [preamble.section]
    _number(top, "")
    return top


def _rank(heading: _Heading, families: dict[str, int]) -> tuple[int, int]:
    """Markdown headings outrank all others; other families rank by first appearance."""
    if heading.family == "md":
        return (-1, heading.depth)
    if heading.family not in families:
        families[heading.family] = len(families)
    return (families[heading.family], heading.depth)


def _paragraphs(lines: list[str], markdown: bool) -> list[str]:
    """Re-join hard-wrapped Latin lines; CJK lines are paragraphs as they stand."""
    paragraphs: list[str] = []
    for line in lines:
        if paragraphs and _joins(paragraphs[-1], line, markdown):
            paragraphs[-1] = paragraphs[-1] + " " + line.strip(_SPACES)
        else:
            paragraphs.append(line.strip(_SPACES) if not line.startswith(("    ", "\t")) or not markdown else line)
    return paragraphs


def _joins(previous: str, line: str, markdown: bool) -> bool:
    stripped = line.strip(_SPACES)
    if not stripped or RE_LIST_ITEM.match(stripped):
        return False
    if not (_latin_end(previous) and _latin_start(stripped)):
        return False
    return markdown or len(previous) >= 40


def _latin_end(text: str) -> bool:
    return bool(text) and ord(text[-1]) < 0x2E80 and not text[-1].isspace()


def _latin_start(text: str) -> bool:
    return bool(text) and ord(text[0]) < 0x2E80


def _items_as_sections(paragraphs: list[str]) -> list[Section]:
    """With no numbered headings, 一是……二是…… paragraphs become the sections."""
    starts = [i for i, p in enumerate(paragraphs) if RE_ITEM.match(p)]
    if len(starts) < 2:
        return []
    sections: list[Section] = []
    if starts[0] > 0:
        sections.append(Section(id="", kind="preamble", level=1, label="", heading="", paragraphs=paragraphs[: starts[0]]))
    bounds = starts + [len(paragraphs)]
    for here, there in zip(bounds, bounds[1:]):
        first = paragraphs[here]
        match = RE_ITEM.match(first)
        label = match.group(1)
        rest = first[match.end():]
        cut = _heading_end(rest)
        if cut is None or cut > 40:
            comma = next((j for j, ch in enumerate(rest[:40]) if ch in "，,"), None)
            cut = comma if comma is not None else min(len(rest), 30) - 1
            heading, body = rest[: cut + 1].rstrip(TRAILING_PUNCT), rest[cut + 1:]
        else:
            heading, body = rest[:cut], rest[cut + 1:]
        if rest[cut:cut + 1] and rest[cut] not in TRAILING_PUNCT:
            heading, body = rest[: cut + 1], rest[cut + 1:]
        paras = ([body.lstrip(_SPACES)] if body.strip(_SPACES) else []) + paragraphs[here + 1: there]
        sections.append(Section(id="", kind="heading", level=1, label=label.rstrip("，,、"), heading=heading, paragraphs=paras))
    return sections


def _split_closing(top: list[Section]) -> None:
    """Move the closing address (同志们，……谢谢大家！) after the last section to its own section."""
    last = top[-1]
    while last.children:
        last = last.children[-1]
    for j, paragraph in enumerate(last.paragraphs):
        if SALUTATION.match(paragraph) or CLOSING_WORDS.match(paragraph):
            if j == 0 and last.label == "" and last.kind == "heading":
                return
            closing = Section(id="", kind="closing", level=1, label="", heading="", paragraphs=last.paragraphs[j:])
            del last.paragraphs[j:]
            top.append(closing)
            return


def _number(sections: list[Section], prefix: str, level: int = 1) -> None:
    for index, section in enumerate(sections, 1):
        section.id = f"{prefix}{index}"
        section.level = level
        _number(section.children, f"{section.id}.", level + 1)


# ---------------------------------------------------------------- output


def to_data(doc: Document) -> dict:
    """The outline as JSON-able data, in the shape `study outline --json` prints."""

    def section(s: Section) -> dict:
        return {
            "id": s.id,
            "kind": s.kind,
            "level": s.level,
            "label": s.label,
            "heading": s.heading,
            "paragraphs": list(s.paragraphs),
            "children": [section(c) for c in s.children],
        }

    return {
        "title": doc.title,
        "title_from": doc.title_from,
        "meta": dict(doc.meta),
        "noise": list(doc.noise),
        "sections": [section(s) for s in doc.sections],
    }


def display_heading(section: Section, captions: dict[str, str] | None = None) -> str:
    """A section's name for people: label and heading, or a caption for preamble/closing."""
    if section.kind != "heading":
        return (captions or {}).get(section.kind, section.kind.capitalize())
    label = "" if section.label.startswith("#") else section.label
    heading = section.heading
    if not heading and section.paragraphs:
        heading = section.paragraphs[0][:24] + ("…" if len(section.paragraphs[0]) > 24 else "")
    if not label:
        return heading
    joiner = " " if label[-1].isalnum() or label[-1] in "章节条编" else ""
    return f"{label}{joiner}{heading}".strip()


def format_outline(doc: Document, captions: dict[str, str] | None = None) -> str:
    """The outline as an indented tree of labels and headings."""
    lines = [doc.title]
    for section in doc.walk():
        lines.append("  " * section.level + display_heading(section, captions))
    return "\n".join(lines)
