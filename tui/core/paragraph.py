"""A paragraph as the phrase rules see it: its words, their parts of speech, its quotes, where a blank may go."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from typing import Any

SENTENCE_END = re.compile(r"[。！？!?\n]|\.(?=\s|$)")
OPENERS = {"“": "”", "「": "」", "『": "』", "‘": "’", "《": "》"}
CLOSERS = {close: open_ for open_, close in OPENERS.items()}
MARK = re.compile('[“”「」『』‘’《》"]')
_LATIN = re.compile(r"[A-Za-z0-9]+")
# Parts of speech of nouns and noun-like words (jieba's tag set).
KEYWORD_TAGS = ("n", "nz", "nt", "ns", "nr", "nrt", "nrfg", "vn", "l", "i", "j", "an", "eng")
# Words too common to be worth a blank, Chinese and English.
GENERIC = frozenset(
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


@lru_cache(maxsize=1)
def _segmenter() -> Any:
    import rjieba  # imported on first need: it costs ~0.1 s and ~40 MB

    return rjieba


@lru_cache(maxsize=32768)
def pos(word: str) -> str:
    tags = _segmenter().tag(word)
    return tags[0][1] if len(tags) == 1 else "l"


@lru_cache(maxsize=1)
def known_formulations() -> tuple[str, ...]:
    text = resources.files("tui.core").joinpath("formulations.txt").read_text(encoding="utf-8")
    lines = (line.strip() for line in text.splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


@lru_cache(maxsize=1)
def _known_pattern() -> re.Pattern[str]:
    return alternation(known_formulations())


def alternation(terms: Iterable[str]) -> re.Pattern[str]:
    """One pattern for many literal terms, longest first; with none it matches nothing."""
    ordered = sorted({t for t in terms if t}, key=len, reverse=True)
    return re.compile("|".join(re.escape(t) for t in ordered) if ordered else "(?!)")


def size(text: str) -> int:
    """Length for the size rules: characters, but a Latin word counts as two and spaces as
    nothing, so that a quote of six English words is as long as one of twelve characters."""
    words = _LATIN.findall(text)
    return len(text) - sum(len(w) for w in words) - text.count(" ") + 2 * len(words)


def is_punct(char: str) -> bool:
    return char.isspace() or unicodedata.category(char)[0] in "PSZC"


def _latin_letter(char: str) -> bool:
    return char.isascii() and char.isalpha()


def has_word(text: str) -> bool:
    return any(c.isalpha() for c in text)


class Paragraph:
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
            and not is_punct(text[0])
            and not is_punct(text[-1])
            and has_word(text)
            and not SENTENCE_END.search(text)
            and start in self.bounds
            and end in self.bounds
        )

    def strip(self, start: int, end: int) -> tuple[int, int]:
        text = self.text
        while start < end and is_punct(text[start]):
            start += 1
        while end > start and is_punct(text[end - 1]):
            end -= 1
        return start, end


def _quote_spans(text: str) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    stack: list[tuple[str, int]] = []
    for match in MARK.finditer(text):
        mark, at = match.group(), match.start()
        if mark in OPENERS:
            stack.append((mark, at))
            continue
        if mark == "’" and 0 < at < len(text) - 1 and _latin_letter(text[at - 1]) and _latin_letter(text[at + 1]):
            continue  # an apostrophe: don’t
        opener = '"' if mark == '"' else CLOSERS[mark]
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


def nounish(word: str) -> bool:
    return pos(word) in KEYWORD_TAGS and not (word.isascii() and word.lower() in GENERIC)
