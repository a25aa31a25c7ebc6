"""The rules that propose key phrases: quotes and titles, formulations, quoted terms, enumerations, 、-lists."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from tui.core.paragraph import (
    CLOSERS,
    GENERIC,
    MARK,
    OPENERS,
    SENTENCE_END,
    Paragraph,
    alternation,
    has_word,
    is_punct,
    known_formulations,
    nounish,
    pos,
    size,
)

QUOTE_WHOLE = 12  # a quote up to this long is one blank; longer ones are quizzed in parts
QUOTE_PART = 16  # no part of a long quote is longer than this
TITLE_WHOLE = 24  # a title is a name: kept whole up to this long
PART_MIN = 3  # a part cut out of a long quote must still say something
ITEM_MAX = 7  # a 、-list item longer than this is a clause, not a term
LIST_WHOLE = 16  # a list up to this long is one blank, a longer one is quizzed item by item

# Candidates are kept in this order when a section has room for only some of them.
TIERS = {"whole": 0, "formulation": 1, "part": 2, "enumeration": 2, "list": 3, "keyword": 4, "filler": 5}

_SENTENCE_END_CHARS = "。！？!?"
_CLAUSE = "，,；;：:"
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
# Parts of speech of function words: adverbs, prepositions, conjunctions, particles, pronouns.
_FUNCTION_TAGS = ("d", "p", "c", "u", "uj", "ul", "uz", "ug", "uv", "ud", "y", "e", "o", "r")


@dataclass(frozen=True)
class Candidate:
    """A span some rule proposes as a blank; the lower its tier, the sooner it is taken."""

    tier: int
    paragraph: int
    start: int
    end: int
    kind: str
    rank: float = 0.0  # order within a tier; document order when equal


class Context:
    """What the rules learn from the whole document: its quoted terms and its word counts."""

    def __init__(self, sections: list[list[Paragraph]]) -> None:
        self.sections = [paragraphs for paragraphs in sections if paragraphs]
        terms: set[str] = set()
        for paragraph in (p for paragraphs in sections for p in paragraphs):
            if not paragraph.text or not MARK.search(paragraph.text):
                continue
            for start, end, kind in paragraph.quotes:
                start, end = paragraph.strip(start, end)
                term = paragraph.text[start:end]
                if kind == "quote" and len(term) >= 2 and size(term) <= QUOTE_WHOLE and has_word(term):
                    if not MARK.search(term):
                        terms.add(term)
        # The document marks these as terms; their unquoted occurrences are terms too,
        # unless they are everywhere (a word quoted for what it is: The Word "the").
        pattern = alternation(terms | set(known_formulations()))
        self.matches: list[list[tuple[int, int, int, str]]] = []
        spread: dict[str, int] = {}
        for paragraphs in sections:
            found = []
            for index, paragraph in enumerate(paragraphs):
                text = paragraph.text
                for match in pattern.finditer(text):
                    start, end = match.start(), match.end()
                    if start > 0 and end < len(text) and text[start - 1] in OPENERS and text[end] in CLOSERS:
                        continue  # the quote rule has it
                    if text[start - 1 : start] == '"' or text[end : end + 1] == '"':
                        continue
                    found.append((index, start, end, match.group()))
            for term in {f[3] for f in found}:
                spread[term] = spread.get(term, 0) + 1
            self.matches.append(found)
        filled = len(self.sections)
        self.common = {t for t, n in spread.items() if filled >= 4 and n > filled / 2}
        self.common |= {t for t in terms if t.lower() in GENERIC or (t.isascii() and len(t) < 4)}
        self._frequency: dict[str, int] | None = None

    def document_frequency(self, word: str) -> int:
        if self._frequency is None:
            counts: dict[str, int] = {}
            for paragraphs in self.sections:
                for word_ in {w for p in paragraphs for w, _, _ in p.tokens}:
                    counts[word_] = counts.get(word_, 0) + 1
            self._frequency = counts
        return self._frequency.get(word, 0)


def quote_candidates(index: int, paragraph: Paragraph) -> list[Candidate]:
    if not MARK.search(paragraph.text):
        return []
    spans = paragraph.quotes
    found: list[Candidate] = []
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
                found += [Candidate(TIERS["part"], index, a, b, kind) for a, b in _parts(paragraph, s, e)]
            continue
        s, e = paragraph.strip(start, end)
        whole = TITLE_WHOLE if kind == "title" else QUOTE_WHOLE
        if size(paragraph.text[s:e]) <= whole and not SENTENCE_END.search(paragraph.text[s:e]):
            found.append(Candidate(TIERS["whole"], index, s, e, kind))
        else:
            found += [Candidate(TIERS["part"], index, a, b, kind) for a, b in _parts(paragraph, s, e)]
    return found


def _parts(paragraph: Paragraph, start: int, end: int) -> list[tuple[int, int]]:
    """A long quote cut at its sentence and clause punctuation into blanks of meaningful size."""
    text = paragraph.text
    parts: list[tuple[int, int]] = []
    for clause_start, clause_end in _split(text, start, end, _SENTENCE_END_CHARS + _CLAUSE):
        clause_start, clause_end = paragraph.strip(clause_start, clause_end)
        if size(text[clause_start:clause_end]) <= QUOTE_PART:
            parts.append((clause_start, clause_end))
            continue
        # A long clause: its 、-items, neighbours merged while they stay short.
        merged: list[tuple[int, int]] = []
        for s, e in _split(text, clause_start, clause_end, "、"):
            s, e = paragraph.strip(s, e)
            if s >= e:
                continue
            if merged and size(text[merged[-1][0] : e]) <= QUOTE_WHOLE:
                merged[-1] = (merged[-1][0], e)
            else:
                merged.append((s, e))
        for s, e in merged:
            parts += [(s, e)] if size(text[s:e]) <= QUOTE_PART else _chunk(paragraph, s, e, QUOTE_WHOLE)
    trimmed = []
    for s, e in parts:
        token = paragraph.token_at(s)
        if token and token[0] in _LEADING_FILLER and size(text[token[2] : e]) >= PART_MIN:
            s = token[2]
        if size(text[s:e]) >= PART_MIN:
            trimmed.append((s, e))
    return trimmed


def _split(text: str, start: int, end: int, marks: str) -> list[tuple[int, int]]:
    pieces, cursor = [], start
    for at in range(start, end):
        if text[at] in marks:
            pieces.append((cursor, at))
            cursor = at + 1
    pieces.append((cursor, end))
    return [(s, e) for s, e in pieces if s < e]


def _chunk(paragraph: Paragraph, start: int, end: int, limit: int) -> list[tuple[int, int]]:
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
    return _chunk(paragraph, start, at, limit) + _chunk(paragraph, at, end, limit)


def formulation_candidates(index: int, paragraph: Paragraph) -> list[Candidate]:
    text = paragraph.text
    found: list[Candidate] = []
    tier = TIERS["formulation"]
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


def term_candidates(paragraphs: list[Paragraph], context: Context, section: int) -> list[Candidate]:
    """Unquoted occurrences of the document's quoted terms and of well-known formulations:
    the first of each in a section."""
    found: list[Candidate] = []
    seen: set[str] = set(context.common)
    for index, start, end, term in context.matches[section]:
        if term not in seen and start in paragraphs[index].bounds and end in paragraphs[index].bounds:
            seen.add(term)
            found.append(Candidate(TIERS["formulation"], index, start, end, "formulation"))
    return found


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
                found.append(Candidate(TIERS["enumeration"], index, span[0], span[1], "enumeration"))
    return found


def _core_clause(paragraph: Paragraph, start: int, end: int) -> tuple[int, int] | None:
    text = paragraph.text
    stop = next((i for i in range(start, end) if text[i] in _CLAUSE or text[i] in _SENTENCE_END_CHARS), end)
    start, stop = paragraph.strip(start, stop)
    token = paragraph.token_at(start)
    while token and token[0] in _ENUM_FILLER and token[2] < stop:
        start = token[2]
        token = paragraph.token_at(start)
    if size(text[start:stop]) > QUOTE_PART:
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


def list_candidates(index: int, paragraph: Paragraph) -> list[Candidate]:
    """Parallel 、-lists of short terms (态度冷漠、推诿扯皮): the list, or its items when long."""
    text = paragraph.text
    if "、" not in text:
        return []
    found: list[Candidate] = []
    for chain in _chains(text):
        items = _list_items(paragraph, chain)
        if not items:
            continue
        if items[-1][1] - items[0][0] <= LIST_WHOLE:
            found.append(Candidate(TIERS["list"], index, items[0][0], items[-1][1], "list"))
        else:
            found += [Candidate(TIERS["list"], index, s, e, "list") for s, e in items]
    return found


def _chains(text: str) -> list[list[int]]:
    """Runs of 、 separated only by short stretches of words."""
    chains: list[list[int]] = []
    for at in (m.start() for m in re.finditer("、", text)):
        if chains:
            last = chains[-1][-1]
            between = text[last + 1 : at]
            if 0 < len(between) <= ITEM_MAX and not any(is_punct(c) for c in between):
                chains[-1].append(at)
                continue
        chains.append([at])
    return chains


def _list_items(paragraph: Paragraph, chain: list[int]) -> list[tuple[int, int]] | None:
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
    nominal = bool(opener) and nounish(opener)

    def misfit(start: int) -> tuple[int, int]:
        word = paragraph.token_at(start)
        unlike = nominal and word is not None and pos(word[0]) in ("v", "d")
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
        if first and len(openers) > 1 and pos(first[0]) in _FUNCTION_TAGS and pos(first[0]) != "d":
            return None  # 以真理 is not a term, unless every item opens alike (同部署、同落实)
        if first and first[2] < e and any(c in item for c in "了着的地得"):
            return None  # a clause with particles (创造了良好条件), not a term
    return items


def _stops_list(word: str, stops: frozenset[str], first: bool, left: bool = False) -> bool:
    """Whether `word` ends a list item. The word next to a 、 belongs to its item whatever
    it is (同部署、同落实); further out a particle ends it, and an adverb ends it on the
    right (安全感|更加充实) but may open it on the left (不敢担当、逃避责任)."""
    if word in stops or is_punct(word[0]):
        return True
    tag = pos(word)
    return not first and tag in _FUNCTION_TAGS and not (left and tag == "d")
