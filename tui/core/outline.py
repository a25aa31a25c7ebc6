"""Text -> Document: the heading grammar, title, preamble, closing and page residue."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePath

from rich.cells import cell_len

from .loader import MARKDOWN_SUFFIXES
from .model import Document, Section

# Every pattern here is anchored at the start of a line and bounded, or runs on a slice
# of bounded length: a 10 MB line must cost one pass, never a quadratic search.

_SPACES = " \t\u3000\xa0"
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

SALUTATION = re.compile(
    r"(?:尊敬的|亲爱的)?(同志们|同事们|朋友们|同学们|老师们|各位[\u4e00-\u9fff]{1,6}?|女士们[、，,]先生们)"
    r"[，,！!：:、]"
)
CLOSING_WORDS = re.compile(r"(?:谢谢大家|谢谢|Thank you)[！!。.]?$")

# Page residue: short key:value lines, and the words of a web page's buttons.
RE_META_PART = re.compile(
    r"[（(【\[]?([^\s:：,，、。；;!！?？（(【\[\d][^\s:：,，、。；;!！?？]{0,7})[ \t]*[:：][ \t\u3000]*"
    r"([^\s。！？!?；;][^。！？!?；;]{0,47}?)?[）)】\]]?"
)
RE_META_SPLIT = re.compile(r"[ \t\u3000]+(?=[（(【\[]?[^\s:：\d][^\s:：]{0,7}[:：])")
META_KEYS_WITHOUT_VALUE = {"来源", "作者", "编辑", "责任编辑", "发布时间", "发布日期", "日期", "时间", "浏览量", "阅读量", "浏览", "阅读", "点击", "点击量", "字号", "分享到", "Source", "Author", "Date"}
NOISE_WORDS = (
    "点赞|赞|收藏|分享|分享到|转发|评论|举报|在看|喜欢|打印|打印本页|打印此页|关闭|关闭窗口|关闭本页|"
    "返回顶部|回到顶部|返回|顶部|上一篇|下一篇|扫一扫|扫码分享|微信|朋友圈|微博|QQ空间|QQ|字号|大|中|小|默认|"
    "复制链接|Like|Share|Print|Tweet|Email|Back to top|Top"
)
RE_NOISE = re.compile(
    rf"(?:[【\[(（]?(?:{NOISE_WORDS})[】\])）]?[ \t]*(?:[(（]?\d{{0,6}}[)）]?)[:：]?[ \t\u3000|｜丨/·•]*)+"
)
RE_PAGE_NUMBER = re.compile(
    r"[-—–－~]{1,2}[ \t]*\d{1,4}[ \t]*[-—–－~]{1,2}|第[ \t]*\d{1,4}[ \t]*页(?:[ \t,，]*共[ \t]*\d{1,4}[ \t]*页)?"
    r"|(?:Page|page|PAGE)[ \t]+\d{1,4}(?:[ \t]+of[ \t]+\d{1,4})?"
)
# A table of contents: its marker line, and the leaders and page numbers ending its entries.
RE_TOC_MARKER = re.compile(r"(?:目[ \t\u3000]*录|(?i:contents|table of contents))[:：]?")
RE_PAGE_TAIL = re.compile(r"(?:[.…·•_\-—–－][ \t\u3000]*){3,}\d{1,4}$|…+[ \t\u3000]*\d{1,4}$|(?:[ \t\u3000]{2,}|\t)\d{1,4}$")
RE_YAML = re.compile(r"([A-Za-z_][\w-]{0,30})[ \t]*:[ \t]*(.*)")
_BLANK_TO_LINE_END = re.compile(r"[ \t\u3000\xa0]*(?:\n|\Z)")
RE_DATE = re.compile(r"[（(]?\d{2,4}[年.\-/]\d{1,2}[月.\-/]\d{1,2}日?[）)]?")

# A heading's text is short: a run-on heading ends at its first sentence end within this
# many characters, and a numbered line with no sentence end this early is a numbered paragraph.
MAX_HEADING = 60
HEADING_END = "。；！？;!?"
TRAILING_PUNCT = "。；！？;!?：:，,、 \t\u3000"
# A short label before a colon is a heading too: （一）指导思想：以……为指导。
MAX_COLON_HEADING = 16
# A title fits in 80 terminal cells: 40 Chinese characters, or 80 Latin ones.
TITLE_MAX_CELLS = 80


@dataclass
class _Heading:
    family: str          # "md", "di", "word", "cn", "cn_paren", "decimal", "num_paren"
    depth: int           # order inside the family (md: number of #, di: 编 0 … 条 3)
    label: str
    heading: str
    body: str = ""       # the rest of a run-on heading line
    latin: bool = False  # the text after the label is Latin: stricter rules apply
    rest: str = ""       # everything after the label, for a heading that turns out to be text


@dataclass
class _Node:
    section: Section
    rank: tuple[int, int]
    article: bool = False


def parse(text: str, name: str = "", markdown: bool | None = None) -> Document:
    """Turn a document's text into a `Document`; never raises on any text."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    noise: list[str] = []
    comments: list[str] = []
    if "<!--" in text:
        text = _strip_comments(text, comments)
    lines = text.split("\n")
    if markdown is None:
        markdown = _is_markdown_name(name) or any((atx := _atx(line)) and atx[1] for line in lines[:2000])
    meta: dict[str, str] = {}
    start, end, tail_noise = _strip_residue(lines, meta, noise)
    noise.extend(comments)
    title, title_from, body = _take_title(lines[start:end], name, markdown, meta, noise)
    sections = _build(body, markdown, noise, rst=PurePath(name).suffix.lower() == ".rst")
    noise.extend(tail_noise)
    return Document(title=title, title_from=title_from, sections=sections, meta=meta, noise=noise)


