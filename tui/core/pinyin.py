"""Answers typed in pinyin: full syllables (tones optional) or initials, matched against the expected characters.

The expected answer becomes a sequence of units, one per character as answers are
compared (see `quiz.normalize`). A Chinese character may be typed as itself, as any of
its readings (every reading of a polyphone: 重 is zhong or chong) or as that reading's
initial; anything else (digits, Latin letters, %) only as itself. The typed text is
matched unit by unit with dynamic programming, so spaces between syllables, tone marks
(zuò) and tone numbers after a syllable (zuo4) may be there or not.

Decisions:
- An initial is the first letter of a reading (作 z, 一 y, 绿 l); for zh, ch and sh the
  two letters are accepted as well as the one, since many people type only the first.
- Each character may be given either way, so characters, syllables and initials can mix
  (作风jianshe, tigao zzzw). An answer with any character given by its initial counts as
  typed in initials (it asks less of memory: rated Good at most); else one with a
  syllable counts as pinyin.
- ü is typed v or u (lv, lu for 绿).
- Nearly right, in an answer of four or more characters: one letter off in what was typed
  for one character (zhenxin for 振兴), never a character not typed at all (baozhangminti
  for 保障民生难题), nor a letter that changes the meaning (see `tui.core.pinyin_near`).

pypinyin is imported only when a Chinese answer is first checked against Latin letters.
"""

from __future__ import annotations

import heapq
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

Way = Literal["characters", "pinyin", "initials"]
Step = Literal["same", "wrong", "missing", "extra"]

TONES = frozenset("012345")
# A run of letters pinyin could spell as one syllable: a wrong syllable is one stretch of
# a near miss, however long, but a stretch of no syllable's shape is as many as its letters.
_SYLLABLE = re.compile(r"(?:[bpmfdtnlgkhjqxrwy]|[zcs]h?)?(?:[aeiouv]{1,3})(?:ng|n|r)?")
_LONGEST = 6  # letters in the longest syllable (zhuang, shuang)
_NEVER = 1 << 30


@dataclass(frozen=True)
class Unit:
    """One character of the expected answer as compared, and the ways it may be typed."""

    char: str  # as answers are compared (normalised)
    at: int  # its index in the expected answer as written
    syllables: tuple[str, ...] = ()  # every reading, toneless (a Chinese character only)
    initials: tuple[str, ...] = ()


@dataclass(frozen=True)
class Match:
    """How typed Latin letters meet an expected Chinese answer."""

    edits: int  # characters wrong, missing or too many (0: right)
    by: Way
    steps: tuple[tuple[Step, str, int], ...]  # (kind, typed stretch, unit index or -1)


def is_chinese(char: str) -> bool:
    """A CJK ideograph (or 〇), the characters pinyin spells."""
    code = ord(char)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0x20000 <= code <= 0x3134F
        or 0xF900 <= code <= 0xFAFF
        or char == "〇"
    )


