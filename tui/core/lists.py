"""Parallel lists (态度冷漠、推诿扯皮): one blank for a short list, every item for a long one, never one item alone."""

from __future__ import annotations

import re

from tui.core.paragraph import Paragraph, is_punct, nounish, pos
from tui.core.phrase_rules import SCORES, Candidate

ITEM_MAX = 7  # a 、-list item longer than this is a clause, not a term
LIST_WHOLE = 16  # a list up to this long is one blank, a longer one is quizzed item by item

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
            found.append(Candidate(SCORES["list"], index, items[0][0], items[-1][1], "list"))
        else:
            group = (index, items[0][0])
            found += [Candidate(SCORES["list"], index, s, e, "list", group) for s, e in items]
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