def _is_markdown_name(name: str) -> bool:
    return PurePath(name).suffix.lower() in MARKDOWN_SUFFIXES


# ---------------------------------------------------------------- residue and title


def _strip_comments(text: str, comments: list[str]) -> str:
    """HTML comments go to noise verbatim; a line that held only a comment disappears."""
    out: list[str] = []
    pos = 0
    while True:
        open_at = text.find("<!--", pos)
        if open_at < 0:
            break
        close_at = text.find("-->", open_at + 4)
        if close_at < 0:
            break  # unclosed: not a comment after all, and none can follow
        close_at += 3
        comments.append(text[open_at:close_at])
        # Searches stay between the previous comment and this one (and the blanks after
        # it), so that many comments on one huge line cost one pass, not one pass each.
        line_start = text.rfind("\n", max(pos - 1, 0), open_at) + 1
        alone = (pos == 0 or line_start >= pos) and not text[line_start:open_at].strip(_SPACES)
        rest = _BLANK_TO_LINE_END.match(text, close_at) if alone else None
        if rest is not None:
            out.append(text[pos:line_start])
            pos = rest.end()  # the whole line goes, its line end with it
        else:
            out.append(text[pos:open_at])
            pos = close_at
    out.append(text[pos:])
    return "".join(out)


def _residue(line: str, meta: dict[str, str], noise: list[str], edge: bool = True) -> bool:
    """Take a page-residue line into meta or noise; `edge` allows key:value lines."""
    stripped = line.strip(_SPACES)
    if not stripped or len(stripped) > 60:
        return False
    if RE_NOISE.fullmatch(stripped) or RE_PAGE_NUMBER.fullmatch(stripped):
        noise.append(stripped)
        return True
    if not edge or SALUTATION.match(stripped) or _classify(stripped, markdown=False) is not None:
        return False  # 第一部分：总体要求 is a heading, not a key and its value
    pairs: list[tuple[str, str]] = []
    for part in RE_META_SPLIT.split(stripped):
        match = RE_META_PART.fullmatch(part)
        if not match:
            return False
        key, value = match.group(1), (match.group(2) or "").strip(_SPACES)
        if not value and key not in META_KEYS_WITHOUT_VALUE:
            return False
        pairs.append((key, value))
    keys = [key for key, _ in pairs]
    if len(set(keys)) != len(keys) or any(key in meta for key in keys):
        return False  # a repeated key is text, so that no value is lost
    meta.update(pairs)
    return True


