"""A paragraph as the phrase rules see it: its words, their parts of speech, its quotes, where a blank may go."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from itertools import accumulate, compress
from operator import itemgetter
from sys import intern
from typing import Any, cast

SENTENCE_END = re.compile(r"[。！？!?\n]|\.(?=\s|$)")
OPENERS = {"“": "”", "「": "」", "『": "』", "‘": "’", "《": "》"}
CLOSERS = {close: open_ for open_, close in OPENERS.items()}
MARK = re.compile('[“”「」『』‘’《》"]')
_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9]*")  # digits count as characters
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


# Addresses are copied, not recalled: no blank overlaps one.
_ADDRESS = re.compile(
    r"(?:https?|ftp)://[^\s“”「」《》，。；！？）)]+|www\.[^\s“”「」《》，。；！？）)]+"
    r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"
)
PIECE = 2000  # a paragraph is segmented in pieces of about this many characters
# One-character suffixes the segmenter splits off a compound (处理 / 者): no blank ends before them.
BOUND_SUFFIXES = frozenset("者 性 化 率 式 型 界 方 员 们".split())
_HAN_CHAR = re.compile(r"[\u3400-\u9fff]")
# Words that never stand at a blank's edge.
_NOT_FIRST = frozenset("的 地 得 了 着 过 者 之 要 和 与 及 或 并 而 且 提出 是 就 也 都 把 被 所".split())
_NOT_LAST = frozenset("的 地 得 了 着 要 和 与 及 或 并 而 提出 是 把 被 对 在 将 向 从 以 为 由 于 按 使 让 等".split())
_EDGE_EN = frozenset(
    "a an the of and or nor but to in on at for by with from as than that which shall will may must "
    "be is are was were been being".split()
)


_FIRST, _SECOND, _THIRD = itemgetter(0), itemgetter(1), itemgetter(2)


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


@lru_cache(maxsize=1)
def _known_firsts() -> tuple[str, ...]:
    return tuple({f[:2] for f in known_formulations()})


def alternation(terms: Iterable[str]) -> re.Pattern[str]:
    """One pattern for many literal terms, longest first; with none it matches nothing."""
    ordered = sorted({t for t in terms if t}, key=len, reverse=True)
    return re.compile("|".join(re.escape(t) for t in ordered) if ordered else "(?!)")


def size(text: str) -> int:
    """Length for the size rules: characters, but a Latin word counts as two and spaces as
    nothing, so that a quote of six English words is as long as one of twelve characters."""
    words = _LATIN.findall(text)
    return len(text) - sum(len(w) for w in words) - text.count(" ") + 2 * len(words)


@lru_cache(maxsize=None)  # noqa: UP033 - one entry per distinct character met
def is_punct(char: str) -> bool:
    return char.isspace() or unicodedata.category(char)[0] in "PSZC"


def _latin_letter(char: str) -> bool:
    return char.isascii() and char.isalpha()


def has_word(text: str) -> bool:
    return any(c.isalpha() for c in text)


class Paragraph:
    """A paragraph (or a piece of a long one) with its words, their parts of speech and its
    quotation marks, computed when first asked for.

    `index` is the paragraph's number in its section and `offset` where this piece starts in it.
    """

    __slots__ = (
        "text", "index", "offset", "cache", "_addresses", "_tokens", "_words", "_tag_list", "_bounds", "_sorted",
        "_quotes", "_starts", "_ends",
    )

    def __init__(self, text: str, index: int = 0, offset: int = 0) -> None:
        self.text = text
        self.index = index
        self.offset = offset
        self.cache: dict[str, object] = {}  # what the rules derive from the words, kept with them
        self._addresses: list[tuple[int, int]] | None = None
        self._tokens: list[tuple[str, int, int]] | None = None
        self._words: list[str] | None = None
        self._tag_list: list[str] | None = None
        self._bounds: set[int] | None = None
        self._sorted: list[int] | None = None
        self._quotes: list[tuple[int, int, str]] | None = None
        self._starts: dict[int, int] | None = None
        self._ends: dict[int, tuple[str, int, int]] | None = None

    def _segment(self) -> None:
        # Every word of a document passes through here: the lists are built by C loops (map,
        # zip, accumulate) rather than Python ones. The segmenter makes a new string of every
        # word; interned, a document holds each once (a few thousand words, not a hundred
        # thousand strings), and every look-up of a word compares it by identity.
        tagged = _segmenter().tag(self.text) if self.text else []
        words = list(map(intern, map(_FIRST, tagged)))
        ends = list(accumulate(map(len, words)))
        starts = [0, *ends[:-1]] if ends else []
        tokens = list(zip(words, starts, ends))
        at = ends[-1] if ends else 0
        tag_list = list(map(_SECOND, tagged))
        if at != len(self.text):  # never seen; the offsets would be wrong, so segment again
            tokens = _segmenter().tokenize(self.text)
            words = [word for word, _, _ in tokens]
            tag_list = [pos(word) for word in words]
        self._tokens, self._words, self._tag_list = tokens, words, tag_list

    @property
    def tokens(self) -> list[tuple[str, int, int]]:
        if self._tokens is None:
            self._segment()
        assert self._tokens is not None
        return self._tokens

    @property
    def words(self) -> list[str]:
        """The words of `tokens`, in order."""
        if self._words is None:
            self._segment()
        assert self._words is not None
        return self._words

    @property
    def tag_list(self) -> list[str]:
        """The parts of speech of `tokens`, in order."""
        if self._tag_list is None:
            self._segment()
        assert self._tag_list is not None
        return self._tag_list

    def tag_of(self, token: tuple[str, int, int]) -> str:
        """The part of speech the segmenter gave this word in its sentence."""
        k = (self._starts or self._index()).get(token[1])
        return "x" if k is None else cast("list[str]", self._tag_list)[k]  # _index has segmented

    def release(self) -> None:
        """Forget the segmentation: a long document is segmented again rather than kept whole."""
        self._tokens = self._tag_list = self._starts = self._ends = None
        self._words = None
        self._bounds = self._sorted = None
        self.cache = {}

    @property
    def bounds(self) -> set[int]:
        """Where a blank may start or end: the segmenter's word boundaries, less the inside of
        well-known formulations it would split (两个 / 确立) and the seam before a bound suffix
        (处理 / 者: 个人信息处理 is not a blank inside 个人信息处理者)."""
        if self._bounds is None:
            tokens = self.tokens
            bounds = set(map(_SECOND, tokens))
            bounds.add(len(self.text))
            text = self.text
            for k in compress(range(len(tokens)), map(BOUND_SUFFIXES.__contains__, self.words)):  # C loops
                start = tokens[k][1]
                if start > 0 and _HAN_CHAR.match(text[start - 1]):
                    if self.tag_of(tokens[k]) in ("k", "n", "ng", "vg"):
                        bounds.discard(start)
            if any(t in text for t in _known_firsts()):
                for match in _known_pattern().finditer(text):
                    if match.start() in bounds and match.end() in bounds:
                        bounds.difference_update(range(match.start() + 1, match.end()))
            self._bounds = bounds
        return self._bounds

    @property
    def sorted_bounds(self) -> list[int]:
        if self._sorted is None:
            self._sorted = sorted(self.bounds)
        return self._sorted

    # The rules ask these three tens of thousands of times: a call each, the look-ups built by C loops.
    def token_at(self, start: int) -> tuple[str, int, int] | None:
        """The word that starts at `start`, if one does."""
        k = (self._starts or self._index()).get(start)
        return None if k is None else cast("list[tuple[str, int, int]]", self._tokens)[k]  # _index has segmented

    def index_at(self, start: int) -> int | None:
        """The number of the word that starts at `start` in `tokens`, if one does."""
        return (self._starts or self._index()).get(start)

    def _index(self) -> dict[int, int]:
        tokens = self.tokens
        self._starts = dict(zip(map(_SECOND, tokens), range(len(tokens))))
        return self._starts

    def token_ending(self, end: int) -> tuple[str, int, int] | None:
        """The word that ends at `end`, if one does."""
        ends = self._ends
        if ends is None:
            tokens = self.tokens
            ends = self._ends = dict(zip(map(_THIRD, tokens), tokens))
        return ends.get(end)

    def token_containing(self, at: int) -> tuple[str, int, int] | None:
        """The word that holds the character at `at`."""
        for back in range(0, 64):
            token = self.token_at(at - back)
            if token is not None:
                return token if token[2] > at else None
        return None

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
            and edges_clean(self, start, end)
            and _balanced(text)
            and not any(s < end and start < e for s, e in self.addresses)
        )

    @property
    def addresses(self) -> list[tuple[int, int]]:
        """Where URLs and e-mail addresses are."""
        if self._addresses is None:
            text = self.text
            found = []
            if "@" in text or "://" in text or "www." in text:
                found = [(m.start(), m.end()) for m in _ADDRESS.finditer(text)]
            self._addresses = found
        return self._addresses

    def strip(self, start: int, end: int) -> tuple[int, int]:
        text = self.text
        while start < end and is_punct(text[start]):
            start += 1
        while end > start and is_punct(text[end - 1]):
            end -= 1
        return start, end


def _quote_spans(text: str) -> list[tuple[int, int, str]]:
    """Paired marks, linear in the number of marks: an opener is searched for only when one
    of its kind is open, and every mark passed over on the way is dropped for good."""
    spans: list[tuple[int, int, str]] = []
    stack: list[tuple[str, int]] = []
    open_count: dict[str, int] = {}
    for match in MARK.finditer(text):
        mark, at = match.group(), match.start()
        if mark in OPENERS:
            stack.append((mark, at))
            open_count[mark] = open_count.get(mark, 0) + 1
            continue
        if mark == "’" and 0 < at < len(text) - 1 and _latin_letter(text[at - 1]) and _latin_letter(text[at + 1]):
            continue  # an apostrophe: don’t
        opener = '"' if mark == '"' else CLOSERS[mark]
        if not open_count.get(opener):
            if mark == '"':
                stack.append((mark, at))
                open_count[mark] = open_count.get(mark, 0) + 1
            continue  # a closing mark with nothing open: stray, ignored
        while True:  # marks opened inside and never closed are dropped
            kind, open_at = stack.pop()
            open_count[kind] -= 1
            if kind == opener:
                break
        spans.append((open_at + 1, at, "title" if mark == "》" else "quote"))
    spans.sort()
    return spans


def pieces(text: str, limit: int = PIECE) -> list[tuple[int, str]]:
    """A paragraph cut into pieces of at most about `limit` characters, each with its offset.

    Cuts fall after a sentence end, else after clause punctuation or a space, so that no blank
    is lost (a blank never crosses a sentence end) and the segmenter sees whole clauses.
    """
    if len(text) <= limit:
        return [(0, text)]
    found: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = 0
        for marks in ("。！？!?\n", "；;，,：:、 \t"):
            cut = max(window.rfind(m) for m in marks) + 1
            if cut > limit // 4:
                break
        if cut <= limit // 4:
            cut = limit  # one long run of words: cut anywhere (see `HARD_CUT`)
        found.append((start, text[start : start + cut]))
        start += cut
    found.append((start, text[start:]))
    return found


def edges_clean(paragraph: Paragraph, start: int, end: int) -> bool:
    """Whether a blank's first and last words may stand at its edges: no stray particle,
    conjunction or verb of saying (的, 要, 者, 了, 提出, and, the, of)."""
    first = paragraph.token_at(start)
    last = paragraph.token_ending(end)
    if first is not None:
        word = first[0].lower()
        if word in _NOT_FIRST or (first[0].isascii() and word in _EDGE_EN):
            return False
    if last is not None:
        word = last[0].lower()
        if word in _NOT_LAST or (last[0].isascii() and word in _EDGE_EN):
            return False
    return True


def nounish(word: str) -> bool:
    return pos(word) in KEYWORD_TAGS and not (word.isascii() and word.lower() in GENERIC)


def _balanced(text: str) -> bool:
    """Whether every bracket opened in the text is closed in it (not "affirm) that I will")."""
    depth = 0
    for c in text:
        if c in "(（[【":
            depth += 1
        elif c in ")）]】":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0
