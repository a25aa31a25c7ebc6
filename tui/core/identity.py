"""Where stored progress belongs after a document was copied, moved or edited: fingerprints and matching."""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict, deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from tui.core.model import Card, Document, Section
from tui.core.passages import MARK as PASSAGE_MARK
from tui.core.quiz import card_key, normalize

# ---------------------------------------------------------------- documents

# A document's fingerprint: the smallest hashes of its sentences (a bottom-k sketch), so
# two versions of a text are compared in constant space, whatever their length.
FINGERPRINT_SIZE = 256
# Texts that share at least this share of their sentences are versions of one document.
SAME_DOCUMENT = 0.5

_SENTENCE_ENDS = re.compile(r"[。！？；!?;\n]+|\.\s")


def fingerprint(text: str) -> list[int]:
    """The bottom-k sketch of a text's sentences, each compared without spaces, punctuation or case."""
    hashes: set[int] = set()
    for sentence in _SENTENCE_ENDS.split(text):
        folded = normalize(sentence)
        if len(folded) >= 4:  # short fragments (numbers, 同志们) say nothing of which text it is
            hashes.add(int.from_bytes(hashlib.blake2b(folded.encode("utf-8"), digest_size=8).digest(), "big"))
    return sorted(hashes)[:FINGERPRINT_SIZE]


def similarity(a: Sequence[int], b: Sequence[int]) -> float:
    """The estimated share of sentences two fingerprinted texts have in common (Jaccard), 0 to 1."""
    if not a or not b:
        return 0.0
    both = set(a) & set(b)
    union = sorted(set(a) | set(b))[: max(len(a), len(b))]
    return sum(1 for value in union if value in both) / len(union)


# ---------------------------------------------------------------- sections


@dataclass(frozen=True)
class SectionPlace:
    """A section as progress knows it: its key (heading path), its parent's key and its own part of the path."""

    key: str
    parent: str | None
    part: str


def layout(doc: Document) -> list[SectionPlace]:
    """The sections of a document in reading order, as `match_sections` compares them."""
    keys = doc.section_keys()
    places: list[SectionPlace] = []

    seen: set[str] = set()

    def visit(sections: Iterable[Section], parent: str | None) -> None:
        for section in sections:
            key = keys[section.id]
            if key not in seen:  # two sections with one heading path share their progress's key
                seen.add(key)
                places.append(SectionPlace(key, parent, key[len(parent) + 3 :] if parent is not None else key))
            visit(section.children, key)

    visit(doc.sections, None)
    return places


def layout_from_keys(keys: Iterable[str]) -> list[SectionPlace]:
    """A layout rebuilt from section keys alone (progress stored before layouts were).

    The tree comes from the paths ("一 / （一）" is a child of "一", even when "一" has no
    card); the order among siblings is unknown, so match it with `by_position=False`.
    """
    places: dict[str, SectionPlace] = {}
    for key in sorted(set(keys)):
        parts = key.split(" / ")
        for depth in range(1, len(parts) + 1):
            path = " / ".join(parts[:depth])
            if path not in places:
                parent = " / ".join(parts[: depth - 1]) if depth > 1 else None
                places[path] = SectionPlace(path, parent, parts[depth - 1])
    return list(places.values())


# How alike two headings must be (normalised, 0 to 1) to be one heading edited.
_SIMILAR_HEADING = 0.7
_MOST_COMPARISONS = 10_000


def match_sections(
    old: Sequence[SectionPlace], new: Sequence[SectionPlace], by_position: bool = True
) -> dict[str, str]:
    """Old section key -> new section key, for every old section found again.

    Under parents already matched (the top level first): the same heading; then the
    same once spaces, punctuation, width and case are ignored; then a heading with a
    character or two changed; then (with `by_position`) the same place among its
    siblings. A section whose parent was not found is matched by its heading alone,
    when exactly one fits.
    """
    old = list({place.key: place for place in reversed(old)}.values())[::-1]  # each key once, first kept
    new = list({place.key: place for place in reversed(new)}.values())[::-1]
    old_children: dict[str | None, list[SectionPlace]] = defaultdict(list)
    new_children: dict[str | None, list[SectionPlace]] = defaultdict(list)
    for place in old:
        old_children[place.parent].append(place)
    for place in new:
        new_children[place.parent].append(place)
    matched: dict[str, str] = {}
    used: set[str] = set()

    def descend(old_parent: str | None, new_parent: str | None) -> None:
        olds = old_children.get(old_parent, [])
        news = [place for place in new_children.get(new_parent, []) if place.key not in used]
        for before, after in _pair(olds, news, by_position):
            matched[before.key] = after.key
            used.add(after.key)
        for before in olds:
            if before.key in matched:
                descend(before.key, matched[before.key])

    descend(None, None)
    for before in old:
        if before.key in matched:
            continue
        # Moved under another parent, or its parent was not found: its heading alone decides.
        fits = [after for after in new if after.key not in used and normalize(after.part) == normalize(before.part)]
        if len(fits) == 1:
            matched[before.key] = fits[0].key
            used.add(fits[0].key)
            descend(before.key, fits[0].key)
    return matched


