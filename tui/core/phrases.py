"""Key phrases worth quizzing: rules over a document's own text, then the user's edits."""

from __future__ import annotations

import bisect
import hashlib
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable, Mapping

from tui.core.model import Document, Phrase, PhraseEdit, Section

# Bump whenever a rule changes: cached results are keyed by it.
EXTRACTOR_VERSION = "1"

QUOTE_WHOLE = 12  # a quote up to this long is one blank; longer ones are quizzed in parts
QUOTE_PART = 16  # no part of a long quote is longer than this
TITLE_WHOLE = 24  # a title is a name: kept whole up to this long
PART_MIN = 3  # a part cut out of a long quote must still say something
ITEM_MAX = 7  # a 、-list item longer than this is a clause, not a term
LIST_WHOLE = 16  # a list up to this long is one blank, a longer one is quizzed item by item
CHARS_PER_BLANK = 20  # on average at most one blank per this many characters of a section
MIN_BLANKS_FROM = 50  # a section with this much text gets at least two blanks
KEYWORD_MAX = 6

# Candidates are kept in this order when a section has room for only some of them.
_TIERS = {"whole": 0, "formulation": 1, "part": 2, "enumeration": 2, "list": 3, "keyword": 4, "filler": 5}

_SENTENCE_END = re.compile(r"[。！？!?\n]|\.(?=\s|$)")
_CLAUSE = "，,；;：:"
_OPENERS = {"“": "”", "「": "」", "『": "』", "‘": "’", "《": "》"}
_CLOSERS = {close: open_ for open_, close in _OPENERS.items()}
_MARK = re.compile('[“”「」『』‘’《》"]')
_LATIN = re.compile(r"[A-Za-z0-9]+")
_HAN = re.compile(r"[\u3400-\u9fff]+")

# 两个确立 / 十四个坚持: the numeral stands on its own (二十二个, 第三个, 十一点六个 do not).
_COUNTED = re.compile(r"(?<![零〇一二三四五六七八九十百千万亿两几第每这那点数多余])(两|[三四五六七八九]|十[一二三四五六七八九]?)个")
# 第一责任人 / 第一生产力: 第一 directly before a noun names a role, not an ordinal.
_FIRST = re.compile(r"(?<![第零〇一二三四五六七八九十百千万])第一")
# Parts of speech that make 「numeral 个 X」 a count of things rather than a formulation.
_COUNTED_NOUNS = ("n", "nr", "ns", "nt", "nrt", "nrfg", "t", "m", "q", "mq", "f", "s", "r", "x", "eng")
_ROLE_TAGS = ("n", "nz", "vn")
_NOT_ROLES = frozenset("时间 阶段 部分 方面 层次 步骤 梯队 季度 年度 小时".split())  # 第一时间 is a when
_ENUM = re.compile(r"(?:^|(?<=[。；;：:，,！？!?\s]))(?:([一二三四五六七八九十]{1,3})是|第([一二三四五六七八九十]{1,3})[，,、：:])")

_LEADING_FILLER = frozenset("是 就是 要 而 并 也 都 又 还 和 与 及 以及 并且 而且 即".split())
_ENUM_FILLER = frozenset("要 要求 必须 应 应当 应该 需要 需 就 是".split())
# Words that end a list item on the right, or stop a first item growing to the left.
_LIST_RIGHT_STOP = frozenset("的 地 得 之 等 等等 和 与 及 以及 或 或者 中 里 方面 了 着 过".split())
_LIST_LEFT_STOP = frozenset(
    "的 地 得 之 了 着 过 到 在 对 把 将 和 与 及 以及 或 是 为 从 向 以 被 让 使 由 等 通过 存在 包括 "
    "如 比如 例如 就 都 也 还 要 并 而 即 有 没有 出现 开展 注重 实现 加强 坚持 推进 推动".split()
)
# 各部门、各单位 counts everyone; it is not a list of terms.
_DETERMINERS = ("各", "本", "每", "该", "某", "其", "此", "这", "那", "上述", "有关", "相关", "有的", "一些")
_KEYWORD_TAGS = ("n", "nz", "nt", "ns", "nr", "nrt", "nrfg", "vn", "l", "i", "j", "an", "eng")
_FUNCTION_TAGS = ("d", "p", "c", "u", "uj", "ul", "uz", "ug", "uv", "ud", "y", "e", "o", "r")
_NOT_FIRST = frozenset("要 需要 必须 应 应当 进行 加以 予以 给予 充分 需 能 能够 可以 会 将 把 使 让 有 是 为 成为 作为".split())
# Words a noun phrase may be built of: nouns, and verbs or adjectives that modify them.
_PHRASE_TAGS = (*_KEYWORD_TAGS, "v", "a", "b")
_GENERIC = frozenset(
    "坚持 加强 推进 推动 发展 建设 工作 问题 方面 情况 部门 单位 同志 我们 他们 大家 今天 当前 目前 "
    "进一步 全面 深入 切实 不断 积极 重要 有关 相关 实际 过程 方式 时候 人员 能力 水平 作用 意义 基础 "
    "领域 地方 时间 时期 方法 内容 要求 任务 目标 措施 事业 形势 方向 关系 "
    "a about above after again against all also an and any are as at be been before being below between "
    "both but by can could did do does doing down during each either every few for from further had has "
    "have having he her here hers him his how however i if in into is it its itself may me might more "
    "most must my neither no nor not now of off on once only or other our out over own same shall she "
    "should since so some such than that the their them then there these they this those through thus "
    "to too under until unto up upon us very was we were what when where whether which while who whom "
    "whose why will with within without would yet you your".split()
)


