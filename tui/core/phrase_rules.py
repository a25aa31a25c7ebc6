"""The rules that propose key phrases from marks in the text: quotes and titles, numbered formulations."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from tui.core.paragraph import MARK, SENTENCE_END, Paragraph, pos, size

QUOTE_WHOLE = 12  # a quote up to this long is one blank; longer ones are quizzed in parts
QUOTE_PART = 16  # no part of a long quote is longer than this
QUOTE_LIST_WHOLE = 30  # quotes listed together (“A”、“B”) up to this long, marks and all, are one blank
TITLE_WHOLE = 24  # a title is a name: kept whole up to this long
PART_MIN = 3  # a part cut out of a long quote must still say something

# What each kind of candidate is worth before its own signals: under the density limit the
# author's marks come first, then the structure of the text, then statistics.
SCORES = {
    "whole": 100.0,
    "emphasis": 100.0,
    "formulation": 90.0,
    "part": 80.0,
    "enumeration": 80.0,
    "item": 72.0,
    "figure": 75.0,
    "list": 70.0,
    "term": 40.0,
    "filler": 0.0,
}

SENTENCE_END_CHARS = "。！？!?"
CLAUSE = "，,；;：:"
_HAN = re.compile(r"[\u3400-\u9fff]+")
# 两个确立 / 十四个坚持: the numeral stands on its own (二十二个, 第三个, 十一点六个 do not).
_COUNTED = re.compile(r"(?<![零〇一二三四五六七八九十百千万亿两几第每这那点数多余])(两|[三四五六七八九]|十[一二三四五六七八九]?)个")
# 第一责任人 / 第一生产力: 第一 directly before a noun names a role, not an ordinal.
_FIRST = re.compile(r"(?<![第零〇一二三四五六七八九十百千万])第一")
# Parts of speech that make 「numeral 个 X」 a count of things rather than a formulation.
_COUNTED_NOUNS = ("n", "nr", "ns", "nt", "nrt", "nrfg", "t", "m", "q", "mq", "f", "s", "r", "x", "eng")
_ROLE_TAGS = ("n", "nz", "vn")
_NOT_ROLES = frozenset("时间 阶段 部分 方面 层次 步骤 梯队 季度 年度 小时".split())  # 第一时间 is a when
_LEADING_FILLER = frozenset("是 就是 要 必须 应当 应该 而 并 也 都 又 还 和 与 及 以及 并且 而且 即".split())


@dataclass(frozen=True)
class Candidate:
    """A span some rule proposes as a blank; the higher its score, the sooner it is taken.

    `paragraph` indexes the section's pieces (see `Paragraph.index`). Candidates that share a
    `group` (the items of a long list) are taken all together or not at all.
    """

    score: float
    paragraph: int
    start: int
    end: int
    kind: str
    group: tuple[int, int] | None = None


def quote_candidates(index: int, paragraph: Paragraph) -> list[Candidate]:
    if not MARK.search(paragraph.text):
        return []
    spans = paragraph.quotes
    starts = [s for s, _, _ in spans]
    found: list[Candidate] = []
    listed: set[int] = set()
    for run in _quote_lists(paragraph.text, spans):
        listed.update(run)
        first, last = spans[run[0]], spans[run[-1]]
        if _list_goes_on(paragraph.text, first[0], last[1]):
            continue  # “A”、“B”、C: a quoted item alone, or the quotes alone, would cut the list
        if last[1] - first[0] <= QUOTE_LIST_WHOLE:  # marks included: no blank is longer
            found.append(Candidate(SCORES["whole"], index, first[0], last[1], "quote"))
        else:
            listed.difference_update(run)  # too long to ask at once: each quote on its own
    for number, (start, end, kind) in enumerate(spans):
        if number in listed:
            continue
        # Spans nest (they come from a stack), so those inside this one follow it directly.
        inner = [(s, e) for s, e, _ in spans[number + 1 : bisect.bisect_left(starts, end, number + 1)]]
        if inner and kind == "quote":
            # A quote within a quote is blanked on its own; the rest of the outer quote in parts.
            pieces, cursor = [], start
            for s, e in inner:
                if s - 1 >= cursor:
                    pieces.append((cursor, s - 1))
                cursor = max(cursor, e + 1)
            pieces.append((cursor, end))
            for s, e in pieces:
                found += [Candidate(SCORES["part"], index, a, b, kind) for a, b in quote_parts(paragraph, s, e)]
            continue
        s, e = paragraph.strip(start, end)
        whole = TITLE_WHOLE if kind == "title" else QUOTE_WHOLE
        if size(paragraph.text[s:e]) <= whole and not SENTENCE_END.search(paragraph.text[s:e]):
            found.append(Candidate(SCORES["whole"], index, s, e, kind))
        else:
            found += [Candidate(SCORES["part"], index, a, b, kind) for a, b in quote_parts(paragraph, s, e)]
    return found


def _quote_lists(text: str, spans: list[tuple[int, int, str]]) -> list[list[int]]:
    """Runs of two quotes or more that are the items of one list (“A”、“B”、“C”), as indexes into `spans`.

    Each quote of such a run, asked alone, would be one item cut out of the list.
    """
    runs: list[list[int]] = []
    run: list[int] = []
    for number, (start, end, kind) in enumerate(spans):
        holds_another = number + 1 < len(spans) and spans[number + 1][0] < end  # spans nest, in order of start
        if kind != "quote" or holds_another:
            run = []
            continue  # a title, or a quote holding another: never an item of such a list
        if run and text[spans[run[-1]][1] + 1 : start - 1] == "、":
            run.append(number)
        else:
            run = [number]
        if len(run) == 2:
            runs.append(run)
    return runs


def _list_goes_on(text: str, start: int, end: int) -> bool:
    """Whether the list of quotes from `start` to `end` has items without quotes before or after it."""
    return text[end + 1 : end + 2] == "、" or (start >= 2 and text[start - 2] == "、")


def quote_parts(paragraph: Paragraph, start: int, end: int) -> list[tuple[int, int]]:
    """A long quote cut at its sentence and clause punctuation into blanks of meaningful size."""
    text = paragraph.text
    parts: list[tuple[int, int]] = []
    for clause_start, clause_end in split_at(text, start, end, SENTENCE_END_CHARS + CLAUSE):
        clause_start, clause_end = paragraph.strip(clause_start, clause_end)
        if size(text[clause_start:clause_end]) <= QUOTE_PART:
            parts.append((clause_start, clause_end))
            continue
        if _qualifying_list(text, clause_start, clause_end):
            # 观察党群干群关系、人心向背的晴雨表: cut at 、 both halves would be fragments; whole, or none
            if size(text[clause_start:clause_end]) <= QUOTE_PART + 4:
                parts.append((clause_start, clause_end))
            continue
        # A long clause: its 、-items, neighbours merged while they stay short.
        merged: list[tuple[int, int]] = []
        for s, e in split_at(text, clause_start, clause_end, "、"):
            s, e = paragraph.strip(s, e)
            if s >= e:
                continue
            if merged and size(text[merged[-1][0] : e]) <= QUOTE_WHOLE:
                merged[-1] = (merged[-1][0], e)
            else:
                merged.append((s, e))
        for s, e in merged:
            parts += [(s, e)] if size(text[s:e]) <= QUOTE_PART else chunk(paragraph, s, e, QUOTE_WHOLE)
    trimmed = []
    for s, e in parts:
        token = paragraph.token_at(s)
        if token and token[0] in _LEADING_FILLER and size(text[token[2] : e]) >= PART_MIN:
            s = token[2]
        if size(text[s:e]) >= PART_MIN:
            trimmed.append((s, e))
    return trimmed


def _qualifying_list(text: str, start: int, end: int) -> bool:
    """Whether the clause's 、-items qualify a noun after 的 (X、Y的Z): one unit, not a list."""
    last = text.rfind("、", start, end)
    return last != -1 and "的" in text[last + 1 : end]