def fold(text: str) -> str:
    """Typed text as it is matched: tone marks dropped (zuò -> zuo, ü -> u); `text` is normalised already."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if unicodedata.category(c) != "Mn"))


def applies(typed: str, expected: str) -> bool:
    """Whether a normalised answer is to be read as pinyin: Latin letters typed for an answer with Chinese."""
    return any("a" <= c <= "z" for c in fold(typed)) and any(is_chinese(c) for c in expected)


@lru_cache(maxsize=4096)
def readings(char: str) -> tuple[str, ...]:
    """Every reading of a Chinese character without its tone, ü as v and as u (pypinyin, heteronyms)."""
    spelled: list[str] = []
    for reading in _dictionary().get(ord(char), "").split(","):
        # ǜ decomposes to u and two marks: the diaeresis makes it v, the tone goes.
        marked = unicodedata.normalize("NFD", reading).replace("u\u0308", "v")
        bare = "".join(c for c in marked if c.isascii()).lower()
        if not bare.isalpha():
            continue
        for form in (bare, bare.replace("v", "u")):
            if form not in spelled:
                spelled.append(form)
    return tuple(spelled)


@lru_cache(maxsize=1)
def _dictionary() -> dict[int, str]:
    """pypinyin's table of each character's readings (code point -> "zhòng,chóng").

    Loaded from its own file, not through the package, whose import also builds the
    phrase dictionary: 60 ms and 12 MB instead of 0.3 s and 55 MB at the first answer
    typed in pinyin. Through the package when that file is not where it was.
    """
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("pypinyin")
    if spec is not None and spec.origin is not None:
        table = Path(spec.origin).with_name("pinyin_dict.py")
        single = importlib.util.spec_from_file_location("_study_pinyin_dict", table)
        if table.is_file() and single is not None and single.loader is not None:
            module = importlib.util.module_from_spec(single)
            single.loader.exec_module(module)
            found = getattr(module, "pinyin_dict", None)
            if isinstance(found, dict):
                return found
    from pypinyin.pinyin_dict import pinyin_dict

    return dict(pinyin_dict)


def _initials(syllables: tuple[str, ...]) -> tuple[str, ...]:
    found: list[str] = []
    for syllable in syllables:
        forms = [syllable[0]]
        if syllable[:2] in ("zh", "ch", "sh"):
            forms.append(syllable[:2])
        found += [form for form in forms if form not in found]
    return tuple(found)


@lru_cache(maxsize=2048)
def units(expected: str) -> tuple[Unit, ...]:
    """The expected answer, as written, in units to match: one per character compared."""
    from tui.core.quiz import normalize

    made: list[Unit] = []
    for at, char in enumerate(expected):
        for compared in fold(normalize(char)):
            if is_chinese(compared):
                syllables = readings(compared)
                made.append(Unit(compared, at, syllables, _initials(syllables)))
            else:
                made.append(Unit(compared, at))
    return tuple(made)


def _stretches(typed: str) -> list[list[int]]:
    """At each position, the lengths of what one wrong unit may be: a character, or a syllable's letters."""
    lengths: list[list[int]] = []
    for start in range(len(typed)):
        here = [1]
        for end in range(start + 2, min(len(typed), start + _LONGEST) + 1):
            if _SYLLABLE.fullmatch(typed, start, end):
                here.append(end - start)
                if end < len(typed) and typed[end] in TONES:
                    here.append(end - start + 1)
        lengths.append(here)
    return lengths


# One row a unit, only the positions reached: with few edits allowed, a narrow band.
Table = list[dict[int, tuple[int, int]]]
Trail = list[dict[int, tuple[int, int, Step, int]]]


def match(typed: str, expected: str, most: int = 1, start: bool = False, beam: int | None = None) -> Match | None:
    """The best reading of normalised `typed` as the expected answer, with at most `most` units off.

    Fewest edits first, then fewest characters given by their initial. None: more
    than `most` off. With `start`, `typed` may be only the start of the answer (a
    paragraph recited part of the way): the best reading of it as some start, the
    characters after it missing. Without that, the characters not typed would cost
    as much wherever they were left out, and letters taken one by one as initials of
    characters scattered over the answer would read as more of it right. With `beam`,
    readings more than that many edits behind the best one at the same character are
    dropped: fast for a long answer, perhaps not the very best reading.
    """
    cells = units(expected)
    text = fold(typed)
    best, how = _table(text, cells, most, beam)
    end = len(cells)
    if start:
        # The fewest edits, then the most characters read (a last syllable wrong, not too many).
        reached = [(cost, -j) for j in range(len(cells) + 1) if (cost := best[j].get(len(text))) is not None]
        end = -min(reached)[1] if reached else end
    final = best[end].get(len(text))
    if final is None:
        return None
    steps: list[tuple[Step, str, int]] = [("missing", "", j) for j in range(len(cells) - 1, end - 1, -1)]
    ways: set[int] = set()
    j, p = end, len(text)
    while (j, p) != (0, 0):
        step = how[j][p]
        from_j, from_p, kind, way = step
        ways.add(way if kind == "same" else 0)
        steps.append((kind, text[from_p:p], from_j if kind != "extra" else -1))
        j, p = from_j, from_p
    by: Way = "initials" if 2 in ways else "pinyin" if 1 in ways else "characters"
    return Match(final[0] + len(cells) - end, by, tuple(reversed(steps)))


def spelled(typed: str, expected: str) -> int:
    """How many characters of the expected answer, from its start, normalised `typed` spells right (for hints)."""
    cells = units(expected)
    text = fold(typed)
    best, _ = _table(text, cells, 0)
    return max(j for j in range(len(cells) + 1) if best[j])