def _strip_residue(lines: list[str], meta: dict[str, str], noise: list[str]) -> tuple[int, int, list[str]]:
    """Consume residue lines at the top and the bottom; return the body's line range."""
    start = _front_matter(lines, meta, noise)
    while start < len(lines) and (not lines[start].strip(_SPACES) or _residue(lines[start], meta, noise)):
        start += 1
    end = len(lines)
    tail_meta: dict[str, str] = {}
    tail_noise: list[str] = []
    while end > start:
        line = lines[end - 1]
        if line.strip(_SPACES):
            trial: dict[str, str] = {}
            if not _residue(line, trial, tail_noise) or any(key in meta or key in tail_meta for key in trial):
                break
            tail_meta.update(trial)
        end -= 1
    for key in reversed(list(tail_meta)):
        meta[key] = tail_meta[key]
    return start, end, tail_noise[::-1]


def _front_matter(lines: list[str], meta: dict[str, str], noise: list[str]) -> int:
    """A Markdown file's YAML front matter (between `---` lines) goes to meta, or noise."""
    if not lines or lines[0].rstrip() != "---":
        return 0
    end = next((j for j in range(1, min(len(lines), 60)) if lines[j].rstrip() in ("---", "...")), None)
    if end is None or end == 1:
        return 0
    inside = [line for line in lines[1:end] if line.strip()]
    yaml_like = [RE_YAML.fullmatch(line.strip()) or line[:1] in " \t-#" for line in inside]
    if not all(yaml_like) or not any(RE_YAML.fullmatch(line) for line in inside):
        return 0  # text between two rules, not front matter
    for line in lines[1:end]:
        match = RE_YAML.fullmatch(line.strip())
        key, value = (match.group(1), match.group(2).strip().strip("\"'")) if match else ("", "")
        if match and key not in meta and value:
            meta[key] = value
        elif line.strip():
            noise.append(line.strip())
    return end + 1


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
        if level == 1 and text and not _another_h1(body[first + 1:]):
            return text, "text", _after_title(body, first + 1, meta, noise)
        return fallback, "filename", body
    if following.lstrip(" ")[:1] == "=" and RE_SETEXT.fullmatch(following) and cell_len(line[: TITLE_MAX_CELLS * 2 + 1]) <= TITLE_MAX_CELLS * 2:
        return line, "text", _after_title(body, first + 2, meta, noise)
    if RE_ADORNMENT.fullmatch(line) and first + 2 < len(body) and body[first + 2].strip() == line and following.strip(_SPACES):
        # reStructuredText's overlined title: ====== / Title / ======
        return following.strip(_SPACES), "text", _after_title(body, first + 3, meta, noise)
    if _reads_as_title(line, following, body[first + 1:]):
        return line, "text", _after_title(body, first + 1, meta, noise)
    return fallback, "filename", body


def _another_h1(lines: list[str]) -> bool:
    fence = ""
    for line in lines:
        match = RE_FENCE.match(line)
        if match and (not fence or match.group(1).startswith(fence)):
            fence = "" if fence else match.group(1)
        elif not fence and line[:2] in ("# ", "#\t") and (atx := _atx(line)) is not None and atx[0] == 1:
            return True
    return False


def _after_title(body: list[str], start: int, meta: dict[str, str], noise: list[str]) -> list[str]:
    """Residue lines right after a title (来源, 发布时间 under a web page's headline)."""
    i = start
    while i < len(body) and (not body[i].strip(_SPACES) or _residue(body[i], meta, noise)):
        i += 1
    return body[i:]


