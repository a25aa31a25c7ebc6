"""Reading the numbers headings are numbered with: Chinese, financial, digits, Roman, letters, enclosed, English words."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# Chinese numerals, ordinary and financial (simplified and traditional), as they are read.
_DIGIT = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_FINANCIAL_DIGIT = {"壹": 1, "贰": 2, "貳": 2, "叁": 3, "參": 3, "肆": 4, "伍": 5, "陆": 6, "陸": 6, "柒": 7, "捌": 8, "玖": 9}
_UNIT = {"十": 10, "百": 100, "千": 1000}
_FINANCIAL_UNIT = {"拾": 10, "佰": 100, "仟": 1000}
FINANCIAL = "".join(_FINANCIAL_DIGIT) + "".join(_FINANCIAL_UNIT)
ORDINARY = "".join(d for d in _DIGIT if d not in "零〇○") + "".join(_UNIT)
# Every character a Chinese numeral up to 9,999 is written with (for regular expressions).
CN_CHARS = "".join(_DIGIT) + "".join(_UNIT) + FINANCIAL
CN_MAX_LEN = 8  # 九千九百九十九 is seven characters; 一千零一十 five

_CANONICAL_DIGITS = "零一二三四五六七八九"
_CANONICAL_UNITS = ("", "十", "百", "千")


def chinese(n: int) -> str:
    """The standard way to write 0 <= n <= 9,999 in Chinese numerals: 十一, 一百一十一, 一千零一."""
    if n == 0:
        return "零"
    parts: list[str] = []
    gap = False
    for power in (3, 2, 1, 0):
        digit = n // 10**power % 10
        if digit == 0:
            gap = bool(parts)  # a 零 is written once, only before a later non-zero digit
            continue
        if gap:
            parts.append("零")
            gap = False
        parts.append(_CANONICAL_DIGITS[digit] + _CANONICAL_UNITS[power])
    text = "".join(parts)
    return text[1:] if 10 <= n <= 19 else text  # 十一, not 一十一


@lru_cache(maxsize=4096)  # headings repeat the same few numerals
def read_numeral(text: str) -> int | None:
    """The value of a numeral from 0 to 9,999, or None when the text is not one.

    Chinese numerals as they are correctly written (一百二十一, 一千零一, 十一 and 一十一,
    两百, 〇 or 零), financial numerals (壹佰贰拾壹), and ASCII or full-width digits (12, １２).
    A malformed numeral (一一, 百, 一百五) is no number: a heading rule then sees no heading.
    """
    if not text or len(text) > CN_MAX_LEN:
        return None
    if text.isdigit():
        if len(text) > 4 or not all(ch.isascii() or "０" <= ch <= "９" for ch in text):
            return None
        return int(text)
    financial = any(ch in FINANCIAL for ch in text)
    if financial and any(ch in ORDINARY for ch in text):
        return None  # one numeral is written in one script
    total = 0
    digit: int | None = None
    normalised: list[str] = []
    for at, ch in enumerate(text):
        if ch in _DIGIT or ch in _FINANCIAL_DIGIT:
            digit = _DIGIT[ch] if ch in _DIGIT else _FINANCIAL_DIGIT[ch]
            if ch in "两兩" and text[at + 1: at + 2] not in ("百", "千"):
                return None  # 两 counts hundreds and thousands only: 两百, 一千两百
            normalised.append(_CANONICAL_DIGITS[digit])
        elif ch in _UNIT or ch in _FINANCIAL_UNIT:
            unit = _UNIT[ch] if ch in _UNIT else _FINANCIAL_UNIT[ch]
            total += (1 if digit is None else digit) * unit
            digit = None
            normalised.append(_CANONICAL_UNITS[len(str(unit)) - 1])
        else:
            return None
    total += digit or 0
    if total > 9999:
        return None
    written = "".join(normalised)
    standard = chinese(total)
    # Read loosely, accepted only as written correctly: 一十一 for 十一 is correct too.
    if written == standard or (10 <= total <= 19 and written == "一" + standard):
        return total
    return None


# Roman numerals: ASCII letters, or the Unicode forms Ⅰ Ⅱ … Ⅻ ⅰ ⅱ … (read through NFKC).
_ROMAN = (("M", 1000), ("CM", 900), ("D", 500), ("CD", 400), ("C", 100), ("XC", 90), ("L", 50), ("XL", 40), ("X", 10), ("IX", 9), ("V", 5), ("IV", 4), ("I", 1))
ROMAN_CHARS = "".join(chr(c) for c in range(0x2160, 0x2189))


def roman(n: int) -> str:
    """1 <= n <= 3,999 in upper-case Roman numerals."""
    parts: list[str] = []
    for letters, value in _ROMAN:
        count, n = divmod(n, value)
        parts.append(letters * count)
    return "".join(parts)


def read_roman(text: str) -> int | None:
    """The value of a correctly written Roman numeral (IV, xii, Ⅻ), else None (IIII, IC)."""
    text = unicodedata.normalize("NFKC", text) if any(ch in ROMAN_CHARS for ch in text) else text
    if not text or len(text) > 15 or not (text.isupper() or text.islower()):
        return None
    upper = text.upper()
    total = 0
    at = 0
    for letters, value in _ROMAN:
        while upper.startswith(letters, at):
            total += value
            at += len(letters)
    if at != len(upper) or not 0 < total < 4000 or roman(total) != upper:
        return None
    return total


def read_letter(text: str) -> int | None:
    """A single ASCII letter as an ordinal: A and a are 1, Z and z 26."""
    if len(text) == 1 and text.isascii() and text.isalpha():
        return ord(text.lower()) - ord("a") + 1
    return None


_ONES = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_WORDS = {word: n for n, word in enumerate(_ONES, 1)} | {word: 10 * n for n, word in enumerate(_TENS, 2)}


def read_english(text: str) -> int | None:
    """An English number word from one to ninety-nine (Chapter Twenty-One), else None."""
    words = text.lower().split("-")
    if len(words) == 1:
        return _WORDS.get(words[0])
    if len(words) == 2 and words[0] in _TENS and words[1] in _ONES[:9]:
        return _WORDS[words[0]] + _WORDS[words[1]]
    return None


def read_division(text: str) -> int | None:
    """The number after a division word: 3, 1.2 (as 1), IV, B, Twenty-One; else None (Part Time, PART CIVIL)."""
    if text[0].isdigit():
        return int(text.split(".")[0])
    if len(text) == 1:
        return read_roman(text) if text in "IVX" else read_letter(text)
    return read_roman(text) if text.isupper() and read_roman(text) is not None else read_english(text)


def read_enumerator(name: str) -> tuple[str, int] | None:
    """A list label's letters: ("roman", n) for IV, ⅱ, and I V X alone; ("alpha", n) for the other single letters.

    C, D, L and M alone are letters (a list rarely reaches 50), I, V and X are read as
    numerals, and a heading list then decides (I. after H. is the ninth letter).
    """
    number = read_roman(name)
    if number is not None and number <= 100 and (len(name) > 1 or not name.isascii() or name in "IVXivx"):
        return "roman", number
    letter = read_letter(name)
    return None if letter is None else ("alpha", letter)


def next_enumerator(name: str, kind: str, number: int) -> str | None:
    """The label letters after these: B after A, v after iv, III after II; None after Z."""
    if not name.isascii() or name in "zZ":
        return None
    following = chr(ord(name) + 1) if kind == "alpha" else roman(number + 1)
    return following.lower() if name.islower() else following


def _enclosed() -> dict[str, tuple[str, int]]:
    """Single characters that are a number in a frame: ① ⑴ ⒈ ❶ ➀ ⓵ ㈠ ㊀, with their style."""
    table: dict[str, tuple[str, int]] = {}

    def run(style: str, first: int, start: int, count: int) -> None:
        for offset in range(count):
            table[chr(first + offset)] = (style, start + offset)

    run("circled", 0x2460, 1, 20)       # ① … ⑳
    run("circled", 0x3251, 21, 15)      # ㉑ … ㉟
    run("circled", 0x32B1, 36, 15)      # ㊱ … ㊿
    run("circled", 0x24EA, 0, 1)        # ⓪
    run("circled_dark", 0x2776, 1, 10)  # ❶ … ❿
    run("circled_dark", 0x278A, 1, 10)  # ➊ … ➓
    run("circled_dark", 0x24EB, 11, 10)  # ⓫ … ⓴
    run("circled_sans", 0x2780, 1, 10)  # ➀ … ➉
    run("circled_double", 0x24F5, 1, 10)  # ⓵ … ⓾
    run("paren", 0x2474, 1, 20)         # ⑴ … ⒇
    run("stop", 0x2488, 1, 20)          # ⒈ … ⒛
    run("cn_paren", 0x3220, 1, 10)      # ㈠ … ㈩, as （一）
    run("cn_circled", 0x3280, 1, 10)    # ㊀ … ㊉
    return table


ENCLOSED = _enclosed()
