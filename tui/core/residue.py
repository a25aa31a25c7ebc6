"""What surrounds a document's body: page residue (meta and noise), front matter, comments, the title."""

from __future__ import annotations

from pathlib import PurePath
from typing import Literal

from rich.cells import cell_len

from .contents import RE_TOC_MARKER
from .headings import (
    RE_ADORNMENT,
    RE_FENCE,
    RE_SETEXT,
    SALUTATION,
    SPACES,
    atx_heading,
    classify,
    latin_end,
    latin_start,
)
from .lazy_pattern import lazy_compile

# Every pattern here runs on a short line or is anchored and bounded: a 10 MB line must
# cost one pass, never a quadratic search.

# Page residue: short key:value lines, and the words of a web page's buttons.
RE_META_PART = lazy_compile(
    r"[（(【\[]?([^\s:：,，、。；;!！?？（(【\[\d][^\s:：,，、。；;!！?？]{0,7})[ \t]*[:：][ \t\u3000]*"
    r"([^\s。！？!?；;][^。！？!?；;]{0,47}?)?[）)】\]]?"
)
RE_META_SPLIT = lazy_compile(r"[ \t\u3000]+(?=[（(【\[]?[^\s:：\d][^\s:：]{0,7}[:：])")
META_KEYS_WITHOUT_VALUE = {"来源", "作者", "编辑", "责任编辑", "发布时间", "发布日期", "日期", "时间", "浏览量", "阅读量", "浏览", "阅读", "点击", "点击量", "字号", "分享到", "Source", "Author", "Date"}
NOISE_WORDS = (
    "点赞|赞|收藏|分享|分享到|转发|评论|举报|在看|喜欢|打印|打印本页|打印此页|关闭|关闭窗口|关闭本页|"
    "返回顶部|回到顶部|返回|顶部|上一篇|下一篇|扫一扫|扫码分享|微信|朋友圈|微博|QQ空间|QQ|字号|大|中|小|默认|"
    "复制链接|Like|Share|Print|Tweet|Email|Back to top|Top"
)
RE_NOISE = lazy_compile(
    rf"(?:[【\[(（]?(?:{NOISE_WORDS})[】\])）]?[ \t]*(?:[(（]?\d{{0,6}}[)）]?)[:：]?[ \t\u3000|｜丨/·•]*)+"
)
# The characters a line of buttons can start with: a line starting otherwise is not one, and
# RE_NOISE is compiled only for a page that has such a line.
NOISE_STARTS = frozenset("【[(（") | {word[0] for word in NOISE_WORDS.split("|")}
RE_PAGE_NUMBER = lazy_compile(
    r"[-—–－~]{1,2}[ \t]*\d{1,4}[ \t]*[-—–－~]{1,2}|第[ \t]*\d{1,4}[ \t]*页(?:[ \t,，]*共[ \t]*\d{1,4}[ \t]*页)?"
    r"|(?:Page|page|PAGE)[ \t]+\d{1,4}(?:[ \t]+of[ \t]+\d{1,4})?"
)
# Front matter lines, the blanks after a comment, and a date alone on its line.
RE_YAML = lazy_compile(r"([A-Za-z_][\w-]{0,30})[ \t]*:[ \t]*(.*)")
_BLANK_TO_LINE_END = lazy_compile(r"[ \t\u3000\xa0]*(?:\n|\Z)")
RE_DATE = lazy_compile(r"[（(]?\d{2,4}[年.\-/]\d{1,2}[月.\-/]\d{1,2}日?[）)]?")
# A title fits in 80 terminal cells: 40 Chinese characters, or 80 Latin ones.
TITLE_MAX_CELLS = 80