def _reads_as_title(line: str, following: str, rest: list[str]) -> bool:
    if len(line) > TITLE_MAX_CELLS or cell_len(line) > TITLE_MAX_CELLS or _classify(line, markdown=False) is not None:
        return False
    if any(mark in line for mark in "。！？!?；;") or line[-1] in "：:，,、.":
        return False
    if SALUTATION.match(line + "：") or RE_TOC_MARKER.fullmatch(line) or RE_DATE.fullmatch(line):
        return False
    if not any(ch.isalpha() for ch in line):
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


def _classify(line: str, markdown: bool, in_article: bool = False) -> _Heading | None:
    """The heading a stripped line starts with, or None when it is text."""
    first = line[:1]
    if not first:
        return None
    if first == "#":
        atx = _atx(line)
        if atx is None or not markdown:
            return None
        level, text = atx
        inner = _classify(text, markdown=False) if text else None
        if inner is not None and inner.family not in ("word",):
            heading = f"{inner.heading} {inner.body}".strip(_SPACES) if inner.body else inner.heading
            return _Heading("md", level, inner.label, heading)
        return _Heading("md", level, "#" * level, text.rstrip("。；！;!"))
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


def _emphasised(line: str, markdown: bool, in_article: bool) -> _Heading | None:
    """`**一、总体要求**` or `**（一）把握核心要义。**习近平……`: a heading in bold."""
    marker = line[:2]
    close = line.find(marker, 2, 2 + MAX_HEADING + 8)
    if close < 0:
        return None
    inner = line[2:close].strip(_SPACES)
    if not inner or inner[:1] in "*_":
        return None
    heading = _classify(inner, markdown, in_article)
    if heading is None or heading.family == "md":
        return None
    rest = line[close + 2:].strip(_SPACES)
    if rest:
        heading.body = f"{heading.body}{rest}" if heading.body else rest
    return heading


def _di(line: str) -> _Heading | None:
    """第X编/部分/章/节/条: the regulation family, nested in that order."""
    match = RE_DI.match(line)
    if not match:
        return None
    unit = match.group(2)
    label = match.group(1)
    after = line[match.end():]
    rest = after.strip(_SPACES)
    spaced = after[:1] in _SPACES
    if unit == "条":
        if not spaced and rest and rest[0] in NOT_ARTICLE:
            return None
        title = re.match(r"[【\[（(]([^】\]）)\d一二三四五六七八九十]{2,20})[】\]）)]", rest)
        if title:
            # 第五条【适用范围】……: a bracketed article title is the article's heading.
            return _Heading("di", FAMILY_ORDER[unit], label, title.group(1), rest[title.end():].lstrip(_SPACES))
        return _Heading("di", FAMILY_ORDER[unit], label, "", rest)
    if not spaced and rest[:1] in "、：:．.":
        rest = rest[1:].lstrip(_SPACES)
    text = rest.rstrip(TRAILING_PUNCT)
    if len(text) > MAX_HEADING or any(mark in rest for mark in HEADING_END):
        return None  # 第一节课我们学习了……。 is a sentence
    if not spaced and text and text[0] in NOT_ARTICLE:
        return None
    return _Heading("di", FAMILY_ORDER[unit], label, text)


def _word(line: str) -> _Heading | None:
    """Part/Chapter/Article/Section/SubSection/Clause N: English document divisions."""
    match = RE_WORD.match(line)
    if not match:
        return None
    label = match.group(1)
    after = line[match.end():]
    depth = WORD_DEPTH.get(match.group(2).lower().replace("sub-section", "subsection"), 3)
    if after and after[0] not in _SPACES + ":-–—":
        return None
    rest = after.lstrip(_SPACES + ":-–—")
    punctuated = label.endswith(".") or after.lstrip(_SPACES)[:1] in (":", "-", "–", "—")
    if not rest:
        return _Heading("word", depth, label, "", latin=True)
    text = rest.rstrip(". ")
    if len(text) <= MAX_HEADING and not any(mark in text for mark in ".;!?") and (rest[0].isupper() or rest[0] in "(\"'“"):
        return _Heading("word", depth, label, text, latin=True, rest=rest if punctuated else "")
    if punctuated:
        # Section 1. All legislative Powers herein granted…: a run-on division, like 第一条.
        return _Heading("word", depth, label, "", rest, latin=True)
    return None  # Section 2 of this Act…: a sentence


