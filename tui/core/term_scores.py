"""How much a candidate term is worth: specificity against general language, and what the document says of it.

Specificity comes from the segmenter's own dictionary, the word frequencies of general Chinese
that rjieba already holds (no second dictionary to load), and for English from wordfreq.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from tui.core.paragraph import Paragraph, _segmenter
from tui.core.paragraph import pos as pos_of
from tui.core.phrase_rules import SCORES, Candidate
from tui.core.term_places import misplaced, paragraph_words
from tui.core.terms import _NOUNS, Term, _han, all_terms, states_a_definition
from tui.core.terms_en import specificity

REPEAT = 2  # the same term (or list) is a blank in this many sections at most
FAMILIAR = 8  # a term met this often is a blank only where it is defined
KNOWN = 6  # ... and one met this often too, unless a heading names it
OFTEN = 10  # ... and a term met this often in the document in one section only
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
    articles: int = 0  # paragraphs and headings that open with 第…条: a law or a regulation
    definitions: int = 0  # paragraphs that define a term as a law does (X是指……)
    section_headings: dict[int, str] = field(default_factory=dict)
    _in_heading: dict[str, bool] = field(default_factory=dict)
    scores: dict[tuple[object, ...], float | None] = field(default_factory=dict)
    names: dict[str, int] = field(default_factory=dict)
    pairs: Counter[str] = field(default_factory=Counter)  # how often each "X、Y" of short words occurs
    filled: int = 0

    def add_section(self, section: int, paragraphs: list[Paragraph]) -> None:
        met: dict[str, None] = {}  # the section's terms, each once, in the order first met
        huge = sum(len(p.text) for p in paragraphs) > 200_000
        for paragraph in paragraphs:
            if paragraph.offset == 0 and _ARTICLE.match(paragraph.text):
                self.articles += 1
            if states_a_definition(paragraph.text):
                self.definitions += 1
            if "、" in paragraph.text:
                self._count_pairs(paragraph.text)
            if _LATIN.search(paragraph.text):
                for word in _CAPITAL.findall(paragraph.text):
                    self.names[word] = self.names.get(word, 0) + 1
            terms = all_terms(paragraph)
            if huge:
                paragraph.release()  # a huge section is not held segmented whole
            texts = [term.text for term in terms]
            count = self.count
            for text in texts:
                count[text] = count.get(text, 0) + 1
            self.framed.update(term.text for term in terms if term.framed or term.capitalised)
            self.defined.update(term.text for term in terms if term.defined)
            met.update(dict.fromkeys(texts))
        for text in met:
            self.sections[text] = self.sections.get(text, 0) + 1
            self.first_section.setdefault(text, section)
        if paragraphs:
            self.filled += 1

    def _count_pairs(self, text: str) -> None:
        """How often each pair of short words around a 、 occurs (法律、行政法规 in every other
        article is boilerplate, not a list to recall)."""
        size = len(text)
        found: list[str] = []
        at = text.find("、")
        while at != -1:
            # Only the pairs the text holds whole: two to four characters either side.
            rights = [at + 1 + b for b in range(2, 5) if at + 1 + b <= size]
            found += [text[left:right] for left in range(at - 2, max(at - 5, -1), -1) for right in rights]
            at = text.find("、", at + 1)
        self.pairs.update(found)  # once for the paragraph: the update is costly to start

    def common_name(self, word: str) -> bool:
        """Whether the document names this (singular or plural) all through (States, Congress)."""
        singular = word[:-1] if word.endswith("s") else word
        return self.names.get(singular, 0) + self.names.get(singular + "s", 0) >= OF_COMMON

    def boilerplate(self, text: str) -> bool:
        """A list of two short items met this often in the document is its boilerplate."""
        return self.pairs.get(text, 0) >= FAMILIAR

    def finish(self) -> None:
        """Count each term inside the longer terms that start with it as well (校园安全风险评估
        in 校园安全风险评估报告): a compound is met whenever a longer one is."""
        nested: dict[str, int] = {}
        for text, n in self.count.items():
            for cut in range(4, len(text)):
                if text[:cut] in self.count:
                    nested[text[:cut]] = nested.get(text[:cut], 0) + n
        for text, n in nested.items():
            self.count[text] += n

    def add_heading(self, heading: str) -> None:
        if _ARTICLE.match(heading):
            self.articles += 1
        self.headings.update(t.text for t in all_terms(Paragraph(heading)))
        # Four characters in a row shared with a heading tie a term to it (跟踪问效机制).
        self.heading_grams.update(heading[i : i + 4] for i in range(len(heading) - 3) if _han(heading[i : i + 4]))

    def in_heading(self, term: str) -> bool:
        known = self._in_heading.get(term)
        if known is None:
            grams = self.heading_grams
            # The four characters must be words of the term's own (跟踪|问效 in 跟踪问效机制), not
            # pieces of two (代化建设 in 城市现代化建设, the end of one word and the next).
            bounds = _word_starts(term)
            known = term in self.headings or any(
                term[i : i + 4] in grams for i in range(len(term) - 3) if i in bounds and i + 4 in bounds
            )
            self._in_heading[term] = known
        return known

    @property
    def normative(self) -> bool:
        """Whether the text defines its terms or is written as articles (a law, a regulation):
        there a noun phrase said again and again is a term of art."""
        return self.definitions > 0 or self.articles >= 2

    def pervasive(self, term: str) -> bool:
        """In most sections of the document: blanked only where it is defined."""
        spread = self.sections.get(term, 0)
        return self.filled >= 3 and (spread == self.filled or (self.filled >= 6 and spread > self.filled / 2))


def _word_starts(text: str) -> set[int]:
    """Where the words of a short text start, and its end."""
    starts, at = {0}, 0
    for word in paragraph_words(text):
        at += len(word)
        starts.add(at)
    return starts


def _theme_with_modifier(text: str, stats: TermStats) -> bool:
    words = paragraph_words(text)
    return len(words) >= 2 and len(words[0]) <= 3 and stats.pervasive("".join(words[1:]))


def _judged_theme(text: str, stats: TermStats) -> bool:
    """Whether the term is a verb or quality (违法, 重要) before a term the document uses often."""
    words = paragraph_words(text)
    if len(words) < 2 or len(words[0]) > 2 or pos_of(words[0]) not in ("v", "vn", "a", "ad", "b", "d"):
        return False
    return stats.count.get("".join(words[1:]), 0) >= FAMILIAR


def _specific_words(words: list[str]) -> bool:
    """Whether a compound holds a rare word, or is rare as a whole (紧急情况 is neither)."""
    rarities = [rarity(w) for w in words]
    return max(rarities) >= 10.0 or sum(rarities) >= 19.0


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
    scores = stats.scores
    for index, paragraph in enumerate(paragraphs):
        text = paragraph.text
        for term in all_terms(paragraph):
            if text[term.start - 1 : term.start] == "、" or text[term.end : term.end + 1] in ("、", "与"):
                continue  # an item of a list (法律、行政法规) or half of a pair (国际交流与合作)
            if scores.get((term[2:], relaxed), 0.0) is None:
                continue  # already known to be worth nothing anywhere (the key `_score` keeps): most terms
            score = _score(term, stats, section, relaxed)
            if score is None:
                continue
            if misplaced(paragraph, term):
                continue  # its place in the sentence says it is no term (checked only for one worth it)
            held = best.get(term.text)
            if held is None or (term.defined and not held[2].defined):
                best[term.text] = (score, index, term)
    ranked = sorted(best.values(), key=lambda v: -v[0])[:budget]
    return [Candidate(score, index, t.start, t.end, "term") for score, index, t in ranked]


_LATIN = re.compile("[A-Za-z][A-Za-z]{2}")  # three letters; a first letter lets the engine scan fast
_ARTICLE = re.compile(r"[\s*#>【\[]*第[一二三四五六七八九十百零〇0-9]+条")  # also **第一条** in Markdown
_CAPITAL = re.compile(r"\b[A-Z][a-z]+\b")
OF_COMMON = 8  # "X of Y" where the document names Y this often is a relation, not a term
_ORDINALS = frozenset("first second third fourth fifth sixth seventh eighth ninth tenth".split())
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
    if term.words == 1:
        return None  # one capitalised word (Electors, Pursuance) is a name the context gives away
    last = text.split()[-1]
    if " of " in text and stats.common_name(last):
        return None  # Consent of the Congress, Citizen of the United States: of what the document is about
    if text.split()[0].lower() in _ORDINALS:
        return None  # the Ninth Section: a reference
    if term.words > 1 and not (specific >= 2.5 and (capitalised or count >= 2)):
        return None
    return SCORES["term"] + 3 * specific + 6 * min(math.log2(count), 3) + (4 if term.words > 1 else 0)


def _score(term: Term, stats: TermStats, section: int, relaxed: bool = False) -> float | None:
    """The term's worth here: what the document says of it (kept), less how often it has been
    a blank already (a term met often enough is guessed from the context by now)."""
    key = (term[2:], relaxed)  # all the term's fields but its place: one slice, for every term of the text
    scores = stats.scores
    score = scores[key] if key in scores else scores.setdefault(key, _static_score(term, stats, relaxed))
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
    first = paragraph_words(text)[0]
    praise = term.words == 2 or (len(first) >= 2 and stats.sections.get(text, 0) < 2)  # 伟大抗洪精神 again: a name
    if praise and not defined and pos_of(first) == "a" and not first.startswith("最"):
        return None  # 强大合力, 庄严政治责任: praise rather than a point (a superlative sets a limit: 最小范围)
    if count < 3 and not defined and _theme_with_modifier(text, stats):
        return None  # 境内个人信息, 自然人个人信息: the document's theme with a word before it
    if not (defined or framed) and _judged_theme(text, stats):
        return None  # 违规数据处理活动: a judgement on a term met all through, guessed from it
    if (count >= FAMILIAR or (count >= KNOWN and not stats.in_heading(text))) and not term.defined:
        return None  # met this often, the reader knows it from the context (个人信息处理活动, 法定职责)
    if (stats.marked or not stats.normative) and not strong:
        # The author's marks say what matters, and a plain noun phrase adds little. Repetition
        # alone makes a term of art only in a law or a text that defines its terms: in a report
        # or a speech a phrase said again is its wording (美好前景, 重要机遇).
        return None
    if term.words == 1:
        frequency = _segmenter().suggest_freq(text) - 1
        if pos_of(text) not in _NOUNS - {"l"}:
            return None  # a single word must be a noun in the dictionary too (采取措施 is a verb phrase)
        if not (
            (defined and frequency < _COMMON)
            or (strong and frequency < 1000)
            or (frequency < 50 and count >= 3 and len(text) >= 3)
        ):
            return None
        if len(text) == 4 and not defined and not _specific_words([text[:2], text[2:]]):
            return None  # 保护措施: a dictionary word made of two everyday halves says nothing of its own
    elif not (strong or count >= 2) or not _specific_words(paragraph_words(text)):
        return None
    elif term.verbal and not (defined or (count >= 3 and rarity(paragraph_words(text)[0]) >= 12.0)):
        return None  # a verb inside is trusted only in a defined or often repeated term of rare words
    specific = max(min(rarity(text) - 9.0, 8.0), 0.0)
    own = count >= 3 and specific >= 6  # a term of this document, not of the language
    score = (
        SCORES["term"]
        + specific
        + (10 if own else 0)
        + 6 * min(math.log2(count), 4)
        + (8 if framed else 0)
        + (8 if heading else 0)
        + min(len(text), 8) / 2
    )
    # Only a definition lifts a term over the text's own structure (a list, a figure, an item):
    # a term found by statistics alone is the likeliest blank to be filler.
    return score + 25 if defined else min(score, SCORES["list"] - 1)
