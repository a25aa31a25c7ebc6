"""Where a parallel list really ends: the edges that would cut an item, or the list, in half."""

from __future__ import annotations

from functools import lru_cache

from tui.core.paragraph import BOUND_SUFFIXES, Paragraph, _segmenter, is_punct

ITEM_MAX = 7  # a 、-list item longer than this is a clause, not a term
# Words that end a list item on the right, or stop a first item growing to the left.
LIST_RIGHT_STOP = frozenset("的 地 得 之 等 等等 和 与 及 以及 或 或者 中 里 方面 了 着 过".split())
# A last item joined by one of these is still an item (合法、合理、节约和诚信).
LAST_JOINS = frozenset("和 与 及 以及 或者 或".split())
PARTICLES = frozenset("了 着 的 地 得".split())
_PLACES = frozenset("中 里 上 下 内 外 间 前 后 时".split())  # 在……中: after a list, not a suffix
NOUN_TAGS = ("n", "nz", "nt", "ns", "nr", "vn", "an", "j", "l", "ng")
_MODALS = ("不得", "应当", "可以", "必须", "要", "是", "应", "须", "能")
# Adverbs of degree that open a predicate (服务意识|更加牢固).
_DEGREE = ("更加", "更为", "明显", "显著", "日益", "不断", "进一步", "大幅", "越来越")
ENUMERATION_GAP = 14  # a 、 this close before a list's first item makes it the tail of a longer one


def shared_opener(paragraph: Paragraph, items: list[tuple[int, int]]) -> int | None:
    """Where the first item starts when the others open with a word it lacks but the text has
    just before it (高速|铁路网、高速公路网): there, or it would be cut; None when that is
    inside a word (党的基本|路线、基本方略)."""
    text = paragraph.text
    start, end = items[0]
    others = [text[s:e] for s, e in items[1:]]
    size = _shared(others, 0)
    opener = others[0][: min(size, 2 if len(others) == 1 else size)]
    if len(opener) < 2 or text[start:end].startswith(opener) or not text[:start].endswith(opener):
        return start
    at = start - len(opener)
    if at not in paragraph.bounds:
        return None  # 党的基本|路线: the segmenter glued the opener to the word before; no clean edge
    return at if end - at <= ITEM_MAX else start


def shape_start(paragraph: Paragraph, items: list[tuple[int, int]]) -> int:
    """Where the first item starts when it carries a word before the shape the other items
    share, all of one length and one last character (管理|精细化、规范化、智能化: 精细化)."""
    start, end = items[0]
    lengths = {e - s for s, e in items[1:]}
    if len(items) < 3 or len(lengths) != 1:
        return start
    size = lengths.pop()
    if end - start <= size or len({paragraph.text[e - 1] for _, e in items}) != 1:
        return start
    return end - size if end - size in paragraph.bounds else start


def _shared(texts: list[str], side: int) -> int:
    """How many characters all `texts` share at their start (`side` 0) or end (-1), short of
    the whole of the shortest."""
    most = min(map(len, texts)) - 1
    if len(texts) == 1:
        return max(most, 0)  # one text shares all of itself (most lists have two items)
    size = 0
    while size < most and len({t[size] if side == 0 else t[-size - 1] for t in texts}) == 1:
        size += 1
    return size