def _run_on(family: str, depth: int, label: str, after: str) -> _Heading:
    """Split `（一）把握核心要义。习近平总书记强调……` into heading and body."""
    rest = after.lstrip(_SPACES)
    # English text after the number (not 1. GDP增长6%, which is Chinese).
    latin = rest[:1].isascii() and rest[:1].isalpha() and all(ord(ch) < 0x2E80 for ch in rest[:30])
    colon = _colon_end(rest)
    cut = _heading_end(rest)
    if colon is not None and (cut is None or colon < cut):
        return _Heading(family, depth, label, rest[:colon].rstrip(TRAILING_PUNCT), rest[colon + 1:].lstrip(_SPACES), latin)
    if cut is None:
        if len(rest) > MAX_HEADING:
            # A numbered paragraph: the number still orders the outline, the text is body.
            return _Heading(family, depth, label, "", rest, latin)
        return _Heading(family, depth, label, rest.rstrip(TRAILING_PUNCT), "", latin)
    keep = 1 if rest[cut] in "？?" else 0  # a question keeps its mark
    heading = rest[: cut + keep].rstrip(TRAILING_PUNCT if not keep else _SPACES)
    return _Heading(family, depth, label, heading, rest[cut + 1:].lstrip(_SPACES), latin)


def _heading_end(rest: str) -> int | None:
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


def _toc_entry(line: str) -> bool:
    """A table-of-contents line: text ending with dot leaders or a run of spaces and a page number."""
    tail = line[-40:]
    return bool(tail[-1:].isdigit() and RE_PAGE_TAIL.search(tail))


# ---------------------------------------------------------------- tree building


class _Builder:
    """Walks the body's lines once, opening sections at headings and collecting paragraphs."""

    def __init__(self, markdown: bool) -> None:
        self.markdown = markdown
        self.adornments: dict[tuple[str, bool], int] = {}  # reStructuredText styles, by first use
        self.root = _Node(Section(id="", kind="heading", level=0, label="", heading=""), rank=(-9, 0))
        self.preamble = Section(id="", kind="preamble", level=1, label="", heading="")
        self.stack: list[_Node] = [self.root]
        self.families: dict[str, int] = {}
        self.block: list[str] = []       # lines of the paragraph(s) being read
        self.saw_heading = False

    def current(self) -> Section:
        return self.stack[-1].section if len(self.stack) > 1 else self.preamble

    def flush(self) -> None:
        if self.block:
            self.current().paragraphs.extend(_paragraphs(self.block, self.markdown))
            self.block = []

    def text(self, line: str) -> None:
        self.block.append(line)

    def verbatim(self, paragraph: str) -> None:
        self.flush()
        self.current().paragraphs.append(paragraph)

    def open(self, heading: _Heading) -> None:
        self.flush()
        self.saw_heading = True
        rank = self.rank(heading)
        while len(self.stack) > 1 and self.stack[-1].rank >= rank:
            self.stack.pop()
        parent = self.stack[-1].section
        section = Section(id="", kind="heading", level=len(self.stack), label=heading.label, heading=heading.heading)
        parent.children.append(section)
        self.stack.append(_Node(section, rank, article=heading.family == "di" and heading.depth == FAMILY_ORDER["条"]))
        if heading.body:
            self.block.append(heading.body)  # so that hard-wrapped lines that follow join it

    def adornment(self, char: str, overlined: bool) -> int:
        """reStructuredText levels: each adornment style is one level, in order of first use."""
        return self.adornments.setdefault((char, overlined), len(self.adornments) + 1)

    def rank(self, heading: _Heading) -> tuple[int, int]:
        """Markdown headings outrank all others; other families rank by first appearance."""
        if heading.family == "md":
            return (-1, heading.depth)
        if heading.family not in self.families:
            self.families[heading.family] = len(self.families)
        return (self.families[heading.family], heading.depth)


