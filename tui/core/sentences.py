"""The sentence (or clause) a review card shows its phrase in, and which sentence a card sits in."""

from __future__ import annotations

from collections.abc import Callable, Hashable

from tui.core.model import Card, Document
from tui.core.quiz import letters

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


def sentence_around(paragraph_text: str, start: int, end: int, max_chars: int = 60) -> tuple[str, int, int]:
    """The sentence holding a phrase, cut to its clause when long, and the phrase's place in it.

    Returns (text, start, end) with `text[start:end]` the phrase. When even the
    clause is longer than `max_chars`, a window around the phrase is kept, with
    "…" where the text was cut.
    """
    left, right = sentence_bounds(paragraph_text, start, end)
    if right - left > max_chars:
        clause_left, clause_right = _sentence_bounds(paragraph_text, start, end, _CLAUSE_ENDS)
        left, right = _widen(
            paragraph_text, max(left, clause_left), min(right, clause_right), start, end, left, right, max_chars
        )
    before = after = ""
    if right - left > max_chars:
        room = max(0, max_chars - (end - start))
        new_left = max(left, start - room // 2)
        new_right = min(right, end + room - (start - new_left))
        new_left = max(left, start - (room - (new_right - end)))
        before = "…" if new_left > left else ""
        after = "…" if new_right < right else ""
        left, right = new_left, new_right
    text = before + paragraph_text[left:end] + paragraph_text[end:right].rstrip() + after
    offset = len(before) - left
    return text, start + offset, end + offset


MIN_CONTEXT = 4  # letters around a phrase below which its clause gives no cue


def _widen(
    text: str, left: int, right: int, start: int, end: int, floor: int, ceiling: int, max_chars: int
) -> tuple[int, int]:
    """Take in whole neighbouring clauses (the one before first) while the clause
    `text[left:right]` is little more than its phrase, as in a run of parallel ones
    (自信自强、守正创新，踔厉奋发、勇毅前行，): a blank alone gives nothing to recall it by.
    Never past the sentence (`floor`, `ceiling`) nor `max_chars`.
    """
    while letters(text[left:start]) + letters(text[end:right]) < MIN_CONTEXT:
        if left > floor:
            earlier = max(floor, _sentence_bounds(text, left - 1, left - 1, _CLAUSE_ENDS)[0])
            if earlier < left and right - earlier <= max_chars:
                left = earlier
                continue
        if right < ceiling:
            later = min(ceiling, _sentence_bounds(text, right, right, _CLAUSE_ENDS)[1])
            if later > right and later - left <= max_chars:
                right = later
                continue
        break
    return left, right


def sentence_for(doc: Document, card: Card, max_chars: int = 60) -> tuple[str, int, int]:
    """The sentence (or clause) a review card shows, with its phrase at `text[start:end]`."""
    section = doc.find(card.section_id)
    phrase = card.phrase
    if section is None or phrase.paragraph >= len(section.paragraphs):
        return phrase.text, 0, len(phrase.text)
    return sentence_around(section.paragraphs[phrase.paragraph], phrase.start, phrase.end, max_chars)


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
