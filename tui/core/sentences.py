"""The text a review card shows its phrase in (its sentence, or more, or less), and which sentence a card sits in."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass

from tui.core.model import Card, Document
from tui.core.quiz import letters, normalize

# A sentence ends at these; closing marks right after one still belong to the sentence.
_SENTENCE_ENDS = frozenset("。！？!?")
_CLOSERS = frozenset("”’」』）)》〉】]")
_TRAILERS = _CLOSERS | frozenset("\"'")
# A long sentence is cut to its clause at these (not at 、, which joins list items).
_CLAUSE_ENDS = frozenset("，,；;：:") | _SENTENCE_ENDS


def _stops_at(text: str, index: int, stops: frozenset[str]) -> bool:
    """Whether `text[index]` ends a sentence (or clause); a full stop only before a space or the end."""
    char = text[index]
    if char in stops:
        return True
    if char == ".":
        following = text[index + 1] if index + 1 < len(text) else " "
        return following.isspace() or following in _TRAILERS
    return False


def _sentence_bounds(text: str, start: int, end: int, stops: frozenset[str]) -> tuple[int, int]:
    left = start
    while left > 0 and not _stops_at(text, left - 1, stops):
        left -= 1
    # A stop followed by closing marks (。” or ，」) ends where the marks end.
    while left < start and (text[left] in _CLOSERS or text[left].isspace()):
        left += 1
    right = end
    while right < len(text) and not _stops_at(text, right, stops):
        right += 1
    if right < len(text):
        right += 1
        while right < len(text) and (text[right] in _TRAILERS or _stops_at(text, right, stops)):
            right += 1
    return left, right


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the sentence holding `text[start:end]`."""
    return _sentence_bounds(text, start, end, _SENTENCE_ENDS)


MAX_CARD_CHARS = 160  # a card's text at most: a long sentence is cut to whole clauses around its phrase
SHORT_CONTEXT = 8  # letters around a phrase below which its sentence gives too little to recall it by


def sentence_around(
    paragraph_text: str, start: int, end: int, max_chars: int = MAX_CARD_CHARS
) -> tuple[str, int, int]:
    """The sentence holding a phrase, and the phrase's place in it: (text, start, end).

    A sentence longer than `max_chars` is cut to the phrase's clause and as many whole
    clauses around it as fit, those before first (务必……，: the lead-in is the cue); a
    clause longer still, to a window around the phrase. "…" marks where it was cut.
    """
    left, right = sentence_bounds(paragraph_text, start, end)
    shown, at, _ = _fit(paragraph_text, start, end, left, right, max_chars)
    return shown, at, at + end - start