def strip_comments(text: str, comments: list[str]) -> str:
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
        alone = (pos == 0 or line_start >= pos) and not text[line_start:open_at].strip(SPACES)
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
    stripped = line.strip(SPACES)
    if not stripped or len(stripped) > 60:
        return False
    if (stripped[0] in NOISE_STARTS and RE_NOISE.fullmatch(stripped)) or RE_PAGE_NUMBER.fullmatch(stripped):
        noise.append(stripped)
        return True
    if not edge or (":" not in stripped and "：" not in stripped):
        return False  # every key is followed by its colon
    if SALUTATION.match(stripped) or classify(stripped, markdown=False) is not None:
        return False  # 第一部分：总体要求 is a heading, not a key and its value
    pairs: list[tuple[str, str]] = []
    for part in RE_META_SPLIT.split(stripped):
        match = RE_META_PART.fullmatch(part)
        if not match:
            return False
        key, value = match.group(1), (match.group(2) or "").strip(SPACES)
        if not value and key not in META_KEYS_WITHOUT_VALUE:
            return False
        pairs.append((key, value))
    keys = [key for key, _ in pairs]
    if len(set(keys)) != len(keys) or any(key in meta for key in keys):
        return False  # a repeated key is text, so that no value is lost
    meta.update(pairs)
    return True


def strip_residue(lines: list[str], meta: dict[str, str], noise: list[str]) -> tuple[int, int, list[str]]:
    """Consume residue lines at the top and the bottom; return the body's line range."""
    start = _front_matter(lines, meta, noise)
    while start < len(lines) and (not lines[start].strip(SPACES) or _residue(lines[start], meta, noise)):
        start += 1
    end = len(lines)
    tail_meta: dict[str, str] = {}
    tail_noise: list[str] = []
    while end > start:
        line = lines[end - 1]
        if line.strip(SPACES):
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


def take_title(
    body: list[str], name: str, markdown: bool, meta: dict[str, str], noise: list[str]
) -> tuple[str, Literal["text", "filename"], list[str]]:
    fallback = PurePath(name).stem if name else ""
    first = next((i for i, line in enumerate(body) if line.strip(SPACES)), None)
    if first is None:
        return fallback, "filename", body
    line = body[first].strip(SPACES)
    following = body[first + 1] if first + 1 < len(body) else ""

    atx = atx_heading(line)
    if atx is not None:
        level, text = atx
        if level == 1 and text and not _another_h1(body[first + 1:]):
            return text, "text", _after_title(body, first + 1, meta, noise)
        return fallback, "filename", body
    if following.lstrip(" ")[:1] == "=" and RE_SETEXT.fullmatch(following) and cell_len(line[: TITLE_MAX_CELLS * 2 + 1]) <= TITLE_MAX_CELLS * 2:
        return line, "text", _after_title(body, first + 2, meta, noise)
    if RE_ADORNMENT.fullmatch(line) and first + 2 < len(body) and body[first + 2].strip() == line and following.strip(SPACES):
        # reStructuredText's overlined title: ====== / Title / ======
        return following.strip(SPACES), "text", _after_title(body, first + 3, meta, noise)
    if _reads_as_title(line, following, body[first + 1:]):
        return line, "text", _after_title(body, first + 1, meta, noise)
    return fallback, "filename", body


def _another_h1(lines: list[str]) -> bool:
    fence = ""
    for line in lines:
        match = RE_FENCE.match(line)
        if match and (not fence or match.group(1).startswith(fence)):
            fence = "" if fence else match.group(1)
        elif not fence and line[:2] in ("# ", "#\t") and (atx := atx_heading(line)) is not None and atx[0] == 1:
            return True
    return False


def _after_title(body: list[str], start: int, meta: dict[str, str], noise: list[str]) -> list[str]:
    """Residue lines right after a title (来源, 发布时间 under a web page's headline)."""
    i = start
    while i < len(body) and (not body[i].strip(SPACES) or _residue(body[i], meta, noise)):
        i += 1
    return body[i:]


def _reads_as_title(line: str, following: str, rest: list[str]) -> bool:
    if len(line) > TITLE_MAX_CELLS or cell_len(line) > TITLE_MAX_CELLS or classify(line, markdown=False) is not None:
        return False
    if any(mark in line for mark in "。！？!?；;") or line[-1] in "：:，,、.":
        return False
    if SALUTATION.match(line + "：") or RE_TOC_MARKER.fullmatch(line) or RE_DATE.fullmatch(line):
        return False
    if not any(ch.isalpha() for ch in line):
        return False
    if not any(other.strip(SPACES) for other in rest):
        return False  # a title must be followed by a body
    # A Latin line followed directly by more Latin text is the start of a paragraph.
    nxt = following.strip(SPACES)
    if nxt and latin_end(line) and latin_start(nxt):
        return False
    return True
