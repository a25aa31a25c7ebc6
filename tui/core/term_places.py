"""Where a candidate term stands in its sentence: the places that show it is no term (half of a pair, a predicate)."""

from __future__ import annotations

import re
from functools import lru_cache

from tui.core.paragraph import Paragraph, _segmenter
from tui.core.paragraph import pos as pos_of
from tui.core.terms import _NOUNS, Term, _han


def misplaced(paragraph: Paragraph, term: Term) -> bool:
    """Whether the term's place in its sentence shows it is no term of its own."""
    text = paragraph.text
    if _juxtaposed(paragraph, term):
        return True  # 常态化|长效化: one of words set side by side, a list without its marks
    if term.english:
        # in Case of Disagreement, in Consequence of: "in case of" says when, names nothing
        return _half_of_pair(paragraph, term) or _compound_preposition(text, term)
    if _closes_a_list(text, term.start):
        return True  # 借阅目的、借阅方式和借阅的图书种类: the last member of a list
    if _half_of_pair(paragraph, term) or _PAIR_INSIDE.search(term.text, 1):
        return True  # 学校和家庭各项工作: two things, not one term
    if text.startswith("就是", term.end) or text.endswith("就是", 0, term.start):
        return True  # 生态效益|就是经济效益: one side of an equation, the formulation is both
    following = paragraph.token_at(term.end)
    if following is not None and paragraph.tag_of(following) in _HEADS:
        return True  # 实景化|课堂教学: the noun right after the term is what it qualifies
    after = text[term.end : term.end + 1]
    if after == "之" and _han(text[term.end + 1 : term.end + 2]):
        return True  # 地方特色发展|之路: it qualifies the noun after 之
    if after == "的" and _short_head(paragraph, term):
        return True  # 新时代党|的创新理论: a one-character head before 的 is the owner of what follows
    if after in ("在", "于") and _verb_head(paragraph, term):
        return True  # 档案资料存储|在本地: the last word is the verb of a clause
    return _predicate(paragraph, term)  # ，优化城乡公共服务布局: a verb opening its clause, with its object


_HEADS = ("n", "nz", "nt", "ns", "ng")  # a noun after a term goes on with it (not vn: 建设, 改革)
_PAIR_INSIDE = re.compile(r"[和与及](?![平谐睦])")
_JOINS = frozenset("和 与 及 以及 或 或者 并".split())
_ENGLISH_JOIN = re.compile(r"\s(?:and|or|nor)\s+[A-Za-z]")
_ENGLISH_JOINED = re.compile(r"[A-Za-z]+,?\s(?:and|or|nor)\s+$")


def _predicate(paragraph: Paragraph, term: Term) -> bool:
    """Whether the term is a verb (发展, 大力发展) and a noun phrase of two words or more, at the
    start of its clause or after an adverb: a predicate and its object, not a name."""
    words = paragraph_words(term.text)
    verb = pos_of(words[0][-2:]) in ("v", "vn") or words[0] in _CALLS
    if len(words) < 3 or not 2 <= len(words[0]) <= 4 or not verb:
        return False
    before = paragraph.token_ending(term.start)
    if before is None or not _han(before[0]) or before[0] in _PACE:
        return True
    return paragraph.tag_of(before) in ("d", "ad", "c")


# Verbs of a call to action the dictionary takes for names (弘扬 as a person's name).
_CALLS = frozenset("弘扬 传承 践行 培育 涵养 赓续".split())
# Words that say how a thing is done, whatever their tags (加快|建设现代化物流体系): a verb after them
# is the predicate, not part of a name.
_PACE = frozenset("加快 加紧 着力 努力 积极 大力 全面 深入 持续 不断 切实 扎实 稳步 坚定不移 毫不动摇".split())


_IN_BEFORE = re.compile(r"\b(?:in|by|with)\s+$", re.IGNORECASE)


def _compound_preposition(text: str, term: Term) -> bool:
    """Whether an English "X of Y" with a singular head stands after in, by or with (in Case of)."""
    if " of " not in term.text or term.text.split()[0].endswith("s"):
        return False
    return _IN_BEFORE.search(text, max(0, term.start - 6), term.start) is not None


_LIST_BEFORE = re.compile(r"、[^，。；：、,;:]{1,8}(?:和|及|以及|或者)[^，。；：、,;:和及]{0,4}$")


def _closes_a_list(text: str, start: int) -> bool:
    return _LIST_BEFORE.search(text, max(0, start - 20), start) is not None


def _juxtaposed(paragraph: Paragraph, term: Term) -> bool:
    if term.english:
        return False
    first, last = paragraph.token_at(term.start), paragraph.token_ending(term.end)
    pairs = ((paragraph.token_ending(term.start), first), (paragraph.token_at(term.end), last))
    for other, word in pairs:
        if other is None or word is None or len(word[0]) < 2:
            continue
        if len(other[0]) == len(word[0]) and other[0][-1] == word[0][-1] and other[0] != word[0]:
            return True
    text = paragraph.text
    for size in (2, 3):  # 常态化|长效化, cut by the segmenter into 常态 化 长效 化
        after = text[term.end : term.end + size]
        if len(after) == size and _han(after) and after[-1] == term.text[-1] and after != term.text[-size:]:
            return True
    return False


def _verb_head(paragraph: Paragraph, term: Term) -> bool:
    last = paragraph.token_ending(term.end)
    return last is not None and term.words > 1 and pos_of(last[0]) in ("v", "vn", "j")


def _short_head(paragraph: Paragraph, term: Term) -> bool:
    last = paragraph.token_ending(term.end)
    return last is not None and len(last[0]) == 1 and term.words > 1


def _half_of_pair(paragraph: Paragraph, term: Term) -> bool:
    """Whether the term is one of two things joined by 和/或者/and/or (基层法治和社会法治, 个人或者
    家庭事务, jury of the state and district, the nature and cause of): asked alone, half a unit."""
    text = paragraph.text
    if term.english:
        return bool(
            _ENGLISH_JOIN.match(text, term.end) or _ENGLISH_JOINED.search(text, max(0, term.start - 40), term.start)
        )
    after = paragraph.token_at(term.end)
    if after is not None and after[0] in _JOINS and _han(text[after[2] : after[2] + 1]):
        return True
    before = paragraph.token_ending(term.start)
    if before is None or before[0] not in _JOINS:
        return False
    ahead = paragraph.token_ending(before[1])
    return ahead is not None and paragraph.tag_of(ahead) in _NOUNS




@lru_cache(maxsize=65536)
def paragraph_words(text: str) -> list[str]:
    """The words of a short text as the segmenter cuts it alone."""
    return [w for w, _, _ in _segmenter().tokenize(text)]


