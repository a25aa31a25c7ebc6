"""Statistical keywords for sections no rule filled: noun phrases by TF-IDF over the document's sections."""

from __future__ import annotations

import math
import re

from tui.core.paragraph import GENERIC, KEYWORD_TAGS, Paragraph, has_word, is_punct, nounish, pos
from tui.core.phrase_context import Context
from tui.core.phrase_rules import SCORES, Candidate

_MARKER = re.compile("[一二三四五六七八九十]+是|第[一二三四五六七八九十]+")  # 一是, 第二: markers, not words
KEYWORD_MAX = 6  # characters in a keyword phrase at most (24 in an English one)
_NOT_FIRST = frozenset("要 需要 必须 应 应当 进行 加以 予以 给予 充分 需 能 能够 可以 会 将 把 使 让 有 是 为 成为 作为".split())
# Words a noun phrase may be built of: nouns, and verbs or adjectives that modify them.
_PHRASE_TAGS = (*KEYWORD_TAGS, "v", "a", "b")


def keyword_candidates(paragraphs: list[Paragraph], context: Context) -> list[Candidate]:
    """Nouns and noun phrases ranked by TF-IDF over the document's own sections.

    A phrase scores the sum of its words' weights, so 跟踪问效机制 beats 问效 alone;
    words found in every section weigh nothing.
    """
    sections = max(len(context.sections), 1)
    frequency = document_frequency(context)
    counts: dict[str, int] = {}
    for paragraph in paragraphs:
        for word, _, _ in paragraph.tokens:
            counts[word] = counts.get(word, 0) + 1
    weight: dict[str, float] = {}
    for word, count in counts.items():
        if word.lower() in GENERIC or not has_word(word):
            weight[word] = 0.0
        else:
            rarity = math.log((sections + 1) / (max(frequency.get(word, 0), 1) + 0.5))
            weight[word] = count * max(rarity, 0.0)
    scores: dict[str, float] = {}
    first: dict[str, tuple[int, int, int]] = {}
    for index, paragraph in enumerate(paragraphs):
        text = paragraph.text
        # Spaces between Latin words are dropped so that "Habeas Corpus" is two words in a row.
        tokens = [t for t in paragraph.tokens if t[0] != " "]
        for i in range(len(tokens)):
            opening = tokens[i][0]
            if pos(opening) not in _PHRASE_TAGS or opening.lower() in GENERIC or opening in _NOT_FIRST:
                continue
            if i > 0 and nounish(tokens[i - 1][0]) and text[tokens[i - 1][2] : tokens[i][1]] in ("", " "):
                continue  # a phrase starts at the start of a noun phrase, not inside one
            if pos(opening) not in KEYWORD_TAGS and i > 0 and not _opens_phrase(tokens[i - 1][0]):
                continue  # a verb opens a phrase only after 的 or a mark (的跟踪问效机制)
            for j in range(i, min(i + 3, len(tokens))):
                word = tokens[j][0]
                if j > i and text[tokens[j - 1][2] : tokens[j][1]] not in ("", " "):
                    break
                if pos(word) not in _PHRASE_TAGS or word in _NOT_FIRST:
                    break
                if not nounish(word):
                    continue  # a phrase ends in a noun
                if j + 1 < len(tokens) and tokens[j][2] == tokens[j + 1][1] and _continues(tokens[j + 1][0]):
                    continue  # ... and not inside a compound (作风 of 作风建设, 理论 of 理论学习)
                if j + 1 < len(tokens) and word.isascii() and nounish(tokens[j + 1][0]):
                    if text[tokens[j][2] : tokens[j + 1][1]] == " ":
                        continue
                phrase = text[tokens[i][1] : tokens[j][2]]
                limit = 24 if phrase.isascii() else KEYWORD_MAX
                if not 2 <= len(phrase) <= limit or (phrase.isascii() and len(phrase) < 4):
                    continue
                score = sum(weight[t[0]] for t in tokens[i : j + 1])
                if score > 0 and phrase not in first:
                    first[phrase] = (index, tokens[i][1], tokens[j][2])
                    scores[phrase] = score
    ranked = sorted(scores, key=lambda p: (-scores[p], first[p]))[:40]
    # Below any noun phrase the term rule finds: these only fill a section that has nothing else.
    return [Candidate(SCORES["filler"] + 0.5 - rank / 1000, *first[p], "keyword") for rank, p in enumerate(ranked)]


def _opens_phrase(previous: str) -> bool:
    return previous in ("的", "之") or is_punct(previous[0])


def _continues(following: str) -> bool:
    tag = pos(following)
    return nounish(following) or (tag == "v" and len(following) >= 2 and following not in _NOT_FIRST)


def filler_candidates(paragraphs: list[Paragraph]) -> list[Candidate]:
    """Any word of two characters or more: a section must have something to recall."""
    return [
        Candidate(SCORES["filler"], index, start, end, "keyword")
        for index, paragraph in enumerate(paragraphs)
        for word, start, end in paragraph.tokens
        if len(word) >= 2 and has_word(word) and word.lower() not in GENERIC and not _MARKER.fullmatch(word)
    ]


def document_frequency(context: Context) -> dict[str, int]:
    """In how many sections each word occurs."""
    counts = getattr(context, "_word_sections", None)
    if counts is None:
        counts = {}
        for paragraphs in context.sections:
            for word in {w for p in paragraphs for w, _, _ in p.tokens}:
                counts[word] = counts.get(word, 0) + 1
        context._word_sections = counts  # type: ignore[attr-defined]
    return counts
