"""Parallel lists (态度冷漠、推诿扯皮): one blank for a short list, every item for a long one, never one item alone."""

from __future__ import annotations

import re

from tui.core.list_edges import (
    ITEM_MAX,
    LAST_JOINS,
    LIST_RIGHT_STOP,
    NOUN_TAGS,
    PARTICLES,
    open_edge,
    shape_start,
    shared_head,
    shared_opener,
    split_pair,
    unlike_pair,
    verb_left_behind,
)
from tui.core.paragraph import MARK, Paragraph, is_punct, nounish, pos
from tui.core.phrase_rules import SCORES, Candidate

LIST_WHOLE = 20  # a list up to this long is one blank, a longer one is quizzed item by item
SHORT_ITEMS_WHOLE = 32  # ... unless its items are single short words (采购、登记、编目、上架……)
GROUP_ITEMS = 3  # a longer list of at most this many names is asked item by item
LONG_WHOLE = 30  # a list of more items is one blank up to this long, and no blank beyond

_LIST_LEFT_STOP = frozenset(
    "的 地 得 之 了 着 过 到 在 对 把 将 和 与 及 以及 或 或者 是 为 从 向 以 被 让 使 由 等 通过 存在 包括 "
    "如 比如 例如 就 都 也 还 要 并 而 即 才 才能 便 有 没有 出现 开展 注重 实现 加强 坚持 推进 推动 者 "
    # verbs that govern a whole list as their object (遵循公开、透明原则)
    "遵循 实行 保障 维护 落实 贯彻 增强 提高 促进 完善 建立 健全 强化 构建 形成 坚定 树立 具有 违反 采取 "
    "取得 确保 保证 发挥 弘扬 践行 培育".split()
)
# 各部门、各单位 counts everyone; it is not a list of terms.
_DETERMINERS = ("各", "本", "每", "该", "某", "其", "此", "这", "那", "上述", "有关", "相关", "有的", "一些")
# Parts of speech of function words: adverbs, prepositions, conjunctions, particles, pronouns.
_FUNCTION_TAGS = ("d", "p", "c", "u", "uj", "ul", "uz", "ug", "uv", "ud", "y", "e", "o", "r")
_COMPLEMENTS = "好实牢紧住"  # the result of a verb said in general (抓好, 抓实, 守牢, 抓紧, 守住)
_ARTICLE = re.compile(r"第[一二三四五六七八九十百零〇0-9]+[条款项章节]")


def list_candidates(index: int, paragraph: Paragraph) -> list[Candidate]:
    """Parallel 、-lists of short terms (态度冷漠、推诿扯皮): the list, or its items when long."""
    text = paragraph.text
    if "、" not in text:
        return []
    found: list[Candidate] = []
    # Inside a quote the quote rule has the say: what it declined is no list either.
    quoted = [(s, e) for s, e, kind in paragraph.quotes if kind == "quote"] if MARK.search(text) else []
    for chain in _chains(text):
        if any(s <= chain[0] < e for s, e in quoted):
            continue
        items = _list_items(paragraph, chain)
        if not items or _filler(text, items):
            continue
        start, end = items[0][0], items[-1][1]
        head = _head_noun(paragraph, items)
        # More items make a list harder to recall, and more worth it; a list of qualities
        # with the noun they qualify names a principle (合法、合理、节约和诚信原则).
        score = SCORES["list"] + min(len(items), 6) / 2 + (5 if head else 0)
        if head:
            end = head
        short = all(e - s <= 3 for s, e in items)
        if end - start <= LIST_WHOLE or (short and end - start <= SHORT_ITEMS_WHOLE):
            found.append(Candidate(score, index, start, end, "list"))
        elif len(items) <= GROUP_ITEMS and all(_last_tag(paragraph, e) in NOUN_TAGS for _, e in items):
            # Asked item by item, all items or none: each card shows the rest as its context.
            group = (index, start)
            found += [Candidate(score, index, s, e, "list", group) for s, e in items]
        elif end - start <= LONG_WHOLE:
            found.append(Candidate(score - 5, index, start, end, "list"))
        else:
            # A longer list of many items is read, not recalled; but no word inside it is a
            # blank either, for that would be one item cut out alone.
            found.append(Candidate(-1.0, index, start, end, "zone"))
    return found


