"""Enumerated points: the core clause of each item of 一是……二是……, 第一，……第二，…… and of numbered items."""

from __future__ import annotations

import bisect
import re

from tui.core.paragraph import Paragraph, size
from tui.core.phrase_rules import CLAUSE, QUOTE_PART, QUOTE_WHOLE, SCORES, SENTENCE_END_CHARS, Candidate, chunk

_ENUM = re.compile(r"(?:^|(?<=[。；;：:，,！？!?\s]))(?:([一二三四五六七八九十]{1,3})是|第([一二三四五六七八九十]{1,3})[，,、：:])")
_ENUM_FILLER = frozenset("要 要求 必须 应 应当 应该 需要 需 就 是".split())


def enumeration_candidates(paragraphs: list[Paragraph]) -> list[Candidate]:
    """The core clause of each item of 一是……二是…… or 第一，……第二，……"""
    markers: dict[str, list[tuple[int, int, int, int]]] = {"是": [], "第": []}
    for index, paragraph in enumerate(paragraphs):
        if "是" not in paragraph.text and "第" not in paragraph.text:
            continue
        for match in _ENUM.finditer(paragraph.text):
            style = "是" if match.group(1) else "第"
            value = _numeral(match.group(1) or match.group(2))
            markers[style].append((index, match.start(), match.end(), value))
    found: list[Candidate] = []
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
                found.append(Candidate(SCORES["enumeration"], index, span[0], span[1], "enumeration"))
    return found


def _core_clause(paragraph: Paragraph, start: int, end: int) -> tuple[int, int] | None:
    text = paragraph.text
    stop = next((i for i in range(start, end) if text[i] in CLAUSE or text[i] in SENTENCE_END_CHARS), end)
    start, stop = paragraph.strip(start, stop)
    token = paragraph.token_at(start)
    while token and token[0] in _ENUM_FILLER and token[2] < stop:
        start = token[2]
        token = paragraph.token_at(start)
    if size(text[start:stop]) > QUOTE_PART:
        pieces = chunk(paragraph, start, stop, QUOTE_WHOLE)
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