def shared_head(paragraph: Paragraph, items: list[tuple[int, int]]) -> int:
    """Where the last item ends when the others share a head it lacks but the text goes on to
    (保障体系、调度体系、服务体系、水质监测|预警体系; 建军九十周年、改革开放|四十周年): the item runs
    to that head, or it would be cut in half; -1 when the head is too far to run to."""
    text = paragraph.text
    start, end = items[-1]
    heads = [text[s:e] for s, e in items[:-1]]
    shared = _shared(heads, -1)
    for size in range(shared, 1, -1):  # 科教兴国战略、人才强国战略: the head is 战略, not 国战略
        head = heads[0][-size:]
        if text[start:end].endswith(head):
            return end
        inside = text.find(head, start, end)
        if inside != -1 and inside + size in paragraph.bounds and inside > start:
            return inside + size  # 高级教育、继续教育|协同: the last item ends at the head, not after it
        at = text.find(head, end, end + 4)
        if at == -1 or any(is_punct(c) or c == "、" for c in text[end:at]) or at + size - start > ITEM_MAX + 2:
            if _head_beyond(paragraph, items, head):
                return -1
            continue
        return at + size if (at + size) in paragraph.bounds else end
    if shared == 1 and len(heads) >= 2 and not text[start:end].endswith(heads[0][-1]):
        # 中国史、世界史、文明史、科学技术|发展史: one character that the other items end in, when
        # there are two of them or more (a pair may share one by chance), is a head as well.
        at = text.find(heads[0][-1], end, end + 4)
        if at != -1 and not any(is_punct(c) or c == "、" for c in text[end:at]):
            if at + 1 - start <= ITEM_MAX + 2 and at + 1 in paragraph.bounds:
                return at + 1
    if len(heads) == 1 and len(heads[0]) == 2 and _head_beyond(paragraph, items, heads[0]):
        return -1  # 创新|中心、市级科技|创新中心: a first item that is all head, met again after the last
    return end


def _head_beyond(paragraph: Paragraph, items: list[tuple[int, int]], head: str) -> bool:
    """Whether the word every other item ends in comes a little after the last item, too far
    to take in (突出问题、干部职工|操心烦心问题): the last item is cut before its head."""
    end = items[-1][1]
    text = paragraph.text
    at = text.find(head, end, end + 8)
    if at == -1 or any(is_punct(c) or c == "、" for c in text[end:at]):
        return False
    return all((paragraph.token_ending(e) or ("",))[0] == head for _, e in items[:-1])


def unlike_pair(paragraph: Paragraph, items: list[tuple[int, int]]) -> bool:
    """Two items of unequal length, one opening with a noun and the other with a verb, adverb
    or quality, or one ending in a verb and the other in a noun, are two pieces of a sentence,
    not a pair (思想问题、实现队伍|全面过硬; 日期、归还地点; 农民干、乡村振兴)."""
    (s1, e1), (s2, e2) = items
    if e1 - s1 == e2 - s2:
        return False  # 不敢担当、逃避责任: a pair of the same length is one whatever the tags
    first, second = paragraph.token_at(s1), paragraph.token_at(s2)
    if first is None or second is None:
        return False
    kinds = {_opening_kind(paragraph.tag_of(first)), _opening_kind(paragraph.tag_of(second))}
    if kinds == {"noun", "verb"}:
        return True
    # 乡村建设|农民干、乡村振兴|为农民: one ends in a verb, the other in a noun (ends of two clauses)
    last_first, last_second = paragraph.token_ending(e1), paragraph.token_ending(e2)
    if last_first is None or last_second is None:
        return False
    ends = {paragraph.tag_of(last_first), paragraph.tag_of(last_second)}
    return "v" in ends and bool(ends & {"n", "nz", "ns", "nt"})


def _opening_kind(tag: str) -> str:
    if tag in NOUN_TAGS or tag in ("ns", "nr", "s", "t"):
        return "noun"
    return "verb" if tag in ("v", "d", "a", "ad", "p", "c", "vd") else "other"