# ---------------------------------------------------------------------------
# Public API


def cache_key(text: str) -> str:
    """A key for cached phrases: the extraction is a pure function of the text and the version."""
    return hashlib.sha256(f"{EXTRACTOR_VERSION}\0{text}".encode("utf-8")).hexdigest()


def extract(doc: Document) -> dict[str, list[Phrase]]:
    """The key phrases of every section, by section id, ordered by (paragraph, start)."""
    sections = list(doc.walk())
    paragraphs = [[_Paragraph(p) for p in s.paragraphs] for s in sections]
    context = _Context(paragraphs)
    return {s.id: _extract_section(paragraphs[i], context, i) for i, s in enumerate(sections)}


def extract_paragraph(text: str) -> list[Phrase]:
    """The key phrases of one paragraph taken on its own (paragraph index 0)."""
    paragraph = _Paragraph(text)
    return _extract_section([paragraph], _Context([[paragraph]]), 0)


def find_occurrence(section: Section, text: str, phrases: Iterable[Phrase] = ()) -> tuple[int, int] | None:
    """Where `text` first occurs in the section's own paragraphs, or None.

    An occurrence that overlaps none of `phrases` is preferred over an earlier one that does.
    """
    if not text or not text.strip():
        return None
    taken = list(phrases)
    first: tuple[int, int] | None = None
    for index, paragraph in enumerate(section.paragraphs):
        start = paragraph.find(text)
        while start != -1:
            if first is None:
                first = (index, start)
            end = start + len(text)
            if not any(p.paragraph == index and p.start < end and start < p.end for p in taken):
                return index, start
            start = paragraph.find(text, start + 1)
    return first


def apply_edits(
    doc: Document, phrases: Mapping[str, list[Phrase]], edits: Iterable[PhraseEdit]
) -> dict[str, list[Phrase]]:
    """The phrases with the user's edits applied in order; `phrases` is left untouched.

    An edit for a section that no longer exists, or adding text that no longer occurs, is
    skipped: the file changed since the edit was made.
    """
    result = {section_id: list(found) for section_id, found in phrases.items()}
    by_key: dict[str, list[Section]] = {}
    for section in doc.walk():
        by_key.setdefault(doc.section_key(section.id), []).append(section)
        result.setdefault(section.id, [])
    for edit in edits:
        for section in by_key.get(edit.section_key, []):
            current = result[section.id]
            if edit.action == "remove":
                result[section.id] = [p for p in current if p.text != edit.text]
                continue
            where = _edit_position(section, edit, current)
            if where is None:
                continue
            index, start = where
            end = start + len(edit.text)
            kept = [p for p in current if not (p.paragraph == index and p.start < end and start < p.end)]
            kept.append(Phrase(index, start, end, edit.text, "user"))
            result[section.id] = sorted(kept, key=lambda p: (p.paragraph, p.start))
            break  # sections sharing a key: the edit belongs to the first that holds the text
    return result


def phrases_to_data(phrases: Mapping[str, list[Phrase]]) -> dict[str, Any]:
    """Phrases as JSON-able data, for a cache."""
    return {
        "version": EXTRACTOR_VERSION,
        "sections": {
            section_id: [[p.paragraph, p.start, p.end, p.text, p.kind] for p in found]
            for section_id, found in phrases.items()
        },
    }


def phrases_from_data(data: Any) -> dict[str, list[Phrase]]:
    """The inverse of `phrases_to_data`; ValueError when the data is not what it wrote."""
    try:
        sections = data["sections"]
        result = {
            str(section_id): [
                Phrase(int(paragraph), int(start), int(end), str(text), str(kind))
                for paragraph, start, end, text, kind in found
            ]
            for section_id, found in sections.items()
        }
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise ValueError(f"not cached phrases: {error}") from None
    for found in result.values():
        for p in found:
            if p.end - p.start != len(p.text) or p.start < 0:
                raise ValueError(f"not cached phrases: bad span for {p.text!r}")
    return result


