"""Characters whose change changes what an answer says: numerals, opposites, negations.

An answer one character off is nearly right (see `quiz.check`) when that character is a
slip: 作风建没 for 作风建设. It is wrong when the character carries the meaning: a
figure (1300 for 1200), an opposite (以下 for 以上), a negation added or left out
(不断 for 断). These tables are general Chinese, never the phrases of one document.
"""

from __future__ import annotations

from tui.core.numerals import CN_CHARS

# Digits (ASCII and full width) and Chinese numerals, with the large units 万 and 亿.
NUMERALS = frozenset("0123456789０１２３４５６７８９" + CN_CHARS + "万亿")

NEGATIONS = frozenset("不没无非未勿")

_PAIRS = (
    "上下 前后 左右 多少 增减 升降 高低 大小 长短 快慢 内外 进退 正负 加减 有无 是非 "
    "早晚 新旧 强弱 买卖 入出 收支 开关 先后 东西 南北 男女 老少 首末"
)


def _opposites() -> dict[str, frozenset[str]]:
    """Each character of the table with its opposites, both ways (后 is opposite to 前 and to 先)."""
    found: dict[str, set[str]] = {}
    for pair in _PAIRS.split():
        first, second = pair[0], pair[1]
        found.setdefault(first, set()).add(second)
        found.setdefault(second, set()).add(first)
    return {char: frozenset(others) for char, others in found.items()}


OPPOSITES = _opposites()


def is_numeral(char: str) -> bool:
    """A digit or a Chinese numeral: one of them changed is another figure."""
    return char in NUMERALS


def opposite(a: str, b: str) -> bool:
    """Whether two single characters are opposites (上 and 下), in either order."""
    return b in OPPOSITES.get(a, ())


def one_edit(typed: str, wanted: str) -> tuple[str, str] | None:
    """The characters that differ when one insertion, deletion or substitution turns `typed` into `wanted`.

    (typed character, wanted character), "" on the side that has none; None when the
    two are the same or more than one edit apart. Which character it is tells a slip
    from a change of meaning (`changes_meaning`).
    """
    if typed == wanted or abs(len(typed) - len(wanted)) > 1:
        return None
    short, long = sorted((typed, wanted), key=len)
    i = 0
    while i < len(short) and short[i] == long[i]:
        i += 1
    if len(typed) == len(wanted):
        return (typed[i], wanted[i]) if typed[i + 1 :] == wanted[i + 1 :] else None
    if short[i:] != long[i + 1 :]:
        return None
    return (long[i], "") if len(typed) > len(wanted) else ("", long[i])


def changes_meaning(typed: str, wanted: str) -> bool:
    """Whether typing `typed` where `wanted` belongs changes the answer's meaning.

    `typed` and `wanted` are the one character that differs, or "" for the side that
    has none (a character left out or added): one numeral for another, a numeral left
    out or added, opposites, or a negation added or left out. A numeral typed for a
    character that sounds like it, or the other way, is a slip of the input method
    (坚持一人为本, 统以战线, 十事求是); so is a negation typed for another character
    (作风建没 for 作风建设): 没 there negates nothing.
    """
    if not typed or not wanted:
        return is_numeral(typed or wanted) or (typed or wanted) in NEGATIONS
    if is_numeral(typed) and is_numeral(wanted):
        return True
    return opposite(typed, wanted)
