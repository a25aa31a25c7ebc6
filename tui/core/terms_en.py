"""English terms: capitalised names (House of Representatives, Writ of Habeas Corpus) and "the X of Y"
(freedom of speech), never across a clause and never with a stop word at an edge.

How common a word is in general English comes from wordfreq's small list (imported on first
need, only for a document with English in it): rare words make a term specific.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from tui.core.paragraph import Paragraph

TERM_WORDS = 6  # words in an English term at most
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")
# Marks that end a clause: no term runs across them.
_CLAUSE_END = re.compile(r"[.,;:!?()\[\]\"“”‘’—]|\s-\s")
_CONNECTORS = ("of", "of the", "pro")  # "and" joins the items of a list, which the list rule keeps whole
STOP = frozenset(
    "a an the of and or nor but to in on at for by with from as than that which who whom whose this these those "
    "such any all each every no not none some shall will may must can could should would be is are was were been "
    "being have has had do does did it its he she they them his her their we our us you your i if when where "
    "whenever wherever while until unless before after during under over within without upon into onto between "
    "among against about above below other same own so thus then there here herein thereof therein hereby "
    "provided nothing neither either both one two three four five six seven eight nine ten first second third "
    "last next".split()
)


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, float]:
    try:
        from wordfreq import get_frequency_dict  # imported on first need: ~0.15 s, ~20 MB
    except ImportError:  # pragma: no cover - wordfreq is a dependency; be useful without it anyway
        return {}
    return get_frequency_dict("en", wordlist="small")


def zipf(word: str) -> float:
    """How common a word is in general English, on the Zipf scale (0 unknown, 7 the commonest)."""
    frequency = _frequencies().get(word.lower(), 0.0)
    return math.log10(frequency * 1e9) if frequency > 0 else 0.0


_LATIN_WORD = re.compile("[A-Za-z][A-Za-z]{2}")  # three letters; a first letter lets the engine scan fast


def english_terms(paragraph: Paragraph) -> list[tuple[int, int, str, bool]]:
    """The candidate terms of a paragraph: (start, end, text, capitalised)."""
    text = paragraph.text
    if not _LATIN_WORD.search(text):
        return []
    found: list[tuple[int, int, str, bool]] = []
    for clause_start, clause_end in _clauses(text):
        words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, clause_start, clause_end)]
        found += [t for t in _capitalised(text, words, clause_start) if not _cut_short(text, t[0], t[1])]
        found += _of_phrases(text, words)
    return [t for t in found if t[0] in paragraph.bounds and t[1] in paragraph.bounds]


# After a term, what shows that its phrase goes on: an of with a lower-case object (the
# Ratification of the Conventions | of nine States) ...
_GOES_ON = re.compile(r"\s+of\s+[a-z]")
# ... or that the object of its of is the first item of a list (Erection of Forts |, Magazines).
_LIST_FOLLOWS = re.compile(r"\s*,\s*(?:and\s+|or\s+)?[A-Z]")


def _cut_short(text: str, start: int, end: int) -> bool:
    """Whether a capitalised term stops short of the phrase it belongs to (a blank of it would cut it)."""
    if _GOES_ON.match(text, end):
        return True
    return " of " in text[start:end] and bool(_LIST_FOLLOWS.match(text, end))


def _clauses(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in _CLAUSE_END.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def _capitalised(text: str, words: list[tuple[int, int, str]], clause_start: int) -> list[tuple[int, int, str, bool]]:
    """Runs of capitalised words, joined by of/and/the between two of them."""
    found = []
    i = 0
    while i < len(words):
        if not words[i][2][0].isupper():
            i += 1
            continue
        j = i
        while True:
            k = j + 1
            # "of", "of the", "and" may join two capitalised words.
            for connector in _CONNECTORS:
                parts = connector.split()
                if k + len(parts) < len(words) and [w[2] for w in words[k : k + len(parts)]] == parts:
                    if words[k + len(parts)][2][0].isupper():
                        k += len(parts)
                        break
            if k < len(words) and words[k][2][0].isupper() and text[words[k - 1][1] : words[k][0]].strip() == "":
                j = k
                continue
            break
        run = words[i : j + 1]
        if i >= 2 and words[i - 1][2] in ("and", "or") and words[i - 2][2][0].isupper():
            i = j + 1
            continue  # Marque and Reprisal: the second half of a pair of names
        while run and run[0][2].lower() in STOP:
            run = run[1:]
        while run and run[-1][2].lower() in STOP:
            run = run[:-1]
        opening = bool(run) and run[0][0] == words[0][0] and not text[clause_start : run[0][0]].strip()
        if opening and len(run) > 1 and run[1][2][0].isupper():
            run = run[1:]  # Thereupon Congress: a word capitalised for opening the sentence, then a name
        if run and len(run) <= TERM_WORDS:
            start, end = run[0][0], run[-1][1]
            opening = start == words[0][0] and not text[clause_start:start].strip()
            found.append((start, end, text[start:end], not opening or len(run) > 1))
        i = j + 1
    return found


def _of_phrases(text: str, words: list[tuple[int, int, str]]) -> list[tuple[int, int, str, bool]]:
    """X of Y, X of the Y in lower case (freedom of speech, redress of grievances)."""
    found = []
    for k, (_, _, word) in enumerate(words):
        if word != "of" or k == 0 or k + 1 >= len(words):
            continue
        head = words[k - 1]
        at = k + 2 if words[k + 1][2] == "the" and k + 2 < len(words) else k + 1
        tail = words[at]
        if at + 1 < len(words) and words[at + 1][2].lower() not in STOP:
            continue  # the validity of the public debt: the phrase goes on past its tail
        if head[2].lower() in STOP or tail[2].lower() in STOP or len(head[2]) < 4 or len(tail[2]) < 4:
            continue
        if head[2].endswith(("ed", "ing")):
            continue  # informed of the nature: a verb, not a noun, before "of"
        if head[2][0].isupper() or tail[2][0].isupper():
            continue  # names are the capitalised rule's
        found.append((head[0], tail[1], text[head[0] : tail[1]], False))
    return found


def specificity(term: str) -> float:
    """How specific a term is: the rarity of its rarest content word, 0 to about 7."""
    words = [w for w in _WORD.findall(term) if w.lower() not in STOP]
    if not words:
        return 0.0
    return max(7.0 - zipf(w) for w in words)


_CAP = r"(?:[A-Z][a-z]+(?: [A-Z][a-z]+)?)"
# Capitalised items in a row, the last after and/or: Indictment, Trial, Judgment and Punishment.
# Not after another word (public Ministers and Consuls) nor after an item before it (Duties, Imposts
# and Excises): the list would be cut.
_LIST = re.compile(rf"\b{_CAP}(?:(?:, {_CAP}){{1,8}},? (?:and|or) {_CAP}| (?:and|or) {_CAP})\b")
_BEFORE_LIST = re.compile(r"(?:[A-Z][A-Za-z]*,? |[a-z]+, )$")
LIST_RARE = 4.0  # a list of names needs one no commoner than this on the Zipf scale (Imposts, not Law or Fact)


def english_lists(paragraph: Paragraph) -> list[tuple[int, int]]:
    """Lists of capitalised nouns, each one blank whole (Elections, Returns and Qualifications)."""
    text = paragraph.text
    if " and " not in text and " or " not in text:
        return []
    found = []
    for match in _LIST.finditer(text):
        if _BEFORE_LIST.search(text, max(0, match.start() - 30), match.start()):
            continue  # after a name or an item of its own: part of a name, or the list is cut
        if text[max(0, match.start() - 3) : match.start()] == "of " or text[match.end() :].startswith(" of "):
            continue  # Letters of Marque and Reprisal, Senate and House of Representatives: part of a name
        items = re.split(r",? (?:and|or) |, ", match.group())
        if any(item.split()[0].lower() in STOP for item in items):
            continue
        if min(zipf(w) for item in items for w in item.split()) >= LIST_RARE:
            continue  # Senators and Representatives, Law or Regulation: common words any reader supplies
        if match.start() in paragraph.bounds and match.end() in paragraph.bounds:
            found.append(match.span())
    return found