def phrases_json(doc: Document, phrases: Mapping[str, list[Phrase]]) -> dict[str, Any]:
    """The machine form of `study phrases --json`: every section in document order."""
    return {
        "sections": [
            {
                "id": section.id,
                "kind": section.kind,
                "heading": section.heading,
                "phrases": [
                    {"text": p.text, "paragraph": p.paragraph, "start": p.start, "end": p.end, "kind": p.kind}
                    for p in phrases.get(section.id, [])
                ],
            }
            for section in doc.walk()
        ]
    }


def format_phrases(
    doc: Document, phrases: Mapping[str, list[Phrase]], names: Mapping[str, str] | None = None
) -> str:
    """The human form of `study phrases`: each section's heading, then its phrases.

    `names` gives the words shown for sections without a heading, by kind
    (`preamble`, `closing`).
    """
    names = {"preamble": "(preamble)", "closing": "(closing)", **(names or {})}
    lines: list[str] = []
    for section in doc.walk():
        indent = "  " * max(section.level - 1, 0)
        heading = f"{section.label}{section.heading}" if section.kind == "heading" else names.get(section.kind, "")
        lines.append(f"{indent}{heading or section.label}")
        for p in phrases.get(section.id, []):
            lines.append(f"{indent}  · {p.text}  [{p.kind}]")
    return "\n".join(lines)


# ---------------------------------------------------------------------------
# Text analysis


@lru_cache(maxsize=1)
def _segmenter() -> Any:
    import rjieba  # imported on first need: it costs ~0.1 s and ~40 MB

    return rjieba


@lru_cache(maxsize=32768)
def _pos(word: str) -> str:
    tags = _segmenter().tag(word)
    return tags[0][1] if len(tags) == 1 else "l"


