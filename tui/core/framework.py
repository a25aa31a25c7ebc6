"""The framework (背框架): a document's headings as cards, a long heading's clauses, a question's points.

Every heading with words after its label is a card of kind `heading`: its answer is the
heading without its label and final punctuation. A heading of more than SPLIT_OVER
letters made of two or more clauses (at ，,；;) of MIN_CLAUSE letters or more is asked
clause by clause, each clause a card. A heading that asks a question (为什么……？,
……有哪些, ……的主要内容, Why…?) and has points under it (1】2】, （1）（2）, 1. 2., ①②, a
bulleted list, or its subsections) is asked for its points instead: the question shows,
and each point is a card of kind `point`.

Card keys are the section's key, a mark no phrase can be (a lone punctuation mark: a
phrase never is one) and the card's number, in `quiz.card_key`'s form: they never meet
a phrase card's key, and follow their section when it moves or is renamed as phrase
cards do (identity.rekey, identity.match_cards).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from .heading_patterns import TRAILING_PUNCT
from .headings import classify
from .identity import CardPlace
from .model import Card, Document, Phrase, Section
from .names import display_heading
from .quiz import card_key, letters
from .typed_clauses import split_typed as split_typed  # where the framework quiz finds it

HEADING, POINT = "heading", "point"  # the kinds of a framework card's phrase
HEADING_MARK, POINT_MARK = "§", "¶"  # what stands for the phrase in their keys
SPLIT_OVER = 12  # letters above which a heading of several clauses is asked clause by clause
MIN_CLAUSE = 4  # letters each clause needs for the split (else the heading is asked whole)
LONG_POINT = 24  # letters above which a point is cut to its first clause

LineKind = Literal["heading", "question", "point"]

# A question: a question mark, or a question word anywhere…
_ASKS = re.compile(r"[？?][”’」』)）]*$|为什么|为何|怎样|怎么|如何|哪些|哪几|什么|是否|何谓|何为")
_ASKS_EN = re.compile(r"^(?:what|why|how|which|when|who|where|explain|describe|list|name|outline)\b", re.IGNORECASE)
# …or what a study note asks for: ……的（主要）内容, ……的意义, ……的要求. Weaker: only numbered points answer it.
_ASKS_FOR = re.compile(
    r"的(?:主要|基本|重要|重大|核心|深刻|现实|时代|历史|理论|实践|具体)?"
    r"(?:内容|意义|要求|特点|特征|原则|原因|作用|表现|措施|途径|方法|重要性|必要性|内涵|启示|经验)$"
)
# A point's mark: 1】 （1） 【1】 after a sentence's end, 1. 1、 opening a line, ① anywhere, a bullet opening a line.
_POINT = re.compile(
    r"(?:^|(?<=[。；;：:！？!?\s]))(?:(\d{1,2})】|[（(](\d{1,2})[）)]|【(\d{1,2})】)"
    r"|^(\d{1,2})[.．、](?!\d)"
    r"|([\u2460-\u2473])"
    r"|^([-*+•·])[ \t]+"
)
_POINT_END = re.compile(r"[。；;！!？?：:]|\.(?=\s|$)")
_CLAUSE_BREAK = re.compile(r"(\s*[，,；;]\s*)")
_FIRST_CLAUSE = re.compile(r"[，,]")
# A subsection numbered as a point (（1） 1. ① 1】), which answers even a weak question.
_POINT_LABEL = re.compile(r"[0-9\u2460-\u2473]")


@dataclass(frozen=True)
class FrameLine:
    """One line of the framework: a section's label, then its text and the cards hidden in it, in order.

    A heading's line holds its card (or its clauses' cards, with the marks between them
    as text); a question's line holds its question as text, and a point's line, after
    it, the point's card. A section with no words after its label holds none.
    """

    section_id: str
    level: int
    label: str
    parts: tuple[str | Card, ...]
    kind: LineKind = "heading"

    @cached_property
    def cards(self) -> list[Card]:
        return [part for part in self.parts if isinstance(part, Card)]

    @property
    def text(self) -> str:
        """The line with every answer filled in."""
        return self.label + "".join(part if isinstance(part, str) else part.phrase.text for part in self.parts)


@dataclass
class Frame:
    """The framework of a document: its lines in reading order, and where each card is."""

    lines: list[FrameLine]
    _line_of: dict[str, int] = field(default_factory=dict, repr=False)
    _points: dict[str, list[Card]] = field(default_factory=dict, repr=False)  # a question's points, by section

    def __post_init__(self) -> None:
        self._line_of = {card.key: number for number, line in enumerate(self.lines) for card in line.cards}
        for line in self.lines:
            if line.kind == "point":
                self._points.setdefault(line.section_id, []).extend(line.cards)

    @property
    def cards(self) -> list[Card]:
        return [card for line in self.lines for card in line.cards]

    def within(self, document: Document, section_id: str | None) -> list[FrameLine]:
        """The lines of a section and its subsections (all of them for None)."""
        if section_id is None:
            return list(self.lines)
        section = document.find(section_id)
        inside = {s.id for s in section.walk()} if section is not None else set()
        return [line for line in self.lines if line.section_id in inside]

    def place(self, card: Card) -> list[FrameLine]:
        """What a card shows on its own (in a review): its question's line first, for a point; then its line."""
        number = self._line_of.get(card.key)
        if number is None:
            return []
        line = self.lines[number]
        if line.kind != "point":
            return [line]
        question = next(
            (self.lines[n] for n in range(number - 1, -1, -1) if self.lines[n].kind == "question"), None
        )
        return [question, line] if question is not None else [line]

    def others(self, card: Card) -> tuple[str, ...]:
        """The answers of the cards asked beside `card`: its heading's other clauses, its question's other points.

        Typing one of them is right, but not for the card asked (see `quiz.check`).
        """
        number = self._line_of.get(card.key)
        if number is None:
            return ()
        line = self.lines[number]
        if line.kind == "point":
            siblings = self._points[line.section_id]
        else:
            siblings = line.cards
        return tuple(c.phrase.text for c in siblings if c.key != card.key)