def open_edge(paragraph: Paragraph, items: list[tuple[int, int]], joined: bool = False) -> bool:
    """Whether the list goes on past its last item, so that it would be cut: a join whose item
    was not taken (行为习惯、兴趣爱好|或者经济、健康), or a short last item that qualifies the
    noun after it (董事、监事、高级|管理人员); or before its first (重要|互联网平台服务、……).
    A list whose last item came after 和 (`joined`) is checked on its left and for a 、 after it."""
    text = paragraph.text
    opening = text[max(0, items[0][0] - ENUMERATION_GAP) : items[0][0]]
    gap = opening[opening.rindex("、") + 1 :] if "、" in opening else None
    if gap is not None and not any(is_punct(c) or c in "的地" for c in gap) and not any(m in gap for m in _MODALS):
        # 委托保管借阅档案、向其他图书馆|提供借阅档案、公开借阅档案: the tail of a longer list
        # (not after 的, which closes a phrase of its own: 简明易懂的语言|真实、准确、完整, nor
        # after a modal, which opens the predicate of a list of subjects: 组织、个人不得擅自|复制、修改)
        return True
    before = paragraph.token_ending(items[0][0])
    if before is not None and len(before[0]) >= 2 and paragraph.tag_of(before) == "a":
        return True  # 重要|电子书借阅服务、读者数量巨大: the quality belongs to the first item
    if before is not None and _one_word(before[0] + text[items[0][0] : items[0][0] + 2]):
        return True  # 产业|结构调整、人才培养: the first item starts inside a word of the language
    if before is not None and len(before[0]) >= 2 and text.startswith(before[0], items[1][0]):
        return True  # 城市|公共交通、城市供水: the second item opens with the word before the first, its own
    if before is not None and before[0] in LAST_JOINS:
        ahead = paragraph.token_ending(before[1])
        if ahead is not None and paragraph.tag_of(ahead) in NOUN_TAGS:
            return True  # 名称或者|姓名、联系方式: the first item is the second of a pair before it
    if before is not None and len(before[0]) == 1 and "\u4e00" <= before[0] <= "\u9fff":
        if paragraph.tag_of(before) not in _FUNCTION and _falls_short(items, 0) == 1:
            return True  # 爱|集体、守纪律、讲卫生: the first item lost its first character
    end = items[-1][1]
    if text[end : end + 1] == "、":
        return True  # 甲和乙|、丙和丁: the enumeration goes on, of pairs the list is one piece of
    if joined:
        return False
    if text[end : end + 1] == "到" and "从" in text[max(0, items[0][0] - 2) : items[0][0]]:
        return True  # 从站起来、富起来|到强起来: a sequence whose last step comes after 到
    after = paragraph.token_at(end)
    if after is None:
        return False
    if after[0] in LAST_JOINS and not is_punct(text[after[2] : after[2] + 1] or "。"):
        opener = paragraph.token_at(after[2])
        # 法律、行政法规或者违反合同: a verb after the join opens a new clause; the list is whole,
        # unless 的 makes that verb a modifier of one more item (借阅目的、借阅方式和借阅的……种类).
        if opener is None or paragraph.tag_of(opener) not in ("v", "p", "d"):
            return True
        return text[opener[2] : opener[2] + 1] == "的"
    last_word = paragraph.token_ending(end)
    if last_word is not None and not is_punct(after[0][0]) and after[0][0] not in PARTICLES:
        if len(last_word[0]) == 1 and last_word[0] not in BOUND_SUFFIXES and last_word[1] > items[-1][0]:
            return True  # 不确定难|预料: the last item ends inside a word the segmenter split
        if last_word[1] == items[-1][0] and end - items[-1][0] == 2 and items[0][1] - items[0][0] >= 4:
            if after[0] not in LIST_RIGHT_STOP:
                return True  # 总揽全局、协调|各方: a bare verb after items with their objects has its own
    if len(after[0]) == 1 and (after[0] in BOUND_SUFFIXES or paragraph.tag_of(after) in ("n", "ng", "k")):
        if after[0] not in _PLACES and not is_punct(after[0]):
            return True  # 城市群、都市|圈: the last item is cut before its suffix
    if _one_short(paragraph, items) and "\u4e00" <= after[0][0] <= "\u9fff" and after[0][0] not in _NOT_AFTER_SHORT:
        return True  # 产业群、商业|圈为: the same, the segmenter having glued the suffix to what follows
    if _falls_short(items, -1) and "\u4e00" <= after[0][0] <= "\u9fff" and after[0] not in LIST_RIGHT_STOP:
        return True  # 规范性考量、系统性筹划、整体性|推进: the last item stops short of its word
    last = paragraph.token_ending(end)
    if _takes_the_noun_after(paragraph, last, after):
        return True
    return (
        end - items[-1][0] <= 2
        and last is not None
        and paragraph.tag_of(last) in ("b", "n", "nz", "a", "vn")  # 鼓励、支持、引导|非公有制: a verb has its object
        and after[0][0] not in PARTICLES  # 完整|地向: the segmenter glues 地 to what follows
        and len(after[0]) >= 2
        and paragraph.tag_of(after) in ("n", "nz", "ng")
    )