@lru_cache(maxsize=1)
def _known() -> tuple[str, ...]:
    text = resources.files("tui.core").joinpath("formulations.txt").read_text(encoding="utf-8")
    lines = (line.strip() for line in text.splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


@lru_cache(maxsize=1)
def _known_pattern() -> re.Pattern[str]:
    return _alternation(_known())


def _alternation(terms: Iterable[str]) -> re.Pattern[str]:
    """One pattern for many literal terms, longest first; with none it matches nothing."""
    ordered = sorted({t for t in terms if t}, key=len, reverse=True)
    return re.compile("|".join(re.escape(t) for t in ordered) if ordered else "(?!)")


def _size(text: str) -> int:
    """Length for the size rules: characters, but a Latin word counts as two and spaces as
    nothing, so that a quote of six English words is as long as one of twelve characters."""
    words = _LATIN.findall(text)
    return len(text) - sum(len(w) for w in words) - text.count(" ") + 2 * len(words)


def _is_punct(char: str) -> bool:
    return char.isspace() or unicodedata.category(char)[0] in "PSZC"


def _latin_letter(char: str) -> bool:
    return char.isascii() and char.isalpha()


def _has_word(text: str) -> bool:
    return any(c.isalpha() for c in text)


class _Paragraph:
    """A paragraph with its segmentation and quotation marks, computed when first asked for."""

    __slots__ = ("text", "_tokens", "_bounds", "_sorted", "_quotes", "_starts", "_ends")

    def __init__(self, text: str) -> None:
        self.text = text
        self._tokens: list[tuple[str, int, int]] | None = None
        self._bounds: set[int] | None = None
        self._sorted: list[int] | None = None
        self._quotes: list[tuple[int, int, str]] | None = None
        self._starts: dict[int, tuple[str, int, int]] | None = None
        self._ends: dict[int, tuple[str, int, int]] | None = None

    @property
    def tokens(self) -> list[tuple[str, int, int]]:
        if self._tokens is None:
            self._tokens = _segmenter().tokenize(self.text) if self.text else []
        return self._tokens

    @property
    def bounds(self) -> set[int]:
        """Where a blank may start or end: the segmenter's word boundaries, less the
        inside of well-known formulations it would split (两个 / 确立)."""
        if self._bounds is None:
            bounds = {start for _, start, _ in self.tokens}
            bounds.add(len(self.text))
            for match in _known_pattern().finditer(self.text):
                if match.start() in bounds and match.end() in bounds:
                    bounds.difference_update(range(match.start() + 1, match.end()))
            self._bounds = bounds
        return self._bounds

    @property
    def sorted_bounds(self) -> list[int]:
        if self._sorted is None:
            self._sorted = sorted(self.bounds)
        return self._sorted

    def token_at(self, start: int) -> tuple[str, int, int] | None:
        """The word that starts at `start`, if one does."""
        if self._starts is None:
            self._starts = {t[1]: t for t in self.tokens}
        return self._starts.get(start)

    def token_ending(self, end: int) -> tuple[str, int, int] | None:
        """The word that ends at `end`, if one does."""
        if self._ends is None:
            self._ends = {t[2]: t for t in self.tokens}
        return self._ends.get(end)

    @property
    def quotes(self) -> list[tuple[int, int, str]]:
        """Spans inside paired marks: (start, end, "quote" | "title"), the marks excluded."""
        if self._quotes is None:
            self._quotes = _quote_spans(self.text)
        return self._quotes

    def valid(self, start: int, end: int) -> bool:
        """Whether text[start:end] may be a blank (DESIGN "Key phrases", rules for every blank)."""
        text = self.text[start:end]
        return (
            end - start >= 2
            and not _is_punct(text[0])
            and not _is_punct(text[-1])
            and _has_word(text)
            and not _SENTENCE_END.search(text)
            and start in self.bounds
            and end in self.bounds
        )

    def strip(self, start: int, end: int) -> tuple[int, int]:
        text = self.text
        while start < end and _is_punct(text[start]):
            start += 1
        while end > start and _is_punct(text[end - 1]):
            end -= 1
        return start, end


def _quote_spans(text: str) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    stack: list[tuple[str, int]] = []
    for match in _MARK.finditer(text):
        mark, at = match.group(), match.start()
        if mark in _OPENERS:
            stack.append((mark, at))
            continue
        if mark == "’" and 0 < at < len(text) - 1 and _latin_letter(text[at - 1]) and _latin_letter(text[at + 1]):
            continue  # an apostrophe: don’t
        opener = '"' if mark == '"' else _CLOSERS[mark]
        index = next((i for i in range(len(stack) - 1, -1, -1) if stack[i][0] == opener), None)
        if index is None:
            if mark == '"':
                stack.append((mark, at))
            continue  # a closing mark with nothing open: stray, ignored
        open_at = stack[index][1]
        del stack[index:]  # marks opened inside and never closed are dropped
        spans.append((open_at + 1, at, "title" if mark == "》" else "quote"))
    spans.sort()
    return spans


# ---------------------------------------------------------------------------
# Candidates


@dataclass(frozen=True)
class _Candidate:
    tier: int
    paragraph: int
    start: int
    end: int
    kind: str
    rank: float = 0.0  # order within a tier; document order when equal


class _Context:
    """What the rules learn from the whole document: its quoted terms and its word counts."""

    def __init__(self, sections: list[list[_Paragraph]]) -> None:
        self.sections = [paragraphs for paragraphs in sections if paragraphs]
        terms: set[str] = set()
        for paragraph in (p for paragraphs in sections for p in paragraphs):
            if not paragraph.text or not _MARK.search(paragraph.text):
                continue
            for start, end, kind in paragraph.quotes:
                start, end = paragraph.strip(start, end)
                term = paragraph.text[start:end]
                if kind == "quote" and len(term) >= 2 and _size(term) <= QUOTE_WHOLE and _has_word(term):
                    if not _MARK.search(term):
                        terms.add(term)
        # The document marks these as terms; their unquoted occurrences are terms too,
        # unless they are everywhere (a word quoted for what it is: The Word "the").
        pattern = _alternation(terms | set(_known()))
        self.matches: list[list[tuple[int, int, int, str]]] = []
        spread: dict[str, int] = {}
        for paragraphs in sections:
            found = []
            for index, paragraph in enumerate(paragraphs):
                text = paragraph.text
                for match in pattern.finditer(text):
                    start, end = match.start(), match.end()
                    if start > 0 and end < len(text) and text[start - 1] in _OPENERS and text[end] in _CLOSERS:
                        continue  # the quote rule has it
                    if text[start - 1 : start] == '"' or text[end : end + 1] == '"':
                        continue
                    found.append((index, start, end, match.group()))
            for term in {f[3] for f in found}:
                spread[term] = spread.get(term, 0) + 1
            self.matches.append(found)
        filled = len(self.sections)
        self.common = {t for t, n in spread.items() if filled >= 4 and n > filled / 2}
        self.common |= {t for t in terms if t.lower() in _GENERIC or (t.isascii() and len(t) < 4)}
        self._frequency: dict[str, int] | None = None

    def document_frequency(self, word: str) -> int:
        if self._frequency is None:
            counts: dict[str, int] = {}
            for paragraphs in self.sections:
                for word_ in {w for p in paragraphs for w, _, _ in p.tokens}:
                    counts[word_] = counts.get(word_, 0) + 1
            self._frequency = counts
        return self._frequency.get(word, 0)


def _extract_section(paragraphs: list[_Paragraph], context: _Context, section: int) -> list[Phrase]:
    length = sum(len(p.text) for p in paragraphs) + max(len(paragraphs) - 1, 0)
    room = length // CHARS_PER_BLANK
    if room == 0:
        return []
    candidates: list[_Candidate] = []
    for index, paragraph in enumerate(paragraphs):
        if not paragraph.text.strip():
            continue
        candidates += _quote_candidates(index, paragraph)
        candidates += _formulation_candidates(index, paragraph)
        candidates += _list_candidates(index, paragraph)
    candidates += _term_candidates(paragraphs, context, section)
    candidates += _enumeration_candidates(paragraphs)
    chosen = _choose(paragraphs, candidates, room)
    wanted = min(room, max(2, length // 150))
    if len(chosen) < 2 and len(chosen) < wanted:
        keywords = _keyword_candidates(paragraphs, context)
        chosen = _choose(paragraphs, [*chosen, *keywords], wanted)
        if len(chosen) < 2 and length >= MIN_BLANKS_FROM:
            chosen = _choose(paragraphs, [*chosen, *_filler_candidates(paragraphs)], 2)
    return [
        Phrase(c.paragraph, c.start, c.end, paragraphs[c.paragraph].text[c.start : c.end], c.kind)
        for c in sorted(chosen, key=lambda c: (c.paragraph, c.start))
    ]


def _choose(paragraphs: list[_Paragraph], candidates: list[_Candidate], room: int) -> list[_Candidate]:
    """The best candidates that obey the rules, never overlapping, at most `room` of them."""
    chosen: list[_Candidate] = []
    taken: dict[int, list[tuple[int, int]]] = {}  # per paragraph, sorted and disjoint
    for c in sorted(candidates, key=lambda c: (c.tier, c.rank, c.paragraph, c.start, -c.end)):
        if len(chosen) >= room:
            break
        spans = taken.setdefault(c.paragraph, [])
        at = bisect.bisect_left(spans, (c.start, c.end))
        if (at > 0 and spans[at - 1][1] > c.start) or (at < len(spans) and spans[at][0] < c.end):
            continue  # overlaps a better one (or is the same span again)
        if not paragraphs[c.paragraph].valid(c.start, c.end):
            continue
        spans.insert(at, (c.start, c.end))
        chosen.append(c)
    return chosen


def _quote_candidates(index: int, paragraph: _Paragraph) -> list[_Candidate]:
    if not _MARK.search(paragraph.text):
        return []
    spans = paragraph.quotes
    found: list[_Candidate] = []
    for start, end, kind in spans:
        inner = [(s, e) for s, e, _ in spans if start <= s - 1 and e + 1 <= end and (s, e) != (start, end)]
        if inner and kind == "quote":
            # A quote within a quote is blanked on its own; the rest of the outer quote in parts.
            pieces, cursor = [], start
            for s, e in inner:
                if s - 1 >= cursor:
                    pieces.append((cursor, s - 1))
                cursor = max(cursor, e + 1)
            pieces.append((cursor, end))
            for s, e in pieces:
                found += [_Candidate(_TIERS["part"], index, a, b, kind) for a, b in _parts(paragraph, s, e)]
            continue
        s, e = paragraph.strip(start, end)
        whole = TITLE_WHOLE if kind == "title" else QUOTE_WHOLE
        if _size(paragraph.text[s:e]) <= whole and not _SENTENCE_END.search(paragraph.text[s:e]):
            found.append(_Candidate(_TIERS["whole"], index, s, e, kind))
        else:
            found += [_Candidate(_TIERS["part"], index, a, b, kind) for a, b in _parts(paragraph, s, e)]
    return found


def _parts(paragraph: _Paragraph, start: int, end: int) -> list[tuple[int, int]]:
    """A long quote cut at its sentence and clause punctuation into blanks of meaningful size."""
    text = paragraph.text
    parts: list[tuple[int, int]] = []
    for clause_start, clause_end in _split(text, start, end, _SENTENCE_END_CHARS + _CLAUSE):
        clause_start, clause_end = paragraph.strip(clause_start, clause_end)
        if _size(text[clause_start:clause_end]) <= QUOTE_PART:
            parts.append((clause_start, clause_end))
            continue
        # A long clause: its 、-items, neighbours merged while they stay short.
        merged: list[tuple[int, int]] = []
        for s, e in _split(text, clause_start, clause_end, "、"):
            s, e = paragraph.strip(s, e)
            if s >= e:
                continue
            if merged and _size(text[merged[-1][0] : e]) <= QUOTE_WHOLE:
                merged[-1] = (merged[-1][0], e)
            else:
                merged.append((s, e))
        for s, e in merged:
            parts += [(s, e)] if _size(text[s:e]) <= QUOTE_PART else _chunk(paragraph, s, e, QUOTE_WHOLE)
    trimmed = []
    for s, e in parts:
        token = paragraph.token_at(s)
        if token and token[0] in _LEADING_FILLER and _size(text[token[2] : e]) >= PART_MIN:
            s = token[2]
        if _size(text[s:e]) >= PART_MIN:
            trimmed.append((s, e))
    return trimmed


_SENTENCE_END_CHARS = "。！？!?"


def _split(text: str, start: int, end: int, marks: str) -> list[tuple[int, int]]:
    pieces, cursor = [], start
    for at in range(start, end):
        if text[at] in marks:
            pieces.append((cursor, at))
            cursor = at + 1
    pieces.append((cursor, end))
    return [(s, e) for s, e in pieces if s < e]


def _chunk(paragraph: _Paragraph, start: int, end: int, limit: int) -> list[tuple[int, int]]:
    """Cut a span at word boundaries into pieces no longer than `limit`, preferring to cut
    after 的/和/与 and near the middle."""
    if _size(paragraph.text[start:end]) <= limit:
        return [(start, end)]
    bounds = paragraph.sorted_bounds
    inside = bounds[bisect.bisect_left(bounds, start + 2) : bisect.bisect_right(bounds, end - 2)]
    if not inside:
        return []
    middle = (start + end) / 2
    text = paragraph.text

    def cost(at: int) -> float:
        return abs(at - middle) - (3 if text[at - 1] in "的和与及、" else 0)

    at = min(inside, key=cost)
    return _chunk(paragraph, start, at, limit) + _chunk(paragraph, at, end, limit)


def _formulation_candidates(index: int, paragraph: _Paragraph) -> list[_Candidate]:
    text = paragraph.text
    found: list[_Candidate] = []
    tier = _TIERS["formulation"]
    if "个" in text:
        for match in _COUNTED.finditer(text):
            if paragraph.token_ending(match.end()) is None or match.start() not in paragraph.bounds:
                continue
            head = _following_word(paragraph, match.end())
            if head and _pos(head[0]) not in _COUNTED_NOUNS:
                found.append(_Candidate(tier, index, match.start(), head[2], "formulation"))
    if "第一" in text:
        for match in _FIRST.finditer(text):
            if paragraph.token_at(match.start()) != ("第一", match.start(), match.end()):
                continue
            role = paragraph.token_at(match.end())
            if (
                role
                and 2 <= len(role[0]) <= 3
                and _HAN.fullmatch(role[0])
                and role[0] not in _NOT_ROLES
                and _pos(role[0]) in _ROLE_TAGS
            ):
                found.append(_Candidate(tier, index, match.start(), role[2], "formulation"))
    return found


def _following_word(paragraph: _Paragraph, start: int) -> tuple[str, int, int] | None:
    """The short word after 个 (two to four Han characters; one-character words joined)."""
    token = paragraph.token_at(start)
    if token is None or not _HAN.fullmatch(token[0]):
        return None
    word, _, end = token
    if len(word) == 1:
        following = paragraph.token_at(end)
        if following is None or not _HAN.fullmatch(following[0]) or len(word + following[0]) > 4:
            return None
        word, end = word + following[0], following[2]
    return (word, start, end) if 2 <= len(word) <= 4 else None


def _term_candidates(paragraphs: list[_Paragraph], context: _Context, section: int) -> list[_Candidate]:
    """Unquoted occurrences of the document's quoted terms and of well-known formulations:
    the first of each in a section."""
    found: list[_Candidate] = []
    seen: set[str] = set(context.common)
    for index, start, end, term in context.matches[section]:
        if term not in seen and start in paragraphs[index].bounds and end in paragraphs[index].bounds:
            seen.add(term)
            found.append(_Candidate(_TIERS["formulation"], index, start, end, "formulation"))
    return found


def _enumeration_candidates(paragraphs: list[_Paragraph]) -> list[_Candidate]:
    """The core clause of each item of 一是……二是…… or 第一，……第二，……"""
    markers: dict[str, list[tuple[int, int, int, int]]] = {"是": [], "第": []}
    for index, paragraph in enumerate(paragraphs):
        if "是" not in paragraph.text and "第" not in paragraph.text:
            continue
        for match in _ENUM.finditer(paragraph.text):
            style = "是" if match.group(1) else "第"
            value = _numeral(match.group(1) or match.group(2))
            markers[style].append((index, match.start(), match.end(), value))
    found: list[_Candidate] = []
    every: dict[int, list[int]] = {}
    for index, start, _, _ in sorted(m for ms in markers.values() for m in ms):
        every.setdefault(index, []).append(start)
    for style, series in markers.items():
        values = {m[3] for m in series}
        if not {1, 2} <= values:
            continue
        for index, _, item_start, value in series:
            paragraph = paragraphs[index]
            starts = every[index]
            after = bisect.bisect_right(starts, item_start)
            item_end = starts[after] if after < len(starts) else len(paragraph.text)
            span = _core_clause(paragraph, item_start, item_end)
            if span:
                found.append(_Candidate(_TIERS["enumeration"], index, span[0], span[1], "enumeration"))
    return found


def _core_clause(paragraph: _Paragraph, start: int, end: int) -> tuple[int, int] | None:
    text = paragraph.text
    stop = next((i for i in range(start, end) if text[i] in _CLAUSE or text[i] in _SENTENCE_END_CHARS), end)
    start, stop = paragraph.strip(start, stop)
    token = paragraph.token_at(start)
    while token and token[0] in _ENUM_FILLER and token[2] < stop:
        start = token[2]
        token = paragraph.token_at(start)
    if _size(text[start:stop]) > QUOTE_PART:
        pieces = _chunk(paragraph, start, stop, QUOTE_WHOLE)
        return pieces[0] if pieces else None
    return (start, stop) if stop > start else None


def _numeral(text: str) -> int:
    digits = "一二三四五六七八九"
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + digits.index(text[1]) + 1
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (digits.index(tens) + 1) * 10 + (digits.index(ones) + 1 if ones else 0)
    return digits.index(text[0]) + 1 if len(text) == 1 else 0


def _list_candidates(index: int, paragraph: _Paragraph) -> list[_Candidate]:
    """Parallel 、-lists of short terms (态度冷漠、推诿扯皮): the list, or its items when long."""
    text = paragraph.text
    if "、" not in text:
        return []
    found: list[_Candidate] = []
    for chain in _chains(text):
        items = _list_items(paragraph, chain)
        if not items:
            continue
        if items[-1][1] - items[0][0] <= LIST_WHOLE:
            found.append(_Candidate(_TIERS["list"], index, items[0][0], items[-1][1], "list"))
        else:
            found += [_Candidate(_TIERS["list"], index, s, e, "list") for s, e in items]
    return found


def _chains(text: str) -> list[list[int]]:
    """Runs of 、 separated only by short stretches of words."""
    chains: list[list[int]] = []
    for at in (m.start() for m in re.finditer("、", text)):
        if chains:
            last = chains[-1][-1]
            between = text[last + 1 : at]
            if 0 < len(between) <= ITEM_MAX and not any(_is_punct(c) for c in between):
                chains[-1].append(at)
                continue
        chains.append([at])
    return chains


def _list_items(paragraph: _Paragraph, chain: list[int]) -> list[tuple[int, int]] | None:
    text = paragraph.text
    middles = [(a + 1, b) for a, b in zip(chain, chain[1:])]
    # The last item runs from the last 、 up to a particle (的, 等, 和), an adverb or a mark.
    right: list[int] = []
    token = paragraph.token_at(chain[-1] + 1)
    while token and not _stops_list(token[0], _LIST_RIGHT_STOP, first=not right):
        right.append(token[2])
        token = paragraph.token_at(token[2])
    if not right:
        return None
    closed = token is None or token[0] in _LIST_RIGHT_STOP or token[0][0] in "，,；;。：:！？!?、）)"
    if middles:
        reference = sorted(e - s for s, e in middles)[(len(middles) - 1) // 2]
        last_end = right[-1]
        if not closed or last_end - chain[-1] - 1 > reference + 2:
            last_end = min(right, key=lambda e: (abs(e - chain[-1] - 1 - reference), -e))
    elif closed:
        last_end = right[-1]
        reference = last_end - chain[-1] - 1
    else:
        return None  # two items and no telling where the second ends
    # The first item: the words before the first 、 whose length is closest to the others'.
    second = paragraph.token_at(chain[0] + 1)
    opener = second[0] if second else ""
    left: list[int] = []
    token = paragraph.token_ending(chain[0])
    while token and (token[0] == opener or not _stops_list(token[0], _LIST_LEFT_STOP, first=not left, left=True)):
        left.append(token[1])
        token = paragraph.token_ending(token[1])
    if not left:
        return None
    # Parallel items open alike: before items that open with a noun, a verb or adverb is
    # not part of the first item (正处于规划收官期、乡村振兴深化期).
    nominal = bool(opener) and _nounish(opener)

    def misfit(start: int) -> tuple[int, int]:
        word = paragraph.token_at(start)
        unlike = nominal and word is not None and _pos(word[0]) in ("v", "d")
        return abs(chain[0] - start - reference) + (3 if unlike else 0), start

    first_start = min(left, key=misfit)
    if token and token[0] == "的" and text[last_end : last_end + 1] == "的":
        return None  # ……的复杂程度、解决问题的……: a head noun and a modifier, not a list
    items = [(first_start, chain[0]), *middles, (chain[-1] + 1, last_end)]
    lengths = [e - s for s, e in items]
    if max(lengths) > ITEM_MAX or max(lengths) > 2 * min(lengths):
        return None  # a list of clauses, or of things that are not alike
    if len(items) < 3 and max(lengths) < 3:
        return None  # 部门、单位: two bare words say too little
    openers = {(paragraph.token_at(s) or ("",))[0] for s, _ in items}
    for s, e in items:
        item = text[s:e]
        first = paragraph.token_at(s)
        if item.startswith(_DETERMINERS):
            return None  # 各部门、各单位 counts everyone
        if first and len(openers) > 1 and _pos(first[0]) in _FUNCTION_TAGS and _pos(first[0]) != "d":
            return None  # 以真理 is not a term, unless every item opens alike (同部署、同落实)
        if first and first[2] < e and any(c in item for c in "了着的地得"):
            return None  # a clause with particles (创造了良好条件), not a term
    return items


def _stops_list(word: str, stops: frozenset[str], first: bool, left: bool = False) -> bool:
    """Whether `word` ends a list item. The word next to a 、 belongs to its item whatever
    it is (同部署、同落实); further out a particle ends it, and an adverb ends it on the
    right (安全感|更加充实) but may open it on the left (不敢担当、逃避责任)."""
    if word in stops or _is_punct(word[0]):
        return True
    tag = _pos(word)
    return not first and tag in _FUNCTION_TAGS and not (left and tag == "d")


def _keyword_candidates(paragraphs: list[_Paragraph], context: _Context) -> list[_Candidate]:
    """Nouns and noun phrases ranked by TF-IDF over the document's own sections.

    A phrase scores the sum of its words' weights, so 跟踪问效机制 beats 问效 alone;
    words found in every section weigh nothing.
    """
    sections = max(len(context.sections), 1)
    counts: dict[str, int] = {}
    for paragraph in paragraphs:
        for word, _, _ in paragraph.tokens:
            counts[word] = counts.get(word, 0) + 1
    weight: dict[str, float] = {}
    for word, count in counts.items():
        if word.lower() in _GENERIC or not _has_word(word):
            weight[word] = 0.0
        else:
            rarity = math.log((sections + 1) / (max(context.document_frequency(word), 1) + 0.5))
            weight[word] = count * max(rarity, 0.0)
    scores: dict[str, float] = {}
    first: dict[str, tuple[int, int, int]] = {}
    for index, paragraph in enumerate(paragraphs):
        text = paragraph.text
        # Spaces between Latin words are dropped so that "Habeas Corpus" is two words in a row.
        tokens = [t for t in paragraph.tokens if t[0] != " "]
        for i in range(len(tokens)):
            opening = tokens[i][0]
            if _pos(opening) not in _PHRASE_TAGS or opening.lower() in _GENERIC or opening in _NOT_FIRST:
                continue
            if i > 0 and _nounish(tokens[i - 1][0]) and text[tokens[i - 1][2] : tokens[i][1]] in ("", " "):
                continue  # a phrase starts at the start of a noun phrase, not inside one
            if _pos(opening) not in _KEYWORD_TAGS and i > 0 and not _opens_phrase(tokens[i - 1][0]):
                continue  # a verb opens a phrase only after 的 or a mark (的跟踪问效机制)
            for j in range(i, min(i + 3, len(tokens))):
                word = tokens[j][0]
                if j > i and text[tokens[j - 1][2] : tokens[j][1]] not in ("", " "):
                    break
                if _pos(word) not in _PHRASE_TAGS or word in _NOT_FIRST:
                    break
                if not _nounish(word):
                    continue  # a phrase ends in a noun
                if j + 1 < len(tokens) and tokens[j][2] == tokens[j + 1][1] and _continues(tokens[j + 1][0]):
                    continue  # ... and not inside a compound (作风 of 作风建设, 理论 of 理论学习)
                if j + 1 < len(tokens) and word.isascii() and _nounish(tokens[j + 1][0]):
                    if text[tokens[j][2] : tokens[j + 1][1]] == " ":
                        continue
                phrase = text[tokens[i][1] : tokens[j][2]]
                limit = 24 if phrase.isascii() else KEYWORD_MAX
                if not 2 <= len(phrase) <= limit or (phrase.isascii() and len(phrase) < 4):
                    continue
                score = sum(weight[t[0]] for t in tokens[i : j + 1])
                if score > 0 and phrase not in first:
                    first[phrase] = (index, tokens[i][1], tokens[j][2])
                    scores[phrase] = score
    ranked = sorted(scores, key=lambda p: (-scores[p], first[p]))[:40]
    tier = _TIERS["keyword"]
    return [_Candidate(tier, *first[p], "keyword", rank) for rank, p in enumerate(ranked)]


def _nounish(word: str) -> bool:
    return _pos(word) in _KEYWORD_TAGS and not (word.isascii() and word.lower() in _GENERIC)


def _opens_phrase(previous: str) -> bool:
    return previous in ("的", "之") or _is_punct(previous[0])


def _continues(following: str) -> bool:
    tag = _pos(following)
    return _nounish(following) or (tag == "v" and len(following) >= 2 and following not in _NOT_FIRST)


def _filler_candidates(paragraphs: list[_Paragraph]) -> list[_Candidate]:
    """Any word of two characters or more: a section must have something to recall."""
    return [
        _Candidate(_TIERS["filler"], index, start, end, "keyword")
        for index, paragraph in enumerate(paragraphs)
        for word, start, end in paragraph.tokens
        if len(word) >= 2 and _has_word(word) and word.lower() not in _GENERIC
    ]


def _edit_position(section: Section, edit: PhraseEdit, current: list[Phrase]) -> tuple[int, int] | None:
    if not edit.text:
        return None
    if edit.paragraph is not None and edit.start is not None:
        if 0 <= edit.paragraph < len(section.paragraphs):
            paragraph = section.paragraphs[edit.paragraph]
            if paragraph[edit.start : edit.start + len(edit.text)] == edit.text and edit.start >= 0:
                return edit.paragraph, edit.start
    return find_occurrence(section, edit.text, current)