def _build(body: list[str], markdown: bool, noise: list[str], rst: bool = False) -> list[Section]:
    b = _Builder(markdown)
    n = len(body)
    i = 0
    while i < n:
        raw = body[i]
        line = raw.strip(_SPACES)
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
            end = _toc_end(body, i)
            for entry in body[i:end]:
                if entry.strip(_SPACES):
                    b.verbatim(entry.strip(_SPACES))  # the contents are text, not headings
            i = end
            continue
        heading = _classify(line, markdown, b.stack[-1].article if len(b.stack) > 1 else False)
        if heading is not None and heading.family != "md" and _toc_entry(line):
            heading = None
        if heading is not None and heading.latin and heading.family != "md":
            heading = _latin_heading(heading, body, i, b, markdown)
        if rst and heading is None and not b.block and i + 2 < n and RE_ADORNMENT.fullmatch(raw):
            title = body[i + 1].strip(_SPACES)
            if title and body[i + 2].strip() == raw.strip() and not RE_ADORNMENT.fullmatch(title):
                b.open(_Heading("md", b.adornment(raw.strip()[0], True), "", title))
                i += 3  # overline and underline are punctuation only
                continue
        if heading is None and not b.block and len(line) <= MAX_HEADING * 2 and i + 1 < n and line[-1] not in "。！；：;:!.":
            # A sentence over a rule is a sentence and a rule, not a setext heading.
            underline = (RE_ADORNMENT if rst else RE_SETEXT).fullmatch(body[i + 1])
            if underline and len(underline.group(1) if not rst else body[i + 1].strip()) >= 2 and not RE_MD_LIST.match(line):
                char = body[i + 1].strip()[0]
                depth = b.adornment(char, False) if rst else (1 if char == "=" else 2)
                b.open(_Heading("md", depth, "", line.rstrip("。；！;!")))
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
    fence = RE_FENCE.match(body[i]).group(1)
    j = i + 1
    while j < len(body) and not body[j].lstrip(" ").startswith(fence):
        j += 1
    end = min(j + 1, len(body))
    b.verbatim("\n".join(line.rstrip() for line in body[i:end]))
    return end


def _latin_heading(heading: _Heading, body: list[str], i: int, b: _Builder, markdown: bool) -> _Heading | None:
    """English numbered lines are headings only when they stand apart and read as titles.

    A hard-wrapped sentence may start a line with `Section 2 of` or `1. The`, and
    `1. Buy milk` next to `2. Eggs` is a list: neither opens a section.
    """
    if b.block:
        return None  # the line continues a paragraph
    following = body[i + 1].strip(_SPACES) if i + 1 < len(body) else ""
    wrapped = len(body[i].strip(_SPACES)) >= 50 and _latin_start(following) and _classify(following, markdown) is None
    if heading.family == "word" and heading.rest and wrapped:
        # `Section 1. All legislative Powers herein granted shall be vested in a` goes on
        # in the next line: the words after the label are the start of its body.
        return _Heading("word", heading.depth, heading.label, "", heading.rest, latin=True)
    if heading.family != "word" and (heading.body or not heading.heading):
        return None  # a sentence after a number is a list item
    if wrapped:
        return None
    if heading.family in ("decimal", "num_paren") and following:
        nxt = _classify(following, markdown)
        if nxt is not None and nxt.family == heading.family and nxt.depth == heading.depth:
            return None
    return heading


def _toc_end(body: list[str], marker: int) -> int:
    """Where the text after a 目录 line begins: at the first contents entry written again.

    The entries are short lines (headings, 序言, 附则, with or without page numbers). When
    no entry comes again before a sentence does, only the marker line is taken; entries with
    page numbers are still recognised one by one.
    """
    first = next((j for j in range(marker + 1, min(len(body), marker + 50)) if body[j].strip(_SPACES)), None)
    if first is None or not _toc_like(body[first].strip(_SPACES)):
        return marker + 1
    key = _toc_key(body[first].strip(_SPACES))
    for j in range(first + 1, min(len(body), first + 3000)):
        line = body[j].strip(_SPACES)
        if not line:
            continue
        if _toc_key(line) == key:
            return j
        if not _toc_like(line):
            break
    return marker + 1


