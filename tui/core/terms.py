"""Terms: noun phrases found by part of speech and kept whole (their ranking is in `term_scores`).

A Chinese term is a run of nouns and their modifiers that ends in a noun (校园安全风险评估,
民主集中制); it never starts with a verb, a determiner (本法, 该) or a particle, and it is never
cut out of a longer compound. Its specificity comes from the segmenter's own dictionary: the
word frequencies of general Chinese that rjieba already holds (no second dictionary to load).
Signals that make a term key: it is defined (X是指, 本法所称X), framed (实行X, 坚持X), repeated,
or in a heading. English terms are in `terms_en`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import compress
from typing import NamedTuple, cast

from tui.core.paragraph import BOUND_SUFFIXES, Paragraph
from tui.core.paragraph import pos as pos_of
from tui.core.terms_en import english_terms

TERM_MAX = 12  # characters in a term at most
_NOUNS = frozenset("n nz nt ns nr nrt nrfg vn an j ng l nl".split())
_MODIFIERS = frozenset("a b s".split())
_INNER = _NOUNS | _MODIFIERS | {"v", "k"}
_LOOKED_AT = _INNER | {"l"}
# Determiners and deictic words: 本法规定, 该部门, 上述信息 point elsewhere; they are not terms.
_DETERMINER_STARTS = ("本", "该", "此", "其", "上述", "下列", "前款", "前条", "前述", "相关", "有关", "各", "每", "这", "那", "某")
# Verbs that always take an object: 进行监督 is a clause however its noun is tagged.
_LIGHT_VERBS = frozenset("进行 予以 加以 给予 作出 做出 开展 实施 采取 提出 提供 取得 履行 负责 依照 按照".split())
# Verbs that put their object forward as a principle or an institution.
_FRAMES = frozenset("实行 坚持 建立 健全 完善 落实 贯彻 推行 确立 实施 坚守 秉持 遵循 发展 构建 推进".split())
# X是指……, 本法所称X，是指……, X是……的根本/核心/本质特征: X from the start of its clause.
_CLAUSE_START = r"(?:^|(?<=[。；;：:，,\s）)】]))"
_DEFINITION = re.compile(
    _CLAUSE_START + r"(?:本法|本条例|本办法|本规定|本决定)?(?:所称)?([^，。；：:、\s“”（）()]{2,14}?)，?是指"
)
_COPULAS = frozenset(("是", "为", "系"))
# X是……的Y opening a sentence: what a textbook says a term is (线性表是……的有限序列).
_SENTENCE_START = r"(?:^|(?<=[。；;！？!?\s]))"
_DESCRIPTION = re.compile(
    _SENTENCE_START + r"([^，。；：:、\s“”（）()]{2,12}?)是(?!指)[^。；，：！？!?]{2,40}?的[^。；，、的\s]{1,8}(?=[。；，])"
)
_ESSENCE_HEADS = ("根本", "核心", "本质特征", "最本质的特征", "灵魂", "生命线", "首要任务")
_ESSENCE = re.compile(
    _CLAUSE_START + r"([^，。；：:、\s“”（）()]{2,12}?)是[^。；，]{0,24}?(?:的|之)(?:" + "|".join(_ESSENCE_HEADS) + ")"
)
_AFTER_DE_STOPS = frozenset("的 和 或者 及 等".split())
_DE_MARKS = "；;，,。"  # the marks that close a head after 的
# Common verbs the dictionary tags as nouns: a phrase they open is a clause (利用个人信息),
# one they close is a predicate (部门责令改正, 财产安全无法).
_VERBS_AS_NOUNS = frozenset(
    "利用 规范 监督 影响 采取 依法 依照 按照 根据 核实 宣告 责令 涉嫌 违反 要求 保障 促进 推动 加强 防止 避免 "
    "确保 实现 提高 落实 开展 行使 无法 改正 处 不得 应当 可以 需要 符合 属于 包括 通过 进行 发现 提供".split()
)
# Empty heads a single dictionary word may end in.
_EMPTY_ENDS = ("方面", "情况", "情形", "事项", "工作", "力度", "程度")
# Heads that make a phrase a pointer, not a term (个人信息保护方面, 个人有权, 本法规定).
_EMPTY_HEADS = frozenset("方面 有关 相关 有权 情况 情形 事项 事宜 工作 力度 程度 之间 以上 以下 等等 规定".split())


class Term(NamedTuple):
    """One occurrence of a candidate term in a paragraph (a tuple: there are very many)."""

    start: int
    end: int
    text: str
    words: int
    framed: bool = False
    defined: bool = False
    verbal: bool = False  # holds a verb that modifies its head (个人信息保护负责人)
    english: bool = False
    capitalised: bool = False  # written with capitals where a sentence does not start


def all_terms(paragraph: Paragraph) -> list[Term]:
    """The candidate terms of a paragraph, Chinese and English."""
    found = chinese_terms(paragraph)
    if _LATIN_WORD.search(paragraph.text):
        # A new list: the Chinese terms are kept with the paragraph and must not grow.
        found = found + [
            Term(s, e, text, len(text.split()), english=True, capitalised=caps)
            for s, e, text, caps in english_terms(paragraph)
        ]
    return found


def chinese_terms(paragraph: Paragraph) -> list[Term]:
    """The candidate noun phrases of a paragraph, each with the signals of its occurrence
    (kept with the paragraph: the document pass and the section pass both ask)."""
    cached = paragraph.cache.get("terms")
    if cached is None:
        cached = paragraph.cache["terms"] = _chinese_terms(paragraph)
    return cast("list[Term]", cached)


def _chinese_terms(paragraph: Paragraph) -> list[Term]:
    text = paragraph.text
    if not _ANY_HAN.search(text):
        return []
    tokens, words = paragraph.tokens, paragraph.words
    classes = list(map(_word_class, words, paragraph.tag_list))  # C loops: most words are met before
    inner = list(map(_INNER.__contains__, classes))
    defined_at = _definition_starts(text)
    found: list[Term] = []
    i, count = 0, len(tokens)
    while True:
        try:
            i = inner.index(True, i)  # the next word a term may hold, found by a C loop
        except ValueError:
            break
        j = i
        while j + 1 < count and inner[j + 1] and words[j] not in BOUND_SUFFIXES:
            j += 1  # (a suffix closes the word: 处理者 | 违反, 处理者 | 方可)
        before = words[i - 1] if i > 0 else ""
        if i == j:  # most runs are one word
            word, s, e = tokens[i]
            if classes[i] in _NOUNS and len(word) >= 2 and _single_noun(word):
                found.append(Term(s, e, word, 1, before in _FRAMES, (s, e) in defined_at))
        else:
            run_classes = classes[i : j + 1]
            if not _NOUNS.isdisjoint(run_classes):  # a run of verbs and modifiers names nothing
                origin = tokens[i][1]
                for s, e, size, framed, verbal in _run_shapes(tuple(words[i : j + 1]), tuple(run_classes), before in _FRAMES):
                    s, e = origin + s, origin + e
                    found.append(Term(s, e, text[s:e], size, framed, (s, e) in defined_at, verbal))
        i = j + 1
    if "的" in text:
        found += _after_de(paragraph)
    return found


@lru_cache(maxsize=65536)
def _word_class(word: str, tag: str) -> str:
    """The word's class for the term rule: only a tag the rule reads needs a second look
    (most words are particles, verbs of no interest to it, punctuation)."""
    if word in _COPULAS:
        return "c"  # 评估|是|学校: a copula joins a subject to what it is, never two words of a term
    return _class_of(word, tag) if tag in _LOOKED_AT else tag


@lru_cache(maxsize=65536)
def _class_of(word: str, tag: str) -> str:
    """The word's tag for the term rule: a set phrase (l) counts as what its last word is
    (刑事责任 is a noun, 依法追究 a verb), and a word that is not all Han counts as nothing."""
    if not _HAN_WORD.fullmatch(word):
        return "x"
    if tag != "l" or len(word) < 3:
        return tag
    return "n" if pos_of(word[-2:]) in ("n", "nz", "nt", "ns", "ng") else "v"  # 大力发展 is a verb


@lru_cache(maxsize=65536)
def _run_shapes(
    words: tuple[str, ...], classes: tuple[str, ...], framed: bool
) -> tuple[tuple[int, int, int, bool, bool], ...]:
    """The terms of a run of words, as (start, end, words, framed, verbal) from the run's start:
    the same words in a row give the same terms, and they recur all through a document."""
    run, at = [], 0
    for word in words:
        run.append((word, at, at + len(word)))
        at += len(word)
    text = "".join(words)
    return tuple(
        (t.start, t.end, t.words, t.framed, t.verbal)
        for t in _run_terms(text, run, list(classes), "实行" if framed else "", set())
    )


def _run_terms(
    text: str, run: list[tuple[str, int, int]], tags: list[str], before: str, defined_at: set[tuple[int, int]]
) -> list[Term]:
    """The terms of one run of content words. A term starts at the run's start or after a verb
    that takes it as object (进行 | 校园安全风险评估), and ends at the run's end or before a
    verb that has words after it (市教育部门 | 负责统筹); a run that ends in a verb is left
    alone, for that verb may be part of the compound (治安管理处罚)."""
    if len(run) == 1:  # most runs are one word
        word, s, e = run[0]
        if tags[0] not in _NOUNS or len(word) < 2 or not _single_noun(word):
            return []
        return [Term(s, e, word, 1, before in _FRAMES, (s, e) in defined_at)]
    verbs = [k for k, tag in enumerate(tags) if tag == "v"]
    # A verb that modifies the head after it (保护 in 个人信息保护国际规则) glues its neighbours:
    # no term starts or ends at it, or 国际规则 and 个人信息 would be cut out of the compound.
    glue = {k for k in verbs if 0 < k and _modifying_verb(run, tags, k, _next_verb(verbs, k, len(run)))}
    starts = [0] + [k + 1 for k in verbs if k not in glue]
    ends = [k for k in verbs if k + 1 < len(run) and k > 0 and k not in glue]
    if tags[-1] in _NOUNS or run[-1][0] in BOUND_SUFFIXES:
        ends.append(len(run))
    found: list[Term] = []
    for start in starts:
        for end in ends:
            if start >= end:
                continue
            words = run[start:end]
            word_tags = tags[start:end]
            last = words[-1][0]
            if last not in BOUND_SUFFIXES and (word_tags[-1] not in _NOUNS or _class_of(last, pos_of(last)) not in _NOUNS):
                continue  # a term ends in a noun, by its place and by the dictionary (方可 is no noun)
            suffixed = 1 < len(words) <= 3 and words[-1][0] in ("化", "者") and words[-1][2] - words[0][1] <= 4
            if word_tags[0] in ("v", "k") and not suffixed:
                continue  # a verb opens a clause, not a term, unless a suffix makes it one (匿名化)
            inner = [k for k, tag in enumerate(word_tags) if tag == "v" and k > 0]
            if len(inner) > 1 or any(not _modifying_verb(words, word_tags, k, len(words)) for k in inner):
                continue  # 本办法规定出借馆藏图书, 读者权益造成不利影响: a clause
            if words[-1][0] in _EMPTY_HEADS or words[-1][0] in _VERBS_AS_NOUNS or words[0][0] in _VERBS_AS_NOUNS:
                continue  # 个人信息保护方面, 部门责令改正, 利用个人信息
            if words[0][0].startswith(_VERB_STARTS):
                continue  # 采取措施, 不合理 open with a verb or a negation whatever their tags
            if any(w[0].startswith(_PREDICATES) for w in words[1:]) or words[-1][0].endswith(_CHANGES):
                continue  # 借阅信息涉嫌犯罪, 读者行使权利, 能力信息化水平明显提高: a subject and its predicate
            s, e = words[0][1], words[-1][2]
            phrase = text[s:e]
            if not 2 <= len(phrase) <= TERM_MAX or phrase.startswith(_DETERMINER_STARTS):
                continue
            opener = run[start - 1][0] if start > 0 else before
            found.append(Term(s, e, phrase, len(words), opener in _FRAMES, (s, e) in defined_at, bool(inner)))
    return found


@lru_cache(maxsize=65536)
def _single_noun(word: str) -> bool:
    return (
        pos_of(word) in _NOUNS
        and word not in _EMPTY_HEADS
        and word not in _VERBS_AS_NOUNS
        and not word.startswith(_DETERMINER_STARTS)
        # 采取措施 (tagged a name), 不合理: a verb with its object, a negated quality
        and not word.startswith(_VERB_STARTS)
        and not word.endswith(_EMPTY_ENDS)  # 调节力度, 党建工作: one word with an empty head
    )


_VERB_STARTS = ("不", "未", "无", *sorted(_LIGHT_VERBS))
# Verbs of change that end a predicate, however the tagger took the word (明显提高 as a name).
_CHANGES = ("提高", "增强", "提升", "改善", "扩大", "降低", "减少", "加强", "巩固", "下降", "增长", "增加")
# Verbs that make a predicate wherever they stand, whatever the tagger says (行使 as a noun).
_PREDICATES = ("涉嫌", "行使", "违反", "责令", "不得", "应当", "可以", "属于", "符合", "存在")


def _next_verb(verbs: list[int], k: int, length: int) -> int:
    return next((v for v in verbs if v > k), length)


def _modifying_verb(words: list[tuple[str, int, int]], tags: list[str], k: int, stop: int) -> bool:
    """Whether the verb at `k` modifies the head after it (个人信息保护负责人) rather than taking
    an object (公立学校处理会计凭证): its noun comes before it, and after it, up to `stop`,
    only nouns, the first of them short."""
    if tags[k - 1] not in _NOUNS or k + 1 >= stop or words[k][0] in _LIGHT_VERBS:
        return False
    return all(tag in _NOUNS for tag in tags[k + 1 : stop]) and len(words[k + 1][0]) <= 3


def _after_de(paragraph: Paragraph) -> list[Term]:
    """A short head after 的 closed by a mark is a noun whatever its tags (个人的单独同意；)."""
    found: list[Term] = []
    text = paragraph.text
    tokens, tags = paragraph.tokens, paragraph.tag_list
    last = len(tokens) - 1
    for k in compress(range(len(tokens)), map("的".__eq__, paragraph.words)):  # where the 的 are, by a C loop
        # The head is two or three words, so the mark is the third or fourth word after 的:
        # most 的 are passed over on that alone.
        if not (k + 3 <= last and tokens[k + 3][0][0] in _DE_MARKS or k + 4 <= last and tokens[k + 4][0][0] in _DE_MARKS):
            continue
        m = k + 1
        while m < len(tokens) and m - k <= 3 and _han(tokens[m][0]) and tokens[m][0] not in _AFTER_DE_STOPS:
            m += 1
        if m - k - 1 < 2 or m >= len(tokens) or tokens[m][0][0] not in _DE_MARKS:
            continue
        start, end = tokens[k + 1][1], tokens[m - 1][2]
        if any(tokens[i][0] in _VERBS_AS_NOUNS for i in range(k + 1, m)) or tokens[m - 1][0] in _EMPTY_HEADS:
            continue  # 的部门责令改正: a subject and its predicate; 的调节力度: an empty head
        if end - start <= 6 and all(tags[i] in ("d", "a", "n", "v", "vn", "b") for i in range(k + 1, m)):
            found.append(Term(start, end, text[start:end], m - k - 1))
    return found


def _definition_starts(text: str) -> set[tuple[int, int]]:
    """The spans of the terms a paragraph defines."""
    # Each pattern runs only over a text that holds its fixed words (是指; 是 and a head).
    spans = {m.span(1) for m in _DEFINITION.finditer(text)} if "是指" in text else set()
    if "是" in text and any(head in text for head in _ESSENCE_HEADS):
        spans |= {m.span(1) for m in _ESSENCE.finditer(text)}
    if "是" in text and "的" in text:
        spans |= {m.span(1) for m in _DESCRIPTION.finditer(text)}
    return spans


def states_a_definition(text: str) -> bool:
    """Whether a paragraph defines a term the way a law does (X是指……, 本法所称X)."""
    return "是指" in text and _DEFINITION.search(text) is not None


_ANY_HAN = re.compile(r"[\u4e00-\u9fff]")
_LATIN_WORD = re.compile("[A-Za-z][A-Za-z]{2}")  # three letters; a first letter lets the engine scan fast
_HAN_WORD = re.compile(r"[\u4e00-\u9fff]+")


@lru_cache(maxsize=65536)
def _han(word: str) -> bool:
    return _HAN_WORD.fullmatch(word) is not None
