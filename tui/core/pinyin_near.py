"""Answers typed in pinyin that are nearly right: one letter off, never a character left out.

In an answer of four or more characters, what was typed for one character may be one
letter off its reading or initial (zhenxin for 振兴 zhenxing, xcqmzz for xcqmzx): a
slip of the fingers. A syllable or initial not typed at all is a character not known,
however the letters typed could be cut up to cover it: baozhangminti is not near
保障民生难题, though min read as m for 民, i for 生 and n for 难 is one letter off.
Nor is a letter that changes the meaning (`tui.core.meaning`): a digit, a spelling of
the opposite character (yx for 以上), a negation's initial added among initials (b, m, w, f).

Known limit: a reading that is right but for the slip may still cut one typed syllable
in two where the answer allows it exactly (zhe as z for 振 and he for 和); only the
stretch off and its neighbours are kept from that.
"""

from __future__ import annotations

import re

from tui.core import meaning
from tui.core.pinyin import TONES, Match, Step, Unit, Way, fold, is_chinese, units

_VOWELS = frozenset("aeiouv")
# One syllable's shape: an initial or none, then a final (ü as v).
_FINALS = "iang|iong|uang|ang|eng|ing|ong|iao|ian|uai|uan|van|ai|ei|ui|ao|ou|iu|ie|ve|ue|er|an|en|in|un|vn|ia|ua|uo"
_ONE_SYLLABLE = re.compile(rf"(?:[bpmfdtnlgkhjqxrwy]|[zcs]h?)?(?:{_FINALS}|[aoeiuv])")

# A reading so far: (position, edits, the stretch to check the next one against, or "").
_State = tuple[int, int, str]
# Each state reached -> (initials, the state before, step, way: 0 character, 1 syllable, 2 initial).
_Reached = dict[_State, tuple[int, _State, Step, int]]


def nearly(typed: str, expected: str) -> Match | None:
    """Normalised `typed` as the expected answer with one letter off inside one character's stretch, or None.

    Every character is typed, in a stretch of its own: the character itself, a reading
    or an initial, exactly but for one (`_slip`). A syllable left out is a character
    not known, not a slip; only a character that is not Chinese (the % of 5%) may be
    left out, as one letter. The stretch off and a neighbour never make one syllable
    together (`_cut`). Fewest initials first.
    """
    cells = units(expected)
    text = fold(typed)
    rows: list[_Reached] = [{(0, 0, ""): (0, (0, 0, ""), "same", 0)}]
    for cell in cells:
        row: _Reached = {}
        for state, (initials, *_) in rows[-1].items():
            p, edits, last = state
            for end, kind, way in _ways_on(text, p, cell, slip=edits == 0):
                stretch = text[p:end]
                if (kind == "wrong" or edits) and _cut(last, stretch):
                    continue
                after = (end, edits + (kind != "same"), stretch if kind == "wrong" or not edits else "")
                cost = initials + (way == 2)
                if after not in row or cost < row[after][0]:
                    row[after] = (cost, state, kind, way)
        rows.append(row)
    return _read_back(text, rows)


def _read_back(text: str, rows: list[_Reached]) -> Match | None:
    """The best reading of the whole of `text` with its edit, as a Match (None if there is none)."""
    ends = [(found[0], state) for state, found in rows[-1].items() if state[0] == len(text) and state[1] == 1]
    if not ends:
        return None
    state = min(ends)[1]
    steps: list[tuple[Step, str, int]] = []
    ways: set[int] = set()
    for j in range(len(rows) - 1, 0, -1):
        _, before, kind, way = rows[j][state]
        ways.add(way)
        steps.append((kind, text[before[0] : state[0]], j - 1))
        state = before
    by: Way = "initials" if 2 in ways else "pinyin" if 1 in ways else "characters"
    return Match(1, by, tuple(reversed(steps)))


def _cut(before: str, after: str) -> bool:
    """Whether two stretches read as two characters look like one syllable cut in two.

    Letters of one syllable shape together (zhan read as z for 长 and han, one letter
    off zhan, for 站), or an initial and then a vowel (si read as s for 三 and i, one
    letter off ge, with ge for 个): the syllable typed stands for one character, and
    the character cut out of it was not typed.
    """
    joined = before + after
    if not (before and after and joined.isascii() and joined.isalpha()):
        return False
    return bool(_ONE_SYLLABLE.fullmatch(joined)) or (not _VOWELS & set(before) and after[0] in _VOWELS)


def _forms(cell: Unit) -> list[tuple[str, int]]:
    """How a unit may be typed, with the way: the character (0), a reading (1), an initial (2)."""
    return [(cell.char, 0)] + [(s, 1) for s in cell.syllables] + [(i, 2) for i in cell.initials]


def _ways_on(text: str, p: int, cell: Unit, slip: bool) -> list[tuple[int, Step, int]]:
    """Where a unit typed from `p` may end: (end, same, wrong or missing, way); wrong or missing only with `slip`.

    A numeral is never left out, and a slip in it never spells another (si for san is
    another figure; sa is a slip). A syllable may be followed by its tone's number.
    """
    found: list[tuple[int, Step, int]] = [(p + len(f), "same", way) for f, way in _forms(cell) if text.startswith(f, p)]
    if slip:
        if not is_chinese(cell.char) and not meaning.is_numeral(cell.char):
            found.append((p, "missing", 0))
        for form, way in _forms(cell):
            for size in {len(form) - 1, len(form), len(form) + 1} - {0}:
                if p + size <= len(text) and _slip(text[p : p + size], form, cell, way):
                    found.append((p + size, "wrong", way))
    toned = [(end + 1, kind, way) for end, kind, way in found if way == 1 and end < len(text) and text[end] in TONES]
    return found + toned


def _slip(stretch: str, form: str, cell: Unit, way: int) -> bool:
    """Whether `stretch` is `form` of the unit with one letter wrong, missing or too many, and the meaning kept.

    Not when the letter is a digit, nor when the stretch spells an opposite of the
    character (x, xia for 上), nor when it adds a negation's initial (b, m, w, f)
    next to a character not typed as a syllable (one letter is no syllable's worth
    of negation: bu, mei). Nor is a letter typed for a Chinese character, or the other
    way: letters for a character are its reading or its initial, one letter off.
    """
    edit = meaning.one_edit(stretch, form)
    if edit is None or meaning.changes_meaning(*edit):
        return False
    typed, wanted = edit
    if typed and wanted and is_chinese(typed) != is_chinese(wanted):
        return False
    if meaning.is_numeral(cell.char) and any(
        _spells(stretch, other) for other in meaning.NUMERALS if other != cell.char and is_chinese(other)
    ):
        return False  # si for 三 is 四: another figure
    if any(_spells(stretch, other) for other in meaning.OPPOSITES.get(cell.char, ())):
        return False
    added = way != 1 and wanted == "" and form in (stretch[1:], stretch[:-1])
    return not (added and any(_spells(typed, negation) for negation in meaning.NEGATIONS))


def _spells(stretch: str, char: str) -> bool:
    """Whether a stretch typed is a character itself, one of its readings or one of their initials."""
    return stretch == char or stretch in units(char)[0].syllables or stretch in units(char)[0].initials