def _table(text: str, cells: tuple[Unit, ...], most: int, beam: int | None = None) -> tuple[Table, Trail]:
    """best[j][p]: the least (edits, initials) reading units[:j] from text[:p]; how[j][p]: the step there."""
    size, count = len(text), len(cells)
    stretches = _stretches(text)
    best: Table = [{} for _ in range(count + 1)]
    how: Trail = [{} for _ in range(count + 1)]
    best[0][0] = (0, 0)

    def reach(j: int, p: int, cost: tuple[int, int], step: tuple[int, int, Step, int]) -> bool:
        if cost[0] <= most:
            known = best[j].get(p)
            if known is None or cost < known:
                best[j][p] = cost
                how[j][p] = step
                return True
        return False

    for j in range(count + 1):
        row = best[j]
        if not row:
            break  # nothing reaches this unit, nor any after it
        unit = cells[j] if j < count else None
        waiting = sorted(row)  # the positions reached, in order, as a heap: extras add later ones
        done = -1
        limit = most if beam is None else min(cost[0] for cost in row.values()) + beam
        while waiting:
            p = heapq.heappop(waiting)
            if p == done:
                continue
            done = p
            cost = row[p]
            edits, initials = cost
            if edits > limit:
                continue
            if unit is not None:
                if text.startswith(unit.char, p):
                    reach(j + 1, p + len(unit.char), cost, (j, p, "same", 0))
                for syllable in unit.syllables:
                    if text.startswith(syllable, p):
                        end = p + len(syllable)
                        reach(j + 1, end, cost, (j, p, "same", 1))
                        if end < size and text[end] in TONES:
                            reach(j + 1, end + 1, cost, (j, p, "same", 1))
                for initial in unit.initials:
                    if text.startswith(initial, p):
                        reach(j + 1, p + len(initial), (edits, initials + 1), (j, p, "same", 2))
                if edits < most:
                    reach(j + 1, p, (edits + 1, initials), (j, p, "missing", 0))
                    for length in stretches[p] if p < size else ():
                        reach(j + 1, p + length, (edits + 1, initials), (j, p, "wrong", 0))
            if edits < most and p < size:
                for length in stretches[p]:
                    if reach(j, p + length, (edits + 1, initials), (j, p, "extra", 0)):
                        heapq.heappush(waiting, p + length)
    return best, how


def check(typed: str, expected: str, near: bool) -> Match | None:
    """A normalised answer typed in Latin letters, right (0 edits) or, when `near` is allowed, one letter off."""
    found = match(typed, expected, 0)
    if found is not None or not near:
        return found
    from tui.core.pinyin_near import nearly  # which reads the units and readings of this module

    return nearly(typed, expected)


def diff_rows(typed: str, expected: str) -> tuple[list[tuple[Step, str]], list[tuple[Step, str]]]:
    """What was typed, stretch by stretch, over the expected characters: the two lines of a diff.

    Letters are never compared with characters one by one: each stretch typed stands
    for one expected character (same or wrong) or for none (extra), and the expected
    line shows the characters as written, those not typed right as missing.
    """
    from tui.core.quiz import normalize

    found = match(normalize(typed), expected, _NEVER)
    assert found is not None  # every unit may be missing and every letter extra
    typed_row: list[tuple[Step, str]] = []
    right: set[int] = set()
    last = ""
    for kind, stretch, unit in found.steps:
        if kind == "same":
            right.add(unit)
        if not stretch:
            continue
        if typed_row and (len(stretch) > 1 or len(last) > 1):
            _add(typed_row, "same", " ")  # syllables apart, to be read; initials together
        _add(typed_row, "extra" if kind == "extra" else kind, stretch)
        last = stretch
    wanted_row: list[tuple[Step, str]] = []
    wrong_at = {cell.at for n, cell in enumerate(units(expected)) if n not in right}
    for at, char in enumerate(expected):
        _add(wanted_row, "missing" if at in wrong_at else "same", char)
    return typed_row, wanted_row


def _add(row: list[tuple[Step, str]], tag: Step, text: str) -> None:
    if row and row[-1][0] == tag:
        row[-1] = (tag, row[-1][1] + text)
    else:
        row.append((tag, text))
