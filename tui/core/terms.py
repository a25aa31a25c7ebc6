"""Terms: noun phrases found by part of speech, kept whole, ranked by how specific they are to this document.

A Chinese term is a run of nouns and their modifiers that ends in a noun (个人信息保护影响评估,
民主集中制); it never starts with a verb, a determiner (本法, 该) or a particle, and it is never
cut out of a longer compound. Its specificity comes from the segmenter's own dictionary: the
word frequencies of general Chinese that rjieba already holds (no second dictionary to load).
Signals that make a term key: it is defined (X是指, 本法所称X), framed (实行X, 坚持X), repeated,
or in a heading. English terms are in `terms_en`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from tui.core.paragraph import BOUND_SUFFIXES, Paragraph, _segmenter
from tui.core.paragraph import pos as pos_of
from tui.core.phrase_rules import SCORES, Candidate
from tui.core.terms_en import english_terms, specificity

TERM_MAX = 12  # characters in a term at most
REPEAT = 2  # the same term (or list) is a blank in this many sections at most
OFTEN = 10  # ... and a term met this often in the document in one section only
_NOUNS = frozenset("n nz nt ns nr nrt nrfg vn an j ng l nl".split())
_MODIFIERS = frozenset("a b s".split())
_INNER = _NOUNS | _MODIFIERS | {"v", "k"}
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
_ESSENCE = re.compile(
    _CLAUSE_START
    + r"([^，。；：:、\s“”（）()]{2,12}?)是[^。；，]{0,24}?(?:的|之)(?:根本|核心|本质特征|最本质的特征|灵魂|生命线|首要任务)"
)
_AFTER_DE_STOPS = frozenset("的 和 或者 及 等".split())
# Common verbs the dictionary tags as nouns: a phrase they open is a clause (利用个人信息),
# one they close is a predicate (部门责令改正, 财产安全无法).
_VERBS_AS_NOUNS = frozenset(
    "利用 规范 监督 影响 采取 依法 依照 按照 根据 核实 宣告 责令 涉嫌 违反 要求 保障 促进 推动 加强 防止 避免 "
    "确保 实现 提高 落实 开展 行使 无法 改正 处 不得 应当 可以 需要 符合 属于 包括 通过 进行 发现 提供".split()
)
# Heads that make a phrase a pointer, not a term (个人信息保护方面, 个人有权, 本法规定).
_EMPTY_HEADS = frozenset("方面 有关 相关 有权 情况 之间 以上 以下 等等 规定".split())
_TOTAL = 60_000_000.0  # about the sum of the dictionary's word counts
_COMMON = 3000  # a single word more frequent than this in general Chinese is no term alone


@dataclass
class TermStats:
    """What the whole document says about its candidate terms."""

    count: dict[str, int] = field(default_factory=dict)
    sections: dict[str, int] = field(default_factory=dict)
    first_section: dict[str, int] = field(default_factory=dict)
    defined: set[str] = field(default_factory=set)
    framed: set[str] = field(default_factory=set)
    headings: set[str] = field(default_factory=set)
    heading_grams: set[str] = field(default_factory=set)
    blanked: dict[str, int] = field(default_factory=dict)  # how often each text is a blank so far
    marked: bool = False  # the document marks its key points itself (quotes)
    section_headings: dict[int, str] = field(default_factory=dict)
    _in_heading: dict[str, bool] = field(default_factory=dict)
    scores: dict[tuple[object, ...], float | None] = field(default_factory=dict)
    filled: int = 0

    def add_section(self, section: int, paragraphs: list[Paragraph]) -> None:
        seen: set[str] = set()
        huge = sum(len(p.text) for p in paragraphs) > 200_000
        for paragraph in paragraphs:
            terms = all_terms(paragraph)
            if huge:
                paragraph.release()  # a huge section is not held segmented whole
            for term in terms:
                self.count[term.text] = self.count.get(term.text, 0) + 1
                if term.framed or term.capitalised:
                    self.framed.add(term.text)
                if term.defined:
                    self.defined.add(term.text)
                if term.text not in seen:
                    seen.add(term.text)
                    self.sections[term.text] = self.sections.get(term.text, 0) + 1
                    self.first_section.setdefault(term.text, section)
        if paragraphs:
            self.filled += 1

    def finish(self) -> None:
        """Count each term inside the longer terms that start with it as well (个人信息保护影响评估
        in 个人信息保护影响评估报告): a compound is met whenever a longer one is."""
        nested: dict[str, int] = {}
        for text, n in self.count.items():
            for cut in range(4, len(text)):
                if text[:cut] in self.count:
                    nested[text[:cut]] = nested.get(text[:cut], 0) + n
        for text, n in nested.items():
            self.count[text] += n

    def add_heading(self, heading: str) -> None:
        self.headings.update(t.text for t in all_terms(Paragraph(heading)))
        # Four characters in a row shared with a heading tie a term to it (跟踪问效机制).
        self.heading_grams.update(heading[i : i + 4] for i in range(len(heading) - 3) if _han(heading[i : i + 4]))

    def in_heading(self, term: str) -> bool:
        known = self._in_heading.get(term)
        if known is None:
            grams = self.heading_grams
            known = term in self.headings or any(term[i : i + 4] in grams for i in range(len(term) - 3))
            self._in_heading[term] = known
        return known

    def pervasive(self, term: str) -> bool:
        """In most sections of the document: blanked only where it is defined."""
        spread = self.sections.get(term, 0)
        return self.filled >= 3 and (spread == self.filled or (self.filled >= 6 and spread > self.filled / 2))


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
    if re.search("[A-Za-z]{3}", paragraph.text):
        found += [
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
    return cached  # type: ignore[no-any-return]


def _chinese_terms(paragraph: Paragraph) -> list[Term]:
    text = paragraph.text
    if not _ANY_HAN.search(text):
        return []
    tokens = paragraph.tokens
    classes = [_class_of(t[0], tag) for t, tag in zip(tokens, paragraph.tag_list)]
    defined_at = _definition_starts(text)
    found: list[Term] = []
    i, count = 0, len(tokens)
    while i < count:
        if classes[i] not in _INNER:
            i += 1
            continue
        j = i
        while j + 1 < count and classes[j + 1] in _INNER and tokens[j][0] not in BOUND_SUFFIXES:
            j += 1  # (a suffix closes the word: 处理者 | 违反, 处理者 | 方可)
        before = tokens[i - 1][0] if i > 0 else ""
        if i == j:  # most runs are one word
            word, s, e = tokens[i]
            if classes[i] in _NOUNS and len(word) >= 2 and _single_noun(word):
                found.append(Term(s, e, word, 1, before in _FRAMES, (s, e) in defined_at))
        else:
            run_classes = classes[i : j + 1]
            if not _NOUNS.isdisjoint(run_classes):  # a run of verbs and modifiers names nothing
                origin = tokens[i][1]
                words = tuple(t[0] for t in tokens[i : j + 1])
                for s, e, size, framed, verbal in _run_shapes(words, tuple(run_classes), before in _FRAMES):
                    s, e = origin + s, origin + e
                    found.append(Term(s, e, text[s:e], size, framed, (s, e) in defined_at, verbal))
        i = j + 1
    if "的" in text:
        found += _after_de(paragraph)
    return found


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
    that takes it as object (进行 | 个人信息保护影响评估), and ends at the run's end or before a
    verb that has words after it (国家网信部门 | 负责统筹); a run that ends in a verb is left
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
                continue  # 本法规定处理个人信息, 个人权益造成不利影响: a clause
            if words[-1][0] in _EMPTY_HEADS or words[-1][0] in _VERBS_AS_NOUNS or words[0][0] in _VERBS_AS_NOUNS:
                continue  # 个人信息保护方面, 部门责令改正, 利用个人信息
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
    )


def _next_verb(verbs: list[int], k: int, length: int) -> int:
    return next((v for v in verbs if v > k), length)


def _modifying_verb(words: list[tuple[str, int, int]], tags: list[str], k: int, stop: int) -> bool:
    """Whether the verb at `k` modifies the head after it (个人信息保护负责人) rather than taking
    an object (国家机关处理个人信息): its noun comes before it, and after it, up to `stop`,
    only nouns, the first of them short."""
    if tags[k - 1] not in _NOUNS or k + 1 >= stop or words[k][0] in _LIGHT_VERBS:
        return False
    return all(tag in _NOUNS for tag in tags[k + 1 : stop]) and len(words[k + 1][0]) <= 3


def _after_de(paragraph: Paragraph) -> list[Term]:
    """A short head after 的 closed by a mark is a noun whatever its tags (个人的单独同意；)."""
    found: list[Term] = []
    text = paragraph.text
    tokens, tags = paragraph.tokens, paragraph.tag_list
    for k, (word, _, _) in enumerate(tokens):
        if word != "的":
            continue
        m = k + 1
        while m < len(tokens) and m - k <= 3 and _han(tokens[m][0]) and tokens[m][0] not in _AFTER_DE_STOPS:
            m += 1
        if m - k - 1 < 2 or m >= len(tokens) or tokens[m][0][0] not in "；;，,。":
            continue
        start, end = tokens[k + 1][1], tokens[m - 1][2]
        if end - start <= 6 and all(tags[i] in ("d", "a", "n", "v", "vn", "b") for i in range(k + 1, m)):
            found.append(Term(start, end, text[start:end], m - k - 1))
    return found


def _definition_starts(text: str) -> set[tuple[int, int]]:
    """The spans of the terms a paragraph defines."""
    if "是" not in text:
        return set()
    spans = {m.span(1) for m in _DEFINITION.finditer(text)}
    spans |= {m.span(1) for m in _ESSENCE.finditer(text)}
    return spans


def _specific_words(words: list[str]) -> bool:
    """Whether a compound holds a rare word, or is rare as a whole (紧急情况 is neither)."""
    rarities = [rarity(w) for w in words]
    return max(rarities) >= 10.0 or sum(rarities) >= 19.0


@lru_cache(maxsize=65536)
def paragraph_words(text: str) -> list[str]:
    """The words of a short text as the segmenter cuts it alone."""
    return [w for w, _, _ in _segmenter().tokenize(text)]


_ANY_HAN = re.compile(r"[\u4e00-\u9fff]")
_HAN_WORD = re.compile(r"[\u4e00-\u9fff]+")


def _han(word: str) -> bool:
    return _HAN_WORD.fullmatch(word) is not None


@lru_cache(maxsize=65536)
def rarity(word: str) -> float:
    """How rare a word is in general Chinese: the log of its inverse dictionary frequency."""
    frequency = max(_segmenter().suggest_freq(word) - 1, 0)
    return math.log(_TOTAL / (frequency + 1))


def term_candidates(
    paragraphs: list[Paragraph], stats: TermStats, section: int, budget: int, relaxed: bool = False
) -> list[Candidate]:
    """The section's best terms: each at most once (where it is defined, else first), a term
    found all over the document only in the section where it is first met or defined.

    `relaxed` takes any noun phrase, ranked the same way, for a section that has nothing better.
    """
    best: dict[str, tuple[float, int, Term]] = {}
    for index, paragraph in enumerate(paragraphs):
        text = paragraph.text
        for term in all_terms(paragraph):
            if text[term.start - 1 : term.start] == "、" or text[term.end : term.end + 1] in ("、", "与"):
                continue  # an item of a list (法律、行政法规) or half of a pair (国际交流与合作)
            score = _score(term, stats, section, relaxed)
            if score is None:
                continue
            held = best.get(term.text)
            if held is None or (term.defined and not held[2].defined):
                best[term.text] = (score, index, term)
    ranked = sorted(best.values(), key=lambda v: -v[0])[:budget]
    return [Candidate(score, index, t.start, t.end, "term") for score, index, t in ranked]


def _english_score(term: Term, stats: TermStats, relaxed: bool) -> float | None:
    text = term.text
    count = stats.count.get(text, 1)
    specific = specificity(text)
    capitalised = term.capitalised or text in stats.framed
    if relaxed:
        if not term.capitalised and term.words == 1:
            return None  # a capital that only opens a sentence (Excessive bail) names nothing
        return SCORES["filler"] + 10 + specific
    if stats.pervasive(text):
        return None
    if term.words == 1 and not (capitalised and specific >= 3.2):
        return None  # a single word must be a rare name (Impeachment), not a common one (State)
    if term.words > 1 and not (specific >= 2.5 and (capitalised or count >= 2)):
        return None
    return SCORES["term"] + 3 * specific + 6 * min(math.log2(count), 3) + (4 if term.words > 1 else 0)


def _score(term: Term, stats: TermStats, section: int, relaxed: bool = False) -> float | None:
    """The term's worth here: what the document says of it (kept), less how often it has been
    a blank already (a term met often enough is guessed from the context by now)."""
    key = (term.text, term.words, term.defined, term.framed, term.capitalised, term.verbal, term.english, relaxed)
    if key not in stats.scores:
        stats.scores[key] = _static_score(term, stats, relaxed)
    score = stats.scores[key]
    if score is not None and term.text in stats.section_headings.get(section, ""):
        return None  # its own heading echoed in the body: the framework quiz asks that
    used = stats.blanked.get(term.text, 0)
    if score is None or not used:
        return score
    if relaxed:
        return score - 4 * used
    # A term met all through the document is a blank once; a rarer one in two sections.
    limit = 1 if stats.count.get(term.text, 0) >= OFTEN else REPEAT
    return None if used >= limit and not (term.defined and not term.english) else score


def _static_score(term: Term, stats: TermStats, relaxed: bool) -> float | None:
    if term.english:
        return _english_score(term, stats, relaxed)
    text = term.text
    count = stats.count.get(text, 1)
    defined = term.defined or text in stats.defined
    framed = term.framed or text in stats.framed
    heading = stats.in_heading(text)
    # A heading echoed in its own body is the framework quiz's business, so a heading alone
    # vouches only for a long term (跟踪问效机制), not for a word (整改措施, 问效).
    strong = defined or framed or (heading and len(text) >= 5)
    if relaxed:
        frequency = _segmenter().suggest_freq(text) - 1 if term.words == 1 else 0
        last = paragraph_words(text)[-1]
        if term.verbal or frequency > _COMMON or len(last) < 2 or pos_of(last) not in ("n", "nz", "nt", "ns"):
            return None  # a filler at least names a thing (not 个人信息行使)
        used = 1 if stats.pervasive(text) else 0
        return SCORES["filler"] + 10 + max(min(rarity(text) - 9.0, 8.0), 0.0) - 4 * used - frequency / _COMMON
    if stats.pervasive(text) and not term.defined:
        return None  # everywhere in the document: the theme, not a point to recall
    if stats.marked and not strong:
        return None  # the author's marks say what matters; a plain noun phrase adds little
    if term.words == 1:
        frequency = _segmenter().suggest_freq(text) - 1
        if pos_of(text) not in _NOUNS - {"l"}:
            return None  # a single word must be a noun in the dictionary too (采取措施 is a verb phrase)
        if not ((defined and frequency < _COMMON) or (strong and frequency < 1000) or (frequency < 50 and count >= 3 and len(text) >= 3)):
            return None
    elif not (strong or count >= 2) or not _specific_words(paragraph_words(text)):
        return None
    elif term.verbal and not (defined or (count >= 3 and rarity(paragraph_words(text)[0]) >= 12.0)):
        return None  # a verb inside is trusted only in a defined or often repeated term of rare words
    specific = max(min(rarity(text) - 9.0, 8.0), 0.0)
    own = count >= 3 and specific >= 6  # a term of this document, not of the language
    return (
        SCORES["term"]
        + specific
        + (10 if own else 0)
        + 6 * min(math.log2(count), 4)
        + (25 if defined else 0)
        + (8 if framed else 0)
        + (8 if heading else 0)
        + min(len(text), 8) / 2
    )
