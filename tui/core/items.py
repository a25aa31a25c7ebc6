"""Enumerated points: the core clause of each item of 一是……二是……, 第一，……, （一）（二）, （1）, 1】, ①②."""

from __future__ import annotations

import bisect
import re

from tui.core.paragraph import Paragraph, size
from tui.core.phrase_rules import CLAUSE, SCORES, SENTENCE_END_CHARS, Candidate

ITEM_WHOLE = 20  # an item's core clause longer than this is a sentence to read, not a blank

# Each pattern opens with a lookahead for its first character, so that the engine passes
# over most characters without trying the start of a sentence at each.
_ENUM = re.compile(
    r"(?=[一二三四五六七八九十第])"
    r"(?:^|(?<=[。；;：:，,！？!?\s]))(?:([一二三四五六七八九十]{1,3})是|第([一二三四五六七八九十]{1,3})[，,、：:])"
)
# Numbered items: （一） (1) 1】 at the start of a paragraph or a sentence; ① anywhere.
_NUMBERED = re.compile(
    r"(?=[（(0-9\u2460-\u2473])"
    r"(?:(?:(?:^|(?<=[。；;：:！？!?\s]))(?:[（(]([一二三四五六七八九十]{1,3})[）)]|[（(]([0-9]{1,2})[）)]|([0-9]{1,2})】))"
    r"|([\u2460-\u2473]))"
)
_ENUM_FILLER = frozenset("要 要求 必须 应 应当 应该 需要 需 就 是".split())
# When the segmenter glues a filler to the verb (要查 / 摆在), the clause is taken from after its preposition.
_PREPOSITIONS = frozenset("在 对 从 向 把 以 就 为".split())
_JOINS = ("或者", "或", "以及", "并且", "及", "和", "与")
_EMPTY_HEADS = frozenset("方面 领域 环节".split())  # an item's last word that only says "the area of"


_CIRCLED = re.compile("[\u2460-\u2473]")  # ① to ⑳


def enumeration_candidates(paragraphs: list[Paragraph]) -> list[Candidate]:
    """The core clause of each item of every numbered series with at least a first and a second item."""
    markers: dict[str, list[tuple[int, int, int, int]]] = {}
    for index, paragraph in enumerate(paragraphs):
        text = paragraph.text
        if "是" in text or "第" in text:
            for match in _ENUM.finditer(text):
                style = "是" if match.group(1) else "第"
                value = _numeral(match.group(1) or match.group(2))
                markers.setdefault(style, []).append((index, match.start(), match.end(), value))
        if any(c in text for c in "（(】") or _CIRCLED.search(text):
            for match in _NUMBERED.finditer(text):
                style, value = _numbered(match)
                markers.setdefault(style, []).append((index, match.start(), match.end(), value))
    found: list[Candidate] = []
    every: dict[int, list[int]] = {}
    for index, start, _, _ in sorted(m for ms in markers.values() for m in ms):
        every.setdefault(index, []).append(start)
    for style, series in markers.items():
        values = {m[3] for m in series}
        if not {1, 2} <= values:
            continue
        kind, score = ("enumeration", SCORES["enumeration"]) if style in ("是", "第") else ("item", SCORES["item"])
        for index, _, item_start, _value in series:
            paragraph = paragraphs[index]
            starts = every[index]
            after = bisect.bisect_right(starts, item_start)
            item_end = starts[after] if after < len(starts) else len(paragraph.text)
            span = _core_clause(paragraph, item_start, item_end)
            if span:
                found.append(Candidate(score, index, span[0], span[1], kind))
    return found


def _core_clause(paragraph: Paragraph, start: int, end: int) -> tuple[int, int] | None:
    """The item's first clause, less the modal verbs before it (要, 应当) and a closing 的
    (（四）个人信息处理者违反约定的: a condition, whose blank is what comes before 的)."""
    text = paragraph.text
    stop = next((i for i in range(start, end) if text[i] in CLAUSE or text[i] in SENTENCE_END_CHARS), end)
    start, stop = paragraph.strip(start, stop)
    token = paragraph.token_at(start)
    while token and token[0] in _ENUM_FILLER and token[2] < stop:
        start = token[2]
        token = paragraph.token_at(start)
    if token and len(token[0]) >= 2 and token[0][0] in "要应须" and token[0] not in ("要求", "应急", "要素", "应用"):
        # 要查 / 摆在 / 服务群众方面: the segmenter glued 要 to the verb; keep what follows the preposition.
        word: tuple[str, int, int] | None = token
        while word and word[2] < stop and word[0] not in _PREPOSITIONS and word[0][-1] not in "在对向":
            word = paragraph.token_at(word[2])  # (摆在: the preposition may be glued to its verb too)
        if not word or word[2] >= stop:
            return None
        start = word[2]
    if _runs_on(text, stop, end):
        return None  # 为应对自然灾害，或者紧急情况下……: the first clause is half the item
    last = paragraph.token_ending(stop)
    if last and last[0] == "的" and last[1] > start:
        stop = last[1]
    last = paragraph.token_ending(stop)
    if last and last[0] in _EMPTY_HEADS and last[1] - start >= 2 and last[1] in paragraph.bounds:
        stop = last[1]  # 查摆在服务群众方面: the area is 服务群众
    if stop <= start or size(text[start:stop]) > ITEM_WHOLE or "其他" in text[start:stop] or "其它" in text[start:stop]:
        # A long clause is read, not recalled (the other rules look inside it); 其他情形 is a catch-all.
        return None
    return start, stop


def _runs_on(text: str, stop: int, end: int) -> bool:
    """Whether the item goes on past its first clause's comma as one unit: a join opens the
    next clause (，或者……), or 、-lists stand on both sides (借阅目的、借阅方式，归还的日期、归还地点)."""
    if stop >= end or text[stop] not in "，,":
        return False
    rest = text[stop + 1 : end].lstrip()
    if rest.startswith(_JOINS):
        return True
    clause_start = max(text.rfind(c, 0, stop) for c in "（()）。；;：:，,") + 1
    return "、" in text[clause_start:stop] and "、" in rest.split("，")[0].split(",")[0]


def _numbered(match: re.Match[str]) -> tuple[str, int]:
    if match.group(1):
        return "（一）", _numeral(match.group(1))
    if match.group(2):
        return "（1）", int(match.group(2))
    if match.group(3):
        return "1】", int(match.group(3))
    return "①", ord(match.group(4)) - 0x2460 + 1


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