def _fit(text: str, start: int, end: int, floor: int, ceiling: int, max_chars: int) -> tuple[str, int, tuple[int, int]]:
    """`text[floor:ceiling]` around the phrase `text[start:end]`, cut to `max_chars` as
    `sentence_around` says: the text to show, where the phrase starts in it, and the span
    of `text` it shows."""
    left, right = floor, ceiling
    if right - left > max_chars:
        left, right = _grow(text, start, end, floor, ceiling, max_chars)
    # "…" where the text goes on: the sentence was cut.
    before = "…" if left > floor else ""
    after = "…" if right < ceiling else ""
    if right - left > max_chars:
        room = max(0, max_chars - (end - start))
        new_left = max(left, start - room // 2)
        new_right = min(right, end + room - (start - new_left))
        new_left = max(left, start - (room - (new_right - end)))
        # Spaced text (English) is cut between words, not inside one.
        if new_left > left and not text[new_left - 1].isspace():
            space = text.find(" ", new_left, start)
            new_left = space + 1 if space >= 0 else new_left
        if new_right < right and not text[new_right].isspace():
            space = text.rfind(" ", end, new_right)
            new_right = space if space >= 0 else new_right
        before = "…" if new_left > left or before else ""
        after = "…" if new_right < right or after else ""
        left, right = new_left, new_right
    shown = before + text[left:end] + text[end:right].rstrip() + after
    return shown, start + len(before) - left, (left, right)


def _grow(text: str, start: int, end: int, floor: int, ceiling: int, max_chars: int) -> tuple[int, int]:
    """The phrase's clause, with whole neighbouring clauses added while they fit in `max_chars`,
    the one before and the one after in turn. Never past `floor` and `ceiling`."""
    left, right = _sentence_bounds(text, start, end, _CLAUSE_ENDS)
    left, right = max(left, floor), min(right, ceiling)
    grew = True
    while grew:
        grew = False
        if left > floor:
            earlier = max(floor, _sentence_bounds(text, left - 1, left - 1, _CLAUSE_ENDS)[0])
            if earlier < left and right - earlier <= max_chars:
                left, grew = earlier, True
        if right < ceiling:
            later = min(ceiling, _sentence_bounds(text, right, right, _CLAUSE_ENDS)[1])
            if later > right and later - left <= max_chars:
                right, grew = later, True
    return left, right


def sentence_for(doc: Document, card: Card, max_chars: int = MAX_CARD_CHARS) -> tuple[str, int, int]:
    """The sentence a card's phrase sits in, with the phrase at `text[start:end]`."""
    section = doc.find(card.section_id)
    phrase = card.phrase
    if section is None or phrase.paragraph >= len(section.paragraphs):
        return phrase.text, 0, len(phrase.text)
    return sentence_around(section.paragraphs[phrase.paragraph], phrase.start, phrase.end, max_chars)


@dataclass(frozen=True)
class CardText:
    """What a review card shows: its text, the phrase asked at `text[start:end]`, and the
    phrases of other cards the text shows too (an answer that is one of them is right,
    but not the one asked)."""

    text: str
    start: int
    end: int
    others: tuple[str, ...] = ()


def card_texts(
    doc: Document, cards: Sequence[Card], wanted: Iterable[Card] | None = None, max_chars: int = MAX_CARD_CHARS
) -> dict[str, CardText]:
    """The text each of the `wanted` cards (default: all) shows, by card key.

    A card shows its whole sentence, and the sentence before it too (in the same
    paragraph; else the one after) when the sentence is short (fewer than
    SHORT_CONTEXT letters besides the phrase) or ambiguous: the same words around the
    blank hold another card's different phrase elsewhere in `cards`, so they cannot
    tell which is asked.
    """
    sections = {section.id: section for section in doc.walk()}
    paragraphs: dict[tuple[str, int], str] = {}
    bounds: dict[str, tuple[int, int]] = {}
    answers_around: dict[tuple[str, str], set[str]] = defaultdict(set)
    by_paragraph: dict[tuple[str, int], list[Card]] = defaultdict(list)
    for card in cards:
        section, phrase = sections.get(card.section_id), card.phrase
        if section is None or phrase.paragraph >= len(section.paragraphs):
            continue
        place = (card.section_id, phrase.paragraph)
        text = paragraphs.setdefault(place, section.paragraphs[phrase.paragraph])
        left, right = sentence_bounds(text, phrase.start, phrase.end)
        bounds[card.key] = (left, right)
        answers_around[_around(text, phrase.start, phrase.end, left, right)].add(normalize(phrase.text))
        by_paragraph[place].append(card)
    texts: dict[str, CardText] = {}
    for card in cards if wanted is None else wanted:
        phrase = card.phrase
        place = (card.section_id, phrase.paragraph)
        if card.key not in bounds:
            texts[card.key] = CardText(phrase.text, 0, len(phrase.text))
            continue
        text = paragraphs[place]
        left, right = bounds[card.key]
        short = letters(text[left : phrase.start]) + letters(text[phrase.end : right]) < SHORT_CONTEXT
        ambiguous = len(answers_around[_around(text, phrase.start, phrase.end, left, right)]) > 1
        if short or ambiguous:
            if left > 0:
                left = sentence_bounds(text, left - 1, left - 1)[0]
            elif right < len(text):
                right = sentence_bounds(text, right, right)[1]
        shown, start, (first, last) = _fit(text, phrase.start, phrase.end, left, right, max_chars)
        others = {
            other.phrase.text
            for other in by_paragraph[place]
            if first <= other.phrase.start
            and other.phrase.end <= last
            and normalize(other.phrase.text) != normalize(phrase.text)
        }
        texts[card.key] = CardText(shown, start, start + phrase.end - phrase.start, tuple(sorted(others)))
    return texts


def _around(text: str, start: int, end: int, left: int, right: int) -> tuple[str, str]:
    """The words around a phrase in its sentence, as answers are compared."""
    return normalize(text[left:start]), normalize(text[end:right])


def sentence_group(doc: Document) -> Callable[[Card], Hashable]:
    """A function naming the sentence a card sits in, so a review queue can keep them apart."""
    sections = {section.id: section for section in doc.walk()}

    def group(card: Card) -> Hashable:
        section = sections.get(card.section_id)
        phrase = card.phrase
        if section is None or phrase.paragraph >= len(section.paragraphs):
            return (card.section_id, phrase.paragraph)
        left, _ = sentence_bounds(section.paragraphs[phrase.paragraph], phrase.start, phrase.end)
        return (card.section_id, phrase.paragraph, left)

    return group