def _chains(text: str) -> list[list[int]]:
    """Runs of 、 separated only by short stretches of words."""
    chains: list[list[int]] = []
    at = -1
    while (at := text.find("、", at + 1)) != -1:
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
    lasts = _last_ends(paragraph, chain[-1] + 1)
    firsts = _first_starts(paragraph, chain[0])
    if not lasts or not firsts:
        return None
    second = paragraph.token_at(chain[0] + 1)
    opener = second[0] if second else ""
    nominal = bool(opener) and nounish(opener)

    # The middle items' words, once for every start tried below; with no middle item, the
    # shape (words, last word) of each end the last item may have, once for every start.
    shapes = [_words(paragraph, s, e) for s, e in middles]
    tails: list[tuple[int, str]] | None = None

    def same_shape(start: int) -> float:
        # 提供借阅档案、公开借阅档案: items that end alike have as many words as each other.
        nonlocal tails
        words = _words(paragraph, start, chain[0])
        if not words or len(words[-1][0]) < 2:
            return 0.0
        if middles:
            # 经营考验、技术创新考验、市场竞争考验: the first item has the others' shape too.
            if all(len(w) == len(words) and w[-1][0] == words[-1][0] for w in shapes):
                return -4.0
            return 0.0
        if len(words) < 2:
            return 0.0
        if tails is None:
            tails = [(len(t), t[-1][0]) for t in (_words(paragraph, chain[-1] + 1, end) for end, _ in lasts) if t]
        shape = (len(words), words[-1][0])
        return -4.0 if shape in tails else 0.0

    def misfit_first(start: int, reference: float) -> float:
        # Parallel items open alike: before items that open with a noun, a verb or adverb is
        # not part of the first item (正处于规划收官期、乡村振兴深化期; 员违反法律、行政法规).
        return abs(chain[0] - start - reference) + unlike(start) + same_shape(start)

    def unlike(start: int) -> float:
        word = paragraph.token_at(start)
        if word is None or word[0] == opener:
            return 0.0  # items that open alike (同部署、同落实)
        tag = paragraph.tag_of(word)
        verbal = tag in ("v", "p", "k") and bool(second) and pos(opener) != "v"
        return 3.0 if verbal or (nominal and tag in ("v", "d", "p", "k")) else 0.0

    def misfit_last(end: int, closed: int, reference: float) -> float:
        return abs(end - chain[-1] - 1 - reference) + closed

    if middles:
        reference = sorted(e - s for s, e in middles)[(len(middles) - 1) // 2]
        # The last item runs as far as the text closes, within a little of the others' length.
        near = [
            (closed, abs(e - chain[-1] - 1 - reference), -e)
            for e, closed in lasts
            if e - chain[-1] - 1 <= reference + 2 and closed <= 1
        ]
        if near:
            last_end = -min(near)[2]
        else:
            last_end = min(lasts, key=lambda ec: (misfit_last(ec[0], ec[1], reference), -ec[0]))[0]
        first_start = min(firsts, key=lambda s: (misfit_first(s, reference), -s))
    else:
        # Two items: each is measured against the other.
        fixed = {s: unlike(s) + same_shape(s) for s in firsts}
        pairs = [
            (abs(chain[0] - s - (e - chain[-1] - 1)) + fixed[s] + closed, e, -s, e)
            for s in firsts
            for e, closed in lasts
        ]
        _, _, first_start, last_end = min(pairs)
        first_start = -first_start
        if any(closed > 1 for e, closed in lasts if e == last_end):
            return None  # two items and no telling where the second ends
    items = [(first_start, chain[0]), *middles, (chain[-1] + 1, last_end)]
    opened = shared_opener(paragraph, items)
    if opened is None:
        return None
    items[0] = (opened, items[0][1])
    items[0] = (shape_start(paragraph, items), items[0][1])
    extended = shared_head(paragraph, items)
    if extended == -1:
        return None
    ran_on = extended != last_end
    if ran_on:
        items[-1] = (items[-1][0], extended)
        last_end = extended
    joined = _joined_item(paragraph, last_end, items)
    if joined:
        items.append(joined)
    if open_edge(paragraph, items, joined is not None):
        return None
    if verb_left_behind(paragraph, items) or _modifier_taken(paragraph, items):
        return None
    if len(items) == 2 and (unlike_pair(paragraph, items) or split_pair(paragraph, items)):
        return None
    headed = _head_noun(paragraph, items) is not None
    if not _parallel(paragraph, items, text[items[-1][1] : items[-1][1] + 1] == "的", headed, ran_on):
        return None
    return items


def _filler(text: str, items: list[tuple[int, int]]) -> bool:
    """Whether two items or more are a verb and a generic complement (抓好、抓实, 实现好、维护好):
    exhortation any reader supplies, not a point to recall."""
    return sum(1 for s, e in items if e - s <= 3 and text[e - 1] in _COMPLEMENTS) >= 2


def _modifier_taken(paragraph: Paragraph, items: list[tuple[int, int]]) -> bool:
    """Whether the first item opens with a one-character quantity or adverb no other item has
    (更|多名师、骨干教师): it qualifies the whole list and was taken into the first item."""
    first = paragraph.token_at(items[0][0])
    if first is None or len(first[0]) != 1 or paragraph.tag_of(first) not in ("m", "d"):
        return False
    return not any(paragraph.text.startswith(first[0], s) for s, _ in items[1:])


def _last_ends(paragraph: Paragraph, start: int) -> list[tuple[int, int]]:
    """Where the last item may end: after each word up to a stop, with whether the text is
    closed there (a mark, a particle, or not the middle of a compound noun)."""
    ends: list[tuple[int, int]] = []
    token = paragraph.token_at(start)
    while token and not _stops_list(paragraph, token, LIST_RIGHT_STOP, first=not ends):
        if token[2] - start > ITEM_MAX:
            break
        following = paragraph.token_at(token[2])
        ends.append((token[2], _closed_after(paragraph, token, following)))
        token = following
    return ends


def _closed_after(paragraph: Paragraph, token: tuple[str, int, int], following: tuple[str, int, int] | None) -> int:
    """How badly an item ending with `token` would end there: 0 at a mark or a particle, 1
    before another word, 4 inside what looks like a compound noun."""
    if following is not None and following[0] == "得":
        return 4  # 站 | 得出来: a verb and its complement
    if following is None or is_punct(following[0][0]) or following[0] in LIST_RIGHT_STOP:
        return 0
    if following[0][0] == "有":
        return 1  # 个人 | 有权: 有 opens a predicate whatever its tag
    if paragraph.tag_of(token) == "v" and paragraph.tag_of(following) in NOUN_TAGS:
        return 3  # 通报 | 有关主管部门: a verb with its object is a clause
    if paragraph.tag_of(token) in NOUN_TAGS and paragraph.tag_of(following) in NOUN_TAGS:
        # 行政 | 法规 is inside a compound; 法规 | 规定的 is a noun before the verb of a clause.
        after = paragraph.token_at(following[2])
        return 1 if after is not None and after[0] == "的" else 4
    return 1


def _first_starts(paragraph: Paragraph, end: int) -> list[int]:
    starts: list[int] = []
    token = paragraph.token_ending(end)
    second = paragraph.token_at(end + 1)
    opener = second[0] if second else ""
    while token and (
        token[0] == opener or not _stops_list(paragraph, token, _LIST_LEFT_STOP, first=not starts, left=True)
    ):
        if end - token[1] > ITEM_MAX:
            break
        starts.append(token[1])
        token = paragraph.token_ending(token[1])
    return starts


def _joined_item(paragraph: Paragraph, end: int, items: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The item after a closing 和/与/或者 when it is like the others (必要和诚信)."""
    join = paragraph.token_at(end)
    if not join or join[0] not in LAST_JOINS:
        return None
    opener = paragraph.token_at(join[2])
    first = paragraph.token_at(items[1][0])
    if opener is None or first is None:
        return None
    if paragraph.tag_of(opener) in ("v", "p") and paragraph.tag_of(first) not in ("v", "p"):
        return None  # 法律、行政法规或者违反合同: a new clause, not one more item
    longest = max(e - s for s, e in items)
    shortest = min(e - s for s, e in items)
    best = None
    for e, closed in _last_ends(paragraph, join[2]):
        if paragraph.text[e : e + 1] == "的":
            continue  # 借阅目的、借阅方式和借阅的图书种类: the item goes on past 的
        if shortest <= e - join[2] <= longest and (closed <= 1 or _head_noun(paragraph, [*items, (join[2], e)])):
            best = (join[2], e)
    return best


def _head_noun(paragraph: Paragraph, items: list[tuple[int, int]]) -> int | None:
    """Where a list of short qualities ends with the noun they qualify (公开、透明原则), or None."""
    if any(e - s > 2 for s, e in items):
        return None
    head = paragraph.token_at(items[-1][1])
    if not head or len(head[0]) > 2 or paragraph.tag_of(head) not in ("n", "nz"):
        return None
    after = paragraph.token_at(head[2])
    return head[2] if after is None or is_punct(after[0][0]) else None


def _parallel(
    paragraph: Paragraph, items: list[tuple[int, int]], closed_by_de: bool, headed: bool, extended: bool = False
) -> bool:
    """Whether the items are alike enough to be one list of terms (`extended`: the last one
    was run on to the head the others share, and may be a little longer)."""
    text = paragraph.text
    lengths = [e - s for s, e in items]
    if extended and lengths[-1] <= ITEM_MAX + 2:
        lengths[-1] = min(lengths[-1], ITEM_MAX)
    nominal = all(_last_tag(paragraph, e) in NOUN_TAGS for _, e in items)
    if max(lengths) > ITEM_MAX or (max(lengths) > (3 if nominal else 2) * min(lengths) and not extended):
        return False  # a list of clauses, or of things that are not alike (but 党史…发展史 share a head)
    if len(items) < 3 and max(lengths) < 3 and not headed:
        return False  # 部门、单位: two bare words say too little
    if len(items) == 2 and closed_by_de:
        # X、Y的Z: a list before 的 is one only when its items are built alike
        # (少年宫、章程规定的家长代表 is two things, the second with its own clause).
        words = [len(_words(paragraph, s, e)) for s, e in items]
        if words[0] != words[1] and lengths[0] != lengths[1]:
            return False
    firsts = [paragraph.token_at(s) for s, _ in items]
    openers = {(first or ("",))[0] for first in firsts}
    for (s, e), first in zip(items, firsts):
        item = text[s:e]
        if item.startswith(_DETERMINERS) or _ARTICLE.search(item):
            return False  # 各部门、各单位 counts everyone; 第三条、第五条 are references
        if first and len(openers) > 1 and pos(first[0]) in _FUNCTION_TAGS and pos(first[0]) != "d":
            return False  # 以真理 is not a term, unless every item opens alike (同部署、同落实)
        if first and first[2] < e and any(w[0] in PARTICLES for w in _words(paragraph, s, e)):
            return False  # a clause with particles (创造了良好条件), not a term
    return True


def _words(paragraph: Paragraph, start: int, end: int) -> list[tuple[str, int, int]]:
    """The words from `start` (a word's start) up to `end`."""
    k = paragraph.index_at(start)
    if k is None:
        return []
    tokens = paragraph.tokens
    m = paragraph.index_at(end)
    if m is not None and m >= k:
        return tokens[k:m]  # the words before the one that starts at `end`
    words = []
    while k < len(tokens) and tokens[k][2] <= end:
        words.append(tokens[k])
        k += 1
    return words


def _last_tag(paragraph: Paragraph, end: int) -> str:
    token = paragraph.token_ending(end)
    return paragraph.tag_of(token) if token else "x"


def _stops_list(
    paragraph: Paragraph, token: tuple[str, int, int], stops: frozenset[str], first: bool, left: bool = False
) -> bool:
    """Whether `token` ends a list item. The word next to a 、 belongs to its item whatever
    it is (同部署、同落实); further out a particle ends it, and an adverb ends it on the
    right (安全感|更加充实) but may open it on the left (不敢担当、逃避责任)."""
    word = token[0]
    if word in stops or is_punct(word[0]):
        return True
    tag = paragraph.tag_of(token)
    return not first and tag in _FUNCTION_TAGS and not (left and tag == "d")