def split_at(text: str, start: int, end: int, marks: str) -> list[tuple[int, int]]:
    pieces, cursor = [], start
    for at in range(start, end):
        if text[at] in marks:
            pieces.append((cursor, at))
            cursor = at + 1
    pieces.append((cursor, end))
    return [(s, e) for s, e in pieces if s < e]


def chunk(paragraph: Paragraph, start: int, end: int, limit: int) -> list[tuple[int, int]]:
    """Cut a span at word boundaries into pieces no longer than `limit`, preferring to cut
    after 的/和/与 and near the middle."""
    if size(paragraph.text[start:end]) <= limit:
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
    return chunk(paragraph, start, at, limit) + chunk(paragraph, at, end, limit)


def formulation_candidates(index: int, paragraph: Paragraph) -> list[Candidate]:
    text = paragraph.text
    found: list[Candidate] = []
    tier = SCORES["formulation"]
    if "个" in text:
        for match in _COUNTED.finditer(text):
            if paragraph.token_ending(match.end()) is None or match.start() not in paragraph.bounds:
                continue
            head = _following_word(paragraph, match.end())
            if head and pos(head[0]) not in _COUNTED_NOUNS:
                found.append(Candidate(tier, index, match.start(), head[2], "formulation"))
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
                and pos(role[0]) in _ROLE_TAGS
            ):
                found.append(Candidate(tier, index, match.start(), role[2], "formulation"))
    return found


def _following_word(paragraph: Paragraph, start: int) -> tuple[str, int, int] | None:
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