def _pair(
    olds: list[SectionPlace], news: list[SectionPlace], by_position: bool
) -> list[tuple[SectionPlace, SectionPlace]]:
    pairs: list[tuple[SectionPlace, SectionPlace]] = []
    paired_old: set[int] = set()
    paired_new: set[int] = set()

    def take(i: int, j: int) -> None:
        pairs.append((olds[i], news[j]))
        paired_old.add(i)
        paired_new.add(j)

    # The same heading, then the same heading normalised: each new one once, in order.
    for form in (lambda part: part, normalize):
        waiting: dict[str, deque[int]] = defaultdict(deque)
        for j, after in enumerate(news):
            if j not in paired_new:
                waiting[form(after.part)].append(j)
        for i, before in enumerate(olds):
            if i in paired_old:
                continue
            queue = waiting.get(form(before.part))
            while queue and queue[0] in paired_new:
                queue.popleft()
            if queue:
                take(i, queue.popleft())
    left_old = [i for i in range(len(olds)) if i not in paired_old]
    left_new = [j for j in range(len(news)) if j not in paired_new]
    # Headings edited a little: the most alike pairs first (skipped when too many are left
    # to compare, say every heading of a long document rewritten: their places still count).
    if left_old and left_new and len(left_old) * len(left_new) <= _MOST_COMPARISONS:
        scored = sorted(
            (
                (SequenceMatcher(None, normalize(olds[i].part), normalize(news[j].part), autojunk=False).ratio(), i, j)
                for i in left_old
                for j in left_new
            ),
            key=lambda item: (-item[0], item[1], item[2]),
        )
        for ratio, i, j in scored:
            if ratio < _SIMILAR_HEADING:
                break
            if i not in paired_old and j not in paired_new:
                take(i, j)
    if by_position:
        # Rewritten headings: the same place among their siblings. Cards follow only where
        # their phrase is still in the section, so a wrong pairing moves nothing.
        for i in range(len(olds)):
            if i not in paired_old and i < len(news) and i not in paired_new:
                take(i, i)
    return pairs


# ---------------------------------------------------------------- cards


@dataclass(frozen=True)
class CardPlace:
    """A card as progress knows it: its key, its section's key, its phrase and which occurrence."""

    key: str
    section_key: str
    phrase: str
    occurrence: int


def card_places(doc: Document, cards: Iterable[Card]) -> list[CardPlace]:
    keys = doc.section_keys()
    return [CardPlace(card.key, keys[card.section_id], card.phrase.text, card.occurrence) for card in cards]


def split_key(key: str, section_key: str) -> tuple[str, int] | None:
    """The phrase and occurrence of a card key made by `quiz.card_key`; None for any other key."""
    prefix = f"{section_key} :: "
    if not key.startswith(prefix):
        return None
    phrase, mark, number = key[len(prefix) :].rpartition(" #")
    if not mark or not number.isdigit():
        return None
    return phrase, int(number)


def rekey(key: str, section_key: str, new_section_key: str) -> str | None:
    """A card's key once its section's key is `new_section_key`; None if the key cannot be read."""
    if key.startswith(f"{section_key}{PASSAGE_MARK}"):  # a paragraph's card (tui/core/passages.py)
        return new_section_key + key[len(section_key) :]
    parts = split_key(key, section_key)
    return None if parts is None else card_key(new_section_key, *parts)


def match_cards(stored: Mapping[str, str], current: Sequence[CardPlace]) -> dict[str, str]:
    """Stored card key -> current card key, for reviewed cards whose key is no longer made.

    `stored` maps each reviewed card's key to its section key (both as stored, after
    `match_sections`). A card goes to the same phrase in the same section: the same
    occurrence if free, else the nearest. A card whose section is gone goes to its
    phrase elsewhere only when exactly one card has it. Never to a card that already
    has a history of its own.
    """
    current_keys = {place.key for place in current}
    taken = {key for key in stored if key in current_keys}
    in_section: dict[tuple[str, str], list[CardPlace]] = defaultdict(list)
    anywhere: dict[str, list[CardPlace]] = defaultdict(list)
    sections = {place.section_key for place in current}
    for place in current:
        in_section[(place.section_key, normalize(place.phrase) or place.phrase)].append(place)
        anywhere[normalize(place.phrase) or place.phrase].append(place)
    lost = []
    for key, section_key in sorted(stored.items()):
        if key in current_keys:
            continue
        parts = split_key(key, section_key)
        if parts is not None:
            lost.append((key, section_key, normalize(parts[0]) or parts[0], parts[1]))
    moves: dict[str, str] = {}
    for exact in (True, False):
        for key, section_key, phrase, occurrence in lost:
            if key in moves:
                continue
            if section_key in sections:
                fits = [place for place in in_section[(section_key, phrase)] if place.key not in taken]
            else:
                fits = [place for place in anywhere[phrase] if place.key not in taken]
                if len(fits) != 1:
                    continue  # gone, or ambiguous: never guess
            if exact:
                fits = [place for place in fits if place.occurrence == occurrence]
            if fits:
                chosen = min(fits, key=lambda place: (abs(place.occurrence - occurrence), place.occurrence))
                moves[key] = chosen.key
                taken.add(chosen.key)
    return moves