def frame_places(document: Document, cards: Iterable[Card]) -> list[CardPlace]:
    """Framework cards as `identity.match_cards` compares them: by the mark their keys hold, not
    their answer, so a lost one finds its heading's card again, and never a phrase card's (nor a
    phrase card, whose text a heading may share, a heading's)."""
    keys = document.section_keys()
    return [
        CardPlace(card.key, keys[card.section_id], _mark(card), card.occurrence) for card in cards
    ]


def _mark(card: Card) -> str:
    return POINT_MARK if card.phrase.kind == POINT else HEADING_MARK


def is_frame_card(card: Card) -> bool:
    """Whether a card is one of the framework's (a heading, a clause of one, a point)."""
    return card.phrase.kind in (HEADING, POINT)


# ---------------------------------------------------------------- the lines of a document


def frame(document: Document) -> Frame:
    """The framework of a whole document, its cards numbered as the whole document counts them."""
    keys = document.section_keys()
    numbers: Counter[tuple[str, str]] = Counter()
    lines: list[FrameLine] = []

    def card(section: Section, mark: str, answer: str, kind: str) -> Card:
        # Two sections with one heading path share a key: their cards are numbered on.
        numbers[(keys[section.id], mark)] += 1
        number = numbers[(keys[section.id], mark)]
        phrase = Phrase(-1, 0, len(answer), answer, kind)  # no paragraph: a heading's words
        return Card(card_key(keys[section.id], mark, number), section.id, phrase, number)

    def visit(section: Section) -> None:
        if section.kind != "heading":
            return
        start = len(lines)
        label = shown_label(section)
        answer = heading_answer(document, section)
        points, taken = question_points(document, section) if answer else ([], set())
        if points:
            lines.append(FrameLine(section.id, section.level, label, (section.heading.strip(),), "question"))
            for mark, point in points:
                asked = card(section, POINT_MARK, point, POINT)
                lines.append(FrameLine(section.id, section.level + 1, mark, (asked,), "point"))
        elif answer:
            parts = clauses(answer)
            # Clauses at even places, the marks between them at odd ones.
            hidden = [text if n % 2 else card(section, HEADING_MARK, text, HEADING) for n, text in enumerate(parts)]
            lines.append(FrameLine(section.id, section.level, label, tuple(hidden)))
        else:
            lines.append(FrameLine(section.id, section.level, label, ()))
        for child in section.children:
            if child.id in taken:
                for grandchild in child.children:
                    visit(grandchild)
            else:
                visit(child)
        if not any(line.cards for line in lines[start:]):
            del lines[start:]  # a label alone (第三条) with nothing to recall under it

    for section in document.sections:
        visit(section)
    return Frame(lines)


def shown_label(section: Section) -> str:
    """A heading's label as the outline shows it before the words (一、 （一） "第三章 " "1. "), "" for a Markdown #."""
    shown = display_heading(section, preview=False)
    heading = section.heading.strip()
    if heading and shown.endswith(heading):
        return shown[: len(shown) - len(heading)]
    return shown


def _plain(document: Document, text: str) -> str:
    """Text as a reader sees it: Markdown's inline markers left out in a Markdown document."""
    if not document.markdown:
        return text
    from .inline import parse_inline

    return parse_inline(text).text


def heading_answer(document: Document, section: Section) -> str:
    """What recalling a heading means typing: its words, without label or final punctuation.

    Nothing for a heading that is a number alone (`## Article. I.`, `# 第一篇`): there are no words to recall.
    """
    answer = _plain(document, section.heading).strip().rstrip(TRAILING_PUNCT).strip()
    inner = classify(answer, markdown=False)
    return "" if inner is not None and not inner.heading and not inner.body else answer