def _toc_like(line: str) -> bool:
    return _toc_entry(line) or (len(line) <= 40 and not any(mark in line for mark in HEADING_END))


def _toc_key(line: str) -> str:
    """A heading line reduced to what a table of contents repeats of it."""
    tail = line[-40:]
    match = RE_PAGE_TAIL.search(tail) if tail[-1:].isdigit() else None
    if match:
        line = line[: len(line) - len(tail) + match.start()]
    return "".join(ch for ch in line if ch.isalnum())


def _finish(b: _Builder) -> list[Section]:
    top = b.root.section.children
    preamble = b.preamble
    if not b.saw_heading:
        top = _items_as_sections(preamble.paragraphs)
        if top:
            preamble.paragraphs = []
    if top and top[-1].kind == "heading":
        _split_closing(top)
    if preamble.paragraphs:
        top.insert(0, preamble)
    if not top:
        top = [preamble]
    _number(top, "")
    return top


def _paragraphs(lines: list[str], markdown: bool) -> list[str]:
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
    if not (_latin_end(previous) and _latin_start(line)):
        return False
    # Outside Markdown a short line ended its paragraph (an address, a verse, a list).
    return markdown or len(previous) >= 40


def _latin_end(text: str) -> bool:
    return bool(text) and ord(text[-1]) < 0x2E80 and not text[-1].isspace()


def _latin_start(text: str) -> bool:
    return bool(text) and ord(text[0]) < 0x2E80


def _items_as_sections(paragraphs: list[str]) -> list[Section]:
    """With no numbered headings, 一是……二是…… paragraphs become the sections."""
    starts = [i for i, p in enumerate(paragraphs) if RE_ITEM.match(p)]
    if len(starts) < 2 or not paragraphs[starts[0]].startswith(("一", "第一")):
        return []
    sections: list[Section] = []
    if starts[0] > 0:
        sections.append(Section(id="", kind="preamble", level=1, label="", heading="", paragraphs=paragraphs[: starts[0]]))
    bounds = starts + [len(paragraphs)]
    for here, there in zip(bounds, bounds[1:]):
        first = paragraphs[here]
        match = RE_ITEM.match(first)
        rest = first[match.end():].lstrip(_SPACES)
        cut = _heading_end(rest)
        if cut is not None:
            heading, body = rest[:cut].rstrip(TRAILING_PUNCT), rest[cut + 1:]
        elif len(rest) <= MAX_HEADING:
            heading, body = rest.rstrip(TRAILING_PUNCT), ""
        else:
            # No sentence end early on: the first clause names the item, if it is short.
            comma = next((j for j, ch in enumerate(rest[:MAX_HEADING]) if ch in "，,"), None)
            heading, body = (rest[:comma], rest[comma + 1:]) if comma else ("", rest)
        paras = ([body.lstrip(_SPACES)] if body.strip(_SPACES) else []) + paragraphs[here + 1: there]
        label = match.group(1).rstrip("，,、")
        sections.append(Section(id="", kind="heading", level=1, label=label, heading=heading, paragraphs=paras))
    return sections


def _split_closing(top: list[Section]) -> None:
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
        first = section.paragraphs[0].split("\n", 1)[0]
        heading = first[:24] + ("…" if len(first) > 24 else "")
    if not label:
        return heading
    joiner = " " if label[-1].isalnum() or label[-1] in "章节条编分." else ""
    return f"{label}{joiner}{heading}".strip()


def format_outline(doc: Document, captions: dict[str, str] | None = None) -> str:
    """The outline as an indented tree of labels and headings."""
    lines = [doc.title]
    for section in doc.walk():
        lines.append("  " * section.level + display_heading(section, captions))
    return "\n".join(lines)