# What may follow a last item one character shorter than the others without being its end.
_NOT_AFTER_SHORT = frozenset("的地得之等和与及或了着过中里上下内外")


_FUNCTION = ("d", "p", "c", "u", "uj", "ul", "r", "m")


def _falls_short(items: list[tuple[int, int]], edge: int) -> int:
    """How much shorter the first (`edge` 0) or last (-1) of three items or more is than the
    others, all of one length (0 when it is not, or when they are not)."""
    lengths = [end - start for start, end in items]
    rest = set(lengths[1:] if edge == 0 else lengths[:-1])
    if len(items) < 3 or len(rest) != 1:
        return 0
    return max(rest.pop() - lengths[edge], 0)


def _one_short(paragraph: Paragraph, items: list[tuple[int, int]]) -> bool:
    """Whether every item is one word, all but the last of one length, and the last one character shorter."""
    lengths = {end - start for start, end in items[:-1]}
    if len(lengths) != 1 or items[-1][1] - items[-1][0] != lengths.pop() - 1 or items[-1][1] - items[-1][0] < 2:
        return False
    return all((word := paragraph.token_at(start)) is not None and word[2] == end for start, end in items)


def _takes_the_noun_after(
    paragraph: Paragraph, last: tuple[str, int, int] | None, after: tuple[str, int, int]
) -> bool:
    """Whether the last item is a verb or an idiom whose object is the noun after it, and that
    noun with it qualifies a head after 的 (互不干涉|内部事务的原则, 充满血腥|罪恶的做法): the
    list is cut before its last item's object. Items that end in their own noun are whole
    (分析问题、解决问题|能力的: the noun after is their head)."""
    if last is None or paragraph.tag_of(last) not in ("i", "v", "a", "l"):
        return False
    text = paragraph.text
    word: tuple[str, int, int] | None = after
    for _ in range(2):  # the object: a noun, or two (对方|事务)
        if word is None or paragraph.tag_of(word) not in ("n", "nz"):
            return False
        if text[word[2] : word[2] + 1] == "的":
            return word[2] - after[1] >= 2
        word = paragraph.token_at(word[2])
    return False


def split_pair(paragraph: Paragraph, items: list[tuple[int, int]]) -> bool:
    """Two items that are the ends of two phrases, not a pair: two 的-phrases (更为可靠的人才基础、
    更为健全|的制度保障) or two clauses, a predicate then the subject of the next (工作热情更加高涨、
    服务意识|更加牢固)."""
    (start, first_end), (_, end) = items
    text = paragraph.text
    if text[start - 1 : start] == "的" and text[end : end + 1] == "的":
        return True
    after = paragraph.token_at(end)
    if after is None or not after[0].startswith(_DEGREE):
        return False
    first, last = paragraph.token_ending(first_end), paragraph.token_ending(end)
    return (
        first is not None
        and last is not None
        and paragraph.tag_of(first) in ("v", "a", "ad")
        and paragraph.tag_of(last) in NOUN_TAGS
    )


@lru_cache(maxsize=16384)
def _one_word(text: str) -> bool:
    """Whether the dictionary holds `text` (all Han, four characters or more) as one word."""
    return len(text) >= 4 and all("\u4e00" <= c <= "\u9fff" for c in text) and len(_segmenter().tag(text)) == 1


def verb_left_behind(paragraph: Paragraph, items: list[tuple[int, int]]) -> bool:
    """Whether every item but the first opens with a one-character verb and the first, a noun,
    has one just before it (有|理想、敢创新、能吃苦; 把|方向、定思路、抓落实): the first item is
    cut from its verb."""
    before = paragraph.token_ending(items[0][0])
    first = paragraph.token_at(items[0][0])
    if before is None or first is None or len(before[0]) != 1 or len(first[0]) < 2:
        return False
    if not ("\u4e00" <= before[0] <= "\u9fff") or before[0] in "的之和与及或":
        return False
    openers = [paragraph.token_at(s) for s, _ in items[1:]]
    return all(o is not None and len(o[0]) == 1 and paragraph.tag_of(o) in ("v", "d") for o in openers)