def clauses(answer: str) -> list[str]:
    """A heading's answer as clauses and the marks between them (clause, mark, clause…); one clause if not split."""
    if letters(answer) <= SPLIT_OVER:
        return [answer]
    parts = _CLAUSE_BREAK.split(answer)
    if len(parts) < 3 or any(letters(part) < MIN_CLAUSE for part in parts[::2]):
        return [answer]
    return parts


# ---------------------------------------------------------------- questions and their points


def asks(heading: str) -> Literal["question", "asks_for"] | None:
    """Whether a heading asks a question ("question"), asks for something (……的内容: "asks_for"), or neither."""
    text = heading.strip()
    if _ASKS.search(text) or _ASKS_EN.match(text):
        return "question"
    if _ASKS_FOR.search(text.rstrip(TRAILING_PUNCT)):
        return "asks_for"
    return None


def question_points(document: Document, section: Section) -> tuple[list[tuple[str, str]], set[str]]:
    """The points answering a question heading: (mark, answer) each, and the subsections they are.

    The first numbered series (from 1) in the section's own text and its subsections'
    labels and text; else, for a true question, its subsections' headings. Fewer than
    two points, or a heading that asks nothing: none.
    """
    kind = asks(section.heading)
    if kind is None:
        return [], set()
    units: list[tuple[str, str | None]] = [(line, None) for text in section.paragraphs for line in text.split("\n")]
    for child in section.children:
        if child.kind == "heading":
            units.append((child.label.strip() + child.heading.strip(), child.id))
            units += [(line, None) for paragraph in child.paragraphs for line in paragraph.split("\n")]
    points, taken = _series(document, units)
    if len(points) >= 2:
        return points, taken
    children = [child for child in section.children if child.kind == "heading"]
    if (
        len(children) >= 2
        and all(heading_answer(document, child) and asks(child.heading) is None for child in children)
        and (kind == "question" or all(_POINT_LABEL.search(child.label) for child in children))
    ):
        return [(shown_label(child), heading_answer(document, child)) for child in children], {c.id for c in children}
    return [], set()


def _series(document: Document, units: Sequence[tuple[str, str | None]]) -> tuple[list[tuple[str, str]], set[str]]:
    """The first run of points numbered 1, 2, 3… in one style across `units` (lines, each with the subsection
    it heads, if it does)."""
    marks: list[tuple[int, int, int, str, int]] = []  # unit, start, end, style, number
    bullets = 0
    for index, (text, _) in enumerate(units):
        for match in _POINT.finditer(text):
            groups = match.groups()
            style = next(n for n, group in enumerate(groups) if group is not None)
            if style == 4:
                number = ord(groups[4]) - 0x2460 + 1
            elif style == 5:
                bullets += 1
                number = bullets
            else:
                number = int(groups[style])
            marks.append((index, match.start(), match.end(), str(style), number))
    first = next((n for n, mark in enumerate(marks) if mark[4] == 1), None)
    if first is None:
        return [], set()
    chosen = [marks[first]]
    for mark in marks[first + 1 :]:
        if mark[3] == chosen[0][3]:
            if mark[4] != chosen[-1][4] + 1:
                break
            chosen.append(mark)
    points: list[tuple[str, str]] = []
    taken: set[str] = set()
    for n, (index, start, end, _, _) in enumerate(chosen):
        text, child = units[index]
        following = chosen[n + 1] if n + 1 < len(chosen) else None
        stop = following[1] if following is not None and following[0] == index else len(text)
        answer = point_answer(_plain(document, text[end:stop]))
        if answer:
            points.append((text[start:end].strip(), answer))
            if child is not None and start == 0:
                taken.add(child)
    return points, taken


def point_answer(text: str) -> str:
    """What recalling a point means typing: its first sentence (up to a colon), a long one's first clause."""
    answer = _POINT_END.split(text, maxsplit=1)[0].strip().rstrip(TRAILING_PUNCT).strip()
    if letters(answer) > LONG_POINT:
        first = _FIRST_CLAUSE.split(answer, maxsplit=1)[0].strip()
        if letters(first) >= 2:
            answer = first
    return answer


# ---------------------------------------------------------------- in a review


def in_reading_order(document: Document, cards: Iterable[Card]) -> list[Card]:
    """Cards in the order a reader meets them: by section, a section's framework cards before its phrases."""
    order = {section.id: number for number, section in enumerate(document.walk())}
    return sorted(cards, key=lambda card: (order.get(card.section_id, len(order)), not is_frame_card(card)))


def review_group(document: Document) -> Callable[[Card], Hashable]:
    """The sentence a card sits in (sentences.sentence_group); a framework card's is its section's heading."""
    from .sentences import sentence_group

    sentence = sentence_group(document)

    def group(card: Card) -> Hashable:
        return (card.section_id, HEADING) if is_frame_card(card) else sentence(card)

    return group
